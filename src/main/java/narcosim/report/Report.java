package narcosim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import narcosim.experiment.ExperimentDir;

/** (Re)builds the charts of a results directory into its {@code charts/} folder. */
public final class Report {

    public static final String CHARTS = "charts";

    private Report() {
    }

    /** What was written, and what was left out and why. */
    public record Built(List<Path> files, List<String> notes) {
    }

    public static Built charts(Results r) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path out = r.dir().resolve(CHARTS);
        if (!r.isCompare()) {
            notes.add("charts for " + r.kind() + " sweeps are not made yet (heat maps and Sobol bars come later); "
                    + "nothing written");
            return new Built(files, notes);
        }
        if (r.hasTimeseries()) {
            List<String> columns = Outcome.WEEKLY.stream().map(Outcome::column).toList();
            Map<String, Map<String, Results.Band>> bands = r.weeklyBands(columns);
            for (Outcome o : Outcome.WEEKLY) {
                add(files, Charts.timeSeries(r, o, bands), out, "timeseries-" + o.column());
            }
        } else {
            notes.add("no " + ExperimentDir.TIMESERIES + " (run compare with --timeseries): time-series charts skipped");
        }
        for (Outcome o : Outcome.FINAL) {
            add(files, Charts.finalBars(r, o), out, "final-" + o.column());
        }
        if (r.baseline() != null) add(files, Charts.tradeOff(r), out, "tradeoff");
        else notes.add("no baseline strategy in the manifest: trade-off chart skipped");
        return new Built(files, notes);
    }

    private static void add(List<Path> files, org.jfree.chart.JFreeChart chart, Path dir, String base) throws IOException {
        ChartFiles.write(chart, dir, base);
        files.add(dir.resolve(base + ".png"));
        files.add(dir.resolve(base + ".svg"));
    }
}
