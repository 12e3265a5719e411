package narcosim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Means, standard deviations and t intervals against a hand-worked example and against commons-math3
 * computed another way: at either end of a two-sided (1 - a) t interval, the one-sample t test of that
 * mean has p-value exactly a.
 */
class StatisticsTest {

    static final double[] X = {2, 4, 4, 4, 5, 5, 7, 9};

    @Test
    void handWorkedExample() {
        // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32, s^2 = 32/7, s = 2.138090;
        // t(7, 0.975) = 2.365 (tables); half-width 2.365 * 2.138090 / sqrt(8) = 1.7878.
        Statistics.Estimate e = Statistics.estimate(X, 0.95);
        assertEquals(8, e.n());
        assertEquals(5.0, e.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), e.sd(), 1e-12);
        assertEquals(2.138090, e.sd(), 1e-6);
        assertEquals(5 - 1.7878, e.low(), 1e-3);
        assertEquals(5 + 1.7878, e.high(), 1e-3);
    }

    @Test
    void pairedHandWorkedExample() {
        double[] a = {10, 12, 9, 15, 11};
        double[] b = {8, 11, 9, 12, 10};
        double[] d = Statistics.differences(a, b);
        assertArrayEquals(new double[] {2, 1, 0, 3, 1}, d, 0);
        // mean 1.4; squared deviations 0.36+0.16+1.96+2.56+0.16 = 5.2, s^2 = 1.3;
        // t(4, 0.975) = 2.776; half-width 2.776 * sqrt(1.3 / 5) = 1.4155.
        Statistics.Estimate e = Statistics.estimate(d, 0.95);
        assertEquals(1.4, e.mean(), 1e-12);
        assertEquals(Math.sqrt(1.3), e.sd(), 1e-12);
        assertEquals(1.4 - 1.4155, e.low(), 1e-3);
        assertEquals(1.4 + 1.4155, e.high(), 1e-3);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8, 0.9, 0.95, 0.99})
    void intervalEndsAreWhereTheOneSampleTTestHasPValueAlpha(double confidence) {
        double[][] samples = {X, {48_241, 47_161, 48_308}, {0.42, 0.4203, 0.4165, 0.43, 0.401, 0.39},
            {-3.5, 12.25, 0, 7, 1e-3, 2, 2, 2, 19, -8, 5}};
        TTest tTest = new TTest();
        for (double[] x : samples) {
            Statistics.Estimate e = Statistics.estimate(x, confidence);
            assertEquals(StatUtils.mean(x), e.mean(), 1e-9 * Math.abs(e.mean()) + 1e-12);
            assertEquals(new StandardDeviation(true).evaluate(x), e.sd(), 1e-9 * e.sd());
            double alpha = 1 - confidence;
            assertEquals(alpha, tTest.tTest(e.low(), x), 1e-9, "p-value at the lower end");
            assertEquals(alpha, tTest.tTest(e.high(), x), 1e-9, "p-value at the upper end");
            // and the same half-width from the t quantile computed separately
            double t = new TDistribution(x.length - 1).inverseCumulativeProbability(1 - alpha / 2);
            double half = t * e.sd() / Math.sqrt(x.length);
            assertEquals(half, e.high() - e.mean(), 1e-9 * half);
            assertEquals(half, e.mean() - e.low(), 1e-9 * half);
        }
    }

    @Test
    void pairedIntervalMatchesThePairedTTest() {
        double[] a = {49_241, 47_161, 48_308, 51_002, 45_870};
        double[] b = {43_662, 44_100, 40_980, 47_777, 41_003};
        Statistics.Estimate d = Statistics.estimate(Statistics.differences(a, b), 0.95);
        TTest tTest = new TTest();
        // Shifting a by the interval's end makes the mean paired difference that end: p = 0.05 there.
        assertEquals(0.05, tTest.pairedTTest(shift(a, -d.low()), b), 1e-9);
        assertEquals(0.05, tTest.pairedTTest(shift(a, -d.high()), b), 1e-9);
        assertEquals(StatUtils.mean(a) - StatUtils.mean(b), d.mean(), 1e-9);
    }

    private static double[] shift(double[] x, double by) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) y[i] += by;
        return y;
    }

    @Test
    void aSingleValueHasNoSpreadNorInterval() {
        Statistics.Estimate e = Statistics.estimate(new double[] {3.5}, 0.95);
        assertEquals(1, e.n());
        assertEquals(3.5, e.mean());
        assertTrue(Double.isNaN(e.sd()) && Double.isNaN(e.low()) && Double.isNaN(e.high()));
    }

    @Test
    void identicalValuesHaveAZeroWidthInterval() {
        Statistics.Estimate e = Statistics.estimate(new double[] {548e6, 548e6, 548e6}, 0.95);
        assertEquals(0, e.sd());
        assertEquals(548e6, e.low());
        assertEquals(548e6, e.high());
    }

    @Test
    void differencesNeedPairs() {
        assertThrows(IllegalArgumentException.class, () -> Statistics.differences(new double[2], new double[3]));
    }

    // ------------------------------------------------------------------ ratio (cost per kg)

    @Test
    void ratioIsTheRatioOfSums() {
        double[] num = {50, 50, 50};
        double[] den = {20, 30, 10};
        Statistics.Estimate r = Statistics.ratio(num, den, 0.95, 2000, 1);
        assertEquals(150.0 / 60, r.mean(), 1e-12);
        // every resample's ratio is 50 / (mean of the resampled kept kg): between 50/30 and 50/10
        assertTrue(r.low() >= 50.0 / 30 && r.low() <= r.mean(), "low " + r.low());
        assertTrue(r.high() <= 5 && r.high() >= r.mean(), "high " + r.high());
    }

    @Test
    void proportionalDataGiveAPointInterval() {
        double[] den = {3, 7, 1, 12, 4};
        double[] num = new double[den.length];
        for (int i = 0; i < den.length; i++) num[i] = 2.5 * den[i];
        Statistics.Estimate r = Statistics.ratio(num, den, 0.95, 500, 42);
        assertEquals(2.5, r.mean(), 1e-12);
        assertEquals(2.5, r.low(), 1e-12);
        assertEquals(2.5, r.high(), 1e-12);
    }

    @Test
    void ratioIsSeededAndUndefinedWithoutPositiveDenominator() {
        double[] num = {5, 9, 2, 7};
        double[] den = {1, 4, 3, 2};
        assertEquals(Statistics.ratio(num, den, 0.95, 1000, 7), Statistics.ratio(num, den, 0.95, 1000, 7));
        Statistics.Estimate none = Statistics.ratio(num, new double[] {0, 0, 0, 0}, 0.95, 1000, 7);
        assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.low()));
        Statistics.Estimate worse = Statistics.ratio(num, new double[] {-1, -2, 0, -1}, 0.95, 1000, 7);
        assertTrue(Double.isNaN(worse.mean()));
        Statistics.Estimate one = Statistics.ratio(new double[] {4}, new double[] {2}, 0.95, 1000, 7);
        assertEquals(2, one.mean());
        assertTrue(Double.isNaN(one.low()));
    }
}
