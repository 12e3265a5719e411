package narcosim.validation;

import java.util.List;
import java.util.Map;

import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/**
 * Pattern 5: development cuts cultivation and recruitment only after about two years (alternative crops
 * need about 24 months to the first harvest).
 */
final class DevelopmentLag extends Pattern {

    DevelopmentLag() {
        super("development", 5, "Development works with a lag",
                "Borrero & Parada 2022 (alternative development in Colombia)",
                "scenarios/central-america.yaml", 6);
    }

    static Specs.Strategy development(Scenario sc) {
        return largest(sc, Specs.Shares::development);
    }

    @Override
    public String unsupported(Scenario sc) {
        if (!has(sc, "baseline")) return missing(sc, "a 'baseline' strategy");
        if (development(sc) == null) return missing(sc, "a strategy with a development budget");
        return null;
    }

    /**
     * The command's default. Measured on main at base seeds 1-4: at 6 replicates the growers cut in years 5-10
     * (about 0.23 against its criterion 0.2) failed at seed 3; from 10 on it holds at every seed.
     */
    @Override
    public int replicatesNeeded() {
        return 10;
    }

    @Override
    public List<Arm> arms(Scenario sc) {
        return List.of(Arm.of("baseline", "baseline"), Arm.of(development(sc).id(), development(sc).id()));
    }

    @Override
    public String notChecked() {
        return "the brief's \"and best with enforcement\": the model does not reproduce it (enforcement raises the "
                + "price and violence, so the same programmes pay less; docs/VALIDATION.md)";
    }

    @Override
    public String experiment(Scenario sc) {
        return "baseline vs " + development(sc).id() + " (the strategy with the largest development share); "
                + "coca area, growers and active smugglers in years 1-2 and years 5-10";
    }

    static double cut(PatternRun t, PatternRun r, String outcome, int from, int to) {
        return -change(t.weekly(outcome, from, to), r.weekly(outcome, from, to));
    }

    @Override
    public List<Check> checks(Scenario sc, Map<String, List<PatternRun>> runs) {
        List<PatternRun> base = runs.get("baseline");
        List<PatternRun> dev = runs.get(development(sc).id());
        double[] smugEarly = paired(dev, base, (t, r) -> cut(t, r, "active_smugglers", 0, 104));
        double[] smugLate = paired(dev, base, (t, r) -> cut(t, r, "active_smugglers", 208, t.weeks()));
        double[] lag = new double[smugEarly.length];
        for (int i = 0; i < lag.length; i++) lag[i] = smugLate[i] - smugEarly[i];
        return List.of(
                Check.below("cut in coca area, years 1-2", "share", 0.05,
                        paired(dev, base, (t, r) -> cut(t, r, "coca_ha", 0, 104))),
                Check.above("cut in coca area, years 5-10", "share", 0.1,
                        paired(dev, base, (t, r) -> cut(t, r, "coca_ha", 208, t.weeks()))),
                Check.below("cut in growers, years 1-2", "share", 0.05,
                        paired(dev, base, (t, r) -> cut(t, r, "growers", 0, 104))),
                Check.above("cut in growers, years 5-10", "share", 0.2,
                        paired(dev, base, (t, r) -> cut(t, r, "growers", 208, t.weeks()))),
                Check.above("cut in active smugglers, years 5-10 minus years 1-2", "share", 0.15, lag));
    }

    @Override
    public Figure figure(Scenario sc, Map<String, List<PatternRun>> runs) {
        return new Figure("Development works with a lag: coca area", "hectares",
                List.of(new Line("", r -> r.series("coca_ha"))), 4, 104, "first harvests (about 24 months)");
    }
}
