package narcosim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import narcosim.experiment.ExperimentDir;
import narcosim.report.HtmlReport;
import narcosim.report.Report;
import narcosim.report.Results;
import narcosim.report.RouteFlows;
import narcosim.report.RouteMap;
import narcosim.report.SweepReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** narcosim report: (re)build the charts and report.html of a results directory. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"(Re)build the charts (PNG and SVG, in DIR/charts/) and report.html (one self-contained page "
            + "to hand on) of a finished results directory.", "",
            "compare: weekly outcomes over time with 95%% bands (compare keeps them unless --no-timeseries), final outcomes per "
            + "strategy with 95%% confidence intervals, the trade-off between flow reduction and trust, the final-year "
            + "gateway price by part per strategy and each part's change against the baseline, and one route "
            + "map per strategy (routes drawn by kg carried, seizures, nations) of one replicate, repeated from the "
            + "manifest's scenario and seed (its flows go to DIR/routes/<strategy>/); report.html has the scenario, "
            + "budgets, findings with intervals, the comparison table, why the price moves (its parts, the largest "
            + "changes per strategy, prices along the chain), charts, routes, seeds and parameters.", "",
            "sweep: per outcome a heat map over two varied parameters (the first two; in a Sobol design the two with "
            + "the largest total-order index) (grid: one cell per pair of levels; "
            + "Latin hypercube and Sobol: points binned into a coarse grid), one panel per strategy; for Sobol "
            + "designs the first- and total-order indices with 95%% bootstrap intervals; report.html has the design, "
            + "parameter ranges, findings and charts.", "",
            "run (a directory of narcosim run): redraws route-map.png/.svg from its links.csv and places.csv.", "",
            "An incomplete or foreign directory is named with what is missing (exit 2)."},
        footer = {"", "Examples:", "  narcosim report results/compare-central-america-20261122-101500",
            "  narcosim report results/compare-central-america-20261122-101500 \\",
            "      --map-replicate 3",
            "  narcosim report results/sobol-core-20261122-101500",
            "  narcosim report results/central-america-integrated-s7"})
public final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "Results directory written by narcosim compare, sweep (or merge) or run.")
    Path dir;

    @Option(names = "--map-replicate", paramLabel = "N", defaultValue = "1",
            description = "For a comparison: the replicate (1 = the first) whose run is drawn as route maps "
                    + "(default: ${DEFAULT-VALUE}).")
    int mapReplicate;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (isRunDirectory(dir)) {
            out.println("wrote " + routeMapOfRun(dir));
            out.flush();
            return 0;
        }
        Results r = open(dir);
        Report.Built built = charts(r, mapReplicate);
        for (String note : built.notes()) out.println("note: " + note);
        if (!built.files().isEmpty()) {
            out.println("wrote " + built.files().size() + " chart files (PNG and SVG) to " + dir.resolve(Report.CHARTS));
        }
        out.println("wrote " + htmlReport(r));
        out.flush();
        return 0;
    }

    /** A directory written by narcosim run: a summary.csv and timeseries.csv, and no experiment manifest. */
    static boolean isRunDirectory(Path dir) {
        return Files.isRegularFile(dir.resolve("timeseries.csv")) && Files.isRegularFile(dir.resolve(Results.SUMMARY))
                && !Files.exists(dir.resolve(ExperimentDir.MANIFEST));
    }

    /** Redraws a run directory's route map from its links.csv and places.csv. */
    static Path routeMapOfRun(Path dir) throws Exception {
        Map<String, String> row = null;
        for (Map<String, String> r : ExperimentDir.records(dir.resolve(Results.SUMMARY))) {
            row = r;
            break;
        }
        if (row == null || row.get("scenario") == null || row.get("strategy") == null || row.get("seed") == null) {
            throw new Main.UserError(dir.resolve(Results.SUMMARY) + ": not the summary of a narcosim run "
                    + "(no scenario, strategy and seed)");
        }
        int years = row.get("run.years") != null ? (int) Double.parseDouble(row.get("run.years")) : 0;
        RouteFlows flows;
        try {
            flows = RouteFlows.read(dir, RouteFlows.title(row.get("scenario"), row.get("strategy"), row.get("seed"), years));
        } catch (Results.IncompleteResults e) {
            throw new Main.UserError(e.getMessage());
        }
        RouteMap.write(flows, dir, RunCommand.ROUTE_MAP);
        return dir.resolve(RunCommand.ROUTE_MAP + ".png");
    }

    private static Results open(Path dir) {
        try {
            return Results.open(dir);
        } catch (Results.IncompleteResults e) {
            throw new Main.UserError(e.getMessage());
        } catch (java.io.IOException e) {
            throw new Main.UserError(dir + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static Report.Built charts(Results r, int mapReplicate) throws Exception {
        return charts(r, mapReplicate, null);
    }

    private static Report.Built charts(Results r, int mapReplicate, narcosim.report.KeptRoutes kept) throws Exception {
        try {
            return Report.charts(r, mapReplicate, kept);
        } catch (Results.IncompleteResults e) {
            throw new Main.UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            // an out-of-range --map-replicate
            throw new Main.UserError(e.getMessage());
        }
    }

    private static Path htmlReport(Results r) throws Exception {
        try {
            if ("levers".equals(r.kind())) return narcosim.report.LeverReport.write(r);
            return r.isCompare() ? HtmlReport.write(r) : SweepReport.write(r);
        } catch (Results.IncompleteResults e) {
            throw new Main.UserError(e.getMessage());
        }
    }

    /** Charts and report of a just-finished experiment; lines saying where they are (and what was left out). */
    static String chartsOf(Path dir) throws Exception {
        return chartsOf(dir, null);
    }

    /** As above, drawing route maps from the runs {@code kept} holds instead of repeating them (null: none). */
    static String chartsOf(Path dir, narcosim.report.KeptRoutes kept) throws Exception {
        Results r = open(dir);
        Report.Built built = charts(r, Report.DEFAULT_MAP_REPLICATE, kept);
        StringBuilder sb = new StringBuilder("Charts: " + dir.resolve(Report.CHARTS) + " (" + built.files().size()
                + " files)");
        for (String note : built.notes()) sb.append("; ").append(note);
        sb.append("\nReport: ").append(htmlReport(r));
        return sb.toString();
    }
}
