package narcosim.validation;

import java.util.Locale;

import narcosim.experiment.Statistics;
import narcosim.util.Fmt;

/**
 * One criterion of a pattern: a measured effect (one value per replicate, from paired runs), its 95% t
 * interval, and the side of a threshold the whole interval must lie on.
 *
 * @param name      what is measured, in words
 * @param unit      "share", "kg", "pp" (percentage points) ..., for the reader
 * @param above     true if the effect must be above the threshold, false if below
 * @param threshold the bound
 * @param estimate  mean and 95% interval over replicates
 */
public record Check(String name, String unit, boolean above, double threshold, Statistics.Estimate estimate) {

    public static Check above(String name, String unit, double threshold, double[] perReplicate) {
        return new Check(name, unit, true, threshold, Statistics.estimate(perReplicate, 0.95));
    }

    public static Check below(String name, String unit, double threshold, double[] perReplicate) {
        return new Check(name, unit, false, threshold, Statistics.estimate(perReplicate, 0.95));
    }

    /** Holds if the whole 95% interval is on the required side (needs at least two replicates). */
    public boolean holds() {
        return above ? estimate.low() > threshold : estimate.high() < threshold;
    }

    /**
     * Fails: the whole 95% interval lies on the wrong side of the threshold, so the replicates measured an effect
     * and it is not the pattern's. A check that neither holds nor fails is undecided at these replicates.
     */
    public boolean fails() {
        return above ? estimate.high() < threshold : estimate.low() > threshold;
    }

    public String criterion() {
        return "95% CI " + (above ? "above " : "below ") + Fmt.num(threshold);
    }

    /** "0.412 [0.371, 0.453]" */
    public String effect() {
        return String.format(Locale.ROOT, "%s [%s, %s]", g(estimate.mean()), g(estimate.low()), g(estimate.high()));
    }

    static String g(double v) {
        if (Double.isNaN(v)) return "NaN";
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e5 || a < 0.1)) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.3f", v);
    }
}
