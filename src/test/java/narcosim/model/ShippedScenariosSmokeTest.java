package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import narcosim.experiment.Plan;
import narcosim.experiment.SweepFile;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;

/**
 * Every shipped scenario under every one of its strategies starts and runs a few weeks past its burn-in
 * with mass conserved; every shipped sweep file loads and plans (Mesa's example smoke tests).
 */
class ShippedScenariosSmokeTest {

    static final int WEEKS = 8;

    static Stream<Arguments> scenarioStrategies() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (Path f : yamlFiles(Path.of("scenarios"))) {
            Scenario sc = ScenarioLoader.load(f);
            for (String s : sc.strategyIds()) out.add(Arguments.of(f.getFileName().toString(), s));
        }
        return out.stream();
    }

    static Stream<Path> sweepFiles() throws IOException {
        return yamlFiles(Path.of("scenarios", "sweeps")).stream();
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("scenarioStrategies")
    void everyStrategyOfEveryScenarioRuns(String file, String strategy) throws Exception {
        Scenario sc = ScenarioLoader.load(Path.of("scenarios", file));
        NarcoModel m = new NarcoModel(sc.forStrategy(strategy, 42));
        m.start();
        long steps = m.burnInWeeks() + WEEKS;
        for (long i = 0; i < steps; i++) {
            assertTrue(m.schedule.step(m), "the schedule ran dry at step " + i);
            assertEquals(0, m.massImbalanceKg(), "mass conserved at step " + i);
        }
        assertEquals(WEEKS, m.collector().rows().size(), "one row per campaign week");
        for (double[] row : m.collector().rows()) {
            for (int c = 0; c < row.length; c++) {
                double v = row[c];
                // A nation's chain price is unknown (NaN) until cocaine first reaches it; nothing else may be.
                boolean chain = m.collector().columns().get(c).name().startsWith("chain_price_");
                assertFalse(Double.isInfinite(v) || (Double.isNaN(v) && !chain), "finite outcomes");
            }
        }
        m.finish();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweepFiles")
    void everyShippedSweepFilePlans(Path file) throws Exception {
        SweepFile sweep = SweepFile.load(file, List.of());
        Plan plan = sweep.plan(sweep.seed(), sweep.replicates());
        assertFalse(plan.runs().isEmpty(), "a plan with runs");
        // The first and the last run of the plan resolve to a configuration that a model can start from.
        for (var spec : List.of(plan.runs().get(0), plan.runs().get(plan.runs().size() - 1))) {
            NarcoModel m = new NarcoModel(plan.config(spec));
            m.start();
            assertTrue(m.schedule.step(m));
            m.finish();
        }
    }
}
