package narcosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.cli.InProcess.Result;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import narcosim.validation.Pattern;
import narcosim.validation.Patterns;

/**
 * docs/SCENARIOS.md's worked example does what the guide says: taken from the page as it stands, the scenario
 * validates, runs, and supports the balloon pattern (its strategy presses a region); its targets file drives a
 * (tiny) calibration.
 */
class ScenarioGuideTest {

    static final Path GUIDE = Path.of("docs", "SCENARIOS.md");

    @TempDir
    Path tmp;

    /** The fenced YAML block after the marker comment on the guide's page. */
    static String block(String marker) throws IOException {
        String page = Files.readString(GUIDE, StandardCharsets.UTF_8);
        int at = page.indexOf("<!-- " + marker + " -->");
        assertTrue(at >= 0, "the guide marks its " + marker);
        int start = page.indexOf("```yaml\n", at) + "```yaml\n".length();
        int end = page.indexOf("```", start);
        return page.substring(start, end);
    }

    @Test
    void theWorkedExampleValidatesRunsAndCalibrates() throws Exception {
        Path file = tmp.resolve("guayaquil-antwerp.yaml");
        Files.writeString(file, block("worked-example"), StandardCharsets.UTF_8);
        Path targets = tmp.resolve("guayaquil-antwerp-targets.yaml");
        Files.writeString(targets, block("worked-example-targets"), StandardCharsets.UTF_8);

        Result v = InProcess.cli("validate", file);
        assertEquals(0, v.code(), v.both());
        assertTrue(v.out().contains("7 places (1 production, 2 market), 6 links"), v.out());

        Path run = tmp.resolve("run");
        Result r = InProcess.cli("run", file, "--strategy", "integrated", "--years", "1", "--out", run, "-q");
        assertEquals(0, r.code(), r.both());
        String links = Files.readString(run.resolve("links.csv"), StandardCharsets.UTF_8);
        assertTrue(links.contains("guayaquil,antwerp,sea,"), links);
        assertTrue(Files.size(run.resolve("route-map.png")) > 10_000, "a map was drawn");

        Scenario sc = ScenarioLoader.load(file);
        for (Pattern p : Patterns.all()) {
            if (p.id().equals("balloon")) assertNull(p.unsupported(sc), "the guide says pattern 1 runs on it");
        }

        Result c = InProcess.cli("calibrate", file, "--targets", targets, "--years", "1", "--evaluations", "2",
                "--replicates", "2", "--particles", "0", "--threads", "2", "-q", "--out", tmp.resolve("cal"));
        assertEquals(0, c.code(), c.both());
        assertTrue(Files.exists(tmp.resolve("cal").resolve("fit.csv")));
    }
}
