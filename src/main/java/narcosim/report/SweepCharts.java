package narcosim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.jfree.ui.TextAnchor;

/**
 * The charts of a parameter sweep: heat maps of each outcome over the first two varied parameters (one
 * panel per strategy, one colour scale for all), and for Sobol designs the first- and total-order
 * indices with their 95% bootstrap intervals.
 */
public final class SweepCharts {

    /** Fewest and most bins per axis when Latin hypercube or Sobol points are binned into a grid. */
    static final int MIN_BINS = 3;
    static final int MAX_BINS = 8;
    /** The Sobol chart's frame: wider intervals than this say only that the estimate is rough. */
    static final double CLIP_LOW = -1;
    static final double CLIP_HIGH = 2;

    private SweepCharts() {
    }

    /** Writes every sweep chart into {@code out}; says what was left out. */
    static Report.Built write(Results r, Path out) throws IOException, Results.IncompleteResults {
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        SweepResults s = SweepResults.open(r);
        if (s.factors().size() < 2) {
            notes.add("heat maps need two varied parameters, this sweep varies " + s.factors().size());
        } else {
            for (String outcome : s.outcomes()) {
                Grid g = grid(s, outcome);
                files.addAll(ChartFiles.write(heatMap(s, g), out, heatMapName(outcome)));
            }
        }
        if (!s.indices().isEmpty()) {
            for (String strategy : s.strategies()) {
                for (String outcome : s.outcomes()) {
                    if (s.indices(strategy, outcome).isEmpty()) continue;
                    files.addAll(ChartFiles.write(sobolBars(s, strategy, outcome), out, sobolName(strategy, outcome)));
                }
            }
        }
        files.addAll(ScreeningCharts.write(r.dir(), out));
        return new Report.Built(files, notes);
    }

    static String heatMapName(String outcome) {
        return "heatmap-" + outcome;
    }

    static String sobolName(String strategy, String outcome) {
        return "sobol-" + strategy + "-" + outcome;
    }

    /**
     * One outcome over the first two parameters: per strategy, a nx x ny table of means (NaN where no point
     * fell), with the axes' cell centres and labels.
     *
     * @param mean strategy -> [ix][iy] mean over the design points in the cell (and over the other parameters)
     * @param count strategy -> [ix][iy] number of design points in the cell
     */
    record Grid(String outcome, SweepResults.Factor fx, SweepResults.Factor fy, boolean bySobol, double[] xs, double[] ys,
                String[] xLabels, String[] yLabels, double cellW, double cellH, List<String> strategies,
                List<double[][]> mean, List<int[][]> count, List<Double> noiseP) {

        /**
         * Whether a strategy's cells differ no more than replicate noise makes them: the F test of the cells' means
         * against the replicates' spread within design points is not significant at 5%. False when it cannot be
         * told (one replicate).
         */
        boolean withinNoise(int strategy) {
            double p = noiseP.get(strategy);
            return p == p && p >= 0.05;
        }
    }

    /**
     * The p value of the F test that a strategy's heat-map cells differ no more than replicate noise would make
     * them: between the cells' means (each over its design points' replicates) against the pooled spread of
     * replicates within design points. NaN with one replicate (no noise to compare with) or a single cell.
     */
    static double noiseP(List<double[]> cells) {
        // each entry: {cell index, n, mean, sd} of one design point
        java.util.Map<Integer, double[]> byCell = new java.util.TreeMap<>();
        double within = 0;
        double dfWithin = 0;
        double sum = 0;
        double runs = 0;
        for (double[] p : cells) {
            double[] c = byCell.computeIfAbsent((int) p[0], k -> new double[2]);
            c[0] += p[1] * p[2];
            c[1] += p[1];
            sum += p[1] * p[2];
            runs += p[1];
            if (p[1] > 1 && p[3] == p[3]) {
                within += (p[1] - 1) * p[3] * p[3];
                dfWithin += p[1] - 1;
            }
        }
        int k = byCell.size();
        if (k < 2 || dfWithin < 1) return Double.NaN;
        double grand = sum / runs;
        double between = 0;
        for (double[] c : byCell.values()) between += c[1] * Math.pow(c[0] / c[1] - grand, 2);
        double msWithin = within / dfWithin;
        if (msWithin == 0) return between == 0 ? 1 : 0;
        double f = between / (k - 1) / msWithin;
        return 1 - new org.apache.commons.math3.distribution.FDistribution(k - 1, dfWithin).cumulativeProbability(f);
    }

