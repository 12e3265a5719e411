package narcosim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import narcosim.experiment.ExperimentDir;
import narcosim.experiment.LeverSummary;
import narcosim.metrics.Outcomes;

/**
 * Charts and report.html of narcosim levers: per headline measure, the levers' effects (variant minus the
 * strategy as it is) with their 95% intervals, sorted by size; and a page with the table of effects whose
 * interval excludes zero, the levers that moved nothing, the charts, version and seeds.
 */
public final class LeverReport {

    private LeverReport() {
    }

    /** One row of levers.csv. */
    record Row(String id, String lever, String change, String outcome, double effect, double low, double high,
               double pct, double pctLow, double pctHigh, boolean moves) {
        String name() {
            return lever + " (" + change + ")";
        }

        String shortName() {
            return lever;
        }
    }

    static List<Row> read(Path dir) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> r : ExperimentDir.records(dir.resolve(LeverSummary.FILE))) {
            rows.add(new Row(r.get("lever_id"), r.get("lever"), r.get("change"), r.get("outcome"), d(r.get("effect")),
                    d(r.get("effect_ci_low")), d(r.get("effect_ci_high")), d(r.get("change_pct")),
                    d(r.get("change_ci_low_pct")), d(r.get("change_ci_high_pct")), "true".equals(r.get("moves"))));
        }
        return rows;
    }

    private static double d(String v) {
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    static String chartName(String outcome) {
        return "levers-" + outcome;
    }

    /** One chart per measure. */
    static Report.Built charts(Results r, Path out) throws IOException {
        List<Path> files = new ArrayList<>();
        Map<String, List<Row>> byOutcome = new LinkedHashMap<>();
        for (Row row : read(r.dir())) byOutcome.computeIfAbsent(row.outcome(), k -> new ArrayList<>()).add(row);
        for (Map.Entry<String, List<Row>> e : byOutcome.entrySet()) {
            files.addAll(ChartFiles.write(chart(e.getKey(), e.getValue()), out, chartName(e.getKey()), ChartStyle.WIDTH,
                    Math.max(ChartStyle.HEIGHT, 140 + 22 * e.getValue().size())));
        }
        return new Report.Built(files, List.of());
    }

    /** Uses a difference (not %) where the catalogue states changes so (trust). */
    private static boolean absolute(String outcome) {
        narcosim.metrics.Outcome o = outcome.equals(LeverSummary.COST) ? Outcomes.COST_PER_KG_KEPT_OFF
                : Outcomes.measure(outcome);
        return o != null && o.change() == narcosim.metrics.Outcome.Change.ABSOLUTE;
    }

    static JFreeChart chart(String outcome, List<Row> rows) {
        boolean abs = absolute(outcome);
        Outcome o = Outcome.of(outcome);
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble((Row x) -> Math.abs(abs ? x.effect() : x.pct())).reversed());
        XYIntervalSeries moved = new XYIntervalSeries("interval excludes 0");
        XYIntervalSeries not = new XYIntervalSeries("interval includes 0");
        XYIntervalSeries whisk = new XYIntervalSeries("95% interval");
        String[] labels = new String[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Row x = sorted.get(i);
            int y = sorted.size() - 1 - i; // largest at the top
            labels[y] = x.shortName().length() > 70 ? x.shortName().substring(0, 69) + "~" : x.shortName();
            double v = abs ? o.shown(x.effect()) : x.pct();
            double lo = abs ? o.shown(x.low()) : x.pctLow();
            double hi = abs ? o.shown(x.high()) : x.pctHigh();
            if (Double.isNaN(v)) continue;
            (x.moves() ? moved : not).add(y, y - 0.35, y + 0.35, v, Math.min(0, v), Math.max(0, v));
            whisk.add(y, y, y, v, Double.isNaN(lo) ? v : lo, Double.isNaN(hi) ? v : hi);
        }
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        bars.addSeries(moved);
        bars.addSeries(not);
        XYIntervalSeriesCollection whiskers = new XYIntervalSeriesCollection();
        whiskers.addSeries(whisk);
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setGridBandsVisible(false);
        y.setRange(-0.6, labels.length - 0.4);
        String unit = abs ? (o.unit().isEmpty() ? "" : " (" + o.unit() + ")") : " (% of the strategy's mean)";
        NumberAxis x = new NumberAxis("Change against the strategy as it is" + unit);
        XYBarRenderer barRen = new XYBarRenderer();
        barRen.setUseYInterval(true);
        barRen.setBarPainter(new StandardXYBarPainter());
        barRen.setShadowVisible(false);
        barRen.setSeriesPaint(0, ChartStyle.OKABE_ITO[5]);
        barRen.setSeriesPaint(1, new Color(0xBBBBBB));
        XYErrorRenderer errRen = new XYErrorRenderer();
        errRen.setDrawXError(false);
        errRen.setBaseShapesVisible(false);
        errRen.setBaseLinesVisible(false);
        errRen.setErrorPaint(Color.BLACK);
        errRen.setErrorStroke(new BasicStroke(1.2f));
        errRen.setCapLength(5);
        XYPlot plot = new XYPlot(whiskers, y, x, errRen);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDataset(1, bars);
        plot.setRenderer(1, barRen);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart("Levers and " + SweepCharts.lowerFirst(o.name()), ChartStyle.TITLE, plot, true);
        return ChartStyle.style(chart, "Each lever moved alone, paired replicates (common random numbers); bars: "
                + "mean change, whiskers: 95% t interval; sorted by size");
    }

    /** report.html of a levers directory. */
    public static Path write(Results r) throws IOException {
        return HtmlReport.write(r.dir(), html(r));
    }

    @SuppressWarnings("unchecked")
    static String html(Results r) throws IOException {
        Map<String, Object> manifest = new ExperimentDir(r.dir()).readManifest();
        Map<String, Object> design = manifest.get("design") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String strategy = String.valueOf(design.get("strategy"));
        String scenario = String.valueOf(manifest.get("scenario"));
        List<Row> rows = read(r.dir());
        StringBuilder h = new StringBuilder(64 * 1024);
        HtmlReport.head(h, "narcosim levers: " + strategy);
        h.append("<h1>Levers of ").append(HtmlReport.esc(strategy)).append("</h1>\n");
        h.append("<p class=\"muted\">Made by narcosim ").append(HtmlReport.esc(String.valueOf(manifest.get("narcosim_version"))))
                .append(". Scenario ").append(HtmlReport.esc(scenario)).append(". Finished ")
                .append(HtmlReport.esc(String.valueOf(manifest.get("finished")))).append(".</p>\n");
        h.append("<p>Each lever of the strategy was moved alone and run with the same ")
                .append(HtmlReport.esc(String.valueOf(design.get("replicates"))))
                .append(" replicate seeds as the strategy as it is (common random numbers), at the same total budget. "
                        + "An effect is the mean paired difference with its 95% interval; changes are in % of the "
                        + "strategy's mean, trust as a difference on its 0-1 scale. A lever whose intervals all include "
                        + "0 moved nothing these replicates can tell from noise.</p>\n");
        h.append("<h2 id=\"moves\">What moves</h2>\n");
        List<String> outcomes = rows.stream().map(Row::outcome).distinct().toList();
        Map<String, Map<String, Row>> byLever = new LinkedHashMap<>();
        for (Row x : rows) byLever.computeIfAbsent(x.id(), k -> new LinkedHashMap<>()).put(x.outcome(), x);
        h.append("<p>One row per lever moved, one column per outcome: the change against the strategy as it is. "
                + "<b>Bold</b>: its 95% interval excludes 0 (the interval is shown when you point at a cell, and in "
                + "levers.csv); grey: it includes 0.</p>\n<div style=\"overflow-x:auto\"><table>\n<tr><th>Lever moved</th>");
        for (String out : outcomes) h.append("<th>").append(HtmlReport.esc(Outcome.of(out).name())).append("</th>");
        h.append("</tr>\n");
        for (Map<String, Row> cells : byLever.values()) {
            Row first = cells.values().iterator().next();
            h.append("<tr><td title=\"").append(HtmlReport.esc(first.change())).append("\">")
                    .append(HtmlReport.esc(first.shortName())).append("</td>");
            for (String out : outcomes) {
                Row x = cells.get(out);
                if (x == null || Double.isNaN(x.effect())) {
                    h.append("<td class=\"num ns\">n/a</td>");
                    continue;
                }
                boolean abs = absolute(out);
                Outcome o = Outcome.of(out);
                String value = abs ? narcosim.metrics.Outcome.signedNumber(o.shown(x.effect())) : String.format(Locale.ROOT, "%+.1f%%", x.pct());
                String ci = abs ? "[" + narcosim.metrics.Outcome.signedNumber(o.shown(x.low())) + ", " + narcosim.metrics.Outcome.signedNumber(o.shown(x.high())) + "]"
                        : String.format(Locale.ROOT, "[%+.1f%%, %+.1f%%]", x.pctLow(), x.pctHigh());
                h.append("<td class=\"num").append(x.moves() ? "" : " ns").append("\" title=\"95% interval ")
                        .append(HtmlReport.esc(ci.replace('-', '\u2212'))).append("\">")
                        .append(x.moves() ? "<b>" : "").append(HtmlReport.esc(value.replace('-', '\u2212')))
                        .append(x.moves() ? "</b>" : "").append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
        Map<String, Boolean> anyByLever = new LinkedHashMap<>();
        for (Row x : rows) anyByLever.merge(x.name(), x.moves(), Boolean::logicalOr);
        List<String> still = anyByLever.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        h.append("<h2 id=\"nothing\">Levers that moved nothing</h2>\n");
        if (still.isEmpty()) {
            h.append("<p>Every lever moved at least one outcome.</p>\n");
        } else {
            h.append("<ul>\n");
            for (String s : still) h.append("<li>").append(HtmlReport.esc(s)).append("</li>\n");
            h.append("</ul>\n");
        }
        h.append("<h2 id=\"charts\">Charts</h2>\n");
        Path charts = r.dir().resolve(Report.CHARTS);
        for (String out : outcomes) {
            HtmlReport.figure(h, charts.resolve(chartName(out) + ".png"), Outcome.of(out).name()
                    + ": each lever's change with its 95% interval, largest first.");
        }
        h.append("<h2 id=\"version\">Version and seeds</h2>\n<table>\n");
        HtmlReport.row(h, "narcosim version", String.valueOf(manifest.get("narcosim_version")));
        HtmlReport.row(h, "Scenario", scenario);
        HtmlReport.row(h, "Scenario SHA-256", String.valueOf(manifest.get("scenario_sha256")));
        HtmlReport.row(h, "Seeds", String.valueOf(manifest.get("seeds")));
        HtmlReport.row(h, "Runs", String.valueOf(manifest.get("runs")));
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }
}
