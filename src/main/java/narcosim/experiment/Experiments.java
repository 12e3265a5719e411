package narcosim.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVPrinter;

import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.Specs;
import narcosim.scenario.YamlNodes;
import narcosim.util.Version;

/**
 * Experiments from start to finish: the plan of a comparison, running a shard of it into a directory
 * (resuming what was done), and merging complete parts into the final files. The manifest records
 * what was asked, so that {@code merge} and {@code run --from} can rebuild the same plan.
 */
public final class Experiments {

    private Experiments() {
    }

    /** What the user asked for; stored in the manifest under "request". */
    public record Request(Plan.Kind kind, Path file, List<String> sets, List<String> strategies, int replicates,
                          long seed, boolean timeseries) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
            // Absolute, so that merge, --resume and run --from work from any directory.
            m.put("file", file.toAbsolutePath().normalize().toString());
            m.put("sets", new ArrayList<>(sets));
            m.put("strategies", strategies == null ? null : new ArrayList<>(strategies));
            m.put("replicates", replicates);
            m.put("seed", seed);
            m.put("timeseries", timeseries);
            return m;
        }

        @SuppressWarnings("unchecked")
        static Request fromMap(Map<String, Object> m) {
            return new Request(Plan.Kind.valueOf(((String) m.get("kind")).toUpperCase(java.util.Locale.ROOT)),
                    Path.of((String) m.get("file")), (List<String>) m.get("sets"), (List<String>) m.get("strategies"),
                    ((Number) m.get("replicates")).intValue(), ((Number) m.get("seed")).longValue(),
                    Boolean.TRUE.equals(m.get("timeseries")));
        }
    }

    /** The request recorded in a manifest. */
    @SuppressWarnings("unchecked")
    public static Request requestOf(Map<String, Object> manifest) {
        return Request.fromMap((Map<String, Object>) manifest.get("request"));
    }

    /** Builds the plan a request describes. */
    public static Plan plan(Request req) throws ScenarioException {
        if (req.kind() == Plan.Kind.COMPARE) return comparePlan(req);
        if (req.kind() == Plan.Kind.LEVERS) return Levers.plan(req);
        return SweepFile.load(req.file(), req.sets()).plan(req.seed(), req.replicates());
    }

    /** Every strategy (or those asked for) x replicates, with common random numbers. */
    public static Plan comparePlan(Request req) throws ScenarioException {
        if (req.replicates() < 1) {
            throw new ScenarioException("--replicates", 0, "", "expected at least 1 replicate, got " + req.replicates());
        }
        YamlNodes.Parsed source = YamlNodes.parse(req.file());
        Scenario sc = ScenarioLoader.load(source, req.sets());
        List<String> strategies = req.strategies() == null || req.strategies().isEmpty() ? sc.strategyIds()
                : req.strategies();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String s : strategies) {
            if (!seen.add(s)) {
                throw new ScenarioException(req.file().toString(), 0, "--strategies", "strategy '" + s
                        + "' is listed twice; list each strategy once (its replicates already share their seeds)");
            }
            if (sc.strategy(s).isEmpty()) {
                throw new ScenarioException(req.file().toString(), 0, "--strategies", "no strategy '" + s
                        + "' in this scenario; it has " + String.join(", ", sc.strategyIds()));
            }
        }
        List<RunSpec> runs = Plan.crossed(List.of(Map.of()), strategies, req.replicates(), req.seed());
        Map<String, Object> design = new LinkedHashMap<>();
        design.put("type", "compare");
        design.put("strategies", strategies);
        design.put("replicates", req.replicates());
        design.put("baseline", baseline(sc, strategies));
        // The strategy without a campaign: costs per kg kept off are counted against it, also when compare
        // --reference states the changes against another strategy (design "baseline").
        design.put("no_campaign", baseline(sc, strategies));
        return new Plan(Plan.Kind.COMPARE, "compare-" + sc.name(), req.file(), req.sets(), sc, runs, List.of(),
                List.of(), design, null, null, source);
    }

    /** The strategy others are compared with: "baseline" if present, else the first with no campaign. */
    public static String baseline(Scenario sc, List<String> strategies) {
        if (strategies.contains("baseline")) return "baseline";
        for (String s : strategies) {
            Specs.Strategy st = sc.strategy(s).orElseThrow();
            if (!st.shares().isCampaign()) return s;
        }
        return null;
    }

    /** Default directory: results/NAME-yyyyMMdd-HHmmss. */
    public static Path defaultDir(String name) {
        return OutputPaths.free(Path.of("results",
                name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
    }

    /** The manifest of a new experiment. */
    public static Map<String, Object> manifest(Plan plan, Request req, Shard shard) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("narcosim_version", Version.get());
        m.put("name", plan.name());
        m.put("request", req.toMap());
        m.put("scenario", plan.scenarioFile().toString());
        m.put("scenario_sha256", sha256(plan.scenarioFile()));
        if (req.kind() == Plan.Kind.SWEEP) m.put("sweep_sha256", sha256(req.file()));
        m.put("design", plan.description());
        m.put("runs", plan.runs().size());
        m.put("seeds", plan.morris() != null ? "seed of a run = SplitMix64(base " + req.seed() + ", 0, replicate): "
                + "the same replicate has the same seed at every design point and under every strategy (common random "
                + "numbers for elementary effects)" : "seed of a run = SplitMix64(base " + req.seed() + ", design point, replicate); "
                + "the same replicate has the same seed under every strategy");
        m.put("shards", shard.count());
        // What each recorded outcome is, and its unit, from the outcome catalogue.
        try {
            m.put("outcomes", narcosim.metrics.Outcomes.describe(plan.outcomeNames()));
        } catch (ScenarioException e) {
            throw new IllegalStateException("the plan's outcomes were listed before", e);
        }
        m.put("started", now());
        m.put("finished", null);
        return m;
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time now, to the second (UTC), as the manifest records when an experiment started and finished. */
    public static String now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /**
     * Checks that a directory holds this same experiment (resume, another shard): same request and
     * unchanged input files. Returns a problem, or null.
     */
    @SuppressWarnings("unchecked")
    public static String sameExperiment(Map<String, Object> manifest, Plan plan, Request req) throws IOException {
        if (manifest == null) return null;
        Map<String, Object> asked = (Map<String, Object>) manifest.get("request");
        Map<String, Object> now = req.toMap();
        if (asked == null) return "its manifest has no request";
        for (String k : List.of("kind", "sets", "strategies", "replicates", "seed", "timeseries")) {
            Object a = asked.get(k);
            Object b = now.get(k);
            if (a instanceof Number na && b instanceof Number nb ? na.longValue() != nb.longValue()
                    : !java.util.Objects.equals(a, b)) {
                return "it was started with " + k + " = " + a + ", now " + b;
            }
        }
        if (!sha256(plan.scenarioFile()).equals(manifest.get("scenario_sha256"))) {
            return "the scenario file " + plan.scenarioFile() + " changed since it was started";
        }
        if (req.kind() == Plan.Kind.SWEEP && !sha256(req.file()).equals(manifest.get("sweep_sha256"))) {
            return "the sweep file " + req.file() + " changed since it was started";
        }
        if (((Number) manifest.get("runs")).intValue() != plan.runs().size()) return "its number of runs differs";
        return null;
    }

    /**
     * Writes the final files from complete parts: runs.csv, summary.csv (and sensitivity.csv for Sobol
     * designs), timeseries.csv.gz if recorded, failures.csv if any. Returns the failures.
     */
    public static Merged merge(ExperimentDir dir, Plan plan, int shards, boolean timeseries) throws Exception {
        List<String> outcomes = plan.outcomeNames();
        List<String> header = Runner.runsHeader(plan, outcomes);
        TreeMap<Integer, List<String>> failed = dir.failures(shards, Runner.FAILURE_HEADER);
        TreeMap<Integer, ExperimentDir.Lines> rows;
        try {
            rows = dir.collectRuns(shards, plan.runs().size(), header, header.size() - outcomes.size());
        } catch (ExperimentDir.IncompleteException e) {
            for (Integer id : e.missingRuns()) {
                if (!failed.containsKey(id)) return new Merged(false, e.getMessage(), failed);
            }
            if (!e.missingShards().isEmpty()) return new Merged(false, e.getMessage(), failed);
            return new Merged(false, e.missingRuns().size() + " run(s) failed: " + failed.keySet()
                    + "; see " + dir.path().resolve("parts") + " (failures-*.csv), fix and run again with --resume", failed);
        }
        failed.keySet().removeIf(rows::containsKey);
        // Every line of every part is checked before anything is written.
        List<String> tsHeader = timeseries ? Runner.timeseriesHeader(Runner.weeklyNames(plan)) : null;
        TreeMap<Integer, ExperimentDir.Lines> weekly = timeseries
                ? dir.collectTimeseries(shards, tsHeader, plan.runs().size()) : null;
        dir.writeRuns(header, rows);
        Iterable<Map<String, String>> records = ExperimentDir.records(dir.path().resolve(ExperimentDir.RUNS));
        if (plan.kind() == Plan.Kind.COMPARE) {
            @SuppressWarnings("unchecked")
            List<String> strategies = (List<String>) plan.description().get("strategies");
            // The reference a comparison was started with (compare --reference), as the manifest says.
            Map<String, Object> manifest = dir.readManifest();
            if (manifest != null && manifest.get("design") instanceof Map<?, ?> d && d.get("baseline") instanceof String ref) {
                plan.description().put("baseline", ref);
            }
            CompareSummary cs = new CompareSummary(records, strategies, outcomes,
                    (String) plan.description().get("baseline"), (String) plan.description().get("no_campaign"),
                    (Integer) plan.description().get("replicates"));
            writeTable(dir.path().resolve("summary.csv"), CompareSummary.HEADER, cs.rows());
        } else if (plan.kind() == Plan.Kind.LEVERS) {
            LeverSummary ls = new LeverSummary(plan, records);
            writeTable(dir.path().resolve(LeverSummary.FILE), LeverSummary.HEADER, ls.rows());
        } else {
            // The reference strategy the sweep was started with (the file's, or sweep --reference), as the manifest says.
            Map<String, Object> manifest = dir.readManifest();
            if (manifest != null && manifest.get("design") instanceof Map<?, ?> d && d.get("reference") instanceof String ref) {
                plan.description().put("reference", ref);
            }
            SweepSummary.write(dir.path(), plan, records);
        }
        writeCatalogue(dir.path().resolve(CATALOGUE), outcomes);
        if (weekly != null) dir.writeTimeseries(tsHeader, weekly);
        dir.updateManifest(Map.of("finished", now()));
        AtomicDirectory.deleteTemporaries(dir.path());
        AtomicDirectory.deleteTemporaries(dir.parts());
        return new Merged(true, null, failed);
    }

    /** The outcome catalogue of an experiment's files, for notebooks and other tools. */
    public static final String CATALOGUE = "outcomes.csv";

    /**
     * outcomes.csv: the catalogue's entry for every column of runs.csv and summary.csv (and the cost per kg kept
     * off) and for the weekly outcomes of timeseries.csv.gz: label, title, stored unit, the factor to the unit
     * shown, how a change is stated, the window a figure is stated over and its place among the headline measures
     * (the terminal's and report.html's table). Notebooks read names, units, windows
     * and change statistics from here, as the terminal and report.html read them from the catalogue.
     */
    static void writeCatalogue(Path file, List<String> measures) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<narcosim.metrics.Outcome> all = new ArrayList<>();
        for (String m : measures) {
            narcosim.metrics.Outcome o = narcosim.metrics.Outcomes.measure(m);
            if (o != null) all.add(o);
        }
        all.add(narcosim.metrics.Outcomes.COST_PER_KG_KEPT_OFF);
        for (narcosim.metrics.Outcomes.Weekly w : narcosim.metrics.Outcomes.weekly(null)) all.add(w.outcome());
        List<String> headline = narcosim.metrics.Outcomes.HEADLINE;
        for (narcosim.metrics.Outcome o : all) {
            rows.add(List.of(o.name(), o.label(), o.title(), o.unit(), narcosim.util.Fmt.num(o.displayScale()),
                    o.displayUnit(), o.change().name().toLowerCase(java.util.Locale.ROOT),
                    o.window().name().toLowerCase(java.util.Locale.ROOT), o.kind().name().toLowerCase(java.util.Locale.ROOT),
                    headline.contains(o.name()) ? Integer.toString(headline.indexOf(o.name()) + 1) : "", o.description()));
        }
        writeTable(file, List.of("outcome", "label", "title", "unit", "display_scale", "display_unit", "change", "window",
                "kind", "headline", "description"), rows);
    }

    /** Result of a merge attempt. */
    public record Merged(boolean complete, String problem, Map<Integer, List<String>> failures) {
    }

    public static void writeTable(Path file, List<String> header, List<List<String>> rows) throws IOException {
        AtomicDirectory.writeFile(file, f -> {
            try (var w = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, RunOutput.CSV)) {
                csv.printRecord(header);
                for (List<String> r : rows) csv.printRecord(r);
            }
        });
    }
}
