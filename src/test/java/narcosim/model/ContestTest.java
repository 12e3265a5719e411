package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.agents.Cartel;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.world.Place;

/**
 * Contest violence comes from contested value (ODD 7.15): the kg at stake times the local price, times
 * 1 - HHI of the rivals' shares, not from the number of cartels alone.
 */
class ContestTest {

    private static NarcoModel twoCartels() {
        String yaml = TestModels.TINY.replace("  - {id: gang, capital_musd: 50, home: [farm]}",
                "  - {id: gang, capital_musd: 50, home: [farm]}\n  - {id: crew, capital_musd: 50, home: [farm]}");
        try {
            return TestModels.started(ScenarioLoader.load("tiny2.yaml", yaml, List.of()), "baseline", 1);
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    /** Sets what each cartel moved through the port last week (the cartel phase starts each week from zero). */
    private static double stake(NarcoModel m, long gangKg, long crewKg) {
        Place farm = TestModels.place(m, "farm");
        Place port = TestModels.place(m, "port");
        Cartel gang = m.cartels().get(0);
        Cartel crew = m.cartels().get(1);
        double before = m.stakeAt(port, List.of(gang, crew));
        gang.arrived(port, farm, gangKg, m);
        crew.arrived(port, farm, crewKg, m);
        return m.stakeAt(port, List.of(gang, crew)) - before;
    }

    @Test
    void anEvenlySplitPlaceIsMoreViolentThanOneWithADominantCartelOfTheSameValue() {
        NarcoModel m = twoCartels();
        Place port = TestModels.place(m, "port");
        double price = m.market().priceIn(port.nation);
        double even = stake(twoCartels(), 500, 500);
        double dominant = stake(twoCartels(), 900, 100);
        double alone = stake(twoCartels(), 1000, 0);
        assertEquals(1000 * price * 0.5, even, 1e-6, "1 - HHI = 1 - (0.25 + 0.25)");
        assertEquals(1000 * price * (1 - 0.81 - 0.01), dominant, 1e-6);
        assertEquals(0, alone, 1e-9, "one cartel moving everything contests nothing");
        assertTrue(dominant < even);
        assertEquals(2 * even, stake(twoCartels(), 1000, 1000), 1e-6, "twice the value at stake, twice the violence");
    }

    @Test
    void afterTheBurnInContestsMakeAboutOneRatePerRivalAsTheRuleTheyReplaced() {
        // Two cartels share every place of the line, two of them populated (farm and port); the traffic is
        // steady, so the rate calibrated over the burn-in gives about 0.4 incidents per week per rival there.
        NarcoModel m = twoCartels();
        TestModels.steps(m, m.burnInWeeks());
        int[] incidents = new int[1];
        m.events().register(e -> {
            if (e instanceof narcosim.metrics.Event.Violence v && !v.clash()) incidents[0]++;
        });
        int weeks = 104;
        int contested = 0;
        for (Place p : m.network().places) {
            if (p.isPopulated() && m.cartels().stream().filter(c -> c.operatesAt(p.index)).count() >= 2) contested++;
        }
        TestModels.steps(m, weeks);
        double expected = 0.4 * contested * weeks;
        assertEquals(2, contested);
        assertEquals(expected, incidents[0], 0.2 * expected, "calibrated: " + incidents[0] + " against " + expected);
    }
}
