package narcosim.report;

import static narcosim.report.HtmlReport.esc;
import static narcosim.report.HtmlReport.num;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import narcosim.metrics.Outcomes;
import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * The report's account of the adaptive strategies (ODD 7.22): each one's rules in words, its split at the start
 * against its mean split in the final year, and the chart of how the split moved over the campaign.
 */
final class AdaptiveSection {

    private AdaptiveSection() {
    }

    /** The adaptive strategies of the comparison, in its order (none without the scenario). */
    static List<Specs.Strategy> of(Results r, Scenario sc) {
        if (sc == null) return List.of();
        return r.strategies().stream().map(id -> sc.strategy(id).orElse(null))
                .filter(s -> s != null && s.adaptive()).toList();
    }

    static void write(StringBuilder h, Results r, Scenario sc, Path charts) throws IOException {
        List<Specs.Strategy> adaptive = of(r, sc);
        if (adaptive.isEmpty()) return;
        h.append("<h3 id=\"adaptive\">Adaptive strategies: how the split moved</h3>\n<p>An adaptive strategy reviews "
                + "its split after each campaign year: each rule reads its indicator over the year just ended (a "
                + "flow's total, a level's mean, or its change on the year before) and, once its condition has held "
                + "at as many reviews running as its lag, moves its share of the budget (no more than the share "
                + "holds). At a review where a rule fired, every unit and programme is bought again at the new split: "
                + "police units start honest and without evidence, military units go back to their posts until "
                + "the next retargeting, development programmes are placed again by need without restarting their "
                + "lag (ODD 7.22).</p>\n");
        for (Specs.Strategy s : adaptive) {
            h.append("<h4>").append(esc(s.name())).append(" <code>").append(esc(s.id())).append("</code></h4>\n<ul>\n");
            for (Specs.Rule rule : s.rules()) h.append("<li>").append(esc(words(rule))).append("</li>\n");
            h.append("</ul>\n<p>Split at the start and, mean over the runs, in the final year: ");
            double[] start = s.shares().values();
            StringBuilder parts = new StringBuilder();
            for (int k = 0; k < start.length; k++) {
                double end = r.summary(s.id(), Outcomes.SHARE_COLUMNS.get(k) + "_final_year", "mean");
                if (parts.length() > 0) parts.append("; ");
                parts.append(Charts.SHARE_LABELS[k].toLowerCase(Locale.ROOT)).append(' ').append(pct(start[k]));
                if (!Double.isNaN(end)) parts.append(" \u2192 ").append(pct(end));
            }
            h.append(esc(parts.toString())).append(".</p>\n");
        }
        if (!HtmlReport.figure(h, charts.resolve(Report.ALLOCATION + ".png"), "The budget split of each adaptive "
                + "strategy whose rules fired, over the campaign: mean over the replicate runs of each 4-week period.")) {
            h.append("<p class=\"muted\">No chart of the split over time: ").append(r.hasTimeseries()
                    ? "no rule fired in any run." : "compare ran without time series.").append("</p>\n");
        }
    }

    /** A rule in words: "When ... is below 0.4 at 2 reviews running: move 10% of the budget from military to ...". */
    static String words(Specs.Rule r) {
        narcosim.metrics.Outcome o = Outcomes.weeklyOutcome(r.indicator());
        boolean flow = o != null && o.kind() == narcosim.metrics.Outcome.Kind.FLOW;
        String label = o == null ? r.indicator() : o.label();
        String what = Character.toLowerCase(label.charAt(0)) + label.substring(1) + " (" + r.indicator() + ", "
                + (flow ? "the year's total" : "the year's mean") + ")";
        String side = r.below() ? " is below " : " is above ";
        String condition = r.reading() == Specs.Reading.CHANGE
                ? "the change on the year before of " + what + side + signedPct(r.threshold())
                : what + side + num(r.threshold());
        String lag = r.years() == 1 ? "at a review" : "at " + r.years() + " reviews running";
        return "When " + condition + " " + lag + ", move " + pct(r.move()) + " of the budget from " + r.from()
                + " to " + r.to() + (r.id().isEmpty() ? "" : " (rule " + r.id() + ")") + ".";
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String signedPct(double change) {
        return String.format(Locale.ROOT, "%+.0f%%", change * 100).replace('-', '\u2212');
    }

    /** Whether the strategy is adaptive (its split moves at yearly reviews). */
    static boolean adaptive(Scenario sc, String id) {
        return sc != null && sc.strategy(id).map(Specs.Strategy::adaptive).orElse(false);
    }
}
