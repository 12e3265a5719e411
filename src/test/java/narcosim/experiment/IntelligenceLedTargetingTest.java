package narcosim.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Intelligence-led targeting uses intelligence (issue 14.4; ODD 7.9, 7.17): under the partnership strategy,
 * with fresh intelligence shared among partners, posting units where cues and estimated flow are seizes more
 * than static chokepoints do; with no sharing and stale intelligence (reassigned twice a year on a slow
 * update) that advantage shrinks. Paired replicates (common random numbers), 10-year runs of the default scenario.
 */
class IntelligenceLedTargetingTest {

    static final int REPLICATES = 8;
    static final String STRATEGY = "partnership";
    static final List<String> STALE = List.of("partnership.intel_share=0", "military.reassign_weeks=26",
            "military.intel_update=0.1");

    /**
     * Ten-year runs: intelligence-led units start at the static chokepoints and need their first years of
     * intelligence before they beat them (in 3-year runs the two are within the noise).
     */
    static List<String> withYears(List<String> sets) {
        List<String> all = new ArrayList<>(sets);
        all.add("run.years=10");
        return all;
    }

    static final java.util.concurrent.ExecutorService POOL =
            java.util.concurrent.Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    static final java.util.Map<String, Future<java.util.Map<String, Double>>> RUNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    @org.junit.jupiter.api.AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    /** Seized kg of replicate r of the strategy with extra settings (runs shared between the two tests). */
    static Future<java.util.Map<String, Double>> run(List<String> sets, int r) {
        return RUNS.computeIfAbsent(sets + "|" + r, k -> POOL.submit(() -> {
            narcosim.scenario.RunConfig cfg = narcosim.scenario.ScenarioLoader.load(LeverEffectTest.DEFAULT, sets)
                    .forStrategy(STRATEGY, Seeds.derive(1, 0, r));
            narcosim.model.NarcoModel m = new narcosim.model.NarcoModel(cfg);
            m.runToEnd();
            return java.util.Map.of("seized_kg_total", RunResult.of(m).outcome("seized_kg_total"));
        }));
    }

    /** Seized kg of each replicate, intelligence-led minus static, under the extra settings. */
    static double[] advantage(List<String> sets) throws Exception {
        List<Future<java.util.Map<String, Double>>> led = new ArrayList<>();
        List<Future<java.util.Map<String, Double>>> fixed = new ArrayList<>();
        List<String> staticSets = new ArrayList<>(sets);
        staticSets.add("military.targeting=static");
        for (int r = 0; r < REPLICATES; r++) {
            led.add(run(withYears(sets), r));
            fixed.add(run(withYears(staticSets), r));
        }
        double[] d = new double[REPLICATES];
        for (int r = 0; r < REPLICATES; r++) {
            d[r] = led.get(r).get().get("seized_kg_total") - fixed.get(r).get().get("seized_kg_total");
        }
        return d;
    }

    @Test
    void withFreshSharedIntelligenceItBeatsStaticPosts() throws Exception {
        Statistics.Estimate e = Statistics.estimate(advantage(List.of()), 0.95);
        System.out.printf("intelligence-led minus static, fresh shared intelligence: %+.0f kg seized [%+.0f, %+.0f]%n",
                e.mean(), e.low(), e.high());
        assertTrue(e.low() > 0, "intelligence-led targeting seizes more: " + e);
    }

    @Test
    void withNoSharingAndStaleIntelligenceItsAdvantageShrinks() throws Exception {
        double[] fresh = advantage(List.of());
        double[] stale = advantage(STALE);
        Statistics.Estimate s = Statistics.estimate(stale, 0.95);
        Statistics.Estimate d = Statistics.estimate(Statistics.differences(fresh, stale), 0.95);
        System.out.printf("intelligence-led minus static, stale unshared intelligence: %+.0f kg [%+.0f, %+.0f]; "
                + "fresh minus stale advantage %+.0f kg [%+.0f, %+.0f]%n", s.mean(), s.low(), s.high(), d.mean(),
                d.low(), d.high());
        assertTrue(d.low() > 0, "the advantage of intelligence-led posting shrinks without fresh shared intelligence: " + d);
    }
}
