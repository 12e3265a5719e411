package narcosim.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.moeaframework.algorithm.NSGAII;
import org.moeaframework.core.NondominatedPopulation;
import org.moeaframework.core.PRNG;
import org.moeaframework.core.Solution;
import org.moeaframework.core.comparator.ParetoDominanceComparator;
import org.moeaframework.core.variable.EncodingUtils;
import org.moeaframework.core.variable.RealVariable;
import org.moeaframework.problem.AbstractProblem;

/**
 * NSGA-II (Deb et al. 2002; MOEA Framework's implementation with its default SBX crossover and polynomial mutation)
 * over the unit cube, each generation handed over as one batch, so that all of a generation's runs share the cores
 * and a replay of a recorded search asks for the same batches in the same order. The search's randomness comes from
 * MOEA Framework's generator seeded with the given seed: the same seed and the same evaluations give the same search.
 */
public final class Nsga {

    private Nsga() {
    }

    /** What a point of the cube scored: objectives (minimised) and constraint violations (0 = holds). */
    public record Score(double[] objectives, double[] violations) {
    }

    /** Evaluates a generation's points, in order. */
    public interface Batch {
        List<Score> evaluate(int generation, List<double[]> points) throws Exception;
    }

    /** The batch's own failure, carried through MOEA Framework's loop. */
    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(Exception cause) {
            super(cause);
        }
    }

    /**
     * Runs NSGA-II until {@code evaluations} points were evaluated (rounded up to whole generations of
     * {@code population}).
     *
     * @return the number of generations run
     */
    public static synchronized int run(int dimensions, int objectives, int constraints, int population,
                                       int evaluations, long seed, Batch batch) throws Exception {
        // MOEA Framework draws from one static generator: seeded here, used by this thread only (synchronized).
        PRNG.setSeed(seed);
        Map<Solution, Score> scored = new IdentityHashMap<>();
        AbstractProblem problem = new AbstractProblem(dimensions, objectives, constraints) {
            @Override
            public void evaluate(Solution s) {
                Score sc = scored.remove(s);
                s.setObjectives(sc.objectives());
                if (constraints > 0) s.setConstraints(sc.violations());
            }

            @Override
            public Solution newSolution() {
                Solution s = new Solution(dimensions, objectives, constraints);
                for (int i = 0; i < dimensions; i++) s.setVariable(i, new RealVariable(0, 1));
                return s;
            }
        };
        int[] generation = {0};
        NSGAII algorithm = new NSGAII(problem) {
            @Override
            public void evaluateAll(Iterable<Solution> solutions) {
                List<Solution> list = new ArrayList<>();
                solutions.forEach(list::add);
                List<double[]> points = new ArrayList<>();
                for (Solution s : list) points.add(EncodingUtils.getReal(s));
                List<Score> scores;
                try {
                    scores = batch.evaluate(generation[0]++, points);
                } catch (Exception e) {
                    throw new Failed(e);
                }
                for (int k = 0; k < list.size(); k++) {
                    scored.put(list.get(k), scores.get(k));
                    evaluate(list.get(k));
                }
            }

            @Override
            public void evaluateAll(Solution[] solutions) {
                evaluateAll(Arrays.asList(solutions));
            }
        };
        algorithm.setInitialPopulationSize(population);
        try {
            while (algorithm.getNumberOfEvaluations() < evaluations) algorithm.step();
        } catch (Failed f) {
            throw (Exception) f.getCause();
        }
        return generation[0];
    }

    /** Generations a search of this many evaluations runs: the first plus enough to reach the count. */
    public static int generations(int population, int evaluations) {
        return Math.max(1, (evaluations + population - 1) / population);
    }

    /** The indices of the points no other feasible point Pareto-dominates (MOEA Framework's constrained dominance). */
    public static List<Integer> front(List<Score> scores) {
        NondominatedPopulation front = new NondominatedPopulation(new ParetoDominanceComparator(),
                NondominatedPopulation.DuplicateMode.ALLOW_DUPLICATES);
        for (int k = 0; k < scores.size(); k++) {
            Score sc = scores.get(k);
            if (Arrays.stream(sc.violations()).anyMatch(v -> v > 0)) continue;
            Solution s = solution(sc.objectives());
            s.setAttribute("index", k);
            front.add(s);
        }
        List<Integer> out = new ArrayList<>();
        for (Solution s : front) out.add((Integer) s.getAttribute("index"));
        out.sort(null);
        return out;
    }

    /** Whether {@code a} Pareto-dominates {@code b} (no worse in every objective, better in one). */
    public static boolean dominates(double[] a, double[] b) {
        return new ParetoDominanceComparator().compare(solution(a), solution(b)) < 0;
    }

    private static Solution solution(double[] objectives) {
        Solution s = new Solution(0, objectives.length, 0);
        s.setObjectives(objectives);
        return s;
    }
}
