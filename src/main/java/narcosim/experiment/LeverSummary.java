package narcosim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import narcosim.metrics.Outcome;
import narcosim.metrics.Outcomes;
import narcosim.util.Fmt;

/**
 * The effects of a strategy's levers (levers.csv): per lever variant and headline measure, the paired
 * difference from the unmodified strategy over replicates (common random numbers), with its 95% t interval,
 * and the same as a change in % of the strategy's mean; and, where the scenario has a no-campaign strategy,
 * the change in the cost per kg kept off the market, with a bootstrap interval.
 */
public final class LeverSummary {

    public static final String FILE = "levers.csv";
    public static final String COST = Outcomes.COST_PER_KG_KEPT_OFF.name();
    public static final List<String> HEADER = List.of("lever_id", "kind", "lever", "change", "outcome", "n",
            "reference_mean", "variant_mean", "effect", "effect_ci_low", "effect_ci_high", "change_pct",
            "change_ci_low_pct", "change_ci_high_pct", "moves");

    /** One lever's effect on one measure. */
    public record Effect(String leverId, String kind, String lever, String change, String outcome, int n,
                         double reference, double variant, double effect, double low, double high, double pct,
                         double pctLow, double pctHigh) {
        /** The interval excludes zero. */
        public boolean moves() {
            return low > 0 || high < 0;
        }
    }

    private final List<Map<String, Object>> variants;
    private final List<String> outcomes;
    private final Map<String, Map<String, double[]>> values = new LinkedHashMap<>();
    private final int replicates;
    private final boolean noCampaign;

    @SuppressWarnings("unchecked")
    public LeverSummary(Plan plan, Iterable<Map<String, String>> rows) {
        Map<String, Object> d = plan.description();
        variants = (List<Map<String, Object>>) d.get("variants");
        outcomes = new ArrayList<>(Levers.OUTCOMES);
        outcomes.add("spend_usd_total");
        replicates = ((Number) d.get("replicates")).intValue();
        noCampaign = d.get("baseline") != null;
        for (Map<String, String> r : rows) {
            Map<String, double[]> byOutcome = values.computeIfAbsent(r.get(Levers.LEVER), k -> {
                Map<String, double[]> m = new LinkedHashMap<>();
                for (String o : outcomes) m.put(o, new double[replicates]);
                return m;
            });
            int rep = Integer.parseInt(r.get("replicate"));
            for (String o : outcomes) {
                String v = r.get(o);
                byOutcome.get(o)[rep] = v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
            }
        }
    }

    /** Every variant's effect on every headline measure (and on the cost per kg kept off), in plan order. */
    public List<Effect> effects() {
        List<Effect> out = new ArrayList<>();
        Map<String, double[]> ref = values.get(Levers.REFERENCE);
        for (Map<String, Object> v : variants) {
            String id = (String) v.get("id");
            if (id.equals(Levers.REFERENCE)) continue;
            Map<String, double[]> var = values.get(id);
            for (String o : Levers.OUTCOMES) {
                double[] a = var.get(o);
                double[] b = ref.get(o);
                Statistics.Estimate diff = Statistics.estimate(Statistics.differences(a, b), CompareSummary.CONFIDENCE);
                double bm = Statistics.estimate(b, CompareSummary.CONFIDENCE).mean();
                double am = Statistics.estimate(a, CompareSummary.CONFIDENCE).mean();
                double k = bm == 0 ? Double.NaN : 100 / bm;
                out.add(new Effect(id, (String) v.get("kind"), (String) v.get("lever"), (String) v.get("change"), o,
                        diff.n(), bm, am, diff.mean(), diff.low(), diff.high(), diff.mean() * k, diff.low() * k,
                        diff.high() * k));
            }
            if (noCampaign) out.add(costEffect(v, var, ref));
        }
        return out;
    }

