package narcosim.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import narcosim.util.Fmt;

/**
 * What a sweep found, as effects with 95% intervals, from the runs themselves (runs.csv):
 * <ul>
 * <li>{@code mean}: each strategy's outcome averaged over the design (t interval over design points);</li>
 * <li>{@code vs_reference}: a strategy minus the reference strategy (the baseline, or the one the sweep names),
 * paired run by run (the same design point and replicate have the same seed under every strategy), averaged
 * over the design (t interval over design points);</li>
 * <li>{@code parameter}: how far the outcome moves across a parameter's whole range, holding the others (the
 * slope of a linear regression on all varied parameters, each scaled to [0, 1], with one term per replicate,
 * which soaks up the seeds a replicate shares), with its t interval;</li>
 * <li>{@code parameter_on_difference}: the same for the paired difference against the reference: how far the
 * strategy's effect changes across a parameter's range.</li>
 * </ul>
 * A finding is stated only where its interval excludes zero: a parameter that does nothing to a strategy (a
 * military parameter under a strategy with no military) moves it no more than replicate noise, and its interval
 * includes zero. With many outcomes and parameters, about one interval in twenty excludes zero by chance.
 */
public final class SweepEffects {

    /** The file of a sweep's effects. */
    public static final String FILE = "effects.csv";
    public static final List<String> HEADER = List.of("strategy", "outcome", "effect", "parameter", "reference", "n",
            "estimate", "ci_low", "ci_high", "reference_mean", "distinguishable");

    /** One effect; {@code parameter} is empty for a mean and for the average effect against the reference. */
    public record Effect(String strategy, String outcome, String effect, String parameter, String reference, int n,
                         double estimate, double low, double high, double referenceMean) {
        /** Whether its interval excludes zero (a mean: always stated). */
        public boolean distinguishable() {
            return effect.equals(MEAN) || narcosim.metrics.Outcome.distinguishable(low, high);
        }

        List<String> row() {
            return List.of(strategy, outcome, effect, parameter, reference, Integer.toString(n), Fmt.cell(estimate),
                    Fmt.cell(low), Fmt.cell(high), Fmt.cell(referenceMean), Boolean.toString(distinguishable()));
        }
    }

    public static final String MEAN = "mean";
    public static final String VS_REFERENCE = "vs_reference";
    public static final String PARAMETER = "parameter";
    public static final String PARAMETER_ON_DIFFERENCE = "parameter_on_difference";

    private SweepEffects() {
    }

    /**
     * The reference strategy of a sweep's description: the one it names ({@code reference}), else
     * {@code baseline} when the sweep runs it, else none (null).
     */
    @SuppressWarnings("unchecked")
    public static String reference(Map<String, Object> design) {
        Object named = design.get("reference");
        if (named instanceof String s && !s.isEmpty()) return s;
        List<String> strategies = design.get("strategies") instanceof List<?> l ? (List<String>) l : List.of();
        return strategies.contains("baseline") && strategies.size() > 1 ? "baseline" : null;
    }

