package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ec.util.MersenneTwisterFast;

/** Poisson draws from the model's generator: mean and variance both equal the mean. */
class PoissonTest {

    private static final int N = 40_000;

    @ParameterizedTest(name = "mean {0}")
    @ValueSource(doubles = {0.05, 0.5, 3, 12, 29.5, 30.5, 80})
    void sampleMeanAndVarianceMatchTheMean(double mean) {
        MersenneTwisterFast random = new MersenneTwisterFast(20240601L);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < N; i++) {
            int k = Poisson.sample(mean, random);
            assertTrue(k >= 0);
            sum += k;
            sumSq += (double) k * k;
        }
        double m = sum / N;
        double var = sumSq / N - m * m;
        // Standard error of the mean is sqrt(mean / N); of the variance about mean sqrt(2 / N) for large means.
        double seMean = Math.sqrt(mean / N);
        assertEquals(mean, m, 5 * seMean, "sample mean");
        double seVar = Math.sqrt((mean + 2 * mean * mean) / N);
        assertEquals(mean, var, 5 * seVar, "sample variance");
    }

    @Test
    void smallMeansGiveTheRightShareOfZeros() {
        MersenneTwisterFast random = new MersenneTwisterFast(3);
        int zeros = 0;
        for (int i = 0; i < N; i++) {
            if (Poisson.sample(0.7, random) == 0) zeros++;
        }
        double p0 = Math.exp(-0.7);
        assertEquals(p0, (double) zeros / N, 5 * Math.sqrt(p0 * (1 - p0) / N), "P(0) = e^-mean");
    }

    @Test
    void aZeroOrNegativeMeanGivesZeroAndDrawsNothing() {
        MersenneTwisterFast a = new MersenneTwisterFast(9);
        MersenneTwisterFast b = new MersenneTwisterFast(9);
        assertEquals(0, Poisson.sample(0, a));
        assertEquals(0, Poisson.sample(-1, a));
        assertEquals(b.nextLong(), a.nextLong(), "the generator was not advanced");
    }

    @Test
    void aSeedReproducesTheDraws() {
        MersenneTwisterFast a = new MersenneTwisterFast(5);
        MersenneTwisterFast b = new MersenneTwisterFast(5);
        for (int i = 0; i < 100; i++) assertEquals(Poisson.sample(4.2, a), Poisson.sample(4.2, b));
    }
}
