package narcosim.calibrate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import narcosim.experiment.AtomicDirectory;
import narcosim.report.ChartFiles;
import narcosim.report.ChartStyle;
import narcosim.report.HtmlReport;
import narcosim.util.Fmt;

/**
 * What a calibration shows: the fit chart (every target's accepted range and the model under the hand-set and the
 * calibrated values, on one standardised scale), the search's progress, a report page, and the terminal's table.
 */
public final class CalibrationReport {

    public static final String PAGE = "report.html";
    /** Fewer effective particles than this give correlations too noisy to call parameters hard to tell apart. */
    static final int MIN_ESS_FOR_CORRELATIONS = 20;

    private CalibrationReport() {
    }

    /** charts/fit.png|svg, charts/search.png|svg and report.html in the calibration's directory. */
    static void write(Calibration.Result r, Calibration.Request req) throws IOException {
        Path charts = r.dir().resolve("charts");
        Files.createDirectories(charts);
        ChartFiles.write(fitChart(r), charts, "fit", ChartStyle.WIDTH, 140 + 48 * r.targets().targets().size());
        ChartFiles.write(searchChart(r), charts, "search");
        if (r.sample() != null) {
            for (int i = 0; i < r.priors().size(); i++) {
                ChartFiles.write(marginalChart(r, i), charts, "posterior-" + r.priors().get(i).key(), 700, 360);
            }
        }
        String html = page(r, req);
        AtomicDirectory.writeFile(r.dir().resolve(PAGE), p -> Files.writeString(p, html, StandardCharsets.UTF_8));
    }

    /** (value - observed) / sd: the scale on which targets of different units are drawn together. */
    private static double z(Target t, double v) {
        return (v - t.observed()) / t.sd();
    }

