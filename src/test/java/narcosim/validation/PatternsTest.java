package narcosim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import narcosim.experiment.Runner;

/**
 * The eight patterns of the model brief, each on its shipped scenario (pattern 1 also on the default map), run by
 * the same experiment code as {@code narcosim patterns} (same base seed) with fewer replicates, except that a
 * pattern whose effect is small against its noise keeps the replicates it needs ({@link Pattern#replicatesNeeded},
 * measured over base seeds: 4 at 20 and 5 at 10, as the command runs them): each pattern must hold, i.e. every
 * check's 95% interval lies beyond its threshold — except the patterns the model does not reproduce
 * ({@link #NOT_REPRODUCED}), whose checks that still hold are asserted. The experiments share runs, so they are
 * run together once.
 */
class PatternsTest {

    private static final int REPLICATES = 6;
    private static List<PatternExperiment.Outcome> outcomes;

    /**
     * Patterns the model does not reproduce, with the checks of each that still hold (asserted) and the reason
     * (docs/VALIDATION.md, "What the model does not reproduce"): 3 and 6 since issue 13's economics; since issue
     * 14's re-validation, pattern 1 on the default map and pattern 7 on delivered flow (pattern 2 at double the
     * budget holds again since the calibration of 2026-12-02). Their experiments run at the base replicates; the checks that fail are printed, not asserted.
     */
    static final Map<String, NotReproduced> NOT_REPRODUCED = Map.of(
            "balloon-map", new NotReproduced(List.of("rise in the caribbean share of primary movements (vs eastern-pacific)",
                    "relative rise in kg sent into the caribbean", "rise in places in the cartels' networks"),
                    "the whole budget on the Eastern Pacific cuts the flow through it by about 15% (30% before the "
                            + "calibrated interdiction chance of 0.1), not the 40% the check asks; traffic does move to "
                            + "the Caribbean"),
            "partnership", new NotReproduced(List.of(
                    "relative rise in kg seized per US$ of military and police spending with partnership",
                    "relative rise in kg entering Colombia after it withdraws"),
                    "the same total budget with the partnership share on the military delivers as much cocaine: "
                            + "partnership seizes more per US$ of forces, but the military money buys more forces, and "
                            + "the two balance on delivered flow"),
            "price", new NotReproduced(List.of("price premium in years 1-2"),
                    "the premium is mostly loss replacement marked up along the chain, which lasts as long as the "
                            + "seizures; it does not decay"),
            "eradication", new NotReproduced(List.of("net hectares cut per hectare sprayed (weak)",
                    "cut in coca area, final year (reversed after stopping)",
                    "change in mean trust in coca-growing places, years 1-5"),
                    "buyers want more of a harvest eradication shrinks, the farm-gate factor rises and growers "
                            + "answer it: the year-5 cut is no longer distinguishable from zero"));

    /** The checks of a pattern that still hold, and why the rest do not. */
    record NotReproduced(List<String> stillHold, String why) {
    }

    /**
     * Not-reproduced patterns whose failing check is an effect near zero, so that at {@link #REPLICATES} whether its
     * interval excludes zero depends on the draws, and the guard against a stale {@link #NOT_REPRODUCED} entry with
     * it: pattern 6's year-5 cut in coca area is -0.0003 [-0.008, 0.008] at 20 replicates (base seed) before issue
     * 16's resident event streams and 0.004 [-0.004, 0.012] after (`narcosim patterns --only eradication
     * --replicates 20`), while at 6 replicates the draws after gave [0.008, 0.024] and "now holds".
     */
    static final Map<String, Integer> NOT_REPRODUCED_REPLICATES = Map.of("eradication", 20);

