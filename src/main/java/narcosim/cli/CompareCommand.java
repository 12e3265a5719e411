package narcosim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import narcosim.experiment.Plan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** narcosim compare: every strategy x replicates, paired, with confidence intervals. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare the scenario's strategies at equal budget: every strategy x R replicates with common "
            + "random numbers (replicate r has the same seed under every strategy, so differences are paired).", "",
            "Writes results/compare-<scenario>-<timestamp>/ with runs.csv (one row per run: strategy, replicate, "
            + "seed and every outcome), summary.csv (tidy: strategy, outcome, mean, sd, 95%% t interval, paired "
            + "difference from the baseline with its interval, change in %%, and cost per kg kept off the market), "
            + "manifest.yaml, charts/ (PNG and SVG, route maps of replicate 1 included), routes/ and report.html (see "
            + "narcosim report --help), then prints a table. Resumable (--resume) and shardable (--shard)."},
        footer = {"", "Examples:",
            "  narcosim compare scenarios/central-america.yaml --replicates 30",
            "  narcosim compare scenarios/central-america.yaml \\",
            "      --strategies baseline,integrated --years 5",
            "  narcosim compare scenarios/central-america.yaml --reference status-quo",
            "  narcosim compare scenarios/central-america.yaml --replicates 30 \\",
            "      --resume results/compare-central-america-20261122-101500"})
public final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenario;

    @CommandLine.Mixin
    ReplicateOptions reps = new ReplicateOptions();

    @Option(names = "--strategies", paramLabel = "ID,ID", split = ",",
            description = "Strategies to compare (default: all of the scenario's).")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "STRATEGY",
            description = "State every change against this strategy instead of the one without a campaign (e.g. "
                + "status-quo: changes against today's effort). Costs per kg kept off stay counted against no campaign.")
    String reference;

    @CommandLine.Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @CommandLine.Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Override
    public Integer call() throws Exception {
        return ExperimentRun.compare(scenario, scenarioOptions, strategies.isEmpty() ? null : strategies,
                reps.replicates, reps.seed, reference, options, spec);
    }
}
