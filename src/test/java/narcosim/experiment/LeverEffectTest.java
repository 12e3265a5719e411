package narcosim.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import narcosim.model.NarcoModel;
import narcosim.scenario.Param;
import narcosim.scenario.Params;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.Specs;

/**
 * Every lever does something (issue 12.4): each parameter the registry marks as a policy lever, the budget
 * shares and the military mix move at least one headline measure in the default scenario under at least one
 * of its campaign strategies (paired replicates with common random numbers, the 95% interval of the
 * difference excluding 0), or the registry marks the lever conditional and names the scenario and strategy
 * where it acts, and it is tested there. Mechanisms that the model's documentation presents as acting on
 * the market (the trafficking wage, corruption) are checked the same way on delivered flow or price.
 * Levers that fail today are listed below as known failures with the issue expected to fix them: their
 * tests pass while they still fail, print the measured effects, and fail once the lever starts to act, so
 * that the entry is removed.
 */
class LeverEffectTest {

    static final Path DEFAULT = Path.of("scenarios", "central-america.yaml");
    static final int REPLICATES = 6;
    static final String YEARS = "run.years=3";

    /** Levers and mechanisms that move nothing today, and the issue that is to make them act. */
    static final Map<String, String> KNOWN_FAILURES = Map.of(
            "mechanism:corruption", "issue 19: protection bought with bribes lowers seizures of the payer's loads "
                    + "(ProtectionTest), but most seizures are the military's, which cannot be bought; with crews as "
                    + "capacity, 10 paired replicates of 10 years without corruption: civilian-policing delivers "
                    + "-0.8% [-2.7, +1.2], partnership -0.4% [-1.2, +0.4], integrated's price +3.6% [-3.2, +10.5]; "
                    + "corrupt port insiders (rip-offs, ODD 7.24) make it act where a scenario has ports "
                    + "(PortInspectionTest, andes-europe), and this scenario has none");

