package narcosim.report;

import static narcosim.report.HtmlReport.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import narcosim.experiment.Statistics;
import narcosim.metrics.Outcomes;

/**
 * What report.html says first: per headline outcome, which campaign strategy does best against the baseline
 * and whether the next best can be told apart from it; per strategy, what it gains and what it pays with;
 * and all of it in one matrix. Every change is paired by replicate with its 95% interval (the statistics of
 * summary.csv and the terminal table); a change whose interval includes zero is "no measurable difference".
 * Names, units and change statistics come from the outcome catalogue.
 */
final class Headline {

    private Headline() {
    }

    /** Which way an outcome is better for a counter-narcotics campaign; 0: neither (shown, not ranked). */
    record Goal(String column, int better, String why) {
    }

    /**
     * The headline outcomes of the comparison ({@link Outcomes#HEADLINE}, as the terminal table shows them) and
     * the cost per kg kept off, with the direction counted as better. The directions are the report's reading,
     * said on the page: less cocaine, violence, harm, recruitment, smuggling and coca, a higher price (what
     * supply-side policy aims at), more trust and more tips (residents cooperating), cheaper kg kept off.
     */
    static final List<Goal> GOALS = goals();

    private static List<Goal> goals() {
        Map<String, Goal> known = Map.ofEntries(
                Map.entry("delivered_kg_total", new Goal("delivered_kg_total", -1, "less cocaine reaching the market")),
                Map.entry("price_usd_kg_final_year", new Goal("price_usd_kg_final_year", +1,
                        "a higher price (what supply-side policy aims at)")),
                Map.entry("violent_incidents_total", new Goal("violent_incidents_total", -1, "less violence")),
                Map.entry("collateral_harm_total", new Goal("collateral_harm_total", -1, "less harm to residents")),
                Map.entry("mean_trust_final_year", new Goal("mean_trust_final_year", +1, "more trust in the state")),
                Map.entry("tips_total", new Goal("tips_total", +1, "more tips (residents cooperating with police)")),
                Map.entry("recruits_total", new Goal("recruits_total", -1, "fewer recruits")),
                Map.entry("active_smugglers_final_year", new Goal("active_smugglers_final_year", -1, "fewer smugglers")),
                Map.entry("coca_ha_final_year", new Goal("coca_ha_final_year", -1, "less coca")));
        List<Goal> out = new ArrayList<>();
        for (String c : Outcomes.HEADLINE) out.add(known.getOrDefault(c, new Goal(c, 0, "")));
        out.add(new Goal(Outcomes.COST_PER_KG_KEPT_OFF.name(), -1, "cheaper kg kept off the market"));
        return List.copyOf(out);
    }

    static boolean isCost(Goal g) {
        return g.column().equals(Outcomes.COST_PER_KG_KEPT_OFF.name());
    }

    /** One strategy's paired change on one outcome, in the catalogue's display units and change statistic. */
    record Change(String strategy, Goal goal, double value, double low, double high, String text, boolean noDifference) {

        /** +1 better, −1 worse, 0 no measurable difference (or an outcome that is not ranked). */
        int verdict() {
            if (noDifference || goal.better() == 0 || Double.isNaN(value)) return 0;
            return value * goal.better() > 0 ? 1 : -1;
        }
    }

