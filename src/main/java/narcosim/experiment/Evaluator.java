package narcosim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import narcosim.scenario.ScenarioException;

/**
 * Runs a scenario at given values (a calibration's candidate parameters, an optimisation's candidate strategy): R
 * replicates of every strategy asked for, on all cores, with common random numbers (replicate r has the same seed at
 * every candidate and under every strategy, so that two candidates differ by their values, not by their draws).
 */
public final class Evaluator implements AutoCloseable {

    /** Called once per finished run (progress). */
    public interface Step {
        void step();
    }

    private final Plan plan;
    private final List<String> strategies;
    private final int replicates;
    private final long seed;
    private final ExecutorService pool;
    private final Step step;
    private final double years;

    /**
     * @param plan       the scenario as loaded for the experiment (its {@link Plan#config} applies a candidate's values)
     * @param strategies the strategies the targets name
     * @param replicates replicates per strategy
     * @param seed       base seed: replicate r's seed is {@link Seeds#derive}(seed, 0, r)
     * @param threads    runs at once
     */
    public Evaluator(Plan plan, List<String> strategies, int replicates, long seed, int threads, Step step)
            throws ScenarioException {
        this.plan = plan;
        this.strategies = List.copyOf(strategies);
        this.replicates = replicates;
        this.seed = seed;
        this.step = step == null ? () -> { } : step;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "narcosim-runs");
            t.setDaemon(true);
            return t;
        });
        this.years = plan.config(new RunSpec(0, 0, strategies.get(0), 0, Seeds.derive(seed, 0, 0), Map.of())).weeks() / 52.0;
    }

    /** Campaign years of a run. */
    public double years() {
        return years;
    }

    /** Runs a candidate per strategy and replicate. */
    public int runsPerCandidate() {
        return strategies.size() * replicates;
    }

    /**
     * Every strategy's runs at these parameter values, replicates in order: each run's measures (runs.csv's columns).
     * Replicate r's seed is that of design point {@code point}: 0 for the search (common random numbers across
     * candidates); the fit table runs on another, fresh point, not on the seeds the search tuned against.
     *
     * @throws Exception a run that failed (the candidate's values made the model leave its valid state), with its cause
     */
    public Map<String, List<Map<String, Double>>> run(Map<String, Object> values, int point) throws Exception {
        List<RunSpec> specs = new ArrayList<>();
        for (String s : strategies) {
            for (int r = 0; r < replicates; r++) {
                specs.add(new RunSpec(0, 0, s, r, Seeds.derive(seed, point, r), values));
            }
        }
        List<Map<String, Double>> done = runAll(specs, true);
        Map<String, List<Map<String, Double>>> out = new LinkedHashMap<>();
        for (int k = 0; k < specs.size(); k++) out.computeIfAbsent(specs.get(k).strategy(), x -> new ArrayList<>()).add(done.get(k));
        return out;
    }

    /**
     * Each candidate run once per strategy with its own seed (for ABC, which needs the model's own noise): the
     * candidates' runs by strategy, in the candidates' order.
     */
    public List<Map<String, List<Map<String, Double>>>> runEach(List<Map<String, Object>> candidates, List<Long> seeds)
            throws Exception {
        List<RunSpec> specs = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            for (String s : strategies) specs.add(new RunSpec(0, 0, s, 0, seeds.get(c), candidates.get(c)));
        }
        List<Map<String, Double>> done = runAll(specs, false);
        List<Map<String, List<Map<String, Double>>>> out = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
            for (int k = 0; k < strategies.size(); k++) {
                runs.put(strategies.get(k), List.of(done.get(c * strategies.size() + k)));
            }
            out.add(runs);
        }
        return out;
    }

    /** Told of each run as it finishes, on the thread that ran it. */
    public interface Finished {
        void finished(RunSpec spec, Map<String, Double> outcomes) throws Exception;
    }

    /**
     * Any runs (each spec names its strategy, seed and values) on the pool, each counted as a step: their measures in
     * the specs' order; {@code finished} hears of each as it ends (to record it at once). The first failure cancels
     * the rest and is thrown.
     */
    public List<Map<String, Double>> runs(List<RunSpec> specs, Finished finished) throws Exception {
        return runAll(specs, true, finished);
    }

    private List<Map<String, Double>> runAll(List<RunSpec> specs, boolean counted) throws Exception {
        return runAll(specs, counted, null);
    }

    /** The runs on the pool, results in the specs' order; the first failure cancels the rest and is thrown. */
    private List<Map<String, Double>> runAll(List<RunSpec> specs, boolean counted, Finished finished) throws Exception {
        List<Future<Map<String, Double>>> futures = new ArrayList<>();
        for (RunSpec spec : specs) {
            futures.add(pool.submit(() -> {
                Map<String, Double> out = RunResult.run(plan.config(spec)).outcomes();
                if (finished != null) finished.finished(spec, out);
                if (counted) step.step();
                return out;
            }));
        }
        List<Map<String, Double>> out = new ArrayList<>();
        for (Future<Map<String, Double>> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException ex) {
                futures.forEach(x -> x.cancel(false));
                throw ex.getCause() instanceof Exception c ? c : ex;
            }
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