    static Grid grid(SweepResults s, String outcome) {
        int[] pick = pair(s, outcome);
        SweepResults.Factor fx = s.factors().get(pick[0]);
        SweepResults.Factor fy = s.factors().get(pick[1]);
        Axis ax = axis(s, fx);
        Axis ay = axis(s, fy);
        List<double[][]> means = new ArrayList<>();
        List<int[][]> counts = new ArrayList<>();
        List<String> strategies = new ArrayList<>();
        List<Double> noise = new ArrayList<>();
        for (String strategy : s.strategies()) {
            double[][] sum = new double[ax.n()][ay.n()];
            int[][] n = new int[ax.n()][ay.n()];
            List<double[]> points = new ArrayList<>();
            for (SweepResults.Cell c : s.cells(strategy, outcome)) {
                if (Double.isNaN(c.mean())) continue;
                int i = ax.index(c.values().get(pick[0]));
                int j = ay.index(c.values().get(pick[1]));
                if (i < 0 || j < 0) continue;
                sum[i][j] += c.mean();
                n[i][j]++;
                points.add(new double[] {i * ay.n() + j, c.n(), c.mean(), c.sd()});
            }
            noise.add(noiseP(points));
            for (int i = 0; i < ax.n(); i++) {
                for (int j = 0; j < ay.n(); j++) sum[i][j] = n[i][j] > 0 ? sum[i][j] / n[i][j] : Double.NaN;
            }
            strategies.add(strategy);
            means.add(sum);
            counts.add(n);
        }
        return new Grid(outcome, fx, fy, pick[2] == 1, ax.centres(), ay.centres(), ax.labels(), ay.labels(), ax.width(),
                ay.width(), strategies, means, counts, noise);
    }

    /**
     * The two parameters a heat map shows, as indices into the factors, and 1 if they were chosen by their
     * Sobol indices: in a Sobol design the two with the largest total-order index for the outcome (mean over
     * strategies; x the larger), since averaging over an influential third parameter would hide its effect;
     * otherwise the first two the sweep file names.
     */
    static int[] pair(SweepResults s, String outcome) {
        int k = s.factors().size();
        double[] total = new double[k];
        boolean any = false;
        for (SweepResults.Index ix : s.indices()) {
            if (!ix.outcome().equals(outcome) || Double.isNaN(ix.total())) continue;
            for (int f = 0; f < k; f++) {
                if (s.factors().get(f).key().equals(ix.parameter())) {
                    total[f] += ix.total();
                    any = true;
                }
            }
        }
        if (!any || k < 2) return new int[] {0, 1, 0};
        int a = 0;
        for (int f = 1; f < k; f++) if (total[f] > total[a]) a = f;
        int b = a == 0 ? 1 : 0;
        for (int f = 0; f < k; f++) if (f != a && total[f] > total[b]) b = f;
        return new int[] {a, b, 1};
    }

    /** Cells along one parameter: its levels (grid designs) or equal bins of its range. */
    private record Axis(List<String> levels, double min, double max, int bins) {
        int n() {
            return levels != null ? levels.size() : bins;
        }

