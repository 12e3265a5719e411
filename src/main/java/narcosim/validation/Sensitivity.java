package narcosim.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import narcosim.experiment.Runner;
import narcosim.experiment.design.Designs;
import narcosim.experiment.design.Factor;
import narcosim.scenario.ScenarioException;
import narcosim.util.Fmt;

/**
 * Do the patterns still hold when the most uncertain parameters change? Every pattern is repeated at the
 * points of a Latin hypercube over them, with at least 10 replicates per arm and point (by default, as many as
 * the main experiment: {@link Pattern#replicatesNeeded} where a pattern needs more), and judged as the main
 * experiment is, by 95% intervals: at a point a pattern holds (every check's interval beyond its threshold),
 * fails (some check's interval wholly on the wrong side) or is undecided (an interval straddles its threshold).
 * Reports the share of points with each verdict.
 */
public final class Sensitivity {

    /** Replicates per arm and point unless the user asks otherwise. */
    public static final int DEFAULT_REPLICATES = 10;

    /**
     * The parameters the literature pins down least, with ranges around the defaults: how much loss
     * traffickers tolerate before they change routes (NarcoLogic does not fit it from data), how strongly
     * growers plant when the price is up (coca supply elasticities are uncertain), demand elasticity (-0.5 to -1 in the literature) crews' risk pay per unit of
     * arrest risk, the trafficking wage, the interdiction probability per contact, the harm of permissive
     * rules and the income gain of development.
     */
    public static final List<Factor> FACTORS = List.of(
            Factor.range("cartel.loss_tolerance", 0.06, 0.24, false),
            Factor.range("market.planting_elasticity", 0.3, 1.0, false),
            Factor.range("market.demand_elasticity", -1.0, -0.5, false),
            Factor.range("residents.wage_arrest_weight", 0.5, 2.0, false),
            Factor.range("residents.trafficking_wage_usd_week", 100, 225, false),
            Factor.range("military.interdict_prob", 0.35, 0.65, false),
            Factor.range("military.collateral_permissive", 0.08, 0.25, false),
            Factor.range("development.income_gain", 0.4, 0.9, false));

    /** The result: the design and, per pattern, its outcome at every point. */
    public record Result(List<Map<String, Object>> points, List<PatternExperiment.Outcome> outcomes) {

        /** Outcomes of one pattern, in point order. */
        public List<PatternExperiment.Outcome> of(Pattern p) {
            return outcomes.stream().filter(o -> o.pattern().id().equals(p.id())).toList();
        }

        /** Share of the points (where the pattern could run) with this verdict (holds, fails, undecided). */
        public double share(Pattern p, String verdict) {
            List<PatternExperiment.Outcome> os = of(p).stream().filter(o -> o.skipped() == null).toList();
            if (os.isEmpty()) return Double.NaN;
            return os.stream().filter(o -> o.verdict().equals(verdict)).count() / (double) os.size();
        }

        /** Replicates per arm of a pattern at the points. */
        public int replicates(Pattern p) {
            return of(p).isEmpty() ? 0 : of(p).get(0).trial().replicates();
        }
    }

    private Sensitivity() {
    }

    /**
     * Runs every pattern at {@code points} points with {@code replicates} replicates per arm, or with no fewer than
     * each pattern needs ({@link Pattern#replicatesNeeded}) if {@code asNeeded}.
     */
    public static Result run(List<Pattern> patterns, Path scenario, List<String> sets, int points, int replicates,
                             boolean asNeeded, long seed, int threads, Runner.Progress progress)
            throws ScenarioException, InterruptedException {
        List<Map<String, Object>> design = Designs.latinHypercube(FACTORS, points, seed);
        List<PatternExperiment.Trial> trials = new ArrayList<>();
        for (Pattern p : patterns) {
            for (int i = 0; i < design.size(); i++) {
                List<String> s = new ArrayList<>(sets);
                for (Map.Entry<String, Object> e : design.get(i).entrySet()) s.add(e.getKey() + "=" + Fmt.any(e.getValue()));
                Path file = scenario != null ? scenario : Path.of(p.defaultScenario());
                trials.add(new PatternExperiment.Trial(p, file, s, i + 1, replicates));
            }
        }
        if (asNeeded) trials = PatternExperiment.withReplicatesNeeded(trials);
        return new Result(design, PatternExperiment.run(trials, seed, threads, progress));
    }
}
