package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import narcosim.experiment.RunResult;
import narcosim.metrics.WeeklyCollector;
import narcosim.scenario.Param;
import narcosim.scenario.Params;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;
import narcosim.util.Fmt;
import narcosim.world.Place;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The whole declared parameter space: every parameter of the registry drawn at once within its declared
 * range (log-uniformly where the range spans two orders of magnitude or more, so that small values are
 * drawn as often as large ones), then a short run. Each run either completes with every weekly outcome
 * finite, non-negative and within its cap, mass conserved and the shipments bounded, or stops with the
 * clear {@link ModelStateException}: never a wrong number, never another exception.
 */
class ParameterSpaceTest {

    /** Draws of every parameter plus a strategy index and a seed, for one scenario. */
    record Draw(Map<String, Object> values, int strategy, long seed) {

        List<String> sets() {
            List<String> out = new ArrayList<>();
            values.forEach((k, v) -> out.add(k + "=" + Fmt.any(v)));
            return out;
        }
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void classroomSurvivesTheWholeSpace(@ForAll("classroom") Draw d) throws Exception {
        checkWithinBudget("classroom-balloon.yaml", d);
    }

    @Property(tries = 10, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void defaultScenarioSurvivesTheWholeSpace(@ForAll("centralAmerica") Draw d) throws Exception {
        checkWithinBudget("central-america.yaml", d);
    }

    /**
     * The corners: every parameter at the bottom of its range, every one at the top, and the two mixes that
     * alternate them (choices and flags likewise at their first or last value), each on another strategy.
     */
    @Example
    void classroomSurvivesTheCorners() throws Exception {
        Scenario sc = TestModels.load(Path.of("scenarios", "classroom-balloon.yaml"));
        for (int corner = 0; corner < 4; corner++) {
            check("classroom-balloon.yaml", new Draw(corner(corner, sc), (corner + 1) % sc.strategies().size(), 1 + corner));
        }
    }

    /** Corner 0: all low; 1: all high; 2: even-numbered parameters low, odd high; 3: the reverse. */
    static Map<String, Object> corner(int corner, Scenario sc) {
        Map<String, Object> m = new LinkedHashMap<>();
        int i = 0;
        for (Param p : Params.all()) {
            boolean high = corner == 1 || corner == 2 && i % 2 == 1 || corner == 3 && i % 2 == 0;
            i++;
            Object v = switch (p.type()) {
                case REAL -> high ? p.max() : p.min();
                case INTEGER -> (int) (high ? p.max() : p.min());
                case BOOLEAN -> high;
                case CHOICE -> p.choices().get(high ? p.choices().size() - 1 : 0);
                case NATION -> high ? sc.nations().get(0).id() : "none";
                case REGION -> high ? sc.places().get(2).region() : "none";
            };
            m.put(p.key(), v);
        }
        m.put("run.years", 1);
        normaliseMix(m);
        return m;
    }

    @Provide
    Arbitrary<Draw> classroom() {
        return draws("classroom-balloon.yaml", Arbitraries.of(1, 2));
    }

    @Provide
    Arbitrary<Draw> centralAmerica() {
        return draws("central-america.yaml", Arbitraries.just(1));
    }

    // ------------------------------------------------------------------ drawing

    private static Arbitrary<Draw> draws(String file, Arbitrary<Integer> years) {
        Scenario sc = TestModels.load(Path.of("scenarios", file));
        List<String> nations = new ArrayList<>(List.of("none"));
        sc.nations().forEach(n -> nations.add(n.id()));
        List<String> regions = new ArrayList<>(List.of("none"));
        sc.places().stream().map(Specs.Place::region).filter(r -> !r.isEmpty()).distinct().forEach(regions::add);
        List<String> keys = new ArrayList<>();
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (Param p : Params.all()) {
            keys.add(p.key());
            values.add(p.key().equals("run.years") ? years.map(y -> (Object) y) : value(p, nations, regions));
        }
        Arbitrary<Map<String, Object>> all = Combinators.combine(values).as(vs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) m.put(keys.get(i), vs.get(i));
            normaliseMix(m);
            return m;
        });
        return Combinators.combine(all, Arbitraries.integers().between(0, sc.strategies().size() - 1)
                .withDistribution(RandomDistribution.uniform()), Arbitraries.longs().between(1, 1_000_000)
                .withDistribution(RandomDistribution.uniform())).as(Draw::new);
    }

