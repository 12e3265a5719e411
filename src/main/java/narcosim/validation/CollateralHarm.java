package narcosim.validation;

import java.util.List;
import java.util.Map;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * Pattern 4: permissive rules of engagement cause collateral harm, which lowers trust, which lowers tips
 * and raises recruitment into trafficking.
 */
final class CollateralHarm extends Pattern {

    CollateralHarm() {
        super("trust", 4, "Collateral harm costs trust",
                "Bennett, JASSS 11(4) 7 2008; Oliveira et al. 2020",
                "scenarios/central-america.yaml", 1);
    }

    /**
     * The trust and tips effects are small against their noise. Measured on main at base seeds 1-4, judging
     * the first n replicates: holds at every seed from 10 on (fails at 6 for seeds 2-4), with final-year trust
     * -0.012 to -0.041 at 10; with corruption's protection (smaller trust effect) seed 1 fails at 10 and 15 and
     * holds from 20 on, the fewest that held at every seed measured on either.
     */
    @Override
    public int replicatesNeeded() {
        return 20;
    }

    static Specs.Strategy military(Scenario sc) {
        return largest(sc, Specs.Shares::military);
    }

    @Override
    public String unsupported(Scenario sc) {
        if (military(sc) == null) return missing(sc, "a strategy with a military budget");
        return null;
    }

    @Override
    public List<Arm> arms(Scenario sc) {
        String s = military(sc).id();
        return List.of(Arm.of("strict", s, "military.rules_of_engagement=strict"),
                Arm.of("permissive", s, "military.rules_of_engagement=permissive"));
    }

    @Override
    public String experiment(Scenario sc) {
        return military(sc).id() + " under strict vs permissive rules of engagement";
    }

    @Override
    public List<Check> checks(Scenario sc, Map<String, List<PatternRun>> runs) {
        List<PatternRun> s = runs.get("strict");
        List<PatternRun> p = runs.get("permissive");
        return List.of(
                Check.above("more collateral-harm incidents", "incidents", 0,
                        paired(p, s, (t, r) -> t.outcome("collateral_harm_total") - r.outcome("collateral_harm_total"))),
                Check.below("change in mean trust, final year", "trust (0-1)", 0,
                        paired(p, s, (t, r) -> t.outcome("mean_trust_final_year") - r.outcome("mean_trust_final_year"))),
                Check.below("relative change in tips", "share", 0,
                        paired(p, s, (t, r) -> change(t.outcome("tips_total"), r.outcome("tips_total")))),
                Check.above("relative change in recruits", "share", 0,
                        paired(p, s, (t, r) -> change(t.outcome("recruits_total"), r.outcome("recruits_total")))));
    }

    @Override
    public Figure figure(Scenario sc, Map<String, List<PatternRun>> runs) {
        return new Figure("Collateral harm costs trust: residents' mean trust in the state", "mean trust (0-1)",
                List.of(new Line("", r -> r.series("mean_trust"))), 4);
    }
}
