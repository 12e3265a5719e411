package narcosim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import narcosim.experiment.Experiments;
import narcosim.experiment.OutputPaths;
import narcosim.validation.Magnitudes;
import narcosim.validation.Pattern;
import narcosim.validation.PatternExperiment;
import narcosim.validation.PatternFiles;
import narcosim.validation.PatternText;
import narcosim.validation.Patterns;
import narcosim.validation.Sensitivity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** narcosim patterns: the eight patterns of the literature as paired experiments. */
@Command(name = "patterns", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check that the model reproduces the eight patterns of the literature (docs/VALIDATION.md): "
            + "balloon effect, limited seizure share, transient price premium, collateral harm costs trust, "
            + "development lag, weak and reversible eradication, partnership and withdrawal, leadership targeting.", "",
            "Each pattern is a paired experiment: two or more arms (strategies, or one strategy with and without a "
            + "treatment) run with the same seeds (common random numbers), R replicates each. Per pattern it prints "
            + "the experiment, each measured effect (a paired difference, replicate by replicate) with its 95%% t "
            + "interval, the criterion (the whole interval must lie beyond a threshold) and HOLDS or DOES NOT HOLD. "
            + "A pattern that does not hold is a finding, not an error: the exit code is still 0. Without "
            + "--replicates, patterns 3 (price) and 4 (trust) run 50 and 20 replicates, the others 10: their effects are "
            + "small against their noise, and at 10 replicates whether they hold depended on the base seed; "
            + "--replicates R runs every pattern at R.", "",
            "Without SCENARIO every pattern runs on its own shipped scenario (balloon: "
            + "scenarios/classroom-balloon.yaml; the rest, and pattern 1 again as balloon-map, pressing the Eastern "
            + "Pacific: scenarios/central-america.yaml; run from the project directory). With SCENARIO, the "
            + "patterns that scenario supports run on it; the others are listed as skipped with the reason (e.g. "
            + "no strategy focuses the military on one region, or the run is shorter than the pattern's windows). "
            + "--set applies to every arm; an arm's own treatment (e.g. the rules of engagement of pattern 4) is "
            + "applied after it.", "",
            "Also prints magnitudes against the literature of the scenario's own market: for the US market "
            + "(the default scenario) seized share, Eastern Pacific vs Caribbean split, prices along the chain, "
            + "time scale of route shifts; for a European market (scenarios/andes-europe.yaml) the gateway price, "
            + "its markup over Colombia's and the share of cocaine through West Africa. "
            + "--sensitivity N repeats every pattern at N points of a Latin hypercube over the most uncertain "
            + "parameters (listed in sensitivity.csv), with 10 replicates per arm and point (and as many as the main "
            + "run for patterns 3 and 4) or --sensitivity-replicates R, judged by 95%% intervals as the main run is, "
            + "and reports the share of points where each pattern holds, fails (an interval wholly on the wrong "
            + "side) or is undecided.", "",
            "Writes results/patterns-<scenario>-<timestamp>/ (or --out DIR), whole or not at all: patterns.csv "
            + "(tidy: one row per pattern and check), runs.csv (one row per run and outcome), magnitudes.csv, "
            + "sensitivity.csv (with --sensitivity) and figures/ (PNG and SVG, one per pattern)."},
        footer = {"", "Examples:",
            "  # all eight, 10 replicates (pattern 3: 50, pattern 4: 20); ~1 min on 2 cores:",
            "  narcosim patterns",
            "  narcosim patterns --only balloon,price --replicates 5",
            "  # do the patterns still hold in my variant, or with one parameter changed?",
            "  narcosim patterns scenarios/my-variant.yaml",
            "  # the patterns a second theatre supports (the others skipped, saying why):",
            "  narcosim patterns scenarios/andes-europe.yaml",
            "  narcosim patterns --set cartel.loss_tolerance=0.2",
            "  # and across a Latin hypercube of the model's parameters (~25 min):",
            "  narcosim patterns --sensitivity 20"})
