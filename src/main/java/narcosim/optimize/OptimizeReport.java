package narcosim.optimize;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import narcosim.experiment.AtomicDirectory;
import narcosim.experiment.Statistics;
import narcosim.metrics.Outcome;
import narcosim.metrics.Outcomes;
import narcosim.report.ChartFiles;
import narcosim.report.ChartStyle;
import narcosim.report.HtmlReport;
import narcosim.util.Fmt;

/**
 * What an optimisation shows: each pair of objectives as a chart (every candidate, the front with its 95% intervals,
 * the presets marked), how the presets stand against the front, whether the front stands out of the noise, and the
 * strategies written; as report.html and as the terminal's summary.
 */
public final class OptimizeReport {

    public static final String PAGE = "report.html";
    /** A front whose median interval half-width exceeds this share of its span is mostly noise in that objective. */
    static final double NOISY = 0.25;

    private OptimizeReport() {
    }

    static void write(Optimization.Result r) throws IOException {
        Path charts = r.dir().resolve("charts");
        Files.createDirectories(charts);
        List<Goals.Objective> os = r.setup().goals.objectives();
        for (int a = 0; a < os.size(); a++) {
            for (int b = a + 1; b < os.size(); b++) {
                ChartFiles.write(chart(r, a, b), charts, chartName(os, a, b), ChartStyle.WIDTH, 700);
            }
        }
        String html = page(r);
        AtomicDirectory.writeFile(r.dir().resolve(PAGE), p -> Files.writeString(p, html, StandardCharsets.UTF_8));
    }

    static String chartName(List<Goals.Objective> os, int a, int b) {
        return "front-" + os.get(a).outcome() + "-vs-" + os.get(b).outcome();
    }

    /** The outcome's declaration (label, unit, display scale), or one made from its name. */
    static Outcome outcome(String name) {
        Outcome o = Outcomes.measure(name);
        return o != null ? o : new Outcome(name, Outcome.Kind.LEVEL, "", name, "", 1, "", Outcome.Change.ABSOLUTE);
    }

    private static String axis(Goals.Objective o) {
        return outcome(o.outcome()).title() + (o.maximise() ? " \u2014 more is better" : " \u2014 less is better");
    }

    static JFreeChart chart(Optimization.Result r, int a, int b) {
        List<Goals.Objective> os = r.setup().goals.objectives();
        Outcome oa = outcome(os.get(a).outcome());
        Outcome ob = outcome(os.get(b).outcome());
        XYIntervalSeries others = new XYIntervalSeries("candidates evaluated (means)");
        XYIntervalSeries front = new XYIntervalSeries("Pareto front (means, 95% intervals)");
        XYIntervalSeries presets = new XYIntervalSeries("the scenario's preset strategies (same seeds)");
        XYIntervalSeries written = new XYIntervalSeries("written as strategies (optimized-N)");
        List<XYTextAnnotation> labels = new ArrayList<>();
        for (Optimization.Evaluation e : r.evaluations()) {
            Statistics.Estimate x = e.estimates().get(os.get(a).outcome());
            Statistics.Estimate y = e.estimates().get(os.get(b).outcome());
            double xm = oa.display(x.mean());
            double ym = ob.display(y.mean());
            if (e.preset() != null) {
                presets.add(xm, xm, xm, ym, ym, ym);
                XYTextAnnotation t = new XYTextAnnotation("  " + e.preset(), xm, ym);
                t.setTextAnchor(TextAnchor.CENTER_LEFT);
                t.setPaint(ChartStyle.OKABE_ITO[5]);
                labels.add(t);
            } else if (r.front().contains(e)) {
                XYIntervalSeries s = r.written().stream().anyMatch(w -> w.evaluation() == e) ? written : front;
                s.add(xm, lo(oa, x), hi(oa, x), ym, lo(ob, y), hi(ob, y));
                r.written().stream().filter(w -> w.evaluation() == e).findFirst().ifPresent(w -> {
                    XYTextAnnotation t = new XYTextAnnotation(w.id() + "  ", xm, ym);
                    t.setTextAnchor(TextAnchor.CENTER_RIGHT);
                    t.setPaint(ChartStyle.OKABE_ITO[4]);
                    labels.add(t);
                });
            } else {
                others.add(xm, xm, xm, ym, ym, ym);
            }
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(others);
        data.addSeries(front);
        data.addSeries(written);
        data.addSeries(presets);
        XYErrorRenderer rend = new XYErrorRenderer();
        rend.setErrorStroke(new BasicStroke(1f));
        rend.setCapLength(3);
        for (int i = 0; i < 4; i++) rend.setSeriesLinesVisible(i, false);
        rend.setSeriesPaint(0, new Color(0xBBBBBB));
        rend.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        rend.setSeriesPaint(1, ChartStyle.OKABE_ITO[2]);
        rend.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
        rend.setSeriesPaint(2, ChartStyle.OKABE_ITO[4]);
        rend.setSeriesShape(2, new Ellipse2D.Double(-5, -5, 10, 10));
        rend.setSeriesPaint(3, ChartStyle.OKABE_ITO[5]);
        rend.setSeriesShape(3, new Rectangle2D.Double(-5, -5, 10, 10));
        rend.setErrorPaint(new Color(0x8ACBEF));
        NumberAxis x = new NumberAxis(axis(os.get(a)));
        NumberAxis y = new NumberAxis(axis(os.get(b)));
        x.setAutoRangeIncludesZero(false);
        x.setUpperMargin(0.1); // room for the labels of the presets on the right
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, rend);
        labels.forEach(plot::addAnnotation);
        JFreeChart chart = new JFreeChart(oa.label() + " against " + ob.label(), null, plot, true);
        return ChartStyle.style(chart, "Each point a strategy, the mean of " + r.setup().req.replicates()
                + " replicates on the same seeds. The front is over all objectives: a point may look dominated in "
                + "this pair and still be on it.");
    }

