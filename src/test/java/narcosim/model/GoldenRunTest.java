package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.experiment.RunOutput;
import narcosim.experiment.RunResult;
import narcosim.scenario.Scenario;

/**
 * Pins a short fixed-seed run's weekly output, so that any change of behaviour is a deliberate,
 * reviewed change. After such a change, regenerate the file with
 * {@code mvn test -Dtest=GoldenRunTest -Dnarcosim.golden.update=true} and review the diff.
 */
class GoldenRunTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/classroom-hearts-and-minds-hearts-and-minds-s42.csv");

    @Test
    void shortRunMatchesGoldenFile(@TempDir Path dir) throws Exception {
        Scenario sc = Runs.scenario("classroom-hearts-and-minds.yaml", "run.years=2");
        RunResult r = RunResult.run(sc.forStrategy("hearts-and-minds", 42));
        Path out = dir.resolve("timeseries.csv");
        RunOutput.writeTimeseries(out, r);
        String actual = Files.readString(out, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("narcosim.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(GOLDEN), "no golden file " + GOLDEN + "; create it with -Dnarcosim.golden.update=true");
        String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        assertEquals(e[0], a[0], "the outcome columns changed");
        for (int i = 1; i < Math.min(e.length, a.length); i++) {
            assertEquals(e[i], a[i], "week " + (i - 1) + " differs from the golden run; if the change is intended, "
                    + "regenerate with -Dnarcosim.golden.update=true and review the diff");
        }
        assertEquals(e.length, a.length, "number of weeks");
    }
}
