package narcosim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.ui.TextAnchor;

/** Builds the charts of a compare experiment from its results; drawing and files are {@link ChartFiles}. */
public final class Charts {

    private static final double WEEKS_PER_YEAR = 52.0;

    private Charts() {
    }

    /** Width and height of the time-series chart with {@code panels} panels (one per strategy). */
    public static int[] timeSeriesSize(int panels) {
        return new int[] {900, 130 + 165 * Math.max(1, panels)};
    }

    /**
     * One weekly outcome over time as small multiples: one panel per strategy, on one shared scale, with the
     * strategy's mean over replicates and its 95% band in its colour and every other strategy's mean in grey
     * behind it (six overlapping bands in one panel cannot be read).
     */
    public static JFreeChart timeSeries(Results r, Outcome o, Map<String, Map<String, Results.Band>> bands) {
        NumberAxis x = new NumberAxis("Years since the campaign started");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(14);
        double xMax = 0;
        double yMax = 0;
        List<String> drawn = new ArrayList<>();
        for (String strategy : r.strategies()) {
            Results.Band b = bands.getOrDefault(strategy, Map.of()).get(o.column());
            if (b == null) continue;
            drawn.add(strategy);
            xMax = Math.max(xMax, b.mean().length * Results.WEEKS_PER_PERIOD / WEEKS_PER_YEAR);
            for (int w = 0; w < b.mean().length; w++) {
                if (!Double.isNaN(b.high()[w])) yMax = Math.max(yMax, o.shown(b.high()[w]));
                if (!Double.isNaN(b.mean()[w])) yMax = Math.max(yMax, o.shown(b.mean()[w]));
            }
        }
        for (String strategy : drawn) {
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            DeviationRenderer ren = new DeviationRenderer(true, false);
            ren.setAlpha(0.22f);
            int k = 0;
            for (String other : drawn) {
                if (other.equals(strategy)) continue;
                data.addSeries(series(other, bands.get(other).get(o.column()), o, false));
                ren.setSeriesPaint(k, GREY);
                ren.setSeriesFillPaint(k, GREY);
                ren.setSeriesStroke(k, new BasicStroke(1f));
                k++;
            }
            data.addSeries(series(strategy, bands.get(strategy).get(o.column()), o, true));
            Color c = ChartStyle.colour(r.strategies().indexOf(strategy));
            ren.setSeriesPaint(k, c);
            ren.setSeriesFillPaint(k, c);
            ren.setSeriesStroke(k, new BasicStroke(2.2f));
            NumberAxis y = new NumberAxis(o.unit());
            y.setRange(0, yMax > 0 ? yMax * 1.08 : 1);
            combined.add(panel(data, y, ren, strategy, c.equals(Color.BLACK) ? Color.BLACK : c.darker(), false), 1);
        }
        x.setRange(0, Math.max(1, Math.ceil(xMax * 2) / 2));
        x.setTickUnit(new NumberTickUnit(x.getUpperBound() <= 5 ? 0.5 : 1));
        JFreeChart chart = new JFreeChart(o.name() + " over time, one panel per strategy", JFreeChart.DEFAULT_TITLE_FONT,
                combined, false);
        return ChartStyle.style(chart, "Colour: the panel's strategy, mean over " + replicatesText(r)
                + " of each 4-week average with its 95% band; grey: the other strategies' means; one scale ("
                + o.unit() + ")");
    }

    private static final Color GREY = new Color(0xBBBBBB);

    /** The colours of the four budget shares (military, police, development, partnership): Okabe–Ito. */
    static final Color[] SHARE_COLOURS = {new Color(0xD55E00), new Color(0x0072B2), new Color(0x009E73),
        new Color(0xE69F00)};
    /** The budget shares as the report's strategy table names them. */
    static final String[] SHARE_LABELS = {"Military", "Police", "Development", "Partner nations"};

    /**
     * The strategies whose budget split moved during the runs (an adaptive strategy whose rules fired, ODD 7.22):
     * those whose mean share of some use over replicates is not the same in every period.
     */
    public static List<String> moved(Results r, Map<String, Map<String, Results.Band>> bands) {
        List<String> out = new ArrayList<>();
        for (String s : r.strategies()) {
            Map<String, Results.Band> b = bands.getOrDefault(s, Map.of());
            boolean moved = false;
            for (String c : narcosim.metrics.Outcomes.SHARE_COLUMNS) {
                Results.Band band = b.get(c);
                if (band == null) continue;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double v : band.mean()) {
                    if (Double.isNaN(v)) continue;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                if (hi - lo > 1e-9) moved = true;
            }
            if (moved) out.add(s);
        }
        return out;
    }

