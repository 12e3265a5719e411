package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import narcosim.metrics.Outcomes;
import narcosim.metrics.WeeklyCollector;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.scenario.Fields;
import narcosim.scenario.Specs;

/**
 * An adaptive strategy in a run (ODD 7.22): the review after each campaign year re-plans at the new split, the
 * weekly share columns show it from that week on, and the campaign spends what the same split buys at
 * deployment, never more than the budget.
 */
class AdaptiveCampaignTest {

    private static final int BURN_IN = 3;
    private static final String STRATEGY = "integrated";

    /** The classroom balloon's integrated strategy with one rule (YAML flow mapping) and any other settings. */
    private static NarcoModel adaptive(String rule, String... sets) {
        String[] all = new String[sets.length + 1];
        all[0] = "strategies." + STRATEGY + ".rules=[" + rule + "]";
        System.arraycopy(sets, 0, all, 1, sets.length);
        return PolicyModels.started(TestModels.BALLOON, STRATEGY, BURN_IN, all);
    }

    /** The same strategy with a fixed split, deployed and one week in. */
    private static NarcoModel fixed(Specs.Shares s) {
        NarcoModel m = PolicyModels.started(TestModels.BALLOON, STRATEGY, BURN_IN,
                set("military", s.military()), set("police", s.police()), set("development", s.development()),
                set("partnership", s.partnership()));
        TestModels.steps(m, BURN_IN + 1);
        return m;
    }

    private static String set(String share, double v) {
        return String.format(Locale.ROOT, "strategies.%s.shares.%s=%s", STRATEGY, share, Double.toString(v));
    }

    private static double[] shares(WeeklyCollector c, int week) {
        double[] row = c.rows().get(week);
        return Outcomes.SHARE_COLUMNS.stream().mapToDouble(n -> row[c.column(n)]).toArray();
    }

    @Test
    void theReviewAfterAYearReplansFromThatWeekOn() {
        // Mean trust above -1 holds every year: the rule fires at every review.
        NarcoModel m = adaptive("{indicator: mean_trust, above: -1, move: 0.1, from: military, to: development}");
        Campaign c = m.campaign();
        Specs.Shares start = c.shares();
        TestModels.steps(m, BURN_IN + 52);
        assertEquals(start, c.shares(), "no review before a whole campaign year");
        double spendBefore = c.spendPerYear();
        TestModels.steps(m, 1);
        Specs.Shares after = c.shares();
        assertEquals(start.military() - 0.1, after.military(), 1e-12);
        assertEquals(start.development() + 0.1, after.development(), 1e-12);
        assertEquals(List.of(new Adaptation.Fired(1, 0, "military", "development", 0.1)), c.fired());
        WeeklyCollector col = m.collector();
        assertEquals(53, col.rows().size());
        assertTrue(java.util.Arrays.equals(start.values(), shares(col, 51)), "week 51 ran on the first split");
        assertTrue(java.util.Arrays.equals(after.values(), shares(col, 52)), "week 52 runs on the new split");
        // What the campaign bought again is what the new split buys at deployment.
        assertEquals(fixed(after).campaign().spendPerYear(), c.spendPerYear(), 1e-6);
        assertTrue(c.spendPerYear() != spendBefore, "the new split costs another whole number of units");
    }

    @Test
    void aRuleWhoseConditionNeverHoldsChangesNothing() {
        NarcoModel m = adaptive("{indicator: mean_trust, below: -1, move: 0.5, from: military, to: police}");
        Specs.Shares start = m.campaign().shares();
        TestModels.steps(m, BURN_IN + 2 * 52 + 1);
        assertEquals(start, m.campaign().shares());
        assertTrue(m.campaign().fired().isEmpty());
    }

    /**
     * Whatever a rule moves, every week's spend stays within the budget, the split's shares stay in [0, 1] and add
     * up to 1, and after the last review the campaign spends what that split buys at deployment.
     */
    @Property(tries = 6, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void spendStaysAtTheBudgetWhateverTheRulesMove(@ForAll @IntRange(min = 0, max = 3) int from,
                                                    @ForAll @IntRange(min = 1, max = 3) int offset,
                                                    @ForAll @DoubleRange(min = 0.05, max = 0.6) double move) {
        List<String> keys = Fields.SHARE_KEYS;
        String rule = String.format(Locale.ROOT, "{indicator: mean_trust, above: -1, move: %s, from: %s, to: %s}",
                Double.toString(move), keys.get(from), keys.get((from + offset) % 4));
        NarcoModel m = adaptive(rule, "run.years=3");
        double budget = m.config().scenario().budgetMusdPerYear() * 1e6;
        TestModels.steps(m, BURN_IN + 3 * 52);
        WeeklyCollector col = m.collector();
        int spend = col.column("spend_usd");
        for (int w = 0; w < col.rows().size(); w++) {
            double[] s = shares(col, w);
            double sum = 0;
            for (double v : s) {
                assertTrue(v >= 0 && v <= 1, "week " + w + ": " + java.util.Arrays.toString(s));
                sum += v;
            }
            assertEquals(1, sum, 1e-9, "week " + w);
            assertTrue(52 * col.rows().get(w)[spend] <= budget + 1e-3, "week " + w + " spends over the budget");
        }
        // Reviews after years 1 and 2: the rule moves twice, or once if the first emptied its share.
        double held = m.config().strategy().shares().get(keys.get(from));
        double moved = m.campaign().fired().stream().mapToDouble(Adaptation.Fired::moved).sum();
        assertEquals(Math.min(2 * move, held), moved, 1e-9, m.campaign().fired().toString());
        assertEquals(fixed(m.campaign().shares()).campaign().spendPerYear(), m.campaign().spendPerYear(), 1e-6);
    }
}