    /**
     * The change of a strategy on a headline outcome against the baseline: relative (in % of the baseline's
     * mean) or absolute (a difference in display units) as the catalogue says, absolute when the baseline's mean
     * is 0; for the cost per kg, the cost itself with its bootstrap interval, NaN when nothing was kept off.
     */
    static Change change(Paired p, String base, String s, Goal g) {
        if (isCost(g)) {
            if (!p.hasNoCampaign()) {
                return new Change(s, g, Double.NaN, Double.NaN, Double.NaN, "no strategy without a campaign to count "
                        + "against", false);
            }
            Statistics.Estimate e = p.costPerKg(s);
            narcosim.metrics.Outcome o = Outcomes.COST_PER_KG_KEPT_OFF;
            if (Double.isNaN(e.mean())) return new Change(s, g, Double.NaN, Double.NaN, Double.NaN, "keeps nothing off", false);
            String text = "US$" + o.format(e.mean()) + " per kg"
                    + (Double.isNaN(e.low()) ? "" : " [" + o.format(e.low()) + ", " + o.format(e.high()) + "]");
            boolean measurable = p.keepsMeasurablyOff(s);
            if (!measurable) text += " (its cut in delivered kg is not told from none)";
            return new Change(s, g, e.mean(), e.low(), e.high(), HtmlReport.minus(text), !measurable);
        }
        Outcome o = Outcome.of(g.column());
        Statistics.Estimate d = p.difference(s, base, g.column());
        double bm = p.estimate(base, g.column()).mean();
        boolean relative = o.change() == narcosim.metrics.Outcome.Change.RELATIVE && bm != 0 && !Double.isNaN(bm);
        double v = relative ? 100 * d.mean() / bm : o.shown(d.mean());
        double lo = relative ? 100 * d.low() / bm : o.shown(d.low());
        double hi = relative ? 100 * d.high() / bm : o.shown(d.high());
        // the catalogue's one change rule, as the terminal and summary.csv state it
        narcosim.metrics.Outcome m = Outcomes.measure(g.column()); // every headline outcome is in the catalogue
        String text;
        if (Double.isNaN(d.low())) { // one replicate: no interval
            text = HtmlReport.minus(relative ? narcosim.metrics.Outcome.percent(v)
                    : narcosim.metrics.Outcome.signedNumber(v) + m.changeUnit());
        } else {
            text = HtmlReport.minus(m.change(d.mean(), d.low(), d.high(), bm));
        }
        boolean none = Double.isNaN(lo) ? d.mean() == 0 : !narcosim.metrics.Outcome.distinguishable(d.low(), d.high());
        return new Change(s, g, v, lo, hi, text, none);
    }

    /** The unit after a difference: percentage points for a %, nothing for an index or a plain count. */
    static String unitOfDifference(Outcome o) {
        String u = o.unit();
        if (u.equals("%")) return " pp";
        if (u.isEmpty() || u.equals("0-1") || u.equals("x")) return "";
        return " " + u;
    }

