package narcosim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import narcosim.experiment.AtomicDirectory;
import narcosim.experiment.ExperimentDir;
import narcosim.experiment.Experiments;
import narcosim.experiment.Plan;
import narcosim.experiment.RunSpec;
import narcosim.scenario.RunConfig;
import narcosim.scenario.ScenarioException;

/** (Re)builds the charts of a results directory into its {@code charts/} folder. */
public final class Report {

    public static final String CHARTS = "charts";

    private Report() {
    }

    /** What was written, and what was left out and why. */
    public record Built(List<Path> files, List<String> notes) {
    }

    public static Built charts(Results r) throws IOException, Results.IncompleteResults {
        return charts(r, DEFAULT_MAP_REPLICATE);
    }

    /**
     * The charts of a results directory; for a comparison, {@code mapReplicate} (1-based) is the replicate
     * whose run is repeated under every strategy to draw its route map.
     */
    public static Built charts(Results r, int mapReplicate) throws IOException, Results.IncompleteResults {
        return charts(r, mapReplicate, null);
    }

    /**
     * As above; the route maps use the runs {@code kept} holds (those the comparison just made in this process)
     * and repeat only the others (null: repeat them all).
     */
    public static Built charts(Results r, int mapReplicate, KeptRoutes kept) throws IOException,
            Results.IncompleteResults {
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path out = r.dir().resolve(CHARTS);
        if ("levers".equals(r.kind())) return LeverReport.charts(r, out);
        if (!r.isCompare()) {
            return SweepCharts.write(r, out);
        }
        // first, so that an out-of-range replicate stops before anything is written
        routeMaps(r, mapReplicate, out, files, notes, kept);
        if (r.hasTimeseries()) {
            List<String> columns = new ArrayList<>(Outcome.OVER_TIME.stream().map(Outcome::column).toList());
            columns.addAll(narcosim.metrics.Outcomes.SHARE_COLUMNS);
            Map<String, Map<String, Results.Band>> bands = r.weeklyBands(columns);
            int[] size = Charts.timeSeriesSize(bands.size());
            for (Outcome o : Outcome.OVER_TIME) {
                files.addAll(ChartFiles.write(Charts.timeSeries(r, o, bands), out, "timeseries-" + o.column(), size[0],
                        size[1]));
            }
            // Results made before the share columns have none: no strategy moved, no chart.
            List<String> moved = Charts.moved(r, bands);
            if (!moved.isEmpty()) {
                files.addAll(ChartFiles.write(Charts.allocation(r, bands, moved), out, ALLOCATION, 900,
                        150 + 170 * moved.size()));
            }
        } else {
            notes.add("no " + ExperimentDir.TIMESERIES + " (compare ran with --no-timeseries): time-series charts skipped");
        }
        for (Outcome o : Outcome.FINAL) {
            files.addAll(ChartFiles.write(Charts.finalBars(r, o), out, "final-" + o.column()));
        }
        if (PriceParts.available(r)) {
            files.addAll(ChartFiles.write(Charts.priceParts(r), out, PRICE_PARTS));
            if (r.baseline() != null && r.strategies().size() > 1) {
                files.addAll(ChartFiles.write(Charts.pricePartChanges(r), out, PRICE_PART_CHANGES));
            }
        } else {
            notes.add("summary.csv has no parts of the price (results made before narcosim's price chain): "
                    + "price-part charts skipped");
        }
        if (r.baseline() != null) files.addAll(ChartFiles.write(Charts.tradeOff(r), out, "tradeoff"));
        else notes.add("no baseline strategy in the manifest: trade-off chart skipped");
        return new Built(files, notes);
    }

    public static final int DEFAULT_MAP_REPLICATE = 1;
    /** The chart of how the adaptive strategies' budget split moved over the campaign (ODD 7.22). */
    public static final String ALLOCATION = "allocation";
    /** The chart of the final-year price by part, per strategy. */
    public static final String PRICE_PARTS = "price-parts";
    /** The chart of each part's change against the baseline, per campaign strategy. */
    public static final String PRICE_PART_CHANGES = "price-parts-vs-baseline";
    /** Per strategy, links.csv and places.csv of the run whose route map is drawn. */
    public static final String ROUTES = "routes";

    /** The chart file name (without extension) of a strategy's route map. */
    public static String routeMapName(String strategy) {
        return "route-map-" + strategy;
    }

