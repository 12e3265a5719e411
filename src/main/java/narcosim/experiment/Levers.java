package narcosim.experiment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import narcosim.scenario.Field;
import narcosim.scenario.Fields;
import narcosim.scenario.Param;
import narcosim.scenario.ParamValues;
import narcosim.scenario.Params;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.YamlNodes;
import narcosim.scenario.Specs;

/**
 * The levers of a strategy, each moved alone against the strategy as it is (issue 12's screening):
 * its budget shares (a step moved from one share to another, the total budget unchanged), the military
 * budget mix likewise, each doctrine switch flipped, and each other parameter the registry marks as a
 * lever set to the ends of its range (shares and fractions) or to half and twice its value. Every variant
 * and the unmodified strategy run with the same replicate seeds (common random numbers), so each effect is
 * a paired difference. When the scenario has a strategy with no campaign, it runs too, for the cost per kg
 * kept off the market.
 */
public final class Levers {

    /** Step moved between two budget shares (or two shares of the military budget). */
    public static final double STEP = 0.1;

    /** The column of runs.csv naming the variant of a run. */
    public static final String LEVER = "lever";

    /** The unmodified strategy's variant id, and the no-campaign reference's. */
    public static final String REFERENCE = "reference";
    public static final String NO_CAMPAIGN = "no-campaign";

    /** The headline measures whose changes are measured. */
    public static final List<String> OUTCOMES = List.of("delivered_kg_total", "seized_kg_total",
            "price_usd_kg_final_year", "violent_incidents_total", "collateral_harm_total", "mean_trust_final_year",
            "recruits_total", "coca_ha_final_year");

    private Levers() {
    }

    /**
     * One variant of the strategy.
     *
     * @param id a short, stable name (also the value of runs.csv's lever column)
     * @param lever what was moved, for people (the registry's label)
     * @param change how, e.g. "0.9 to 0.8 (police 0.1 to 0.2)"
     * @param kind share, mix, switch or lever
     * @param values what the variant sets: parameters by key, scenario paths (strategy shares) by path
     */
    public record Variant(String id, String lever, String change, String kind, Map<String, Object> values) {
    }

    /** The variants of a campaign strategy, the unmodified strategy first. */
    public static List<Variant> variants(Scenario sc, Specs.Strategy st, RunConfig cfg) {
        List<Variant> out = new ArrayList<>();
        out.add(new Variant(REFERENCE, "the strategy as it is", "", "reference", Map.of()));
        double[] shares = {st.shares().military(), st.shares().police(), st.shares().development(),
            st.shares().partnership()};
        List<Field<Specs.Shares>> sf = Fields.SHARES;
        for (int from = 0; from < shares.length; from++) {
            for (int to = 0; to < shares.length; to++) {
                if (from == to || shares[from] < STEP - 1e-12) continue;
                Map<String, Object> v = new LinkedHashMap<>();
                double a = round(shares[from] - STEP);
                double b = round(shares[to] + STEP);
                v.put("strategies." + st.id() + ".shares." + sf.get(from).key(), a);
                v.put("strategies." + st.id() + ".shares." + sf.get(to).key(), b);
                out.add(new Variant("share:" + sf.get(from).key() + ">" + sf.get(to).key(),
                        "budget " + fmt(STEP) + ": " + sf.get(from).key() + " \u2192 " + sf.get(to).key(),
                        sf.get(from).key() + " " + fmt(shares[from]) + " to " + fmt(a) + ", " + sf.get(to).key() + " "
                                + fmt(shares[to]) + " to " + fmt(b), "share", v));
            }
        }
        ParamValues pv = cfg.params();
        List<Param> mix = Params.all().stream().filter(p -> p.role() == Param.Role.LEVER
                && p.key().startsWith("military.mix_")).toList();
        if (st.shares().military() > 0) {
            for (Param from : mix) {
                for (Param to : mix) {
                    double f = pv.real(from.key());
                    if (from == to || f < STEP - 1e-12) continue;
                    double t = pv.real(to.key());
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put(from.key(), round(f - STEP));
                    v.put(to.key(), round(t + STEP));
                    out.add(new Variant("mix:" + from.name() + ">" + to.name(), "military budget " + fmt(STEP) + ": "
                            + from.name().substring(4) + " \u2192 " + to.name().substring(4), from.key() + " " + fmt(f) + " to "
                            + fmt(round(f - STEP)) + ", " + to.key() + " " + fmt(t) + " to " + fmt(round(t + STEP)), "mix", v));
                }
            }
        }
        for (Param p : Params.all()) {
            if (p.role() != Param.Role.LEVER || p.key().startsWith("military.mix_")) continue;
            Object now = pv.get(p.key());
            for (Object to : alternatives(p, now)) {
                boolean flip = p.type() == Param.Type.BOOLEAN || p.type() == Param.Type.CHOICE;
                out.add(new Variant((flip ? "switch:" : "lever:") + p.key() + "=" + narcosim.util.Fmt.any(to),
                        p.label() + " \u2192 " + (to instanceof Boolean b ? (b ? "on" : "off") : narcosim.util.Fmt.any(to)),
                        p.key() + " " + narcosim.util.Fmt.any(now) + " to " + narcosim.util.Fmt.any(to),
                        flip ? "switch" : "lever", Map.of(p.key(), to)));
            }
        }
        return out;
    }