    /** The headline section: best on each outcome, trade-offs per strategy, the matrix. */
    static void write(StringBuilder h, Results r, Paired p, Function<String, String> label) {
        String base = r.baseline();
        List<String> campaigns = r.strategies().stream().filter(s -> !s.equals(base)).toList();
        if (base == null || campaigns.isEmpty()) {
            h.append("<p class=\"ns\">The manifest names no baseline strategy (or no other strategy), so no strategy is "
                    + "compared with doing nothing.</p>\n");
            return;
        }
        int n = p.replicates();
        h.append("<p>Every figure below is a change against <b>").append(esc(label.apply(base)))
                .append("</b>, paired run by run over the ").append(n).append(" replicate runs per strategy (the same "
                        + "random seeds under every strategy), with its 95% confidence interval in brackets. Where the "
                        + "interval includes zero the page says <i>no measurable difference</i>.");
        if (n < 10) {
            h.append(" <span class=\"ns\">Only ").append(n).append(" replicate runs: intervals are wide; run compare "
                    + "with more --replicates (30 is usual) for firmer answers.</span>");
        }
        h.append("</p>\n<h3>Which strategy does best</h3>\n<ul class=\"answers\">\n");
        for (Goal g : GOALS) {
            if (g.better() == 0) continue;
            String line = best(r, p, base, campaigns, g, label);
            if (line != null) h.append("<li>").append(line).append("</li>\n");
        }
        h.append("</ul>\n<p class=\"muted\">Counted as better: ");
        List<String> whys = new ArrayList<>();
        for (Goal g : GOALS) if (g.better() != 0) whys.add(g.why());
        h.append(esc(String.join("; ", whys))).append(".</p>\n");

        h.append("<h3>Trade-offs</h3>\n<ul class=\"tradeoffs\">\n");
        for (String s : campaigns) {
            List<String> gains = new ArrayList<>();
            List<String> costs = new ArrayList<>();
            List<String> none = new ArrayList<>();
            for (Goal g : GOALS) {
                if (isCost(g) || !p.has(g.column())) continue;
                Change c = change(p, base, s, g);
                String name = shortName(g.column());
                if (g.better() == 0) continue;
                if (c.verdict() > 0) gains.add(name);
                else if (c.verdict() < 0) costs.add(name);
                else none.add(name);
            }
            h.append("<li><b>").append(esc(label.apply(s))).append("</b>: ");
            h.append(gains.isEmpty() ? "better on nothing measured" : "better on " + esc(String.join(", ", gains)));
            h.append(costs.isEmpty() ? "; worse on nothing measured" : "; <b>worse</b> on " + esc(String.join(", ",
                    costs)));
            if (!none.isEmpty()) h.append("; no measurable difference in ").append(esc(String.join(", ", none)));
            Change cost = change(p, base, s, GOALS.get(GOALS.size() - 1));
            if (p.hasNoCampaign()) {
                h.append(Double.isNaN(cost.value()) ? "; it keeps no cocaine off the market"
                        : "; each kg kept off the market costs " + esc(cost.text()));
            }
            h.append(".</li>\n");
        }
        h.append("</ul>\n");
        matrix(h, r, p, base, campaigns, label);
    }

