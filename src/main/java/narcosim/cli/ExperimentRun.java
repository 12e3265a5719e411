package narcosim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import narcosim.experiment.CompareSummary;
import narcosim.experiment.ExperimentDir;
import narcosim.experiment.Experiments;
import narcosim.experiment.OutputPaths;
import narcosim.experiment.Plan;
import narcosim.experiment.Runner;
import narcosim.experiment.Shard;

/** What compare and sweep share: choose the directory and shard, run, merge when complete, report. */
final class ExperimentRun {

    private ExperimentRun() {
    }

    /** Builds the request and plan of an experiment command and runs it (compare, levers, sweep). */
    static int request(Plan.Kind kind, Path file, ScenarioOptions scenario, List<String> strategies, int replicates,
                       long seed, ExperimentOptions opts, picocli.CommandLine.Model.CommandSpec spec) throws Exception {
        Experiments.Request req = new Experiments.Request(kind, file, scenario.sets(), strategies, replicates, seed,
                opts.timeseries(kind));
        return execute(Experiments.plan(req), req, opts, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** A comparison whose changes are stated against {@code reference} (null: the strategy without a campaign). */
    static int compare(Path file, ScenarioOptions scenario, List<String> strategies, int replicates, long seed,
                       String reference, ExperimentOptions opts, picocli.CommandLine.Model.CommandSpec spec)
            throws Exception {
        return withReference(new Experiments.Request(Plan.Kind.COMPARE, file, scenario.sets(), strategies, replicates,
                seed, opts.timeseries(Plan.Kind.COMPARE)), reference, "baseline", "the compared strategies", opts, spec);
    }

    /** A sweep, its findings compared with {@code reference} (null: the sweep file's, else baseline). */
    static int sweep(Path file, ScenarioOptions scenario, int replicates, long seed, String reference,
                     ExperimentOptions opts, picocli.CommandLine.Model.CommandSpec spec) throws Exception {
        return withReference(new Experiments.Request(Plan.Kind.SWEEP, file, scenario.sets(), null, replicates, seed,
                opts.timeseries(Plan.Kind.SWEEP)), reference, "reference", "the sweep's strategies", opts, spec);
    }

    /**
     * Builds the plan of a request and runs it, with --reference (when given) checked against the plan's strategies
     * and recorded under {@code key} of its design.
     */
    private static int withReference(Experiments.Request req, String reference, String key, String whose,
                                     ExperimentOptions opts, picocli.CommandLine.Model.CommandSpec spec) throws Exception {
        Plan plan = Experiments.plan(req);
        if (reference != null) {
            @SuppressWarnings("unchecked")
            List<String> strategies = (List<String>) plan.description().get("strategies");
            if (!strategies.contains(reference)) {
                throw new Main.UserError("--reference: expected one of " + whose + " (" + String.join(", ", strategies)
                        + "), got '" + reference + "'" + narcosim.scenario.YamlNodes.suggest(reference, strategies));
            }
            plan.description().put(key, reference);
        }
        return execute(plan, req, opts, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    static int execute(Plan plan, Experiments.Request req, ExperimentOptions opts, PrintWriter out, PrintWriter err)
            throws Exception {
        Shard shard = shard(opts);
        if (opts.resume != null && opts.out != null) {
            throw new Main.UserError("give --out DIR for a new experiment or --resume DIR to go on with one, not both");
        }
        Path dirPath = opts.resume != null ? opts.resume : opts.out != null ? opts.out : Experiments.defaultDir(plan.name());
        String option = opts.resume != null ? "--resume" : opts.out != null ? "--out" : "output directory";
        ExperimentDir dir = new ExperimentDir(dirPath);
        if (opts.resume != null) {
            if (!Files.isDirectory(dirPath)) {
                throw new Main.UserError("--resume " + OutputPaths.shown(dirPath) + ": no such experiment directory");
            }
            // A start killed before its manifest was written leaves at most parts/: nothing ran, so start afresh.
            if (dir.readManifest() == null && !onlyStartingShards(dirPath)) {
                throw new Main.UserError("--resume " + dirPath + ": no experiment there (no " + ExperimentDir.MANIFEST + ")");
            }
        } else if (shard.count() == 1 || !Files.isDirectory(dirPath)) {
            // A new experiment goes into a new directory: nothing that exists is written into.
            OutputPaths.checkNew(dirPath, option);
        } else if (dir.readManifest() == null && !onlyStartingShards(dirPath)) {
            // The shards of an array job share one directory, which the first to start creates; a shard run again
            // goes on in it (the manifest is checked to be the same experiment below).
            throw new Main.UserError(option + " " + dirPath + ": exists and is not an experiment directory (no "
                    + ExperimentDir.MANIFEST + "); choose a new directory");
        }
        Files.createDirectories(dir.parts());
        try (ExperimentDir.Lock lock = dir.lockShard(shard)) {
            Map<String, Object> manifest = dir.readManifest();
            if (manifest != null && opts.resume == null && shard.count() == 1) {
                throw new Main.UserError(dirPath + " already holds an experiment; resume it with --resume " + dirPath
                        + ", or choose another --out");
            }
            checkSame(dirPath, manifest, plan, req, shard);
            if (manifest != null && plan.kind() == Plan.Kind.COMPARE && manifest.get("design") instanceof Map<?, ?> d
                    && d.containsKey("baseline")
                    && !java.util.Objects.equals(d.get("baseline"), plan.description().get("baseline"))) {
                Object was = d.get("baseline");
                throw new Main.UserError("cannot continue the comparison in " + dirPath + " with reference "
                        + plan.description().get("baseline") + ": it was started " + (was == null ? "without --reference"
                        : "with reference " + was + (was.equals(d.get("no_campaign")) ? " (the default)" : " (--reference)")));
            }
            if (manifest != null && plan.kind() == Plan.Kind.SWEEP && manifest.get("design") instanceof Map<?, ?> d
                    && !java.util.Objects.equals(d.get("reference"), plan.description().get("reference"))
                    && plan.description().get("reference") != null) {
                throw new Main.UserError("cannot continue the sweep in " + dirPath + " with reference "
                        + plan.description().get("reference") + ": it was started with " + (d.get("reference") == null
                        ? "the default reference" : "reference " + d.get("reference")));
            }
            dir.writeManifestIfAbsent(Experiments.manifest(plan, req, shard));
            // The shards of an array job start together: another one may have written the manifest first.
            if (manifest == null) checkSame(dirPath, dir.readManifest(), plan, req, shard);
            return runAndReport(plan, req, opts, dir, shard, out, err);
        }
    }

    private static int runAndReport(Plan plan, Experiments.Request req, ExperimentOptions opts, ExperimentDir dir,
                                    Shard shard, PrintWriter out, PrintWriter err) throws Exception {
        Path dirPath = dir.path();
        String task = plan.name() + (shard.count() > 1 ? " shard " + shard : "");
        Runner.Outcome o;
        // A comparison's report draws the route maps of one replicate's runs: keep them as they finish here
        // rather than run them again for the report.
        narcosim.report.KeptRoutes kept = plan.kind() == Plan.Kind.COMPARE
                ? new narcosim.report.KeptRoutes(narcosim.report.Report.DEFAULT_MAP_REPLICATE) : null;
        try (Runner.Progress progress = ConsoleProgress.create(task, err, opts.quiet)) {
            o = Runner.execute(plan, dir, shard, opts.threads(), req.timeseries(), progress, kept);
        }
        Experiments.Merged merged;
        try (ExperimentDir.Lock merging = dir.lockMerge()) {
            merged = Experiments.merge(dir, plan, shard.count(), req.timeseries());
        }
        if (!o.failures().isEmpty()) {
            err.println("narcosim: " + o.failures().size() + " run(s) failed:");
            for (String f : o.failures().subList(0, Math.min(20, o.failures().size()))) err.println("  " + f);
            if (o.failures().size() > 20) err.println("  ... (all in " + dir.parts() + ")");
            err.println("narcosim: the other runs are saved; after fixing the cause, run the same command with --resume "
                    + dirPath);
            err.flush();
            return 1;
        }
        if (!merged.complete()) {
            out.println("shard " + shard + " of " + plan.name() + " done (" + o.done() + " runs now, " + o.skipped()
                    + " before) in " + dirPath + ".");
            out.println("When every shard is done: narcosim merge " + dirPath);
            out.flush();
            return 0;
        }
        if (plan.kind() == Plan.Kind.COMPARE) {
            @SuppressWarnings("unchecked")
            List<String> strategies = (List<String>) plan.description().get("strategies");
            CompareSummary cs = new CompareSummary(ExperimentDir.records(dirPath.resolve(ExperimentDir.RUNS)), strategies,
                    plan.outcomeNames(), (String) plan.description().get("baseline"),
                    (String) plan.description().get("no_campaign"), (Integer) plan.description().get("replicates"));
            out.printf("narcosim compare: %s, %d strategies x %d replicates (common random numbers), %d-year runs%n",
                    plan.base().name(), strategies.size(), plan.description().get("replicates"),
                    plan.config(plan.runs().get(0)).weeks() / 52);
            out.print(cs.table());
            out.println(ReportCommand.chartsOf(dirPath, kept));
        } else if (plan.kind() == Plan.Kind.LEVERS) {
            narcosim.experiment.LeverSummary ls = new narcosim.experiment.LeverSummary(plan,
                    ExperimentDir.records(dirPath.resolve(ExperimentDir.RUNS)));
            out.printf("narcosim levers: %s, strategy %s, %s variants x %d replicates (common random numbers), %d-year "
                    + "runs%n", plan.base().name(), plan.description().get("strategy"), plan.description().get("points"),
                    plan.description().get("replicates"), plan.config(plan.runs().get(0)).weeks() / 52);
            out.print(ls.table());
            out.println(ReportCommand.chartsOf(dirPath));
        } else {
            out.printf("narcosim sweep: %s, %d runs (%s design, %s points)%n", plan.name(), plan.runs().size(),
                    plan.description().get("type"), plan.description().get("points"));
            Map<String, Object> design = sweepDesign(dir, plan);
            out.print(narcosim.experiment.SweepEffects.table(design, narcosim.experiment.SweepEffects.compute(design,
                    ExperimentDir.records(dirPath.resolve(ExperimentDir.RUNS)))));
            out.println(ReportCommand.chartsOf(dirPath));
        }
        out.println("Results: " + dirPath + " (runs.csv, " + (plan.kind() == Plan.Kind.LEVERS
                ? narcosim.experiment.LeverSummary.FILE : "summary.csv")
                + (Files.exists(dirPath.resolve(narcosim.experiment.SweepEffects.FILE)) ? ", "
                        + narcosim.experiment.SweepEffects.FILE : "")
                + (Files.exists(dirPath.resolve("sensitivity.csv")) ? ", sensitivity.csv" : "")
                + (Files.exists(dirPath.resolve(narcosim.experiment.SweepSummary.SCREENING)) ? ", "
                        + narcosim.experiment.SweepSummary.SCREENING : "")
                + (req.timeseries() ? ", " + ExperimentDir.TIMESERIES : "") + ", manifest.yaml)");
        out.flush();
        return 0;
    }

    /** The sweep's design as its manifest records it (the reference it was started with), else the plan's. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sweepDesign(ExperimentDir dir, Plan plan) throws java.io.IOException {
        Map<String, Object> manifest = dir.readManifest();
        return manifest != null && manifest.get("design") instanceof Map<?, ?> d ? (Map<String, Object>) d
                : plan.description();
    }

    private static void checkSame(Path dirPath, Map<String, Object> manifest, Plan plan, Experiments.Request req,
                                  Shard shard) throws Exception {
        String problem = Experiments.sameExperiment(manifest, plan, req);
        if (problem != null) throw new Main.UserError("cannot continue the experiment in " + dirPath + ": " + problem);
        if (manifest != null && ((Number) manifest.get("shards")).intValue() != shard.count()) {
            throw new Main.UserError(dirPath + " was started with " + manifest.get("shards") + " shard(s), now "
                    + shard.count());
        }
    }

    /**
     * True when a directory in which no manifest was found holds nothing but what a shard starting at the
     * same moment writes first (parts/, the manifest's temporary file, the manifest itself if it appeared
     * since), or nothing at all. The manifest is checked once it is in place.
     */
    private static boolean onlyStartingShards(Path dirPath) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.list(dirPath)) {
            return s.map(p -> p.getFileName().toString()).allMatch(n -> n.equals("parts")
                    || n.equals(ExperimentDir.MANIFEST) || n.startsWith(".manifest"));
        }
    }

    static Shard shard(ExperimentOptions opts) {
        try {
            if (opts.shard != null) return Shard.parse(opts.shard);
            Shard env = Shard.fromEnvironment(System.getenv(), opts.shardCount);
            return env != null ? env : Shard.ALL;
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(e.getMessage());
        }
    }
}