    /**
     * Repeats one replicate's run of every strategy (runs are deterministic: the same scenario, strategy and
     * seed give the same run whatever the threads or shards that first ran it) to record where its cocaine
     * went, unless {@code kept} holds that run from the comparison itself, then draws the route maps and writes
     * the flows under routes/.
     */
    private static void routeMaps(Results r, int replicate, Path out, List<Path> files, List<String> notes,
                                  KeptRoutes kept) throws IOException {
        Map<String, Object> manifest = new ExperimentDir(r.dir()).readManifest();
        Plan plan;
        try {
            Experiments.Request req = Experiments.requestOf(manifest);
            plan = Experiments.plan(req);
            String problem = Experiments.sameExperiment(manifest, plan, req);
            if (problem != null) {
                notes.add("route maps skipped: cannot repeat a run, " + problem);
                return;
            }
        } catch (ScenarioException | RuntimeException e) {
            notes.add("route maps skipped: cannot repeat a run (" + e.getMessage() + ")");
            return;
        }
        int reps = (int) plan.runs().stream().mapToInt(RunSpec::replicate).max().orElse(-1) + 1;
        if (replicate < 1 || replicate > reps) {
            throw new IllegalArgumentException("--map-replicate: this comparison has replicates 1 to " + reps + ", not "
                    + replicate);
        }
        Map<String, String> recorded = new java.util.HashMap<>();
        for (Map<String, String> row : ExperimentDir.records(r.dir().resolve(ExperimentDir.RUNS))) {
            recorded.put(row.get("run_id"), row.get("delivered_kg_total"));
        }
        // the strategies' runs are independent: repeat them side by side, then write in strategy order
        Map<String, RunSpec> specs = new java.util.LinkedHashMap<>();
        Map<String, java.util.concurrent.Future<RouteFlows.Run>> runs = new java.util.LinkedHashMap<>();
        int threads = Math.max(1, Math.min(r.strategies().size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (String strategy : r.strategies()) {
                RunSpec spec = plan.runs().stream()
                        .filter(s -> s.strategy().equals(strategy) && s.replicate() == replicate - 1).findFirst().orElse(null);
                if (spec == null) continue;
                RunConfig cfg;
                try {
                    cfg = plan.config(spec);
                } catch (ScenarioException e) {
                    notes.add("route map of " + strategy + " skipped: " + e.getMessage());
                    continue;
                }
                specs.put(strategy, spec);
                RouteFlows.Run done = kept == null ? null : kept.get(spec.id(), cfg);
                runs.put(strategy, done != null ? java.util.concurrent.CompletableFuture.completedFuture(done)
                        : pool.submit(() -> RouteFlows.run(cfg)));
            }
            Map<String, RouteFlows> maps = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, RunSpec> e : specs.entrySet()) {
                String strategy = e.getKey();
                RunSpec spec = e.getValue();
                RouteFlows.Run run = result(runs.get(strategy));
                String was = recorded.get(Integer.toString(spec.id()));
                if (was != null && Double.parseDouble(was) != run.result().outcome("delivered_kg_total")) {
                    notes.add("route map of " + strategy + " skipped: repeating run " + spec.id() + " gave another "
                            + "result than runs.csv records (made by another narcosim version?)");
                    continue;
                }
                maps.put(strategy, new RouteFlows(run.flows().title() + ", replicate " + replicate + " (run "
                        + spec.id() + ")", run.flows().places(), run.flows().links()));
            }
            // One scale for every strategy's map, so that equal kg look equal from map to map.
            RouteMap.Scale scale = RouteMap.Scale.common(maps.values(), "this comparison");
            for (Map.Entry<String, RouteFlows> e : maps.entrySet()) {
                RouteFlows flows = e.getValue();
                AtomicDirectory.replace(r.dir().resolve(ROUTES).resolve(e.getKey()), flows::write);
                files.addAll(RouteMap.write(flows, scale, out, routeMapName(e.getKey())));
            }
            // Every strategy's map side by side on that scale: the small multiples the report shows first.
            files.addAll(RouteMap.writeSmallMultiples(maps, scale, out, "routes-all"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static RouteFlows.Run result(java.util.concurrent.Future<RouteFlows.Run> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while repeating a run for its route map");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }
}
