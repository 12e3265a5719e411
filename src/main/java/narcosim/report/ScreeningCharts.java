package narcosim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.ui.TextAnchor;

import narcosim.experiment.ExperimentDir;
import narcosim.experiment.SweepSummary;

/**
 * The charts of a Morris screening (screening.csv): per strategy and outcome, each parameter at its mu*
 * (mean absolute elementary effect: how much it matters) against its sigma (how much that effect changes
 * with the other parameters), with mu*'s 95% bootstrap interval; parameters whose mu* interval does not
 * clear the runs' noise are grey.
 */
final class ScreeningCharts {

    private ScreeningCharts() {
    }

    /** One row of screening.csv. */
    record Row(String strategy, String outcome, String parameter, double muStar, double muStarLow, double muStarHigh,
               double mu, double sigma, double noise, boolean aboveNoise) {
    }

    static List<Row> read(Path dir) throws IOException {
        Path f = dir.resolve(SweepSummary.SCREENING);
        List<Row> rows = new ArrayList<>();
        if (!Files.isRegularFile(f)) return rows;
        for (Map<String, String> r : ExperimentDir.records(f)) {
            rows.add(new Row(r.get("strategy"), r.get("outcome"), r.get("parameter"), d(r.get("mu_star")),
                    d(r.get("mu_star_ci_low")), d(r.get("mu_star_ci_high")), d(r.get("mu")), d(r.get("sigma")),
                    d(r.get("mu_star_noise")), "true".equals(r.get("above_noise"))));
        }
        return rows;
    }

    private static double d(String v) {
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    static String name(String strategy, String outcome) {
        return "screening-" + strategy + "-" + outcome;
    }

    /** Writes one mu*-sigma chart per strategy and outcome. */
    static List<Path> write(Path dir, Path out) throws IOException {
        Map<List<String>, List<Row>> byChart = new java.util.LinkedHashMap<>();
        for (Row r : read(dir)) byChart.computeIfAbsent(List.of(r.strategy(), r.outcome()), k -> new ArrayList<>()).add(r);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<List<String>, List<Row>> e : byChart.entrySet()) {
            String strategy = e.getKey().get(0);
            String outcome = e.getKey().get(1);
            files.addAll(ChartFiles.write(chart(strategy, outcome, e.getValue()), out, name(strategy, outcome)));
        }
        return files;
    }

    static JFreeChart chart(String strategy, String outcome, List<Row> rows) {
        Outcome o = Outcome.of(outcome);
        XYIntervalSeries clear = new XYIntervalSeries("mu* above the runs' noise");
        XYIntervalSeries noisy = new XYIntervalSeries("within the runs' noise");
        double xMax = 0;
        double yMax = 0;
        for (Row r : rows) {
            double x = o.shown(r.muStar());
            double lo = o.shown(Double.isNaN(r.muStarLow()) ? r.muStar() : r.muStarLow());
            double hi = o.shown(Double.isNaN(r.muStarHigh()) ? r.muStar() : r.muStarHigh());
            double y = o.shown(r.sigma());
            (r.aboveNoise() ? clear : noisy).add(x, lo, hi, y, y, y);
            xMax = Math.max(xMax, hi);
            yMax = Math.max(yMax, y);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(clear);
        data.addSeries(noisy);
        String unit = o.unit().isEmpty() ? "" : " (" + o.unit() + ")";
        NumberAxis xAxis = new NumberAxis("mu*: mean absolute effect of moving the parameter across its range" + unit);
        NumberAxis yAxis = new NumberAxis("sigma: spread of that effect" + unit);
        xAxis.setRange(0, xMax <= 0 ? 1 : xMax * 1.25);
        yAxis.setRange(0, yMax <= 0 ? 1 : yMax * 1.15);
        XYErrorRenderer ren = new XYErrorRenderer();
        ren.setDrawYError(false);
        ren.setBaseLinesVisible(false);
        ren.setBaseShapesVisible(true);
        ren.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        ren.setSeriesShape(1, new Ellipse2D.Double(-5, -5, 10, 10));
        ren.setSeriesPaint(0, ChartStyle.OKABE_ITO[5]);
        ren.setSeriesPaint(1, Color.GRAY);
        ren.setErrorStroke(new BasicStroke(1.5f));
        ren.setCapLength(6);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, ren);
        for (Row r : rows) {
            XYTextAnnotation a = new XYTextAnnotation(" " + r.parameter(), o.shown(r.muStar()), o.shown(r.sigma()));
            a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            a.setFont(ChartStyle.ANNOTATION);
            a.setPaint(r.aboveNoise() ? Color.BLACK : Color.GRAY);
            plot.addAnnotation(a);
        }
        JFreeChart chart = new JFreeChart("What moves " + SweepCharts.lowerFirst(o.name()) + "? (" + strategy + ")",
                ChartStyle.TITLE, plot, true);
        return ChartStyle.style(chart, "Morris screening: each point a parameter; whiskers: 95% bootstrap interval of "
                + "mu* over trajectories. Right: matters more. Up: its effect depends on the other parameters "
                + "(non-linear or interacting). Grey: not clear of the runs' noise.");
    }
}