    private static double lo(Outcome o, Statistics.Estimate e) {
        return o.display(Double.isNaN(e.low()) ? e.mean() : e.low());
    }

    private static double hi(Outcome o, Statistics.Estimate e) {
        return o.display(Double.isNaN(e.high()) ? e.mean() : e.high());
    }

    // ------------------------------------------------------------------ noise

    /** One objective's front: its span (max - min of the means) and the median 95% half-width of its members. */
    record Noise(String outcome, double span, double halfWidth) {
        double ratio() {
            return span > 0 ? halfWidth / span : Double.POSITIVE_INFINITY;
        }
    }

    static List<Noise> noise(Optimization.Result r) {
        List<Noise> out = new ArrayList<>();
        for (Goals.Objective o : r.setup().goals.objectives()) {
            double[] means = r.front().stream().mapToDouble(e -> e.estimates().get(o.outcome()).mean()).toArray();
            double[] half = r.front().stream().mapToDouble(e -> {
                Statistics.Estimate est = e.estimates().get(o.outcome());
                return (est.high() - est.low()) / 2;
            }).toArray();
            if (means.length == 0) continue;
            Arrays.sort(half);
            double med = half.length % 2 == 1 ? half[half.length / 2] : (half[half.length / 2 - 1] + half[half.length / 2]) / 2;
            out.add(new Noise(o.outcome(), Arrays.stream(means).max().getAsDouble() - Arrays.stream(means).min()
                    .getAsDouble(), med));
        }
        return out;
    }

    // ------------------------------------------------------------------ text

    /** Where each preset stands, one line each (the terminal and the page say the same). */
    static List<String> standings(Optimization.Result r) {
        List<String> out = new ArrayList<>();
        List<Goals.Objective> os = r.setup().goals.objectives();
        for (Optimization.PresetStanding st : r.presets()) {
            String id = st.preset().preset();
            if (!st.dominated()) {
                out.add(id + ": not dominated by the front" + (st.preset().feasible() ? "" : " (but it breaks a constraint)"));
                continue;
            }
            List<String> gains = new ArrayList<>();
            for (int k = 0; k < os.size(); k++) {
                String o = os.get(k).outcome();
                Statistics.Estimate d = st.difference()[k];
                gains.add(o + " " + outcome(o).change(d.mean(), d.low(), d.high(),
                        st.preset().estimates().get(o).mean()) + (st.clear()[k] ? "" : " (not clear of noise)"));
            }
            String by = r.written().stream().filter(w -> w.evaluation() == st.by()).map(Optimization.Written::id)
                    .findFirst().orElse("candidate #" + st.by().index());
            out.add(id + ": dominated by " + by + " (" + shares(r, st.by()) + "): " + String.join("; ", gains));
        }
        return out;
    }

    static String shares(Optimization.Result r, Optimization.Evaluation e) {
        List<String> parts = new ArrayList<>();
        for (int p = 0; p < Space.PARTS.size(); p++) {
            parts.add(Space.PARTS.get(p) + " " + Fmt.num(Math.round(e.share(r.setup().scenario, p) * 1000) / 10.0) + "%");
        }
        return String.join(", ", parts);
    }

    /** A candidate's rule thresholds: "trust-low below 0.35, violence-rises above 0.12" ("" when none searched). */
    static String thresholds(Optimization.Result r, Optimization.Evaluation e) {
        Space space = r.setup().space;
        List<String> t = new ArrayList<>();
        for (int k = 0; k < space.thresholds().size(); k++) {
            t.add(space.thresholds().get(k).rule() + " " + space.thresholds().get(k).side() + " "
                    + e.threshold(r.setup().scenario, space, k));
        }
        return String.join(", ", t);
    }

