package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import narcosim.experiment.RunOutput;
import narcosim.experiment.RunResult;
import narcosim.scenario.Scenario;

/**
 * Pins short fixed-seed runs' weekly output, so that any change of behaviour is a deliberate, reviewed change:
 * the classroom's hearts-and-minds scenario (two years) and the second theatre, andes-europe.yaml (one year,
 * its 44 places and 83 links, its several market gateways). After such a change, regenerate the files with
 * {@code mvn test -Dtest=GoldenRunTest -Dnarcosim.golden.update=true} and review the diff.
 */
class GoldenRunTest {

    @ParameterizedTest(name = "{0} / {1}, {2} years")
    @CsvSource({"classroom-hearts-and-minds, hearts-and-minds, 2", "andes-europe, integrated, 1"})
    void shortRunMatchesGoldenFile(String scenario, String strategy, int years, @TempDir Path dir) throws Exception {
        Path golden = Path.of("src/test/resources/golden/" + scenario + "-" + strategy + "-s42.csv");
        Scenario sc = Runs.scenario(scenario + ".yaml", "run.years=" + years);
        RunResult r = RunResult.run(sc.forStrategy(strategy, 42));
        Path out = dir.resolve("timeseries.csv");
        RunOutput.writeTimeseries(out, r);
        String actual = Files.readString(out, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("narcosim.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + "; create it with -Dnarcosim.golden.update=true");
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        assertEquals(e[0], a[0], "the outcome columns changed");
        for (int i = 1; i < Math.min(e.length, a.length); i++) {
            assertEquals(e[i], a[i], "week " + (i - 1) + " differs from the golden run " + golden + "; if the change "
                    + "is intended, regenerate with -Dnarcosim.golden.update=true and review the diff");
        }
        assertEquals(e.length, a.length, "number of weeks");
    }
}
