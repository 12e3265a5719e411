package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import narcosim.model.TestModels;
import narcosim.scenario.Scenario;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Network;

/** Posting units on links: the links' unit lists in posting order, and the area a surveillance asset watches. */
class PostsTest {

    private final Scenario sc = TestModels.load(TestModels.BALLOON);
    private final Network net = new Network(sc, sc.params(), 0.6);
    private final Nation col = net.nations.get(0);
    private final Posts posts = new Posts(net);

    private Link link(String from, String to) {
        return net.links.stream().filter(l -> l.from.id().equals(from) && l.to.id().equals(to)).findFirst()
                .orElseThrow();
    }

    @Test
    void movingAUnitKeepsTheLinksListsInStep() {
        MilitaryUnit boat = new MilitaryUnit(0, MilitaryUnit.Type.BOAT, col);
        Link a = link("tumaco", "off_gorgona");
        Link b = link("tumaco", "off_malpelo");
        posts.move(boat, a);
        assertEquals(a, boat.post());
        assertTrue(posts.on(a).contains(boat));
        posts.move(boat, b);
        assertFalse(posts.on(a).contains(boat));
        assertTrue(posts.on(b).contains(boat));
        posts.move(boat, null);
        assertNull(boat.post());
        assertTrue(posts.on(b).isEmpty());
        assertTrue(net.links.stream().allMatch(l -> posts.surveillance(l) == 0), "a boat watches nothing");
    }

    @Test
    void surveillanceWatchesItsLinkAndEveryLinkTouchingItsEnds() {
        MilitaryUnit radar = new MilitaryUnit(0, MilitaryUnit.Type.SURVEILLANCE, col);
        posts.move(radar, link("tumaco", "off_gorgona"));
        Set<Link> watched = Set.of(link("narino", "tumaco"), link("tumaco", "off_gorgona"),
                link("tumaco", "off_malpelo"), link("off_gorgona", "off_cabo_marzo"));
        for (Link l : net.links) assertEquals(watched.contains(l) ? 1 : 0, posts.surveillance(l), l.toString());
        MilitaryUnit second = new MilitaryUnit(1, MilitaryUnit.Type.SURVEILLANCE, col);
        posts.move(second, link("off_gorgona", "off_cabo_marzo"));
        assertEquals(2, posts.surveillance(link("tumaco", "off_gorgona")), "watched by both");
        posts.move(radar, null);
        posts.move(second, null);
        assertTrue(net.links.stream().allMatch(l -> posts.surveillance(l) == 0), "all watch lifted");
    }

    /** Interdiction draws per unit in posting order: a unit that leaves and comes back joins the end. */
    @Test
    void unitsStandInPostingOrder() {
        Link a = link("tumaco", "off_gorgona");
        Link b = link("tumaco", "off_malpelo");
        MilitaryUnit first = new MilitaryUnit(0, MilitaryUnit.Type.BOAT, col);
        MilitaryUnit second = new MilitaryUnit(1, MilitaryUnit.Type.AIRCRAFT, col);
        MilitaryUnit third = new MilitaryUnit(2, MilitaryUnit.Type.BOAT, col);
        posts.move(first, a);
        posts.move(second, a);
        posts.move(third, a);
        assertEquals(List.of(first, second, third), posts.on(a));
        posts.move(first, b);
        posts.move(first, a);
        assertEquals(List.of(second, third, first), posts.on(a));
        assertThrows(UnsupportedOperationException.class, () -> posts.on(a).clear(), "read-only to everyone else");
    }
}
