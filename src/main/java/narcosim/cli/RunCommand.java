package narcosim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import narcosim.experiment.OutputPaths;
import narcosim.experiment.RunOutput;
import narcosim.experiment.RunResult;
import narcosim.model.NarcoModel;
import narcosim.report.RouteFlows;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** narcosim run: one strategy, one seed, written to a results directory. */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run one strategy of a scenario with one seed and write its results.", "",
            "Writes results/<scenario>-<strategy>-s<seed>/ with timeseries.csv (one row per week, every weekly "
                + "outcome), summary.csv (one row: every parameter, the seed, the version, and the outcomes over the "
                + "horizon and the final year), scenario.yaml (the resolved scenario as run), links.csv (per link: kg "
                + "carried, arrived, seized and lost over the campaign), places.csv (coordinates, nation, kg seized) and "
                + "route-map.png/.svg (routes drawn by carried flow, seizures, nations), then prints a one-screen "
                + "summary. The directory appears only when complete."},
        footer = {"", "Examples:",
            "  narcosim run scenarios/central-america.yaml --strategy integrated --seed 7 \\",
            "      --years 10",
            "  narcosim run scenarios/central-america.yaml --strategy military-surge \\",
            "      --set military.rules_of_engagement=permissive",
            "  narcosim run scenarios/central-america.yaml \\",
            "      --set budget.total_musd_per_year=3000 \\",
            "      --set places.guaviare_meta.coca_ha=40000",
            "", "See every parameter with: narcosim params"})
public final class RunCommand implements Callable<Integer> {

    static final String ROUTE_MAP = "route-map";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenario;

    @CommandLine.Mixin
    ScenarioOptions options = new ScenarioOptions();

    @Option(names = {"-s", "--strategy"}, paramLabel = "ID",
            description = "Strategy to run (default: the scenario's first).")
    String strategy;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output directory (default: results/<scenario>-<strategy>-s<seed>).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print only the output directory.")
    boolean quiet;

    @Option(names = "--from", paramLabel = "DIR", description = "Repeat one run of an experiment (compare or sweep) "
            + "alone, with exactly its strategy, seed and parameters; give --run ID (the run_id column of runs.csv).")
    Path from;

    @Option(names = "--run", paramLabel = "ID", description = "With --from: the run to repeat.")
    Integer runId;

    @Override
    public Integer call() throws Exception {
        RunConfig cfg;
        Path dir;
        if (from != null) {
            cfg = fromExperiment();
            dir = out != null ? out : OutputPaths.free(Path.of("results", cfg.scenario().name() + "-" + cfg.strategy().id()
                    + "-run" + runId));
        } else {
            if (runId != null) throw new Main.UserError("--run needs --from DIR (the experiment directory)");
            Scenario sc = ScenarioLoader.load(scenario, options.sets());
            String id = strategy != null ? strategy : sc.strategies().get(0).id();
            cfg = sc.forStrategy(id, seed);
            dir = out != null ? out : OutputPaths.free(Path.of("results", sc.name() + "-" + id + "-s" + seed));
        }
        // Before the run: a path that exists is never written into (nothing the user has is replaced).
        OutputPaths.checkNew(dir, out != null ? "--out" : "output directory");
        long t0 = System.nanoTime();
        NarcoModel model = new NarcoModel(cfg);
        model.runToEnd();
        RunResult r = RunResult.of(model);
        RouteFlows flows = RouteFlows.of(model, RouteFlows.title(cfg));
        double secs = (System.nanoTime() - t0) / 1e9;
        RunOutput.write(dir, r, tmp -> flows.writeWithMap(tmp, ROUTE_MAP));
        String caps = model.capsNote();
        if (!caps.isEmpty()) {
            PrintWriter e = spec.commandLine().getErr();
            e.println("narcosim: note: " + caps);
            e.flush();
        }
        PrintWriter o = spec.commandLine().getOut();
        if (quiet) {
            o.println(dir);
        } else {
            o.print(SummaryTable.render(r, secs, dir));
        }
        o.flush();
        return 0;
    }

    private RunConfig fromExperiment() throws Exception {
        if (runId == null) throw new Main.UserError("--from needs --run ID (a run_id of the experiment's runs.csv)");
        if (strategy != null || !options.sets().isEmpty() || !spec.commandLine().getParseResult().matchedOptions().stream()
                .noneMatch(o -> o.longestName().equals("--seed"))) {
            throw new Main.UserError("--from repeats a run exactly as the experiment ran it: leave out --strategy, "
                    + "--seed, --set and --years");
        }
        narcosim.experiment.ExperimentDir dir = new narcosim.experiment.ExperimentDir(from);
        java.util.Map<String, Object> manifest = dir.readManifest();
        if (manifest == null) throw new Main.UserError(from + " is not an experiment directory (no manifest.yaml)");
        narcosim.experiment.Experiments.Request req = narcosim.experiment.Experiments.requestOf(manifest);
        narcosim.experiment.Plan plan = narcosim.experiment.Experiments.plan(req);
        String problem = narcosim.experiment.Experiments.sameExperiment(manifest, plan, req);
        if (problem != null) throw new Main.UserError("cannot repeat a run of " + from + ": " + problem);
        if (!java.nio.file.Files.isSameFile(scenario, plan.scenarioFile())) {
            throw new Main.UserError(from + " ran " + plan.scenarioFile() + ", not " + scenario);
        }
        if (runId < 0 || runId >= plan.runs().size()) {
            throw new Main.UserError("--run: " + from + " has runs 0 to " + (plan.runs().size() - 1) + ", not " + runId);
        }
        return plan.config(plan.runs().get(runId));
    }
}
