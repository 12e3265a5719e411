package narcosim.report;

import static narcosim.report.HtmlReport.esc;

import java.util.List;
import java.util.Locale;

import narcosim.metrics.Outcomes;
import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * The report's account of a scenario with several markets (ODD 7.14): per strategy, the cocaine delivered to each
 * market's gateways and its change against the reference, each market's final-year price, and the stock
 * wholesalers carried between the markets.
 */
final class MarketsSection {

    private MarketsSection() {
    }

    static void write(StringBuilder h, Results r, Scenario sc, Paired p) {
        if (sc == null || sc.markets().size() < 2) return;
        List<Specs.Market> markets = sc.markets();
        String first = r.strategies().isEmpty() ? null : r.strategies().get(0);
        if (first == null || Double.isNaN(r.summary(first, delivered(markets.get(0)), "mean"))) return;
        h.append("<h3 id=\"markets\">The markets</h3>\n<p>The scenario has ").append(markets.size())
                .append(" markets, each with its own reference price and share of demand: ");
        StringBuilder names = new StringBuilder();
        for (Specs.Market m : markets) {
            if (names.length() > 0) names.append("; ");
            names.append(m.name()).append(" (").append(String.join(", ", m.gateways())).append("; US$")
                    .append(String.format(Locale.ROOT, "%,.0f", m.priceUsdKg())).append("/kg, ")
                    .append(String.format(Locale.ROOT, "%.0f%%", 100 * m.demandShare())).append(" of demand)");
        }
        h.append(esc(names.toString())).append(". Cartels send cargo where it fetches most after the costs and risks "
                + "of the way; wholesalers carry stock from a cheaper market to a dearer one when their prices differ "
                + "by more than carrying it by road costs. The wholesale price above is the markets' "
                + "demand-weighted mean. Means over the replicate runs; changes paired by replicate against the ")
                .append(esc(r.referenceWord())).append(".</p>\n<div class=\"scroll\"><table>\n<tr><th>Strategy</th>");
        for (Specs.Market m : markets) {
            h.append("<th>").append(esc(m.name())).append(": delivered (t)</th><th>").append(esc(m.name()))
                    .append(": price, final year (US$/kg)</th>");
        }
        h.append("<th>Carried between markets (t)</th></tr>\n");
        String base = r.baseline();
        for (String s : r.strategies()) {
            h.append("<tr><td>").append(esc(HtmlReport.label(sc, s))).append("</td>");
            for (Specs.Market m : markets) {
                String col = delivered(m);
                h.append("<td>").append(tonnes(r.summary(s, col, "mean")));
                if (base != null && !s.equals(base)) {
                    Headline.Change c = Headline.change(p, base, s, new Headline.Goal(col, 0, ""));
                    h.append("<br><span class=\"").append(c.noDifference() ? "ns" : "muted").append("\">")
                            .append(esc(c.text())).append("</span>");
                }
                h.append("</td><td>").append(usd(r.summary(s, Outcomes.marketPriceColumn(m.id()) + "_final_year", "mean")))
                        .append("</td>");
            }
            h.append("<td>").append(tonnes(r.summary(s, "carried_between_markets_kg_total", "mean"))).append("</td></tr>\n");
        }
        h.append("</table></div>\n");
    }

    private static String delivered(Specs.Market m) {
        return Outcomes.marketDeliveredColumn(m.id()) + "_total";
    }

    private static String tonnes(double kg) {
        return Double.isNaN(kg) ? "" : String.format(Locale.ROOT, "%,.1f", kg / 1000);
    }

    private static String usd(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%,.0f", v);
    }
}
