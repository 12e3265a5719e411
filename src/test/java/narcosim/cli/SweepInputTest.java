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
import java.util.List;
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
                          military.interdict_prob: {min: 0.05, max: 0.4}
                          cartel.no_such_thing: {min: 0.02, max: 0.3}
                        """, "cartel.no_such_thing: {", "parameters.cartel.no_such_thing"),
                Arguments.of("empty-range", LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.4, max: 0.4}
                        """, "{min: 0.4, max: 0.4}", "parameters.military.interdict_prob"),
                Arguments.of("inverted-range", LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.4, max: 0.1}
                        """, "{min: 0.4, max: 0.1}", "parameters.military.interdict_prob"),
                Arguments.of("zero-replicates", "replicates: 0\n" + LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "replicates: 0", "replicates"),
                Arguments.of("sobol-one-parameter", """
                        design: {type: sobol, samples: 4}
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "military.interdict_prob:", "parameters"),
                Arguments.of("grid-with-range", """
                        design: {type: grid}
                        parameters:
                          military.interdict_prob: {levels: [0.1, 0.2]}
                          cartel.loss_tolerance: {min: 0.02, max: 0.3}
                        """, "cartel.loss_tolerance:", "parameters.cartel.loss_tolerance"),
                Arguments.of("unknown-outcome", LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        outcomes: [delivered_kg_total, no_such_outcome]
                        """, "outcomes:", "outcomes"),
                Arguments.of("unknown-reference", "strategies: [baseline, corridor-crackdown]\nreference: integrated\n"
                        + LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "reference: integrated", "reference"),
                Arguments.of("unknown-strategy", "strategies: [baseline, no-such-strategy]\n" + LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "strategies:", "strategies"),
                Arguments.of("out-of-range", LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 4}
                        """, "{min: 0.05, max: 4}", "parameters.military.interdict_prob"),
                Arguments.of("level-of-wrong-type", """
                        design: {type: grid}
                        parameters:
                          military.interdict_prob: {levels: [0.1, lots]}
                        """, "levels: [0.1, lots]", "parameters.military.interdict_prob"),
                Arguments.of("missing-samples", """
                        design: {type: lhs}
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "design: {type: lhs}", "design.samples"),
                Arguments.of("unknown-design", """
                        design: {type: random, samples: 4}
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "design:", "design.type"),
                Arguments.of("unknown-key", LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        replicate: 3
                        """, "replicate: 3", "replicate"),
                // A parameter given twice used to be an internal error (exit 1).
                Arguments.of("parameter-twice", LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                          cartel.loss_tolerance: {min: 0.02, max: 0.3}
                          military.interdict_prob: {min: 0.1, max: 0.2}
                        """, "military.interdict_prob: {min: 0.1", "parameters.military.interdict_prob"),
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
                        """, "places.nowhere.population:", "parameters.places.nowhere.population"),
                // A key given twice was silently taken from its last occurrence.
                Arguments.of("replicates-twice", "replicates: 1\nreplicates: 3\n" + LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "replicates: 3", "replicates"),
                Arguments.of("design-key-twice", """
                        design: {type: lhs, samples: 4, samples: 8}
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "design:", "design.samples"),
                Arguments.of("strategy-twice", "strategies: [baseline, baseline]\n" + LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "strategies:", "strategies"),
                Arguments.of("strategy-twice-in-a-block-list", """
                        strategies:
                          - baseline
                          - corridor-crackdown
                          - baseline  # again
                        """ + LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "- baseline  # again", "strategies"),
                Arguments.of("outcome-twice", LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        outcomes: [delivered_kg_total, seized_share, delivered_kg_total]
                        """, "outcomes:", "outcomes"),
                Arguments.of("recursive-alias", """
                        design: &d {type: lhs, samples: 4, again: *d}
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "design:", "design.again"),
                // Numbers in quotes are text, refused as in scenario files; so is Java's notation.
                Arguments.of("quoted-replicates", "replicates: '3'\n" + LHS + """
                        parameters:
                          military.interdict_prob: {min: 0.05, max: 0.4}
                        """, "replicates: '3'", "replicates"),
                Arguments.of("quoted-range-bound", LHS + """
                        parameters:
                          military.interdict_prob: {min: '0.05', max: 0.4}
                        """, "{min: '0.05', max: 0.4}", "parameters.military.interdict_prob.min"),
                Arguments.of("quoted-level", """
                        design: {type: grid}
                        parameters:
                          military.interdict_prob: {levels: ['0.1', 0.2]}
                        """, "military.interdict_prob:", "parameters.military.interdict_prob"),
                Arguments.of("java-float-level", """
                        design: {type: grid}
                        parameters:
                          military.interdict_prob: {levels: [0.1, 0.2f]}
                        """, "military.interdict_prob:", "parameters.military.interdict_prob"),
                Arguments.of("quoted-level-of-a-scenario-setting", """
                        design: {type: grid}
                        parameters:
                          budget.total_musd_per_year: {levels: [300, '600']}
                        """, "budget.total_musd_per_year:", "parameters.budget.total_musd_per_year"),
                Arguments.of("empty-level", """
                        design: {type: grid}
                        parameters:
                          military.interdict_prob: {levels: [0.1, ~]}
                        """, "military.interdict_prob:", "parameters.military.interdict_prob"));
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
                + "parameters:\n  military.interdict_prob: {min: 0.05, max: 0.4}\n", StandardCharsets.UTF_8);
        String err = assertRefused(file, 2, "scenario");
        assertTrue(err.contains("no-such.yaml"), err);
    }

    @org.junit.jupiter.api.Test
    void malformedYaml() throws IOException {
        Path file = sweepFile(tmp, "malformed", LHS.replace("}", "") + "parameters:\n  military.interdict_prob: "
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
        Path file = sweepFile(tmp, "fine", LHS + "parameters:\n  military.interdict_prob: {min: 0.05, max: 0.4}\n");
        InProcess.Result r = cli("sweep", file, "--replicates", 0, "--out", tmp.resolve("out"), "-q");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("--replicates"), r.err());
        InProcess.Result c = cli("compare", ExperimentFixtures.BALLOON, "--replicates", 0, "--out",
                tmp.resolve("out"), "-q");
        assertEquals(2, c.code(), c.both());
        assertTrue(c.err().contains("--replicates"), c.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    static final String BODY = LHS + "parameters:\n  military.interdict_prob: {min: 0.05, max: 0.4}\n";

    /** A sweep's name becomes the name of its results directory: it must be a plain name. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"../../escaped", "..", ".", ".hidden", "a/b", "a\\b",
        "with space", "semi;colon", "/tmp/abs", "ok-but-far-too-long-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void nameMustBeAPlainDirectoryName(String name) throws IOException {
        Path file = tmp.resolve("named.yaml");
        Files.writeString(file, "name: '" + name + "'\nscenario: " + ExperimentFixtures.BALLOON + "\n" + BODY,
                StandardCharsets.UTF_8);
        String err = assertRefused(file, 1, "name");
        assertTrue(err.endsWith(": name: expected a plain name of letters, digits, '.', '_' or '-', not starting with "
                + "'.', at most 80 characters (it names the results directory), got '" + name + "'\n"), err);
    }

    @org.junit.jupiter.api.Test
    void plainNamesAreFine() throws IOException, narcosim.scenario.ScenarioException {
        Path file = tmp.resolve("named.yaml");
        for (String name : List.of("a", "sweep_2.v1", "-dash", "_under", "x".repeat(80))) {
            Files.writeString(file, "name: " + name + "\nscenario: " + ExperimentFixtures.BALLOON + "\n" + BODY,
                    StandardCharsets.UTF_8);
            assertEquals(name, narcosim.experiment.SweepFile.load(file, List.of()).name());
        }
    }

    @org.junit.jupiter.api.Test
    void controlCharacterInASweepFile() throws IOException {
        Path file = sweepFile(tmp, "esc", "description: a \u001b[1mbold\u001b[0m sweep\n" + BODY);
        assertRefusedWith(file, file + ":3: control character U+001B (ESC) is not allowed (column 16)");
    }

    @org.junit.jupiter.api.Test
    void nulInASweepFile() throws IOException {
        Path file = sweepFile(tmp, "nul", BODY + "# \u0000\n");
        assertRefusedWith(file, file + ":6: control character U+0000 (NUL) is not allowed (column 3)");
    }

    @org.junit.jupiter.api.Test
    void sweepFileThatIsNotUtf8() throws IOException {
        Path file = tmp.resolve("latin1.yaml");
        Files.write(file, ("name: x\nscenario: " + ExperimentFixtures.BALLOON + "\ndescription: Nari\u00f1o\n" + BODY)
                .getBytes(StandardCharsets.ISO_8859_1));
        assertRefusedWith(file, file + ":3: not UTF-8 text (invalid byte 0xF1 at column 18); save the file as UTF-8");
    }

    @org.junit.jupiter.api.Test
    void sweepFileLargerThanTheLimit() throws IOException {
        Path file = sweepFile(tmp, "big", BODY + ("# " + "x".repeat(1000) + "\n").repeat(3200));
        assertRefusedWith(file, file + ": file larger than 3 MB (limit)");
    }

    @org.junit.jupiter.api.Test
    void sweepFileNestedTooDeep() throws IOException {
        Path file = sweepFile(tmp, "deep", BODY + "set: " + "[".repeat(60) + "]".repeat(60) + "\n");
        assertRefusedWith(file, file + ":6: nesting deeper than 50 levels (limit)");
    }

    @org.junit.jupiter.api.Test
    void sweepFileWithTooManyAliases() throws IOException {
        StringBuilder sb = new StringBuilder("design: &d {type: lhs, samples: 4}\n"
                + "parameters:\n  military.interdict_prob: {min: 0.05, max: 0.4}\noutcomes: [");
        for (int i = 0; i < 51; i++) sb.append(i == 0 ? "" : ", ").append("*d");
        Path file = sweepFile(tmp, "aliases", sb.append("]\n").toString());
        assertRefusedWith(file, file + ":6: outcomes[50]: more than 50 aliases of lists or mappings (limit)");
    }

    @org.junit.jupiter.api.Test
    void recursiveAliasInASetOfTheSweepCommand() throws IOException {
        Path file = sweepFile(tmp, "fine", BODY);
        Path out = tmp.resolve("out");
        InProcess.Result r = cli("sweep", file, "--set", "description=&a [*a]", "--out", out, "-q");
        assertEquals(2, r.code(), r.both());
        assertEquals("narcosim: error: --set description=&a [*a]: description[0]: recursive alias *a: it refers to the "
                + "list anchored &a, which contains it\n", r.err());
        assertFalse(Files.exists(out));
    }

    @org.junit.jupiter.api.Test
    void exactMessagesForTheReportedInputs() throws IOException {
        Path twice = sweepFile(tmp, "twice", "replicates: 1\nreplicates: 3\n" + BODY);
        assertRefusedWith(twice, twice + ":4: replicates: this key is given twice in the same mapping (first on line 3)");
        Path strategies = sweepFile(tmp, "strategies", "strategies: [baseline, baseline]\n" + BODY);
        assertRefusedWith(strategies, strategies + ":3: strategies: the strategy 'baseline' is listed twice");
        Path quoted = sweepFile(tmp, "quoted", "replicates: '3'\n" + BODY);
        assertRefusedWith(quoted, quoted + ":3: replicates: expected a whole number from 1 to 100000, got the string '3' "
                + "(remove the quotes)");
        Path level = sweepFile(tmp, "level", "design: {type: grid}\nparameters:\n  military.interdict_prob: {levels: ['0.1']}\n");
        assertRefusedWith(level, level + ":5: parameters.military.interdict_prob: expected a number from 0 to 1, got the "
                + "string '0.1' (remove the quotes)");
    }

    @org.junit.jupiter.api.Test
    void validValuesOfEveryKindStillLoad() throws IOException, narcosim.scenario.ScenarioException {
        Path file = sweepFile(tmp, "kinds", """
                strategies: [baseline, corridor-crackdown]
                replicates: 2
                seed: 9007199254740993
                design: {type: grid}
                parameters:
                  military.interdict_prob: {levels: [0.1, 1e-1, .2]}
                  run.years: {levels: [1, 2]}
                  police.vetting: {levels: [true, false]}
                  budget.total_musd_per_year: {levels: [300, 1_000]}
                  military.targeting: {levels: [static, intelligence]}
                """);
        narcosim.experiment.SweepFile s = narcosim.experiment.SweepFile.load(file, List.of());
        assertEquals(2, s.replicates());
        assertEquals(9007199254740993L, s.seed(), "a seed is read exactly, not through a double");
        assertEquals(List.of(0.1, 0.1, 0.2), s.factors().get(0).levels());
        assertEquals(List.of(1L, 2L), s.factors().get(1).levels());
        assertEquals(List.of(true, false), s.factors().get(2).levels());
        assertEquals(List.of(300L, 1000L), s.factors().get(3).levels());
        assertEquals(List.of("static", "intelligence"), s.factors().get(4).levels());
    }

    private void assertRefusedWith(Path file, String message) {
        Path out = tmp.resolve("out-" + file.getFileName());
        InProcess.Result r = cli("sweep", file, "--years", 1, "--out", out, "-q");
        assertEquals(2, r.code(), r.both());
        assertEquals("", r.out());
        assertEquals("narcosim: error: " + message + "\n", r.err());
        assertFalse(Files.exists(out), "no experiment directory");
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
