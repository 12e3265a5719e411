package narcosim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import narcosim.experiment.Experiments;
import narcosim.experiment.OutputPaths;
import narcosim.optimize.OptimizeReport;
import narcosim.optimize.Optimization;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** narcosim optimize: search the budget split and doctrine for the best trade-offs between outcomes. */
@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find the strategies that trade your objectives off best at one budget: a multi-objective "
            + "search (NSGA-II, MOEA Framework) over a strategy's budget shares (military, police, development, "
            + "partnership, adding up to the whole budget) and the doctrine switches the scenario's strategies set "
            + "(targeting, rules of engagement, eradication, leadership targeting, vetting, a focus region); with "
            + "--adaptive, an adaptive strategy's rule thresholds too. Every "
            + "candidate runs R replicates with the same seeds as every other candidate and as the scenario's preset "
            + "strategies (common random numbers), so that differences are the strategies', not the draws'.", "",
            "Writes results/optimize-<scenario>-<timestamp>/ with front.csv (the Pareto front: every share, switch "
            + "and objective with its 95%% interval), evaluations.csv (every candidate and preset), presets.csv "
            + "(which presets the front dominates and by how much, as paired differences), <scenario>-optimized.yaml "
            + "(your scenario file with the best candidates added as strategies optimized-1, -2, ...: the best on "
            + "each objective and the balanced one; run narcosim compare on it), charts/ (each pair of objectives, "
            + "the presets marked), report.html, runs.csv and manifest.yaml; then prints the presets' standing.", "",
            "Objectives are outcomes of narcosim outcomes with :min or :max; constraints bound an outcome's mean "
            + "(collateral_harm_total<=50); both may come from a spec file instead (--spec). Resumable (--resume): "
            + "every run is recorded as it ends, and the search replays what was done. A candidate's runs use all "
            + "cores; the generations follow one another (--shard splits each over a cluster). With the defaults (600 "
            + "candidates x 10 replicates, about 6,100 ten-year runs of about 0.8 s) the default scenario takes about "
            + "45 minutes on 2 idle cores."},
        footer = {"", "Examples:",
            "  narcosim optimize scenarios/central-america.yaml --budget 1500 \\",
            "      --objectives delivered_kg_total:min,violent_incidents_total:min \\",
            "      --objectives mean_trust_final_year:max",
            "  narcosim optimize scenarios/central-america.yaml --spec my-goals.yaml",
            "  narcosim optimize scenarios/central-america.yaml \\",
            "      --resume results/optimize-central-america-20261202-101500",
            "  narcosim compare DIR/central-america-optimized.yaml --seed 2   # fresh seeds",
            "  narcosim optimize scenarios/central-america.yaml --adaptive adaptive-trust \\",
            "      --objectives delivered_kg_total:min,mean_trust_final_year:max \\",
            "      --threshold-range trust-low=0.3:0.5",
            "", "DIR is the optimisation's directory.", "",
            "A spec file (YAML):",
            "  objectives:",
            "    - delivered_kg_total: min",
            "    - mean_trust_final_year: max",
            "  constraints:",
            "    - collateral_harm_total <= 50",
            "  switches: [military.targeting, police.vetting]   # optional: the switches to search"})
