package narcosim.experiment;

import narcosim.metrics.Outcome;
import narcosim.metrics.Outcomes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import narcosim.util.Fmt;

/**
 * The statistics of a comparison: per strategy and outcome the mean with its 95% t interval over
 * replicates, and against the baseline the paired difference (common random numbers), the relative
 * change and the cost per kilogram kept off the market. Rows are tidy: one per strategy and outcome.
 */
public final class CompareSummary {

    public static final double CONFIDENCE = 0.95;
    public static final String COST_PER_KG = Outcomes.COST_PER_KG_KEPT_OFF.name();
    public static final List<String> HEADER = List.of("strategy", "outcome", "n", "mean", "sd", "ci_low", "ci_high",
            "diff_vs_baseline", "diff_ci_low", "diff_ci_high", "change_pct", "change_ci_low_pct", "change_ci_high_pct");

    private final List<String> strategies;
    private final String baseline;
    /** The strategy without a campaign that the cost per kg kept off is counted against (often the baseline). */
    private final String noCampaign;
    private final Map<String, Map<String, double[]>> values = new LinkedHashMap<>();
    private final List<String> outcomes;

    /**
     * @param rows     runs.csv records
     * @param outcomes outcome columns, in order
     * @param baseline strategy the others are compared with, or null
     */
    public CompareSummary(Iterable<Map<String, String>> rows, List<String> strategies, List<String> outcomes,
                          String baseline, int replicates) {
        this(rows, strategies, outcomes, baseline, baseline, replicates);
    }

    /**
     * A comparison whose changes are stated against {@code baseline} (the reference: no campaign, or today's effort
     * with compare --reference) and whose cost per kg kept off is extra spend over {@code noCampaign}.
     */
    public CompareSummary(Iterable<Map<String, String>> rows, List<String> strategies, List<String> outcomes,
                          String baseline, String noCampaign, int replicates) {
        this.strategies = strategies;
        this.outcomes = outcomes;
        this.baseline = baseline;
        this.noCampaign = noCampaign;
        for (String s : strategies) {
            Map<String, double[]> byOutcome = new LinkedHashMap<>();
            for (String o : outcomes) byOutcome.put(o, new double[replicates]);
            values.put(s, byOutcome);
        }
        for (Map<String, String> r : rows) {
            Map<String, double[]> byOutcome = values.get(r.get("strategy"));
            if (byOutcome == null) continue;
            int rep = Integer.parseInt(r.get("replicate"));
            for (String o : outcomes) {
                String v = r.get(o);
                byOutcome.get(o)[rep] = v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
            }
        }
    }

    /** Tidy rows: strategy x outcome, then the cost per kg kept off for each campaign strategy. */
    public List<List<String>> rows() {
        List<List<String>> out = new ArrayList<>();
        for (String s : strategies) {
            for (String o : outcomes) {
                double[] x = values.get(s).get(o);
                Statistics.Estimate e = Statistics.estimate(x, CONFIDENCE);
                List<String> row = new ArrayList<>(List.of(s, o, Integer.toString(e.n()), Fmt.cell(e.mean()),
                        Fmt.cell(e.sd()), Fmt.cell(e.low()), Fmt.cell(e.high())));
                if (baseline != null && !s.equals(baseline)) {
                    double[] b = values.get(baseline).get(o);
                    Statistics.Estimate d = Statistics.estimate(Statistics.differences(x, b), CONFIDENCE);
                    double bm = Statistics.estimate(b, CONFIDENCE).mean();
                    row.addAll(List.of(Fmt.cell(d.mean()), Fmt.cell(d.low()), Fmt.cell(d.high()),
                            pct(d.mean(), bm), pct(d.low(), bm), pct(d.high(), bm)));
                } else {
                    row.addAll(List.of("", "", "", "", "", ""));
                }
                out.add(row);
            }
        }
        if (noCampaign != null && outcomes.contains("spend_usd_total") && outcomes.contains("delivered_kg_total")) {
            for (String s : strategies) {
                if (s.equals(noCampaign)) continue;
                Statistics.Estimate c = costPerKg(s);
                out.add(new ArrayList<>(List.of(s, COST_PER_KG, Integer.toString(c.n()), Fmt.cell(c.mean()), "",
                        Fmt.cell(c.low()), Fmt.cell(c.high()), "", "", "", "", "", "")));
            }
        }
        return out;
    }

