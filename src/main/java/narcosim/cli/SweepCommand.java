package narcosim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import narcosim.experiment.Plan;
import narcosim.experiment.SweepFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** narcosim sweep: a parameter sweep from a sweep file. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a parameter sweep: a sweep file names a base scenario, strategies, parameters with ranges "
            + "or levels, a design (grid: full factorial; lhs: Latin hypercube with N points; sobol: Saltelli design "
            + "with N base samples; morris: elementary-effects screening with T trajectories on a grid of L levels), "
            + "replicates and outcomes of interest.", "",
            "Writes results/<name>-<timestamp>/ with runs.csv (one row per run: every varied parameter, strategy, "
            + "replicate, seed and outcome), summary.csv (per design point, strategy and outcome: mean and 95%% "
            + "interval), sensitivity.csv for Sobol designs (first- and total-order indices with bootstrap "
            + "intervals), screening.csv for Morris designs (mu*, mu, sigma with bootstrap intervals and the runs' "
            + "noise floor of mu*), manifest.yaml, charts/ (heat maps, Sobol bars, mu*-sigma charts) and report.html. "
            + "Every run's seed derives from (design point, replicate) (Morris: from the replicate alone, the same "
            + "at every point), so 'narcosim run SCENARIO --from DIR --run ID' repeats any run alone. Resumable and "
            + "shardable.", "",
            "Reading a Morris chart: each parameter sits at (mu*, sigma). Right: moving it across its range moves the "
            + "outcome more (mu*, the mean absolute elementary effect, in the outcome's unit). Up: that effect "
            + "changes with the other parameters (non-linear, or an interaction). Grey: mu*'s interval does not clear "
            + "the noise the runs themselves make, estimated from the replicates."},
        footer = {"", "Examples:",
            "  narcosim sweep scenarios/sweeps/interdiction-vs-development.yaml --threads 2",
            "  narcosim sweep scenarios/sweeps/sobol-core.yaml \\",
            "      --resume results/sobol-core-20261122-101500",
            "  # which levers and parameters matter?",
            "  narcosim sweep scenarios/sweeps/morris-core.yaml",
            "  # on a Slurm cluster, then: narcosim merge DIR",
            "  sbatch --array=0-63 scripts/slurm/sweep.sbatch \\",
            "      scenarios/sweeps/sobol-core.yaml"})
public final class SweepCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (YAML), e.g. scenarios/sweeps/sobol-core.yaml.")
    Path file;

    @Option(names = {"-r", "--replicates"}, paramLabel = "R", description = "Replicates per point and strategy "
            + "(default: the sweep file's).")
    Integer replicates;

    @Option(names = "--seed", paramLabel = "N", description = "Base seed (default: the sweep file's, else 1).")
    Long seed;

    @Option(names = "--reference", paramLabel = "STRATEGY", description = "The strategy the findings compare the "
            + "others with, paired run by run (default: the sweep file's reference, else baseline when the sweep runs "
            + "it).")
    String reference;

    @CommandLine.Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @CommandLine.Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Override
    public Integer call() throws Exception {
        SweepFile sweep = SweepFile.load(file, scenarioOptions.sets());
        int reps = replicates != null ? replicates : sweep.replicates();
        if (reps < 1) throw new Main.UserError("--replicates: expected at least 1, got " + reps);
        return ExperimentRun.sweep(file, scenarioOptions, reps, seed != null ? seed : sweep.seed(), reference, options,
                spec);
    }
}
