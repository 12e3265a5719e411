package narcosim.validation;

import java.util.List;
import java.util.Map;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * Pattern 8: targeting cartel leaders fragments cartels and raises violence. Dell (2015) measures the rise in the
 * years after a crackdown starts (years 1-3 here); the pattern is also judged over the whole horizon, whether the
 * rise lasts or is paid back later.
 */
final class LeadershipTargeting extends Pattern {

    /** The early window, Dell's claim: the first three campaign years. */
    static final int EARLY_WEEKS = 156;

    LeadershipTargeting() {
        super("leadership", 8, "Leadership targeting fragments cartels and raises violence",
                "Dell, American Economic Review 105(6) 2015",
                "scenarios/central-america.yaml", 3);
    }

    static Specs.Strategy police(Scenario sc) {
        return largest(sc, Specs.Shares::police);
    }

    @Override
    public String unsupported(Scenario sc) {
        if (police(sc) == null) return missing(sc, "a strategy with a police budget");
        return null;
    }

    @Override
    public List<Arm> arms(Scenario sc) {
        String s = police(sc).id();
        return List.of(Arm.of("no leadership targeting", s, "police.leadership_targeting=false"),
                Arm.of("leadership targeting", s, "police.leadership_targeting=true"));
    }

    @Override
    public String experiment(Scenario sc) {
        return police(sc).id() + " (the strategy with the largest police share) with and without leadership targeting; "
                + "violence in years 1-3 and over the whole horizon";
    }

    @Override
    public List<Check> checks(Scenario sc, Map<String, List<PatternRun>> runs) {
        List<PatternRun> off = runs.get("no leadership targeting");
        List<PatternRun> on = runs.get("leadership targeting");
        return List.of(
                Check.above("more leaders arrested", "arrests", 0,
                        paired(on, off, (t, r) -> t.outcome("leader_arrests_total") - r.outcome("leader_arrests_total"))),
                Check.above("more cartel splits", "splits", 0,
                        paired(on, off, (t, r) -> t.outcome("cartel_splits_total") - r.outcome("cartel_splits_total"))),
                Check.above("relative rise in violent incidents, years 1-3", "share", 0,
                        paired(on, off, (t, r) -> change(t.weekly("violent_incidents", 0, EARLY_WEEKS),
                                r.weekly("violent_incidents", 0, EARLY_WEEKS)))),
                Check.above("relative rise in violent incidents, whole horizon", "share", 0,
                        paired(on, off, (t, r) -> change(t.weekly("violent_incidents", 0, t.weeks()),
                                r.weekly("violent_incidents", 0, r.weeks())))));
    }

    @Override
    public Figure figure(Scenario sc, Map<String, List<PatternRun>> runs) {
        return new Figure("Leadership targeting: violent incidents", "incidents per week",
                List.of(new Line("", r -> r.series("violent_incidents"))), 13);
    }
}
