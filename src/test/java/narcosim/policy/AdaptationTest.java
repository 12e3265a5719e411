package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import narcosim.metrics.Outcome;
import narcosim.scenario.Specs;

/**
 * The yearly rules on weekly rows made here (ODD 7.22): a rule fires exactly when its reading crosses the
 * threshold, after its lag, moving no more than its from share holds.
 */
class AdaptationTest {

    private static final List<Outcome> COLUMNS = List.of(
            new Outcome("trust", Outcome.Kind.LEVEL, "0-1", "Trust", "", 1, "0-1", Outcome.Change.ABSOLUTE),
            new Outcome("seized", Outcome.Kind.FLOW, "kg", "Seized", "", 1, "kg", Outcome.Change.RELATIVE));
    private static final Specs.Shares START = new Specs.Shares(0.5, 0.2, 0.2, 0.1);

    private static Specs.Rule rule(String indicator, Specs.Reading reading, boolean below, double threshold, int years,
                                   double move, String from, String to) {
        return new Specs.Rule("", indicator, reading, below, threshold, years, move, from, to, 0);
    }

    private static Specs.Rule trustBelow(double threshold, int years) {
        return rule("trust", Specs.Reading.VALUE, true, threshold, years, 0.1, "military", "development");
    }

    /** Rows of whole years: each year's weeks hold its trust and its weekly seizures. */
    private static final class Weeks {
        final List<double[]> rows = new ArrayList<>();

        Weeks year(double trust, double seizedPerWeek) {
            for (int w = 0; w < Adaptation.WEEKS_PER_YEAR; w++) rows.add(new double[] {trust, seizedPerWeek});
            return this;
        }
    }

    @Test
    void aLevelFiresExactlyWhenItsYearsMeanCrossesTheThreshold() {
        Adaptation at = new Adaptation(List.of(trustBelow(0.3, 1)), COLUMNS);
        assertSame(START, at.review(START, new Weeks().year(0.3, 0).rows), "0.3 is not below 0.3");
        Specs.Shares after = at.review(START, new Weeks().year(0.3 - 1e-12, 0).rows);
        assertEquals(0.4, after.military(), 1e-15);
        assertEquals(0.3, after.development(), 1e-15);
        assertEquals(START.police(), after.police());
        assertEquals(START.partnership(), after.partnership());
    }

    @Test
    void aLevelReadsTheMeanOfTheYearJustEnded() {
        Adaptation at = new Adaptation(List.of(trustBelow(0.3, 1)), COLUMNS);
        Weeks w = new Weeks().year(0.1, 0);
        // Year 2: half the weeks at 0.2, half at 0.4: its mean is 0.3, not below.
        for (int i = 0; i < 52; i++) w.rows.add(new double[] {i < 26 ? 0.2 : 0.4, 0});
        assertSame(START, at.review(START, w.rows));
        // A week without a value (NaN) is left out of the mean, and a year without any never meets a threshold.
        w.rows.set(103, new double[] {Double.NaN, 0});
        assertTrue(at.review(START, w.rows) != START, "mean of the known weeks, 0.2 x 26 + 0.4 x 25, is below 0.3");
        Weeks unknown = new Weeks().year(Double.NaN, 0);
        assertSame(START, new Adaptation(List.of(trustBelow(0.3, 1)), COLUMNS).review(START, unknown.rows));
    }

    @Test
    void aFlowReadsTheYearsTotalAndAboveIsStrict() {
        Specs.Rule r = rule("seized", Specs.Reading.VALUE, false, 52 * 100.0, 1, 0.05, "police", "partnership");
        assertSame(START, new Adaptation(List.of(r), COLUMNS).review(START, new Weeks().year(0, 100).rows));
        Specs.Shares after = new Adaptation(List.of(r), COLUMNS).review(START, new Weeks().year(0, 100.001).rows);
        assertEquals(0.15, after.police(), 1e-15);
        assertEquals(0.15, after.partnership(), 1e-15);
    }

    @Test
    void theLagCountsReviewsRunningAndFiringStartsTheCountAgain() {
        Adaptation at = new Adaptation(List.of(trustBelow(0.3, 2)), COLUMNS);
        Weeks w = new Weeks();
        Specs.Shares s = START;
        double[] trust = {0.2, 0.4, 0.2, 0.2, 0.2, 0.2};
        boolean[] fires = {false, false, false, true, false, true};
        for (int y = 0; y < trust.length; y++) {
            w.year(trust[y], 0);
            Specs.Shares next = at.review(s, w.rows);
            assertEquals(fires[y], next != s, "review after year " + (y + 1));
            s = next;
        }
        assertEquals(List.of(4, 6), at.fired().stream().map(Adaptation.Fired::year).toList());
        assertEquals(0.3, s.military(), 1e-12);
        assertEquals(0.4, s.development(), 1e-12);
    }

