package narcosim.validation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.TextAnchor;

import narcosim.report.ChartStyle;

/**
 * The figure of a pattern: each arm's weekly series, averaged over replicates and smoothed, over the
 * campaign years, in the project's colour-blind-safe palette.
 */
final class PatternCharts {

    private static final Font MARKER = new Font("SansSerif", Font.PLAIN, 14);

    private PatternCharts() {
    }

    /** Trailing mean over the last w values (fewer at the start). */
    static double[] trailingMean(double[] x, int w) {
        double[] out = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i];
            if (i >= w) s -= x[i - w];
            out[i] = s / Math.min(i + 1, w);
        }
        return out;
    }

    static JFreeChart chart(PatternExperiment.Outcome o) {
        Pattern.Figure f = o.pattern().figure(o.scenario(), o.runs());
        XYSeriesCollection data = new XYSeriesCollection();
        int weeks = Integer.MAX_VALUE;
        for (Map.Entry<String, List<PatternRun>> arm : o.runs().entrySet()) {
            if (!f.shows(arm.getKey())) continue;
            for (Pattern.Line line : f.lines()) {
                List<PatternRun> reps = arm.getValue();
                double[] mean = null;
                for (PatternRun r : reps) {
                    double[] s = line.series().of(r);
                    if (mean == null) mean = new double[s.length];
                    for (int w = 0; w < s.length; w++) mean[w] += s[w] / reps.size();
                }
                mean = trailingMean(mean, f.smoothWeeks());
                weeks = Math.min(weeks, mean.length);
                String key = line.label().isEmpty() ? arm.getKey() : line.label() + ", " + arm.getKey();
                XYSeries xy = new XYSeries(key, false, false);
                for (int w = 0; w < mean.length; w++) xy.add((w + 1) / 52.0, mean[w]);
                data.addSeries(xy);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(f.title(), "campaign year", f.yLabel(), data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(true, false);
        int lines = f.lines().size();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            // Colour by arm; a second series of the same arm is dashed.
            rend.setSeriesPaint(i, ChartStyle.colour(i / lines));
            rend.setSeriesStroke(i, i % lines == 0 ? new BasicStroke(2.2f)
                    : new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
        }
        plot.setRenderer(rend);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setRange(0, weeks / 52.0);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(false);
        y.configure();
        String text = o.scenario().name() + ": mean of " + o.trial().replicates() + " paired replicates per arm"
                + (f.smoothWeeks() > 1 ? ", " + f.smoothWeeks() + "-week trailing mean" : "")
                + (y.getLowerBound() > 0 ? "; the axis does not start at zero" : "");
        ChartStyle.style(chart, text);
        if (f.marker() >= 0) {
            ValueMarker m = new ValueMarker(f.marker() / 52.0, Color.DARK_GRAY, new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            m.setLabel(f.markerLabel());
            m.setLabelFont(MARKER);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        return chart;
    }
}