    /**
     * The guard for a not-reproduced pattern whose failing check is an effect near zero: the lower end of that check's
     * 95% interval stays below a bound (a clear effect would fire it), since whether the interval excludes zero is a
     * coin's toss. Pattern 6's year-5 cut, `narcosim patterns --only eradication --replicates 20 --seed S` at S = 1,
     * 101, 201: main's jar before issue 16's table gaps, passes and thinned witnessing -0.0003 [-0.0083, 0.0076],
     * 0.0061 [-0.0048, 0.0170], 0.0068 [-0.0001, 0.0136]; after, 0.0102 [0.0037, 0.0167], 0.0116 [0.0046, 0.0185],
     * 0.0040 [-0.0011, 0.0091]: pooled (inverse variance) 0.0042 +- 0.0023 before and 0.0076 +- 0.0016 after (standard
     * errors; difference p 0.22), a cut of about half a percent that 20 paired replicates resolve at some seeds and not
     * at others, before as after (the paired intervals are narrower after: the new draws keep the arms' random
     * numbers in step for longer, which changes the pairing, not the model).
     */
    static final Map<String, NearZero> NEAR_ZERO = Map.of("eradication",
            new NearZero("cut in coca area, year 5 (while eradicating)", 0.01));

    /** A check whose effect is near zero and the bound its interval's lower end must stay below. */
    record NearZero(String check, double below) {
    }

    /** Magnitudes outside the literature's range since issue 13 made prices along the chain outputs. */
    static final Map<String, String> OUTSIDE = Map.of(
            "wholesale price, Colombia", "the scenario's Colombian price is now the price at the source; the kg "
                    + "arriving at Colombia's ports carry transport and margin on top (about $3,500 against $2-3k)",
            "markup, US gateway over Colombia", "follows from the Colombian price (about 6.4 against roughly 10)",
            "wholesale price, Mexico", "under today's effort about $15,400 against $10-14k (15k at the northern border, "
                    + "2013): the calibration held it out and came within a tenth of the range (docs/VALIDATION.md)");

    @BeforeAll
    static void runAll() throws Exception {
        List<PatternExperiment.Trial> trials = new ArrayList<>();
        for (PatternExperiment.Trial t : PatternExperiment.withReplicatesNeeded(
                PatternExperiment.trials(Patterns.all(), null, List.of(), REPLICATES))) {
            trials.add(NOT_REPRODUCED.containsKey(t.pattern().id())
                    ? new PatternExperiment.Trial(t.pattern(), t.scenario(), t.sets(), t.point(),
                            NOT_REPRODUCED_REPLICATES.getOrDefault(t.pattern().id(), REPLICATES)) : t);
        }
        outcomes = PatternExperiment.run(trials, 1, 2, Runner.Progress.NONE);
    }

    private static PatternExperiment.Outcome of(String id) {
        return outcomes.stream().filter(o -> o.pattern().id().equals(id)).findFirst().orElseThrow();
    }

    private static void assertHolds(String id) {
        PatternExperiment.Outcome o = of(id);
        assertNull(o.skipped(), id + " was skipped");
        String report = o.checks().stream().map(c -> (c.holds() ? "ok  " : "NOT ") + c.name() + ": " + c.effect()
                + "; " + c.criterion()).collect(Collectors.joining("\n"));
        for (List<PatternRun> runs : o.runs().values()) assertEquals(o.trial().replicates(), runs.size());
        NotReproduced known = NOT_REPRODUCED.get(id);
        if (known == null) {
            assertTrue(o.holds(), "pattern " + id + " does not hold:\n" + report);
            return;
        }
        System.out.println("Pattern " + id + " is not reproduced (" + known.why() + "):\n" + report);
        // The list must not go stale: a pattern listed here that holds again is taken off it. For a pattern whose
        // failing check is an effect near zero, the guard is that the effect stays small (NEAR_ZERO).
        NearZero small = NEAR_ZERO.get(id);
        if (small == null) {
            assertFalse(o.holds(), "pattern " + id + " now holds: remove it from NOT_REPRODUCED\n" + report);
        } else {
            Check c = o.checks().stream().filter(x -> x.name().equals(small.check())).findFirst()
                    .orElseThrow(() -> new AssertionError("no check '" + small.check() + "' in pattern " + id));
            assertTrue(c.estimate().low() < small.below(), "pattern " + id + ": '" + small.check() + "' is clearly above "
                    + small.below() + ": reconsider NOT_REPRODUCED\n" + report);
        }
        for (String name : known.stillHold()) {
            Check c = o.checks().stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no check '" + name + "' in pattern " + id));
            assertTrue(c.holds(), "pattern " + id + ": '" + name + "', which still held, no longer does:\n" + report);
        }
    }