    /**
     * Extra spend over the strategy without a campaign per kg of delivered flow kept off the market (ratio of mean
     * differences): against no campaign even when changes are stated against another reference, since at equal
     * budgets a campaign's extra spend over another campaign is about nothing.
     */
    public Statistics.Estimate costPerKg(String s) {
        double[] spend = Statistics.differences(values.get(s).get("spend_usd_total"),
                values.get(noCampaign).get("spend_usd_total"));
        double[] kept = Statistics.differences(values.get(noCampaign).get("delivered_kg_total"),
                values.get(s).get("delivered_kg_total"));
        return Statistics.ratio(spend, kept, CONFIDENCE, 2000, 20261122L);
    }

    private static String pct(double v, double base) {
        return base == 0 || !(base == base) ? "" : Fmt.cell(100 * v / base);
    }

    /**
     * The readable table printed after a comparison: one block per headline measure of the catalogue
     * ({@link Outcomes#HEADLINE}, the same as report.html's table), one line per strategy, from the same numbers
     * as summary.csv (its rows, as written); changes against the baseline as the catalogue states them
     * ({@link Outcome#change}), marked "(n.s.)" when their interval includes zero.
     */
    public String table() {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (List<String> row : rows()) byKey.put(row.get(0) + "\t" + row.get(1), row);
        StringBuilder sb = new StringBuilder();
        int w = Math.max(14, strategies.stream().mapToInt(String::length).max().orElse(10) + 2);
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %-30s %s%n", "", "mean [95% CI]",
                baseline == null ? "" : "change vs " + baseline + " [95% CI]"));
        boolean anyNs = false;
        for (String name : Outcomes.HEADLINE) {
            if (!outcomes.contains(name)) continue;
            Outcome o = Outcomes.measure(name);
            sb.append(o.title()).append('\n');
            for (String s : strategies) {
                List<String> row = byKey.get(s + "\t" + name);
                String est = o.format(cell(row, "mean")) + " [" + o.format(cell(row, "ci_low")) + ", "
                        + o.format(cell(row, "ci_high")) + "]";
                String change = "";
                if (baseline != null && !s.equals(baseline)) {
                    double low = cell(row, "diff_ci_low");
                    double high = cell(row, "diff_ci_high");
                    change = o.change(cell(row, "diff_vs_baseline"), low, high, cell(byKey.get(baseline + "\t" + name),
                            "mean"));
                    if (!Outcome.distinguishable(low, high)) {
                        change += " (n.s.)";
                        anyNs = true;
                    }
                }
                sb.append(String.format(Locale.ROOT, "  %-" + (w - 2) + "s %-30s %s", s, est, change).stripTrailing())
                        .append('\n');
            }
        }
        if (noCampaign != null && outcomes.contains("spend_usd_total") && outcomes.contains("delivered_kg_total")) {
            Outcome c = Outcomes.COST_PER_KG_KEPT_OFF;
            sb.append(c.title()).append("; ").append(c.description().toLowerCase(Locale.ROOT))
                    .append(noCampaign.equals(baseline) ? "" : " (against " + noCampaign + ", no campaign)").append('\n');
            for (String s : strategies) {
                if (s.equals(noCampaign)) continue;
                List<String> row = byKey.get(s + "\t" + COST_PER_KG);
                double mean = cell(row, "mean");
                sb.append(String.format(Locale.ROOT, "  %-" + (w - 2) + "s %s%n", s, mean == mean
                        ? c.format(mean) + " [" + c.format(cell(row, "ci_low")) + ", " + c.format(cell(row, "ci_high"))
                        + "]" : "none kept off"));
            }
        }
        if (anyNs) sb.append("(n.s.): the change's 95% interval includes zero; not told apart from no change.\n");
        return sb.toString();
    }

    /** A number of a tidy row by its column, as summary.csv holds it (NaN for an empty cell). */
    private static double cell(List<String> row, String column) {
        if (row == null) return Double.NaN;
        String v = row.get(HEADER.indexOf(column));
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }
}
