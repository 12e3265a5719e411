package narcosim.cli;

import static narcosim.cli.InProcess.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** narcosim calibrate as a user runs it: the files it writes, resuming after a kill, and its errors. */
class CalibrateCommandTest {

    static final String SCENARIO = "scenarios/classroom-balloon.yaml";

    @TempDir
    static Path tmp;

    static Path targets;
    static Path whole;
    static InProcess.Result first;

    @BeforeAll
    static void calibrateOnce() throws Exception {
        targets = narcosim.calibrate.CalibrationTest.syntheticTargets(tmp);
        whole = tmp.resolve("whole");
        first = small(12, 2, "-o", whole);
    }

    /**
     * The small calibration these tests share (3-year runs, 2 replicates, 12 particles, 'departed' held out), with
     * its number of candidates and generations, then the directory options.
     */
    static InProcess.Result small(int evaluations, int generations, Object... dir) {
        Object[] head = {"calibrate", SCENARIO, "--targets", targets, "--years", 3, "-r", 2, "--evaluations", evaluations,
            "-q", "--particles", 12, "--generations", generations, "--hold-out", "departed"};
        Object[] all = java.util.Arrays.copyOf(head, head.length + dir.length);
        System.arraycopy(dir, 0, all, head.length, dir.length);
        return cli(all);
    }

    @Test
    void writesTheFitTableTheScenarioAndTheReport() throws Exception {
        assertEquals(0, first.code(), first.both());
        assertTrue(first.out().contains("seized-share"), first.out());
        assertTrue(first.out().contains("(held out)"), first.out());
        assertTrue(first.out().contains("military.interdict_prob"), first.out());
        assertTrue(first.out().contains("posterior 95%"), first.out());
        // 12 particles are too few to read correlations from, and the table says so instead of naming pairs.
        assertTrue(first.out().contains("too few to judge correlations"), first.out());
        assertFalse(first.out().contains("hardly tell apart"), first.out());
        List<String> fit = Files.readAllLines(whole.resolve("fit.csv"));
        assertEquals(1 + 2 * 2, fit.size(), "a row per target and per hand-set/calibrated: " + fit);
        assertTrue(fit.get(0).startsWith("target,statistic,strategy,unit,window,observed"), fit.get(0));
        assertEquals(1 + 12, Files.readAllLines(whole.resolve("evaluations.csv")).size());
        String scenario = Files.readString(whole.resolve("classroom-balloon-calibrated.yaml"));
        assertTrue(scenario.contains("Held out of the fit (checked out of sample): departed"), scenario);
        assertTrue(scenario.contains("years: 3  # as calibrated (--set)"), scenario);
        // The calibrated scenario runs.
        InProcess.Result run = cli("validate", whole.resolve("classroom-balloon-calibrated.yaml"));
        assertEquals(0, run.code(), run.both());
        String page = Files.readString(whole.resolve("report.html"));
        assertTrue(page.contains("Fit table") && page.contains("data:image/png;base64,"), "report.html");
    }

