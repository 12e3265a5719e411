package narcosim.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * Pattern 1, balloon effect: concentrating interdiction on the dominant corridor cuts that corridor's
 * flow far more than total delivered flow; traffic moves to another corridor and spreads over more places.
 */
final class Balloon extends Pattern {

    Balloon() {
        super("balloon", 1, "Balloon effect",
                "Magliocca et al., PNAS 116(16) 2019; IISE Transactions 56(3) 2024",
                "scenarios/classroom-balloon.yaml", 1);
    }

    /** The first strategy whose doctrine focuses the military on one region. */
    static Specs.Strategy crackdown(Scenario sc) {
        for (Specs.Strategy s : sc.strategies()) {
            Object r = s.doctrine().get("military.focus_region");
            if (r != null && !"none".equals(r) && s.shares().military() > 0) return s;
        }
        return null;
    }

    static String region(Scenario sc) {
        return String.valueOf(crackdown(sc).doctrine().get("military.focus_region"));
    }

    static String column(String region) {
        return "through_" + region.replaceAll("[^A-Za-z0-9]+", "_") + "_kg";
    }

    @Override
    public String unsupported(Scenario sc) {
        if (!has(sc, "baseline")) return missing(sc, "a 'baseline' strategy");
        if (crackdown(sc) == null) return missing(sc, "a strategy whose doctrine sets military.focus_region");
        return null;
    }

    @Override
    public List<Arm> arms(Scenario sc) {
        return List.of(Arm.of("baseline", "baseline"), Arm.of(crackdown(sc).id(), crackdown(sc).id()));
    }

    @Override
    public String experiment(Scenario sc) {
        return "baseline vs " + crackdown(sc).id() + " (static interdiction focused on region " + region(sc) + ")";
    }

    /** The region, other than the focus, whose through-flow gains most (mean over replicates), or null. */
    static String alternative(Scenario sc, List<PatternRun> base, List<PatternRun> crack) {
        String focus = region(sc);
        String best = null;
        double gain = 0;
        for (String col : base.get(0).result().outcomes().keySet()) {
            if (!col.startsWith("through_") || !col.endsWith("_kg_total") || col.equals(column(focus) + "_total")) continue;
            double g = 0;
            for (int i = 0; i < base.size(); i++) g += crack.get(i).outcome(col) - base.get(i).outcome(col);
            if (g > gain) {
                gain = g;
                best = col.substring("through_".length(), col.length() - "_kg_total".length());
            }
        }
        return best;
    }

    @Override
    public List<Check> checks(Scenario sc, Map<String, List<PatternRun>> runs) {
        List<PatternRun> base = runs.get("baseline");
        List<PatternRun> crack = runs.get(crackdown(sc).id());
        String focus = column(region(sc)) + "_total";
        List<Check> checks = new ArrayList<>();
        double[] corridorCut = paired(crack, base, (t, r) -> -change(t.outcome(focus), r.outcome(focus)));
        double[] deliveredCut = paired(crack, base,
                (t, r) -> -change(t.outcome("delivered_kg_total"), r.outcome("delivered_kg_total")));
        checks.add(Check.above("cut in flow through the pressed corridor (" + region(sc) + ")", "share", 0.4,
                corridorCut));
        double[] margin = new double[corridorCut.length];
        for (int i = 0; i < margin.length; i++) margin[i] = corridorCut[i] - 3 * deliveredCut[i];
        checks.add(Check.above("corridor cut minus 3 x cut in delivered flow", "share", 0, margin));
        String alt = alternative(sc, base, crack);
        if (alt != null) {
            String col = "through_" + alt + "_kg_total";
            checks.add(Check.above("rise in the share of departed flow through the other corridor ("
                    + alt.replace('_', '-') + ")",
                    "share", 0.1, paired(crack, base, (t, r) -> t.outcome(col) / t.outcome("departed_kg_total")
                            - r.outcome(col) / r.outcome("departed_kg_total"))));
        }
        checks.add(Check.above("rise in places in the cartels' networks", "places", 0,
                paired(crack, base, (t, r) -> t.outcome("network_places_mean") - r.outcome("network_places_mean"))));
        return checks;
    }

    @Override
    public Figure figure(Scenario sc, Map<String, List<PatternRun>> runs) {
        String focus = column(region(sc));
        List<Line> lines = new ArrayList<>(List.of(new Line(region(sc), r -> r.series(focus))));
        String alt = alternative(sc, runs.get("baseline"), runs.get(crackdown(sc).id()));
        if (alt != null) lines.add(new Line(alt.replace('_', '-'), r -> r.series("through_" + alt + "_kg")));
        return new Figure("Balloon effect: flow through the two corridors", "kg per week", lines, 8);
    }
}