public final class OptimizeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenario;

    @Option(names = "--objectives", paramLabel = "OUTCOME:min|max,...", split = ",",
            description = "Two or more outcomes to make as small (min) or as large (max) as can be, e.g. "
                + "delivered_kg_total:min,mean_trust_final_year:max (narcosim outcomes lists them). Repeatable.")
    List<String> objectives = new ArrayList<>();

    @Option(names = "--constraint", paramLabel = "OUTCOME<=X",
            description = "A bound on an outcome's mean that every strategy of the front must keep, e.g. "
                + "collateral_harm_total<=50 or mean_trust_final_year>=0.4. Repeatable.")
    List<String> constraints = new ArrayList<>();

    @Option(names = "--spec", paramLabel = "FILE",
            description = "Objectives, constraints and switches from a YAML file instead (see below).")
    Path specFile;

    @Option(names = "--budget", paramLabel = "MUSD",
            description = "Total budget, US$ million a year, that every candidate and preset splits (default: the "
                + "scenario's).")
    Double budget;

    @Option(names = "--switches", paramLabel = "KEY,KEY", split = ",",
            description = "Doctrine switches to search (default: every one the scenario's strategies set; 'none' for "
                + "the budget shares alone). The others keep the scenario file's values.")
    List<String> switches;

    @Option(names = "--adaptive", paramLabel = "ID",
            description = "Search adaptive strategy ID (one with rules) instead of the scenario's first: candidates "
                + "keep its rules, and each rule's threshold is searched too, on a range: a change on the year before "
                + "-0.5 to 0.5, a trust or share 0 to 1, another indicator half to one and a half times the file's "
                + "threshold; or as given by --threshold-range.")
    String adaptive;

    @Option(names = "--threshold-range", paramLabel = "RULE=LOW:HIGH",
            description = "The range to search a rule's threshold on (the rule's id, or its position from 0), e.g. "
                + "trust-low=0.2:0.6; with --adaptive. Repeatable.")
    List<String> thresholdRanges = new ArrayList<>();

    @Option(names = "--search-moves", description = "With --adaptive: search each rule's move too (the share of the "
            + "budget it moves when it fires), 0 to 0.3 in thousandths.")
    boolean searchMoves;

    @Option(names = {"-r", "--replicates"}, paramLabel = "R", defaultValue = "10",
            description = "Runs per candidate, on the same seeds for every candidate (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--evaluations", paramLabel = "N", defaultValue = "600",
            description = "Candidates to evaluate, rounded up to whole generations (default: ${DEFAULT-VALUE}).")
    int evaluations;

    @Option(names = "--population", paramLabel = "N", defaultValue = "" + Optimization.POPULATION,
            description = "Candidates per NSGA-II generation (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Base seed of the runs and of the search (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: all cores, here "
            + "${sys:narcosim.cores}).")
    Integer threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Optimisation directory (default: results/optimize-<scenario>-<timestamp>).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Go on with an interrupted optimisation in DIR: give "
            + "the same command and options as the first time, or more --evaluations to search longer (what was "
            + "run is read back, not run again).")
    Path resume;

    @Option(names = "--shard", paramLabel = "K/N", description = "Do share K of N of the next generation's runs, into "
            + "the directory of -o or --resume (shared by the shards; made by the first), and stop. Run the N shards "
            + "of a generation side by side (a cluster's array job), then the next generation's; when a shard finds "
            + "nothing left to run, finish with --resume DIR without --shard, which writes the results (README: "
            + "Strategy search).")
    String shard;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (replicates < 2) {
            throw new Main.UserError("--replicates: expected at least 2 (an interval needs 2), got " + replicates);
        }
        if (population < 4 || population % 2 != 0) {
            throw new Main.UserError("--population: expected an even number of at least 4 (NSGA-II pairs its "
                    + "parents), got " + population);
        }
        if (evaluations < population) {
            throw new Main.UserError("--evaluations: expected at least one generation (--population " + population
                    + "), got " + evaluations);
        }
        if (budget != null && !(budget > 0 && budget < 1e7)) {
            throw new Main.UserError("--budget: expected US$ million a year above 0, got " + budget);
        }
        if (threads != null && threads < 1) throw new Main.UserError("--threads: expected at least 1, got " + threads);
        if (specFile == null && objectives.isEmpty()) {
            throw new Main.UserError("--objectives: expected two or more outcomes with :min or :max (e.g. "
                    + "--objectives delivered_kg_total:min,mean_trust_final_year:max), or a --spec file");
        }
        if (specFile != null && !Files.isRegularFile(specFile)) {
            throw new Main.UserError("--spec " + specFile + ": no such file");
        }
        if (resume != null && out != null) {
            throw new Main.UserError("give --out DIR for a new optimisation or --resume DIR to go on with one, not both");
        }
        narcosim.experiment.Shard part = narcosim.experiment.Shard.ALL;
        if (shard != null) {
            try {
                part = narcosim.experiment.Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                throw new Main.UserError(e.getMessage());
            }
            if (out == null && resume == null) {
                throw new Main.UserError("--shard: give the directory the shards share, with -o DIR or --resume DIR");
            }
        }
        List<String> sw = switches == null ? null : switches.equals(List.of("none")) ? List.of() : switches;
        // Everything is read and checked before any directory is made.
        Optimization.Setup setup = Optimization.setup(new Optimization.Request(scenario, scenarioOptions.sets(),
                budget, objectives, constraints, specFile, sw, replicates, seed, evaluations, population, adaptive,
                thresholdRanges, searchMoves));
        Path dir;
        if (part.count() > 1) {
            dir = resume != null ? resume : out;
        } else if (resume != null) {
            if (!Files.isDirectory(resume)) {
                throw new Main.UserError("--resume " + OutputPaths.shown(resume) + ": no such optimisation directory");
            }
            dir = resume;
        } else {
            dir = out != null ? out : Experiments.defaultDir("optimize-" + setup.scenarioName());
            OutputPaths.checkNew(dir, out != null ? "--out" : "output directory");
        }
        var err = spec.commandLine().getErr();
        var o = spec.commandLine().getOut();
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (part.count() > 1) {
            int g = Optimization.runShard(setup, dir, cores, ConsoleProgress.create("optimize-" + setup.scenarioName()
                    + " shard " + part, err, quiet), part);
            o.println(g < 0 ? "narcosim optimize: every run of the search is recorded in " + dir + "; write the results "
                    + "with the same command, --resume " + dir + " and no --shard"
                    : "narcosim optimize: shard " + part + " did its share of generation " + (g + 1) + " of "
                    + setup.generations() + (g == 0 ? " (and of the presets)" : "") + " in " + dir + "; when every "
                    + "shard of it is done, run the shards again for the next");
            o.flush();
            return 0;
        }
        Optimization.Result r = Optimization.run(setup, dir, resume != null, cores,
                ConsoleProgress.create("optimize-" + setup.scenarioName(), err, quiet));
        o.printf("narcosim optimize: %s, %d generations of %d candidates x %d replicates%n", setup.scenarioName(),
                r.generations(), population, replicates);
        o.print(OptimizeReport.summary(r));
        o.println("Optimised scenario: " + r.scenarioFile());
        o.println("Results: " + dir + " (front.csv, evaluations.csv, presets.csv, charts/, report.html, manifest.yaml)");
        o.flush();
        return 0;
    }
}
