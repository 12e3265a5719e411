package narcosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.cli.InProcess.Result;
import narcosim.experiment.Runner;
import narcosim.model.ModelStateException;

/**
 * Issue 10, item 2, as the user sees it: the reported command lines stop with one clear line and exit 2;
 * a run that leaves the model's valid state does the same, naming the parameters; caps that held are said.
 */
class ModelStateCliTest {

    static final Path BALLOON = Path.of("scenarios", "classroom-balloon.yaml");

    @TempDir
    Path tmp;

    private static void oneClearLine(Result r, String start) {
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().startsWith("narcosim: error: " + start), r.both());
        assertEquals(1, r.err().lines().count(), "one line: " + r.both());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.both());
    }

    @Test
    void theReportedCommandsStopWithOneClearLine() {
        Path out = tmp.resolve("r1");
        Result r = InProcess.cli("run", BALLOON, "--years", "2", "-s", "integrated", "--set",
                "market.planting_elasticity=5", "-o", out);
        oneClearLine(r, "--set market.planting_elasticity=5: market.planting_elasticity: expected a number from 0 to 1.2, "
                + "got 5");
        assertFalse(Files.exists(out));
        // NarcoLogic's risk premium is gone (the price chain replaced it): its parameters are unknown now.
        r = InProcess.cli("run", BALLOON, "--years", "2", "--set", "market.risk_exponent=10", "-o", out);
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("market.risk_exponent"), r.both());
        assertEquals(1, r.err().lines().count(), "one line: " + r.both());
        assertFalse(Files.exists(out));
    }

    @Test
    void aRunThatLeavesTheValidStateExitsTwoWithOneLine() {
        Path out = tmp.resolve("r2");
        Result r = InProcess.cli("run", BALLOON, "--years", "1", "--set", "places.narino.population=1000000000",
                "--set", "residents.people_per_agent=1", "-o", out);
        oneClearLine(r, "the run left the model's valid state at the start: ");
        assertTrue(r.err().contains("residents.people_per_agent=1 (scenario classroom-balloon, strategy baseline, seed 1)"),
                r.err());
        assertFalse(Files.exists(out), "no results from a failed run");
    }

    @Test
    void aRunAgainstTheCapsCompletesAndSaysWhichCapsHeld() {
        Path out = tmp.resolve("r3");
        Result r = InProcess.cli("run", BALLOON, "-s", "integrated", "-q", "--set",
                "market.demand_elasticity=-0.2", "--set", "market.price_cap_factor=4", "--set", "run.years=2", "-o", out);
        assertEquals(0, r.code(), r.both());
        assertTrue(Files.isRegularFile(out.resolve("timeseries.csv")));
        assertTrue(r.err().startsWith("narcosim: note: caps held the price at market.price_cap_factor"), r.both());
        assertTrue(r.err().contains("market.demand_elasticity=-0.2"), r.err());
    }

    @Test
    void aNormalRunSaysNothingAboutCaps() {
        Result r = InProcess.cli("run", BALLOON, "--years", "1", "-q", "-o", tmp.resolve("r4"));
        assertEquals(0, r.code(), r.both());
        assertEquals("", r.err());
    }

    @Test
    void experimentsRecordTheClearMessage() throws Exception {
        ModelStateException e = new ModelStateException("the market price is NaN US$/kg");
        assertEquals(e.getMessage(), Runner.error(e), "no class name before the clear message");
        assertEquals("IllegalStateException: boom", Runner.error(new IllegalStateException("boom")));

        // A sweep whose second point needs more resident agents than a run may hold: its runs fail with the
        // clear message, recorded in failures.csv and printed; the first point's runs complete.
        Path file = ExperimentFixtures.sweepFile(tmp, "agents", """
                strategies: [baseline]
                set: [places.narino.population=20000000]
                design: {type: grid}
                parameters:
                  residents.people_per_agent: {levels: [250, 1]}
                """);
        Path out = tmp.resolve("agents-out");
        Result r = InProcess.cli("sweep", file, "--years", 1, "--out", out, "-q");
        assertEquals(1, r.code(), r.both());
        assertTrue(r.err().contains("run 1 (baseline, replicate 0): the run left the model's valid state at the start: "),
                r.err());
        List<CSVRecord> failures = ExperimentFixtures.csv(out.resolve("parts").resolve("failures-1-of-1.csv"));
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).get("error").startsWith("the run left the model's valid state at the start: "),
                failures.get(0).get("error"));
        assertTrue(failures.get(0).get("error").contains("residents.people_per_agent=1 "), failures.get(0).get("error"));
    }
}