    /**
     * The effects of a sweep, in order: per outcome, per strategy its mean, its effect against the reference,
     * the parameters' effects on it and on its difference from the reference.
     *
     * @param design  the sweep's description (the manifest's design): strategies, parameters, outcomes, replicates
     * @param records runs.csv
     */
    @SuppressWarnings("unchecked")
    public static List<Effect> compute(Map<String, Object> design, Iterable<Map<String, String>> records) {
        List<String> strategies = (List<String>) design.get("strategies");
        List<String> outcomes = design.get("outcomes") instanceof List<?> l && !l.isEmpty() ? (List<String>) l
                : List.of("delivered_kg_total", "seized_share", "mean_trust_final_year");
        List<Map<String, Object>> params = design.get("parameters") instanceof List<?> p ? (List<Map<String, Object>>) p
                : List.of();
        String reference = reference(design);
        // strategy -> point -> replicate -> run record
        Map<String, Map<Integer, Map<Integer, Map<String, String>>>> runs = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> pointRecord = new java.util.TreeMap<>();
        int reps = 0;
        for (Map<String, String> r : records) {
            int p = Integer.parseInt(r.get("point"));
            int rep = Integer.parseInt(r.get("replicate"));
            reps = Math.max(reps, rep + 1);
            runs.computeIfAbsent(r.get("strategy"), k -> new java.util.TreeMap<>())
                    .computeIfAbsent(p, k -> new java.util.TreeMap<>()).put(rep, r);
            pointRecord.putIfAbsent(p, r);
        }
        List<String> keys = new ArrayList<>();
        Map<Integer, double[]> x = new HashMap<>();
        for (Map<String, Object> f : params) keys.add(String.valueOf(f.get("key")));
        for (Map.Entry<Integer, Map<String, String>> e : pointRecord.entrySet()) {
            double[] v = new double[params.size()];
            for (int j = 0; j < params.size(); j++) v[j] = scaled(params.get(j), e.getValue().get(keys.get(j)));
            x.put(e.getKey(), v);
        }
        List<Effect> out = new ArrayList<>();
        for (String o : outcomes) {
            Map<Integer, Map<Integer, Double>> ref = reference == null ? null : values(runs.get(reference), o);
            double refMean = ref == null ? Double.NaN : overDesign(ref).mean();
            for (String s : strategies) {
                Map<Integer, Map<Integer, Double>> y = values(runs.get(s), o);
                Statistics.Estimate m = overDesign(y);
                out.add(new Effect(s, o, MEAN, "", "", m.n(), m.mean(), m.low(), m.high(), Double.NaN));
                Map<Integer, Map<Integer, Double>> d = null;
                if (ref != null && !s.equals(reference)) {
                    d = differences(y, ref);
                    Statistics.Estimate e = overDesign(d);
                    out.add(new Effect(s, o, VS_REFERENCE, "", reference, e.n(), e.mean(), e.low(), e.high(), refMean));
                }
                for (Effect e : slopes(s, o, PARAMETER, "", y, x, keys, reps, Double.NaN)) out.add(e);
                if (d != null) {
                    for (Effect e : slopes(s, o, PARAMETER_ON_DIFFERENCE, reference, d, x, keys, reps, refMean)) out.add(e);
                }
            }
        }
        return out;
    }

    /** A parameter's value scaled to [0, 1] over its range (a level: its place among the levels). */
    private static double scaled(Map<String, Object> f, String value) {
        if (f.get("levels") instanceof List<?> levels) {
            int i = -1;
            for (int k = 0; k < levels.size(); k++) {
                String l = String.valueOf(levels.get(k));
                if (l.equals(value) || sameNumber(l, value)) i = k;
            }
            boolean numeric = levels.stream().allMatch(l -> isNumber(String.valueOf(l)));
            if (numeric && levels.size() > 1) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (Object l : levels) {
                    lo = Math.min(lo, Double.parseDouble(String.valueOf(l)));
                    hi = Math.max(hi, Double.parseDouble(String.valueOf(l)));
                }
                return hi > lo ? (Double.parseDouble(value) - lo) / (hi - lo) : 0;
            }
            return levels.size() > 1 && i >= 0 ? i / (double) (levels.size() - 1) : 0;
        }
        double lo = ((Number) f.get("min")).doubleValue();
        double hi = ((Number) f.get("max")).doubleValue();
        return hi > lo ? (Double.parseDouble(value) - lo) / (hi - lo) : 0;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean sameNumber(String a, String b) {
        return isNumber(a) && isNumber(b) && Double.parseDouble(a) == Double.parseDouble(b);
    }

    private static Map<Integer, Map<Integer, Double>> values(Map<Integer, Map<Integer, Map<String, String>>> runs,
                                                             String outcome) {
        Map<Integer, Map<Integer, Double>> v = new java.util.TreeMap<>();
        if (runs == null) return v;
        for (var p : runs.entrySet()) {
            for (var r : p.getValue().entrySet()) {
                String cell = r.getValue().get(outcome);
                double d = cell == null || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                if (d == d) v.computeIfAbsent(p.getKey(), k -> new java.util.TreeMap<>()).put(r.getKey(), d);
            }
        }
        return v;
    }

    private static Map<Integer, Map<Integer, Double>> differences(Map<Integer, Map<Integer, Double>> a,
                                                                  Map<Integer, Map<Integer, Double>> b) {
        Map<Integer, Map<Integer, Double>> d = new java.util.TreeMap<>();
        for (var p : a.entrySet()) {
            Map<Integer, Double> other = b.get(p.getKey());
            if (other == null) continue;
            for (var r : p.getValue().entrySet()) {
                Double o = other.get(r.getKey());
                if (o != null) d.computeIfAbsent(p.getKey(), k -> new java.util.TreeMap<>()).put(r.getKey(), r.getValue() - o);
            }
        }
        return d;
    }

    /** The mean over the design: of each point's replicate mean, with a t interval over points (over runs if one). */
    private static Statistics.Estimate overDesign(Map<Integer, Map<Integer, Double>> v) {
        List<Double> means = new ArrayList<>();
        for (Map<Integer, Double> reps : v.values()) {
            means.add(reps.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        }
        double[] sample = means.size() > 1 ? means.stream().mapToDouble(Double::doubleValue).toArray()
                : v.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).toArray();
        return Statistics.estimate(sample, CompareSummary.CONFIDENCE);
    }

