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
            NarcoModel m = TestModels.started(ScenarioLoader.load("tiny2.yaml", yaml, List.of()), "baseline", 1);
            // A price of cocaine in the port's nation, as the market forms it from arrivals (ODD 7.14).
            m.markets().arrived(TestModels.place(m, "port").nation, 1, narcosim.agents.UnitCost.bought(2000));
            m.markets().update();
            return m;
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
        double price = m.markets().chainPrice(port.nation);
        double even = stake(twoCartels(), 500, 500);
        double dominant = stake(twoCartels(), 900, 100);
        double alone = stake(twoCartels(), 1000, 0);
        assertEquals(1000 * price * 0.5, even, 1e-6, "1 - HHI = 1 - (0.25 + 0.25)");
        assertEquals(1000 * price * (1 - 0.81 - 0.01), dominant, 1e-6);
        assertEquals(0, alone, 1e-9, "one cartel moving everything contests nothing");
        assertTrue(dominant < even);
        assertEquals(2 * even, stake(twoCartels(), 1000, 1000), 1e-6, "twice the value at stake, twice the violence");
    }

    /**
     * What the next week's contests see: per contested populated place, the rivals - 1 and the kg at stake x
     * (1 - HHI) (the kg moved this week; the price is the one the world phase sets before the contests).
     */
    private static double[][] contestedNow(NarcoModel m) {
        List<double[]> out = new java.util.ArrayList<>();
        for (Place p : m.network().places) {
            if (!p.isPopulated()) continue;
            List<Cartel> present = m.cartels().stream().filter(c -> c.operatesAt(p.index)).toList();
            if (present.size() < 2) continue;
            out.add(new double[] {p.index, present.size() - 1, m.stakeAt(p, present) / m.markets().chainPrice(p.nation)});
        }
        return out.toArray(double[][]::new);
    }

    /** Steps a week; returns {sum of rivals - 1, sum of value at stake x (1 - HHI)} that its contests saw. */
    private static double[] stepContested(NarcoModel m) {
        double[][] before = contestedNow(m);
        TestModels.steps(m, 1);
        double rivals = 0;
        double stake = 0;
        for (double[] x : before) {
            rivals += x[1];
            stake += x[2] * m.markets().chainPrice(m.network().places.get((int) x[0]).nation);
        }
        return new double[] {rivals, stake};
    }

    @Test
    void theScaleIsCalibratedOverTheBurnInsLastWeeksAndSetsTheIncidentsAfterIt() {
        NarcoModel m = twoCartels();
        int window = NarcoModel.CONTEST_CALIBRATION_WEEKS;
        TestModels.steps(m, m.burnInWeeks() - window);
        double rivals = 0;
        double stake = 0;
        for (int w = 0; w < window; w++) {
            double[] seen = stepContested(m);
            rivals += seen[0];
            stake += seen[1];
        }
        assertTrue(rivals > 0 && stake > 0, "the two cartels contest the farm and the port");
        assertEquals(rivals / stake, m.contestScale(), 1e-12 * rivals / stake,
                "s = sum (k - 1) / sum value x (1 - HHI) over the burn-in's last weeks");
        // After the burn-in the scale stays, and incidents are Poisson with mean 0.4 x s x value x (1 - HHI).
        int[] incidents = new int[1];
        m.events().register(e -> {
            if (e instanceof narcosim.metrics.Event.Violence v && !v.clash()) incidents[0]++;
        });
        double expected = 0;
        for (int w = 0; w < 104; w++) expected += 0.4 * m.contestScale() * stepContested(m)[1];
        // Once the market knows its margin, the window's stakes (valued at costs only) are revalued as the
        // chain prices are (ODD 7.14): both contested places are in one nation, so by its one ratio.
        double revalued = m.markets().revaluation(TestModels.place(m, "port").nation);
        assertTrue(revalued > 1, "the margin raises the chain price: " + revalued);
        assertEquals(rivals / (stake * revalued), m.contestScale(), 1e-9 * rivals / stake,
                "revalued once, then frozen after the burn-in");
        assertTrue(expected > 20);
        assertEquals(expected, incidents[0], 4 * Math.sqrt(expected), incidents[0] + " incidents against " + expected);
    }
}
