package narcosim.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import narcosim.scenario.Scenario;
import narcosim.util.Fmt;

/**
 * Pattern 2: under realistic budgets the seized share of departed flow stays well below one half
 * (JIATF-South disrupted about a fifth to a third of the known flow in 2012), yet every campaign seizes more
 * than routine enforcement alone.
 * Judged at the scenario's budget and at twice it: does the share stay limited when the money doubles?
 */
final class SeizureShare extends Pattern {

    /** The second budget the strategies are judged at, as a multiple of the scenario's. */
    static final double BUDGET_FACTOR = 2;

    SeizureShare() {
        super("seizure-share", 2, "Seizure share stays limited",
                "JIATF-South director Michel, May 2013: about a fifth to a third of the known flow disrupted in 2012 "
                + "(press reports; data/targets/SOURCES.md); Magliocca et al., PNAS 116(16) 2019 (NarcoLogic's "
                + "interdiction target, 0.34, is a model parameter)",
                "scenarios/central-america.yaml", 1);
    }

    @Override
    public String unsupported(Scenario sc) {
        if (!has(sc, "baseline")) return missing(sc, "a 'baseline' strategy");
        if (sc.strategies().size() < 2) return missing(sc, "at least one campaign strategy besides the baseline");
        return null;
    }

    static String doubled(String strategy) {
        return strategy + ", double budget";
    }

    /**
     * The baseline, every fixed campaign strategy at the scenario's budget, then every one at twice it. The
     * baseline spends nothing, so one baseline serves both budgets. Adaptive strategies (ODD 7.22) are left out:
     * their split is the fixed strategies' moved by rules, and the pattern is about levels of effort.
     */
    @Override
    public List<Arm> arms(Scenario sc) {
        List<Arm> arms = new ArrayList<>(List.of(Arm.of("baseline", "baseline")));
        for (String s : fixed(sc)) {
            if (!s.equals("baseline")) arms.add(Arm.of(s, s));
        }
        String budget = "budget.total_musd_per_year=" + Fmt.num(sc.budgetMusdPerYear() * BUDGET_FACTOR);
        for (String s : fixed(sc)) {
            if (!s.equals("baseline")) arms.add(Arm.of(doubled(s), s, budget));
        }
        String today = today(sc);
        if (today != null) {
            arms.add(Arm.of(today, sc.burnIn().strategy(),
                    "budget.total_musd_per_year=" + Fmt.num(sc.burnIn().budgetMusdPerYear())));
        }
        return arms;
    }

    /** The strategies without yearly rules, in the file's order. */
    private static List<String> fixed(Scenario sc) {
        return sc.strategies().stream().filter(s -> !s.adaptive()).map(narcosim.scenario.Specs.Strategy::id).toList();
    }

    /**
     * The arm of today's effort, where the scenario says what it is (its burn-in's campaign, ODD 7.23): that strategy
     * at the burn-in's budget, the world the published figures were observed in. Null without an anchored burn-in.
     */
    static String today(Scenario sc) {
        if (sc.burnIn() == null) return null;
        return sc.burnIn().strategy() + " at today's budget";
    }

    @Override
    public String experiment(Scenario sc) {
        String today = today(sc) == null ? "" : "; and " + sc.burnIn().strategy() + " at today's budget (US$"
                + Fmt.num(sc.burnIn().budgetMusdPerYear()) + "M a year, the campaign its burn-in runs under)";
        return "every fixed strategy of the scenario at its budget (US$" + Fmt.num(sc.budgetMusdPerYear())
                + "M a year) and at twice it: " + String.join(", ", fixed(sc)) + today;
    }

    @Override
    public List<Check> checks(Scenario sc, Map<String, List<PatternRun>> runs) {
        List<Check> checks = new ArrayList<>();
        List<PatternRun> base = runs.get("baseline");
        for (Arm a : arms(sc)) {
            if (a.label().equals("baseline")) continue;
            List<PatternRun> t = runs.get(a.label());
            checks.add(Check.below("seized share of departed flow, " + a.label(), "share", 0.5,
                    each(t, r -> r.outcome("seized_share"))));
            checks.add(Check.above("rise in seized share over the baseline, " + a.label(), "share", 0,
                    paired(t, base, (x, y) -> x.outcome("seized_share") - y.outcome("seized_share"))));
        }
        return checks;
    }

    /** The figure shows the strategies at the scenario's budget. */
    @Override
    public Figure figure(Scenario sc, Map<String, List<PatternRun>> runs) {
        List<String> shown = arms(sc).stream().filter(a -> a.sets().isEmpty()).map(Arm::label).toList();
        return new Figure("Seized share of departed flow, by strategy", "seized kg / departed kg (13-week window)",
                List.of(new Line("", r -> ratio(r.series("seized_kg"), r.series("departed_kg"), 13))), 1, -1, null,
                shown);
    }

    /** Trailing window ratio sum(a)/sum(b) over the last w weeks (weekly ratios are too noisy). */
    static double[] ratio(double[] a, double[] b, int w) {
        double[] out = new double[a.length];
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.length; i++) {
            sa += a[i];
            sb += b[i];
            if (i >= w) {
                sa -= a[i - w];
                sb -= b[i - w];
            }
            out[i] = sb > 0 ? sa / sb : 0;
        }
        return out;
    }
}