    private static final String[][] MIXES = {{"military.mix_boat", "military.mix_aircraft", "military.mix_ground",
        "military.mix_surveillance"}, {"partnership.mix_training", "partnership.mix_surveillance", "partnership.mix_liaison"}};

    /**
     * The constraints across parameters (ScenarioLoader): the military mix and the partnership mix each add up to
     * 1. The drawn shares are scaled to do so, in millionths so that their text adds up exactly.
     */
    static void normaliseMix(Map<String, Object> m) {
        for (String[] mix : MIXES) normaliseMix(m, mix);
    }

    private static void normaliseMix(Map<String, Object> m, String[] MIX) {
        double sum = 0;
        for (String k : MIX) sum += (Double) m.get(k);
        long left = 1_000_000;
        for (int i = 0; i < MIX.length; i++) {
            long share = i == MIX.length - 1 ? left
                    : Math.min(left, sum > 0 ? Math.round((Double) m.get(MIX[i]) / sum * 1e6) : (i == 0 ? left : 0));
            left -= share;
            m.put(MIX[i], share / 1e6);
        }
    }

    /** One parameter's value, anywhere in its declared range. */
    @SuppressWarnings("unchecked")
    static Arbitrary<Object> value(Param p, List<String> nations, List<String> regions) {
        return switch (p.type()) {
            case REAL -> (Arbitrary<Object>) (Arbitrary<?>) number(p.min(), p.max(), false);
            case INTEGER -> (Arbitrary<Object>) (Arbitrary<?>) number(p.min(), p.max(), true)
                    .map(v -> (int) Math.max(p.min(), Math.min(p.max(), Math.rint(v))));
            case BOOLEAN -> (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.of(true, false);
            case CHOICE -> (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.of(p.choices());
            case NATION -> (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.of(nations);
            case REGION -> (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.of(regions);
        };
    }

    /**
     * Uniform in [min, max], or log-uniform where the range spans two orders of magnitude or more: from min
     * when it is above 0 (times, sizes, costs, counts), from max / 10^4 when a real range starts at 0 (rates and
     * weights such as [0, 100]), with 0 itself drawn one time in ten. Whole-number ranges from 0 (weeks of
     * burn-in, lags) are uniform. The bounds are tried by {@link #classroomSurvivesTheCorners()}.
     */
    static Arbitrary<Double> number(double min, double max, boolean whole) {
        Arbitrary<Double> u = Arbitraries.doubles().between(0, 1).ofScale(9).withDistribution(RandomDistribution.uniform());
        if (min > 0 && max >= 100 * min) {
            return u.map(x -> Math.max(min, Math.min(max, min * Math.exp(x * Math.log(max / min)))));
        }
        if (min == 0 && max >= 100 && !whole) {
            double lo = max * 1e-4;
            Arbitrary<Double> log = u.map(x -> Math.max(lo, Math.min(max, lo * Math.exp(x * Math.log(max / lo)))));
            return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0.0)), Tuple.of(9, log));
        }
        return u.map(x -> Math.max(min, Math.min(max, min + x * (max - min))));
    }

    // ------------------------------------------------------------------ checking

    /**
     * The test's time budget: draws whose resident agents times simulated weeks exceed this (a few seconds
     * of simulation) are set aside, so that the rest of the space gets the tries. They lie in the corner of
     * fine resident grains (residents.people_per_agent near 1, residents.min_agents near its top) with long
     * burn-ins, on the default scenario; memory there is bounded by NarcoModel.MAX_RESIDENT_AGENTS.
     */
    static final double MAX_AGENT_WEEKS = 1e8;

    /** Resident agents the run will hold (as NarcoModel.start counts them) times the weeks it simulates. */
    static double agentWeeks(Scenario sc, Draw d) {
        double ppa = ((Number) d.values().get("residents.people_per_agent")).doubleValue();
        int min = (Integer) d.values().get("residents.min_agents");
        double agents = 0;
        for (Specs.Place p : sc.places()) {
            if (p.population() <= 0 || p.kind() == Specs.PlaceKind.MARKET || p.kind() == Specs.PlaceKind.SEA) continue;
            agents += Math.max(min, Math.round(p.population() / ppa));
        }
        return agents * ((Integer) d.values().get("run.burn_in_weeks") + 52.0 * (Integer) d.values().get("run.years"));
    }

    /** A drawn run within the time budget (the others are set aside by jqwik), checked. */
    private static void checkWithinBudget(String file, Draw d) throws Exception {
        Assume.that(agentWeeks(TestModels.load(Path.of("scenarios", file)), d) <= MAX_AGENT_WEEKS);
        check(file, d);
    }

    private static void check(String file, Draw d) throws Exception {
        Scenario sc = TestModels.load(Path.of("scenarios", file), d.sets().toArray(new String[0]));
        RunConfig cfg = sc.forStrategy(sc.strategyIds().get(d.strategy()), d.seed());
        NarcoModel m = new NarcoModel(cfg);
        try {
            m.start();
            long total = (long) m.burnInWeeks() + cfg.weeks();
            while (m.schedule.getSteps() < total) {
                m.schedule.step(m);
                assertTrue(m.shipments().size() <= Transit.MAX_SHIPMENTS, "shipments bounded");
            }
            m.finish();
        } catch (ModelStateException e) {
            Statistics.collect("left the valid state (clear error)");
            assertClear(e);
            return;
        }
        Statistics.collect("completed");
        if (!m.capsNote().isEmpty()) Statistics.label("caps").collect("a cap held");
        assertSane(m);
    }

    static void assertClear(ModelStateException e) {
        String msg = e.getMessage();
        assertTrue(e.located(), "not located: " + msg);
        assertTrue(msg.startsWith("the run left the model's valid state "), msg);
        assertTrue(msg.contains(" week ") || msg.contains("at the start"), "names the week: " + msg);
        assertTrue(msg.contains("Parameters set away from their defaults in this run: ")
                || msg.contains("Every parameter is at its default"), "names the parameters: " + msg);
        assertTrue(!msg.contains("\n"), "one line: " + msg);
    }

    /** Every weekly outcome finite and non-negative, the capped ones within their caps, mass conserved. */
    static void assertSane(NarcoModel m) {
        assertEquals(0, m.massImbalanceKg(), "mass balance");
        assertTrue(m.shipments().size() <= Transit.MAX_SHIPMENTS, "shipments bounded: " + m.shipments().size());
        RunResult r = RunResult.of(m);
        double areaCap = 0;
        for (Place p : m.network().places) areaCap += p.isProduction() ? p.cocaCapHa() : 0;
        List<narcosim.metrics.Outcome> cols = r.columns();
        for (int w = 0; w < r.rows().size(); w++) {
            double[] row = r.rows().get(w);
            for (int c = 0; c < cols.size(); c++) {
                String name = cols.get(c).name();
                double v = row[c];
                // A nation's chain price is unknown (NaN, an empty cell) until cocaine first arrives there; the
                // scarcity part of the price is negative in a glut (stock sold off below cost).
                if (name.startsWith("chain_price_") && Double.isNaN(v)) continue;
                boolean signed = name.equals("price_scarcity_usd_kg");
                assertTrue(Double.isFinite(v) && (signed || v >= 0), name + " in week " + w + " is " + v);
                if (name.startsWith("mean_trust") || name.startsWith("trust_") || name.equals("mean_fear")) {
                    assertTrue(v <= 1, name + " in week " + w + " is " + v);
                }
            }
            assertTrue(row[m.collector().column("price_usd_kg")] <= m.markets().priceCap() * (1 + 1e-12), "price cap");
            assertTrue(row[m.collector().column("risk_premium")] >= 1, "the risk premium is at least 1");
            assertTrue(row[m.collector().column("coca_ha")] <= areaCap * (1 + 1e-9), "area cap");
        }
        for (Map.Entry<String, Double> e : r.outcomes().entrySet()) {
            if (e.getKey().startsWith("chain_price_") && Double.isNaN(e.getValue())) continue;
            boolean signed = e.getKey().startsWith("price_scarcity_usd_kg");
            assertTrue(Double.isFinite(e.getValue()) && (signed || e.getValue() >= 0), e.getKey() + " = " + e.getValue());
        }
        assertTrue(r.outcome("delivered_share") <= 1 && r.outcome("delivered_share_final_year") <= 1, "delivered share");
    }
}
