package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/** Largest-remainder (Hamilton) apportionment of whole units. */
class ApportionTest {

    @Test
    void handWorkedExamples() {
        // 10 x (0.45, 0.2, 0.35) = 4.5, 2, 3.5: floors 4, 2, 3, the last unit to the first of the tied .5s.
        assertArrayEquals(new int[] {5, 2, 3}, Apportion.largestRemainder(10, new double[] {0.45, 0.2, 0.35}));
        // 7 x (1, 1, 1)/3 = 2.33 each: the remainder goes to the earliest.
        assertArrayEquals(new int[] {3, 2, 2}, Apportion.largestRemainder(7, new double[] {1, 1, 1}));
        // 18 x (0.45, 0.2, 0.35) = 8.1, 3.6, 6.3: floors 8, 3, 6, the unit to the largest remainder (.6).
        assertArrayEquals(new int[] {8, 4, 6}, Apportion.largestRemainder(18, new double[] {0.45, 0.2, 0.35}));
        assertArrayEquals(new int[] {0, 4, 0}, Apportion.largestRemainder(4, new double[] {0, 2, 0}));
    }

    @Test
    void weightsNeedNotAddUpToOne() {
        assertArrayEquals(Apportion.largestRemainder(11, new double[] {1, 2, 3}),
                Apportion.largestRemainder(11, new double[] {10, 20, 30}));
    }

    @Test
    void nothingToShareOrNoWeightGivesZeros() {
        assertArrayEquals(new int[3], Apportion.largestRemainder(0, new double[] {1, 2, 3}));
        assertArrayEquals(new int[3], Apportion.largestRemainder(-2, new double[] {1, 2, 3}));
        assertArrayEquals(new int[2], Apportion.largestRemainder(5, new double[] {0, 0}));
        assertArrayEquals(new int[0], Apportion.largestRemainder(5, new double[0]));
    }

    @Test
    void sumsToTheTotalAndEachShareIsWithinOneOfItsQuota() {
        MersenneTwisterFast random = new MersenneTwisterFast(42);
        for (int trial = 0; trial < 2000; trial++) {
            int k = 1 + random.nextInt(9);
            double[] w = new double[k];
            for (int i = 0; i < k; i++) w[i] = random.nextBoolean() ? random.nextDouble() * 10 : 0;
            w[random.nextInt(k)] += 0.01;
            int total = random.nextInt(500);
            int[] out = Apportion.largestRemainder(total, w);
            double sum = Arrays.stream(w).sum();
            assertEquals(total, Arrays.stream(out).sum(), "sums to the total");
            for (int i = 0; i < k; i++) {
                double quota = total * w[i] / sum;
                assertTrue(out[i] >= Math.floor(quota) && out[i] <= Math.ceil(quota) + 1e-9,
                        "share " + out[i] + " of quota " + quota);
                if (w[i] == 0) assertEquals(0, out[i], "no weight, no share");
            }
        }
    }

    @Test
    void moreWeightNeverGetsFewerUnits() {
        MersenneTwisterFast random = new MersenneTwisterFast(7);
        for (int trial = 0; trial < 500; trial++) {
            double[] w = {random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble()};
            int[] out = Apportion.largestRemainder(1 + random.nextInt(100), w);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w.length; j++) {
                    if (w[i] > w[j]) assertTrue(out[i] >= out[j], Arrays.toString(w) + " -> " + Arrays.toString(out));
                }
            }
        }
    }
}
