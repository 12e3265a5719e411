package narcosim.experiment.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Elementary-effects screening (Morris 1991, Technometrics 33(2)): each of r trajectories starts at a
 * random point of a p-level grid on the unit cube and moves one factor at a time by delta = p / (2 (p-1)),
 * in random order and direction, so that every factor gets one elementary effect per trajectory,
 * EE_i = (y(x + delta e_i) - y(x)) / delta (factors on the unit scale). The trajectories are chosen for
 * spread among candidates (Campolongo, Cariboni &amp; Saltelli 2007, Environ. Model. Softw. 22: the
 * sum of squared distances between trajectories is made large), greedily as in Ruano, Ewing &amp; Hiller
 * 2012 (Environ. Model. Softw. 37): the two farthest apart first, then each time the candidate that adds
 * the most. Per factor: mu (mean effect), mu* (mean absolute effect: importance, Campolongo et al. 2007)
 * and sigma (standard deviation: non-linearity or interactions), with bootstrap intervals over trajectories.
 */
public final class Morris {

    /** Candidates per trajectory kept when choosing for spread. */
    public static final int CANDIDATES_PER_TRAJECTORY = 10;

    private Morris() {
    }

    /** mu*, mu and sigma of one factor with their bootstrap intervals. */
    public record Index(String factor, int effects, double muStar, double muStarLow, double muStarHigh, double mu,
                        double muLow, double muHigh, double sigma, double sigmaLow, double sigmaHigh) {
    }

    /**
     * r trajectories over the factors on a p-level grid (p even, at least 2), chosen for spread among
     * {@code candidates} random ones (at least r). Seeded: the same arguments give the same design.
     */
    public static MorrisDesign design(List<Factor> factors, int r, int p, int candidates, long seed) {
        int k = factors.size();
        if (k < 1) throw new IllegalArgumentException("a Morris design needs at least 1 parameter");
        if (r < 2) throw new IllegalArgumentException("a Morris design needs at least 2 trajectories, got " + r);
        if (p < 2 || p % 2 != 0) throw new IllegalArgumentException("Morris levels must be an even number of 2 or more, got " + p);
        if (candidates < r) throw new IllegalArgumentException("need at least as many candidates as trajectories");
        double delta = p / (2.0 * (p - 1));
        RandomGenerator rng = new MersenneTwister(seed);
        double[][][] cand = new double[candidates][][];
        for (int c = 0; c < candidates; c++) cand[c] = trajectory(k, p, delta, rng);
        int[] chosen = spread(cand, r);
        double[][] unit = new double[r * (k + 1)][];
        List<Map<String, Object>> points = new ArrayList<>(unit.length);
        for (int t = 0; t < r; t++) {
            for (int j = 0; j <= k; j++) {
                double[] u = cand[chosen[t]][j];
                unit[t * (k + 1) + j] = u;
                Map<String, Object> point = new LinkedHashMap<>();
                for (int i = 0; i < k; i++) point.put(factors.get(i).key(), factors.get(i).at(u[i]));
                points.add(Collections.unmodifiableMap(point));
            }
        }
        return new MorrisDesign(factors, r, p, delta, unit, points);
    }

    /** One random trajectory (Morris 1991): k + 1 points, each after the first moving one factor by +-delta. */
    static double[][] trajectory(int k, int p, double delta, RandomGenerator rng) {
        // A base value from {0, 1/(p-1), ..., 1 - delta}: the grid values from which a step of delta stays inside.
        int bases = p / 2;
        double[] x = new double[k];
        int[] direction = new int[k];
        for (int i = 0; i < k; i++) {
            double base = rng.nextInt(bases) / (double) (p - 1);
            direction[i] = rng.nextBoolean() ? 1 : -1;
            x[i] = direction[i] > 0 ? base : base + delta;
        }
        int[] order = new int[k];
        for (int i = 0; i < k; i++) order[i] = i;
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[][] tr = new double[k + 1][];
        tr[0] = x.clone();
        for (int s = 0; s < k; s++) {
            int i = order[s];
            x[i] = clamp(x[i] + direction[i] * delta);
            tr[s + 1] = x.clone();
        }
        return tr;
    }

    private static double clamp(double v) {
        // base + delta can round to just above 1 (or a step back to just below 0)
        return Math.max(0, Math.min(1, v));
    }

    /** Distance between two trajectories: the sum of the Euclidean distances between all their points. */
    static double distance(double[][] a, double[][] b) {
        double d = 0;
        for (double[] x : a) {
            for (double[] y : b) {
                double s = 0;
                for (int i = 0; i < x.length; i++) s += (x[i] - y[i]) * (x[i] - y[i]);
                d += Math.sqrt(s);
            }
        }
        return d;
    }

