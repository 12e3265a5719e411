package narcosim.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * The point fit: CMA-ES (Hansen 2006; commons-math3's {@link CMAESOptimizer}) minimising the calibration loss over
 * the parameters' prior ranges, each mapped onto [0, 1] (on its linear or log scale), starting from the scenario's
 * hand-set values with a step of {@code sigma} of the range.
 *
 * <p><b>Resumable by replay.</b> The optimiser is deterministic given its seed and the losses it is told, and with
 * common random numbers a candidate's loss is a deterministic function of its values. So a search interrupted after
 * k candidates is continued by running the optimiser again from the start: the candidates it asks for again are the
 * same, bit for bit, and their losses are read from what was recorded ({@link Memo}) instead of run again.
 */
public final class Search {

    private Search() {
    }

    /**
     * One candidate: its positions in the ranges, its parameter values, its loss and each target's model mean.
     *
     * @param model each target's model mean (replicates' mean), by target id
     */
    public record Evaluation(int index, double[] position, double[] values, double loss, Map<String, Double> model) {

        static Evaluation of(int index, double[] position, double[] values, Fit fit) {
            Map<String, Double> m = new java.util.LinkedHashMap<>();
            for (Fit.Row r : fit.rows()) m.put(r.target().id(), r.model().mean());
            return new Evaluation(index, position, values, fit.loss(), m);
        }
    }

    /** Evaluates a candidate at given parameter values (runs the model). */
    public interface Objective {
        Fit fit(double[] values) throws Exception;
    }

    /** Candidates already evaluated, by their exact positions; told of every new one (to record it). */
    public static final class Memo {
        private final Map<List<Double>, Evaluation> done = new HashMap<>();
        private final List<Evaluation> order = new ArrayList<>();

        public void add(Evaluation e) {
            done.put(key(e.position()), e);
            order.add(e);
        }

        Evaluation get(double[] position) {
            return done.get(key(position));
        }

        public List<Evaluation> all() {
            return List.copyOf(order);
        }

        public int size() {
            return order.size();
        }

        private static List<Double> key(double[] p) {
            List<Double> k = new ArrayList<>(p.length);
            for (double v : p) k.add(v);
            return k;
        }
    }

    /** Told of each candidate as it is evaluated (recorded before the search goes on). */
    public interface Listener {
        void evaluated(Evaluation e, boolean fromMemo) throws Exception;
    }

    /** Thrown out of the optimiser when a candidate's runs fail; carries the candidate. */
    public static final class CandidateFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final transient double[] values;

        CandidateFailed(double[] values, Exception cause) {
            super(cause.getMessage(), cause);
            this.values = values;
        }
    }

    /**
     * Runs the search.
     *
     * @param priors      the parameters and their ranges
     * @param start       the scenario's values of the parameters (the search starts there, clipped to the ranges)
     * @param objective   runs a candidate
     * @param evaluations most candidates to evaluate (the starting point included)
     * @param population  candidates per generation (CMA-ES's lambda; 4 + 3 ln d by default)
     * @param sigma       initial step, as a share of each range
     * @param seed        the optimiser's seed
     * @param memo        candidates evaluated before (a resumed search), filled with the new ones
     * @param listener    told of each candidate
     * @return the best candidate evaluated
     */
    public static Evaluation run(List<Prior> priors, double[] start, Objective objective, int evaluations,
                                 int population, double sigma, long seed, Memo memo, Listener listener) {
        int d = priors.size();
        double[] guess = new double[d];
        for (int i = 0; i < d; i++) guess[i] = priors.get(i).position(start[i]);
        Evaluation[] best = new Evaluation[1];
        // Candidates met so far in this call, in the order they were first recorded (for the replay check).
        int[] fresh = new int[1];
        ObjectiveFunction f = new ObjectiveFunction(u -> {
            double[] position = u.clone();
            Evaluation e = memo.get(position);
            boolean old = e != null;
            if (!old && fresh[0] < memo.size()) {
                // Replaying a resumed search: the optimiser asks for the candidates recorded, in order; anything else
                // means it no longer takes the same path (another version or machine), and recording it beside the
                // old ones would mix two searches.
                throw new narcosim.util.InputException("evaluations.csv: the search asks for a candidate that was not "
                        + "recorded where it stopped (another narcosim version or machine?); it cannot be resumed: start "
                        + "it again in a new directory");
            }
            if (old && e.index() == fresh[0]) fresh[0]++;
            if (!old) {
                double[] values = new double[d];
                for (int i = 0; i < d; i++) values[i] = priors.get(i).value(position[i]);
                Fit fit;
                try {
                    fit = objective.fit(values);
                } catch (Exception ex) {
                    throw new CandidateFailed(values, ex);
                }
                e = Evaluation.of(memo.size(), position, values, fit);
                memo.add(e);
                fresh[0]++;
            }
            if (best[0] == null || e.loss() < best[0].loss()) best[0] = e;
            try {
                listener.evaluated(e, old);
            } catch (RuntimeException ex) {
                throw ex;
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            return e.loss();
        });
        double[] lower = new double[d];
        double[] upper = new double[d];
        double[] sigmas = new double[d];
        Arrays.fill(upper, 1);
        Arrays.fill(sigmas, sigma);
        CMAESOptimizer cma = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new MersenneTwister(seed), false, null);
        try {
            cma.optimize(new MaxEval(evaluations), f, GoalType.MINIMIZE, new InitialGuess(guess),
                    new SimpleBounds(lower, upper), new CMAESOptimizer.Sigma(sigmas),
                    new CMAESOptimizer.PopulationSize(population));
        } catch (TooManyEvaluationsException done) {
            // the budget of candidates is spent: the best so far is the fit
        }
        return best[0];
    }

    /** CMA-ES's default population for d parameters: 4 + floor(3 ln d) (Hansen 2006). */
    public static int defaultPopulation(int d) {
        return 4 + (int) Math.floor(3 * Math.log(Math.max(1, d)));
    }
}
