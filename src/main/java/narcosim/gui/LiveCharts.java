package narcosim.gui;

import java.awt.Color;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JFrame;
import javax.swing.JPanel;

import narcosim.metrics.Outcome;
import narcosim.metrics.Outcomes;
import narcosim.metrics.WeeklyCollector;
import narcosim.model.NarcoModel;
import narcosim.report.ChartStyle;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
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
    /** Point sizes of chart titles and of every other chart text. */
    static final int TITLE_PT = 15;
    static final int TEXT_PT = 13;

    /** One chart: its title, the collector column, its axis label, and whether it is a flow (smoothed). */
    record Chart(String title, String column, String axis, boolean flow) {
    }

    /** The catalogue's weekly charts ({@link Outcomes#WEEKLY_CHARTS}), in the units the model keeps them in. */
    static final List<Chart> CHARTS = Outcomes.WEEKLY_CHARTS.stream().map(LiveCharts::chart).toList();

    private static Chart chart(String column) {
        Outcome o = Outcomes.weeklyOutcome(column);
        boolean flow = o.kind() == Outcome.Kind.FLOW;
        String axis = flow ? o.unit() + " a week (" + SMOOTH_WEEKS + "-week mean)" : o.unit();
        if (column.equals("delivered_kg")) axis += "; dashed: expected without the campaign";
        return new Chart(o.label(), column, axis, flow);
    }

    private final List<XYSeries> series = new ArrayList<>();
    private final XYSeries expected = new XYSeries("Expected without the campaign", false);
    private final List<TimeSeriesChartGenerator> generators = new ArrayList<>();
    private final List<double[]> recent = new ArrayList<>();
    private double burnInSum;
    private int burnInWeeks;

    /** With several markets (ODD 7.14), each market's price beside the wholesale price, its colour named. */
    private final List<XYSeries> marketPrices = new ArrayList<>();
    private final List<String> marketColumns = new ArrayList<>();
    private static final int[] MARKET_COLOURS = {5, 3, 6, 2, 1};
    private static final String[] MARKET_COLOUR_NAMES = {"red", "green", "purple", "light blue", "orange"};
    private String marketsNote = "";

    public LiveCharts() {
        this(List.of());
    }

    /** Charts of a scenario with these markets (with several, the price chart draws each market's price too). */
    public LiveCharts(List<narcosim.scenario.Specs.Market> markets) {
        for (Chart c : CHARTS) series.add(new XYSeries(c.title(), false));
        if (markets.size() > 1) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < markets.size() && k < MARKET_COLOURS.length; k++) {
                marketPrices.add(new XYSeries(markets.get(k).name(), false));
                marketColumns.add(narcosim.metrics.Outcomes.marketPriceColumn(markets.get(k).id()));
                names.add(markets.get(k).id() + " " + MARKET_COLOUR_NAMES[k]);
            }
            marketsNote = "; thin: " + String.join(", ", names);
        }
    }

    /** The chart panels in one window (built on the Swing thread by the GUI). */
    JFrame createFrame() {
        JPanel grid = new JPanel(new GridLayout(2, 3));
        for (int i = 0; i < CHARTS.size(); i++) {
            Chart c = CHARTS.get(i);
            TimeSeriesChartGenerator g = new TimeSeriesChartGenerator();
            g.setTitle(c.title());
            g.setXAxisLabel("campaign week");
            g.setYAxisLabel("");
            TimeSeriesAttributes a = (TimeSeriesAttributes) g.addSeries(series.get(i), null);
            a.setStrokeColor(ChartStyle.OKABE_ITO[i == 0 ? 0 : 4]);
            if (i == 0) {
                TimeSeriesAttributes b = (TimeSeriesAttributes) g.addSeries(expected, null);
                b.setStrokeColor(ChartStyle.OKABE_ITO[1]);
                b.setDashPattern(2);
                b.setThickness(2.5);
            }
            boolean prices = c.column().equals("price_usd_kg") && !marketPrices.isEmpty();
            if (prices) {
                for (int k = 0; k < marketPrices.size(); k++) {
                    TimeSeriesAttributes m = (TimeSeriesAttributes) g.addSeries(marketPrices.get(k), null);
                    m.setStrokeColor(ChartStyle.OKABE_ITO[MARKET_COLOURS[k]]);
                    m.setThickness(1);
                }
            }
            // Every outcome is zero or more; a flat zero series should show 0 to 1, not a magnified rounding error.
            NumberAxis y = (NumberAxis) g.getChart().getXYPlot().getRangeAxis();
            y.setRangeType(RangeType.POSITIVE);
            y.setAutoRangeMinimumSize(1.0);
            readableOnAProjector(g.getChart(), c.axis() + (prices ? marketsNote : ""));
            ChartPanel panel = g.getChartPanel();
            if (panel != null) {
                // Draw at the panel's real size: JFreeChart otherwise draws small panels at 300 x 200 and
                // shrinks the picture, text and all.
                panel.setMinimumDrawWidth(0);
                panel.setMinimumDrawHeight(0);
                panel.setMaximumDrawWidth(4000);
                panel.setMaximumDrawHeight(4000);
            }
            generators.add(g);
            grid.add(panel != null ? panel : g);
        }
        JFrame f = new JFrame("narcosim: outcomes week by week");
        f.getContentPane().add(grid);
        f.setDefaultCloseOperation(JFrame.HIDE_ON_CLOSE);
        return f;
    }

    /**
     * Text a class can read from the back of a room: a bold title, the unit (and what a second line
     * means) under it instead of a legend, tick labels at {@link #TEXT_PT} points.
     */
    static void readableOnAProjector(JFreeChart chart, String unit) {
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, TITLE_PT));
        TextTitle sub = new TextTitle(unit, new Font(Font.SANS_SERIF, Font.PLAIN, TEXT_PT));
        sub.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, sub);
        chart.removeLegend();
        XYPlot plot = chart.getXYPlot();
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, TEXT_PT));
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, TEXT_PT));
        }
    }

    /** Starts afresh (a new run). */
    void clear() {
        for (XYSeries s : series) s.clear();
        for (XYSeries s : marketPrices) s.clear();
        expected.clear();
        recent.clear();
        burnInSum = 0;
        burnInWeeks = 0;
    }

    /** Adds the week just closed. */
    void record(NarcoModel model) {
        WeeklyCollector c = model.collector();
        if (c.latest() == null) return;
        int week = Week.lastCompleted(model); // the week just closed
        recent.add(c.latest());
        if (recent.size() > SMOOTH_WEEKS) recent.remove(0);
        for (int i = 0; i < CHARTS.size(); i++) {
            Chart chart = CHARTS.get(i);
            series.get(i).add(week, chart.flow() ? recentMean(c.column(chart.column())) : c.latest(chart.column()), false);
        }
        for (int k = 0; k < marketPrices.size(); k++) marketPrices.get(k).add(week, c.latest(marketColumns.get(k)), false);
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

    /** The price line of a market by its id, or null (one market, or no such market). */
    XYSeries marketPrice(String id) {
        int k = marketColumns.indexOf(narcosim.metrics.Outcomes.marketPriceColumn(id));
        return k < 0 ? null : marketPrices.get(k);
    }

    XYSeries series(String column) {
        for (int i = 0; i < CHARTS.size(); i++) {
            if (CHARTS.get(i).column().equals(column)) return series.get(i);
        }
        throw new IllegalArgumentException(column);
    }
}