    /**
     * One panel of a chart with a panel per strategy: white, grey outline and grid, axis fonts of the small multiples,
     * and the strategy's name in a corner (top left, or top right), in {@code namePaint} (null: the title's default).
     */
    private static XYPlot panel(org.jfree.data.xy.XYDataset data, NumberAxis y,
            org.jfree.chart.renderer.xy.XYItemRenderer ren, String strategy, Color namePaint, boolean right) {
        y.setLabelFont(ChartStyle.AXIS_LABEL.deriveFont(11f));
        y.setTickLabelFont(ChartStyle.TICK.deriveFont(11f));
        XYPlot plot = new XYPlot(data, null, y, ren);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        org.jfree.chart.title.TextTitle name = new org.jfree.chart.title.TextTitle(strategy,
                ChartStyle.AXIS_LABEL.deriveFont(Font.BOLD, 13f));
        if (namePaint != null) name.setPaint(namePaint);
        name.setBackgroundPaint(new Color(255, 255, 255, 210));
        plot.addAnnotation(new org.jfree.chart.annotations.XYTitleAnnotation(right ? 0.99 : 0.01, 0.98, name,
                right ? org.jfree.ui.RectangleAnchor.TOP_RIGHT : org.jfree.ui.RectangleAnchor.TOP_LEFT));
        return plot;
    }

    /**
     * How the budget split of each strategy in {@code strategies} moved over the campaign: one panel per
     * strategy, the four shares stacked (mean over replicates of each 4-week period, so a rule that fired in some
     * replicates and not others shows as a partial step).
     */
    public static JFreeChart allocation(Results r, Map<String, Map<String, Results.Band>> bands, List<String> strategies) {
        NumberAxis x = new NumberAxis("Years since the campaign started");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(14);
        double xMax = 0;
        List<String> keys = narcosim.scenario.Fields.SHARE_KEYS;
        for (String strategy : strategies) {
            org.jfree.data.xy.DefaultTableXYDataset data = new org.jfree.data.xy.DefaultTableXYDataset();
            for (int k = 0; k < keys.size(); k++) {
                Results.Band b = bands.get(strategy).get(narcosim.metrics.Outcomes.SHARE_COLUMNS.get(k));
                org.jfree.data.xy.XYSeries s = new org.jfree.data.xy.XYSeries(SHARE_LABELS[k], false, false);
                double period = Results.WEEKS_PER_PERIOD / WEEKS_PER_YEAR;
                for (int w = 0; w < b.mean().length; w++) {
                    // a step: the period's share from its start to (just before) its end
                    double v = Double.isNaN(b.mean()[w]) ? 0 : 100 * b.mean()[w];
                    s.add(w * period, v);
                    s.add((w + 1) * period - 1e-6, v);
                    xMax = Math.max(xMax, (w + 1) * period);
                }
                data.addSeries(s);
            }
            org.jfree.chart.renderer.xy.StackedXYAreaRenderer2 ren = new org.jfree.chart.renderer.xy.StackedXYAreaRenderer2();
            for (int k = 0; k < keys.size(); k++) ren.setSeriesPaint(k, SHARE_COLOURS[k]);
            NumberAxis y = new NumberAxis("% of budget");
            y.setRange(0, 100);
            y.setTickUnit(new NumberTickUnit(25));
            XYPlot plot = panel(data, y, ren, strategy, null, true);
            combined.add(plot, 1);
            if (combined.getFixedLegendItems() == null) combined.setFixedLegendItems(plot.getLegendItems());
        }
        x.setRange(0, Math.max(1, xMax));
        x.setTickUnit(new NumberTickUnit(x.getUpperBound() <= 5 ? 0.5 : 1));
        JFreeChart chart = new JFreeChart("How the adaptive strategies moved their budget", JFreeChart.DEFAULT_TITLE_FONT,
                combined, true);
        return ChartStyle.style(chart, "Share of the budget on each use, mean over " + replicatesText(r)
                + " of each 4-week period; the rules re-plan at the yearly reviews");
    }