    /** The page's account of the thresholds searched ("" when none). */
    private static String thresholdsHow(Optimization.Setup s) {
        if (s.space.thresholds().isEmpty()) return "";
        List<String> t = new ArrayList<>();
        for (Space.Threshold x : s.space.thresholds()) {
            t.add(x.rule() + " (" + x.side() + ", " + x.low().toPlainString() + " to " + x.high().toPlainString()
                    + " in steps of " + x.step().toPlainString() + "; " + x.range() + ")");
        }
        return "; and the threshold of each of the adaptive strategy's rules, each on its range and grain so that the "
                + "threshold written is the threshold run: " + String.join(", ", t) + "; the rules' indicators, lags "
                + "and moves stay as the scenario file gives them";
    }

    /** The terminal's summary after the run. */
    public static String summary(Optimization.Result r) {
        StringBuilder sb = new StringBuilder();
        List<Goals.Objective> os = r.setup().goals.objectives();
        sb.append("Front: ").append(r.front().size()).append(" of ")
                .append(r.evaluations().stream().filter(e -> e.preset() == null).count())
                .append(" candidates. Written as strategies:\n");
        for (Optimization.Written w : r.written()) {
            sb.append("  ").append(w.id()).append(" (").append(w.name().replace("Optimised: ", "")).append("): ")
                    .append(shares(r, w.evaluation()));
            var d = w.evaluation().candidate().doctrine(r.setup().space);
            if (!d.isEmpty()) sb.append("; ").append(d.toString().replaceAll("[{}]", ""));
            if (!r.setup().space.thresholds().isEmpty()) sb.append("; rules ").append(thresholds(r, w.evaluation()));
            sb.append("\n    ");
            List<String> vals = new ArrayList<>();
            for (Goals.Objective o : os) {
                vals.add(o.outcome() + " " + outcome(o.outcome()).format(w.evaluation().estimates().get(o.outcome()).mean()));
            }
            sb.append(String.join(", ", vals)).append("\n");
        }
        sb.append("Presets against the front (paired differences, 95% intervals, same seeds):\n");
        for (String l : standings(r)) sb.append("  ").append(l).append("\n");
        sb.append("Noise: ");
        List<String> n = new ArrayList<>();
        for (Noise x : noise(r)) {
            n.add(x.outcome() + " interval half-width " + Fmt.num(Math.round(100 * x.ratio())) + "% of the front's span");
        }
        sb.append(String.join("; ", n)).append("\n");
        return sb.toString();
    }

    // ------------------------------------------------------------------ page

