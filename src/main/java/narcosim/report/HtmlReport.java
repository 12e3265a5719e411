package narcosim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import narcosim.experiment.AtomicDirectory;
import narcosim.experiment.ExperimentDir;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.Specs;

/**
 * DIR/report.html: one self-contained page (inline CSS, charts as base64 PNG data URIs, Apache ECharts and the
 * data inlined, no external requests). It answers first ({@link Headline}: which strategy does best on each
 * headline outcome, the trade-offs, every change with its paired interval), then lets a reader explore
 * ({@link Interactive}), then gives findings per strategy, the scenario, strategies and budgets (and why spend
 * differs from the allocation, {@link Budget}), the comparison table, why the price moves, interdiction, route
 * maps that zoom, the static charts for papers, version and seeds, and a parameters appendix. Same results
 * directory, same bytes.
 */
public final class HtmlReport {

    public static final String FILE = "report.html";

    /** The outcomes of the comparison table and the findings, in reading order. */
    private static final String CSS = """
            body{font-family:Helvetica,Arial,sans-serif;max-width:1100px;margin:1.5em auto;padding:0 1em;color:#222;\
            line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
            table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:.25em .55em;text-align:left;vertical-align:top}
            th{background:#f0f0f0}td.num{text-align:right;white-space:nowrap}
            .muted{color:#666}.ns{color:#666;font-style:italic}
            figure{margin:1em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}
            figcaption{font-size:.9em;color:#444}
            ul.findings li{margin-bottom:.5em}ul.answers li,ul.tradeoffs li{margin-bottom:.45em}
            .scroll{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}
            h3{margin:1.2em 0 .4em}td.good,.good{color:#0a6b2d}td.bad,.bad{color:#a8200d}
            td.good{background:#eef8f0}td.bad{background:#fbefec}
            table.wrap td{overflow-wrap:anywhere}code{overflow-wrap:anywhere}
            table.matrix th:first-child{min-width:10em}table.matrix td{min-width:7.5em;white-space:normal}
            .finding{border-left:4px solid #ccc;padding:.1em 0 .1em .8em;margin:1em 0}
            .finding h3{margin:.2em 0}.finding ul{margin:.2em 0 .4em;padding-left:1.3em}
            .finding .what{font-weight:bold;font-size:.92em;margin:.3em 0 0}
            .chart{width:100%;height:460px}.controls{margin:.4em 0;display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center}
            .controls select,.controls button{font-size:1em;padding:.15em .3em}
            .zoom{position:relative;overflow:hidden;border:1px solid #ccc;height:min(70vh,640px);cursor:grab;background:#fff;\
            touch-action:none}
            .zoom img{position:absolute;left:0;top:0;transform-origin:0 0;max-width:none;border:0;user-select:none}
            details{margin:1em 0}summary{cursor:pointer;font-weight:bold}
            @media (max-width:600px){body{padding:0 .5em;font-size:15px}.chart{height:380px}h1{font-size:1.35em}}
            """;

    private HtmlReport() {
    }

    /** Writes DIR/report.html from a finished compare directory (charts are read from DIR/charts/ if present). */
    public static Path write(Results r) throws IOException {
        return write(r.dir(), html(r));
    }

    /** Writes a page as DIR/report.html, atomically. */
    static Path write(Path dir, String html) throws IOException {
        Path target = dir.resolve(FILE);
        AtomicDirectory.writeFile(target, tmp -> Files.writeString(tmp, html, StandardCharsets.UTF_8));
        return target;
    }

