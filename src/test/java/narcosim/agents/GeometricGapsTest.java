package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;
import sim.util.distribution.Binomial;

/**
 * The gaps and counts the residents' week is drawn from (issue 16) follow their laws: gaps Geometric(p) by the
 * table (frequent events, including past the table's end) and by the logarithm (rare events), counts
 * Binomial(n, p) by BTPE and gap by gap. Pearson's chi-square over 200,000 draws per case, cells with an
 * expected count of at least 5 (the rest pooled when the pool expects 5 or more), at a significance of 1e-6 per case: a law off by a few
 * percent in any cell with thousands of draws fails it.
 */
class GeometricGapsTest {

    private static final int DRAWS = 200_000;

    @Test
    void gapsAreGeometric() {
        MersenneTwisterFast random = new MersenneTwisterFast(7);
        GeometricGaps gaps = new GeometricGaps();
        for (double p : new double[] {0.25, 0.5, 0.9, 0.07, GeometricGaps.TABLE_FROM, 0.02, 0.003}) {
            gaps.set(p);
            int cells = 4000;
            long[] counts = new long[cells + 1];
            for (int d = 0; d < DRAWS; d++) counts[Math.min(cells, gaps.next(random))]++;
            double[] expected = new double[cells + 1];
            for (int k = 0; k < cells; k++) expected[k] = DRAWS * p * Math.pow(1 - p, k);
            expected[cells] = DRAWS * Math.pow(1 - p, cells);
            assertFits("Geometric(" + p + ")", counts, expected);
        }
    }

    @Test
    void countsAreBinomial() {
        MersenneTwisterFast random = new MersenneTwisterFast(11);
        GeometricGaps gaps = new GeometricGaps();
        Binomial btpe = new Binomial(1, 0.5, random);
        int[][] trials = {{500, 0}, {500, 1}, {37, 2}, {2000, 3}, {90, 4}};
        double[] chances = {0.2, 0.6, 0.1, 0.013, 0.95};
        for (int c = 0; c < chances.length; c++) {
            int n = trials[c][0];
            double p = chances[c];
            gaps.set(p);
            long[] counts = new long[n + 1];
            for (int d = 0; d < DRAWS; d++) counts[gaps.hits(random, n, btpe)]++;
            BinomialDistribution law = new BinomialDistribution(null, n, p);
            double[] expected = new double[n + 1];
            for (int k = 0; k <= n; k++) expected[k] = DRAWS * law.probability(k);
            assertFits("Binomial(" + n + ", " + p + ")" + (n * Math.min(p, 1 - p) >= GeometricGaps.BTPE_FROM
                    ? " by BTPE" : " gap by gap"), counts, expected);
        }
    }

    static void assertFits(String what, long[] counts, double[] expected) {
        double chi = 0;
        int cells = 0;
        double pooledObserved = 0;
        double pooledExpected = 0;
        for (int k = 0; k < counts.length; k++) {
            if (expected[k] >= 5) {
                chi += (counts[k] - expected[k]) * (counts[k] - expected[k]) / expected[k];
                cells++;
            } else {
                pooledObserved += counts[k];
                pooledExpected += expected[k];
            }
        }
        if (pooledExpected >= 5) { // (cells expected fewer than 5 times in all are left out)
            chi += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            cells++;
        }
        double pValue = 1 - new ChiSquaredDistribution(null, Math.max(1, cells - 1)).cumulativeProbability(chi);
        System.out.printf("%s: chi-square %.1f on %d cells, p %.3g%n", what, chi, cells, pValue);
        assertTrue(pValue > 1e-6, what + ": chi-square " + chi + " on " + cells + " cells, p " + pValue);
    }
}