    @Test
    void aKilledCalibrationResumesToTheSameResult() throws Exception {
        // As a kill leaves it in the search: the manifest and the first 5 candidates, then half of the sixth's line.
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        Files.copy(whole.resolve("manifest.yaml"), cut.resolve("manifest.yaml"));
        cutAt(whole.resolve("evaluations.csv"), cut.resolve("evaluations.csv"), 6);
        InProcess.Result resumed = small(12, 2, "--resume", cut);
        assertEquals(0, resumed.code(), resumed.both());
        // ... and in the posterior: every candidate, and 20 proposals and half a line.
        Path late = tmp.resolve("late");
        Files.createDirectories(late);
        Files.copy(whole.resolve("manifest.yaml"), late.resolve("manifest.yaml"));
        Files.copy(whole.resolve("evaluations.csv"), late.resolve("evaluations.csv"));
        cutAt(whole.resolve("proposals.csv"), late.resolve("proposals.csv"), 21);
        InProcess.Result again = small(12, 2, "--resume", late);
        assertEquals(0, again.code(), again.both());
        for (String f : List.of("evaluations.csv", "fit.csv", "parameters.csv", "proposals.csv", "posterior.csv",
                "correlations.csv")) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(late.resolve(f)), f);
        }
        for (String f : List.of("evaluations.csv", "fit.csv", "parameters.csv", "proposals.csv", "posterior.csv")) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(cut.resolve(f)), f);
        }
        // Another request cannot go on in that directory.
        InProcess.Result other = cli("calibrate", SCENARIO, "--targets", targets, "--years", 3, "-r", 3,
                "--evaluations", 12, "-q", "--particles", 12, "--generations", 2, "--hold-out", "departed",
                "--resume", cut);
        assertEquals(2, other.code(), other.both());
        assertTrue(other.err().contains("it was started with replicates = 2, now 3"), other.err());
    }

    @Test
    void aFinishedCalibrationRunsLongerWithMoreGenerations() throws Exception {
        Path ext = tmp.resolve("ext");
        Files.createDirectories(ext);
        for (String f : List.of("manifest.yaml", "evaluations.csv", "proposals.csv")) {
            Files.copy(whole.resolve(f), ext.resolve(f));
        }
        InProcess.Result more = small(12, 3, "--resume", ext);
        assertEquals(0, more.code(), more.both());
        String before = Files.readString(whole.resolve("proposals.csv"));
        String after = Files.readString(ext.resolve("proposals.csv"));
        assertTrue(after.startsWith(before) && after.length() > before.length(), "the first two generations kept");
        assertTrue(after.lines().anyMatch(l -> l.startsWith("2,")), "a third generation");
        assertTrue(Files.readString(ext.resolve("manifest.yaml")).contains("generations: 3"));
        // Fewer is not going on: refused.
        InProcess.Result fewer = small(10, 3, "--resume", ext);
        assertEquals(2, fewer.code(), fewer.both());
        assertTrue(fewer.err().contains("evaluations = 12, now 10"), fewer.err());
    }

    /** The first {@code lines} lines of a file (header included), then half of the next line. */
    private static void cutAt(Path from, Path to, int lines) throws java.io.IOException {
        List<String> all = Files.readAllLines(from);
        String kept = String.join("\n", all.subList(0, lines)) + "\n" + all.get(lines).substring(0, all.get(lines).length() / 2);
        Files.writeString(to, kept, StandardCharsets.UTF_8);
    }

    @Test
    void badInputIsOneLineExitTwoAndNoDirectory() throws Exception {
        Path out = tmp.resolve("never");
        Path lever = tmp.resolve("lever.yaml");
        Files.writeString(lever, Files.readString(targets).replace("key: military.interdict_prob",
                "key: military.targeting"));
        InProcess.Result r = cli("calibrate", SCENARIO, "--targets", lever, "-o", out);
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains(lever + ":4: parameters[1].key: expected an uncertain model parameter"), r.err());
        assertTrue(r.err().contains("a strategy's lever"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        InProcess.Result held = cli("calibrate", SCENARIO, "--targets", targets, "--hold-out", "seized-shares", "-o", out);
        assertEquals(2, held.code(), held.both());
        assertTrue(held.err().contains("--hold-out: expected target ids of"), held.err());
        assertTrue(held.err().contains("seized-share"), held.err());
        InProcess.Result missing = cli("calibrate", SCENARIO, "--targets", tmp.resolve("nothing.yaml"), "-o", out);
        assertEquals(2, missing.code(), missing.both());
        assertTrue(missing.err().contains("no such file"), missing.err());
        InProcess.Result all = cli("calibrate", SCENARIO, "--targets", targets, "--hold-out", "seized-share,departed",
                "-o", out);
        assertEquals(2, all.code(), all.both());
        assertTrue(all.err().contains("at least one target left to fit"), all.err());
        // Found before anything runs: a scenario the calibrated values cannot be written into or would not reach.
        Path flow = tmp.resolve("flow.yaml");
        Files.writeString(flow, Files.readString(Path.of(SCENARIO)) + "\nmilitary: {interdict_prob: 0.5}\n");
        InProcess.Result f = cli("calibrate", flow, "--targets", targets, "-o", out);
        assertEquals(2, f.code(), f.both());
        assertTrue(f.err().contains(flow.toString()) && f.err().contains("the section 'military' is written on one line"),
                f.err());
        Path doctrine = tmp.resolve("doctrine.yaml");
        String anchor = "one corridor to the other.\n    shares: {military: 1.0, police: 0.0, development: 0.0, partnership: 0.0}\n"
                + "    doctrine:\n";
        assertTrue(Files.readString(Path.of(SCENARIO)).contains(anchor));
        Files.writeString(doctrine, Files.readString(Path.of(SCENARIO)).replace(anchor,
                anchor + "      military.interdict_prob: 0.4\n"));
        InProcess.Result d = cli("calibrate", doctrine, "--targets", targets, "-o", out);
        assertEquals(2, d.code(), d.both());
        assertTrue(d.err().contains("military.interdict_prob: strategy 'intelligence-interdiction' sets it in its doctrine"),
                d.err());
        InProcess.Result twice = cli("calibrate", SCENARIO, "--targets", targets, "--params",
                "military.interdict_prob,military.interdict_prob", "-o", out);
        assertEquals(2, twice.code(), twice.both());
        assertTrue(twice.err().contains("--params: expected each parameter once"), twice.err());
        Path whole = tmp.resolve("whole-number.yaml");
        Files.writeString(whole, Files.readString(targets).replace("key: military.interdict_prob\n    range: [0.1, 0.9]",
                "key: military.targets_week_boat\n    range: [1.5, 1.7]"));
        InProcess.Result w = cli("calibrate", SCENARIO, "--targets", whole, "-o", out);
        assertEquals(2, w.code(), w.both());
        assertTrue(w.err().contains(whole + ":5: parameters[1] (military.targets_week_boat).range: a whole-number "
                + "parameter: expected a range holding a whole number, got [1.5, 1.7]"), w.err());
        assertFalse(Files.exists(out), "no output directory after bad input");
    }
}