    static JFreeChart fitChart(Calibration.Result r) {
        List<Target> ts = r.targets().targets();
        int n = ts.size();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            Target t = ts.get(i);
            names[n - 1 - i] = t.id() + (r.heldOut().contains(t.id()) ? " (held out)" : ""); // first target on top
        }
        XIntervalSeriesCollection data = new XIntervalSeriesCollection();
        data.addSeries(series("accepted range of the figure", ts, r, 0));
        data.addSeries(series("model, hand-set values (mean, 95% interval)", ts, r, 1));
        data.addSeries(series("model, calibrated values (mean, 95% interval)", ts, r, 2));
        NumberAxis x = new NumberAxis("standardised distance from the published figure: (model - observed) / sd");
        SymbolAxis y = new SymbolAxis(null, names);
        y.setGridBandsVisible(false);
        XYErrorRenderer rend = new XYErrorRenderer();
        rend.setDrawYError(false);
        rend.setDrawXError(true);
        rend.setErrorStroke(new BasicStroke(2f));
        rend.setCapLength(6);
        rend.setSeriesPaint(0, new Color(0xAAAAAA));
        rend.setSeriesPaint(1, ChartStyle.OKABE_ITO[1]);
        rend.setSeriesPaint(2, ChartStyle.OKABE_ITO[4]);
        rend.setSeriesShapesVisible(0, true);
        rend.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-1.5, -6, 3, 12));
        rend.setSeriesLinesVisible(0, false);
        rend.setSeriesLinesVisible(1, false);
        rend.setSeriesLinesVisible(2, false);
        XYPlot plot = new XYPlot(data, x, y, rend);
        plot.setOrientation(org.jfree.chart.plot.PlotOrientation.VERTICAL);
        ValueMarker zero = new ValueMarker(0, Color.BLACK, new BasicStroke(1f));
        plot.addDomainMarker(zero);
        JFreeChart chart = new JFreeChart("Calibration targets: published figures and the model", null, plot, true);
        return ChartStyle.style(chart, "Grey: the range the sources give (tick: the figure itself, at 0). Orange: the "
                + "model with the scenario's hand-set values; blue: calibrated. " + r.targets().targets().get(0).strategy()
                + " strategy, means over replicates.");
    }

    /**
     * One series of the fit chart, as (value, low, high, row): the accepted range (which 0) or the model's mean and
     * interval with the hand-set (1) or calibrated (2) values, each target on its own row.
     */
    private static XIntervalSeries series(String name, List<Target> ts, Calibration.Result r, int which) {
        XIntervalSeries out = new XIntervalSeries(name);
        int n = ts.size();
        for (int i = 0; i < n; i++) {
            Target t = ts.get(i);
            int y = n - 1 - i;
            if (which == 0) {
                out.add(z(t, t.observed()), z(t, t.low()), z(t, t.high()), y);
            } else {
                Fit.Row row = (which == 1 ? r.handSetFit() : r.calibratedFit()).rows().get(i);
                double lo = Double.isNaN(row.model().low()) ? row.model().mean() : row.model().low();
                double hi = Double.isNaN(row.model().high()) ? row.model().mean() : row.model().high();
                out.add(z(t, row.model().mean()), z(t, lo), z(t, hi), y + (which == 1 ? 0.18 : -0.18));
            }
        }
        return out;
    }

    static JFreeChart searchChart(Calibration.Result r) {
        XYSeries each = new XYSeries("each candidate");
        XYSeries best = new XYSeries("best so far");
        double b = Double.POSITIVE_INFINITY;
        for (Search.Evaluation e : r.evaluations()) {
            double l = Math.max(1e-3, e.loss());
            each.add(e.index() + 1, l);
            b = Math.min(b, l);
            best.add(e.index() + 1, b);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(each);
        data.addSeries(best);
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer();
        rend.setSeriesLinesVisible(0, false);
        rend.setSeriesShapesVisible(0, true);
        rend.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        rend.setSeriesPaint(0, new Color(0x999999));
        rend.setSeriesShapesVisible(1, false);
        rend.setSeriesPaint(1, ChartStyle.OKABE_ITO[4]);
        rend.setSeriesStroke(1, new BasicStroke(2.5f));
        NumberAxis x = new NumberAxis("candidate (in the order evaluated)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogAxis y = new LogAxis("loss (sum of squared standardised distances, log scale)");
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        XYPlot plot = new XYPlot(data, x, y, rend);
        JFreeChart chart = new JFreeChart("Calibration search (CMA-ES)", null, plot, true);
        return ChartStyle.style(chart, r.evaluations().size() + " candidates, each " + r.runsPerCandidate()
                + " runs with the same seeds; lower is closer to the fitted targets");
    }

    /** A parameter's posterior: weighted histogram of the particles over its prior range, hand-set and calibrated marked. */
    static JFreeChart marginalChart(Calibration.Result r, int k) {
        Prior p = r.priors().get(k);
        Posterior.Generation g = r.sample();
        int bins = 20;
        double[] mass = new double[bins];
        for (int i = 0; i < g.particles().size(); i++) {
            int b = Math.min(bins - 1, (int) Math.floor(g.particles().get(i).position()[k] * bins));
            mass[b] += g.weights()[i];
        }
        // Each bin drawn from its own ends (equal widths on the prior's scale, linear or log).
        org.jfree.data.xy.XYIntervalSeries hist = new org.jfree.data.xy.XYIntervalSeries("posterior (weighted particles)");
        for (int b = 0; b < bins; b++) {
            hist.add(p.value((b + 0.5) / bins), p.value((double) b / bins), p.value((b + 1.0) / bins), mass[b], 0, mass[b]);
        }
        org.jfree.data.xy.XYIntervalSeriesCollection data = new org.jfree.data.xy.XYIntervalSeriesCollection();
        data.addSeries(hist);
        org.jfree.chart.renderer.xy.XYBarRenderer bars = new org.jfree.chart.renderer.xy.XYBarRenderer(0.05);
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x9ECAE1));
        org.jfree.chart.axis.ValueAxis x;
        if (p.log()) {
            LogAxis log = new LogAxis(p.key() + " (log scale)");
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.####"));
            log.setStandardTickUnits(NumberAxis.createStandardTickUnits());
            x = log;
        } else {
            x = new NumberAxis(p.key());
        }
        x.setRange(p.low(), p.high());
        NumberAxis y = new NumberAxis("weight");
        XYPlot plot = new XYPlot(data, x, y, bars);
        plot.addDomainMarker(marker(r.handSet()[k], ChartStyle.OKABE_ITO[1], "hand-set"));
        plot.addDomainMarker(marker(r.calibrated()[k], ChartStyle.OKABE_ITO[4], "calibrated"));
        JFreeChart chart = new JFreeChart(p.key(), null, plot, false);
        return ChartStyle.style(chart, String.format(java.util.Locale.ROOT,
                "posterior mean %s, 95%% interval %s to %s; orange: hand-set, blue: calibrated (point fit)",
                Fmt.num(sig(g.mean(k))), Fmt.num(sig(g.quantile(k, 0.025))), Fmt.num(sig(g.quantile(k, 0.975)))));
    }

    private static ValueMarker marker(double v, Color c, String label) {
        ValueMarker m = new ValueMarker(v, c, new BasicStroke(2.5f));
        m.setLabel(label);
        m.setLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 12));
        m.setLabelPaint(c);
        m.setLabelAnchor(org.jfree.ui.RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(org.jfree.ui.TextAnchor.TOP_LEFT);
        return m;
    }

    // ------------------------------------------------------------------ page

    private static String page(Calibration.Result r, Calibration.Request req) throws IOException {
        StringBuilder h = new StringBuilder();
        String title = "Calibration of " + req.scenario().getFileName() + " against " + req.targets().getFileName();
        HtmlReport.head(h, title);
        h.append("<h1>").append(HtmlReport.esc(title)).append("</h1>\n");
        h.append("<p class=\"muted\">narcosim calibrate: CMA-ES over ").append(r.priors().size())
                .append(" uncertain model parameters, ").append(r.evaluations().size()).append(" candidates, each ")
                .append(r.runsPerCandidate()).append(" runs of ").append(HtmlReport.esc(r.strategiesText()))
                .append(" with common random numbers (base seed ").append(req.seed()).append(").</p>\n");
        h.append("<h2>In short</h2>\n<ul>\n");
        long inHand = r.handSetFit().rows().stream().filter(Fit.Row::within).count();
        long inCal = r.calibratedFit().rows().stream().filter(Fit.Row::within).count();
        int n = r.targets().targets().size();
        h.append("<li>Targets within their published range: <b>").append(inHand).append(" of ").append(n)
                .append("</b> with the scenario's hand-set values, <b>").append(inCal).append(" of ").append(n)
                .append("</b> calibrated.</li>\n");
        h.append("<li>Loss over the fitted targets (the sum of squared standardised distances): ")
                .append(Fmt.num(sig(r.handSetFit().loss()))).append(" hand-set, ")
                .append(Fmt.num(sig(r.calibratedFit().loss()))).append(" calibrated.</li>\n");
        if (!r.heldOut().isEmpty()) {
            double a = ScenarioPatch.heldOutLoss(r.handSetFit());
            double b = ScenarioPatch.heldOutLoss(r.calibratedFit());
            h.append("<li>Held out of the fit (").append(HtmlReport.esc(String.join(", ", r.heldOut())))
                    .append("): their loss terms went from ").append(Fmt.num(sig(a))).append(" to ").append(Fmt.num(sig(b)))
                    .append(b < a ? " &mdash; the calibration predicts them better than the hand-set values."
                            : " &mdash; the calibration does <b>not</b> predict them better than the hand-set values.")
                    .append("</li>\n");
        }
        for (int i = 0; i < r.priors().size(); i++) {
            Prior p = r.priors().get(i);
            double pos = p.position(r.calibrated()[i]);
            if (pos < 0.02 || pos > 0.98) {
                h.append("<li class=\"bad\">").append(HtmlReport.esc(p.key())).append(" ended at the ")
                        .append(pos < 0.5 ? "lower" : "upper").append(" edge of its prior range: the targets want it "
                        + "beyond the range the sources allow, or another mechanism is missing.</li>\n");
            }
        }
        h.append("</ul>\n");
        HtmlReport.figure(h, r.dir().resolve("charts/fit.png"), "Every target on one scale: the model's mean and 95% "
                + "interval over replicates, with the hand-set values (orange) and calibrated (blue), against the range "
                + "the sources give (grey). 0 is the published figure; 1 is one standard error of it.");
        h.append("<h2>Parameters</h2>\n<table>\n<tr><th>parameter</th><th>prior range</th><th>hand-set</th>"
                + "<th>calibrated</th><th>what it is</th><th>why this range</th></tr>\n");
        for (int i = 0; i < r.priors().size(); i++) {
            Prior p = r.priors().get(i);
            h.append("<tr><td><code>").append(HtmlReport.esc(p.key())).append("</code></td><td class=\"num\">")
                    .append(Fmt.num(p.low())).append(" &ndash; ").append(Fmt.num(p.high())).append(p.log() ? " (log)" : "")
                    .append("</td><td class=\"num\">").append(Fmt.num(r.handSet()[i])).append("</td><td class=\"num\">")
                    .append(Fmt.num(r.calibrated()[i])).append("</td><td>").append(HtmlReport.esc(p.param().description()))
                    .append("</td><td>").append(HtmlReport.esc(p.why())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        posterior(h, r);
        h.append("<h2>Fit table</h2>\n<div class=\"scroll\"><table>\n<tr><th>target</th><th>what</th><th>observed "
                + "(range)</th><th>hand-set: model (95% interval)</th><th>calibrated: model (95% interval)</th>"
                + "<th>source</th></tr>\n");
        for (int i = 0; i < n; i++) {
            Target t = r.targets().targets().get(i);
            Fit.Row a = r.handSetFit().rows().get(i);
            Fit.Row b = r.calibratedFit().rows().get(i);
            h.append("<tr><td>").append(HtmlReport.esc(t.id())).append(r.heldOut().contains(t.id()) ? " <i>(held out)</i>" : "")
                    .append("</td><td>").append(HtmlReport.esc(t.statistic().text())).append(", ")
                    .append(HtmlReport.esc(t.window())).append(" [").append(HtmlReport.esc(t.unit())).append("]</td>")
                    .append("<td class=\"num\">").append(Fmt.num(t.observed())).append(" (").append(Fmt.num(t.low()))
                    .append(" &ndash; ").append(Fmt.num(t.high())).append(")</td>");
            cell(h, a);
            cell(h, b);
            String src = t.source().length() > 90 ? t.source().substring(0, 87) + "..." : t.source();
            h.append("<td class=\"muted\" title=\"").append(HtmlReport.esc(t.source())).append("\">")
                    .append(HtmlReport.esc(src)).append(t.verified() ? "" : " <i>(not fully verified)</i>")
                    .append("</td></tr>\n");
        }
        h.append("</table></div>\n<p class=\"muted\">Hover over a source for its full text; fit.csv and the targets "
                + "file have it with the notes on how each figure maps onto the model.</p>\n");
        HtmlReport.figure(h, r.dir().resolve("charts/search.png"), "The search: each candidate's loss (grey) and the "
                + "best so far (blue).");
        h.append("<h2>Run it</h2>\n<p>The calibrated scenario is <code>").append(HtmlReport.esc(
                r.scenarioFile().getFileName().toString())).append("</code> in this directory: the scenario file as it "
                + "was, with the calibrated values marked <code># calibrated</code>. Compare strategies on it with "
                + "<code>narcosim compare ").append(HtmlReport.esc(r.scenarioFile().toString())).append("</code>.</p>\n");
        h.append("<p class=\"muted\">Files: fit.csv (each target, hand-set and calibrated), parameters.csv, "
                + "evaluations.csv (every candidate), manifest.yaml (the request, with the scenario's and targets' "
                + "SHA-256).</p>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The posterior: intervals, the correlations that show what the targets cannot tell apart, the marginals. */
    private static void posterior(StringBuilder h, Calibration.Result r) throws IOException {
        Posterior.Generation g = r.sample();
        if (g == null) {
            h.append("<p class=\"ns\">No posterior was computed (--particles 0): the point fit above has no "
                    + "uncertainty attached.</p>\n");
            return;
        }
        int d = r.priors().size();
        h.append("<h2>Uncertainty: the posterior (ABC-SMC)</h2>\n<p>Approximate Bayesian computation with sequential "
                + "Monte Carlo (Toni et al. 2009; Beaumont et al. 2009): ").append(g.particles().size())
                .append(" particles, ").append(r.posterior().size()).append(" generations, each proposal one run with "
                + "its own seed; a particle is kept when its distance to the fitted targets (the square root of one "
                + "run's loss) is within the generation's tolerance, the last being ").append(Fmt.num(sig(g.tolerance())))
                .append(" (effective sample size ").append(Fmt.num(sig(g.effectiveSize()))).append(", ")
                .append(g.proposals()).append(" proposals in the last generation). Uniform priors over the ranges above."
                + "</p>\n");
        h.append("<table>\n<tr><th>parameter</th><th>posterior mean</th><th>95% interval</th><th>prior range</th></tr>\n");
        for (int i = 0; i < d; i++) {
            Prior p = r.priors().get(i);
            h.append("<tr><td><code>").append(HtmlReport.esc(p.key())).append("</code></td><td class=\"num\">")
                    .append(Fmt.num(sig(g.mean(i)))).append("</td><td class=\"num\">")
                    .append(Fmt.num(sig(g.quantile(i, 0.025)))).append(" &ndash; ")
                    .append(Fmt.num(sig(g.quantile(i, 0.975)))).append("</td><td class=\"num\">").append(Fmt.num(p.low()))
                    .append(" &ndash; ").append(Fmt.num(p.high())).append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Correlations between parameters in the posterior</h3>\n<p>Strong correlations (beyond "
                + "&plusmn;0.5) mark parameters the targets cannot tell apart: the data fix a combination of them, "
                + "not each one.").append(g.effectiveSize() < MIN_ESS_FOR_CORRELATIONS ? " <span class=\"ns\">With "
                + Fmt.num(sig2(g.effectiveSize())) + " effective particles (fewer than " + MIN_ESS_FOR_CORRELATIONS
                + ") these correlations are too noisy to read: give more --particles.</span>" : "")
                .append("</p>\n<div class=\"scroll\"><table class=\"matrix\">\n<tr><th></th>");
        for (Prior p : r.priors()) h.append("<th><code>").append(HtmlReport.esc(p.key())).append("</code></th>");
        h.append("</tr>\n");
        for (int a = 0; a < d; a++) {
            h.append("<tr><th><code>").append(HtmlReport.esc(r.priors().get(a).key())).append("</code></th>");
            for (int b = 0; b < d; b++) {
                double c = g.correlation(a, b);
                String cls = a != b && Math.abs(c) > 0.5 && g.effectiveSize() >= MIN_ESS_FOR_CORRELATIONS ? " bad" : "";
                h.append("<td class=\"num").append(cls).append("\">").append(a == b ? "1" : Fmt.num(sig2(c))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
        h.append("<div style=\"display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:0 1em\">\n");
        for (Prior p : r.priors()) {
            HtmlReport.figure(h, r.dir().resolve("charts/posterior-" + p.key() + ".png"), "Posterior of " + p.key()
                    + " over its prior range.");
        }
        h.append("</div>\n");
    }

    private static double sig2(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }

    private static void cell(StringBuilder h, Fit.Row row) {
        String cls = row.within() ? "good" : "bad";
        h.append("<td class=\"num ").append(cls).append("\">").append(Fmt.num(sig(row.model().mean()))).append(" (")
                .append(Fmt.num(sig(row.model().low()))).append(" &ndash; ").append(Fmt.num(sig(row.model().high())))
                .append(")</td>");
    }

    private static double sig(double v) {
        return Calibration.significant(v, 3);
    }

    /** The terminal's summary: each target with the hand-set and calibrated model means, then the parameters. */
    public static String table(Calibration.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-24s %12s %23s %12s %12s%n", "target", "observed", "range", "hand-set", "calibrated"));
        for (int i = 0; i < r.targets().targets().size(); i++) {
            Target t = r.targets().targets().get(i);
            Fit.Row a = r.handSetFit().rows().get(i);
            Fit.Row b = r.calibratedFit().rows().get(i);
            sb.append(String.format("%-24s %12s %23s %11s%s %11s%s%s%n", t.id(), Fmt.num(sig(t.observed())),
                    Fmt.num(sig(t.low())) + " - " + Fmt.num(sig(t.high())), Fmt.num(sig(a.model().mean())),
                    a.within() ? " " : "*", Fmt.num(sig(b.model().mean())), b.within() ? " " : "*",
                    r.heldOut().contains(t.id()) ? "  (held out)" : ""));
        }
        sb.append(String.format("loss over the fitted targets: hand-set %s, calibrated %s   (* outside the range)%n",
                Fmt.num(sig(r.handSetFit().loss())), Fmt.num(sig(r.calibratedFit().loss()))));
        Posterior.Generation g = r.sample();
        sb.append(String.format("%n%-34s %10s %11s %21s %21s%n", "parameter", "hand-set", "calibrated",
                g == null ? "" : "posterior 95%", "prior range"));
        for (int i = 0; i < r.priors().size(); i++) {
            Prior p = r.priors().get(i);
            sb.append(String.format("%-34s %10s %11s %21s %21s%n", p.key(), Fmt.num(r.handSet()[i]),
                    Fmt.num(r.calibrated()[i]), g == null ? "" : Fmt.num(sig(g.quantile(i, 0.025))) + " - "
                            + Fmt.num(sig(g.quantile(i, 0.975))),
                    Fmt.num(p.low()) + " - " + Fmt.num(p.high()) + (p.log() ? " log" : "")));
        }
        if (g != null && g.effectiveSize() < MIN_ESS_FOR_CORRELATIONS) {
            sb.append(String.format("(the posterior's %s effective particles are too few to judge correlations: at least %d"
                    + " are needed; give more --particles)%n", Fmt.num(sig2(g.effectiveSize())), MIN_ESS_FOR_CORRELATIONS));
        } else if (g != null) {
            for (int a = 0; a < r.priors().size(); a++) {
                for (int b = a + 1; b < r.priors().size(); b++) {
                    double c = g.correlation(a, b);
                    if (Math.abs(c) > 0.5) {
                        sb.append(String.format("the targets hardly tell apart %s and %s (posterior correlation %s)%n",
                                r.priors().get(a).key(), r.priors().get(b).key(), Fmt.num(sig2(c))));
                    }
                }
            }
        }
        return sb.toString();
    }
}