    private static YIntervalSeries series(String strategy, Results.Band b, Outcome o, boolean band) {
        YIntervalSeries s = new YIntervalSeries(strategy, false, false);
        for (int w = 0; w < b.mean().length; w++) {
            if (Double.isNaN(b.mean()[w])) continue;
            double m = o.shown(b.mean()[w]);
            // plotted at the middle of the period; every outcome drawn here is >= 0, so is its band
            s.add((w + 0.5) * Results.WEEKS_PER_PERIOD / WEEKS_PER_YEAR, m, band ? Math.max(0, o.shown(b.low()[w])) : m,
                    band ? o.shown(b.high()[w]) : m);
        }
        return s;
    }

    /** One final outcome per strategy as a bar with its 95% confidence interval. */
    public static JFreeChart finalBars(Results r, Outcome o) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (String strategy : r.strategies()) {
            double mean = r.summary(strategy, o.column(), "mean");
            if (Double.isNaN(mean)) continue;
            // summary.csv's intervals are mean ± t·se, so half their width is the error bar
            double half = (r.summary(strategy, o.column(), "ci_high") - r.summary(strategy, o.column(), "ci_low")) / 2;
            data.add(o.shown(mean), Double.isNaN(half) ? 0 : o.shown(half), "mean", strategy);
        }
        JFreeChart chart = ChartFactory.createBarChart(o.name(), "Strategy", o.axisLabel(), data,
                PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        StatisticalBarRenderer ren = new StatisticalBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                // translucent fill, so that the black whisker also shows inside the baseline's (black) bar
                Color c = ChartStyle.colour(r.strategies().indexOf((String) data.getColumnKey(column)));
                return new Color(c.getRed(), c.getGreen(), c.getBlue(), 150);
            }
        };
        ren.setBarPainter(new StandardBarPainter());
        ren.setShadowVisible(false);
        ren.setDrawBarOutline(false);
        ren.setErrorIndicatorPaint(Color.BLACK);
        ren.setErrorIndicatorStroke(new BasicStroke(2f));
        ren.setMaximumBarWidth(0.15);
        plot.setRenderer(ren);
        CategoryAxis x = plot.getDomainAxis();
        x.setMaximumCategoryLabelLines(2);
        return ChartStyle.style(chart, "Bar: mean over " + replicatesText(r)
                + "; whisker: 95% confidence interval of the mean");
    }

    /**
     * The trade-off: how much less cocaine reaches the market (x) against how trust in the state changes
     * (y), each relative to the baseline with its 95% interval, marker area proportional to campaign spend.
     */
    public static JFreeChart tradeOff(Results r) {
        DefaultIntervalXYDataset data = new DefaultIntervalXYDataset();
        double maxSpend = 0;
        double maxReduction = 0;
        for (String s : r.strategies()) {
            maxSpend = Math.max(maxSpend, nz(r.summary(s, "spend_usd_total", "mean")));
            maxReduction = Math.max(maxReduction, -nz(r.summary(s, "delivered_kg_total", "change_pct")));
        }
        XYErrorRenderer ren = new XYErrorRenderer();
        ren.setBaseLinesVisible(false);
        ren.setBaseShapesVisible(true);
        ren.setErrorPaint(new Color(0x777777));
        ren.setErrorStroke(new BasicStroke(1.2f));
        ren.setCapLength(6);
        JFreeChart chart = ChartFactory.createScatterPlot("Trade-off: less cocaine delivered vs. change in trust",
                "Reduction in cocaine delivered to market vs. " + r.baseline() + ", whole campaign (%)",
                "Change in residents' mean trust vs. " + r.baseline() + ", final year (0-1 scale)",
                data, PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        int series = 0;
        List<double[]> placed = new ArrayList<>();
        NumberFormat money = NumberFormat.getIntegerInstance(Locale.ROOT);
        for (String s : r.strategies()) {
            double x;
            double xLow;
            double xHigh;
            double y;
            double yLow;
            double yHigh;
            if (s.equals(r.baseline())) {
                x = xLow = xHigh = y = yLow = yHigh = 0;
            } else {
                // change_pct is the change in delivered flow; a reduction is its negative
                x = -r.summary(s, "delivered_kg_total", "change_pct");
                xLow = -r.summary(s, "delivered_kg_total", "change_ci_high_pct");
                xHigh = -r.summary(s, "delivered_kg_total", "change_ci_low_pct");
                y = r.summary(s, "mean_trust_final_year", "diff_vs_baseline");
                yLow = r.summary(s, "mean_trust_final_year", "diff_ci_low");
                yHigh = r.summary(s, "mean_trust_final_year", "diff_ci_high");
            }
            if (Double.isNaN(x) || Double.isNaN(y)) continue;
            data.addSeries(s, new double[][] {{x}, {nanTo(xLow, x)}, {nanTo(xHigh, x)}, {y}, {nanTo(yLow, y)}, {nanTo(yHigh, y)}});
            double spend = nz(r.summary(s, "spend_usd_total", "mean"));
            // area proportional to spend: diameter ∝ sqrt(spend); the baseline (no spend) gets a small ring
            double d = maxSpend > 0 ? 10 + 40 * Math.sqrt(spend / maxSpend) : 12;
            Color c = ChartStyle.colour(r.strategies().indexOf(s));
            ren.setSeriesShape(series, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
            ren.setSeriesPaint(series, new Color(c.getRed(), c.getGreen(), c.getBlue(), 200));
            String label = s.equals(r.baseline()) && s.equals(r.noCampaign()) ? s + " (reference, no campaign spend)"
                    : s.equals(r.baseline()) ? s + " (reference, US$ " + money.format(Math.round(spend / 1e6)) + "M)"
                    : s + " (US$ " + money.format(Math.round(spend / 1e6)) + "M)";
            // the label sits at the end of a short pointer: up-right, or down-right for the baseline and for a
            // strategy close to one already labelled, so that neighbouring labels do not overlap
            boolean below = s.equals(r.baseline()) || near(placed, x, y);
            placed.add(new double[] {x, y});
            // markers in the right half of the chart are labelled to their left, so no label runs off the edge
            boolean left = x > 0.5 * maxReduction;
            double angle = below ? Math.PI / 5 : -Math.PI / 5;
            XYPointerAnnotation a = new XYPointerAnnotation(label, x, y, left ? Math.PI - angle : angle);
            a.setTipRadius(d / 2 + 1);
            a.setBaseRadius(d / 2 + 22);
            a.setArrowLength(5);
            a.setArrowWidth(3);
            a.setArrowPaint(Color.GRAY);
            a.setFont(new Font(ChartStyle.FONT, Font.BOLD, 13));
            a.setPaint(c.equals(Color.BLACK) ? Color.BLACK : c.darker());
            a.setTextAnchor(below ? (left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT)
                    : (left ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT));
            plot.addAnnotation(a);
            series++;
        }
        plot.setRenderer(ren);
        ValueMarker vx = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        ValueMarker vy = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        plot.addDomainMarker(vx);
        plot.addRangeMarker(vy);
        NumberAxis xa = (NumberAxis) plot.getDomainAxis();
        xa.setAutoRangeIncludesZero(true);
        xa.setUpperMargin(0.2); // room for the labels beside the markers
        xa.setLowerMargin(0.1);
        NumberAxis ya = (NumberAxis) plot.getRangeAxis();
        ya.setAutoRangeIncludesZero(true);
        // Ticks no finer than the labels' two decimals, so that no two ticks read the same.
        DecimalFormat signed = new DecimalFormat("+0.00;-0.00");
        org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
        for (double u : new double[] {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1}) units.add(new NumberTickUnit(u, signed));
        ya.setStandardTickUnits(units);
        ya.setUpperMargin(0.15);
        ya.setLowerMargin(0.15);
        return ChartStyle.style(chart, "Marker area: campaign spend (label: total); whiskers: 95% CIs; "
                + "up and right is better (" + replicatesText(r) + " per strategy)");
    }

    /**
     * The colours of the price parts, in {@link PriceParts#PARTS} order: the Okabe–Ito palette without black
     * (the price's marker) and yellow (faint on white); the margin, a calibrated residual, in grey.
     */
    static final Color[] PART_COLOURS = {
        new Color(0x56B4E9), // price at the source: sky blue
        new Color(0x0072B2), // transport: blue
        new Color(0x009E73), // crews' wages: bluish green
        new Color(0xCC79A7), // crews' risk compensation: reddish purple
        new Color(0xD55E00), // replacing loads lost: vermillion
        new Color(0xBBBBBB), // traffickers' margin: grey
        new Color(0xE69F00), // scarcity: orange
    };

    /**
     * The final-year gateway price of each strategy taken apart: one stacked bar per strategy, the mean over
     * replicates of each part (a negative part, scarcity in a glut, below zero), and a diamond at the price,
     * the sum of the parts.
     */
    public static JFreeChart priceParts(Results r) {
        DefaultCategoryDataset parts = new DefaultCategoryDataset();
        DefaultCategoryDataset total = new DefaultCategoryDataset();
        for (String s : r.strategies()) {
            for (PriceParts.Part p : PriceParts.PARTS) parts.addValue(PriceParts.level(r, s, p), p.label(), s);
            total.addValue(r.summary(s, PriceParts.PRICE, "mean"), "Price (sum of the parts)", s);
        }
        return stackedParts(r, parts, total, "Why the price differs: the final-year gateway price by part",
                "US$ per kg, final year", "Bars: mean over " + replicatesText(r) + " of each part; the parts add "
                        + "up to the price (diamond); a negative part is drawn below zero", false);
    }

    /**
     * Each part's change against the baseline, paired by replicate (same seeds): one stacked bar per campaign
     * strategy, increases above zero and decreases below, a diamond at the change in the price.
     */
    public static JFreeChart pricePartChanges(Results r) {
        DefaultCategoryDataset parts = new DefaultCategoryDataset();
        DefaultCategoryDataset total = new DefaultCategoryDataset();
        for (String s : r.strategies()) {
            if (s.equals(r.baseline())) continue;
            for (PriceParts.Part p : PriceParts.PARTS) parts.addValue(PriceParts.change(r, s, p), p.label(), s);
            total.addValue(r.summary(s, PriceParts.PRICE, "diff_vs_baseline"), "Change in the price", s);
        }
        return stackedParts(r, parts, total, "Why the price moves: change of each part vs. " + r.baseline(),
                "Change vs. " + r.baseline() + ", US$ per kg, final year", "Bars: mean over " + replicatesText(r)
                        + " of the difference from the " + r.baseline() + " run with the same seed; diamond: change in the price",
                true);
    }

    private static JFreeChart stackedParts(Results r, DefaultCategoryDataset parts, DefaultCategoryDataset total,
            String title, String axis, String subtitle, boolean signed) {
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, axis, parts, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer ren = (StackedBarRenderer) plot.getRenderer();
        ren.setBarPainter(new StandardBarPainter());
        ren.setShadowVisible(false);
        ren.setDrawBarOutline(true); // a thin white line between the parts
        ren.setMaximumBarWidth(0.12);
        for (int i = 0; i < PriceParts.PARTS.size(); i++) {
            ren.setSeriesPaint(i, PART_COLOURS[i % PART_COLOURS.length]);
            ren.setSeriesOutlinePaint(i, Color.WHITE);
            ren.setSeriesOutlineStroke(i, new BasicStroke(1f));
        }
        // the price (or its change) as a black diamond with its value, over the bars
        LineAndShapeRenderer dot = new LineAndShapeRenderer(false, true);
        java.awt.geom.Path2D.Double diamond = new java.awt.geom.Path2D.Double();
        diamond.moveTo(0, -7);
        diamond.lineTo(7, 0);
        diamond.lineTo(0, 7);
        diamond.lineTo(-7, 0);
        diamond.closePath();
        dot.setSeriesShape(0, diamond);
        dot.setSeriesPaint(0, Color.BLACK);
        dot.setSeriesOutlinePaint(0, Color.WHITE);
        dot.setUseOutlinePaint(true);
        dot.setDrawOutlines(true);
        dot.setBaseItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat(signed ? "+#,##0;\u2212#,##0" : "#,##0")));
        dot.setBaseItemLabelsVisible(true);
        dot.setBaseItemLabelFont(new Font(ChartStyle.FONT, Font.BOLD, 13));
        dot.setBasePositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        dot.setBaseNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        dot.setItemLabelAnchorOffset(8);
        plot.setDataset(1, total);
        plot.setRenderer(1, dot);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setNumberFormatOverride(new DecimalFormat("#,##0;−#,##0"));
        y.setUpperMargin(0.06);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        // A long id ("development") may be a little wider than its category rather than broken mid-word.
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.15f);
        return ChartStyle.style(chart, subtitle);
    }

    /** Whether (x, y) is close to a marker already placed (within 8 percentage points and 0.03 of trust). */
    private static boolean near(List<double[]> placed, double x, double y) {
        for (double[] p : placed) {
            if (Math.abs(p[0] - x) < 8 && Math.abs(p[1] - y) < 0.03) return true;
        }
        return false;
    }

    private static String replicatesText(Results r) {
        String s = r.strategies().isEmpty() ? null : r.strategies().get(0);
        double n = s == null ? Double.NaN : r.summary(s, "delivered_kg_total", "n");
        return Double.isNaN(n) ? "replicate runs" : (int) n + " replicate runs";
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double nanTo(double v, double fallback) {
        return Double.isNaN(v) ? fallback : v;
    }
}
