package narcosim.experiment;

/**
 * Seeds of an experiment's runs. A run's seed depends only on the experiment's base seed, its design
 * point and its replicate: the same replicate has the same seed under every strategy (common random
 * numbers), and any run can be repeated alone.
 */
public final class Seeds {

    private Seeds() {
    }

    /** SplitMix64 finaliser (Steele et al. 2014) over the three numbers; never negative. */
    public static long derive(long base, int point, int replicate) {
        long z = base * 0x9E3779B97F4A7C15L + (((long) point) << 32) + replicate + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return z & Long.MAX_VALUE;
    }
}
