package narcosim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import narcosim.metrics.Outcomes;

/**
 * The gateway price taken apart (ODD 7.14): per strategy, the final-year mean of each part of the price
 * ({@link Outcomes#PRICE_PARTS}, which add up to {@code price_usd_kg}), and each part's change against the
 * baseline, paired by replicate (summary.csv's {@code diff_vs_baseline}: the same seeds under every
 * strategy). Read from summary.csv; the charts and report.html's "Why the price moves" use it.
 */
final class PriceParts {

    /** summary.csv's outcome of the final-year price; the parts add up to it. */
    static final String PRICE = "price_usd_kg_final_year";

    /** One part of the price: its summary.csv outcome (final-year level) and the catalogue's label. */
    record Part(String column, String label) {
    }

    static final List<Part> PARTS = Outcomes.PRICE_PARTS.stream()
            .map(p -> new Part("price_" + p[0] + "_usd_kg_final_year", p[1])).toList();

    private PriceParts() {
    }

    /** Whether summary.csv has every part's mean for every strategy (results made before issue 13 do not). */
    static boolean available(Results r) {
        if (r.strategies().isEmpty()) return false;
        for (String s : r.strategies()) {
            for (Part p : PARTS) {
                if (Double.isNaN(r.summary(s, p.column(), "mean"))) return false;
            }
        }
        return true;
    }

    /** The strategy's final-year mean of a part over replicates (US$/kg). */
    static double level(Results r, String strategy, Part p) {
        return r.summary(strategy, p.column(), "mean");
    }

    /** The mean over replicate pairs of (strategy − baseline) for a part (US$/kg), NaN for the baseline. */
    static double change(Results r, String strategy, Part p) {
        return r.summary(strategy, p.column(), "diff_vs_baseline");
    }

    /** The traffickers' margin: a markup on the value carried, so it changes with every other part. */
    static final Part MARGIN = PARTS.stream().filter(p -> p.column().equals("price_margin_usd_kg_final_year"))
            .findFirst().orElseThrow();

    /**
     * The parts that drive the price — all but the margin, which marks them up — by the size of their change
     * against the baseline, largest first (ties: catalogue order).
     */
    static List<Part> byChange(Results r, String strategy) {
        List<Part> out = new ArrayList<>(PARTS);
        out.remove(MARGIN);
        out.removeIf(p -> Double.isNaN(change(r, strategy, p)));
        out.sort(Comparator.comparingDouble((Part p) -> -Math.abs(change(r, strategy, p))));
        return out;
    }

    /**
     * The plain sentence for a campaign strategy: how its final-year price differs from the baseline's, its
     * two largest changes among the parts that drive the price, and the margin marked up on them, each with its
     * 95% interval; null when the numbers are missing.
     */
    static String sentence(Results r, String label, String strategy) {
        double d = r.summary(strategy, PRICE, "diff_vs_baseline");
        List<Part> top = byChange(r, strategy);
        if (Double.isNaN(d) || top.size() < 2) return null;
        StringBuilder b = new StringBuilder();
        b.append(label).append(": final-year price ").append(HtmlReport.num(r.summary(r.baseline(), PRICE, "mean")))
                .append(" \u2192 ").append(HtmlReport.num(r.summary(strategy, PRICE, "mean"))).append(" US$/kg (")
                .append(HtmlReport.signedNum(d)).append("); largest changes: ");
        for (int i = 0; i < 2; i++) {
            if (i > 0) b.append(" and ");
            named(b, r, strategy, top.get(i));
        }
        b.append("; marked up on them, ");
        named(b, r, strategy, MARGIN);
        return b.append('.').toString();
    }

    /** "label +change (95% CI lo to hi)", saying so when the interval includes zero. */
    private static void named(StringBuilder b, Results r, String strategy, Part p) {
        double lo = r.summary(strategy, p.column(), "diff_ci_low");
        double hi = r.summary(strategy, p.column(), "diff_ci_high");
        b.append(p.label().toLowerCase(java.util.Locale.ROOT)).append(' ')
                .append(HtmlReport.signedNum(change(r, strategy, p))).append(" (95% CI ")
                .append(HtmlReport.signedNum(lo)).append(" to ").append(HtmlReport.signedNum(hi))
                .append(lo <= 0 && hi >= 0 ? ", not distinguishable from no change)" : ")");
    }
}