    @Test
    void aChangeIsRelativeToTheYearBeforeAndNeedsOne() {
        // Seizures falling two years running: a change below 0 at two reviews.
        Specs.Rule r = rule("seized", Specs.Reading.CHANGE, true, 0, 2, 0.1, "military", "partnership");
        Adaptation at = new Adaptation(List.of(r), COLUMNS);
        Weeks w = new Weeks().year(0, 100);
        assertSame(START, at.review(START, w.rows), "no year before the first");
        assertSame(START, at.review(START, w.year(0, 90).rows), "fell once");
        Specs.Shares after = at.review(START, w.year(0, 80).rows);
        assertEquals(0.4, after.military(), 1e-15);
        assertEquals(0.2, after.partnership(), 1e-15);
        // Growth by exactly a fifth does not exceed 0.2; a little more does. From a year of 0 there is no change.
        Specs.Shares s = START;
        Specs.Rule grows = rule("seized", Specs.Reading.CHANGE, false, 0.2, 1, 0.1, "military", "police");
        Adaptation g = new Adaptation(List.of(grows), COLUMNS);
        assertSame(s, g.review(s, new Weeks().year(0, 100).year(0, 120).rows));
        assertTrue(g.review(s, new Weeks().year(0, 100).year(0, 120.01).rows) != s);
        assertSame(s, g.review(s, new Weeks().year(0, 0).year(0, 50).rows));
    }

    @Test
    void aRuleMovesNoMoreThanItsShareHoldsAndNothingFromAnEmptyShare() {
        Specs.Rule big = rule("trust", Specs.Reading.VALUE, true, 1, 1, 0.3, "partnership", "police");
        Adaptation at = new Adaptation(List.of(big), COLUMNS);
        Weeks w = new Weeks().year(0.5, 0);
        Specs.Shares after = at.review(START, w.rows);
        assertEquals(0, after.partnership());
        assertEquals(0.3, after.police(), 1e-15);
        assertEquals(0.1, at.fired().get(0).moved(), 1e-15);
        assertSame(after, at.review(after, w.year(0.5, 0).rows), "an empty share has nothing to move");
    }

    @Test
    void rulesApplyInOrderEachToTheSplitTheOthersLeft() {
        Specs.Rule first = rule("trust", Specs.Reading.VALUE, true, 1, 1, 0.5, "military", "development");
        Specs.Rule second = rule("trust", Specs.Reading.VALUE, true, 1, 1, 0.6, "development", "police");
        Specs.Shares after = new Adaptation(List.of(first, second), COLUMNS).review(START, new Weeks().year(0.5, 0).rows);
        assertEquals(new Specs.Shares(0, 0.2 + 0.6, 0.2 + 0.5 - 0.6, 0.1).values()[1], after.police(), 1e-15);
        assertEquals(0, after.military());
        assertEquals(0.1, after.development(), 1e-12);
    }

    @Test
    void aRuleOnAnOutcomeTheCollectorLacksIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Adaptation(List.of(rule("nothing", Specs.Reading.VALUE, true, 0, 1, 0.1, "military", "police")),
                        COLUMNS));
    }

    /** Whatever the rules move, the shares stay in [0, 1] and add up to what they added up to. */
    @Property(tries = 200)
    void sharesStayOnTheSimplex(@ForAll @IntRange(min = 0, max = 3) int from, @ForAll @IntRange(min = 0, max = 3) int to,
                                @ForAll @DoubleRange(min = 0, max = 1) double move,
                                @ForAll @IntRange(min = 0, max = 3) int from2, @ForAll @IntRange(min = 0, max = 3) int to2,
                                @ForAll @DoubleRange(min = 0, max = 1) double move2,
                                @ForAll @IntRange(min = 1, max = 6) int years) {
        String[] keys = {"military", "police", "development", "partnership"};
        List<Specs.Rule> rules = new ArrayList<>();
        if (from != to) rules.add(rule("trust", Specs.Reading.VALUE, true, 1, 1, move, keys[from], keys[to]));
        if (from2 != to2) rules.add(rule("trust", Specs.Reading.VALUE, true, 1, 1, move2, keys[from2], keys[to2]));
        Adaptation at = new Adaptation(rules, COLUMNS);
        Weeks w = new Weeks();
        Specs.Shares s = START;
        for (int y = 0; y < years; y++) {
            s = at.review(s, w.year(0.5, 0).rows);
            for (double v : s.values()) assertTrue(v >= 0 && v <= 1, s.toString());
            assertEquals(1, s.sum(), 1e-12);
        }
    }
}