    /** Pattern 1 (Magliocca et al. 2019, 2024): the pressed corridor loses far more than the market does. */
    @Test
    void balloonEffect() {
        assertHolds("balloon");
    }

    /**
     * Pattern 1 on the default map, the Eastern Pacific pressed: traffic moves to the Caribbean, but the corridor
     * loses less than the check asks (not reproduced; the move to the Caribbean is asserted).
     */
    @Test
    void balloonEffectOnTheDefaultMap() {
        assertHolds("balloon-map");
    }

    /**
     * Pattern 2 (NarcoLogic): every campaign seizes more than routine enforcement, all well under half at the
     * scenario's budget; at twice it all but development seize more than half (not reproduced there).
     */
    @Test
    void seizureShareStaysLimited() {
        assertHolds("seizure-share");
        assertEquals(6 * 2 * 2 + 2, of("seizure-share").checks().size(),
                "two checks per campaign strategy (five and 'status-quo') and budget, and two for today's effort");
    }

    /**
     * Pattern 3 (Caulkins & Reuter 2010): the interdiction price premium is largest early and decays. Not
     * reproduced since issue 13 (the premium stays); the premium itself is asserted.
     */
    @Test
    void transientPricePremium() {
        assertHolds("price");
    }

    /** Pattern 4 (Bennett 2008): permissive rules of engagement harm residents, cost trust and tips, add recruits. */
    @Test
    void collateralHarmCostsTrust() {
        assertHolds("trust");
    }

    /** Pattern 5 (Borrero &amp; Parada 2022): development cuts cultivation and recruitment after about two years. */
    @Test
    void developmentWorksWithALag() {
        assertHolds("development");
    }

    /**
     * Pattern 6 (Colombia's spraying record): eradication cuts little per hectare sprayed, the cut reverses, trust
     * falls. Since issue 13 the cut while eradicating is no longer distinguishable from zero; the rest is asserted.
     */
    @Test
    void eradicationIsWeakAndReversible() {
        assertHolds("eradication");
    }

    /**
     * Pattern 7: partnership raises seizures per enforcement dollar; a withdrawing partner draws traffic. At the same
     * total budget it does not cut delivered flow more than the military would (not reproduced).
     */
    @Test
    void partnershipPaysAndWithdrawalOpensAGap() {
        assertHolds("partnership");
    }

    /** Pattern 8 (Dell 2015): leadership targeting splits cartels and raises violence, in years 1-3 and overall. */
    @Test
    void leadershipTargetingFragmentsCartels() {
        assertHolds("leadership");
    }

    /** Magnitudes of the default scenario are computed from the same runs and fall in the literature's ranges. */
    @Test
    void magnitudesAreWithinTheLiteratureRanges() {
        Magnitudes m = Magnitudes.of(outcomes);
        for (Magnitudes.Row r : m.rows()) {
            if (OUTSIDE.containsKey(r.quantity())) {
                System.out.println("Magnitude " + r.quantity() + ": " + r.model().mean() + " (literature " + r.litLow()
                        + "-" + r.litHigh() + "; " + OUTSIDE.get(r.quantity()) + ")");
            }
        }
        List<String> out = m.rows().stream().filter(r -> !r.within() && !OUTSIDE.containsKey(r.quantity()))
                .map(r -> r.quantity() + " " + r.strategy() + ": " + r.model().mean()).toList();
        assertTrue(m.rows().size() >= 10, "magnitudes: " + m.rows());
        assertTrue(out.isEmpty(), "outside the literature's range: " + out);
    }
}
