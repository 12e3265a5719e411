package narcosim.experiment.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Variance-based sensitivity: how much of an output's variance each factor explains alone (first order)
 * and with all its interactions (total order), from the outputs of a {@link SaltelliDesign}.
 */
public final class Sobol {

    private Sobol() {
    }

    /**
     * Sobol indices of one output. y holds one value per design point, in the design's order. First order
     * S_i = mean(f_B (f_ABi - f_A)) / V (Saltelli et al. 2010, Comput. Phys. Commun. 181, table 2 (b));
     * total ST_i = mean((f_A - f_ABi)^2) / 2 / V (Jansen 1999, Comput. Phys. Commun. 117); V the
     * population variance of all f_A and f_B values. Intervals are percentile bootstraps over base rows:
     * the n rows are resampled with replacement {@code resamples} times (one resample shared by all
     * factors) and both indices re-estimated, V included. Deterministic for a given seed. With
     * {@code resamples} 0 the bounds are NaN; resamples whose output does not vary are left out.
     */
    public static List<SobolIndex> indices(SaltelliDesign design, double[] y, int resamples, double confidence, long seed) {
        int n = design.n();
        int k = design.k();
        if (y.length != design.points().size()) {
            throw new IllegalArgumentException("the design has " + design.points().size() + " points but "
                    + y.length + " output values were given");
        }
        for (int p = 0; p < y.length; p++) {
            if (!Double.isFinite(y[p])) throw new IllegalArgumentException("output for design point " + p + " is " + y[p]);
        }
        if (resamples < 0) throw new IllegalArgumentException("bootstrap resamples must be 0 or more, got " + resamples);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + confidence);
        }

        // Unpack the design's order: row j holds A_j, AB_1j..AB_kj, B_j.
        double[] fA = new double[n];
        double[] fB = new double[n];
        double[][] fAB = new double[k][n];
        for (int j = 0; j < n; j++) {
            int base = j * (k + 2);
            fA[j] = y[base];
            for (int i = 0; i < k; i++) fAB[i][j] = y[base + 1 + i];
            fB[j] = y[base + k + 1];
        }

        int[] all = new int[n];
        Arrays.setAll(all, j -> j);
        double[][] estimate = estimate(fA, fB, fAB, all);

        double[][][] boot = new double[resamples][][];
        RandomGenerator random = new MersenneTwister(seed);
        int[] rows = new int[n];
        for (int r = 0; r < resamples; r++) {
            for (int j = 0; j < n; j++) rows[j] = random.nextInt(n);
            boot[r] = estimate(fA, fB, fAB, rows);
        }

        double lowP = 100 * (1 - confidence) / 2;
        double highP = 100 * (1 + confidence) / 2;
        List<SobolIndex> result = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double[] first = column(boot, 0, i);
            double[] total = column(boot, 1, i);
            result.add(new SobolIndex(design.factors().get(i).key(),
                    estimate[0][i], percentile(first, lowP), percentile(first, highP),
                    estimate[1][i], percentile(total, lowP), percentile(total, highP)));
        }
        return List.copyOf(result);
    }

    /** {first[k], total[k]} estimated on the given base rows (repeats allowed). */
    private static double[][] estimate(double[] fA, double[] fB, double[][] fAB, int[] rows) {
        int n = rows.length;
        int k = fAB.length;
        double[] ab = new double[2 * n];
        for (int j = 0; j < n; j++) {
            ab[j] = fA[rows[j]];
            ab[n + j] = fB[rows[j]];
        }
        double v = StatUtils.populationVariance(ab);
        double[][] s = new double[2][k];
        double[] firstTerms = new double[n];
        double[] totalTerms = new double[n];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                int row = rows[j];
                double diff = fAB[i][row] - fA[row];
                firstTerms[j] = fB[row] * diff;       // Saltelli et al. 2010, table 2 (b)
                totalTerms[j] = diff * diff / 2;      // Jansen 1999
            }
            s[0][i] = v > 0 ? StatUtils.mean(firstTerms) / v : Double.NaN;
            s[1][i] = v > 0 ? StatUtils.mean(totalTerms) / v : Double.NaN;
        }
        return s;
    }

    private static double[] column(double[][][] boot, int order, int factor) {
        return Arrays.stream(boot).mapToDouble(b -> b[order][factor]).filter(Double::isFinite).toArray();
    }

    private static double percentile(double[] values, double p) {
        if (values.length == 0) return Double.NaN;
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
    }
}
