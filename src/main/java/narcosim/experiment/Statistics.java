package narcosim.experiment;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** Means with t-distribution confidence intervals, and paired differences, from commons-math3. */
public final class Statistics {

    private Statistics() {
    }

    /** Mean, standard deviation and two-sided confidence interval of a sample. */
    public record Estimate(int n, double mean, double sd, double low, double high) {
    }

    /** Estimate with a t-based interval at the given confidence (e.g. 0.95); for n = 1 the interval is NaN. */
    public static Estimate estimate(double[] x, double confidence) {
        DescriptiveStatistics d = new DescriptiveStatistics(x);
        int n = x.length;
        double mean = d.getMean();
        double sd = n > 1 ? d.getStandardDeviation() : Double.NaN;
        if (n < 2) return new Estimate(n, mean, sd, Double.NaN, Double.NaN);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + confidence / 2);
        double half = t * sd / Math.sqrt(n);
        return new Estimate(n, mean, sd, mean - half, mean + half);
    }

    /** The paired differences a - b, replicate by replicate (common random numbers). */
    public static double[] differences(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("paired samples of different sizes");
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    /**
     * Ratio of means sum(num)/sum(den) with a percentile bootstrap interval over replicates (seeded);
     * NaN where the denominator's mean is not positive.
     */
    public static Estimate ratio(double[] num, double[] den, double confidence, int resamples, long seed) {
        int n = num.length;
        double r = ratioOfMeans(num, den, null);
        if (n < 2 || !(r == r)) return new Estimate(n, r, Double.NaN, Double.NaN, Double.NaN);
        MersenneTwister rng = new MersenneTwister(seed);
        double[] boot = new double[resamples];
        int kept = 0;
        int[] idx = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) idx[i] = rng.nextInt(n);
            double v = ratioOfMeans(num, den, idx);
            if (v == v) boot[kept++] = v;
        }
        if (kept < resamples / 2) return new Estimate(n, r, Double.NaN, Double.NaN, Double.NaN);
        double[] ok = java.util.Arrays.copyOf(boot, kept);
        Percentile p = new Percentile();
        double alpha = (1 - confidence) / 2 * 100;
        return new Estimate(n, r, Double.NaN, p.evaluate(ok, alpha), p.evaluate(ok, 100 - alpha));
    }

    private static double ratioOfMeans(double[] num, double[] den, int[] idx) {
        double a = 0;
        double b = 0;
        int n = idx == null ? num.length : idx.length;
        for (int i = 0; i < n; i++) {
            int k = idx == null ? i : idx[i];
            a += num[k];
            b += den[k];
        }
        return b > 0 ? a / b : Double.NaN;
    }
}
