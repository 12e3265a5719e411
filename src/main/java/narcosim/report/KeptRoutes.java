package narcosim.report;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import narcosim.experiment.RunResult;
import narcosim.experiment.RunSpec;
import narcosim.experiment.Runner;
import narcosim.model.NarcoModel;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;

/**
 * The route flows of a comparison's map replicate, kept as its runs finish ({@link Runner.Finished}), so that
 * the report draws every strategy's route map from the runs the comparison made instead of running them again.
 * A run not kept here (done by another shard, or before a resume) is still repeated. Safe to fill from the
 * runner's threads.
 */
public final class KeptRoutes implements Runner.Finished {

    private final int replicate;
    private final Map<Integer, Kept> byRun = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger used = new java.util.concurrent.atomic.AtomicInteger();

    private record Kept(RunConfig config, RouteFlows.Run run) {
    }

    /** Keeps the runs of {@code replicate} (1-based, as the report's --map-replicate). */
    public KeptRoutes(int replicate) {
        this.replicate = replicate;
    }

    @Override
    public boolean wants(RunSpec spec) {
        return spec.replicate() == replicate - 1;
    }

    @Override
    public void finished(RunSpec spec, RunConfig config, NarcoModel model, RunResult result) {
        // the weekly rows are not needed for a map: keep the outcomes only
        RunResult outcomes = new RunResult(result.config(), result.columns(), List.of(), result.outcomes());
        byRun.put(spec.id(), new Kept(config, new RouteFlows.Run(outcomes, RouteFlows.of(model, RouteFlows.title(config)))));
    }

    /**
     * The kept run with this id and this configuration, or null. The scenario's file may be named another way
     * (the report plans the runs again from the manifest, which records the file's absolute path): that name is
     * in messages only, so it is left out of the comparison; everything else must be equal.
     */
    RouteFlows.Run get(int runId, RunConfig config) {
        Kept k = byRun.get(runId);
        if (k == null || !same(k.config(), config)) return null;
        used.incrementAndGet();
        return k.run();
    }

    private static boolean same(RunConfig a, RunConfig b) {
        return a.seed() == b.seed() && a.strategy().equals(b.strategy()) && a.params().equals(b.params())
                && unnamed(a.scenario()).equals(unnamed(b.scenario()));
    }

    private static Scenario unnamed(Scenario s) {
        return new Scenario(s.name(), s.description(), "", s.budgetMusdPerYear(), s.nations(), s.places(), s.links(),
                s.cartels(), s.markets(), s.strategies(), s.params(), s.overrides(), s.burnIn());
    }

    /** How many kept runs the report took instead of repeating them. */
    public int used() {
        return used.get();
    }

    /** How many runs are kept. */
    public int size() {
        return byRun.size();
    }
}
