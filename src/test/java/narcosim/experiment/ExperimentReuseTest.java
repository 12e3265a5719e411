package narcosim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.YamlNodes;
import narcosim.util.Fmt;

/**
 * An experiment reads its scenario file once and shares the parsed scenario between its runs and threads
 * (issue 16, item 4). Runs made from one prepared plan are the same, byte for byte, as runs made from fresh
 * reads of the file; the runs leave the shared scenario as it was; design points that change scenario settings
 * are built from the text read when the experiment began, not from the file again.
 */
class ExperimentReuseTest {

    static final Path BALLOON = Path.of("scenarios", "classroom-balloon.yaml");
    static final List<String> SETS = List.of("run.years=1");

    @TempDir
    Path tmp;

    /** A run's summary row and weekly rows as the part files hold them. */
    private static String bytes(Plan plan, RunSpec spec, RunResult r) throws Exception {
        StringBuilder sb = new StringBuilder(ExperimentDir.line(Runner.row(plan, spec, r, plan.outcomeNames())));
        for (double[] week : r.rows()) {
            List<String> line = new ArrayList<>();
            for (double v : week) line.add(Fmt.num(v));
            sb.append(ExperimentDir.line(line));
        }
        return sb.toString();
    }

    private static Plan compare(Path file, int replicates) throws Exception {
        return Experiments.plan(new Experiments.Request(Plan.Kind.COMPARE, file, SETS, null, replicates, 5, false));
    }

    @Test
    void runsFromOnePreparedPlanEqualRunsFromFreshReads() throws Exception {
        Plan plan = compare(BALLOON, 2);
        for (RunSpec spec : List.of(plan.runs().get(0), plan.runs().get(plan.runs().size() - 1), plan.runs().get(3))) {
            RunResult shared = RunResult.run(plan.config(spec));
            RunConfig fresh = ScenarioLoader.load(BALLOON, SETS).forStrategy(spec.strategy(), spec.seed());
            assertEquals(fresh, plan.config(spec), "the configuration of run " + spec.id());
            assertEquals(bytes(plan, spec, RunResult.run(fresh)), bytes(plan, spec, shared), "run " + spec.id());
        }
    }

    @Test
    void runsOnTwoThreadsLeaveTheSharedScenarioAsItWas() throws Exception {
        Plan plan = compare(BALLOON, 2);
        Scenario base = plan.base();
        Scenario before = ScenarioLoader.load(BALLOON, SETS);
        assertEquals(before, base);
        List<String> alone = new ArrayList<>();
        for (RunSpec s : plan.runs()) alone.add(bytes(plan, s, RunResult.run(plan.config(s))));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunResult>> fs = new ArrayList<>();
            for (RunSpec s : plan.runs()) fs.add(pool.submit(() -> RunResult.run(plan.config(s))));
            for (int i = 0; i < fs.size(); i++) {
                assertEquals(alone.get(i), bytes(plan, plan.runs().get(i), fs.get(i).get()), "run " + i + " on 2 threads");
            }
        } finally {
            pool.shutdownNow();
        }
        assertSame(base, plan.base());
        assertEquals(before, base, "the runs changed the scenario they share");
        // and every run of a strategy was given that same scenario object, not a copy of it
        assertSame(base, plan.config(plan.runs().get(0)).scenario());
    }

    @Test
    void aParsedFileGivesTheSameScenarioAsTheFileEveryTime() throws Exception {
        YamlNodes.Parsed once = YamlNodes.parse(BALLOON);
        List<String> budget = List.of("run.years=1", "budget.total_musd_per_year=900");
        assertEquals(ScenarioLoader.load(BALLOON, budget), ScenarioLoader.load(once, budget));
        // overrides applied to one tree are not in the next
        assertEquals(ScenarioLoader.load(BALLOON, SETS), ScenarioLoader.load(once, SETS));
        assertNotEquals(ScenarioLoader.load(once, SETS), ScenarioLoader.load(once, budget));
    }

    @Test
    void designPointsThatChangeScenarioSettingsUseTheFileAsReadWhenTheExperimentBegan() throws Exception {
        Path scenario = tmp.resolve("balloon.yaml");
        Files.copy(BALLOON, scenario);
        Path sweep = tmp.resolve("budgets.yaml");
        Files.writeString(sweep, """
                name: budgets
                scenario: balloon.yaml
                strategies: [baseline, corridor-crackdown]
                replicates: 1
                seed: 3
                design: {type: grid}
                parameters:
                  budget.total_musd_per_year: {levels: [400, 800]}
                """, StandardCharsets.UTF_8);
        Plan plan = SweepFile.load(sweep, SETS).plan(3, 1);
        assertEquals(4, plan.runs().size());
        List<RunConfig> expected = new ArrayList<>();
        for (RunSpec s : plan.runs()) {
            List<String> sets = new ArrayList<>(SETS);
            sets.add("budget.total_musd_per_year=" + Fmt.any(s.values().get("budget.total_musd_per_year")));
            expected.add(ScenarioLoader.load(scenario, sets).forStrategy(s.strategy(), s.seed()));
        }
        // The file changes while the experiment runs: its runs do not see it.
        String text = Files.readString(scenario);
        assertTrue(text.contains("\nname: "));
        Files.writeString(scenario, text.replaceFirst("\nname: [^\\n]*", "\nname: changed-meanwhile"));
        for (int i = 0; i < plan.runs().size(); i++) {
            RunConfig c = plan.config(plan.runs().get(i));
            assertEquals(expected.get(i), c, "run " + i);
            assertNotEquals("changed-meanwhile", c.scenario().name());
        }
        // one scenario per design point, shared by its strategies' runs
        assertSame(plan.config(plan.runs().get(0)).scenario(), plan.config(plan.runs().get(1)).scenario());
    }

    @Test
    void outcomeAndWeeklyNamesAreFoundOncePerPlan() throws Exception {
        Plan plan = compare(BALLOON, 1);
        assertSame(plan.weeklyNames(), plan.weeklyNames());
        assertEquals(plan.outcomeNames(), plan.outcomeNames());
        narcosim.model.NarcoModel m = new narcosim.model.NarcoModel(plan.config(plan.runs().get(0)));
        m.start();
        assertEquals(m.collector().columns().stream().map(narcosim.metrics.Outcome::name).toList(), plan.weeklyNames());
    }
}
