package narcosim.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The fitted parameters' uncertainty by approximate Bayesian computation with sequential Monte Carlo (ABC-SMC; Toni
 * et al. 2009, J. R. Soc. Interface 6:187; the adaptive kernel and weights of Beaumont et al. 2009, Biometrika
 * 96:983). Particles are parameter values; each proposal is run once (its own seed: ABC needs the model's own noise)
 * and accepted when its distance to the targets is within the generation's tolerance. The distance is
 * sqrt(sum over the fitted targets of ((statistic - observed) / sd)^2), the calibration loss of one run; the prior is
 * uniform over each parameter's range on its scale. Generation 0 samples the prior; each later one resamples the
 * previous generation by weight, perturbs with a Gaussian kernel of twice the previous particles' weighted
 * covariance (Beaumont et al. 2009), and sets its tolerance to the previous accepted distances' weighted median
 * (an adaptive quantile schedule as in Drovandi &amp; Pettitt 2011, with alpha = 0.5). Weights: w_i proportional to prior / sum_j w_j
 * K(theta_i | theta_j), the prior being constant inside the ranges.
 *
 * <p><b>Reproducible and resumable.</b> Proposals are drawn from one random stream in order and run in batches of
 * fixed size; a generation accepts its first N acceptances in proposal order. So the particles do not depend on the
 * thread count, and a run killed part-way is continued by replaying the stream: proposals already run are read
 * from what was recorded ({@link Memo}).
 */
public final class Posterior {

    /** Proposals run at once (fixed, so that the result does not depend on the thread count). */
    public static final int BATCH = 16;

    private Posterior() {
    }

    /** One proposal: where it was (positions in the ranges), its values, its distance and whether it was accepted. */
    public record Proposal(int generation, int index, double[] position, double[] values, double distance) {
    }

    /** Runs one proposal (once, with the given seed) and returns its distance to the targets. */
    public interface Simulator {
        /** Distances of proposals (their values; each seeded by its generation and index), in order. */
        double[] distances(List<double[]> values, int generation, List<Integer> indices) throws Exception;
    }

    /** Proposals already run (a resumed calibration), by generation and index; told of new ones. */
    public interface Memo {
        Proposal get(int generation, int index);

        void add(Proposal p) throws Exception;
    }

    /** A generation's accepted particles with their normalised weights and its tolerance. */
    public record Generation(int number, double tolerance, List<Proposal> particles, double[] weights, int proposals) {

        /** Weighted mean of parameter k's values. */
        public double mean(int k) {
            double s = 0;
            for (int i = 0; i < particles.size(); i++) s += weights[i] * particles.get(i).values()[k];
            return s;
        }

        /** Weighted quantile q of parameter k's values. */
        public double quantile(int k, double q) {
            Integer[] order = new Integer[particles.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(particles.get(a).values()[k], particles.get(b).values()[k]));
            double c = 0;
            for (Integer i : order) {
                c += weights[i];
                if (c >= q) return particles.get(i).values()[k];
            }
            return particles.get(order[order.length - 1]).values()[k];
        }

        /** Weighted correlation of parameters a and b (on their ranges' scales: positions). */
        public double correlation(int a, int b) {
            double ma = 0;
            double mb = 0;
            for (int i = 0; i < particles.size(); i++) {
                ma += weights[i] * particles.get(i).position()[a];
                mb += weights[i] * particles.get(i).position()[b];
            }
            double sab = 0;
            double saa = 0;
            double sbb = 0;
            for (int i = 0; i < particles.size(); i++) {
                double da = particles.get(i).position()[a] - ma;
                double db = particles.get(i).position()[b] - mb;
                sab += weights[i] * da * db;
                saa += weights[i] * da * da;
                sbb += weights[i] * db * db;
            }
            return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
        }

        /** Effective sample size of the weights, 1 / sum w^2. */
        public double effectiveSize() {
            double s = 0;
            for (double w : weights) s += w * w;
            return 1 / s;
        }
    }

    /** Told of each particle accepted (progress). */
    public interface Listener {
        /** A particle was accepted: the generation's count so far, and whether it was read back (resume). */
        void accepted(int generation, int accepted, boolean recorded);
    }

    /**
     * Runs ABC-SMC.
     *
     * @param priors      the parameters and their ranges
     * @param particles   particles per generation
     * @param generations generations (the first samples the prior)
     * @param seed        seed of the proposal stream
     * @return the generations in order; the last is the posterior sample
     */
    public static List<Generation> run(List<Prior> priors, int particles, int generations, long seed, Simulator sim,
                                       Memo memo, Listener listener) throws Exception {
        int d = priors.size();
        RandomGenerator rng = new MersenneTwister(seed);
        List<Generation> out = new ArrayList<>();
        Generation prev = null;
        for (int g = 0; g < generations; g++) {
            double tolerance = prev == null ? Double.POSITIVE_INFINITY : weightedMedianDistance(prev);
            MultivariateNormalDistribution kernel = prev == null ? null : kernel(prev, d, rng);
            double[] cumulative = prev == null ? null : cumulative(prev.weights());
            List<Proposal> accepted = new ArrayList<>();
            int index = 0;
            while (accepted.size() < particles) {
                // A batch of proposals drawn in order from the stream: positions inside the ranges.
                List<double[]> positions = new ArrayList<>();
                for (int b = 0; b < BATCH; b++) positions.add(propose(prev, kernel, cumulative, d, rng));
                List<Proposal> batch = new ArrayList<>();
                boolean[] recorded = new boolean[BATCH];
                List<double[]> toRun = new ArrayList<>();
                List<Integer> runAt = new ArrayList<>();
                for (int b = 0; b < BATCH; b++) {
                    Proposal known = memo.get(g, index + b);
                    if (known != null && !Arrays.equals(known.position(), positions.get(b))) {
                        throw new narcosim.util.InputException("proposals.csv: proposal " + (index + b) + " of "
                                + "generation " + g + " was recorded at another place than it is drawn now (another "
                                + "narcosim version or machine?); the calibration cannot be resumed: start it again in a "
                                + "new directory");
                    }
                    batch.add(known);
                    recorded[b] = known != null;
                    if (known == null) {
                        toRun.add(values(priors, positions.get(b)));
                        runAt.add(b);
                    }
                }
                if (!toRun.isEmpty()) {
                    // Every proposal of the batch not yet run; each is seeded by its generation and index.
                    List<Integer> indices = new ArrayList<>();
                    for (int b : runAt) indices.add(index + b);
                    double[] dist = sim.distances(toRun, g, indices);
                    for (int k = 0; k < runAt.size(); k++) {
                        int b = runAt.get(k);
                        Proposal p = new Proposal(g, index + b, positions.get(b), toRun.get(k), dist[k]);
                        memo.add(p);
                        batch.set(b, p);
                    }
                }
                for (int b = 0; b < BATCH; b++) {
                    Proposal p = batch.get(b);
                    if (accepted.size() < particles && Double.isFinite(p.distance()) && p.distance() <= tolerance) {
                        accepted.add(p);
                        listener.accepted(g, accepted.size(), recorded[b]);
                    }
                }
                index += BATCH;
            }
            double[] w = weights(accepted, prev, kernel, d);
            Generation gen = new Generation(g, tolerance, List.copyOf(accepted), w, index);
            out.add(gen);
            prev = gen;
        }
        return out;
    }

    private static double[] values(List<Prior> priors, double[] position) {
        double[] v = new double[position.length];
        for (int i = 0; i < v.length; i++) v[i] = priors.get(i).value(position[i]);
        return v;
    }

    /** A proposal's position: from the prior, or a previous particle (by weight) moved by the kernel, inside [0,1]^d. */
    private static double[] propose(Generation prev, MultivariateNormalDistribution kernel, double[] cumulative, int d,
                                    RandomGenerator rng) {
        if (prev == null) {
            double[] u = new double[d];
            for (int i = 0; i < d; i++) u[i] = rng.nextDouble();
            return u;
        }
        while (true) {
            double r = rng.nextDouble();
            int j = Arrays.binarySearch(cumulative, r);
            if (j < 0) j = -j - 1;
            j = Math.min(j, cumulative.length - 1);
            double[] step = kernel.sample();
            double[] u = prev.particles().get(j).position().clone();
            boolean inside = true;
            for (int i = 0; i < d; i++) {
                u[i] += step[i];
                if (u[i] < 0 || u[i] > 1) inside = false;
            }
            if (inside) return u; // outside the ranges the prior is 0: drawn again (Toni et al. 2009)
        }
    }

    private static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        c[w.length - 1] = 1;
        return c;
    }

    /** Gaussian kernel with twice the weighted covariance of the previous particles (Beaumont et al. 2009). */
    private static MultivariateNormalDistribution kernel(Generation prev, int d, RandomGenerator rng) {
        double[] mean = new double[d];
        List<Proposal> ps = prev.particles();
        double[] w = prev.weights();
        for (int i = 0; i < ps.size(); i++) {
            for (int k = 0; k < d; k++) mean[k] += w[i] * ps.get(i).position()[k];
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < ps.size(); i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] += 2 * w[i] * (ps.get(i).position()[a] - mean[a]) * (ps.get(i).position()[b] - mean[b]);
                }
            }
        }
        // A degenerate covariance (all particles on a line) gets a small ridge so that the kernel exists.
        for (int a = 0; a < d; a++) cov[a][a] += 1e-8;
        RealMatrix m = new Array2DRowRealMatrix(cov);
        try {
            new CholeskyDecomposition(m);
        } catch (RuntimeException e) {
            for (int a = 0; a < d; a++) cov[a][a] += 1e-4;
        }
        return new MultivariateNormalDistribution(rng, new double[d], cov);
    }

    /** w_i proportional to 1 / sum_j w_j K(theta_i - theta_j) (uniform prior), normalised; equal in generation 0. */
    private static double[] weights(List<Proposal> accepted, Generation prev, MultivariateNormalDistribution kernel,
                                    int d) {
        double[] w = new double[accepted.size()];
        if (prev == null) {
            Arrays.fill(w, 1.0 / w.length);
            return w;
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double denom = 0;
            for (int j = 0; j < prev.particles().size(); j++) {
                double[] diff = new double[d];
                for (int k = 0; k < d; k++) {
                    diff[k] = accepted.get(i).position()[k] - prev.particles().get(j).position()[k];
                }
                denom += prev.weights()[j] * kernel.density(diff);
            }
            w[i] = 1 / denom;
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) w[i] /= sum;
        return w;
    }

    /** The weighted median of a generation's accepted distances: the next tolerance. */
    private static double weightedMedianDistance(Generation g) {
        Integer[] order = new Integer[g.particles().size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(g.particles().get(a).distance(), g.particles().get(b).distance()));
        double c = 0;
        for (Integer i : order) {
            c += g.weights()[i];
            if (c >= 0.5) return g.particles().get(i).distance();
        }
        return g.particles().get(order[order.length - 1]).distance();
    }
}
