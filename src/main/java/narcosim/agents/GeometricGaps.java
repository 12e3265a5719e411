package narcosim.agents;

import ec.util.MersenneTwisterFast;
import sim.util.distribution.Binomial;

/**
 * Gaps of a Bernoulli process with chance p: G ~ Geometric(p), the number of misses before a hit,
 * P(G >= k) = (1 - p)^k, drawn without a logarithm where that pays (issue 16).
 *
 * <p>For p of at least {@link #TABLE_FROM} the draw is by inversion in a table of the distribution function
 * over the first {@link #LENGTH} values: with u a 32-bit uniform integer and T_k = round(2^32 (1 - (1 - p)^(k+1))),
 * G = k for {@code T_(k-1) <= u < T_k}, so P(G = k) = (T_k - T_(k-1)) / 2^32, the exact chance to within 2^-32. A guide
 * table on u's top {@link #GUIDE_BITS} bits gives the first candidate k, so a draw is one 32-bit number and about
 * one comparison. Past the table's end (u >= T_(L-1), chance (1 - p)^L to within 2^-32) the geometric law is
 * memoryless: G = L + G' with G' a fresh draw. For smaller p (a table would be mostly tail, and such events are
 * rare, so their logarithms cost little) G = floor(ln U / ln(1 - p)) with U a 53-bit uniform on (0, 1]:
 * {@code P(G >= k) = P(U <= (1 - p)^k) = (1 - p)^k}. A sampler is rebuilt only when p changes (the decision rate is a
 * constant of the run; other chances change weekly per community, and a rebuild costs about 2 L operations, well
 * below the draws it saves in a community of hundreds of residents).
 */
final class GeometricGaps implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Chances from which the table is used; below, the logarithm. */
    static final double TABLE_FROM = 1.0 / 32;
    static final int LENGTH = 64;
    /** Expected hits from which {@link #hits(MersenneTwisterFast, int, Binomial)} draws the count in one go. */
    static final double BTPE_FROM = 10;
    private static final int GUIDE_BITS = 6;

    /** T_0 .. T_(L-1), then the sentinel 2^32 that no 32-bit u reaches. */
    private final long[] cdf = new long[LENGTH + 1];
    private final int[] guide = new int[1 << GUIDE_BITS];
    private double p = Double.NaN;
    private double lnMiss;
    private boolean table;

    /** Sets the chance p; the sampler is rebuilt only if p changed. */
    void set(double chance) {
        if (chance == p) return;
        p = chance;
        table = chance >= TABLE_FROM && chance < 1;
        if (!table) {
            lnMiss = chance > 0 && chance < 1 ? Math.log1p(-chance) : 0;
            return;
        }
        double q = 1 - chance;
        double miss = 1; // (1 - p)^(k+1) by repeated multiplication: relative error ~ k 1e-16, far below 2^-32
        for (int k = 0; k < LENGTH; k++) {
            miss *= q;
            cdf[k] = (long) (0x1p32 * (1 - miss) + 0.5); // round to nearest
        }
        cdf[LENGTH] = 1L << 32;
        int k = 0;
        for (int j = 0; j < guide.length; j++) {
            long lowest = (long) j << (32 - GUIDE_BITS);
            while (cdf[k] <= lowest) k++;
            guide[j] = k;
        }
    }

    double chance() {
        return p;
    }

    /** A gap G ~ Geometric(p) for p in (0, 1); {@link Integer#MAX_VALUE} stands for "beyond any community". */
    int next(MersenneTwisterFast random) {
        if (table) {
            int base = 0;
            while (true) {
                long u = random.nextInt() & 0xFFFFFFFFL;
                int k = guide[(int) (u >>> (32 - GUIDE_BITS))];
                while (u >= cdf[k]) k++;
                if (k < LENGTH) return base + k;
                base += LENGTH; // memoryless: past the table, start again L further on
                if (base > (1 << 30)) return Integer.MAX_VALUE;
            }
        }
        double u = 1.0 - random.nextDouble(); // (0, 1]
        double gap = Math.floor(Math.log(u) / lnMiss);
        return gap >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) gap;
    }

    /**
     * Index of the next resident after {@code i} (of {@code n}) at whom the event happens, or {@code n} if none
     * does: i + 1 + G. No draw for p = 0 (never) or p = 1 (every resident).
     */
    int after(MersenneTwisterFast random, int i, int n) {
        if (p <= 0) return n;
        if (p >= 1) return i + 1;
        long next = (long) i + 1 + next(random);
        return next >= n ? n : (int) next;
    }

    /**
     * Hits among {@code trials} independent trials of chance p, Binomial(trials, p): counted gap by gap while
     * fewer than {@link #BTPE_FROM} are expected, else drawn in one go by {@code binomial} (BTPE: Kachitvichyanukul
     * and Schmeiser 1988, exact rejection sampling; MASON's port of Colt's, which it uses from n min(p, 1 - p) = 10).
     */
    int hits(MersenneTwisterFast random, int trials, Binomial binomial) {
        if (trials <= 0 || p <= 0) return 0;
        if (p >= 1) return trials;
        if (trials * Math.min(p, 1 - p) >= BTPE_FROM) return binomial.nextInt(trials, p);
        return hits(random, trials);
    }

    /** Hits among {@code trials} independent trials of chance p: Binomial(trials, p), counted gap by gap. */
    int hits(MersenneTwisterFast random, int trials) {
        if (trials <= 0 || p <= 0) return 0;
        if (p >= 1) return trials;
        int count = 0;
        long at = next(random);
        while (at < trials) {
            count++;
            at += 1 + next(random);
        }
        return count;
    }
}
