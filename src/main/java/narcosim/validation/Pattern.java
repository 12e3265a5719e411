package narcosim.validation;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * One pattern of the literature that the model must reproduce (MODEL-BRIEF, "Patterns the model must
 * reproduce"), as a paired experiment: arms that differ in one treatment, run with the same seeds
 * (common random numbers), and checks on per-replicate paired effects.
 */
public abstract class Pattern {

    private final String id;
    private final int number;
    private final String title;
    private final String source;
    private final String defaultScenario;
    private final int minYears;

    /**
     * @param id              short id used by --only and in file names, e.g. "balloon"
     * @param number          number in the model brief (1-8)
     * @param source          the literature it comes from
     * @param defaultScenario the shipped scenario it runs on by default, relative to the project directory
     * @param minYears        campaign years the experiment needs (its windows end there)
     */
    protected Pattern(String id, int number, String title, String source, String defaultScenario, int minYears) {
        this.id = id;
        this.number = number;
        this.title = title;
        this.source = source;
        this.defaultScenario = defaultScenario;
        this.minYears = minYears;
    }

    public final String id() {
        return id;
    }

    public final int number() {
        return number;
    }

    public final String title() {
        return title;
    }

    public final String source() {
        return source;
    }

    public final String defaultScenario() {
        return defaultScenario;
    }

    public final int minYears() {
        return minYears;
    }

    /** Why this scenario cannot run the pattern, or null if it can. */
    public abstract String unsupported(Scenario sc);

    /** The experiment's arms on this scenario (the first is the reference). */
    public abstract List<Arm> arms(Scenario sc);

    /**
     * What the brief's statement of this pattern claims that the checks do not cover, and why (the model does
     * not reproduce it; docs/VALIDATION.md), or null if the checks cover the whole statement.
     */
    public String notChecked() {
        return null;
    }

    /**
     * Replicates per arm that the pattern's checks need to come out the same whatever the base seed, where
     * the model reproduces the pattern, or 0 if the command's default is enough. A pattern whose effect is
     * small against its noise says so here, with the measurement, so that neither {@code narcosim patterns}
     * nor the tests judge it on a lucky or unlucky draw of seeds.
     */
    public int replicatesNeeded() {
        return 0;
    }

    /** The experiment in one sentence, for this scenario. */
    public abstract String experiment(Scenario sc);

    /** The checks; the pattern holds if all hold. {@code runs} maps arm labels to replicates in order. */
    public abstract List<Check> checks(Scenario sc, Map<String, List<PatternRun>> runs);

    /** What the pattern's figure shows: weekly series, one line per arm and series (mean over replicates). */
    public abstract Figure figure(Scenario sc, Map<String, List<PatternRun>> runs);

    /**
     * A figure: weekly series of a run, their unit, and the weeks over which they are smoothed (a trailing
     * moving average) so that weekly noise does not hide the pattern; {@code marker} is a campaign week to
     * mark (e.g. a withdrawal), or -1; {@code arms} the arms shown, or null for all.
     */
    public record Figure(String title, String yLabel, List<Line> lines, int smoothWeeks, int marker,
                         String markerLabel, List<String> arms) {
        public Figure(String title, String yLabel, List<Line> lines, int smoothWeeks) {
            this(title, yLabel, lines, smoothWeeks, -1, null, null);
        }

        public Figure(String title, String yLabel, List<Line> lines, int smoothWeeks, int marker, String markerLabel) {
            this(title, yLabel, lines, smoothWeeks, marker, markerLabel, null);
        }

        /** Whether the figure shows an arm (all arms unless it names some). */
        public boolean shows(String arm) {
            return arms == null || arms.contains(arm);
        }
    }

    /** One line per arm of a figure: a label ("" if the figure has one series) and the series. */
    public record Line(String label, Series series) {
    }

    /** A weekly series of a run. */
    @FunctionalInterface
    public interface Series {
        double[] of(PatternRun run);
    }

    // ---- helpers shared by the patterns ---------------------------------------------------------

    /** Per replicate f(treatment) op f(reference): the paired values a check is made of. */
    protected static double[] paired(List<PatternRun> a, List<PatternRun> b, Pair f) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = f.of(a.get(i), b.get(i));
        return d;
    }

    /** A paired statistic of a treatment run t and its reference run r with the same seed. */
    @FunctionalInterface
    protected interface Pair {
        double of(PatternRun t, PatternRun r);
    }

    /** Relative change t/r - 1 (0 when both are 0). */
    protected static double change(double t, double r) {
        if (r == 0) return t == 0 ? 0 : Double.NaN;
        return t / r - 1;
    }

    protected static double[] each(List<PatternRun> runs, ToDoubleFunction<PatternRun> f) {
        return runs.stream().mapToDouble(f).toArray();
    }

    /** The strategy with the largest share of one budget line (ties: first in the file), or null. */
    protected static Specs.Strategy largest(Scenario sc, ToDoubleFunction<Specs.Shares> share) {
        Specs.Strategy best = null;
        for (Specs.Strategy s : sc.strategies()) {
            double v = share.applyAsDouble(s.shares());
            if (v > 0 && (best == null || v > share.applyAsDouble(best.shares()))) best = s;
        }
        return best;
    }

    protected static boolean has(Scenario sc, String strategy) {
        return sc.strategy(strategy).isPresent();
    }

    protected static String missing(Scenario sc, String what) {
        return "needs " + what + "; the scenario has " + String.join(", ", sc.strategyIds());
    }
}
