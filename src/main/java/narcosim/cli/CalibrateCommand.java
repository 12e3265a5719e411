package narcosim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import narcosim.calibrate.Calibration;
import narcosim.calibrate.CalibrationReport;
import narcosim.calibrate.Search;
import narcosim.experiment.Experiments;
import narcosim.experiment.OutputPaths;
import narcosim.experiment.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** narcosim calibrate: fit a scenario's uncertain parameters to published figures. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a scenario's uncertain model parameters to published figures (a targets file): CMA-ES "
            + "over each parameter's prior range, every candidate run R times with the same seeds (common random "
            + "numbers), the loss the sum over the targets of ((model mean - observed) / sd)^2. Targets given to "
            + "--hold-out are left out of the loss and reported: how well the calibrated model predicts figures it "
            + "was not fitted to.", "",
            "Writes results/calibrate-<scenario>-<timestamp>/ with fit.csv (each target: observed, range, the model "
            + "mean and 95%% interval with the hand-set and the calibrated values), parameters.csv, evaluations.csv "
            + "(every candidate), <scenario>-calibrated.yaml (your scenario file with the calibrated values set and a "
            + "header saying how it was fitted), charts/ and report.html, then prints the fit table. Resumable "
            + "(--resume): the candidates done are read back, not run again. The runs of each candidate use all "
            + "cores; the search itself is sequential and is not sharded. With the defaults, the default scenario "
            + "takes about a quarter of an hour on 2 cores (about 2,200 ten-year runs).", "",
            "Then the uncertainty: ABC-SMC (Toni et al. 2009, Beaumont et al. 2009) from uniform priors over the ranges "
            + "gives each parameter's posterior mean and 95%% interval (parameters.csv), their correlations "
            + "(correlations.csv: strong ones mark parameters the targets cannot tell apart) and the particles "
            + "(posterior.csv).", "",
            "The parameters to fit and their prior ranges are the targets file's 'parameters:' list (uncertain model "
            + "parameters only: narcosim params --role model), or a subset of it with --params."},
        footer = {"", "Examples:",
            "  narcosim calibrate scenarios/central-america.yaml \\",
            "      --targets data/targets/transit-zone.yaml",
            "  narcosim calibrate scenarios/central-america.yaml \\",
            "      --targets data/targets/transit-zone.yaml \\",
            "      --set budget.total_musd_per_year=2700 --hold-out price-mexico,coca-area",
            "  narcosim calibrate scenarios/central-america.yaml \\",
            "      --targets data/targets/transit-zone.yaml \\",
            "      --resume results/calibrate-central-america-20261202-101500"})
