package narcosim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.world.Link;

/** The weekly collector: flows summed from the week's events, levels read at the week's end. */
class WeeklyCollectorTest {

    /** A started model in campaign week 0 (no burn-in) and a fresh collector on its network. */
    private static NarcoModel model() {
        return TestModels.started(TestModels.tiny("run.burn_in_weeks=0"), "baseline", 1);
    }

    private static double value(WeeklyCollector c, double[] row, String name) {
        return row[c.column(name)];
    }

    @Test
    void flowsAreSummedOverTheWeeksEventsAndStartAfreshEachWeek() {
        NarcoModel m = model();
        WeeklyCollector c = new WeeklyCollector(m.network(), m.state());
        c.on(new Event.Produced(0, 10));
        c.on(new Event.Produced(0, 5));
        c.on(new Event.Departed(0, 0, 12));
        c.on(new Event.Seized(0, 1, 1, 0, Event.Agency.MILITARY, 7));
        c.on(new Event.Seized(0, 1, 1, 0, Event.Agency.POLICE, 3));
        c.on(new Event.Lost(0, 2, 4));
        c.on(new Event.Delivered(0, 3, 20, 500_000));
        c.on(new Event.Delivered(0, 3, 30, 700_000));
        c.on(new Event.Violence(1, false));
        c.on(new Event.Violence(1, true));
        c.on(new Event.CollateralHarm(1, 0));
        c.on(new Event.Tips(1, 3));
        c.on(new Event.Tips(1, 2));
        c.on(new Event.Recruited(0, 6));
        c.on(new Event.Arrested(1, Event.ArrestKind.SMUGGLER, 4));
        c.on(new Event.Arrested(1, Event.ArrestKind.LEADER, 1));
        c.on(new Event.Bribe(0, 1, 1000));
        c.on(new Event.Eradicated(0, 20.0, 12.5));
        c.on(new Event.Spent(Event.SpendKind.MILITARY, 100));
        c.on(new Event.Spent(Event.SpendKind.POLICE, 50));
        c.on(new Event.CartelSplit(0, 1));
        c.on(new Event.PartnerSuspended(0, false));
        c.step(m);
        assertEquals(1, c.rows().size());
        double[] row = c.rows().get(0);
        Map<String, Double> expected = new HashMap<>();
        expected.put("produced_kg", 15.0);
        expected.put("departed_kg", 12.0);
        expected.put("seized_kg", 10.0);
        expected.put("seized_military_kg", 7.0);
        expected.put("seized_police_kg", 3.0);
        expected.put("lost_kg", 4.0);
        expected.put("delivered_kg", 50.0);
        expected.put("cartel_revenue_usd", 1_200_000.0);
        expected.put("violent_incidents", 2.0);
        expected.put("clashes", 1.0);
        expected.put("collateral_harm", 1.0);
        expected.put("tips", 5.0);
        expected.put("recruits", 6.0);
        expected.put("arrests", 5.0);
        expected.put("leader_arrests", 1.0);
        expected.put("bribes_usd", 1000.0);
        expected.put("eradicated_ha", 12.5);
        expected.put("sprayed_ha", 20.0);
        expected.put("spend_usd", 150.0);
        expected.put("cartel_splits", 1.0);
        expected.put("partner_suspensions", 1.0);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            assertEquals(e.getValue(), value(c, row, e.getKey()), 1e-9, e.getKey());
            assertEquals(narcosim.metrics.Outcome.Kind.FLOW, c.columns().get(c.column(e.getKey())).kind(), e.getKey());
        }
        c.on(new Event.Produced(0, 1));
        c.step(m);
        double[] second = c.rows().get(1);
        assertEquals(1, value(c, second, "produced_kg"), "a new week starts from zero");
        assertEquals(0, value(c, second, "delivered_kg"));
        assertEquals(15, value(c, row, "produced_kg"), "closed rows are kept as they were");
    }

    @Test
    void levelsAreReadFromTheModelAtTheWeeksEnd() {
        NarcoModel m = model();
        TestModels.steps(m, 15);
        WeeklyCollector c = new WeeklyCollector(m.network(), m.state());
        c.step(m);
        double[] row = c.rows().get(0);
        assertEquals(m.transit().inTransitKg(), value(c, row, "in_transit_kg"));
        assertEquals(m.stockKg(), value(c, row, "stock_kg"));
        assertEquals(m.markets().price(), value(c, row, "price_usd_kg"));
        assertEquals(m.markets().riskPremium(), value(c, row, "risk_premium"));
        assertEquals(m.population().meanTrust(), value(c, row, "mean_trust"));
        assertEquals(m.population().meanTrust(TestModels.nation(m, "AAA")), value(c, row, "trust_AAA"));
        assertEquals(m.population().smugglers(), value(c, row, "active_smugglers"));
        assertEquals(m.population().growers(), value(c, row, "growers"));
        assertEquals(m.network().cocaHa(), value(c, row, "coca_ha"));
        assertEquals(m.state().meanNetworkPlaces(), value(c, row, "network_places"));
        assertEquals(1, value(c, row, "cartels"));
        for (String level : new String[] {"in_transit_kg", "price_usd_kg", "mean_trust", "coca_ha", "active_links"}) {
            assertEquals(narcosim.metrics.Outcome.Kind.LEVEL, c.columns().get(c.column(level)).kind(), level);
        }
        assertThrows(IllegalArgumentException.class, () -> c.column("no_such_outcome"));
    }

    @Test
    void linkFlowsGiveActiveLinksPlacesEntropyAndRegionalFlows() {
        NarcoModel m = model();
        WeeklyCollector c = new WeeklyCollector(m.network(), m.state());
        Link farmPort = TestModels.link(m, "farm", "port");
        Link portSea = TestModels.link(m, "port", "open_sea");
        c.on(new Event.Entered(0, farmPort.index, 300));
        c.on(new Event.Entered(0, portSea.index, 100));
        c.on(new Event.Entered(0, portSea.index, 200));
        c.on(new Event.Arrived(0, portSea.index, 100));
        assertEquals(300, c.linkKg(portSea));
        c.step(m);
        double[] row = c.rows().get(0);
        assertEquals(2, value(c, row, "active_links"));
        assertEquals(3, value(c, row, "active_places"), "farm, port, open sea");
        assertEquals(1.0, value(c, row, "flow_entropy"), 1e-12, "two links with equal kg: one bit");
        assertEquals(300, value(c, row, "flow_sea_kg"), "kg entering the sea region from the source region");
        assertEquals(0, value(c, row, "flow_source_kg"), "farm > port stays inside its region");
        assertEquals(100, value(c, row, "through_source_kg"), "kg that left the source region");
        assertEquals(0, c.linkKg(portSea), "link flows start afresh each week");
    }

    @Test
    void burnInWeeksAreNotReported() {
        NarcoModel m = TestModels.started(TestModels.tiny("run.burn_in_weeks=3"), "baseline", 1);
        WeeklyCollector c = m.collector();
        assertNull(c.latest());
        TestModels.steps(m, 3);
        assertEquals(0, c.rows().size());
        assertNotNull(c.latest(), "the last closed week is still shown");
        TestModels.steps(m, 2);
        assertEquals(2, c.rows().size());
    }

    @Test
    void theModelsCollectorMatchesTheEventsAndStateOfEachWeek() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "run.burn_in_weeks=2"), "integrated", 3);
        double[] week = new double[5];
        m.events().register(e -> {
            if (e instanceof Event.Produced p) week[0] += p.kg();
            else if (e instanceof Event.Delivered d) week[1] += d.kg();
            else if (e instanceof Event.Seized s) week[2] += s.kg();
            else if (e instanceof Event.Spent s) week[3] += s.usd();
            else if (e instanceof Event.Tips t) week[4] += t.count();
        });
        WeeklyCollector c = m.collector();
        for (int w = 0; w < 40; w++) {
            java.util.Arrays.fill(week, 0);
            TestModels.steps(m, 1);
            assertEquals(week[0], c.latest("produced_kg"), 1e-9);
            assertEquals(week[1], c.latest("delivered_kg"), 1e-9);
            assertEquals(week[2], c.latest("seized_kg"), 1e-9);
            assertEquals(week[3], c.latest("spend_usd"), 1e-6);
            assertEquals(week[4], c.latest("tips"), 1e-9);
            assertEquals(m.network().cocaHa(), c.latest("coca_ha"));
            assertEquals(m.population().meanTrust(), c.latest("mean_trust"));
            assertEquals(m.transit().inTransitKg(), c.latest("in_transit_kg"));
        }
        assertEquals(38, c.rows().size());
        assertTrue(c.rows().stream().mapToDouble(r -> r[c.column("delivered_kg")]).sum() > 0);
    }
}
