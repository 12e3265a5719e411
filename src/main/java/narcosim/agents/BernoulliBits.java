package narcosim.agents;

import ec.util.MersenneTwisterFast;

/**
 * Independent Bernoulli(p) trials 64 at a time, one per bit of a word, for an event whose chance p is the same for
 * every resident (issue 16: the residents' occupation decisions, whose rate is a constant of the run).
 *
 * <p>Each lane compares a uniform U with P = round(p 2^32) / 2^32 bit by bit, most significant first, the 64 lanes
 * at once from one 64-bit draw per bit position: at a bit where P has a 1, the lanes whose bit of U is 0 are decided
 * (U &lt; P: a hit) and the others go on; where P has a 0, the lanes whose bit is 1 are decided (U &gt; P: a miss).
 * Past P's lowest 1 bit the lanes still undecided have U &ge; P (a miss). So a lane is a hit with chance exactly P, p
 * to within 2^-33, and the lanes are independent, since every lane reads its own bits. The comparison stops once
 * every lane is decided: the next position's draw would change no outcome (the generator's later numbers go to
 * other draws, which are independent of these). A dyadic p costs few draws: p = 1/4 (the default decision rate)
 * two 64-bit draws per 64 trials, against one 32-bit draw per hit (16 per 64 trials) for geometric gaps.
 * (The comparison is the lexicographic order of binary expansions, as in Knuth and Yao 1976's sampling by random
 * bits.)
 */
final class BernoulliBits implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private double p = Double.NaN;
    /** round(p 2^32), 0 .. 2^32. */
    private long bits;
    /** Position of P's lowest 1 bit (31 = the bit worth 1/2 .. 0 = 2^-32). */
    private int lowest;

    /** Sets the chance p; nothing to rebuild but its bits. */
    void set(double chance) {
        if (chance == p) return;
        p = chance;
        bits = Math.max(0L, Math.min(1L << 32, Math.round(chance * 0x1p32)));
        lowest = bits == 0 || bits == 1L << 32 ? 0 : Long.numberOfTrailingZeros(bits);
    }

    double chance() {
        return p;
    }

    /** 64 independent trials, bit k set for a hit in lane k. No draw for p rounded to 0 or 1. */
    long next(MersenneTwisterFast random) {
        if (bits == 0) return 0;
        if (bits == 1L << 32) return -1L;
        long hit = 0;
        long open = -1L;
        for (int j = 31; j >= lowest && open != 0; j--) {
            long u = random.nextLong();
            if ((bits >>> j & 1) != 0) {
                hit |= open & ~u;
                open &= u;
            } else {
                open &= ~u;
            }
        }
        return hit;
    }
}
