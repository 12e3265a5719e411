package narcosim.gui;

import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JFrame;
import javax.swing.JPanel;

import narcosim.metrics.WeeklyCollector;
import narcosim.model.NarcoModel;
import narcosim.report.ChartStyle;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import sim.util.media.chart.TimeSeriesAttributes;
import sim.util.media.chart.TimeSeriesChartGenerator;

/**
 * The live charts: one weekly outcome each, read from the model's collector (never from agents), against
 * the campaign week (negative during the burn-in). Flows are drawn as a moving mean of the last
 * {@link #SMOOTH_WEEKS} weeks. Delivered flow is drawn with the expectation without
 * a campaign: the mean delivery over the second half of the burn-in (the first half is the network
 * settling), carried forward as a flat line from week 0.
 */
public final class LiveCharts {

    /** Weeks in the moving mean of flows: shipments arrive in lumps, and a class should see the trend. */
    static final int SMOOTH_WEEKS = 4;

    /** One chart: its title, the collector column, its axis label, and whether it is a flow (smoothed). */
    record Chart(String title, String column, String axis, boolean flow) {
    }

    static final List<Chart> CHARTS = List.of(
            new Chart("Delivered to the market", "delivered_kg", "kg/week, 4-week mean", true),
            new Chart("Seized", "seized_kg", "kg/week, 4-week mean", true),
            new Chart("Price at the market", "price_usd_kg", "US$ per kg", false),
            new Chart("Mean trust in the state", "mean_trust", "0 to 1", false),
            new Chart("Violent incidents", "violent_incidents", "per week, 4-week mean", true),
            new Chart("Recruits to trafficking", "recruits", "per week, 4-week mean", true));

    private final List<XYSeries> series = new ArrayList<>();
    private final XYSeries expected = new XYSeries("Expected without the campaign", false);
    private final List<TimeSeriesChartGenerator> generators = new ArrayList<>();
    private final List<double[]> recent = new ArrayList<>();
    private double burnInSum;
    private int burnInWeeks;

    public LiveCharts() {
        for (Chart c : CHARTS) series.add(new XYSeries(c.title(), false));
    }

    /** The chart panels in one window (built on the Swing thread by the GUI). */
    JFrame createFrame() {
        JPanel grid = new JPanel(new GridLayout(2, 3));
        for (int i = 0; i < CHARTS.size(); i++) {
            Chart c = CHARTS.get(i);
            TimeSeriesChartGenerator g = new TimeSeriesChartGenerator();
            // Small panels: the unit goes in the title, where it stays legible.
            g.setTitle(c.title() + " (" + c.axis() + ")");
            g.setXAxisLabel("campaign week");
            g.setYAxisLabel("");
            TimeSeriesAttributes a = (TimeSeriesAttributes) g.addSeries(series.get(i), null);
            a.setStrokeColor(ChartStyle.OKABE_ITO[i == 0 ? 0 : 4]);
            if (i == 0) {
                TimeSeriesAttributes b = (TimeSeriesAttributes) g.addSeries(expected, null);
                b.setStrokeColor(ChartStyle.OKABE_ITO[1]);
                b.setDashPattern(2);
            }
            // Every outcome is zero or more; a flat zero series should show 0 to 1, not a magnified rounding error.
            NumberAxis y = (NumberAxis) g.getChart().getXYPlot().getRangeAxis();
            y.setRangeType(RangeType.POSITIVE);
            y.setAutoRangeMinimumSize(1.0);
            generators.add(g);
            grid.add(g.getChartPanel() != null ? g.getChartPanel() : g);
        }
        JFrame f = new JFrame("narcosim: outcomes week by week");
        f.getContentPane().add(grid);
        f.setDefaultCloseOperation(JFrame.HIDE_ON_CLOSE);
        return f;
    }

    /** Starts afresh (a new run). */
    void clear() {
        for (XYSeries s : series) s.clear();
        expected.clear();
        recent.clear();
        burnInSum = 0;
        burnInWeeks = 0;
    }

    /** Adds the week just closed. */
    void record(NarcoModel model) {
        WeeklyCollector c = model.collector();
        if (c.latest() == null) return;
        int week = model.week() - 1; // the week just closed
        recent.add(c.latest());
        if (recent.size() > SMOOTH_WEEKS) recent.remove(0);
        for (int i = 0; i < CHARTS.size(); i++) {
            Chart chart = CHARTS.get(i);
            series.get(i).add(week, chart.flow() ? recentMean(c.column(chart.column())) : c.latest(chart.column()), false);
        }
        double delivered = c.latest("delivered_kg");
        if (week < 0 && week >= -model.burnInWeeks() / 2) {
            burnInSum += delivered;
            burnInWeeks++;
        }
        if (week >= 0 && burnInWeeks > 0) expected.add(week, burnInSum / burnInWeeks, false);
        long steps = model.schedule.getSteps();
        for (TimeSeriesChartGenerator g : generators) g.updateChartLater(steps);
    }

    private double recentMean(int column) {
        double sum = 0;
        for (double[] row : recent) sum += row[column];
        return sum / recent.size();
    }

    /** Expected weekly delivery without the campaign (the burn-in's second-half mean); NaN before it is known. */
    public double expectedDeliveredKg() {
        return burnInWeeks == 0 ? Double.NaN : burnInSum / burnInWeeks;
    }

    XYSeries series(String column) {
        for (int i = 0; i < CHARTS.size(); i++) {
            if (CHARTS.get(i).column().equals(column)) return series.get(i);
        }
        throw new IllegalArgumentException(column);
    }
}