    private static String page(Optimization.Result r) throws IOException {
        Optimization.Setup s = r.setup();
        List<Goals.Objective> os = s.goals.objectives();
        StringBuilder h = new StringBuilder();
        String title = "Strategy search on " + s.req.scenario().getFileName();
        HtmlReport.head(h, title);
        h.append("<h1>").append(HtmlReport.esc(title)).append("</h1>\n");
        long searched = r.evaluations().stream().filter(e -> e.preset() == null).count();
        h.append("<p class=\"muted\">narcosim optimize: NSGA-II (MOEA Framework) over the budget shares and ")
                .append(s.space.switches().size()).append(" doctrine switches")
                .append(s.space.thresholds().isEmpty() ? "" : " and the " + s.space.thresholds().size()
                        + " rule thresholds of adaptive strategy " + s.space.template())
                .append(" at US$")
                .append(Fmt.num(s.scenario.budgetMusdPerYear())).append(" million a year; ").append(searched)
                .append(" candidates in ").append(r.generations()).append(" generations of ").append(s.req.population())
                .append(", each ").append(s.req.replicates()).append(" runs on the same seeds as every other candidate ")
                .append("and the presets (base seed ").append(s.req.seed()).append(").</p>\n");
        h.append("<h2>In short</h2>\n<ul>\n");
        h.append("<li>Objectives: ").append(HtmlReport.esc(String.join(", ", os.stream().map(o -> outcome(o.outcome())
                .label() + (o.maximise() ? " (more is better)" : " (less is better)")).toList()))).append(".");
        if (!s.goals.constraints().isEmpty()) {
            h.append(" Constraints: ").append(HtmlReport.esc(String.join(", ", s.goals.constraints().stream()
                    .map(Goals.Constraint::text).toList()))).append(".");
        }
        h.append("</li>\n<li>The front has <b>").append(r.front().size()).append("</b> strategies that no other "
                + "candidate beats in every objective.</li>\n");
        long dominated = r.presets().stream().filter(Optimization.PresetStanding::dominated).count();
        h.append("<li><b>").append(dominated).append(" of ").append(r.presets().size()).append("</b> preset strategies "
                + "are dominated by a strategy of the front (see below by how much).</li>\n");
        for (Noise x : noise(r)) {
            boolean noisy = x.ratio() > NOISY;
            h.append("<li").append(noisy ? " class=\"bad\"" : "").append(">")
                    .append(HtmlReport.esc(outcome(x.outcome()).label())).append(": the front spans ")
                    .append(HtmlReport.esc(outcome(x.outcome()).format(x.span()))).append(", its members' 95% intervals "
                    + "are &plusmn;").append(HtmlReport.esc(outcome(x.outcome()).format(x.halfWidth())))
                    .append(" (median), ").append(Math.round(100 * x.ratio())).append("% of the span")
                    .append(noisy ? ": along this objective the front is mostly noise; give more --replicates." : ".")
                    .append("</li>\n");
        }
        h.append("</ul>\n");
        h.append("<h2>The front</h2>\n");
        for (int a = 0; a < os.size(); a++) {
            for (int b = a + 1; b < os.size(); b++) {
                HtmlReport.figure(h, r.dir().resolve("charts/" + chartName(os, a, b) + ".png"), "Two of the objectives: "
                        + "grey, every candidate; blue, the front with its 95% intervals; dark blue, the strategies "
                        + "written into the scenario file; red squares, the scenario's presets on the same seeds.");
            }
        }
        h.append("<h2>The presets against the front</h2>\n<p>For each preset, the front strategy that beats it in "
                + "every objective by the widest margin, and the paired differences (front minus preset, replicate by "
                + "replicate on the same seeds) with their 95% intervals.</p>\n<ul>\n");
        for (String l : standings(r)) h.append("<li>").append(HtmlReport.esc(l)).append("</li>\n");
        h.append("</ul>\n<h2>Strategies written</h2>\n<p>In <code>").append(HtmlReport.esc(r.scenarioFile().getFileName()
                .toString())).append("</code>, ready for <code>narcosim compare</code>:</p>\n<table>\n<tr><th>id</th>"
                + "<th>what</th><th>shares</th><th>doctrine</th>"
                + (s.space.thresholds().isEmpty() ? "" : "<th>rule thresholds</th>"));
        for (Goals.Objective o : os) h.append("<th>").append(HtmlReport.esc(outcome(o.outcome()).title())).append("</th>");
        h.append("</tr>\n");
        for (Optimization.Written w : r.written()) {
            h.append("<tr><td><code>").append(HtmlReport.esc(w.id())).append("</code></td><td>")
                    .append(HtmlReport.esc(w.name())).append("</td><td>").append(HtmlReport.esc(shares(r, w.evaluation())))
                    .append("</td><td>").append(HtmlReport.esc(w.evaluation().candidate().doctrine(s.space).toString()
                            .replaceAll("[{}]", ""))).append("</td>");
            if (!s.space.thresholds().isEmpty()) {
                h.append("<td>").append(HtmlReport.esc(thresholds(r, w.evaluation()))).append("</td>");
            }
            for (Goals.Objective o : os) {
                Statistics.Estimate e = w.evaluation().estimates().get(o.outcome());
                Outcome oc = outcome(o.outcome());
                h.append("<td class=\"num\">").append(HtmlReport.esc(oc.format(e.mean()))).append(" [")
                        .append(HtmlReport.esc(oc.format(e.low()))).append(", ").append(HtmlReport.esc(oc.format(e.high())))
                        .append("]</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<h2>How it was done</h2>\n<p>The decision: the four budget shares, a point of the simplex "
                + "(stick-breaking map of three coordinates of the unit cube, Devroye 1986; rounded to whole "
                + "thousandths so that the strategy written is the strategy run), and each doctrine switch the "
                + "scenario's strategies set (").append(HtmlReport.esc(String.join(", ", s.space.switches().stream()
                .map(Space.Switch::key).toList()))).append(")").append(HtmlReport.esc(thresholdsHow(s)))
                .append(". A candidate runs as strategy <code>")
                .append(HtmlReport.esc(s.space.template())).append("</code> with its shares and doctrine")
                .append(s.space.thresholds().isEmpty() ? "" : " and its rules' thresholds").append(" replaced. "
                + "Every candidate and preset runs replicate r with the same seed (common random numbers), so that "
                + "their differences are their strategies', not their draws'. The front is the set of candidates no "
                + "other beats in every objective's mean; choosing the best of many noisy means flatters them a "
                + "little (the winner's curse): run <code>narcosim compare</code> on the written file with a fresh "
                + "--seed to check.</p>\n<p class=\"muted\">Files: front.csv, evaluations.csv (every candidate), "
                + "presets.csv, runs.csv (every run), manifest.yaml.</p>\n</body>\n</html>\n");
        return h.toString();
    }
}
