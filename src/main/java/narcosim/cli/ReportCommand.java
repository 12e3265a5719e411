package narcosim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import narcosim.report.Report;
import narcosim.report.Results;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** narcosim report: (re)build the charts of a results directory. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"(Re)build report.html (one self-contained page to hand on: scenario, strategies and budgets, "
            + "findings with intervals, comparison table, charts, seeds, parameters) and the charts of a finished "
            + "compare results directory, into DIR/charts/ as PNG and SVG: "
            + "weekly outcomes over time with 95%% bands (needs compare --timeseries), final outcomes per strategy with "
            + "95%% confidence intervals, and the trade-off between flow reduction and trust. An incomplete or foreign "
            + "directory is named with what is missing (exit 2)."},
        footer = {"", "Example:", "  narcosim report results/compare-central-america-20261122-101500"})
public final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Results directory written by narcosim compare.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Results r;
        try {
            r = Results.open(dir);
        } catch (Results.IncompleteResults e) {
            throw new Main.UserError(e.getMessage());
        }
        Report.Built built = Report.charts(r);
        PrintWriter out = spec.commandLine().getOut();
        for (String note : built.notes()) out.println("note: " + note);
        if (!built.files().isEmpty()) {
            out.println("wrote " + built.files().size() + " chart files (PNG and SVG) to " + dir.resolve(Report.CHARTS));
        }
        if (r.isCompare()) out.println("wrote " + narcosim.report.HtmlReport.write(r));
        out.flush();
        return 0;
    }

    /** Charts of a just-finished comparison; a line saying where they are (and what was left out). */
    static String chartsOf(Path dir) throws Exception {
        Results r = Results.open(dir);
        Report.Built built = Report.charts(r);
        StringBuilder sb = new StringBuilder("Charts: " + dir.resolve(Report.CHARTS) + " (" + built.files().size()
                + " files)");
        for (String note : built.notes()) sb.append("; ").append(note);
        if (r.isCompare()) sb.append("\nReport: ").append(narcosim.report.HtmlReport.write(r));
        return sb.toString();
    }
}