    /** Regression of the runs' values on the scaled parameters and replicate terms: one effect per parameter. */
    private static List<Effect> slopes(String s, String o, String kind, String reference,
                                       Map<Integer, Map<Integer, Double>> v, Map<Integer, double[]> x, List<String> keys,
                                       int reps, double refMean) {
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (var p : v.entrySet()) {
            double[] xp = x.get(p.getKey());
            if (xp == null) continue;
            for (var r : p.getValue().entrySet()) {
                double[] row = new double[keys.size() + Math.max(0, reps - 1)];
                System.arraycopy(xp, 0, row, 0, xp.length);
                if (r.getKey() > 0) row[keys.size() + r.getKey() - 1] = 1;
                rows.add(row);
                ys.add(r.getValue());
            }
        }
        List<Effect> out = new ArrayList<>();
        int n = rows.size();
        int k = keys.isEmpty() ? 0 : rows.get(0).length;
        double[] beta = null;
        double[] se = null;
        if (!keys.isEmpty() && n > k + 1) {
            try {
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
                ols.newSampleData(ys.stream().mapToDouble(Double::doubleValue).toArray(), rows.toArray(double[][]::new));
                beta = ols.estimateRegressionParameters();
                se = ols.estimateRegressionParametersStandardErrors();
            } catch (IllegalArgumentException e) { // a singular design (SingularMatrixException), too few runs
                beta = null;
            }
        }
        double t = n > k + 1 ? new TDistribution(n - k - 1).inverseCumulativeProbability(0.5 + CompareSummary.CONFIDENCE / 2)
                : Double.NaN;
        for (int j = 0; j < keys.size(); j++) {
            double b = beta == null ? Double.NaN : beta[j + 1];
            double h = beta == null || !(se[j + 1] == se[j + 1]) ? Double.NaN : t * se[j + 1];
            out.add(new Effect(s, o, kind, keys.get(j), reference, n, b, b - h, b + h, refMean));
        }
        return out;
    }

