package narcosim.policy;

import ec.util.MersenneTwisterFast;

/** Poisson draws from the model's own generator (commons-math would need a generator of its own). */
public final class Poisson {

    private Poisson() {
    }

    /** Knuth's method for small means; a rounded normal approximation above 30. */
    public static int sample(double mean, MersenneTwisterFast random) {
        if (mean <= 0) return 0;
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double prod = random.nextDouble();
        int k = 0;
        while (prod > limit) {
            prod *= random.nextDouble();
            k++;
        }
        return k;
    }
}
