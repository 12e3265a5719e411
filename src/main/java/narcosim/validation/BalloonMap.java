package narcosim.validation;

import java.util.List;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * Pattern 1 on the default map: the whole budget on static military interdiction focused on the Eastern
 * Pacific, the corridor that carries about 72% of primary movements (CCDB, as used by NarcoLogic), against
 * the baseline. The checks are the classroom's, measured as there: the flow through the pressed corridor (the
 * kg that came through its region, {@code through_}) falls by more than 40% and far more than delivered flow,
 * and more places are in the networks. Traffic must move to the Caribbean, as a larger share of primary
 * movements and as more kg; both are measured as the kg sent into each region ({@code flow_}), the measure of
 * the corridor split among the magnitudes (CCDB primary movements).
 */
final class BalloonMap extends Balloon {

    static final String PRESSED = "eastern-pacific";
    static final String OTHER = "caribbean";

    BalloonMap() {
        super("balloon-map", "Balloon effect on the default map", "scenarios/central-america.yaml");
    }

    /** The strategy turned into the crackdown: the one with the largest military share. */
    static Specs.Strategy strategy(Scenario sc) {
        return largest(sc, Specs.Shares::military);
    }

    static boolean hasRegion(Scenario sc, String region) {
        return sc.places().stream().anyMatch(p -> p.region().equals(region));
    }

    @Override
    String region(Scenario sc) {
        return PRESSED;
    }

    static final String ARM = PRESSED + " crackdown";

    @Override
    Arm pressArm(Scenario sc) {
        String k = "strategies." + strategy(sc).id() + ".shares.";
        return Arm.of(ARM, strategy(sc).id(), k + "military=1", k + "police=0", k + "development=0",
                k + "partnership=0", "military.targeting=static", "military.focus_region=" + PRESSED,
                "military.rules_of_engagement=strict", "eradication.enabled=false", "police.leadership_targeting=false");
    }

    @Override
    public String unsupported(Scenario sc) {
        if (!has(sc, "baseline")) return missing(sc, "a 'baseline' strategy");
        if (strategy(sc) == null) return missing(sc, "a strategy with a military budget");
        if (!hasRegion(sc, PRESSED) || !hasRegion(sc, OTHER)) {
            return "needs places in the regions " + PRESSED + " and " + OTHER + " (the default map's corridors)";
        }
        return null;
    }

    @Override
    public String experiment(Scenario sc) {
        return "baseline vs " + strategy(sc).id() + " with its whole budget on static military interdiction focused "
                + "on region " + PRESSED + " (strict rules, no eradication); kg through the " + PRESSED + ", kg sent "
                + "into it and into the " + OTHER;
    }

    @Override
    String alternative(Scenario sc, List<PatternRun> base, List<PatternRun> press) {
        return tag(OTHER);
    }

    @Override
    List<Check> alternativeChecks(Scenario sc, List<PatternRun> base, List<PatternRun> press) {
        String ep = "flow_" + tag(PRESSED) + "_kg_total";
        String car = "flow_" + tag(OTHER) + "_kg_total";
        return List.of(
                Check.above("rise in the " + OTHER + " share of primary movements (vs " + PRESSED + ")", "share", 0,
                        paired(press, base, (t, r) -> t.outcome(car) / (t.outcome(ep) + t.outcome(car))
                                - r.outcome(car) / (r.outcome(ep) + r.outcome(car)))),
                Check.above("relative rise in kg sent into the " + OTHER, "share", 0,
                        paired(press, base, (t, r) -> change(t.outcome(car), r.outcome(car)))));
    }
}
