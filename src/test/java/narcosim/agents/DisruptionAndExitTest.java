package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.world.Place;

/**
 * What reaches the market from leader arrests, bankruptcy and mergers (ODD 7.15): disruption raises a
 * cartel's costs and decays; capital above the kept weeks of spending is paid out; a bankrupt cartel's kg
 * and places pass to a rival with mass conserved; splinters merge back.
 */
class DisruptionAndExitTest {

    /** The four-place line with two cartels sharing the farm. */
    private static NarcoModel twoCartels(long seed, String... sets) {
        String yaml = TestModels.TINY.replace("  - {id: gang, capital_musd: 50, home: [farm]}",
                "  - {id: gang, capital_musd: 50, home: [farm]}\n  - {id: crew, capital_musd: 50, home: [farm]}");
        try {
            return started(ScenarioLoader.load("tiny2.yaml", yaml, List.of(sets)), seed);
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    private static NarcoModel started(narcosim.scenario.Scenario sc, long seed) {
        return TestModels.started(sc, "baseline", seed);
    }

    @Test
    void aLeaderArrestRaisesTheCostFactorWhichHalvesEachHalfLife() {
        NarcoModel m = TestModels.started(TestModels.tiny("cartel.disruption_per_arrest=0.4",
                "cartel.disruption_half_life_weeks=10", "cartel.split_probability=0"), "baseline", 3);
        Cartel c = m.cartels().get(0);
        assertEquals(1.0, c.costFactor(), 0, "no arrest, no disruption");
        TestModels.steps(m, 2);
        c.loseLeader(m);
        c.loseLeader(m);
        assertEquals(1.8, c.costFactor(), 1e-12, "two arrests: 1 + 2 x 0.4");
        TestModels.steps(m, 10);
        assertEquals(1.4, c.costFactor(), 1e-9, "half of it left after one half-life");
        TestModels.steps(m, 10);
        assertEquals(1.2, c.costFactor(), 1e-9, "a quarter after two");
    }

    /** The same run with and without disruption: the cargo moves the same, only the bill differs. */
    @Test
    void disruptionMakesTheSameJourneysCostMore() {
        double[] capital = new double[2];
        long[] delivered = new long[2];
        for (int i = 0; i < 2; i++) {
            NarcoModel m = TestModels.started(TestModels.tiny("cartel.disruption_per_arrest=" + (i == 0 ? 0 : 1),
                    "cartel.split_probability=0", "shipment.loss_land=0", "shipment.loss_sea=0"), "baseline", 5);
            Cartel c = m.cartels().get(0);
            TestModels.steps(m, 2);
            c.loseLeader(m);
            // By week 14 the tiny scenario has delivered nothing at about one seed in five, whatever the draws (seeds
            // 1-240 without disruption: 43 with main's jar at 2f29a9f, 55 with issue 16's decisions 64 at a time, seed 4
            // among them); seed 5 delivers in both.
            TestModels.steps(m, 12);
            capital[i] = c.capitalUsd();
            delivered[i] = m.totals().deliveredKg();
        }
        assertTrue(delivered[0] > 0, "the cartel delivers");
        assertEquals(delivered[0], delivered[1], "the same kg delivered");
        assertTrue(capital[1] < capital[0] - 1e5, "dearer transport and handling: " + capital[1] + " vs " + capital[0]);
    }

    @Test
    void capitalAboveTheKeptWeeksOfSpendingIsPaidOut() {
        NarcoModel kept = TestModels.started(TestModels.tiny("cartel.capital_weeks=4"), "baseline", 5);
        NarcoModel hoarded = TestModels.started(TestModels.tiny("cartel.capital_weeks=520"), "baseline", 5);
        Cartel c = kept.cartels().get(0);
        double[] revenue = new double[1];
        kept.events().register(e -> {
            if (e instanceof Event.Delivered d) revenue[0] += d.revenueUsd();
        });
        for (int w = 0; w < 40; w++) {
            revenue[0] = 0;
            TestModels.steps(kept, 1);
            // Paid out at the start of the week; after it the cartel only spends, or earns from deliveries.
            if (w >= 4) {
                assertTrue(c.capitalUsd() <= c.spentRecentlyUsd() * (1 + 1e-12) + revenue[0],
                        "week " + w + ": " + c.capitalUsd() + " kept above " + c.spentRecentlyUsd());
            }
        }
        TestModels.steps(hoarded, 40);
        assertTrue(c.spentRecentlyUsd() > 0, "the cartel spends");
        assertTrue(hoarded.cartels().get(0).capitalUsd() > 2 * c.capitalUsd(),
                "without a payout capital only grows: " + hoarded.cartels().get(0).capitalUsd() + " vs " + c.capitalUsd());
    }

    @Test
    void aBankruptCartelsStockPlacesAndShipmentsPassToTheRivalWithMassConserved() {
        NarcoModel m = twoCartels(6, "cartel.insolvency_weeks=2", "cartel.merge_half_life_weeks=5200");
        List<Event.CartelExit> exits = new ArrayList<>();
        m.events().register(e -> {
            if (e instanceof Event.CartelExit x) exits.add(x);
        });
        TestModels.steps(m, 6);
        Cartel gang = m.cartels().stream().filter(c -> c.id.equals("gang")).findFirst().orElseThrow();
        Cartel crew = m.cartels().stream().filter(c -> c.id.equals("crew")).findFirst().orElseThrow();
        long crewOnTheWay = m.shipments().stream().filter(s -> s.cartel == crew && !s.done()).mapToLong(s -> s.kg).sum();
        assertTrue(crewOnTheWay > 0, "the crew has cargo on its way");
        crew.paid(1e12);
        TestModels.steps(m, 1);
        assertEquals(2, m.cartels().size(), "one week below zero is not yet bankruptcy");
        TestModels.steps(m, 2);
        assertEquals(List.of(gang), m.cartels(), "the crew went bankrupt and left");
        assertEquals(1, exits.size());
        assertEquals(gang.index(), exits.get(0).absorber());
        assertFalse(crew.active());
        assertEquals(gang, crew.operator());
        assertEquals(0, crew.stockKg(), "its stock passed on");
        for (Place p : m.network().places) {
            if (crew.operatesAt(p.index)) assertTrue(gang.operatesAt(p.index), "the rival took " + p.id());
        }
        assertEquals(0, m.massImbalanceKg());
        // Its shipments go on under the rival, paying into the rival's capital, and reach the market.
        TestModels.steps(m, 12);
        assertEquals(0, m.shipments().stream().filter(s -> s.cartel == crew && !s.done()).count(),
                "the crew's shipments ended their journeys");
        assertEquals(0, m.massImbalanceKg());
        assertEquals(0, crew.capitalUsd(), 0, "the bankrupt's books stay closed");
    }

    @Test
    void absorptionMovesStockKgForKg() {
        NarcoModel m = twoCartels(7);
        TestModels.steps(m, 3);
        Cartel a = m.cartels().get(0);
        Cartel b = m.cartels().get(1);
        long before = a.stockKg() + b.stockKg();
        long imbalance = m.massImbalanceKg();
        b.absorbInto(a, false);
        assertEquals(before, a.stockKg());
        assertEquals(imbalance, m.massImbalanceKg(), "no kg created or lost");
    }

    @Test
    void splintersMergeBackSoTheNumberOfCartelsFalls() {
        int[] counts = new int[2];
        int[] halfLives = {1, 5200};
        for (int i = 0; i < 2; i++) {
            NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "cartel.split_probability=1",
                    "cartel.split_leader_losses=1", "cartel.leaders=20", "cartel.merge_half_life_weeks=" + halfLives[i]), "baseline", 8);
            TestModels.steps(m, 3);
            List<Event.CartelMerged> merged = new ArrayList<>();
            m.events().register(e -> {
                if (e instanceof Event.CartelMerged x) merged.add(x);
            });
            Place tumaco = TestModels.place(m, "tumaco");
            for (int k = 0; k < 3; k++) m.events().emit(new Event.LeaderTargeted(tumaco.index));
            assertEquals(4, m.cartels().size(), "three splits");
            TestModels.steps(m, 20);
            counts[i] = m.cartels().size();
            if (i == 0) assertEquals(3, merged.size(), "every splinter merged back");
        }
        assertEquals(1, counts[0], "with a one-week half-life the splinters are gone after 20 weeks");
        assertEquals(4, counts[1], "with a century's half-life they stay");
    }
}