        int index(String value) {
            if (levels != null) {
                int i = levels.indexOf(value);
                if (i >= 0) return i;
                // the manifest's and summary.csv's spelling of a number may differ (750 vs 750.0)
                for (int k = 0; k < levels.size(); k++) {
                    try {
                        if (Double.parseDouble(levels.get(k)) == Double.parseDouble(value)) return k;
                    } catch (NumberFormatException e) {
                        // not numbers: only the exact spelling matches
                    }
                }
                return -1;
            }
            double v = Double.parseDouble(value);
            int i = (int) Math.floor((v - min) / (max - min) * bins);
            return Math.max(0, Math.min(bins - 1, i));
        }

        double width() {
            return levels != null ? 1 : (max - min) / bins;
        }

        double[] centres() {
            double[] c = new double[n()];
            for (int i = 0; i < c.length; i++) c[i] = levels != null ? i : min + (i + 0.5) * width();
            return c;
        }

        String[] labels() {
            return levels != null ? levels.toArray(new String[0]) : null;
        }
    }

    private static Axis axis(SweepResults s, SweepResults.Factor f) {
        if (f.isGrid()) return new Axis(f.levels(), Double.NaN, Double.NaN, 0);
        // about four design points per cell on average, so that a cell's mean is not a single noisy run
        int bins = (int) Math.round(Math.sqrt(s.points() / 4.0));
        return new Axis(null, f.min(), f.max(), Math.max(MIN_BINS, Math.min(MAX_BINS, bins)));
    }

