package narcosim.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * Pattern 1, balloon effect: concentrating interdiction on the dominant corridor cuts that corridor's
 * flow far more than total delivered flow; traffic moves to another corridor and spreads over more places.
 * This experiment presses the corridor a strategy of the scenario focuses its military on (the classroom
 * map's corridor-crackdown); {@link BalloonMap} presses the default map's Eastern Pacific.
 */
class Balloon extends Pattern {

    static final String SOURCE = "Magliocca et al., PNAS 116(16) 2019; IISE Transactions 56(3) 2024";

    Balloon() {
        this("balloon", "Balloon effect", "scenarios/classroom-balloon.yaml");
    }

    protected Balloon(String id, String title, String defaultScenario) {
        super(id, 1, title, SOURCE, defaultScenario, 1);
    }

    /**
     * The rise in places in the networks counts a few places a run: six replicates do not resolve it (since crews
     * are capacity, 0.53 [-0.05, 1.11] places), ten do; the same ten as `narcosim patterns` runs.
     */
    @Override
    public int replicatesNeeded() {
        return 10;
    }

    /** The first strategy whose doctrine focuses the military on one region. */
    static Specs.Strategy crackdown(Scenario sc) {
        for (Specs.Strategy s : sc.strategies()) {
            Object r = s.doctrine().get("military.focus_region");
            if (r != null && !"none".equals(r) && s.shares().military() > 0) return s;
        }
        return null;
    }

    /** The region pressed. */
    String region(Scenario sc) {
        return String.valueOf(crackdown(sc).doctrine().get("military.focus_region"));
    }

    /** The arm that presses it (compared with the baseline). */
    Arm pressArm(Scenario sc) {
        return Arm.of(crackdown(sc).id(), crackdown(sc).id());
    }

    static String tag(String region) {
        return region.replaceAll("[^A-Za-z0-9]+", "_");
    }

    /**
     * The weekly outcome that measures a corridor's flow: here the kg that came through a region (the classroom's
     * regions are the corridors themselves).
     */
    String column(String region) {
        return "through_" + tag(region) + "_kg";
    }

    @Override
    public String unsupported(Scenario sc) {
        if (!has(sc, "baseline")) return missing(sc, "a 'baseline' strategy");
        if (crackdown(sc) == null) return missing(sc, "a strategy whose doctrine sets military.focus_region");
        return null;
    }

    @Override
    public List<Arm> arms(Scenario sc) {
        return List.of(Arm.of("baseline", "baseline"), pressArm(sc));
    }

    @Override
    public String experiment(Scenario sc) {
        return "baseline vs " + crackdown(sc).id() + " (static interdiction focused on region " + region(sc) + ")";
    }

    /** The region, other than the pressed one, whose flow gains most (mean over replicates), or null. */
    String alternative(Scenario sc, List<PatternRun> base, List<PatternRun> press) {
        String focus = column(region(sc)) + "_total";
        String prefix = column("").replace("_kg", "");
        String best = null;
        double gain = 0;
        for (String col : base.get(0).result().outcomes().keySet()) {
            if (!col.startsWith(prefix) || !col.endsWith("_kg_total") || col.equals(focus)) continue;
            double g = 0;
            for (int i = 0; i < base.size(); i++) g += press.get(i).outcome(col) - base.get(i).outcome(col);
            if (g > gain) {
                gain = g;
                best = col.substring(prefix.length(), col.length() - "_kg_total".length());
            }
        }
        return best;
    }

    @Override
    public List<Check> checks(Scenario sc, Map<String, List<PatternRun>> runs) {
        List<PatternRun> base = runs.get("baseline");
        List<PatternRun> press = runs.get(pressArm(sc).label());
        String focus = column(region(sc)) + "_total";
        List<Check> checks = new ArrayList<>();
        double[] corridorCut = paired(press, base, (t, r) -> -change(t.outcome(focus), r.outcome(focus)));
        double[] deliveredCut = paired(press, base,
                (t, r) -> -change(t.outcome("delivered_kg_total"), r.outcome("delivered_kg_total")));
        checks.add(Check.above("cut in flow through the pressed corridor (" + region(sc) + ")", "share", 0.4,
                corridorCut));
        double[] margin = new double[corridorCut.length];
        for (int i = 0; i < margin.length; i++) margin[i] = corridorCut[i] - 3 * deliveredCut[i];
        checks.add(Check.above("corridor cut minus 3 x cut in delivered flow", "share", 0, margin));
        checks.addAll(alternativeChecks(sc, base, press));
        checks.add(Check.above("rise in places in the cartels' networks", "places", 0,
                paired(press, base, (t, r) -> t.outcome("network_places_mean") - r.outcome("network_places_mean"))));
        return checks;
    }

    /** Checks that traffic moved to the other corridor. */
    List<Check> alternativeChecks(Scenario sc, List<PatternRun> base, List<PatternRun> press) {
        String alt = alternative(sc, base, press);
        if (alt == null) return List.of();
        String col = column(alt) + "_total";
        return List.of(Check.above("rise in the share of departed flow through the other corridor ("
                + alt.replace('_', '-') + ")", "share", 0.1, paired(press, base,
                        (t, r) -> t.outcome(col) / t.outcome("departed_kg_total")
                                - r.outcome(col) / r.outcome("departed_kg_total"))));
    }

    @Override
    public Figure figure(Scenario sc, Map<String, List<PatternRun>> runs) {
        String focus = column(region(sc));
        List<Line> lines = new ArrayList<>(List.of(new Line(region(sc), r -> r.series(focus))));
        String alt = alternative(sc, runs.get("baseline"), runs.get(pressArm(sc).label()));
        if (alt != null) lines.add(new Line(alt.replace('_', '-'), r -> r.series(column(alt))));
        return new Figure("Balloon effect: flow through the two corridors", "kg per week", lines, 8);
    }
}
