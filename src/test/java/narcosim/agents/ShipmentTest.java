package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.world.Link;

/** Shipments: mass is conserved every week, deliveries end at the market, links take their weeks. */
class ShipmentTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
        "classroom-balloon.yaml, integrated",
        "classroom-balloon.yaml, corridor-crackdown",
        "classroom-hearts-and-minds.yaml, heavy-handed",
        "classroom-hearts-and-minds.yaml, hearts-and-minds",
    })
    void massIsConservedEveryWeek(String file, String strategy) {
        NarcoModel m = TestModels.started(TestModels.load(java.nio.file.Path.of("scenarios", file),
                "run.burn_in_weeks=12"), strategy, 11);
        long[] seized = new long[1];
        long[] delivered = new long[1];
        m.events().register(e -> {
            if (e instanceof Event.Seized s) seized[0] += s.kg();
            if (e instanceof Event.Delivered d) delivered[0] += d.kg();
        });
        for (int w = 0; w < 12 + 80; w++) {
            TestModels.steps(m, 1);
            assertEquals(0, m.massImbalanceKg(), "produced = delivered + seized + lost + in transit + stock, week " + w);
        }
        assertTrue(delivered[0] > 0, "something was delivered");
        assertTrue(seized[0] > 0, "something was seized");
        assertTrue(m.transit().inTransitKg() > 0 || m.stockKg() > 0);
    }

    @Test
    void deliveredShipmentsEndAtAMarketAndOthersNever() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "run.burn_in_weeks=4"),
                "intelligence-interdiction", 3);
        List<Event.Delivered> deliveries = new ArrayList<>();
        m.events().register(e -> {
            if (e instanceof Event.Delivered d) deliveries.add(d);
        });
        Map<Shipment, Boolean> seen = new IdentityHashMap<>();
        for (int w = 0; w < 60; w++) {
            for (Shipment s : m.shipments()) seen.put(s, true);
            TestModels.steps(m, 1);
            for (Shipment s : m.shipments()) {
                seen.put(s, true);
                assertFalse(s.done(), "finished shipments leave the schedule");
                if (s.on() == null) assertFalse(s.at().isMarket(), "nobody waits at the market");
            }
        }
        assertFalse(deliveries.isEmpty());
        for (Event.Delivered d : deliveries) {
            assertTrue(m.network().places.get(d.place()).isMarket(), "delivered at " + d.place());
        }
        long delivered = 0;
        for (Shipment s : seen.keySet()) {
            if (s.status() == Shipment.Status.DELIVERED) {
                assertTrue(s.at().isMarket(), "delivered shipment at " + s.at());
                assertEquals(null, s.on());
                delivered++;
            } else if (s.status() == Shipment.Status.SEIZED || s.status() == Shipment.Status.LOST) {
                assertFalse(s.at().isMarket());
            }
        }
        assertTrue(delivered > 0);
    }

    @Test
    void aShipmentSpendsTheLinksTravelWeeksOnIt() {
        // Farm > port takes 2 weeks, port > open sea 3, open sea > market 1 (see TestModels.TINY).
        NarcoModel m = TestModels.started(TestModels.tiny("shipment.loss_land=0", "shipment.loss_sea=0"),
                "baseline", 4);
        assertEquals(2, TestModels.link(m, "farm", "port").travelWeeks);
        assertEquals(3, TestModels.link(m, "port", "open_sea").travelWeeks);
        assertEquals(1, TestModels.link(m, "open_sea", "city").travelWeeks);
        Map<Shipment, List<Link>> onAtWeekEnd = new IdentityHashMap<>();
        Map<Shipment, Integer> firstWeek = new IdentityHashMap<>();
        Map<Shipment, Integer> deliveredWeek = new IdentityHashMap<>();
        int weeks = 40;
        for (int w = 0; w < weeks; w++) {
            List<Shipment> before = new ArrayList<>(m.shipments());
            TestModels.steps(m, 1);
            for (Shipment s : m.shipments()) {
                onAtWeekEnd.computeIfAbsent(s, k -> new ArrayList<>()).add(s.on());
                firstWeek.putIfAbsent(s, w);
            }
            for (Shipment s : before) {
                if (s.status() == Shipment.Status.DELIVERED) deliveredWeek.put(s, w);
            }
        }
        int checked = 0;
        for (Map.Entry<Shipment, List<Link>> e : onAtWeekEnd.entrySet()) {
            List<Link> trace = e.getValue();
            boolean finished = e.getKey().done();
            // Runs of consecutive weeks on the same link; the last one may still be under way.
            int i = 0;
            while (i < trace.size()) {
                Link l = trace.get(i);
                int j = i;
                while (j < trace.size() && trace.get(j) == l) j++;
                boolean complete = j < trace.size() || finished;
                if (l != null && complete) {
                    assertEquals(l.travelWeeks, j - i, "weeks on " + l);
                    checked++;
                } else if (l != null) {
                    assertTrue(j - i <= l.travelWeeks);
                }
                i = j;
            }
        }
        assertTrue(checked > 20, "checked " + checked + " crossings");
        assertFalse(deliveredWeek.isEmpty());
        for (Map.Entry<Shipment, Integer> e : deliveredWeek.entrySet()) {
            Integer start = firstWeek.get(e.getKey());
            assertNotNull(start);
            assertTrue(e.getValue() - start + 1 >= 2 + 3 + 1, "a journey takes at least 6 weeks");
        }
    }

    @Test
    void progressRunsFromZeroAlongTheLink() {
        NarcoModel m = TestModels.started(TestModels.tiny(), "baseline", 6);
        TestModels.steps(m, 10);
        boolean any = false;
        for (Shipment s : m.shipments()) {
            if (s.on() == null) {
                assertEquals(0, s.progress());
            } else {
                assertTrue(s.progress() >= 0 && s.progress() < 1, "progress " + s.progress());
                any = true;
            }
            assertTrue(s.kg > 0 && s.kg <= m.config().params().integer("cartel.shipment_kg"), "size " + s.kg);
        }
        assertTrue(any);
    }
}