    /** Writes effects.csv. */
    public static void write(java.nio.file.Path dir, List<Effect> effects) throws java.io.IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Effect e : effects) rows.add(e.row());
        Experiments.writeTable(dir.resolve(FILE), HEADER, rows);
    }

    // ------------------------------------------------------------------ findings in words

    /**
     * What a sweep found for one strategy and outcome, in the catalogue's units: its mean over the design, its
     * change against the reference (empty for the reference itself, or without one), and the parameters that move
     * it or its difference from the reference beyond replicate noise (intervals excluding zero).
     *
     * @param moves     "parameter (from -> to): change [interval]" for the outcome itself
     * @param movesDiff the same for the strategy's difference from the reference
     * @param unstated  effects computed whose interval includes zero (not stated)
     */
    public record Finding(String outcome, String strategy, String mean, String vsReference, String reference,
                          List<String> moves, List<String> movesDiff, int unstated) {
    }

    /** The findings, per outcome and strategy in the sweep's order. */
    @SuppressWarnings("unchecked")
    public static List<Finding> findings(Map<String, Object> design, List<Effect> effects) {
        Map<String, String> ranges = new LinkedHashMap<>();
        if (design.get("parameters") instanceof List<?> ps) {
            for (Object o : ps) {
                Map<String, Object> f = (Map<String, Object>) o;
                String range = f.get("levels") instanceof List<?> l && !l.isEmpty()
                        ? l.get(0) + " \u2192 " + l.get(l.size() - 1)
                        : Fmt.num(((Number) f.get("min")).doubleValue()) + " \u2192 " + Fmt.num(((Number) f.get("max")).doubleValue());
                ranges.put(String.valueOf(f.get("key")), range);
            }
        }
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Effect e : effects) {
            String key = e.outcome() + "\t" + e.strategy();
            narcosim.metrics.Outcome o = outcome(e.outcome());
            Finding f = out.get(key);
            if (f == null) {
                f = new Finding(e.outcome(), e.strategy(), "", "", "", new ArrayList<>(), new ArrayList<>(), 0);
            }
            switch (e.effect()) {
                case MEAN -> f = new Finding(f.outcome(), f.strategy(), o.format(e.estimate()) + " [" + o.format(e.low())
                        + ", " + o.format(e.high()) + "]", f.vsReference(), f.reference(), f.moves(), f.movesDiff(),
                        f.unstated());
                case VS_REFERENCE -> f = new Finding(f.outcome(), f.strategy(), f.mean(), o.change(e.estimate(), e.low(),
                        e.high(), e.referenceMean()) + (e.distinguishable() ? "" : " (n.s.)"), e.reference(), f.moves(),
                        f.movesDiff(), f.unstated());
                default -> {
                    if (e.distinguishable()) {
                        String line = e.parameter() + " (" + ranges.getOrDefault(e.parameter(), "its range") + "): "
                                + o.change(e.estimate(), e.low(), e.high(), 0);
                        (e.effect().equals(PARAMETER) ? f.moves() : f.movesDiff()).add(line);
                    } else {
                        f = new Finding(f.outcome(), f.strategy(), f.mean(), f.vsReference(), f.reference(), f.moves(),
                                f.movesDiff(), f.unstated() + 1);
                    }
                }
            }
            out.put(key, f);
        }
        return new ArrayList<>(out.values());
    }

    /** The catalogue's outcome of a column; a column it does not know is shown as it is. */
    static narcosim.metrics.Outcome outcome(String column) {
        narcosim.metrics.Outcome o = narcosim.metrics.Outcomes.measure(column);
        return o != null ? o : new narcosim.metrics.Outcome(column, narcosim.metrics.Outcome.Kind.LEVEL, "", column, "",
                1, "", narcosim.metrics.Outcome.Change.RELATIVE, narcosim.metrics.Outcome.Window.WHOLE_CAMPAIGN);
    }

    /** A finding as a sentence (report.html): the same numbers and words as the terminal's summary. */
    public static String sentence(Finding f) {
        StringBuilder b = new StringBuilder(outcome(f.outcome()).title() + ", " + f.strategy() + ": " + f.mean()
                + " on average over the design");
        if (!f.vsReference().isEmpty()) {
            b.append("; against ").append(f.reference()).append(", paired run by run: ").append(f.vsReference());
        }
        b.append(". ");
        if (f.moves().isEmpty() && f.movesDiff().isEmpty()) {
            b.append("No parameter moves it beyond replicate noise.");
            return b.toString();
        }
        if (!f.moves().isEmpty()) {
            b.append("Across its range, ").append(String.join("; ", f.moves())).append(". ");
        }
        if (!f.movesDiff().isEmpty()) {
            b.append("Its difference from ").append(f.reference()).append(" changes across ")
                    .append(String.join("; ", f.movesDiff())).append(". ");
        }
        if (f.unstated() > 0) b.append("The other parameters' effects are within replicate noise.");
        return b.toString().strip();
    }

    /** The sweep's summary for the terminal: per outcome and strategy, its findings (printed after a sweep). */
    public static String table(Map<String, Object> design, List<Effect> effects) {
        List<Finding> found = findings(design, effects);
        String reference = reference(design);
        StringBuilder sb = new StringBuilder();
        int w = 14;
        for (Finding f : found) w = Math.max(w, f.strategy().length() + 2);
        sb.append(String.format(java.util.Locale.ROOT, "%-" + w + "s %-30s %s%n", "", "mean over the design [95% CI]",
                reference == null ? "" : "change vs " + reference + " [95% CI], paired"));
        String current = "";
        int unstated = 0;
        boolean anyNs = false;
        for (Finding f : found) {
            if (!f.outcome().equals(current)) {
                current = f.outcome();
                sb.append(outcome(current).title()).append('\n');
            }
            sb.append(String.format(java.util.Locale.ROOT, "  %-" + (w - 2) + "s %-30s %s", f.strategy(), f.mean(),
                    f.vsReference()).stripTrailing()).append('\n');
            anyNs |= f.vsReference().endsWith("(n.s.)");
            if (f.moves().isEmpty() && f.movesDiff().isEmpty()) {
                sb.append("      no parameter moves it beyond replicate noise\n");
            }
            for (String m : f.moves()) sb.append("      ").append(m).append('\n');
            for (String m : f.movesDiff()) sb.append("      vs ").append(f.reference()).append(", ").append(m).append('\n');
            unstated += f.unstated();
        }
        sb.append("A parameter's effect: how far it moves the outcome across its whole range (linear, the\n"
                + "other parameters held), with its 95% interval; listed only when the interval excludes\n"
                + "zero (" + unstated + " did not; all are in " + FILE + ").\n");
        if (reference == null) {
            sb.append("Name a reference strategy (reference: in the sweep file, or --reference) to compare\n"
                    + "strategies run by run.\n");
        }
        if (anyNs) sb.append("(n.s.): the change's 95% interval includes zero; not told apart from no change.\n");
        return sb.toString();
    }
}