    /** Indices of r candidates chosen greedily for a large sum of squared distances (Ruano et al. 2012). */
    static int[] spread(double[][][] cand, int r) {
        int m = cand.length;
        double[][] d2 = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double d = distance(cand[a], cand[b]);
                d2[a][b] = d2[b][a] = d * d;
            }
        }
        int[] chosen = new int[r];
        boolean[] used = new boolean[m];
        int bestA = 0;
        int bestB = m > 1 ? 1 : 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                if (d2[a][b] > d2[bestA][bestB]) {
                    bestA = a;
                    bestB = b;
                }
            }
        }
        chosen[0] = bestA;
        chosen[1] = bestB;
        used[bestA] = used[bestB] = true;
        double[] sum = new double[m];
        for (int c = 0; c < m; c++) sum[c] = d2[c][bestA] + d2[c][bestB];
        for (int n = 2; n < r; n++) {
            int best = -1;
            for (int c = 0; c < m; c++) {
                if (!used[c] && (best < 0 || sum[c] > sum[best])) best = c;
            }
            chosen[n] = best;
            used[best] = true;
            for (int c = 0; c < m; c++) sum[c] += d2[c][best];
        }
        return chosen;
    }

    /**
     * The elementary effects of each factor, {@code effects[factor][trajectory]}, from the outputs
     * {@code y} at the design's points (in design order).
     */
    public static double[][] effects(MorrisDesign d, double[] y) {
        int k = d.k();
        if (y.length != d.unit().length) {
            throw new IllegalArgumentException("expected " + d.unit().length + " outputs, got " + y.length);
        }
        double[][] ee = new double[k][d.trajectories()];
        for (double[] row : ee) Arrays.fill(row, Double.NaN);
        for (int t = 0; t < d.trajectories(); t++) {
            int start = t * (k + 1);
            for (int j = 1; j <= k; j++) {
                double[] a = d.unit()[start + j - 1];
                double[] b = d.unit()[start + j];
                int i = changed(a, b);
                ee[i][t] = (y[start + j] - y[start + j - 1]) / (b[i] - a[i]);
            }
        }
        return ee;
    }

    private static int changed(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) return i;
        }
        throw new IllegalStateException("two consecutive points of a trajectory are the same");
    }

    /**
     * mu*, mu and sigma per factor, with percentile bootstrap intervals at {@code confidence} over
     * {@code resamples} resamples of the trajectories (seeded).
     */
    public static List<Index> indices(MorrisDesign d, double[] y, int resamples, double confidence, long seed) {
        double[][] ee = effects(d, y);
        int r = d.trajectories();
        RandomGenerator rng = new MersenneTwister(seed);
        int[][] draws = new int[resamples][r];
        for (int[] draw : draws) {
            for (int t = 0; t < r; t++) draw[t] = rng.nextInt(r);
        }
        double alpha = (1 - confidence) / 2 * 100;
        List<Index> out = new ArrayList<>();
        for (int i = 0; i < d.k(); i++) {
            double[] e = ee[i];
            double[] star = new double[resamples];
            double[] mean = new double[resamples];
            double[] sd = new double[resamples];
            double[] sample = new double[r];
            for (int b = 0; b < resamples; b++) {
                for (int t = 0; t < r; t++) sample[t] = e[draws[b][t]];
                star[b] = muStar(sample);
                mean[b] = mu(sample);
                sd[b] = sigma(sample);
            }
            Percentile pct = new Percentile();
            out.add(new Index(d.factors().get(i).key(), r, muStar(e), pct.evaluate(star, alpha),
                    pct.evaluate(star, 100 - alpha), mu(e), pct.evaluate(mean, alpha), pct.evaluate(mean, 100 - alpha),
                    sigma(e), pct.evaluate(sd, alpha), pct.evaluate(sd, 100 - alpha)));
        }
        return out;
    }

    /**
     * The noise floor of mu* per factor when the outputs are means of replicates: the elementary effects are
     * worked out replicate by replicate ({@code y[replicate][point]}), their spread across replicates gives
     * the standard error se of the mean effect from the runs' own randomness, and a factor that does nothing
     * systematic would show mu* of about E|N(0, se)| = se sqrt(2 / pi). A factor whose mu* interval lies above
     * its floor moves the outcome by more than the runs' noise. NaN with fewer than 2 replicates.
     */
    public static double[] noiseFloor(MorrisDesign d, double[][] y) {
        int reps = y.length;
        double[] floor = new double[d.k()];
        if (reps < 2) {
            Arrays.fill(floor, Double.NaN);
            return floor;
        }
        double[][][] ee = new double[reps][][];
        for (int r = 0; r < reps; r++) ee[r] = effects(d, y[r]);
        double[] e = new double[reps];
        for (int i = 0; i < d.k(); i++) {
            double pooled = 0;
            for (int t = 0; t < d.trajectories(); t++) {
                for (int r = 0; r < reps; r++) e[r] = ee[r][i][t];
                double sd = sigma(e);
                pooled += sd * sd;
            }
            double se = Math.sqrt(pooled / d.trajectories() / reps);
            floor[i] = se * Math.sqrt(2 / Math.PI);
        }
        return floor;
    }

    static double mu(double[] e) {
        double s = 0;
        for (double v : e) s += v;
        return s / e.length;
    }

    static double muStar(double[] e) {
        double s = 0;
        for (double v : e) s += Math.abs(v);
        return s / e.length;
    }

    /** Sample standard deviation (n - 1); 0 for a single effect. */
    static double sigma(double[] e) {
        if (e.length < 2) return 0;
        double m = mu(e);
        double s = 0;
        for (double v : e) s += (v - m) * (v - m);
        return Math.sqrt(s / (e.length - 1));
    }
}
