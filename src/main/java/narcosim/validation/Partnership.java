package narcosim.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * Pattern 7: intelligence sharing raises seizures per unit of interdiction effort; a partner's
 * withdrawal opens a gap that traffic moves into. Partnership is also judged at equal total budget on what it
 * is for: less cocaine delivered than the same budget with the partnership share on the military.
 */
final class Partnership extends Pattern {

    /** Campaign week at which the partner withdraws (start of year 4). */
    static final int WITHDRAWAL_WEEK = 156;

    Partnership() {
        super("partnership", 7, "Partnership pays; withdrawal opens a gap",
                "Magliocca et al. 2019 (NarcoLogic: intelligence-led interdiction); MODEL-BRIEF (partner instability)",
                "scenarios/central-america.yaml", 5);
    }

    static Specs.Strategy partnership(Scenario sc) {
        return largest(sc, Specs.Shares::partnership);
    }

    /**
     * The partner that withdraws: the partner with the largest campaign force share, leaving out the market's
     * nation (it carries the campaign) and international waters.
     */
    static String leaver(Scenario sc) {
        String best = null;
        double most = 0;
        for (Specs.Nation n : sc.nations()) {
            if (n.international() || !n.partner() || n.forceShare() <= most) continue;
            boolean market = sc.places().stream().anyMatch(p -> p.nation().equals(n.id())
                    && p.kind() == Specs.PlaceKind.MARKET);
            if (!market) {
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
        if (leaver(sc) == null) return "needs a partner nation with campaign forces, besides the market's, to withdraw";
        return null;
    }

    static final String NO_PARTNERSHIP = "same budget, no partnership";
    static final String NO_SHARING = "no intelligence sharing";

    @Override
    public List<Arm> arms(Scenario sc) {
        Specs.Strategy s = partnership(sc);
        String k = "strategies." + s.id() + ".shares.";
        return List.of(Arm.of(s.id(), s.id()),
                Arm.of(NO_PARTNERSHIP, s.id(), k + "military=" + (s.shares().military() + s.shares().partnership()),
                        k + "partnership=0"),
                Arm.of(sc.nation(leaver(sc)).name() + " withdraws", s.id(), "partnership.withdrawal_nation=" + leaver(sc),
                        "partnership.withdrawal_week=" + WITHDRAWAL_WEEK),
                Arm.of(NO_SHARING, s.id(), "partnership.intel_share=0"));
    }

    @Override
    public String experiment(Scenario sc) {
        String s = partnership(sc).id();
        return s + " vs the same budget with its partnership share moved to the military (no intelligence sharing, "
                + "joint training or coordinated operations), vs " + s + " with " + sc.nation(leaver(sc)).name()
                + " withdrawing at week " + WITHDRAWAL_WEEK + ", and vs " + s + " with no intelligence sharing "
                + "(partnership.intel_share=0)";
    }

    /** Kg seized per million US$ spent on military and police forces (the interdiction effort). */
    static double seizedPerMusd(PatternRun r) {
        Specs.Shares sh = r.result().config().strategy().shares();
        double musd = (sh.military() + sh.police()) * r.result().config().scenario().budgetMusdPerYear()
                * r.weeks() / 52.0;
        return r.outcome("seized_kg_total") / musd;
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
        checks.add(Check.above("relative rise in kg seized per US$ of military and police spending with partnership",
                "share", 0, paired(with, without, (t, r) -> change(seizedPerMusd(t), seizedPerMusd(r)))));
        // The same total budget either way: does partnership money keep more cocaine off the market than the
        // same money spent on the military?
        checks.add(Check.above("relative cut in delivered flow with partnership, same total budget", "share", 0,
                paired(with, without, (t, r) -> -change(t.outcome("delivered_kg_total"), r.outcome("delivered_kg_total")))));
        checks.add(Check.above("relative rise in kg entering " + sc.nation(n).name() + " after it withdraws", "share", 0,
                paired(gone, with, (t, r) -> change(t.nationWeekly(n, w, t.weeks()), r.nationWeekly(n, w, r.weeks())))));
        // Intelligence sharing alone (issue 14): the same forces and partnership money, partners passing on no cues
        // or signals; the same spending, so seizures per US$ change as seizures do.
        List<PatternRun> unshared = runs.get(NO_SHARING);
        checks.add(Check.above("relative rise in kg seized per US$ of forces with intelligence sharing (same forces)",
                "share", 0, paired(with, unshared, (t, r) -> change(seizedPerMusd(t), seizedPerMusd(r)))));
        return checks;
    }

    @Override
    public Figure figure(Scenario sc, Map<String, List<PatternRun>> runs) {
        String n = leaver(sc);
        String name = sc.nation(n).name();
        List<Arm> arms = arms(sc);
        return new Figure("Partner withdrawal: traffic entering " + name, "kg per week entering " + name + "'s places",
                List.of(new Line("", r -> r.nationSeries(n))), 8, WITHDRAWAL_WEEK, name + " withdraws",
                List.of(arms.get(0).label(), arms.get(2).label()));
    }
}
