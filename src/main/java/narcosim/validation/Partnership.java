package narcosim.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * Pattern 7: intelligence sharing raises seizures per unit of interdiction effort; a partner's
 * withdrawal opens a gap that traffic moves into.
 */
final class Partnership extends Pattern {

    /** Campaign week at which the partner withdraws (start of year 4). */
    static final int WITHDRAWAL_WEEK = 156;

    @Override
    public String id() {
        return "partnership";
    }

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String title() {
        return "Partnership pays; withdrawal opens a gap";
    }

    @Override
    public String source() {
        return "Magliocca et al. 2019 (NarcoLogic: intelligence-led interdiction); MODEL-BRIEF (partner instability)";
    }

    @Override
    public String defaultScenario() {
        return "scenarios/central-america.yaml";
    }

    static Specs.Strategy partnership(Scenario sc) {
        return largest(sc, Specs.Shares::partnership);
    }

    /**
     * The partner that withdraws: among transit nations (no coca, no market, not international waters) with
     * campaign forces, the one with the largest force share.
     */
    static String leaver(Scenario sc) {
        String best = null;
        double most = 0;
        for (Specs.Nation n : sc.nations()) {
            if (n.international() || !n.partner() || n.forceShare() <= most) continue;
            boolean transit = sc.places().stream().filter(p -> p.nation().equals(n.id()))
                    .noneMatch(p -> p.cocaHa() > 0 || p.kind() == Specs.PlaceKind.MARKET);
            if (transit) {
                best = n.id();
                most = n.forceShare();
            }
        }
        return best;
    }

    @Override
    public String unsupported(Scenario sc) {
        Specs.Strategy s = partnership(sc);
        if (s == null) return missing(sc, "a strategy with a partnership budget");
        if (s.shares().military() + s.shares().police() <= 0) return "the partnership strategy " + s.id()
                + " has no military or police budget to share intelligence with";
        if (leaver(sc) == null) return "needs a transit partner nation with campaign forces to withdraw";
        return null;
    }

    @Override
    public List<Arm> arms(Scenario sc) {
        String s = partnership(sc).id();
        return List.of(Arm.of(s, s),
                Arm.of("no intelligence sharing", s, "partnership.intel_share=0"),
                Arm.of(leaver(sc) + " withdraws", s, "partnership.withdrawal_nation=" + leaver(sc),
                        "partnership.withdrawal_week=" + WITHDRAWAL_WEEK));
    }

    @Override
    public String experiment(Scenario sc) {
        String s = partnership(sc).id();
        return s + " vs the same without intelligence sharing (partnership.intel_share=0), and vs the same with "
                + leaver(sc) + " withdrawing at week " + WITHDRAWAL_WEEK;
    }

    /** Kg seized per million US$ of campaign spending. */
    static double seizedPerMusd(PatternRun r) {
        return r.outcome("seized_kg_total") / (r.outcome("spend_usd_total") / 1e6);
    }

    @Override
    public List<Check> checks(Scenario sc, Map<String, List<PatternRun>> runs) {
        List<Arm> arms = arms(sc);
        List<PatternRun> with = runs.get(arms.get(0).label());
        List<PatternRun> without = runs.get(arms.get(1).label());
        List<PatternRun> gone = runs.get(arms.get(2).label());
        String n = leaver(sc);
        int w = WITHDRAWAL_WEEK;
        List<Check> checks = new ArrayList<>();
        checks.add(Check.above("relative rise in kg seized per US$ million with intelligence sharing", "share", 0,
                paired(with, without, (t, r) -> change(seizedPerMusd(t), seizedPerMusd(r)))));
        checks.add(Check.above("relative rise in kg entering " + n + " after it withdraws", "share", 0.1,
                paired(gone, with, (t, r) -> change(t.nationWeekly(n, w, t.weeks()), r.nationWeekly(n, w, r.weeks())))));
        checks.add(Check.above("relative rise in delivered kg after the withdrawal", "share", 0,
                paired(gone, with, (t, r) -> change(t.weekly("delivered_kg", w, t.weeks()),
                        r.weekly("delivered_kg", w, r.weeks())))));
        return checks;
    }

    @Override
    public Figure figure(Scenario sc, Map<String, List<PatternRun>> runs) {
        String n = leaver(sc);
        return new Figure("Partner withdrawal: kg entering " + n, "kg per week",
                List.of(new Line("", r -> r.nationSeries(n))), 8, WITHDRAWAL_WEEK, n + " withdraws");
    }
}