public final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenario;

    @Option(names = "--targets", required = true, paramLabel = "FILE",
            description = "Targets file (YAML): the published figures, their ranges, standard errors and sources, and "
                + "the parameters to fit with their prior ranges (e.g. data/targets/transit-zone.yaml).")
    Path targets;

    @Option(names = "--hold-out", paramLabel = "ID,ID", split = ",",
            description = "Targets to leave out of the fit and check the calibration against (out of sample).")
    List<String> heldOut = new ArrayList<>();

    @Option(names = "--params", paramLabel = "KEY,KEY", split = ",",
            description = "Fit only these of the targets file's parameters (default: all it lists).")
    List<String> params = new ArrayList<>();

    @Option(names = {"-r", "--replicates"}, paramLabel = "R", defaultValue = "10",
            description = "Runs per candidate and strategy, with the same seeds at every candidate (default: "
                + "${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Base seed of the runs and of the optimiser (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--evaluations", paramLabel = "N", defaultValue = "120",
            description = "Most candidates to evaluate, the starting point included (default: ${DEFAULT-VALUE}).")
    int evaluations;

    @Option(names = "--population", paramLabel = "N",
            description = "Candidates per CMA-ES generation (default: 4 + 3 ln d for d parameters).")
    Integer population;

    @Option(names = "--sigma", paramLabel = "S", defaultValue = "0.3",
            description = "Initial step of the search as a share of each prior range (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--particles", paramLabel = "N", defaultValue = "100",
            description = "Particles of the posterior (ABC-SMC) that gives the fitted parameters' intervals and "
                + "correlations; 0 for the point fit only (default: ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--generations", paramLabel = "N", defaultValue = "4",
            description = "ABC-SMC generations, each with a tighter tolerance (the previous one's median distance); "
                + "the first samples the prior (default: ${DEFAULT-VALUE}).")
    int generations;

    @CommandLine.Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: all cores, here "
            + "${sys:narcosim.cores}).")
    Integer threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Calibration directory (default: results/calibrate-<scenario>-<timestamp>).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Go on with an interrupted calibration in DIR: give "
            + "the same command and options as the first time, or more --evaluations or --generations to run a "
            + "finished one longer (what was done is read back, not run again).")
    Path resume;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (replicates < 2) throw new Main.UserError("--replicates: expected at least 2 (a model interval needs 2), got "
                + replicates);
        if (evaluations < 2) throw new Main.UserError("--evaluations: expected at least 2, got " + evaluations);
        if (!(sigma > 0 && sigma <= 1)) throw new Main.UserError("--sigma: expected a share of the range above 0 and "
                + "at most 1, got " + sigma);
        if (population != null && population < 2) {
            throw new Main.UserError("--population: expected at least 2, got " + population);
        }
        if (particles < 0 || particles == 1) {
            throw new Main.UserError("--particles: expected 0 (no posterior) or at least 2, got " + particles);
        }
        if (particles > 0 && (generations < 2 || generations > 20)) {
            throw new Main.UserError("--generations: expected a whole number from 2 to 20 (the first samples the "
                    + "prior), got " + generations);
        }
        if (threads != null && threads < 1) throw new Main.UserError("--threads: expected at least 1, got " + threads);
        if (resume != null && out != null) {
            throw new Main.UserError("give --out DIR for a new calibration or --resume DIR to go on with one, not both");
        }
        if (!Files.isRegularFile(targets)) {
            throw new Main.UserError("--targets " + targets + ": no such file");
        }
        // Everything is read and checked before any directory is made.
        // (without --population, the setup takes CMA-ES's default for the number of parameters)
        Calibration.Setup setup = Calibration.setup(request(population == null ? 0 : population));
        Path dir;
        if (resume != null) {
            if (!Files.isDirectory(resume)) {
                throw new Main.UserError("--resume " + OutputPaths.shown(resume) + ": no such calibration directory");
            }
            dir = resume;
        } else {
            dir = out != null ? out : Experiments.defaultDir("calibrate-" + setup.scenarioName());
            OutputPaths.checkNew(dir, out != null ? "--out" : "output directory");
        }
        var err = spec.commandLine().getErr();
        var o = spec.commandLine().getOut();
        Calibration.Result r;
        String task = "calibrate-" + setup.scenarioName();
        try {
            r = Calibration.run(setup, dir, resume != null, threads != null ? threads
                    : Runtime.getRuntime().availableProcessors(), stage -> ConsoleProgress.create(
                            stage.equals("fit") ? task : task + " posterior generation " + stage.substring(10)
                                    + " (runs = accepted particles)", err, quiet));
        } catch (Search.CandidateFailed e) {
            throw new Main.UserError("a candidate's runs failed (" + e.getMessage() + "); the candidates before it are "
                    + "kept in " + dir + "; narrow the prior range of the parameter that caused it, in a new directory");
        }
        o.printf("narcosim calibrate: %s against %s, %d parameters, %d candidates x %d runs%n", setup.scenarioName(),
                targets.getFileName(), r.priors().size(), r.evaluations().size(), r.runsPerCandidate());
        o.print(CalibrationReport.table(r));
        o.println("Calibrated scenario: " + r.scenarioFile());
        o.println("Results: " + dir + " (fit.csv, parameters.csv, evaluations.csv, charts/, report.html, manifest.yaml)");
        o.flush();
        return 0;
    }

    private Calibration.Request request(int lambda) {
        return new Calibration.Request(scenario, scenarioOptions.sets(), targets, params, heldOut, replicates, seed,
                evaluations, lambda, sigma, particles, generations);
    }
}
