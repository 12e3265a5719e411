package narcosim.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import narcosim.experiment.ExperimentDir;

/** What the charts read from a finished results directory: the manifest, summary.csv and runs.csv. */
public final class Results {

    public static final String SUMMARY = "summary.csv";

    /** Weekly values are averaged over 4-week periods before the charts: week to week they are too spiky to read. */
    public static final int WEEKS_PER_PERIOD = 4;

    private final Path dir;
    private final String name;
    private final String kind;
    private final List<String> strategies;
    private final String baseline;
    private final String noCampaign;
    /** strategy -> outcome -> summary.csv row */
    private final Map<String, Map<String, Map<String, String>>> summary;

    private Results(Path dir, String name, String kind, List<String> strategies, String baseline, String noCampaign,
            Map<String, Map<String, Map<String, String>>> summary) {
        this.noCampaign = noCampaign;
        this.dir = dir;
        this.name = name;
        this.kind = kind;
        this.strategies = strategies;
        this.baseline = baseline;
        this.summary = summary;
    }

    /**
     * Opens a results directory, or says in one line what is missing.
     *
     * @throws IncompleteResults when it is not a finished results directory
     */
    @SuppressWarnings("unchecked")
    public static Results open(Path dir) throws IOException, IncompleteResults {
        if (!Files.isDirectory(dir)) throw new IncompleteResults(dir + " is not a directory");
        Map<String, Object> manifest = new ExperimentDir(dir).readManifest();
        if (manifest == null) {
            throw new IncompleteResults(dir + " is not a results directory (no " + ExperimentDir.MANIFEST + ")");
        }
        if (manifest.get("finished") == null) {
            throw new IncompleteResults(dir + " is incomplete: " + ExperimentDir.MANIFEST
                    + " has no 'finished' time (interrupted run? resume it or run narcosim merge " + dir + ")");
        }
        Object kindOf = manifest.get("design") instanceof Map<?, ?> dm ? dm.get("type") : null;
        for (String f : List.of(ExperimentDir.RUNS, "levers".equals(kindOf) ? narcosim.experiment.LeverSummary.FILE
                : SUMMARY)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new IncompleteResults(dir + " is incomplete: no " + f);
            }
        }
        Object designObj = manifest.get("design");
        Map<String, Object> design = designObj instanceof Map ? (Map<String, Object>) designObj : Map.of();
        String kind = String.valueOf(design.getOrDefault("type", "unknown"));
        List<String> strategies = new ArrayList<>();
        if (design.get("strategies") instanceof List<?> l) for (Object o : l) strategies.add(String.valueOf(o));
        String baseline = design.get("baseline") == null ? null : String.valueOf(design.get("baseline"));
        // The strategy without a campaign (cost per kg kept off): the baseline unless compare --reference named another.
        String noCampaign = design.get("no_campaign") == null ? baseline : String.valueOf(design.get("no_campaign"));
        Map<String, Map<String, Map<String, String>>> summary = new LinkedHashMap<>();
        if ("compare".equals(kind)) {
            for (Map<String, String> row : ExperimentDir.records(dir.resolve(SUMMARY))) {
                summary.computeIfAbsent(row.get("strategy"), k -> new HashMap<>()).put(row.get("outcome"), row);
            }
            if (strategies.isEmpty()) strategies.addAll(summary.keySet());
        }
        return new Results(dir, String.valueOf(manifest.getOrDefault("name", dir.getFileName())), kind,
                List.copyOf(strategies), baseline, noCampaign, summary);
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return name;
    }

    /** The design type from the manifest: compare, grid, lhs, sobol, ... */
    public String kind() {
        return kind;
    }

    public boolean isCompare() {
        return "compare".equals(kind);
    }

    public List<String> strategies() {
        return strategies;
    }

    /** The strategy the others' changes are stated against (no campaign, or compare --reference's). */
    public String baseline() {
        return baseline;
    }

    /** How the page names the strategy changes are stated against: "baseline", or "reference" under --reference. */
    public String referenceWord() {
        return baseline != null && noCampaign != null && !baseline.equals(noCampaign) ? "reference" : "baseline";
    }

    /** The strategy without a campaign that costs per kg kept off are counted against (the baseline by default). */
    public String noCampaign() {
        return noCampaign;
    }

    public boolean hasTimeseries() {
        return Files.isRegularFile(dir.resolve(ExperimentDir.TIMESERIES));
    }

    /** A number from summary.csv, or NaN when the cell is empty or absent. */
    public double summary(String strategy, String outcome, String field) {
        Map<String, Map<String, String>> s = summary.get(strategy);
        Map<String, String> row = s == null ? null : s.get(outcome);
        String v = row == null ? null : row.get(field);
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    /** Per 4-week period, the mean over replicates of one weekly outcome (averaged over the period) and its 95% interval. */
    public record Band(double[] mean, double[] low, double[] high) {
    }

    /**
     * Reads timeseries.csv.gz once and returns, per strategy and outcome column, the mean over
     * replicates of each 4-week period's average with a 95% t-interval.
     */
    public Map<String, Map<String, Band>> weeklyBands(List<String> columns) throws IOException {
        Map<String, String> strategyOfRun = new HashMap<>();
        for (Map<String, String> row : ExperimentDir.records(dir.resolve(ExperimentDir.RUNS))) {
            strategyOfRun.put(row.get("run_id"), row.get("strategy"));
        }
        // run -> column -> period -> sum over the period's weeks (rows of one run are together, in week order)
        Map<String, Map<String, TreeMap<Integer, SummaryStatistics>>> stats = new HashMap<>();
        try (Reader r = new InputStreamReader(new GZIPInputStream(Files.newInputStream(dir.resolve(ExperimentDir.TIMESERIES))),
                StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            String run = null;
            Map<String, TreeMap<Integer, SummaryStatistics>> perRun = new HashMap<>();
            for (CSVRecord rec : p) {
                String id = rec.get("run_id");
                if (!id.equals(run)) {
                    addRun(stats, strategyOfRun.get(run), perRun);
                    run = id;
                    perRun = new HashMap<>();
                }
                int period = Integer.parseInt(rec.get("week")) / WEEKS_PER_PERIOD;
                for (String c : columns) {
                    if (!rec.isMapped(c)) continue;
                    perRun.computeIfAbsent(c, k -> new TreeMap<>()).computeIfAbsent(period, k -> new SummaryStatistics())
                            .addValue(Double.parseDouble(rec.get(c)));
                }
            }
            addRun(stats, strategyOfRun.get(run), perRun);
        }
        Map<String, Map<String, Band>> out = new LinkedHashMap<>();
        for (String strategy : strategies) {
            Map<String, TreeMap<Integer, SummaryStatistics>> byColumn = stats.get(strategy);
            if (byColumn == null) continue;
            Map<String, Band> bands = new LinkedHashMap<>();
            for (String c : columns) {
                TreeMap<Integer, SummaryStatistics> weeks = byColumn.get(c);
                if (weeks == null) continue;
                int n = weeks.lastKey() + 1;
                double[] mean = new double[n];
                double[] low = new double[n];
                double[] high = new double[n];
                java.util.Arrays.fill(mean, Double.NaN);
                java.util.Arrays.fill(low, Double.NaN);
                java.util.Arrays.fill(high, Double.NaN);
                for (Map.Entry<Integer, SummaryStatistics> e : weeks.entrySet()) {
                    SummaryStatistics s = e.getValue();
                    int w = e.getKey();
                    mean[w] = s.getMean();
                    double half = s.getN() > 1
                            ? new TDistribution(s.getN() - 1).inverseCumulativeProbability(0.975) * s.getStandardDeviation()
                                    / Math.sqrt(s.getN())
                            : 0;
                    low[w] = mean[w] - half;
                    high[w] = mean[w] + half;
                }
                bands.put(c, new Band(mean, low, high));
            }
            out.put(strategy, bands);
        }
        return out;
    }

    /** Adds one run's period means to its strategy's statistics over replicates. */
    private static void addRun(Map<String, Map<String, TreeMap<Integer, SummaryStatistics>>> stats, String strategy,
            Map<String, TreeMap<Integer, SummaryStatistics>> perRun) {
        if (strategy == null) return;
        Map<String, TreeMap<Integer, SummaryStatistics>> byColumn = stats.computeIfAbsent(strategy, k -> new HashMap<>());
        for (Map.Entry<String, TreeMap<Integer, SummaryStatistics>> c : perRun.entrySet()) {
            TreeMap<Integer, SummaryStatistics> periods = byColumn.computeIfAbsent(c.getKey(), k -> new TreeMap<>());
            for (Map.Entry<Integer, SummaryStatistics> e : c.getValue().entrySet()) {
                periods.computeIfAbsent(e.getKey(), k -> new SummaryStatistics()).addValue(e.getValue().getMean());
            }
        }
    }

    /** The directory is not a finished results directory; the message says what is missing. */
    public static final class IncompleteResults extends Exception {
        private static final long serialVersionUID = 1L;

        public IncompleteResults(String message) {
            super(message);
        }
    }
}
