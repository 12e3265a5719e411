package narcosim.cli;

import static narcosim.cli.ExperimentFixtures.cli;
import static narcosim.cli.ExperimentFixtures.lineOf;
import static narcosim.cli.ExperimentFixtures.sweepFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mistake in a sweep file gets one line naming the file, the line and the key, exit code 2, and no
 * experiment directory.
 */
class SweepInputTest {

    @TempDir
    Path tmp;

    static final String LHS = "design: {type: lhs, samples: 4}\n";

    /** name, body after name and scenario, the text on the line the message must name, the key it must name. */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("unknown-parameter", LHS + """
                        parameters:
                          military.detect_boat: {min: 0.05, max: 0.4}
                          cartel.no_such_thing: {min: 0.02, max: 0.3}
                        """, "cartel.no_such_thing: {", "parameters.cartel.no_such_thing"),
                Arguments.of("empty-range", LHS + """
                        parameters:
                          military.detect_boat: {min: 0.4, max: 0.4}
                        """, "{min: 0.4, max: 0.4}", "parameters.military.detect_boat"),
                Arguments.of("inverted-range", LHS + """
                        parameters:
                          military.detect_boat: {min: 0.4, max: 0.1}
                        """, "{min: 0.4, max: 0.1}", "parameters.military.detect_boat"),
                Arguments.of("zero-replicates", "replicates: 0\n" + LHS + """
                        parameters:
                          military.detect_boat: {min: 0.05, max: 0.4}
                        """, "replicates: 0", "replicates"),
                Arguments.of("sobol-one-parameter", """
                        design: {type: sobol, samples: 4}
                        parameters:
                          military.detect_boat: {min: 0.05, max: 0.4}
                        """, "military.detect_boat:", "parameters"),
                Arguments.of("grid-with-range", """
                        design: {type: grid}
                        parameters:
                          military.detect_boat: {levels: [0.1, 0.2]}
                          cartel.loss_tolerance: {min: 0.02, max: 0.3}
                        """, "cartel.loss_tolerance:", "parameters.cartel.loss_tolerance"),
                Arguments.of("unknown-outcome", LHS + """
                        parameters:
                          military.detect_boat: {min: 0.05, max: 0.4}
                        outcomes: [delivered_kg_total, no_such_outcome]
                        """, "outcomes:", "outcomes"),
                Arguments.of("unknown-strategy", "strategies: [baseline, no-such-strategy]\n" + LHS + """
                        parameters:
                          military.detect_boat: {min: 0.05, max: 0.4}
                        """, "strategies:", "strategies"),
                Arguments.of("out-of-range", LHS + """
                        parameters:
                          military.detect_boat: {min: 0.05, max: 4}
                        """, "{min: 0.05, max: 4}", "parameters.military.detect_boat"),
                Arguments.of("level-of-wrong-type", """
                        design: {type: grid}
                        parameters:
                          military.detect_boat: {levels: [0.1, lots]}
                        """, "levels: [0.1, lots]", "parameters.military.detect_boat"),
                Arguments.of("missing-samples", """
                        design: {type: lhs}
                        parameters:
                          military.detect_boat: {min: 0.05, max: 0.4}
                        """, "design: {type: lhs}", "samples"),
                Arguments.of("unknown-design", """
                        design: {type: random, samples: 4}
                        parameters:
                          military.detect_boat: {min: 0.05, max: 0.4}
                        """, "design:", "design.type"),
                Arguments.of("unknown-key", LHS + """
                        parameters:
                          military.detect_boat: {min: 0.05, max: 0.4}
                        replicate: 3
                        """, "replicate: 3", "replicate"),
                // A parameter given twice used to be an internal error (exit 1).
                Arguments.of("parameter-twice", LHS + """
                        parameters:
                          military.detect_boat: {min: 0.05, max: 0.4}
                          cartel.loss_tolerance: {min: 0.02, max: 0.3}
                          military.detect_boat: {min: 0.1, max: 0.2}
                        """, "military.detect_boat: {min: 0.1", "parameters.military.detect_boat"),
                // Values the scenario loader refuses in a --set were run silently in sweeps.
                Arguments.of("region-that-does-not-exist", """
                        design: {type: grid}
                        parameters:
                          military.focus_region: {levels: [none, nowhere]}
                        """, "military.focus_region:", "parameters.military.focus_region"),
                Arguments.of("nation-that-does-not-exist", """
                        design: {type: grid}
                        parameters:
                          partnership.withdrawal_nation: {levels: [COL, atlantis]}
                        """, "partnership.withdrawal_nation:", "parameters.partnership.withdrawal_nation"),
                Arguments.of("military-mix-not-adding-up", LHS + """
                        parameters:
                          military.mix_boat: {min: 0.2, max: 0.6}
                        """, "military.mix_boat:", "parameters.military.mix_boat"),
                Arguments.of("scenario-setting-that-does-not-exist", """
                        design: {type: grid}
                        parameters:
                          places.nowhere.population: {levels: [100]}
                        """, "places.nowhere.population:", "parameters.places.nowhere.population"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badSweepFileExitsTwoWithOneLineNamingFileLineAndKey(String name, String body, String lineText, String key)
            throws IOException {
        Path file = sweepFile(tmp, name, body);
        assertRefused(file, lineOf(Files.readString(file, StandardCharsets.UTF_8), lineText), key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badSweepFileIsRefusedBeforeAnyShardStarts(String name, String body, String lineText, String key)
            throws IOException {
        Path file = sweepFile(tmp, name, body);
        Path out = tmp.resolve("out-" + name);
        InProcess.Result r = cli("sweep", file, "--years", 1, "--out", out, "--shard", "2/3", "-q");
        assertEquals(2, r.code(), r.both());
        assertFalse(Files.exists(out));
    }

    @org.junit.jupiter.api.Test
    void missingScenarioFile() throws IOException {
        Path file = tmp.resolve("missing-scenario.yaml");
        Files.writeString(file, "name: t\nscenario: " + tmp.resolve("no-such.yaml") + "\n" + LHS
                + "parameters:\n  military.detect_boat: {min: 0.05, max: 0.4}\n", StandardCharsets.UTF_8);
        String err = assertRefused(file, 2, "scenario");
        assertTrue(err.contains("no-such.yaml"), err);
    }

    @org.junit.jupiter.api.Test
    void malformedYaml() throws IOException {
        Path file = sweepFile(tmp, "malformed", LHS.replace("}", "") + "parameters:\n  military.detect_boat: "
                + "{min: 0.05, max: 0.4}\n");
        InProcess.Result r = cli("sweep", file, "--out", tmp.resolve("out"), "-q");
        assertEquals(2, r.code(), r.both());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("narcosim: error: " + file + ":4: malformed YAML"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @org.junit.jupiter.api.Test
    void missingSweepFile() {
        InProcess.Result r = cli("sweep", tmp.resolve("nothing.yaml"), "--out", tmp.resolve("out"), "-q");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("nothing.yaml") && r.err().contains("no such file"), r.err());
    }

    @org.junit.jupiter.api.Test
    void zeroReplicatesOnTheCommandLine() throws IOException {
        Path file = sweepFile(tmp, "fine", LHS + "parameters:\n  military.detect_boat: {min: 0.05, max: 0.4}\n");
        InProcess.Result r = cli("sweep", file, "--replicates", 0, "--out", tmp.resolve("out"), "-q");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("--replicates"), r.err());
        InProcess.Result c = cli("compare", ExperimentFixtures.BALLOON, "--replicates", 0, "--out",
                tmp.resolve("out"), "-q");
        assertEquals(2, c.code(), c.both());
        assertTrue(c.err().contains("--replicates"), c.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    /** Checks exit 2, one line "narcosim: error: FILE:LINE: KEY: ...", nothing on stdout, no directory. */
    private String assertRefused(Path file, int line, String key) {
        Path out = tmp.resolve("out-" + file.getFileName());
        InProcess.Result r = cli("sweep", file, "--years", 1, "--out", out, "-q");
        assertEquals(2, r.code(), r.both());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        String prefix = "narcosim: error: " + file + ":" + line + ": " + key + ": ";
        assertTrue(r.err().startsWith(prefix), "expected '" + prefix + "...', got: " + r.err());
        assertFalse(Files.exists(out), "no experiment directory");
        return r.err();
    }
}
