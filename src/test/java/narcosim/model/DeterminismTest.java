package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.experiment.RunOutput;
import narcosim.experiment.RunResult;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;

/** The same scenario, strategy and seed give byte-identical output files, in any order or thread. */
class DeterminismTest {

    @Test
    void sameSeedGivesIdenticalBytes(@TempDir Path dir) throws Exception {
        Scenario sc = Runs.scenario("central-america.yaml", "run.years=2");
        RunConfig cfg = sc.forStrategy("integrated", 7);
        // One run alone, then the same configuration again among others on two threads.
        RunOutput.write(dir.resolve("a"), RunResult.run(cfg));
        List<RunResult> many = Runs.all(List.of(sc.forStrategy("military-surge", 7), cfg, sc.forStrategy("baseline", 3)));
        RunOutput.write(dir.resolve("b"), many.get(1));
        for (String f : new String[] {"timeseries.csv", "summary.csv", "scenario.yaml"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)),
                    f + " differs between two runs of the same seed");
        }
    }

    @Test
    void timingThePhasesChangesNothing(@TempDir Path dir) throws Exception {
        // narcosim bench --phases puts a clock around each phase of the week; the run must be the same.
        Scenario sc = Runs.scenario("classroom-balloon.yaml", "run.years=2");
        RunConfig cfg = sc.forStrategy("integrated", 5);
        RunOutput.write(dir.resolve("plain"), RunResult.run(cfg));
        NarcoModel timed = new NarcoModel(cfg);
        long[] nanos = new long[NarcoModel.PHASE_NAMES.size()];
        timed.timePhases(nanos);
        timed.runToEnd();
        RunOutput.write(dir.resolve("timed"), RunResult.of(timed));
        for (String f : new String[] {"timeseries.csv", "summary.csv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("plain").resolve(f)),
                    Files.readAllBytes(dir.resolve("timed").resolve(f)), f + " differs when the phases are timed");
        }
        for (int p = 0; p < nanos.length; p++) assertTrue(nanos[p] > 0, NarcoModel.PHASE_NAMES.get(p) + " not timed");
    }

    @Test
    void differentSeedsDiffer() throws Exception {
        Scenario sc = Runs.scenario("classroom-balloon.yaml", "run.years=1");
        RunResult a = RunResult.run(sc.forStrategy("integrated", 1));
        RunResult b = RunResult.run(sc.forStrategy("integrated", 2));
        assertEquals(a.rows().size(), b.rows().size());
        boolean same = true;
        for (int w = 0; w < a.rows().size(); w++) same &= Arrays.equals(a.rows().get(w), b.rows().get(w));
        assertFalse(same, "two seeds gave identical weekly outcomes");
    }
}
