package narcosim.report;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import narcosim.experiment.RunResult;
import narcosim.experiment.RunSpec;
import narcosim.experiment.Runner;
import narcosim.model.NarcoModel;
import narcosim.scenario.RunConfig;

/**
 * The route flows of a comparison's map replicate, kept as its runs finish ({@link Runner.Finished}), so that
 * the report draws every strategy's route map from the runs the comparison made instead of running them again.
 * A run not kept here (done by another shard, or before a resume) is still repeated. Safe to fill from the
 * runner's threads.
 */
public final class KeptRoutes implements Runner.Finished {

    private final int replicate;
    private final Map<Integer, Kept> byRun = new ConcurrentHashMap<>();

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

    /** The kept run with this id and exactly this configuration, or null. */
    RouteFlows.Run get(int runId, RunConfig config) {
        Kept k = byRun.get(runId);
        return k != null && k.config().equals(config) ? k.run() : null;
    }

    /** How many runs are kept. */
    public int size() {
        return byRun.size();
    }
}
