package narcosim.policy;

/** Splits a whole number of units among claimants in proportion to weights. */
public final class Apportion {

    private Apportion() {
    }

    /** Largest-remainder (Hamilton) apportionment; ties go to the earlier claimant. */
    public static int[] largestRemainder(int total, double[] weights) {
        int[] out = new int[weights.length];
        double sum = 0;
        for (double w : weights) sum += w;
        if (total <= 0 || sum <= 0) return out;
        double[] rem = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            out[i] = (int) Math.floor(exact);
            rem[i] = exact - out[i];
            given += out[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < rem.length; i++) {
                if (rem[i] > rem[best]) best = i;
            }
            out[best]++;
            rem[best] = -1;
            given++;
        }
        return out;
    }
}
