package narcosim.cli;

import static narcosim.cli.InProcess.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.experiment.ExperimentDir;

/**
 * An adaptive strategy from the command line (ODD 7.22): compare records the split each week and its report
 * shows how it moved; a run's resolved scenario keeps the rules, so running it again repeats the run.
 */
class AdaptiveStrategyCliTest {

    static final String SCENARIO = "scenarios/classroom-balloon.yaml";
    /** A rule whose condition holds every year: the review after year 1 moves 10% from military to development. */
    static final String RULE = "strategies.integrated.rules=[{id: always, indicator: mean_trust, above: -1, move: 0.1, "
            + "from: military, to: development}]";

    @TempDir
    Path tmp;

    @Test
    void compareRecordsTheSplitAndTheReportShowsHowItMoved() throws Exception {
        Path dir = tmp.resolve("cmp");
        InProcess.Result r = cli("compare", SCENARIO, "--strategies", "baseline,integrated", "--set", RULE, "--years", 2,
                "-r", 2, "-q", "-o", dir);
        assertEquals(0, r.code(), r.both());
        Map<String, Map<String, String>> summary = new HashMap<>();
        for (Map<String, String> row : ExperimentDir.records(dir.resolve("summary.csv"))) {
            summary.put(row.get("strategy") + "/" + row.get("outcome"), row);
        }
        // 0.3 in year 1, 0.2 in year 2.
        assertEquals(0.2, Double.parseDouble(summary.get("integrated/share_military_final_year").get("mean")), 1e-9);
        assertEquals(0.25, Double.parseDouble(summary.get("integrated/share_military_mean").get("mean")), 1e-9);
        assertEquals(0.35, Double.parseDouble(summary.get("integrated/share_development_final_year").get("mean")), 1e-9);
        assertEquals(0, Double.parseDouble(summary.get("baseline/share_military_mean").get("mean")));
        assertTrue(Files.isRegularFile(dir.resolve("charts/allocation.png")));
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Adaptive strategies: how the split moved"), "section");
        assertTrue(html.contains("When trust in the state (mean_trust, the year&#39;s mean) is above −1 at a review, "
                + "move 10% of the budget from military to development (rule always)."), "rule in words");
        assertTrue(html.contains("military 30% \u2192 20%; police 30% \u2192 30%; development 25% \u2192 35%"), "split");
    }

    @Test
    void theResolvedScenarioKeepsTheRulesAndRepeatsTheRun() throws Exception {
        Path first = tmp.resolve("first");
        InProcess.Result r = cli("run", SCENARIO, "--strategy", "integrated", "--set", RULE, "--years", 2, "--seed", 4,
                "-q", "-o", first);
        assertEquals(0, r.code(), r.both());
        String resolved = Files.readString(first.resolve("scenario.yaml"));
        assertTrue(resolved.contains("rules:") && resolved.contains("indicator: mean_trust"), resolved);
        Path again = tmp.resolve("again");
        InProcess.Result a = cli("run", first.resolve("scenario.yaml"), "--strategy", "integrated", "--seed", 4, "-q",
                "-o", again);
        assertEquals(0, a.code(), a.both());
        assertArrayEquals(Files.readAllBytes(first.resolve("timeseries.csv")),
                Files.readAllBytes(again.resolve("timeseries.csv")));
    }
}
