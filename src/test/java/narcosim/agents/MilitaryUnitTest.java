package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import narcosim.model.TestModels;
import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Network;

/** Posting units on links: the links' unit lists, and the area a surveillance asset watches. */
class MilitaryUnitTest {

    private final Scenario sc = TestModels.load(TestModels.BALLOON);
    private final Network net = new Network(sc, sc.params(), 0.6);
    private final Nation col = net.nations.get(0);

    private Link link(String from, String to) {
        return net.links.stream().filter(l -> l.from.id().equals(from) && l.to.id().equals(to)).findFirst()
                .orElseThrow();
    }

    @Test
    void movingAUnitKeepsTheLinksListsInStep() {
        MilitaryUnit boat = new MilitaryUnit(0, MilitaryUnit.Type.BOAT, col);
        Link a = link("tumaco", "off_gorgona");
        Link b = link("tumaco", "off_malpelo");
        boat.moveTo(a, net);
        assertEquals(a, boat.post());
        assertTrue(a.units().contains(boat));
        boat.moveTo(b, net);
        assertFalse(a.units().contains(boat));
        assertTrue(b.units().contains(boat));
        boat.moveTo(null, net);
        assertNull(boat.post());
        assertTrue(b.units().isEmpty());
        assertTrue(net.links.stream().allMatch(l -> l.surveillance() == 0), "a boat watches nothing");
    }

    @Test
    void surveillanceWatchesItsLinkAndEveryLinkTouchingItsEnds() {
        MilitaryUnit radar = new MilitaryUnit(0, MilitaryUnit.Type.SURVEILLANCE, col);
        radar.moveTo(link("tumaco", "off_gorgona"), net);
        Set<Link> watched = Set.of(link("narino", "tumaco"), link("tumaco", "off_gorgona"),
                link("tumaco", "off_malpelo"), link("off_gorgona", "off_cabo_marzo"));
        for (Link l : net.links) assertEquals(watched.contains(l) ? 1 : 0, l.surveillance(), l.toString());
        MilitaryUnit second = new MilitaryUnit(1, MilitaryUnit.Type.SURVEILLANCE, col);
        second.moveTo(link("off_gorgona", "off_cabo_marzo"), net);
        assertEquals(2, link("tumaco", "off_gorgona").surveillance(), "watched by both");
        radar.moveTo(null, net);
        second.moveTo(null, net);
        assertTrue(net.links.stream().allMatch(l -> l.surveillance() == 0), "all watch lifted");
    }

    @Test
    void eachTypeCoversItsModes() {
        assertTrue(MilitaryUnit.Type.BOAT.covers(Specs.Mode.SEA));
        assertFalse(MilitaryUnit.Type.BOAT.covers(Specs.Mode.LAND));
        assertTrue(MilitaryUnit.Type.AIRCRAFT.covers(Specs.Mode.AIR));
        assertTrue(MilitaryUnit.Type.AIRCRAFT.covers(Specs.Mode.SEA));
        assertFalse(MilitaryUnit.Type.AIRCRAFT.covers(Specs.Mode.LAND));
        assertTrue(MilitaryUnit.Type.GROUND.covers(Specs.Mode.LAND));
        assertFalse(MilitaryUnit.Type.GROUND.covers(Specs.Mode.SEA));
        for (Specs.Mode m : Specs.Mode.values()) assertTrue(MilitaryUnit.Type.SURVEILLANCE.covers(m));
    }
}