    static final ExecutorService POOL = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    /** Runs already made: key = sets + strategy + replicate. */
    static final Map<String, Future<Map<String, Double>>> RUNS = new ConcurrentHashMap<>();
    static final List<String> REPORT = new ArrayList<>();

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
        System.out.println("Lever effects (" + REPLICATES + " paired replicates, 3-year runs of " + DEFAULT + "):");
        for (String line : REPORT) System.out.println("  " + line);
    }

    /** Measures the mechanisms below read besides the headline ones. */
    static final List<String> EXTRA_OUTCOMES = List.of("arrests_total", "handovers_lost_total", "price_crew_risk_usd_kg_final_year",
            "price_crew_wages_usd_kg_final_year");

    /** The headline measures of replicate r of a strategy with extra settings. */
    static Future<Map<String, Double>> run(Path file, String strategy, List<String> sets, int r) {
        String key = file + "|" + strategy + "|" + sets + "|" + r;
        return RUNS.computeIfAbsent(key, k -> POOL.submit(() -> {
            List<String> all = new ArrayList<>(sets);
            if (sets.stream().noneMatch(x -> x.startsWith("run.years="))) all.add(YEARS);
            RunConfig cfg = ScenarioLoader.load(file, all).forStrategy(strategy, Seeds.derive(1, 0, r));
            NarcoModel m = new NarcoModel(cfg);
            m.runToEnd();
            RunResult res = RunResult.of(m);
            Map<String, Double> out = new LinkedHashMap<>();
            for (String o : Levers.OUTCOMES) out.put(o, res.outcome(o));
            for (String o : EXTRA_OUTCOMES) out.put(o, res.outcome(o));
            return out;
        }));
    }

    /** Which measures a variant moves against the strategy as it is (interval of the paired difference excludes 0). */
    static Map<String, Statistics.Estimate> effects(Path file, String strategy, List<String> sets, List<String> outcomes)
            throws Exception {
        List<Future<Map<String, Double>>> a = new ArrayList<>();
        List<Future<Map<String, Double>>> b = new ArrayList<>();
        for (int r = 0; r < REPLICATES; r++) {
            a.add(run(file, strategy, sets, r));
            b.add(run(file, strategy, List.of(), r));
        }
        Map<String, Statistics.Estimate> out = new LinkedHashMap<>();
        for (String o : outcomes) {
            double[] x = new double[REPLICATES];
            double[] y = new double[REPLICATES];
            for (int r = 0; r < REPLICATES; r++) {
                x[r] = a.get(r).get().get(o);
                y[r] = b.get(r).get().get(o);
            }
            out.put(o, Statistics.estimate(Statistics.differences(x, y), 0.95));
        }
        return out;
    }

    static boolean moves(Statistics.Estimate e) {
        return e.low() > 0 || e.high() < 0;
    }

    /** A variant's settings as --set expressions. */
    static List<String> sets(Levers.Variant v) {
        List<String> s = new ArrayList<>();
        for (Map.Entry<String, Object> e : v.values().entrySet()) s.add(e.getKey() + "=" + narcosim.util.Fmt.any(e.getValue()));
        return s;
    }

    /**
     * The first (strategy, variant) under which the lever moves a measure, trying the scenario's campaign
     * strategies in order; or a description of the largest effects seen when none does.
     */
    static String firstMove(Path file, List<String> strategies, java.util.function.Predicate<Levers.Variant> lever,
                            List<String> outcomes, StringBuilder seen) throws Exception {
        Scenario sc = ScenarioLoader.load(file, List.of(YEARS));
        for (String s : strategies) {
            Specs.Strategy st = sc.strategy(s).orElseThrow();
            for (Levers.Variant v : Levers.variants(sc, st, sc.forStrategy(s, 1))) {
                if (!lever.test(v)) continue;
                Map<String, Statistics.Estimate> e = effects(file, s, sets(v), outcomes);
                for (Map.Entry<String, Statistics.Estimate> x : e.entrySet()) {
                    if (moves(x.getValue())) {
                        return s + ", " + v.lever() + ": " + x.getKey() + " " + describe(x.getValue());
                    }
                }
                seen.append(s).append(" ").append(v.lever()).append(": ").append(largest(e)).append("; ");
            }
        }
        return null;
    }

    static String describe(Statistics.Estimate e) {
        return String.format(java.util.Locale.ROOT, "%+.4g [%+.4g, %+.4g]", e.mean(), e.low(), e.high());
    }

    static String largest(Map<String, Statistics.Estimate> e) {
        Map.Entry<String, Statistics.Estimate> best = null;
        for (Map.Entry<String, Statistics.Estimate> x : e.entrySet()) {
            double z = Math.abs(x.getValue().mean()) / Math.max(1e-12, x.getValue().high() - x.getValue().low());
            if (best == null || z > Math.abs(best.getValue().mean())
                    / Math.max(1e-12, best.getValue().high() - best.getValue().low())) {
                best = x;
            }
        }
        return best == null ? "no variant" : best.getKey() + " " + describe(best.getValue());
    }

    static List<String> campaignStrategies(Path file) throws Exception {
        Scenario sc = ScenarioLoader.load(file);
        return sc.strategyIds().stream().filter(s -> sc.strategy(s).orElseThrow().shares().isCampaign()).toList();
    }

    /** Checks one lever; a known failure must still fail (and says so), anything else must move. */
    static void check(String key, Path file, List<String> strategies, java.util.function.Predicate<Levers.Variant> lever,
                      List<String> outcomes) throws Exception {
        StringBuilder seen = new StringBuilder();
        String move = firstMove(file, strategies, lever, outcomes, seen);
        String known = KNOWN_FAILURES.get(key);
        if (known != null) {
            if (move != null) fail(key + " now acts (" + move + "): remove it from the known failures (" + known + ")");
            REPORT.add("KNOWN FAILURE " + key + " (" + known + "): moves nothing; " + seen);
            return;
        }
        if (move == null) fail(key + " moves no headline measure under " + strategies + " in " + file + ": " + seen);
        REPORT.add(key + " acts: " + move);
    }

    @TestFactory
    Stream<DynamicTest> everyLeverActs() throws Exception {
        List<String> strategies = campaignStrategies(DEFAULT);
        List<DynamicTest> tests = new ArrayList<>();
        for (Param p : Params.all()) {
            if (p.role() != Param.Role.LEVER || p.key().startsWith("military.mix_")) continue;
            String where = p.actsIn();
            Path file = where.isEmpty() ? DEFAULT : Path.of("scenarios", where.substring(0, where.indexOf(':')));
            List<String> in = where.isEmpty() ? strategies : List.of(where.substring(where.indexOf(':') + 1));
            String name = p.key() + (where.isEmpty() ? "" : " (conditional: " + where + ")")
                    + (KNOWN_FAILURES.containsKey(p.key()) ? " [known failure]" : "");
            tests.add(DynamicTest.dynamicTest(name, () -> check(p.key(), file, in,
                    v -> v.values().containsKey(p.key()), Levers.OUTCOMES)));
        }
        tests.add(DynamicTest.dynamicTest("budget shares", () -> check("budget shares", DEFAULT, strategies,
                v -> v.kind().equals("share"), Levers.OUTCOMES)));
        tests.add(DynamicTest.dynamicTest("military budget mix", () -> check("military budget mix", DEFAULT, strategies,
                v -> v.kind().equals("mix"), Levers.OUTCOMES)));
        // Partnership money buys something (issue 14.5): moving a tenth of the budget out of the partnership moves
        // flow or seizures under a strategy that funds one.
        tests.add(DynamicTest.dynamicTest("partnership spend", () -> check("partnership spend", DEFAULT,
                List.of("integrated", "partnership"), v -> v.kind().equals("share")
                        && v.lever().startsWith("budget 0.1: partnership"),
                List.of("delivered_kg_total", "seized_kg_total"))));
        return tests.stream();
    }

    /**
     * A mechanism the model's documentation presents as acting: what it changes, and where it must show, each
     * outcome with the direction the documentation gives (+1: up, -1: down); a change the other way is not the
     * mechanism acting.
     */
    record Mechanism(List<String> sets, Map<String, Integer> outcomes, List<String> strategies) {

        Mechanism(List<String> sets, Map<String, Integer> outcomes) {
            this(sets, outcomes, List.of("civilian-policing", "partnership", "integrated"));
        }
    }

    /**
     * Mechanisms the documentation says act, each in its documented direction: without corruption, less
     * cocaine is delivered or it costs more (protection lost); police arrests raise what crews must be paid
     * (risk pay and shortage, ODD 7.7 and 7.18: without arrests the crews' parts of the price are lower); a higher
     * wage draws growers into crews, so less is grown and delivered (ODD 7.7, "Growers turn smugglers"); barring every military from
     * arrests loses crews at hand-overs where police are thin (ODD 7.9); surveillance off station finds fewer
     * shipments; a
     * partnership without instability delivers less or seizes more; without the disruption leader arrests
     * cause, more is delivered or it costs less.
     */
    @TestFactory
    Stream<DynamicTest> documentedMechanismsAct() throws Exception {
        Scenario sc = ScenarioLoader.load(DEFAULT);
        Map<String, Integer> dearer = Map.of("delivered_kg_total", -1, "price_usd_kg_final_year", +1);
        List<String> noCorruption = new ArrayList<>();
        List<String> noArrest = new ArrayList<>();
        List<String> noInstability = new ArrayList<>();
        for (Specs.Nation n : sc.nations()) {
            noCorruption.add("nations." + n.id() + ".corruption=0");
            noArrest.add("nations." + n.id() + ".military_can_arrest=false");
            noInstability.add("nations." + n.id() + ".instability_hazard_per_year=0");
        }
        Map<String, Mechanism> mechanisms = new LinkedHashMap<>();
        mechanisms.put("mechanism:corruption", new Mechanism(noCorruption, dearer));
        mechanisms.put("mechanism:arrests-raise-crew-pay", new Mechanism(List.of("police.arrest_rate=0"),
                Map.of("price_crew_risk_usd_kg_final_year", -1, "price_crew_wages_usd_kg_final_year", -1)));
        // Where the military may not arrest, police must take the crew over within the window (ODD 7.9): with no
        // window to reach the seizure (only police posted at the place can), crews are lost where police are thin,
        // as under the military surge. With the default 12 h, police are near nearly everywhere and the losses
        // are within the noise of these replicates (HandOverTest shows the window acting).
        List<String> noArrestNoWindow = new ArrayList<>(noArrest);
        noArrestNoWindow.add("military.handover_hours=0");
        mechanisms.put("mechanism:military-may-not-arrest", new Mechanism(noArrestNoWindow,
                Map.of("handovers_lost_total", +1, "arrests_total", -1),
                List.of("civilian-policing", "partnership", "integrated", "military-surge")));
        mechanisms.put("mechanism:no-instability", new Mechanism(noInstability,
                Map.of("delivered_kg_total", -1, "seized_kg_total", +1)));
        // The wage's level: growers turn smugglers, production and delivered flow fall (ODD 7.7).
        mechanisms.put("mechanism:wage-draws-growers", new Mechanism(List.of("residents.trafficking_wage_usd_week=600"),
                Map.of("delivered_kg_total", -1)));
        // Surveillance makes cues (ODD 7.9): with its assets off station, fewer shipments are found and seized.
        mechanisms.put("mechanism:no-surveillance", new Mechanism(List.of("military.hours_on_station_surveillance=0"),
                Map.of("delivered_kg_total", +1, "seized_kg_total", -1)));
        // Leader arrests disrupt cartels (ODD 7.15): without the disruption, moving cocaine is cheaper.
        mechanisms.put("mechanism:no-leader-disruption", new Mechanism(List.of("cartel.disruption_per_arrest=0"),
                Map.of("delivered_kg_total", +1, "price_usd_kg_final_year", -1)));
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Mechanism> m : mechanisms.entrySet()) {
            String key = m.getKey();
            tests.add(DynamicTest.dynamicTest(key + (KNOWN_FAILURES.containsKey(key) ? " [known failure]" : ""), () -> {
                StringBuilder seen = new StringBuilder();
                String move = null;
                for (String s : m.getValue().strategies()) {
                    Map<String, Statistics.Estimate> e = effects(DEFAULT, s, m.getValue().sets(),
                            List.copyOf(m.getValue().outcomes().keySet()));
                    for (Map.Entry<String, Statistics.Estimate> x : e.entrySet()) {
                        int sign = m.getValue().outcomes().get(x.getKey());
                        Statistics.Estimate v = x.getValue();
                        boolean documented = sign > 0 ? v.low() > 0 : v.high() < 0;
                        if (move == null && documented) move = s + ": " + x.getKey() + " " + describe(v);
                    }
                    seen.append(s).append(": ").append(largest(e)).append("; ");
                }
                String known = KNOWN_FAILURES.get(key);
                if (known != null) {
                    if (move != null) fail(key + " now acts (" + move + "): remove it from the known failures");
                    REPORT.add("KNOWN FAILURE " + key + " (" + known + "): moves none of " + m.getValue().outcomes()
                            + " (+1 up, -1 down) the documented way; " + seen);
                    return;
                }
                assertTrue(move != null, key + " moves none of " + m.getValue().outcomes() + ": " + seen);
                REPORT.add(key + " acts: " + move);
            }));
        }
        return tests.stream();
    }
}