    /** The heat map of one outcome: one panel per strategy, side by side, sharing the parameter axes and colours. */
    static JFreeChart heatMap(SweepResults s, Grid g) {
        Outcome o = Outcome.of(g.outcome());
        double k = HtmlReport.scale(o);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] m : g.mean()) {
            for (double[] col : m) {
                for (double v : col) {
                    if (Double.isNaN(v)) continue;
                    lo = Math.min(lo, v / k);
                    hi = Math.max(hi, v / k);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        SequentialScale scale = new SequentialScale(lo, hi);
        ValueAxis yAxis = g.fy().isGrid() ? symbolAxis(label(g.fy()), g.yLabels()) : new NumberAxis(label(g.fy()));
        if (!g.fy().isGrid()) yAxis.setRange(g.fy().min(), g.fy().max());
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(yAxis);
        plot.setGap(45);
        boolean labels = g.xs().length * g.ys().length <= 64 && g.strategies().size() <= 3;
        Font cellFont = new Font(ChartStyle.FONT, Font.PLAIN, g.strategies().size() > 2 ? 11 : 12);
        for (int si = 0; si < g.strategies().size(); si++) {
            double[][] m = g.mean().get(si);
            DefaultXYZDataset data = new DefaultXYZDataset();
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < g.xs().length; i++) {
                for (int j = 0; j < g.ys().length; j++) {
                    if (!Double.isNaN(m[i][j])) pts.add(new double[] {g.xs()[i], g.ys()[j], m[i][j] / k});
                }
            }
            double[][] xyz = new double[3][pts.size()];
            for (int p = 0; p < pts.size(); p++) {
                for (int c = 0; c < 3; c++) xyz[c][p] = pts.get(p)[c];
            }
            data.addSeries(g.outcome(), xyz);
            XYBlockRenderer ren = new XYBlockRenderer();
            boolean noisy = g.withinNoise(si);
            // A panel whose cells differ no more than replicate noise is drawn in greys: its colours are not structure.
            org.jfree.chart.renderer.PaintScale panelScale = noisy ? new org.jfree.chart.renderer.GrayPaintScale(lo,
                    hi > lo ? hi : lo + 1, 255) : scale;
            ren.setPaintScale(panelScale);
            ren.setBlockWidth(g.cellW());
            ren.setBlockHeight(g.cellH());
            ren.setBlockAnchor(RectangleAnchor.CENTER);
            ValueAxis xAxis = g.fx().isGrid() ? symbolAxis(label(g.fx()), g.xLabels()) : new NumberAxis(label(g.fx()));
            if (!g.fx().isGrid()) xAxis.setRange(g.fx().min(), g.fx().max());
            XYPlot sub = new XYPlot(data, xAxis, null, ren);
            sub.setDomainGridlinesVisible(false);
            sub.setRangeGridlinesVisible(false);
            sub.setBackgroundPaint(Color.WHITE);
            if (labels) {
                for (double[] p : pts) {
                    XYTextAnnotation a = new XYTextAnnotation(HtmlReport.num(p[2]), p[0], p[1]);
                    a.setFont(cellFont);
                    a.setPaint(noisy ? (((Color) panelScale.getPaint(p[2])).getRed() < 128 ? Color.WHITE : Color.BLACK)
                            : SequentialScale.lightness(scale.colour(p[2])) < 55 ? Color.WHITE : Color.BLACK);
                    sub.addAnnotation(a);
                }
            }
            String said = g.strategies().get(si) + (noisy ? String.format(java.util.Locale.ROOT,
                    " \u2014 within replicate noise (F test p = %.2f)", g.noiseP().get(si)) : "");
            TextTitle name = new TextTitle(said, new Font(ChartStyle.FONT, Font.BOLD, 13));
            name.setBackgroundPaint(new Color(255, 255, 255, 225));
            name.setPadding(new RectangleInsets(1, 4, 1, 4));
            sub.addAnnotation(new XYTitleAnnotation(0.01, 0.99, name, RectangleAnchor.TOP_LEFT));
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart(o.name(), ChartStyle.TITLE, plot, false);
        NumberAxis scaleAxis = new NumberAxis(o.unit());
        scaleAxis.setRange(lo, hi == lo ? lo + 1 : hi);
        scaleAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(niceStep((hi == lo ? 1 : hi - lo) / 6)));
        scaleAxis.setLabelFont(ChartStyle.AXIS_LABEL);
        scaleAxis.setTickLabelFont(ChartStyle.TICK);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 4));
        legend.setStripWidth(18);
        legend.setSubdivisionCount(128);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(legend);
        ChartStyle.style(chart, cellsText(s, g));
        return chart;
    }

    private static String cellsText(SweepResults s, Grid g) {
        int reps = s.design().get("replicates") instanceof Number n ? n.intValue() : 0;
        boolean anyNoisy = false;
        for (int i = 0; i < g.strategies().size(); i++) anyNoisy |= g.withinNoise(i);
        String noise = reps < 2 ? "One replicate per point: replicate noise cannot be told from structure. "
                : anyNoisy ? "Grey panel: its cells differ no more than replicate noise makes them (F test, 5%). " : "";
        return noise + cellsText(s, g, reps);
    }

    private static String cellsText(SweepResults s, Grid g, int reps) {
        String each = reps > 1 ? "mean of " + reps + " replicates at each design point" : "the run at each design point";
        String others = s.factors().size() > 2 ? ", averaged over the other " + (s.factors().size() - 2)
                + (s.factors().size() == 3 ? " parameter" : " parameters") : "";
        String which = g.bySobol() ? "Axes: the two parameters with the largest total Sobol index. " : "";
        if (g.fx().isGrid() && g.fy().isGrid()) return which + "Colour: " + each + others + "; one cell per pair of levels";
        return which + "Colour: " + each + ", averaged in " + g.xs().length + " x " + g.ys().length + " cells ("
                + s.points() + " points" + others + "); blank: no point";
    }

    private static SymbolAxis symbolAxis(String label, String[] levels) {
        SymbolAxis a = new SymbolAxis(label, levels);
        a.setGridBandsVisible(false);
        return a;
    }

    /** Axis label of a parameter: its key, which is what sweep files and runs.csv call it. */
    private static String label(SweepResults.Factor f) {
        return f.key();
    }

    /**
     * Sobol indices of one outcome: per parameter, a bar for the first-order and one for the total-order
     * index, each with its 95% bootstrap interval; parameters sorted by total-order index, largest first.
     */
    static JFreeChart sobolBars(SweepResults s, String strategy, String outcome) {
        List<SweepResults.Index> ix = s.indices(strategy, outcome);
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        XYIntervalSeriesCollection whiskers = new XYIntervalSeriesCollection();
        String[] names = {"First-order index (this parameter alone)", "Total-order index (with its interactions)"};
        double[] offset = {-0.19, 0.19};
        double half = 0.17;
        double lo = 0;
        double hi = 1;
        for (int k = 0; k < 2; k++) {
            XYIntervalSeries b = new XYIntervalSeries(names[k]);
            XYIntervalSeries w = new XYIntervalSeries(names[k]);
            for (int i = 0; i < ix.size(); i++) {
                SweepResults.Index x = ix.get(i);
                double v = k == 0 ? x.first() : x.total();
                double l = k == 0 ? x.firstLow() : x.totalLow();
                double h = k == 0 ? x.firstHigh() : x.totalHigh();
                if (Double.isNaN(v)) continue;
                double c = i + offset[k];
                b.add(c, c - half, c + half, v, Math.min(0, v), Math.max(0, v));
                w.add(c, c, c, v, Double.isNaN(l) ? v : l, Double.isNaN(h) ? v : h);
                lo = Math.min(lo, Double.isNaN(l) ? v : l);
                hi = Math.max(hi, Double.isNaN(h) ? v : h);
            }
            bars.addSeries(b);
            whiskers.addSeries(w);
        }
        String[] labels = ix.stream().map(SweepResults.Index::parameter).toArray(String[]::new);
        SymbolAxis x = new SymbolAxis("Parameter (sorted by total-order index)", labels);
        x.setGridBandsVisible(false);
        x.setRange(-0.6, labels.length - 0.4);
        NumberAxis y = new NumberAxis("Sobol index (share of the outcome's variance)");
        // rough estimates (few samples) can reach far outside [0, 1]: the frame stops at [-1, 2], whiskers are cut
        boolean cut = lo < CLIP_LOW || hi > CLIP_HIGH;
        lo = Math.max(CLIP_LOW, lo);
        hi = Math.min(CLIP_HIGH, hi);
        y.setRange(lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo));
        XYBarRenderer barRen = new XYBarRenderer();
        barRen.setUseYInterval(true);
        barRen.setBarPainter(new StandardXYBarPainter());
        barRen.setShadowVisible(false);
        Color[] colours = {ChartStyle.OKABE_ITO[2], ChartStyle.OKABE_ITO[4]};
        for (int k = 0; k < 2; k++) barRen.setSeriesPaint(k, colours[k]);
        XYErrorRenderer errRen = new XYErrorRenderer();
        errRen.setDrawXError(false);
        errRen.setBaseShapesVisible(false);
        errRen.setBaseLinesVisible(false);
        errRen.setErrorPaint(Color.BLACK);
        errRen.setErrorStroke(new BasicStroke(1.5f));
        errRen.setCapLength(8);
        XYPlot plot = new XYPlot(whiskers, x, y, errRen);
        plot.setDataset(1, bars);
        plot.setRenderer(1, barRen);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        LegendItemCollection legend = new LegendItemCollection();
        for (int k = 0; k < 2; k++) legend.add(new LegendItem(names[k], colours[k]));
        plot.setFixedLegendItems(legend);
        Outcome o = Outcome.of(outcome);
        JFreeChart chart = new JFreeChart("What drives " + lowerFirst(o.name()) + "? (" + strategy + ")", ChartStyle.TITLE,
                plot, true);
        int n = s.design().get("samples") instanceof Number v ? v.intValue() : 0;
        ChartStyle.style(chart, "Sobol indices from " + (n > 0 ? n + " base samples" : "the Saltelli design")
                + "; whiskers: 95% bootstrap intervals" + (cut ? " (cut at the frame)" : "")
                + "; estimates below 0 or above 1 are sampling noise");
        plot.setDomainGridlinesVisible(false);
        return chart;
    }

    /** The 1, 2 or 5 times a power of ten nearest above {@code raw}: about six ticks on the colour scale. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) if (m * p >= raw) return m * p;
        return 10 * p;
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
