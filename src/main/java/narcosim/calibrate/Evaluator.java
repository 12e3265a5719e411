package narcosim.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import narcosim.experiment.Plan;
import narcosim.experiment.RunResult;
import narcosim.experiment.RunSpec;
import narcosim.experiment.Seeds;
import narcosim.scenario.ScenarioException;

/**
 * Runs a scenario at given values of its uncertain parameters: R replicates of every strategy the targets are held
 * against, on all cores, with common random numbers (replicate r has the same seed at every candidate and under
 * every strategy, so that two candidates' losses differ by their parameters, not by their draws).
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
            Thread t = new Thread(r, "narcosim-calibrate");
            t.setDaemon(true);
            return t;
        });
        this.years = plan.config(spec(strategies.get(0), 0, Map.of())).weeks() / 52.0;
    }

    /** Campaign years of a run. */
    public double years() {
        return years;
    }

    /** Runs a candidate per strategy and replicate. */
    public int runsPerCandidate() {
        return strategies.size() * replicates;
    }

    private RunSpec spec(String strategy, int replicate, Map<String, Object> values) {
        return new RunSpec(0, 0, strategy, replicate, Seeds.derive(seed, 0, replicate), values);
    }

    /**
     * Every strategy's runs at these parameter values, replicates in order: each run's measures (runs.csv's columns).
     *
     * @throws Exception a run that failed (the candidate's values made the model leave its valid state), with its cause
     */
    public Map<String, List<Map<String, Double>>> run(Map<String, Object> values) throws Exception {
        Map<String, List<Future<Map<String, Double>>>> futures = new LinkedHashMap<>();
        for (String s : strategies) {
            List<Future<Map<String, Double>>> fs = new ArrayList<>();
            for (int r = 0; r < replicates; r++) {
                RunSpec spec = spec(s, r, values);
                fs.add(pool.submit(() -> {
                    Map<String, Double> out = RunResult.run(plan.config(spec)).outcomes();
                    step.step();
                    return out;
                }));
            }
            futures.put(s, fs);
        }
        Map<String, List<Map<String, Double>>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Future<Map<String, Double>>>> e : futures.entrySet()) {
            List<Map<String, Double>> runs = new ArrayList<>();
            for (Future<Map<String, Double>> f : e.getValue()) {
                try {
                    runs.add(f.get());
                } catch (ExecutionException ex) {
                    for (List<Future<Map<String, Double>>> all : futures.values()) all.forEach(x -> x.cancel(false));
                    throw ex.getCause() instanceof Exception c ? c : ex;
                }
            }
            out.put(e.getKey(), runs);
        }
        return out;
    }

    /**
     * Each candidate run once per strategy with its own seed (for ABC, which needs the model's own noise): the
     * candidates' runs by strategy, in the candidates' order.
     */
    public List<Map<String, List<Map<String, Double>>>> runEach(List<Map<String, Object>> candidates, List<Long> seeds)
            throws Exception {
        List<Map<String, Future<Map<String, Double>>>> futures = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            Map<String, Future<Map<String, Double>>> fs = new LinkedHashMap<>();
            for (String s : strategies) {
                RunSpec spec = new RunSpec(0, 0, s, 0, seeds.get(c), candidates.get(c));
                fs.put(s, pool.submit(() -> RunResult.run(plan.config(spec)).outcomes()));
            }
            futures.add(fs);
        }
        List<Map<String, List<Map<String, Double>>>> out = new ArrayList<>();
        for (Map<String, Future<Map<String, Double>>> fs : futures) {
            Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Map<String, Double>>> e : fs.entrySet()) {
                try {
                    runs.put(e.getKey(), List.of(e.getValue().get()));
                } catch (ExecutionException ex) {
                    for (var all : futures) all.values().forEach(x -> x.cancel(false));
                    throw ex.getCause() instanceof Exception c ? c : ex;
                }
            }
            out.add(runs);
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
