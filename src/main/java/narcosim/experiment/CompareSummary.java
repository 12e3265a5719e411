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
    private final Map<String, Map<String, double[]>> values = new LinkedHashMap<>();
    private final List<String> outcomes;

    /**
     * @param rows     runs.csv records
     * @param outcomes outcome columns, in order
     * @param baseline strategy the others are compared with, or null
     */
    public CompareSummary(Iterable<Map<String, String>> rows, List<String> strategies, List<String> outcomes,
                          String baseline, int replicates) {
        this.strategies = strategies;
        this.outcomes = outcomes;
        this.baseline = baseline;
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
        if (baseline != null && outcomes.contains("spend_usd_total") && outcomes.contains("delivered_kg_total")) {
            for (String s : strategies) {
                if (s.equals(baseline)) continue;
                Statistics.Estimate c = costPerKg(s);
                out.add(new ArrayList<>(List.of(s, COST_PER_KG, Integer.toString(c.n()), Fmt.cell(c.mean()), "",
                        Fmt.cell(c.low()), Fmt.cell(c.high()), "", "", "", "", "", "")));
            }
        }
        return out;
    }

    /** Extra spend over the baseline per kg of delivered flow kept off the market (ratio of mean differences). */
    public Statistics.Estimate costPerKg(String s) {
        double[] spend = Statistics.differences(values.get(s).get("spend_usd_total"),
                values.get(baseline).get("spend_usd_total"));
        double[] kept = Statistics.differences(values.get(baseline).get("delivered_kg_total"),
                values.get(s).get("delivered_kg_total"));
        return Statistics.ratio(spend, kept, CONFIDENCE, 2000, 20261122L);
    }

    private static String pct(double v, double base) {
        return base == 0 || !(base == base) ? "" : Fmt.cell(100 * v / base);
    }

    /**
     * The readable table printed after a comparison: one block per headline measure of the catalogue
     * ({@link Outcomes#HEADLINE}, the same as report.html's table), one line per strategy; changes against
     * the baseline as the catalogue states them (in % of the baseline, or as a difference for shares and
     * 0-1 indices).
     */
    public String table() {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(14, strategies.stream().mapToInt(String::length).max().orElse(10) + 2);
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %-30s %s%n", "", "mean [95% CI]",
                baseline == null ? "" : "change vs " + baseline + " [95% CI]"));
        for (String name : Outcomes.HEADLINE) {
            if (!outcomes.contains(name)) continue;
            Outcome o = Outcomes.measure(name);
            sb.append(o.title()).append('\n');
            for (String s : strategies) {
                Statistics.Estimate e = Statistics.estimate(values.get(s).get(name), CONFIDENCE);
                String est = o.format(e.mean()) + " [" + o.format(e.low()) + ", " + o.format(e.high()) + "]";
                String change = "";
                if (baseline != null && !s.equals(baseline)) {
                    double[] b = values.get(baseline).get(name);
                    Statistics.Estimate d = Statistics.estimate(Statistics.differences(values.get(s).get(name), b),
                            CONFIDENCE);
                    if (o.change() == Outcome.Change.ABSOLUTE) {
                        String unit = o.displayUnit().equals("%") ? " pp" : o.displayUnit().matches("|0-1|x") ? ""
                                : " " + o.displayUnit();
                        change = Outcome.signedNumber(o.display(d.mean())) + unit + " [" + Outcome.signedNumber(o.display(d.low())) + ", "
                                + Outcome.signedNumber(o.display(d.high())) + "]";
                    } else {
                        double bm = Statistics.estimate(b, CONFIDENCE).mean();
                        change = bm == 0 ? "n/a (baseline is 0)" : signed(100 * d.mean() / bm) + "% ["
                                + signed(100 * d.low() / bm) + ", " + signed(100 * d.high() / bm) + "]";
                    }
                }
                sb.append(String.format(Locale.ROOT, "  %-" + (w - 2) + "s %-30s %s%n", s, est, change));
            }
        }
        if (baseline != null && outcomes.contains("spend_usd_total") && outcomes.contains("delivered_kg_total")) {
            Outcome c = Outcomes.COST_PER_KG_KEPT_OFF;
            sb.append(c.title()).append("; ").append(c.description().toLowerCase(Locale.ROOT)).append('\n');
            for (String s : strategies) {
                if (s.equals(baseline)) continue;
                Statistics.Estimate e = costPerKg(s);
                sb.append(String.format(Locale.ROOT, "  %-" + (w - 2) + "s %s%n", s, e.mean() == e.mean()
                        ? c.format(e.mean()) + " [" + c.format(e.low()) + ", " + c.format(e.high()) + "]" : "none kept off"));
            }
        }
        return sb.toString();
    }

    private static String signed(double v) {
        if (!(v == v)) return "n/a";
        return String.format(Locale.ROOT, "%+.0f", v);
    }
}