    /**
     * The change in cost per kg kept off the market (extra spend over the no-campaign strategy / kg less
     * delivered than it, a ratio of means): variant minus strategy, with a percentile bootstrap interval
     * over replicates resampled jointly (both ratios on the same draw, so the pairing is kept).
     */
    private Effect costEffect(Map<String, Object> v, Map<String, double[]> var, Map<String, double[]> ref) {
        Map<String, double[]> none = values.get(Levers.NO_CAMPAIGN);
        double[] sb = none.get("spend_usd_total");
        double[] db = none.get("delivered_kg_total");
        double refCost = cost(ref, sb, db, null);
        double varCost = cost(var, sb, db, null);
        MersenneTwister rng = new MersenneTwister(20261201L);
        int resamples = 2000;
        double[] diffs = new double[resamples];
        int kept = 0;
        int[] draw = new int[replicates];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < replicates; i++) draw[i] = rng.nextInt(replicates);
            double d = cost(var, sb, db, draw) - cost(ref, sb, db, draw);
            if (!Double.isNaN(d)) diffs[kept++] = d;
        }
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (kept >= resamples / 2) {
            double[] ok = java.util.Arrays.copyOf(diffs, kept);
            double alpha = (1 - CompareSummary.CONFIDENCE) / 2 * 100;
            Percentile p = new Percentile();
            lo = p.evaluate(ok, alpha);
            hi = p.evaluate(ok, 100 - alpha);
        }
        double effect = varCost - refCost;
        double k = refCost > 0 ? 100 / refCost : Double.NaN;
        return new Effect((String) v.get("id"), (String) v.get("kind"), (String) v.get("lever"), (String) v.get("change"),
                COST, replicates, refCost, varCost, effect, lo, hi, effect * k, lo * k, hi * k);
    }

    /** Extra spend / kg kept off (ratio of means over the replicates drawn; all when {@code draw} is null). */
    private double cost(Map<String, double[]> s, double[] spendNone, double[] deliveredNone, int[] draw) {
        double spend = 0;
        double kept = 0;
        for (int i = 0; i < replicates; i++) {
            int r = draw == null ? i : draw[i];
            spend += s.get("spend_usd_total")[r] - spendNone[r];
            kept += deliveredNone[r] - s.get("delivered_kg_total")[r];
        }
        return kept > 0 ? spend / kept : Double.NaN;
    }

    /** Tidy rows of levers.csv. */
    public List<List<String>> rows() {
        List<List<String>> out = new ArrayList<>();
        for (Effect e : effects()) {
            boolean known = !Double.isNaN(e.low()) && !Double.isNaN(e.high());
            out.add(List.of(e.leverId(), e.kind(), e.lever(), e.change(), e.outcome(), Integer.toString(e.n()),
                    Fmt.cell(e.reference()), Fmt.cell(e.variant()), Fmt.cell(e.effect()), Fmt.cell(e.low()),
                    Fmt.cell(e.high()), Fmt.cell(e.pct()), Fmt.cell(e.pctLow()), Fmt.cell(e.pctHigh()),
                    known ? Boolean.toString(e.moves()) : ""));
        }
        return out;
    }

    /**
     * The terminal's table: one row per lever variant, one column per headline measure, each cell the change
     * as the catalogue states it (in % of the strategy's mean, or a difference for shares and 0-1 indices),
     * marked * where its 95% interval excludes zero; then the levers that moved nothing.
     */
    public String table() {
        List<Effect> all = effects();
        List<String> cols = new ArrayList<>(Levers.OUTCOMES);
        if (noCampaign) cols.add(COST);
        String[] heads = {"flow", "seized", "price", "violence", "harm", "trust", "recruits", "coca", "US$/kg off"};
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-58s", "lever moved (change against the strategy as it is)"));
        for (int c = 0; c < cols.size(); c++) sb.append(String.format(Locale.ROOT, "%11s", heads[c]));
        sb.append('\n');
        List<String> still = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        Map<String, List<Effect>> byVariant = new LinkedHashMap<>();
        for (Effect e : all) byVariant.computeIfAbsent(e.leverId(), k -> new ArrayList<>()).add(e);
        for (List<Effect> es : byVariant.values()) {
            Effect first = es.get(0);
            String name = first.lever();
            sb.append(String.format(Locale.ROOT, "%-58s", name.length() > 57 ? name.substring(0, 56) + "~" : name));
            boolean any = false;
            for (String c : cols) {
                Effect e = es.stream().filter(x -> x.outcome().equals(c)).findFirst().orElse(null);
                String cell = e == null ? "" : cell(e);
                any |= e != null && e.moves();
                sb.append(String.format(Locale.ROOT, "%11s", cell));
            }
            sb.append('\n');
            // Run by run identical to the strategy on every headline measure: the lever did not act at all.
            boolean none = es.stream().filter(x -> !x.outcome().equals(COST))
                    .allMatch(x -> x.effect() == 0 && x.low() == 0 && x.high() == 0);
            if (none) idle.add(first.lever() + " (" + first.change() + ")");
            else if (!any) still.add(first.lever() + " (" + first.change() + ")");
        }
        sb.append("* : the 95% interval of the paired difference excludes 0 (").append(replicates)
                .append(" replicates with common random numbers). Changes in % of the strategy's mean; trust as a "
                        + "difference (0-1). Intervals in levers.csv.\n");
        if (!still.isEmpty()) {
            sb.append("Levers that moved no headline measure (every interval includes 0):\n");
            for (String s : still) sb.append("  ").append(s).append('\n');
        }
        if (!idle.isEmpty()) {
            sb.append("Levers that changed nothing at all (every run identical to the strategy's on every headline\n"
                    + "measure): a lever that acts after a delay (development's lag, prison sentences, reviews) cannot\n"
                    + "show in a short horizon (--years); a shift of money too small to buy a whole unit buys nothing;\n"
                    + "a conditional lever acts only where the strategy sets it up (narcosim levers --help):\n");
            for (String s : idle) sb.append("  ").append(s).append('\n');
        }
        return sb.toString();
    }

    private static String cell(Effect e) {
        if (Double.isNaN(e.effect())) return "n/a";
        Outcome o = e.outcome().equals(COST) ? Outcomes.COST_PER_KG_KEPT_OFF : Outcomes.measure(e.outcome());
        String star = e.moves() ? "*" : " ";
        if (o.change() == Outcome.Change.ABSOLUTE) {
            return Outcome.signedNumber(o.display(e.effect())) + star;
        }
        if (Double.isNaN(e.pct())) return "n/a ";
        return String.format(Locale.ROOT, "%+.0f%%", e.pct()) + star;
    }
}
