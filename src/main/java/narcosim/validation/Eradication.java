package narcosim.validation;

import java.util.List;
import java.util.Map;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * Pattern 6: forced eradication alone is weak (the net cut in coca area is a small fraction of the area
 * eradicated) and reversible (growers replant once it stops), and it costs trust among growers.
 */
final class Eradication extends Pattern {

    /** Campaign week at which eradication stops, so that the reversal can be seen. */
    static final int STOP_WEEK = 260;

    /** Share of the scenario's budget that the eradication-only arm spends (all of it on eradication). */
    static final double BUDGET_SHARE = 0.1;

    /**
     * Largest net cut per hectare sprayed that still counts as weak: a few times Colombia's record of about
     * 0.008 (12,000 ha net for 1.5 million ha sprayed), far below the one-for-one cut of a naive model.
     */
    static final double MAX_CUT_PER_HA = 0.05;

    Eradication() {
        super("eradication", 6, "Eradication alone is weak and reversible",
                "Colombia's spraying record, as its Justice Minister Yesid Reyes stated it (The Guardian, 2 July 2015): "
                + "1.5 million ha sprayed over 12 years for a 12,000 ha net cut",
                "scenarios/central-america.yaml", 7);
    }

    /** The strategy turned into eradication only: the one with the largest military share. */
    static Specs.Strategy strategy(Scenario sc) {
        return largest(sc, Specs.Shares::military);
    }

    @Override
    public String unsupported(Scenario sc) {
        if (!has(sc, "baseline")) return missing(sc, "a 'baseline' strategy");
        if (strategy(sc) == null) return missing(sc, "a strategy with a military budget");
        return null;
    }

    static final String ARM = "eradication only (stops in year 6)";

    @Override
    public List<Arm> arms(Scenario sc) {
        String s = strategy(sc).id();
        String k = "strategies." + s + ".shares.";
        return List.of(Arm.of("baseline", "baseline"),
                Arm.of(ARM, s, k + "military=1", k + "police=0", k + "development=0", k + "partnership=0",
                        "eradication.enabled=true", "eradication.budget_share=1",
                        "budget.total_musd_per_year=" + sc.budgetMusdPerYear() * BUDGET_SHARE,
                        "eradication.end_week=" + STOP_WEEK));
    }

    @Override
    public String experiment(Scenario sc) {
        return "baseline vs eradication only (" + strategy(sc).id() + " with its whole budget, a tenth of the "
                + "scenario's, on forced eradication) for five years, stopped at week " + STOP_WEEK;
    }

    @Override
    public List<Check> checks(Scenario sc, Map<String, List<PatternRun>> runs) {
        List<PatternRun> base = runs.get("baseline");
        List<PatternRun> er = runs.get(ARM);
        // Net cut in standing coca area in year 5, per hectare sprayed over the five years (Colombia's measure:
        // hectares sprayed, not hectares killed).
        double[] perHa = paired(er, base, (t, r) -> {
            double sprayed = t.weekly("sprayed_ha", 0, STOP_WEEK) * STOP_WEEK;
            double netCut = r.weekly("coca_ha", STOP_WEEK - 52, STOP_WEEK) - t.weekly("coca_ha", STOP_WEEK - 52, STOP_WEEK);
            return sprayed > 0 ? netCut / sprayed : Double.NaN;
        });
        return List.of(
                Check.above("cut in coca area, year 5 (while eradicating)", "share", 0,
                        paired(er, base, (t, r) -> -change(t.weekly("coca_ha", STOP_WEEK - 52, STOP_WEEK),
                                r.weekly("coca_ha", STOP_WEEK - 52, STOP_WEEK)))),
                Check.below("net hectares cut per hectare sprayed (weak)", "ha/ha", MAX_CUT_PER_HA, perHa),
                Check.below("cut in coca area, final year (reversed after stopping)", "share", 0.05,
                        paired(er, base, (t, r) -> -change(t.outcome("coca_ha_final_year"),
                                r.outcome("coca_ha_final_year")))),
                Check.below("change in mean trust in coca-growing places, years 1-5", "trust (0-1)", 0,
                        paired(er, base, (t, r) -> t.cocaZoneTrust(0, STOP_WEEK) - r.cocaZoneTrust(0, STOP_WEEK))));
    }

    @Override
    public Figure figure(Scenario sc, Map<String, List<PatternRun>> runs) {
        return new Figure("Eradication alone: coca area, eradication stopped after five years", "hectares",
                List.of(new Line("", r -> r.series("coca_ha"))), 4, STOP_WEEK, "eradication stops");
    }
}
