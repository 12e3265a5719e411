package narcosim.experiment.design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.util.MathArrays;

/**
 * Experimental designs for parameter sweeps. Each design is a list of points, one unmodifiable map per
 * run from parameter key to value, keys in factor order. Designs are pure functions of their arguments:
 * the same factors, size and seed give the same design.
 */
public final class Designs {

    /** commons-math3 ships Sobol direction numbers for 1000 dimensions; Saltelli needs 2k of them. */
    static final int MAX_SOBOL_FACTORS = 500;

    private Designs() {
    }

    /**
     * Every combination of levels, the first factor varying slowest (like nested loops in factor order).
     * No factors give one empty point. Range factors are refused: a grid needs explicit levels.
     */
    public static List<Map<String, Object>> fullFactorial(List<Factor> factors) {
        checkKeys(factors);
        long count = 1;
        for (Factor f : factors) {
            if (f.isRange()) {
                throw new IllegalArgumentException("give levels for " + f.key() + " in a grid design");
            }
            count *= f.levels().size();
            if (count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a grid over " + keys(factors) + " has too many points");
            }
        }
        List<Map<String, Object>> points = new ArrayList<>((int) count);
        int[] index = new int[factors.size()];
        for (long p = 0; p < count; p++) {
            Map<String, Object> point = new LinkedHashMap<>();
            for (int i = 0; i < factors.size(); i++) {
                point.put(factors.get(i).key(), factors.get(i).levels().get(index[i]));
            }
            points.add(Collections.unmodifiableMap(point));
            // Odometer: the last factor turns fastest.
            for (int i = factors.size() - 1; i >= 0; i--) {
                if (++index[i] < factors.get(i).levels().size()) break;
                index[i] = 0;
            }
        }
        return Collections.unmodifiableList(points);
    }

    /**
     * n points of a Latin hypercube (McKay, Beckman &amp; Conover 1979, Technometrics 21): each factor's
     * unit interval is cut into n strata and every stratum holds exactly one point, so each factor is
     * spread evenly however few runs there are; the strata of different factors are paired by independent
     * random permutations and the point within its stratum is uniform. Seeded: same seed, same design.
     */
    public static List<Map<String, Object>> latinHypercube(List<Factor> factors, int n, long seed) {
        checkKeys(factors);
        if (n < 1) throw new IllegalArgumentException("a Latin hypercube needs at least 1 point, got " + n);
        double[][] u = unitLatinHypercube(factors.size(), n, seed);
        List<Map<String, Object>> points = new ArrayList<>(n);
        for (double[] row : u) points.add(point(factors, row, 0));
        return Collections.unmodifiableList(points);
    }

    /**
     * The Latin hypercube on the unit cube: {@code u[point][factor]}, with {@code floor(u n)} taking every
     * value 0..n-1 exactly once in each column.
     */
    static double[][] unitLatinHypercube(int k, int n, long seed) {
        RandomGenerator random = new MersenneTwister(seed);
        double[][] u = new double[n][k];
        for (int j = 0; j < k; j++) {
            int[] strata = MathArrays.natural(n);
            MathArrays.shuffle(strata, random);
            for (int i = 0; i < n; i++) {
                u[i][j] = inStratum(strata[i], n, random.nextDouble());
            }
        }
        return u;
    }

    /** (s + v) / n, nudged by an ulp where rounding would carry it across a stratum edge or onto 1. */
    private static double inStratum(int s, int n, double v) {
        double u = (s + v) / n;
        while (u > 0 && (u >= 1 || (int) Math.floor(u * n) > s)) u = Math.nextDown(u);
        while ((int) Math.floor(u * n) < s) u = Math.nextUp(u);
        return u;
    }

    /**
     * Saltelli's design for first- and total-order Sobol indices (Saltelli et al. 2010, Comput. Phys.
     * Commun. 181, 259-270). Matrices A and B are the two halves of one 2k-dimensional Sobol sequence;
     * like SALib, the first 2^ceil(log2 n) points are skipped (at least the all-zero first point), and n a
     * power of two keeps the sequence's balance. AB_i is A with column i taken from B. Points are ordered
     * by base row j: A_j, AB_1j..AB_kj, B_j, so the design has n (k + 2) points.
     */
    public static SaltelliDesign saltelli(List<Factor> factors, int n) {
        checkKeys(factors);
        int k = factors.size();
        if (k < 2) throw new IllegalArgumentException("a Sobol design needs at least 2 parameters, got " + k);
        if (k > MAX_SOBOL_FACTORS) {
            throw new IllegalArgumentException("a Sobol design takes at most " + MAX_SOBOL_FACTORS + " parameters, got " + k);
        }
        if (n < 1) throw new IllegalArgumentException("a Sobol design needs at least 1 base sample, got " + n);
        if ((long) n * (k + 2) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a Sobol design with n=" + n + " and " + k + " parameters has too many points");
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
        long skip = Long.highestOneBit(Math.max(1, 2L * n - 1)); // 2^ceil(log2 n), at least 1
        sobol.skipTo((int) skip - 1); // returns point skip-1; nextVector() then gives point skip
        List<Map<String, Object>> points = new ArrayList<>(n * (k + 2));
        double[] ab = new double[k];
        for (int j = 0; j < n; j++) {
            double[] ab2 = sobol.nextVector(); // A_j in columns 0..k-1, B_j in k..2k-1
            points.add(point(factors, ab2, 0));
            for (int i = 0; i < k; i++) {
                System.arraycopy(ab2, 0, ab, 0, k);
                ab[i] = ab2[k + i];
                points.add(point(factors, ab, 0));
            }
            points.add(point(factors, ab2, k));
        }
        return new SaltelliDesign(factors, n, points);
    }

    private static Map<String, Object> point(List<Factor> factors, double[] u, int offset) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (int i = 0; i < factors.size(); i++) {
            Factor f = factors.get(i);
            point.put(f.key(), f.at(u[offset + i]));
        }
        return Collections.unmodifiableMap(point);
    }

    private static void checkKeys(List<Factor> factors) {
        if (factors == null) throw new IllegalArgumentException("no factors given");
        Set<String> seen = new HashSet<>();
        for (Factor f : factors) {
            if (f == null) throw new IllegalArgumentException("a factor is missing (null) in " + factors);
            if (!seen.add(f.key())) throw new IllegalArgumentException("parameter " + f.key() + " is varied twice");
        }
    }

    private static List<String> keys(List<Factor> factors) {
        return factors.stream().map(Factor::key).toList();
    }
}