    /** The values a lever is moved to: the other switch position or choices, or the ends of its range. */
    static List<Object> alternatives(Param p, Object now) {
        List<Object> out = new ArrayList<>();
        switch (p.type()) {
            case BOOLEAN -> out.add(!Boolean.TRUE.equals(now));
            case CHOICE -> {
                for (String c : p.choices()) if (!c.equals(now)) out.add(c);
            }
            case NATION, REGION -> {
                // Where the strategy focuses somewhere, the lever is its focus; leaving it out is the variant.
                if (!"none".equals(now)) out.add("none");
            }
            case REAL, INTEGER -> {
                double v = ((Number) now).doubleValue();
                double lo;
                double hi;
                if (p.min() >= 0 && p.max() <= 1) {
                    lo = p.min();
                    hi = p.max();
                } else {
                    lo = Math.max(p.min(), v / 2);
                    hi = Math.min(p.max(), v * 2);
                }
                for (double x : new double[] {lo, hi}) {
                    Object to = p.type() == Param.Type.INTEGER ? (Object) Math.round(x) : (Object) round(x);
                    if (((Number) to).doubleValue() != v && !out.contains(to)) out.add(to);
                }
            }
        }
        return out;
    }

    private static double round(double v) {
        return new BigDecimal(v).setScale(9, RoundingMode.HALF_EVEN).stripTrailingZeros().doubleValue();
    }

    private static String fmt(double v) {
        return narcosim.util.Fmt.num(v);
    }

    /** The plan of a levers request: every variant (and the no-campaign reference) x replicates, seeds shared. */
    public static Plan plan(Experiments.Request req) throws ScenarioException {
        if (req.replicates() < 2) {
            throw new ScenarioException("--replicates", 0, "", "expected at least 2 replicates for an interval, got "
                    + req.replicates());
        }
        YamlNodes.Parsed source = YamlNodes.parse(req.file());
        Scenario sc = ScenarioLoader.load(source, req.sets());
        String id = req.strategies() == null || req.strategies().isEmpty() ? null : req.strategies().get(0);
        if (id == null || sc.strategy(id).isEmpty()) {
            throw new ScenarioException(req.file().toString(), 0, "--strategy", (id == null ? "give a strategy"
                    : "no strategy '" + id + "' in this scenario") + "; it has " + String.join(", ", sc.strategyIds()));
        }
        Specs.Strategy st = sc.strategy(id).orElseThrow();
        if (!st.shares().isCampaign()) {
            throw new ScenarioException(req.file().toString(), st.line(), "--strategy", "'" + id + "' spends nothing "
                    + "(no campaign), so its levers cannot act; choose a campaign strategy: " + String.join(", ",
                    sc.strategyIds().stream().filter(s -> sc.strategy(s).orElseThrow().shares().isCampaign()).toList()));
        }
        List<Variant> variants = variants(sc, st, sc.forStrategy(id, req.seed()));
        String baseline = Experiments.baseline(sc, sc.strategyIds());
        List<RunSpec> runs = new ArrayList<>();
        List<String> strategies = new ArrayList<>();
        strategies.add(id);
        for (int p = 0; p < variants.size(); p++) {
            Map<String, Object> values = new LinkedHashMap<>(variants.get(p).values());
            values.put(LEVER, variants.get(p).id());
            for (int r = 0; r < req.replicates(); r++) {
                runs.add(new RunSpec(runs.size(), p, id, r, Seeds.derive(req.seed(), 0, r), values));
            }
        }
        if (baseline != null) {
            strategies.add(baseline);
            int p = variants.size();
            for (int r = 0; r < req.replicates(); r++) {
                runs.add(new RunSpec(runs.size(), p, baseline, r, Seeds.derive(req.seed(), 0, r),
                        Map.of(LEVER, NO_CAMPAIGN)));
            }
        }
        Map<String, Object> design = new LinkedHashMap<>();
        design.put("type", "levers");
        design.put("strategy", id);
        design.put("strategies", strategies);
        design.put("baseline", baseline);
        design.put("replicates", req.replicates());
        design.put("step", STEP);
        design.put("outcomes", OUTCOMES);
        List<Object> vs = new ArrayList<>();
        for (Variant v : variants) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.id());
            m.put("lever", v.lever());
            m.put("kind", v.kind());
            m.put("change", v.change());
            vs.add(m);
        }
        design.put("variants", vs);
        design.put("points", variants.size() + (baseline != null ? 1 : 0));
        return new Plan(Plan.Kind.LEVERS, "levers-" + sc.name() + "-" + id, req.file(), req.sets(), sc, runs,
                List.of(LEVER), List.of(), design, null, null, source);
    }
}