public final class PatternsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario file to run the patterns on (default: each pattern's shipped scenario).")
    Path scenario;

    @CommandLine.Mixin
    ReplicateOptions reps = new ReplicateOptions();

    @Option(names = "--only", paramLabel = "ID,ID", split = ",",
            description = "Run only these patterns: balloon, balloon-map, seizure-share, price, trust, development, "
                + "eradication, partnership, leadership.")
    List<String> only = new ArrayList<>();


    @Option(names = "--sensitivity", paramLabel = "N", defaultValue = "0",
            description = "Also run every pattern at N points of a Latin hypercube of uncertain parameters (default: off).")
    int sensitivity;

    @Option(names = "--sensitivity-replicates", paramLabel = "R",
            description = "Replicates per arm at each sensitivity point (default: 10, and what patterns 3 and 4 "
                + "need; with R, R for every pattern).")
    Integer sensitivityReplicates;

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: all cores, here "
            + "${sys:narcosim.cores}). Results do not depend on it.")
    Integer threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Results directory (default: "
            + "results/patterns-<scenario>-<timestamp>).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @CommandLine.Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (reps.replicates < 2) throw new Main.UserError("--replicates: need at least 2 for an interval, got " + reps.replicates);
        if (sensitivity < 0) throw new Main.UserError("--sensitivity: expected 0 or more points, got " + sensitivity);
        if (sensitivityReplicates != null && sensitivityReplicates < 2) {
            throw new Main.UserError("--sensitivity-replicates: need at least 2 for an interval, got "
                    + sensitivityReplicates);
        }
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (nThreads < 1) throw new Main.UserError("--threads: expected 1 or more, got " + nThreads);
        List<Pattern> patterns;
        try {
            patterns = only.isEmpty() ? Patterns.all() : Patterns.only(only);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError("--only: " + e.getMessage());
        }
        if (scenario == null) {
            for (Pattern p : patterns) {
                if (!Files.isRegularFile(Path.of(p.defaultScenario()))) {
                    throw new Main.UserError(p.defaultScenario() + ": no such file (run from the narcosim directory, "
                            + "or give a SCENARIO)");
                }
            }
        }
        String name = scenario == null ? "default"
                : scenario.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path dir = out != null ? out : Experiments.defaultDir("patterns-" + name);
        // Before the runs: a path that exists is never written into (nothing the user has is replaced).
        OutputPaths.checkNew(dir, out != null ? "--out" : "output directory");
        List<String> sets = scenarioOptions.sets();
        List<PatternExperiment.Trial> trials = PatternExperiment.trials(patterns, scenario, sets, reps.replicates);
        // Without --replicates, a pattern whose effect is small against its noise runs the replicates it needs
        // to be judged the same whatever the base seed (Pattern.replicatesNeeded; at 10 it was seed-lucky).
        if (!spec.commandLine().getParseResult().hasMatchedOption("--replicates")) {
            trials = PatternExperiment.withReplicatesNeeded(trials);
        }
        List<PatternExperiment.Outcome> outcomes = PatternExperiment.run(trials, reps.seed, nThreads,
                ConsoleProgress.create("patterns", err, quiet));
        Magnitudes magnitudes = Magnitudes.of(outcomes);
        Sensitivity.Result sens = null;
        if (sensitivity > 0) {
            sens = Sensitivity.run(patterns, scenario, sets, sensitivity,
                    sensitivityReplicates != null ? sensitivityReplicates : Sensitivity.DEFAULT_REPLICATES,
                    sensitivityReplicates == null, reps.seed, nThreads, ConsoleProgress.create("sensitivity", err, quiet));
        }
        PatternText.print(o, outcomes, magnitudes, sens);
        PatternFiles.write(dir, outcomes, magnitudes, sens, reps.seed);
        o.println();
        o.println("Results: " + dir);
        o.flush();
        return 0;
    }
}
