package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/**
 * The residents' decisions drawn 64 at a time (issue 16, {@link BernoulliBits}): each lane is a hit exactly when its
 * uniform is below the chance (checked bit for bit against chosen uniforms), and over random draws the lanes are
 * independent Bernoulli(p): hits per lane, per word and in pairs of lanes against their laws by Pearson's
 * chi-square at a significance of 1e-6 per case.
 */
class BernoulliBitsTest {

    /** A generator whose 64-bit words are given: lane k of word j is bit j (from the top) of the lane's uniform. */
    private static final class Words extends MersenneTwisterFast {
        private static final long serialVersionUID = 1L;
        private final long[] words;
        int used;

        Words(long[] words) {
            super(1);
            this.words = words;
        }

        @Override
        public long nextLong() {
            return words[used++];
        }
    }

    @Test
    void aLaneHitsExactlyWhenItsUniformIsBelowTheChance() {
        MersenneTwisterFast source = new MersenneTwisterFast(3);
        BernoulliBits bits = new BernoulliBits();
        for (double p : new double[] {0.25, 0.3, 1.0 / 3, 0.01, 0.99, 0.5, 0x1p-32, 1 - 0x1p-32}) {
            bits.set(p);
            long threshold = Math.round(p * 0x1p32);
            for (int round = 0; round < 200; round++) {
                // 64 uniforms of 32 bits; a few equal to the threshold or next to it, the rest at random.
                long[] u = new long[64];
                for (int k = 0; k < 64; k++) u[k] = source.nextInt() & 0xFFFFFFFFL;
                u[0] = threshold;
                u[1] = Math.max(0, threshold - 1);
                u[2] = Math.min(0xFFFFFFFFL, threshold + 1);
                long[] words = new long[32];
                for (int j = 0; j < 32; j++) {
                    for (int k = 0; k < 64; k++) words[j] |= (u[k] >>> (31 - j) & 1) << k;
                }
                Words random = new Words(words);
                long hit = bits.next(random);
                for (int k = 0; k < 64; k++) {
                    boolean expected = u[k] < threshold; // the lane's further bits cannot make U < P once U >= P
                    assertEquals(expected, (hit >>> k & 1) != 0, "p " + p + ", lane " + k + ", u " + u[k]);
                }
                assertTrue(random.used <= 32, "at most one word per bit of the chance");
            }
        }
    }

    @Test
    void theDefaultRateTakesTwoWordsAndTheEndsNone() {
        BernoulliBits bits = new BernoulliBits();
        Words random = new Words(new long[] {0b0101L, 0b0011L, 0, 0});
        bits.set(0.25);
        // Lane 0: bits 1,1 (U >= 1/2: miss); lane 1: 0,1 (miss); lane 2: 1,0 (miss); lane 3 and up: 0,0 (hit).
        assertEquals(~0b0111L, bits.next(random));
        assertEquals(2, random.used);
        bits.set(0);
        assertEquals(0L, bits.next(random));
        bits.set(1);
        assertEquals(-1L, bits.next(random));
        assertEquals(2, random.used);
    }

    @Test
    void lanesAreIndependentBernoulliTrials() {
        MersenneTwisterFast random = new MersenneTwisterFast(17);
        BernoulliBits bits = new BernoulliBits();
        int words = 40_000;
        for (double p : new double[] {0.25, 0.3, 1.0 / 3, 0.05, 0.9}) {
            bits.set(p);
            long[] perLane = new long[64];
            long[] perWord = new long[65];
            long[][] pair = new long[2][2]; // lanes 5 and 6
            long[][] far = new long[2][2]; // lane 0 and lane 63 of the next word
            long previous = bits.next(random);
            for (int w = 0; w < words; w++) {
                long hit = bits.next(random);
                for (int k = 0; k < 64; k++) perLane[k] += hit >>> k & 1;
                perWord[Long.bitCount(hit)]++;
                pair[(int) (hit >>> 5 & 1)][(int) (hit >>> 6 & 1)]++;
                far[(int) (previous >>> 63 & 1)][(int) (hit & 1)]++;
                previous = hit;
            }
            // Each lane's hits against Binomial(words, p): the sum of 64 squared standardised deviations is chi-square(64).
            double chiLanes = 0;
            for (int k = 0; k < 64; k++) {
                double d = perLane[k] - words * p;
                chiLanes += d * d / (words * p * (1 - p));
            }
            double pLanes = 1 - new ChiSquaredDistribution(null, 64).cumulativeProbability(chiLanes);
            System.out.printf("p %.4f: hits per lane, chi-square %.1f on 64, p %.3g%n", p, chiLanes, pLanes);
            assertTrue(pLanes > 1e-6, "hits per lane at p " + p + ": chi-square " + chiLanes);
            BinomialDistribution law = new BinomialDistribution(null, 64, p);
            double[] expected = new double[65];
            for (int c = 0; c <= 64; c++) expected[c] = words * law.probability(c);
            GeometricGapsTest.assertFits("hits per word, Binomial(64, " + p + ")", perWord, expected);
            assertIndependent("lanes 5 and 6 at p " + p, pair, words, p);
            assertIndependent("lane 63 and the next word's lane 0 at p " + p, far, words, p);
        }
    }

    private static void assertIndependent(String what, long[][] counts, int n, double p) {
        double chi = 0;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double e = n * (a == 1 ? p : 1 - p) * (b == 1 ? p : 1 - p);
                chi += (counts[a][b] - e) * (counts[a][b] - e) / e;
            }
        }
        double pValue = 1 - new ChiSquaredDistribution(null, 3).cumulativeProbability(chi);
        System.out.printf("%s: chi-square %.1f on 4 cells, p %.3g%n", what, chi, pValue);
        assertTrue(pValue > 1e-6, what + ": chi-square " + chi);
    }
}
