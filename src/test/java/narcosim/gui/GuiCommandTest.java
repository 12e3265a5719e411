package narcosim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.cli.InProcess;

/** narcosim gui's answers to bad input (the test JVM is headless, as a machine without a screen). */
class GuiCommandTest {

    @Test
    void badScenarioGivesTheSameMessageAsValidate(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("scenarios", "classroom-balloon.yaml"))
                .replace("total_musd_per_year: 300", "total_musd_per_year: lots"));
        InProcess.Result gui = InProcess.cli("gui", bad);
        InProcess.Result validate = InProcess.cli("validate", bad);
        assertEquals(2, gui.code(), gui.both());
        assertEquals(validate.err(), gui.err());
        assertTrue(gui.err().contains("bad.yaml:") && gui.err().contains("total_musd_per_year"), gui.both());
        assertFalse(gui.err().contains("\tat "), "no stack trace");
    }

    @Test
    void unknownStrategyIsNamed() {
        InProcess.Result r = InProcess.cli("gui", "scenarios/classroom-balloon.yaml", "--strategy", "nope");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("no strategy 'nope'"), r.both());
    }

    @Test
    void withoutADisplayItSaysSoInOneLineAndSuggestsXvfb() {
        InProcess.Result r = InProcess.cli("gui", "scenarios/classroom-balloon.yaml");
        assertEquals(2, r.code(), r.both());
        assertEquals(1, r.err().strip().lines().count(), r.both());
        assertTrue(r.err().contains("no display") && r.err().contains("xvfb-run ./narcosim gui"), r.both());
    }

    @Test
    void screenshotNeedsWeeksAndWeeksMustFitTheRun() {
        InProcess.Result r = InProcess.cli("gui", "scenarios/classroom-balloon.yaml", "--screenshot", "x.png");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("--screenshot needs --weeks"), r.both());
        r = InProcess.cli("gui", "scenarios/classroom-balloon.yaml", "--weeks", "100000");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("--weeks: expected 1 to"), r.both());
    }

    @Test
    void helpNamesTheLessonsAndXvfb() {
        InProcess.Result r = InProcess.cli("gui", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("docs/teaching.md") && r.out().contains("xvfb-run"), r.out());
    }
}