    @SuppressWarnings("unchecked")
    static String html(Results r) throws IOException {
        Map<String, Object> manifest = new ExperimentDir(r.dir()).readManifest();
        Map<String, Object> request = manifest.get("request") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<String> sets = new ArrayList<>();
        if (request.get("sets") instanceof List<?> l) for (Object o : l) sets.add(String.valueOf(o));
        Scenario sc = null;
        String scenarioProblem = null;
        Object file = request.get("file");
        if (file != null) {
            try {
                sc = ScenarioLoader.load(Path.of(String.valueOf(file)), sets);
            } catch (Exception e) {
                scenarioProblem = "the scenario file " + file + " could not be read again (" + e.getMessage()
                        + "): strategy budgets and parameters are left out";
            }
        } else {
            scenarioProblem = "the manifest names no scenario file: strategy budgets and parameters are left out";
        }
        String title = sc != null ? sc.name() : String.valueOf(manifest.getOrDefault("scenario", r.name()));

        StringBuilder h = new StringBuilder(64 * 1024);
        head(h, "narcosim report: " + title);
        h.append("<h1>Counter-narcotics strategy comparison: ").append(esc(title)).append("</h1>\n");
        int replicates = manifest.get("design") instanceof Map<?, ?> d && d.get("replicates") instanceof Number n
                ? n.intValue() : -1;
        h.append("<p class=\"muted\">Made by narcosim ").append(esc(str(manifest.get("narcosim_version"))))
                .append(", an agent-based simulation of counter-narcotics campaigns. ")
                .append(r.strategies().size()).append(" strategies, ")
                .append(replicates > 0 ? replicates + " replicate runs each" : "replicate runs")
                .append(" (the same random seeds under every strategy), finished ")
                .append(esc(time(manifest.get("finished")))).append(". Experiment: ")
                .append(esc(r.name())).append(".</p>\n");

        h.append("<p class=\"muted\">Contents: <a href=\"#headline\">Headline</a> &middot; <a href=\"#explore\">Explore the results</a> &middot; <a href=\"#findings\">Findings by strategy</a> &middot; <a href=\"#scenario\">Scenario</a> &middot; <a href=\"#strategies\">Strategies and their budgets</a> &middot; <a href=\"#table\">Comparison table</a> &middot; <a href=\"#price\">Why the price moves</a> &middot; <a href=\"#interdiction\">Interdiction and partnership</a> &middot; <a href=\"#routes\">Routes</a> &middot; <a href=\"#charts\">Charts for papers</a> &middot; <a href=\"#version\">Version and seeds</a> &middot; <a href=\"#parameters\">Appendix: parameters</a></p>\n");
        final Scenario scen = sc;
        java.util.function.Function<String, String> label = id -> label(scen, id);
        Paired paired = Paired.of(r);
        h.append("<h2 id=\"headline\">Headline</h2>\n");
        Headline.write(h, r, paired, label);

        h.append("<h2 id=\"explore\">Explore the results</h2>\n");
        Interactive.section(h, r, paired, label);

        h.append("<h2 id=\"findings\">Findings by strategy</h2>\n");
        findings(h, r, sc, paired);

        h.append("<h2 id=\"scenario\">Scenario</h2>\n");
        if (sc != null && sc.description() != null) h.append("<p>").append(esc(sc.description().strip())).append("</p>\n");
        if (!sets.isEmpty()) h.append("<p>Settings changed for this comparison: <code>")
                .append(esc(String.join(", ", sets))).append("</code></p>\n");
        if (scenarioProblem != null) h.append("<p class=\"ns\">Note: ").append(esc(scenarioProblem)).append("</p>\n");

        h.append("<h2 id=\"strategies\">Strategies and their budgets</h2>\n");
        strategies(h, r, sc);

        h.append("<h2 id=\"table\">Comparison table</h2>\n");
        table(h, r, sc, paired);

        h.append("<h2 id=\"price\">Why the price moves</h2>\n");
        price(h, r, sc);
        MarketsSection.write(h, r, sc, paired);

        h.append("<h2 id=\"interdiction\">Interdiction and what the partnership money bought</h2>\n");
        interdiction(h, r);

        h.append("<h2 id=\"routes\">Routes</h2>\n");
        routes(h, r, sc);

        h.append("<h2 id=\"charts\">Charts for papers</h2>\n");
        charts(h, r);

        h.append("<h2 id=\"version\">Version and seeds</h2>\n<div class=\"scroll\"><table class=\"wrap\">\n");
        row(h, "narcosim version", str(manifest.get("narcosim_version")));
        row(h, "Scenario file", str(manifest.get("scenario")));
        row(h, "Scenario SHA-256", str(manifest.get("scenario_sha256")));
        row(h, "Base seed", str(request.get("seed")));
        row(h, "Seeds", str(manifest.get("seeds")));
        row(h, "Replicates per strategy", replicates > 0 ? String.valueOf(replicates) : "unknown");
        row(h, "Runs", str(manifest.get("runs")));
        row(h, "Baseline strategy", str(r.baseline()));
        row(h, "Started", time(manifest.get("started")));
        row(h, "Finished", time(manifest.get("finished")));
        h.append("</table></div>\n");

        h.append("<h2 id=\"parameters\">Appendix: parameters</h2>\n");
        appendix(h, r, sc);
        Interactive.scripts(h);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void strategies(StringBuilder h, Results r, Scenario sc) throws IOException {
        double budget = sc == null ? Double.NaN : sc.budgetMusdPerYear();
        if (!Double.isNaN(budget)) {
            h.append("<p>Each strategy splits a share of the yearly counter-narcotics budget of US$")
                    .append(esc(num(budget))).append(" million among four uses. ").append(r.referenceWord().equals("reference")
                            ? esc(label(sc, r.baseline())) + " is the reference every other strategy is compared with "
                            + "(compare --reference)" + (r.noCampaign() == null ? ".</p>\n" : "; "
                            + esc(label(sc, r.noCampaign())) + " spends nothing on a campaign.</p>\n")
                            : "The baseline spends nothing on a campaign and is what every other strategy is compared "
                            + "with.</p>\n");
        }
        h.append("<p>The charts name strategies by the short name shown in <code>code</code> type.</p>\n");
        h.append("<div class=\"scroll\"><table>\n<tr><th>Strategy</th><th>What it does</th><th>Military</th><th>Police</th>"
                + "<th>Development</th><th>Partner nations</th><th>Allocated (US$M per year)</th>"
                + "<th>Spent (US$M per year, mean of the runs)</th></tr>\n");
        for (String id : r.strategies()) {
            Specs.Strategy s = sc == null ? null : sc.strategy(id).orElse(null);
            h.append("<tr><td><b>").append(esc(label(sc, id))).append("</b><br><code>").append(esc(id))
                    .append("</code>");
            if (id.equals(r.baseline())) h.append(" <span class=\"muted\">(").append(r.referenceWord()).append(")</span>");
            h.append("</td><td>").append(esc(s == null || s.description() == null ? "" : s.description().strip()))
                    .append("</td>");
            if (s == null) {
                h.append("<td colspan=\"6\" class=\"muted\">unknown</td></tr>\n");
                continue;
            }
            Specs.Shares sh = s.shares();
            for (double v : new double[] {sh.military(), sh.police(), sh.development(), sh.partnership()}) {
                h.append("<td class=\"num\">").append(esc(pct(v))).append("</td>");
            }
            h.append("<td class=\"num\">").append(esc(num(sh.sum() * budget))).append("</td><td class=\"num\">")
                    .append(esc(num(r.summary(id, "spend_usd_total", "mean") / 1e6 / years(sc, id))))
                    .append("</td></tr>\n");
        }
        h.append("</table></div>\n");
        if (sc != null) {
            h.append("<p class=\"muted\">Shares are fractions of the yearly budget")
                    .append(AdaptiveSection.of(r, sc).isEmpty() ? "" : "; an adaptive strategy's are those it starts "
                            + "with (below: how they moved)").append(".</p>\n");
            spendNote(h, r, sc);
            AdaptiveSection.write(h, r, sc, r.dir().resolve(Report.CHARTS));
        }
    }

    private static int years(Scenario sc, String id) {
        try {
            return sc.forStrategy(id, 0L).params().integer("run.years");
        } catch (Exception e) {
            return 1;
        }
    }

    /** Why the spend differs from the allocation, strategy by strategy and use by use (see {@link Budget}). */
    private static void spendNote(StringBuilder h, Results r, Scenario sc) {
        List<String> items = new ArrayList<>();
        for (String id : r.strategies()) {
            Budget.Line b;
            try {
                b = Budget.of(sc, id);
            } catch (Exception e) {
                items.add("<li><b>" + esc(label(sc, id)) + "</b>: <span class=\"ns\">its purchases could not be "
                        + "worked out again (" + esc(String.valueOf(e.getMessage())) + ")</span></li>");
                continue;
            }
            if (b.allocatedUsdYear() <= 0) continue;
            double spent = r.summary(id, "spend_usd_total", "mean");
            if (AdaptiveSection.adaptive(sc, id)) {
                // What it buys follows each year's split: the starting split's purchases say nothing of later years.
                items.add("<li><b>" + esc(label(sc, id)) + "</b>: buys US$" + esc(num(b.boughtUsdYear() / 1e6))
                        + "M a year of its US$" + esc(num(b.allocatedUsdYear() / 1e6)) + "M at its starting split; its "
                        + "split moves at the yearly reviews and its purchases with it; the runs record US$"
                        + esc(num(spent / 1e6)) + "M over its " + b.years() + " campaign years on average.</li>");
                continue;
            }
            double gap = b.allocatedUsdYear() - b.boughtUsdYear();
            StringBuilder li = new StringBuilder("<li><b>").append(esc(label(sc, id))).append("</b>: ");
            if (gap < 0.5 && b.eradicationEndWeek() < 0) {
                li.append("spends its allocation, US$").append(esc(num(b.allocatedUsdYear() / 1e6))).append("M a year");
            } else {
                li.append("buys US$").append(esc(num(b.boughtUsdYear() / 1e6))).append("M a year of its US$")
                        .append(esc(num(b.allocatedUsdYear() / 1e6))).append("M");
                List<String> why = new ArrayList<>();
                for (Budget.Use u : b.uses()) {
                    if (u.why().isEmpty()) continue;
                    why.add(u.name().toLowerCase(Locale.ROOT) + " US$" + num(u.boughtUsdYear() / 1e6) + "M of "
                            + num(u.allocatedUsdYear() / 1e6) + "M: " + u.why());
                }
                if (!why.isEmpty()) li.append(" (").append(esc(minus(String.join("; ", why)))).append(")");
                if (b.eradicationEndWeek() >= 0 && b.eradicationUsdYear() > 0) {
                    li.append("; its eradication money (US$").append(esc(num(b.eradicationUsdYear() / 1e6)))
                            .append("M a year) stops when eradication ends, in campaign week ")
                            .append(b.eradicationEndWeek());
                }
            }
            double expected = b.expectedRunUsd();
            li.append(". Over its ").append(b.years()).append(" campaign years that is US$")
                    .append(esc(num(expected / 1e6))).append("M");
            if (!Double.isNaN(spent) && Math.abs(spent - expected) > 1e-6 * Math.max(1, expected)) {
                li.append("; <span class=\"ns\">the runs record US$").append(esc(num(spent / 1e6)))
                        .append("M on average</span>");
            } else if (!Double.isNaN(spent)) {
                li.append(", as the runs record");
            }
            items.add(li.append(".</li>").toString());
        }
        if (items.isEmpty()) return;
        h.append("<p>Why spend differs from the allocation: forces and programmes are bought whole, so what is left "
                + "of a share after the last whole boat, police unit or programme is not spent; a community takes "
                + "only a few development programmes; the partner-nations share is spent in full (what whole shared "
                + "surveillance assets leave over goes to liaison). The money a strategy buys with is spent every "
                + "campaign week.</p>\n<ul class=\"findings\">\n");
        for (String li : items) h.append(li).append('\n');
        h.append("</ul>\n");
    }

    /**
     * Per campaign strategy, its changes against the baseline in three short lists: better, worse, no measurable
     * difference (95% intervals, paired), then what it cost.
     */
    static void findings(StringBuilder h, Results r, Scenario sc, Paired p) {
        String base = r.baseline();
        if (base == null) {
            h.append("<p class=\"ns\">The manifest names no baseline strategy, so no changes are stated.</p>\n");
            return;
        }
        h.append("<p>Each strategy against the " + r.referenceWord() + ", ").append(esc(label(sc, base)))
                .append(", over the same replicate runs; ranges are 95% confidence intervals.</p>\n");
        for (String s : r.strategies()) {
            if (s.equals(base)) continue;
            List<String> better = new ArrayList<>();
            List<String> worse = new ArrayList<>();
            List<String> none = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (Headline.Goal g : Headline.GOALS) {
                if (Headline.isCost(g) || !p.has(g.column())) continue;
                Headline.Change c = Headline.change(p, base, s, g);
                String item = "<li>" + esc(Outcome.of(g.column()).name()) + ": " + esc(c.text()) + "</li>";
                if (g.better() == 0) other.add(c.noDifference() ? item.replace("</li>", " <span class=\"ns\">(no "
                        + "measurable difference)</span></li>") : item);
                else if (c.verdict() > 0) better.add(item);
                else if (c.verdict() < 0) worse.add(item);
                else none.add(item);
            }
            h.append("<div class=\"finding\" id=\"finding-").append(esc(s)).append("\"><h3>").append(esc(label(sc, s)))
                    .append("</h3>\n");
            list(h, "Better", better, "good");
            list(h, "Worse", worse, "bad");
            list(h, "No measurable difference", none, "ns");
            list(h, "Also", other, "");
            Headline.Change cost = Headline.change(p, base, s, Headline.GOALS.get(Headline.GOALS.size() - 1));
            double spend = r.summary(s, "spend_usd_total", "mean");
            h.append("<p>Spend US$").append(esc(num(spend / 1e6))).append(" million over the campaign; ")
                    .append(Double.isNaN(cost.value()) ? "it keeps no cocaine off the market (delivers as much as the "
                            + "baseline or more), so there is no cost per kg kept off"
                            : "cost per kg kept off the market " + esc(cost.text()))
                    .append(".</p></div>\n");
        }
    }

    private static void list(StringBuilder h, String title, List<String> items, String cls) {
        if (items.isEmpty()) return;
        h.append("<p class=\"what ").append(cls).append("\">").append(esc(title)).append("</p><ul>");
        for (String i : items) h.append(i);
        h.append("</ul>\n");
    }

    /**
     * The comparison table: per headline outcome and strategy the mean with its 95% interval and the paired change
     * against the baseline, computed from runs.csv with the statistics the terminal's table uses (so the two show the
     * same digits), then the cost per kg kept off.
     */
    private static void table(StringBuilder h, Results r, Scenario sc, Paired p) {
        h.append("<p>Mean over replicates with its 95% confidence interval, and the change against the " + r.referenceWord()
                + " with its interval. Changes are relative (%) except where the " + r.referenceWord() + " is zero or the "
                + "outcome is "
                + "already a share or a 0 to 1 scale; then the difference is shown. Grey italics with (n.s.), not "
                + "significant, mark a change whose interval includes zero.</p>\n");
        h.append("<div class=\"scroll\"><table>\n<tr><th>Outcome</th><th>Strategy</th><th>Mean [95% CI]</th>"
                + "<th>Change vs " + r.referenceWord() + " [95% CI]</th></tr>\n");
        for (Outcome o : Outcome.HEADLINE) {
            if (!p.has(o.column())) continue;
            // the catalogue's formatting, as the terminal's (a count that rounds whole is shown whole)
            narcosim.metrics.Outcome m = narcosim.metrics.Outcomes.measure(o.column());
            boolean first = true;
            for (String s : r.strategies()) {
                narcosim.experiment.Statistics.Estimate e = p.estimate(s, o.column());
                h.append("<tr>");
                if (first) {
                    h.append("<td rowspan=\"").append(r.strategies().size()).append("\"><b>").append(esc(o.name()))
                            .append("</b><br>").append("<span class=\"muted\">").append(esc(o.unit())).append("</span></td>");
                    first = false;
                }
                h.append("<td>").append(esc(label(sc, s))).append("</td><td class=\"num\">")
                        .append(esc(minus(m.format(e.mean()) + " [" + m.format(e.low()) + ", " + m.format(e.high())
                                + "]")))
                        .append("</td><td class=\"num\">").append(change(r, p, s, o)).append("</td></tr>\n");
            }
        }
        h.append("</table></div>\n");
        costTable(h, r, sc, p);
    }

    /**
     * The cost per kg kept off the market of each campaign strategy, as the terminal prints it after its table:
     * extra spend over the baseline / kg less delivered than the baseline, paired by replicate.
     */
    private static void costTable(StringBuilder h, Results r, Scenario sc, Paired p) {
        narcosim.metrics.Outcome c = narcosim.metrics.Outcomes.COST_PER_KG_KEPT_OFF;
        List<String> campaigns = r.strategies().stream().filter(s -> !s.equals(r.noCampaign())).toList();
        if (r.noCampaign() == null || campaigns.isEmpty() || !p.has("spend_usd_total") || !p.has("delivered_kg_total")) {
            return;
        }
        h.append("<p id=\"cost\"><b>").append(esc(c.title())).append("</b>: ")
                .append(esc(c.description().toLowerCase(Locale.ROOT))).append(", paired by replicate, with a bootstrap "
                        + "95% interval" + (r.noCampaign().equals(r.baseline()) ? "" : ", against " + r.noCampaign()
                        + " (no campaign), not against the reference: at equal budgets a campaign's extra spend over "
                        + "another is about nothing") + ". A strategy that delivers as much as "
                        + r.noCampaign() + " or more keeps nothing off and has no cost per kg.</p>\n<div class=\"scroll\"><table>\n<tr><th>Strategy</th>"
                        + "<th>US$ per kg kept off [95% CI]</th></tr>\n");
        for (String s : campaigns) {
            narcosim.experiment.Statistics.Estimate e = p.costPerKg(s);
            String text = Double.isNaN(e.mean()) ? "<span class=\"ns\">keeps nothing off (delivers as much as the "
                    + "baseline or more)</span>" : esc(minus(c.format(e.mean()) + (Double.isNaN(e.low()) ? ""
                    : " [" + c.format(e.low()) + ", " + c.format(e.high()) + "]")));
            h.append("<tr><td>").append(esc(label(sc, s))).append("</td><td class=\"num\">").append(text)
                    .append("</td></tr>\n");
        }
        h.append("</table></div>\n");
    }

    private static String change(Results r, Paired p, String s, Outcome o) {
        if (s.equals(r.baseline())) return "<span class=\"muted\">" + r.referenceWord() + "</span>";
        if (r.baseline() == null) return "";
        Headline.Change c = Headline.change(p, r.baseline(), s, new Headline.Goal(o.column(), 0, ""));
        String out = esc(c.text());
        return c.noDifference() ? "<span class=\"ns\" title=\"interval includes zero\">" + out + " (n.s.)</span>" : out;
    }


    private static void charts(StringBuilder h, Results r) throws IOException {
        Path dir = r.dir().resolve(Report.CHARTS);
        List<String[]> figs = new ArrayList<>();
        figs.add(new String[] {"tradeoff", "Trade-off: how much each strategy cuts the cocaine reaching the market "
                + "against how it changes residents' trust in the state; marker size shows cost."});
        for (Outcome o : Outcome.FINAL) {
            figs.add(new String[] {"final-" + o.column(), o.name() + ", mean per strategy with 95% interval."});
        }
        StringBuilder inner = new StringBuilder();
        int shown = 0;
        for (String[] f : figs) {
            if (figure(inner, dir.resolve(f[0] + ".png"), f[1])) shown++;
        }
        // the time series are large images of spiky weekly data: linked, not embedded (the page draws them itself)
        StringBuilder links = new StringBuilder();
        for (Outcome o : Outcome.OVER_TIME) {
            String base = "timeseries-" + o.column();
            if (!Files.isRegularFile(dir.resolve(base + ".png"))) continue;
            links.append("<li>").append(esc(o.name())).append(" over time (").append(esc(o.unit()))
                    .append("; one panel per strategy, its mean with 95% band in colour, the others in grey): <a href=\"")
                    .append(Report.CHARTS).append('/').append(base).append(".png\">PNG</a>, <a href=\"")
                    .append(Report.CHARTS).append('/').append(base).append(".svg\">SVG</a></li>\n");
        }
        if (shown == 0 && links.length() == 0) {
            h.append("<p class=\"ns\">No charts found in charts/ (run narcosim report on this directory).</p>\n");
            return;
        }
        h.append("<p>The same results as fixed images for papers and slides, each in <code>").append(Report.CHARTS)
                .append("/</code> as PNG and SVG (the links work next to the results directory).</p>\n");
        if (shown > 0) {
            h.append("<details><summary>Show the ").append(shown).append(" charts by strategy</summary>\n")
                    .append(inner).append("</details>\n");
        }
        if (links.length() > 0) {
            h.append("<p>Over time (").append(Results.WEEKS_PER_PERIOD).append("-week averages):</p>\n<ul>\n")
                    .append(links).append("</ul>\n");
        }
        if (!r.hasTimeseries()) {
            h.append("<p class=\"ns\">No weekly time series were recorded (compare ran with --no-timeseries), so "
                    + "charts over time are left out.</p>\n");
        }
    }

    /**
     * "Why the price moves": the final-year gateway price of each strategy by part, each part's change against
     * the baseline, one sentence per campaign strategy naming its two largest changes among the parts that
     * drive the price and the margin marked up on them, and the prices along the chain per nation under the
     * baseline.
     */
    static void price(StringBuilder h, Results r, Scenario sc) throws IOException {
        if (!PriceParts.available(r)) {
            h.append("<p class=\"ns\">summary.csv has no parts of the price (results made before narcosim formed "
                    + "prices along the chain), so the price is not taken apart here.</p>\n");
            return;
        }
        h.append("<p>The wholesale price at the market gateway is what it cost to bring a kilogram there — the "
                + "price at the source, transport, crews' wages and their pay for risk, the replacement of loads lost "
                + "on the way — plus the traffickers' margin, and a scarcity term when supply falls short of demand "
                + "(negative in a glut). The parts add up to the price (docs/ODD.md, 7.14). A strategy moves the price "
                + "through the parts it changes; the margin is a markup on the value carried, so it grows with "
                + "every part upstream of it.</p>\n");
        Path dir = r.dir().resolve(Report.CHARTS);
        figure(h, dir.resolve(Report.PRICE_PARTS + ".png"), "Final-year gateway price by part, mean over replicates "
                + "per strategy (US$ per kg); the diamond is the price.");
        String base = r.baseline();
        if (base == null) {
            h.append("<p class=\"ns\">The manifest names no baseline strategy, so no changes are stated.</p>\n");
        } else {
            figure(h, dir.resolve(Report.PRICE_PART_CHANGES + ".png"), "Change of each part of the final-year price "
                    + "against " + label(sc, base) + ", paired by replicate (US$ per kg); the diamond is the change in "
                    + "the price.");
            h.append("<p>Changes are paired by replicate: each strategy's run is compared with the " + r.referenceWord()
                    + " run "
                    + "of the same random seed, and the mean of those differences is given with its 95% confidence "
                    + "interval.</p>\n<ul class=\"findings\">\n");
            for (String s : r.strategies()) {
                if (s.equals(base)) continue;
                String f = PriceParts.sentence(r, label(sc, s), s);
                if (f == null) continue;
                int colon = f.indexOf(": ");
                h.append("<li><b>").append(esc(f.substring(0, colon + 1))).append("</b>")
                        .append(esc(f.substring(colon + 1))).append("</li>\n");
            }
            h.append("</ul>\n");
            partTable(h, r, base);
        }
        chainPrices(h, r, sc);
    }

    /** Rows of the interdiction table: summary.csv outcome, label, whether it is a share shown in %. */
    private static final String[][] INTERDICTION = {
        {"seized_military_kg_total", "Seized by the military (t)", "t"},
        {"seized_police_kg_total", "Seized by police, routine and campaign (t)", "t"},
        {"seized_port_kg_total", "Seized by customs at ports (t; scenarios with ports, ODD 7.24)", "t"},
        {"detections_total", "Detections (cued or found)", ""},
        {"acted_on_share", "Detections acted on", "%"},
        {"acted_on_share_sea", "Detections at sea acted on (SOUTHCOM 2014: about 26%)", "%"},
        {"detected_not_acted_total", "Detected, not acted on", ""},
        {"cues_shared_total", "Cues held thanks to a partner or a shared asset", ""},
        {"cross_border_pursuits_total", "Seizures pursuing into a partner's territory", ""},
        {"handovers_lost_total", "Crews lost at hand-over", ""},
        {"partner_suspensions_total", "Partner suspensions", ""},
        {"shared_surveillance_units_mean", "Shared surveillance assets bought", ""},
        {"partnership_training_level_mean", "Training level bought (0-1)", ""},
        {"partnership_liaison_level_mean", "Liaison level bought (0-1)", ""},
    };

    /**
     * How interdiction worked under each strategy and what its partnership money bought (ODD 7.9, 7.13): mean over
     * replicates of detections, the share acted on (US Southern Command 2014: about a quarter of suspected maritime
     * events), cues shared, pursuits, hand-overs lost, suspensions, and the training, liaison and shared
     * surveillance the partnership share bought.
     */
    static void interdiction(StringBuilder h, Results r) {
        String first = r.strategies().isEmpty() ? null : r.strategies().get(0);
        if (first == null || Double.isNaN(r.summary(first, "detections_total", "mean"))) {
            h.append("<p class=\"ns\">summary.csv has no interdiction measures (results made before narcosim modelled "
                    + "search and cueing), so this section is empty.</p>\n");
            return;
        }
        h.append("<p>Units find shipments by search (Koopman's random-search formula over each link's area) and by "
                + "cues — surveillance tracks, the nations' intelligence, a partner's shared cue — that shrink the area "
                + "to search; boats, ground units and interceptors then act on at most a few targets a week each, so "
                + "many detections are never acted on. Police seize by routine enforcement and searches, and where a "
                + "scenario's ports have customs, customs inspect the loads arriving there (ODD 7.24). The partnership share buys joint training and liaison, each "
                + "with diminishing returns, and shared surveillance assets (docs/ODD.md, 7.9 and 7.13). Means over "
                + "replicates, whole campaign unless marked.</p>\n<div class=\"scroll\"><table>\n<tr><th>Measure</th>");
        for (String s : r.strategies()) h.append("<th><code>").append(esc(s)).append("</code></th>");
        h.append("</tr>\n");
        for (String[] row : INTERDICTION) {
            if (r.strategies().stream().allMatch(s -> Double.isNaN(r.summary(s, row[0], "mean")))) continue;
            h.append("<tr><td>").append(esc(row[1])).append("</td>");
            for (String s : r.strategies()) {
                double v = r.summary(s, row[0], "mean");
                String text = Double.isNaN(v) ? "" : row[2].equals("%")
                        ? String.format(java.util.Locale.ROOT, "%.0f%%", 100 * v)
                        : row[2].equals("t") ? String.format(java.util.Locale.ROOT, "%,.1f", v / 1000) : num(v);
                h.append("<td class=\"num\">").append(esc(text)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    /** The baseline's final-year level of each part and each campaign strategy's paired change, as numbers. */
    private static void partTable(StringBuilder h, Results r, String base) {
        h.append("<p>The same in numbers (US$ per kg, final year): the baseline's level of each part and each "
                + "strategy's change against it; grey italics with (n.s.) mark a change whose 95% interval includes "
                + "zero.</p>\n<div class=\"scroll\"><table>\n<tr><th>Part</th><th><code>").append(esc(base))
                .append("</code></th>");
        for (String s : r.strategies()) {
            if (!s.equals(base)) h.append("<th>change, <code>").append(esc(s)).append("</code></th>");
        }
        h.append("</tr>\n");
        List<String[]> rows = new ArrayList<>();
        for (PriceParts.Part p : PriceParts.PARTS) rows.add(new String[] {p.column(), p.label()});
        rows.add(new String[] {PriceParts.PRICE, "Price (sum of the parts)"});
        for (String[] row : rows) {
            boolean total = row[0].equals(PriceParts.PRICE);
            h.append("<tr><td>").append(total ? "<b>" + esc(row[1]) + "</b>" : esc(row[1]))
                    .append("</td><td class=\"num\">").append(esc(num(r.summary(base, row[0], "mean")))).append("</td>");
            for (String s : r.strategies()) {
                if (s.equals(base)) continue;
                double d = r.summary(s, row[0], "diff_vs_baseline");
                double lo = r.summary(s, row[0], "diff_ci_low");
                double hi = r.summary(s, row[0], "diff_ci_high");
                String text = esc(signedNum(d));
                if (lo <= 0 && hi >= 0) {
                    text = "<span class=\"ns\" title=\"interval includes zero\">" + text + " (n.s.)</span>";
                }
                h.append("<td class=\"num\">").append(text).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    /** The baseline's final-year price of cocaine in each nation, with the scenario's figure beside it. */
    private static void chainPrices(StringBuilder h, Results r, Scenario sc) {
        String s = r.baseline() != null ? r.baseline() : r.strategies().get(0);
        List<String[]> rows = new ArrayList<>();
        if (sc != null) {
            for (Specs.Nation n : sc.nations()) {
                double v = r.summary(s, "chain_price_" + n.id() + "_usd_kg_final_year", "mean");
                boolean known = !Double.isNaN(r.summary(s, "chain_price_" + n.id() + "_usd_kg_final_year", "n"));
                if (!known) continue; // the model writes no chain price for this nation (international, gateways only)
                boolean producer = sc.places().stream()
                        .anyMatch(p -> p.kind() == Specs.PlaceKind.PRODUCTION && p.nation().equals(n.id()));
                rows.add(new String[] {n.name(), num(n.priceUsdKg()), Double.isNaN(v) ? "not reached in every run"
                        : num(v), producer ? "input: price at the source" : "reference only"});
            }
            // Each market at its gateways (ODD 7.14): its reference price is an input; the model's is its price.
            for (Specs.Market m : sc.markets()) {
                double v = sc.markets().size() == 1 ? r.summary(s, PriceParts.PRICE, "mean")
                        : r.summary(s, narcosim.metrics.Outcomes.marketPriceColumn(m.id()) + "_final_year", "mean");
                List<String> gateways = new ArrayList<>();
                for (String g : m.gateways()) {
                    gateways.add(sc.places().stream().filter(p -> p.id().equals(g)).findFirst()
                            .map(Specs.Place::name).orElse(g));
                }
                rows.add(new String[] {m.name() + " (market: " + String.join(", ", gateways) + ")",
                        num(m.priceUsdKg()), Double.isNaN(v) ? "not reached in every run" : num(v),
                        "input: the market's reference price"});
            }
        }
        if (rows.isEmpty()) return;
        h.append("<p>Prices along the chain under ").append(esc(label(sc, s))).append(": the price of cocaine "
                + "arriving in each nation, final-year mean over replicates (US$ per kg), next to the scenario's figure. "
                + "The scenario's figure is an input only for production nations (the price at the source) and for the "
                + "markets (the reference price the margin is calibrated to); elsewhere it is a reference to compare "
                + "with.</p>\n<div class=\"scroll\"><table>\n<tr><th>Nation</th><th>Scenario (US$/kg)</th>"
                + "<th>Model (US$/kg)</th><th>Scenario figure is</th></tr>\n");
        for (String[] row : rows) {
            h.append("<tr><td>").append(esc(row[0])).append("</td><td class=\"num\">").append(esc(row[1]))
                    .append("</td><td class=\"num\">").append(esc(row[2])).append("</td><td>").append(esc(row[3]))
                    .append("</td></tr>\n");
        }
        h.append("</table></div>\n");
    }

    /** The small-multiples route map of every strategy, when the maps' engineer wrote one. */
    static final String ROUTES_ALL = "routes-all.png";

    /**
     * One route map per strategy, of the same replicate run (the same seed under every strategy), in one viewer
     * that zooms and pans (wheel, drag, pinch, buttons) and switches strategy at the same zoom; and the
     * small-multiples map of all strategies when charts/ or the directory has one.
     */
    private static void routes(StringBuilder h, Results r, Scenario sc) throws IOException {
        Path dir = r.dir().resolve(Report.CHARTS);
        List<String[]> maps = new ArrayList<>();
        for (String s : r.strategies()) {
            Path png = dir.resolve(Report.routeMapName(s) + ".png");
            if (Files.isRegularFile(png)) {
                maps.add(new String[] {s, "Routes and seizures under " + label(sc, s) + " (one replicate run; line "
                        + "width: kg carried over the campaign; circles: kg seized).", png.toString()});
            }
        }
        Path all = Files.isRegularFile(dir.resolve(ROUTES_ALL)) ? dir.resolve(ROUTES_ALL)
                : Files.isRegularFile(r.dir().resolve(ROUTES_ALL)) ? r.dir().resolve(ROUTES_ALL) : null;
        if (maps.isEmpty() && all == null) {
            h.append("<p class=\"ns\">No route maps found in charts/ (run narcosim report on this directory).</p>\n");
            return;
        }
        h.append("<p>Where the cocaine went in one replicate run under each strategy: the same random seed every time, "
                + "so the maps differ only by the strategy (the subtitle of each map names the run; "
                + "<code>narcosim report --map-replicate N</code> draws another replicate). The flows behind each map are in "
                + "<code>").append(esc(Report.ROUTES)).append("/&lt;strategy&gt;/links.csv</code> and <code>places.csv</code>."
                + " One run is one possible course of events, not an average.</p>\n");
        if (all != null) {
            h.append("<h3>All strategies side by side</h3>\n");
            viewer(h, "routes-all-viewer", List.<String[]>of(new String[] {"all", "Route maps of every strategy side by side, "
                    + "on one scale.", all.toString()}));
        }
        if (!maps.isEmpty()) {
            h.append("<h3>One strategy at a time</h3>\n<p class=\"muted\">Choose a strategy to flip between maps at "
                    + "the same zoom; zoom with the wheel, pinch or the buttons, drag to pan.</p>\n");
            viewer(h, "routes-viewer", maps);
        }
    }

    /** A zoom-and-pan viewer of one or more images (one shown at a time, chosen by a select). */
    private static void viewer(StringBuilder h, String id, List<String[]> images) throws IOException {
        h.append("<div class=\"viewer\" id=\"").append(id).append("\"><div class=\"controls\">");
        if (images.size() > 1) {
            h.append("<label>Strategy <select class=\"pick\">");
            for (int i = 0; i < images.size(); i++) {
                h.append("<option value=\"").append(i).append("\">").append(esc(images.get(i)[0])).append("</option>");
            }
            h.append("</select></label>");
        }
        h.append("<button type=\"button\" class=\"zin\" title=\"Zoom in\">+</button><button type=\"button\" "
                + "class=\"zout\" title=\"Zoom out\">&minus;</button><button type=\"button\" class=\"zfit\">Fit</button>"
                + "</div>\n<div class=\"zoom\">");
        for (int i = 0; i < images.size(); i++) {
            String[] im = images.get(i);
            h.append("<img alt=\"").append(esc(im[1])).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(im[2])))).append("\"")
                    .append(i == 0 ? "" : " hidden").append(">");
        }
        h.append("</div>\n<p class=\"caption muted\">").append(esc(images.get(0)[1])).append("</p>");
        for (String[] im : images) {
            h.append("<template>").append(esc(im[1])).append("</template>");
        }
        h.append("</div>\n");
    }

    /** The page's head: title and inline style; then the body opens. */
    public static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
    }

    /** A chart embedded as a data: URI with its caption; false (nothing added) when the PNG is not there. */
    public static boolean figure(StringBuilder h, Path png, String caption) throws IOException {
        if (!Files.isRegularFile(png)) return false;
        h.append("<figure><img alt=\"").append(esc(caption)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append("\">")
                .append("<figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
        return true;
    }

    private static void appendix(StringBuilder h, Results r, Scenario sc) {
        if (sc == null) {
            h.append("<p class=\"ns\">Not available: the scenario file could not be read.</p>\n");
            return;
        }
        Map<String, String> first = null;
        for (Map<String, String> row : ExperimentDir.records(r.dir().resolve(ExperimentDir.RUNS))) {
            first = row;
            break;
        }
        try {
            String strategy = first != null ? first.get("strategy") : r.strategies().get(0);
            long seed = first != null ? Long.parseLong(first.get("seed")) : 0L;
            Map<String, Object> params = new TreeMap<>(sc.forStrategy(strategy, seed).params().asMap());
            h.append("<p>Every parameter as used by run ").append(esc(first != null ? first.get("run_id") : "0"))
                    .append(" (strategy ").append(esc(label(sc, strategy))).append(", seed ").append(seed)
                    .append("), with the scenario file, the strategy's doctrine and any settings applied. Other "
                            + "strategies differ only in their doctrine settings.</p>\n<div class=\"scroll\"><table>\n<tr><th>Parameter</th>"
                            + "<th>Value</th></tr>\n");
            for (Map.Entry<String, Object> e : params.entrySet()) row(h, e.getKey(), str(e.getValue()));
            h.append("</table></div>\n");
        } catch (Exception e) {
            h.append("<p class=\"ns\">Not available: ").append(esc(String.valueOf(e.getMessage()))).append("</p>\n");
        }
    }

    static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n");
    }

    static String label(Scenario sc, String id) {
        if (sc == null) return id;
        return sc.strategy(id).map(s -> s.name() == null || s.name().isBlank() ? id : s.name()).orElse(id);
    }

    static String str(Object o) {
        return o == null ? "unknown" : String.valueOf(o);
    }

    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A readable number ({@link narcosim.metrics.Outcome#number}, as in the terminal) with a typographic minus. */
    static String num(double v) {
        return narcosim.metrics.Outcome.number(v).replace('-', '\u2212');
    }

    /** Stored number / scale = shown number (the sweep pages' tables). */
    static double scale(Outcome o) {
        return 1 / o.scale();
    }

    /** A text with typographic minus signs in place of hyphen-minus before digits. */
    static String minus(String s) {
        return s.replaceAll("-(?=[0-9])", "\u2212");
    }

    /** A manifest time (ISO-8601, nanoseconds) to the minute: "2026-12-01 21:52 UTC". */
    static String time(Object iso) {
        if (iso == null) return "unknown";
        try {
            java.time.Instant t = java.time.Instant.parse(String.valueOf(iso));
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC).format(t);
        } catch (java.time.format.DateTimeParseException e) {
            return String.valueOf(iso);
        }
    }

    static String signedNum(double v) {
        return narcosim.metrics.Outcome.signedNumber(v).replace('-', '\u2212');
    }

}
