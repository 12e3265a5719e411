package narcosim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The rows of a comparison's summary.csv from a small fixed runs table: statistics per strategy and
 * outcome, paired differences from the baseline, relative change, and cost per kg kept off.
 */
class CompareSummaryTest {

    static final List<String> STRATEGIES = List.of("baseline", "surge", "development");
    static final List<String> OUTCOMES = List.of("delivered_kg_total", "spend_usd_total", "violent_incidents_total");
    // strategy -> outcome -> value of replicate 0, 1, 2
    static final Map<String, double[][]> DATA = Map.of(
            "baseline", new double[][] {{100, 120, 110}, {0, 0, 0}, {0, 0, 0}},
            "surge", new double[][] {{80, 90, 100}, {50, 50, 50}, {1, 2, 3}},
            "development", new double[][] {{100, 120, 110}, {10, 10, 10}, {0, 1, 0}});
    /** t(2, 0.975) * 10 / sqrt(3): the half-width of a 3-replicate 95% interval with sd 10. */
    static final double HALF10 = new TDistribution(2).inverseCumulativeProbability(0.975) * 10 / Math.sqrt(3);

    /** runs.csv records, in reverse order so that replicates are placed by their column, not by position. */
    static List<Map<String, String>> records() {
        List<Map<String, String>> rows = new ArrayList<>();
        int id = 0;
        for (String s : STRATEGIES) {
            for (int r = 0; r < 3; r++) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("run_id", Integer.toString(id++));
                m.put("point", "0");
                m.put("strategy", s);
                m.put("replicate", Integer.toString(r));
                m.put("seed", Long.toString(1000 + r));
                for (int o = 0; o < OUTCOMES.size(); o++) m.put(OUTCOMES.get(o), narcosim.util.Fmt.num(DATA.get(s)[o][r]));
                rows.add(m);
            }
        }
        Map<String, String> other = new LinkedHashMap<>(rows.get(0));
        other.put("strategy", "not-compared");
        rows.add(other);
        Collections.reverse(rows);
        return rows;
    }

    private static Map<String, String> row(List<List<String>> rows, String strategy, String outcome) {
        for (List<String> r : rows) {
            if (r.get(0).equals(strategy) && r.get(1).equals(outcome)) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < CompareSummary.HEADER.size(); i++) m.put(CompareSummary.HEADER.get(i), r.get(i));
                return m;
            }
        }
        throw new AssertionError("no row " + strategy + ", " + outcome);
    }

    private static void near(double expected, String actual, String what) {
        double v = Double.parseDouble(actual);
        assertEquals(expected, v, 1e-6 * Math.max(1, Math.abs(expected)), what + " = " + actual);
    }

    @Test
    void rowsAreTidyStrategyByOutcomeThenCostPerKg() {
        List<List<String>> rows = new CompareSummary(records(), STRATEGIES, OUTCOMES, "baseline", 3).rows();
        assertEquals(3 * 3 + 2, rows.size());
        for (List<String> r : rows) assertEquals(CompareSummary.HEADER.size(), r.size());
        for (int s = 0; s < 3; s++) {
            for (int o = 0; o < 3; o++) {
                assertEquals(List.of(STRATEGIES.get(s), OUTCOMES.get(o)), rows.get(s * 3 + o).subList(0, 2));
            }
        }
        assertEquals(List.of("surge", CompareSummary.COST_PER_KG), rows.get(9).subList(0, 2));
        assertEquals(List.of("development", CompareSummary.COST_PER_KG), rows.get(10).subList(0, 2));
    }

    @Test
    void meanSdAndIntervalPerStrategy() {
        List<List<String>> rows = new CompareSummary(records(), STRATEGIES, OUTCOMES, "baseline", 3).rows();
        Map<String, String> r = row(rows, "surge", "delivered_kg_total");
        assertEquals("3", r.get("n"));
        near(90, r.get("mean"), "mean");
        near(10, r.get("sd"), "sd");
        near(90 - HALF10, r.get("ci_low"), "ci_low");
        near(90 + HALF10, r.get("ci_high"), "ci_high");
        Map<String, String> b = row(rows, "baseline", "delivered_kg_total");
        near(110, b.get("mean"), "baseline mean");
        near(10, b.get("sd"), "baseline sd");
    }

    @Test
    void pairedDifferenceAndChangeAgainstTheBaseline() {
        List<List<String>> rows = new CompareSummary(records(), STRATEGIES, OUTCOMES, "baseline", 3).rows();
        // surge - baseline, replicate by replicate: -20, -30, -10 (mean -20, sd 10)
        Map<String, String> r = row(rows, "surge", "delivered_kg_total");
        near(-20, r.get("diff_vs_baseline"), "diff");
        near(-20 - HALF10, r.get("diff_ci_low"), "diff_ci_low");
        near(-20 + HALF10, r.get("diff_ci_high"), "diff_ci_high");
        near(-100.0 * 20 / 110, r.get("change_pct"), "change_pct");
        near(100 * (-20 - HALF10) / 110, r.get("change_ci_low_pct"), "change_ci_low_pct");
        near(100 * (-20 + HALF10) / 110, r.get("change_ci_high_pct"), "change_ci_high_pct");

        Map<String, String> same = row(rows, "development", "delivered_kg_total");
        near(0, same.get("diff_vs_baseline"), "no difference");
        near(0, same.get("diff_ci_low"), "no difference, no spread");
        near(0, same.get("change_pct"), "no change");
    }

    @Test
    void baselineRowsHaveNoDifferenceAndAZeroBaselineNoChange() {
        List<List<String>> rows = new CompareSummary(records(), STRATEGIES, OUTCOMES, "baseline", 3).rows();
        for (String o : OUTCOMES) {
            Map<String, String> b = row(rows, "baseline", o);
            for (String k : CompareSummary.HEADER.subList(7, CompareSummary.HEADER.size())) {
                assertEquals("", b.get(k), "baseline " + o + " " + k);
            }
        }
        // violent incidents: the baseline has none, so a difference but no relative change
        Map<String, String> v = row(rows, "surge", "violent_incidents_total");
        near(2, v.get("diff_vs_baseline"), "diff");
        near(2 - HALF10 / 10, v.get("diff_ci_low"), "diff_ci_low (sd 1)");
        assertEquals("", v.get("change_pct"));
        assertEquals("", v.get("change_ci_low_pct"));
        assertEquals("", v.get("change_ci_high_pct"));
    }

    @Test
    void costPerKgKeptOffIsExtraSpendOverKgLessDelivered() {
        CompareSummary cs = new CompareSummary(records(), STRATEGIES, OUTCOMES, "baseline", 3);
        List<List<String>> rows = cs.rows();
        // surge spends 50 more in each replicate and delivers 20, 30, 10 kg less: 150 / 60
        Map<String, String> c = row(rows, "surge", CompareSummary.COST_PER_KG);
        assertEquals("3", c.get("n"));
        assertEquals("2.5", c.get("mean"));
        assertEquals("", c.get("sd"));
        double low = Double.parseDouble(c.get("ci_low"));
        double high = Double.parseDouble(c.get("ci_high"));
        assertTrue(50.0 / 30 <= low && low <= 2.5 && 2.5 <= high && high <= 5, low + " " + high);
        for (String k : CompareSummary.HEADER.subList(7, CompareSummary.HEADER.size())) assertEquals("", c.get(k));
        // development keeps nothing off the market: no cost per kg
        Map<String, String> none = row(rows, "development", CompareSummary.COST_PER_KG);
        assertEquals("", none.get("mean"), "undefined: an empty cell");
        assertTrue(cs.table().contains("none kept off"), cs.table());
        // a baseline of 0: the difference with its interval (as report.html states it), marked when it includes 0
        assertTrue(cs.table().contains("surge        2 [-0.484, 4.48]               +2 [-0.484, +4.48] (n.s.)"),
                cs.table());
    }

    @Test
    void withoutBaselineThereAreNoDifferencesNorCosts() {
        List<List<String>> rows = new CompareSummary(records(), STRATEGIES, OUTCOMES, null, 3).rows();
        assertEquals(9, rows.size());
        for (List<String> r : rows) {
            for (int i = 7; i < r.size(); i++) assertEquals("", r.get(i), r.toString());
        }
        near(90, row(rows, "surge", "delivered_kg_total").get("mean"), "mean");
    }

    @Test
    void costPerKgNeedsSpendAndDeliveredOutcomes() {
        List<List<String>> rows = new CompareSummary(records(), STRATEGIES, List.of("delivered_kg_total"), "baseline", 3)
                .rows();
        assertEquals(3, rows.size());
    }

    @Test
    void baselineIsTheStrategyCalledBaselineElseTheFirstWithoutCampaign() throws Exception {
        narcosim.scenario.Scenario sc = narcosim.scenario.ScenarioLoader.load(
                java.nio.file.Path.of("scenarios", "classroom-balloon.yaml"), List.of());
        assertEquals("baseline", Experiments.baseline(sc, List.of("integrated", "baseline")));
        assertEquals(null, Experiments.baseline(sc, List.of("integrated", "corridor-crackdown")));
    }
}