    /**
     * The catalogue's label of a run measure without its period ("cocaine delivered to market" for
     * delivered_kg_total), first letter lowered, for lists inside a sentence.
     */
    static String shortName(String column) {
        String label = Outcome.of(column).name();
        for (Outcomes.Period p : Outcomes.Period.values()) {
            if (column.endsWith(p.suffix)) {
                narcosim.metrics.Outcome w = Outcomes.weeklyOutcome(column.substring(0, column.length() - p.suffix.length()));
                if (w != null) label = w.label();
            }
        }
        return label.length() > 1 && Character.isUpperCase(label.charAt(1)) ? label
                : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /** The sentence naming the best campaign strategy on one outcome and how it stands against the next best. */
    private static String best(Results r, Paired p, String base, List<String> campaigns, Goal g,
            Function<String, String> label) {
        if (!isCost(g) && !p.has(g.column())) return null;
        if (isCost(g) && !p.hasNoCampaign()) return null;
        List<Change> changes = new ArrayList<>();
        for (String s : campaigns) {
            Change c = change(p, base, s, g);
            if (!Double.isNaN(c.value())) changes.add(c);
        }
        String name = isCost(g) ? Outcomes.COST_PER_KG_KEPT_OFF.label() : Outcome.of(g.column()).name();
        StringBuilder b = new StringBuilder("<b>").append(esc(name)).append("</b>: ");
        if (changes.isEmpty()) {
            return b.append(isCost(g) ? "no strategy keeps cocaine off the market." : "no figures.").toString();
        }
        changes.sort((x, y) -> Double.compare(y.value() * g.better(), x.value() * g.better()));
        // A cost per kg counts only over a saving the replicates can tell from none: those rank first.
        if (isCost(g)) changes.sort(java.util.Comparator.comparing(Change::noDifference));
        Change top = changes.get(0);
        if (isCost(g) && top.noDifference()) {
            b.append("no strategy keeps a measurable amount off the market; the lowest cost is ")
                    .append(esc(label.apply(top.strategy()))).append("'s, ").append(esc(top.text())).append('.');
        } else if (isCost(g)) {
            b.append(esc(label.apply(top.strategy()))).append(" keeps a kg off most cheaply, ").append(esc(top.text()))
                    .append('.');
        } else if (top.verdict() > 0) {
            b.append(esc(label.apply(top.strategy()))).append(" does best, ").append(esc(top.text())).append('.');
        } else if (top.verdict() == 0) {
            b.append(r.noCampaign() != null && !r.noCampaign().equals(base)
                    ? "no strategy does measurably better than the reference, " + esc(label.apply(base)) + "; the closest is "
                    : "no campaign strategy does measurably better than the baseline; the closest is ")
                    .append(esc(label.apply(top.strategy()))).append(", ").append(esc(top.text())).append('.');
        } else {
            b.append(r.noCampaign() != null && !r.noCampaign().equals(base)
                    ? "every other strategy does worse than the reference, " + esc(label.apply(base)) + "; the least bad is "
                    : "every campaign strategy does worse than the baseline; the least bad is ")
                    .append(esc(label.apply(top.strategy()))).append(", ").append(esc(top.text())).append('.');
        }
        if (changes.size() > 1) {
            Change next = changes.get(1);
            Statistics.Estimate d = isCost(g) ? null : p.difference(top.strategy(), next.strategy(), g.column());
            b.append(" Next: ").append(esc(label.apply(next.strategy()))).append(", ").append(esc(next.text()));
            if (d != null && !Double.isNaN(d.low())) {
                Outcome o = Outcome.of(g.column());
                String diff = HtmlReport.signedNum(o.shown(d.mean())) + unitOfDifference(o) + " ["
                        + HtmlReport.signedNum(o.shown(d.low())) + ", " + HtmlReport.signedNum(o.shown(d.high())) + "]";
                boolean apart = d.low() > 0 || d.high() < 0;
                b.append(apart ? "; " + esc(label.apply(top.strategy())) + " is measurably ahead of it (paired difference "
                        : "; <span class=\"ns\">no "
                        + "measurable difference between the two</span> (paired difference ").append(esc(diff))
                        .append(")");
            } else if (isCost(g) && !top.noDifference() && !next.noDifference() && !Double.isNaN(top.high())
                    && !Double.isNaN(next.low())) {
                b.append(top.high() < next.low() ? "; the intervals do not overlap"
                        : "; <span class=\"ns\">the intervals overlap</span>");
            }
            b.append('.');
        }
        return b.toString();
    }

    /** Outcomes as rows, campaign strategies as columns: each change with its interval, coloured by the goal. */
    private static void matrix(StringBuilder h, Results r, Paired p, String base, List<String> campaigns,
            Function<String, String> label) {
        h.append("<h3>All headline outcomes at a glance</h3>\n<p class=\"muted\">Change against ")
                .append(esc(label.apply(base))).append(" [95% CI]; <span class=\"good\">green</span>: measurably "
                        + "better, <span class=\"bad\">red</span>: measurably worse, grey italics: no measurable "
                        + "difference; the mean of every strategy is in the comparison table below.</p>\n");
        h.append("<div class=\"scroll\"><table class=\"matrix\">\n<tr><th>Headline outcome</th>");
        for (String s : campaigns) h.append("<th>").append(esc(label.apply(s))).append("</th>");
        h.append("</tr>\n");
        for (Goal g : GOALS) {
            if (!isCost(g) && !p.has(g.column())) continue;
            String name = isCost(g) ? Outcomes.COST_PER_KG_KEPT_OFF.title() : Outcome.of(g.column()).axisLabel();
            h.append("<tr><th>").append(esc(name));
            if (g.better() != 0) {
                h.append("<br><span class=\"muted\">").append(g.better() < 0 ? "lower" : "higher")
                        .append(" is better</span>");
            }
            h.append("</th>");
            for (String s : campaigns) {
                Change c = change(p, base, s, g);
                String cls = c.noDifference() ? "num ns" : isCost(g) ? "num" : c.verdict() > 0 ? "num good"
                        : c.verdict() < 0 ? "num bad" : "num";
                h.append("<td class=\"").append(cls).append("\">").append(esc(c.text())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }
}
