package narcosim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import narcosim.experiment.Plan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** narcosim levers: which of a strategy's levers move its outcomes, by how much, with intervals. */
@Command(name = "levers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure which levers of a strategy move its outcomes: each lever moved alone, against the "
            + "strategy as it is, with paired replicates (common random numbers: replicate r has the same seed in "
            + "every variant), at the same total budget.", "",
            "The levers: the budget shares (0.1 of the budget moved from each share to each other), the military "
            + "budget mix (0.1 of it moved between boats, aircraft, ground units and surveillance), each doctrine "
            + "switch flipped (targeting, rules of engagement, vetting, leadership targeting, eradication, "
            + "coordinated operations), and each other parameter the registry marks as a lever (narcosim params: "
            + "role) set to the ends of its range (fractions) or to half and twice its value. Effects on the headline "
            + "measures: cocaine delivered and seized, final-year price, violence, collateral harm, final-year trust, "
            + "recruits, final-year coca area, and, where the scenario has a strategy with no campaign (which runs "
            + "too), the cost per kg kept off the market.", "",
            "How to read it: each cell is the variant minus the strategy, in %% of the strategy's mean (trust: as a "
            + "difference on its 0-1 scale); * marks a change whose 95%% interval excludes 0. A lever with no * "
            + "moved nothing that these replicates can tell from noise: a lever that does nothing at all, one that "
            + "acts only in other scenarios, or one that needs more replicates (levers.csv has every interval).", "",
            "Writes results/levers-<scenario>-<strategy>-<timestamp>/ with runs.csv (one row per run, its lever "
            + "column naming the variant), levers.csv (tidy: lever, change, outcome, n, the strategy's and the "
            + "variant's means, the paired effect with its 95%% interval, the change in %% with its interval, "
            + "whether the interval excludes 0), manifest.yaml, charts/ (one chart per measure: levers sorted by "
            + "the size of their effect, with intervals) and report.html; then prints the table. Resumable "
            + "(--resume), shardable (--shard), all cores."},
        footer = {"", "Examples:",
            "  narcosim levers scenarios/central-america.yaml --strategy integrated \\",
            "      --replicates 10",
            "  narcosim levers scenarios/central-america.yaml --strategy partnership \\",
            "      --set run.years=5"})
public final class LeversCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenario;

    @Option(names = {"-s", "--strategy"}, paramLabel = "ID", required = true,
            description = "The strategy whose levers are moved (a campaign strategy).")
    String strategy;

    @CommandLine.Mixin
    ReplicateOptions reps = new ReplicateOptions();


    @CommandLine.Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @CommandLine.Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Override
    public Integer call() throws Exception {
        return ExperimentRun.request(Plan.Kind.LEVERS, scenario, scenarioOptions, List.of(strategy), reps.replicates, reps.seed,
                options, spec);
    }
}
