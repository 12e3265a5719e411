package narcosim.validation;

import java.util.List;
import java.util.Map;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * Pattern 3, transient price premium: more interdiction raises the price for a while, and the premium
 * decays as traffickers adapt their routes.
 */
final class PricePremium extends Pattern {

    PricePremium() {
        super("price", 3, "Transient price premium",
                "Caulkins & Reuter, Crime and Justice 39 2010; Caulkins, Crawford & Reuter 1993",
                "scenarios/central-america.yaml", 5);
    }

    /**
     * The decay is small against its noise (about 0.07 with a per-replicate sd of about 0.14). Measured on
     * main at base seeds 1-4, judging the first n replicates: it failed at 6 (seeds 3, 4), 10 and 15 (seed 2
     * at 15, seed 4 at both), and at 40 still at seed 4 (0.032 [-0.015, 0.078]); it holds at every seed from
     * 50 on (lowest bound 0.011, seed 4), the fewest that did.
     */
    @Override
    public int replicatesNeeded() {
        return 50;
    }

    static Specs.Strategy surge(Scenario sc) {
        return largest(sc, Specs.Shares::military);
    }

    @Override
    public String unsupported(Scenario sc) {
        if (!has(sc, "baseline")) return missing(sc, "a 'baseline' strategy");
        if (surge(sc) == null) return missing(sc, "a strategy with a military budget");
        return null;
    }

    @Override
    public List<Arm> arms(Scenario sc) {
        return List.of(Arm.of("baseline", "baseline"), Arm.of(surge(sc).id(), surge(sc).id()));
    }

    @Override
    public String experiment(Scenario sc) {
        return "baseline vs " + surge(sc).id() + " (the strategy with the largest military share); price at the "
                + "market gateway in years 1-2 and in the final three years";
    }

    /** Price premium of t over r (ratio of mean prices minus 1) over campaign weeks [from, to). */
    static double premium(PatternRun t, PatternRun r, int from, int to) {
        return change(t.weekly("price_usd_kg", from, to), r.weekly("price_usd_kg", from, to));
    }

    @Override
    public List<Check> checks(Scenario sc, Map<String, List<PatternRun>> runs) {
        List<PatternRun> base = runs.get("baseline");
        List<PatternRun> surge = runs.get(surge(sc).id());
        double[] early = paired(surge, base, (t, r) -> premium(t, r, 0, 104));
        double[] late = paired(surge, base, (t, r) -> premium(t, r, t.weeks() - 156, t.weeks()));
        double[] decay = new double[early.length];
        for (int i = 0; i < decay.length; i++) decay[i] = early[i] - late[i];
        return List.of(
                Check.above("price premium in years 1-2", "share", 0.05, early),
                Check.above("decay: premium in years 1-2 minus premium in the final three years", "share", 0, decay));
    }

    @Override
    public Figure figure(Scenario sc, Map<String, List<PatternRun>> runs) {
        return new Figure("Transient price premium: wholesale price at the market gateway", "US$ per kg",
                List.of(new Line("", r -> r.series("price_usd_kg"))), 4);
    }
}
