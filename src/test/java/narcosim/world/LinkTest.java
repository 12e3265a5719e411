package narcosim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import narcosim.model.TestModels;
import narcosim.scenario.ParamValues;
import narcosim.scenario.Scenario;

/** A link's weekly capacity, its crossing time, and which nations may act on it. */
class LinkTest {

    /** The network as a run sees it: with the scenario's parameters and its --set overrides. */
    private static Network network(Scenario sc) {
        return new Network(sc, params(sc), 0.6);
    }

    private static ParamValues params(Scenario sc) {
        try {
            return sc.forStrategy("baseline", 1).params();
        } catch (narcosim.scenario.ScenarioException e) {
            throw new AssertionError(e);
        }
    }

    private static Link link(Network net, String from, String to) {
        return net.links.stream().filter(l -> l.from.id().equals(from) && l.to.id().equals(to)).findFirst()
                .orElseThrow();
    }

    @Test
    void aLoneShipmentAlwaysFitsThenCapacityLimitsTheWeek() {
        Link l = link(network(TestModels.tiny()), "farm", "port");
        assertEquals(5000, l.capacityKgWeek);
        assertTrue(l.hasRoomFor(8000), "an empty link takes even an oversized shipment");
        l.enter(3000);
        assertEquals(3000, l.enteredKg());
        assertTrue(l.hasRoomFor(2000), "exactly up to capacity");
        assertFalse(l.hasRoomFor(2001));
        l.enter(2000);
        assertFalse(l.hasRoomFor(1), "full");
        assertEquals(5000, l.enteredKg());
        l.newWeek();
        assertEquals(0, l.enteredKg());
        assertTrue(l.hasRoomFor(5000), "a new week frees the capacity");
        l.enter(8000);
        assertFalse(l.hasRoomFor(1), "over capacity after an oversized lone shipment");
    }

    @Test
    void travelWeeksIsLengthOverModeSpeedRoundedAndAtLeastOne() {
        Network tiny = network(TestModels.tiny());
        assertEquals(2, link(tiny, "farm", "port").travelWeeks, "1400 km at 700 km/week");
        assertEquals(3, link(tiny, "port", "open_sea").travelWeeks, "6000 km at 2000 km/week");
        assertEquals(1, link(tiny, "open_sea", "city").travelWeeks, "1000 km at 2000 km/week rounds to 1");

        Network slow = network(TestModels.tiny("shipment.speed_sea_km_week=500", "links.farm>port.length_km=100"));
        assertEquals(12, link(slow, "port", "open_sea").travelWeeks, "6000 km at 500 km/week");
        assertEquals(1, link(slow, "farm", "port").travelWeeks, "a short link still takes a week");

        Scenario balloon = TestModels.load(TestModels.BALLOON);
        ParamValues p = params(balloon);
        for (Link l : network(balloon).links) {
            double speed = p.real("shipment.speed_" + l.mode.yaml() + "_km_week");
            assertEquals(Math.max(1, Math.round(l.lengthKm / speed)), l.travelWeeks, l.toString());
        }
    }

    @Test
    void crossBorderOnlyBetweenTwoNationsOutsideInternationalWaters() {
        Network net = network(TestModels.load(TestModels.BALLOON));
        assertTrue(link(net, "off_cabo_marzo", "jaque").crossBorder, "Colombia to Panama");
        assertTrue(link(net, "colon", "miami").crossBorder, "Panama to the United States");
        assertFalse(link(net, "jaque", "colon").crossBorder, "within Panama");
        assertFalse(link(net, "tumaco", "off_malpelo").crossBorder, "into international waters");
        assertFalse(link(net, "off_malpelo", "off_punta_mala").crossBorder, "out of international waters");
    }

    @Test
    void jurisdictionIsEitherEndsNationOrInternationalWaters() {
        Network net = network(TestModels.load(TestModels.BALLOON));
        Nation col = net.nations.get(0);
        Nation pan = net.nations.get(1);
        Nation usa = net.nations.get(2);
        assertEquals("COL", col.id());
        assertTrue(link(net, "off_cabo_marzo", "jaque").inJurisdictionOf(col));
        assertTrue(link(net, "off_cabo_marzo", "jaque").inJurisdictionOf(pan));
        assertFalse(link(net, "off_cabo_marzo", "jaque").inJurisdictionOf(usa));
        assertTrue(link(net, "tumaco", "off_malpelo").inJurisdictionOf(usa), "anyone may act in international waters");
        assertFalse(link(net, "tonosi", "colon").inJurisdictionOf(col));
    }

    @Test
    void attributesComeFromTheScenario() {
        Network net = network(TestModels.load(TestModels.BALLOON));
        Link west = link(net, "tumaco", "off_malpelo");
        assertEquals(900, west.costUsdKg, "the file's cost");
        assertEquals(0.006, west.detectability);
        assertEquals(3000, west.capacityKgWeek);
        assertEquals(west.spec.lengthKm(), west.lengthKm);
    }
}
