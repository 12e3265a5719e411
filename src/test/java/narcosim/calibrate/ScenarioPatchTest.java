package narcosim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The calibrated scenario is the user's file with only the calibrated values changed. */
class ScenarioPatchTest {

    static final String FILE = """
            # my scenario
            name: x
            military:
              # how many
              targets_week_boat: 2   # a comment
              interdict_prob: 0.5
            strategies:
              - id: a
            """;

    @Test
    void aValueTheFileGaveIsReplacedOnItsOwnLine() {
        String out = ScenarioPatch.set(FILE, "military.interdict_prob", "0.31", "calibrated");
        assertEquals(FILE.replace("  interdict_prob: 0.5\n", "  interdict_prob: 0.31  # calibrated (was 0.5)\n"), out);
    }

    @Test
    void aValueLeftAtItsDefaultIsAddedUnderItsSection() {
        String out = ScenarioPatch.set(FILE, "military.cue_hours", "8", "calibrated");
        assertEquals(FILE.replace("military:\n", "military:\n  cue_hours: 8  # calibrated\n"), out);
    }

    @Test
    void aSectionTheFileLackedIsAddedAtTheEnd() {
        String out = ScenarioPatch.set(FILE, "market.share_of_production", "0.45", "calibrated");
        assertEquals(FILE + "\nmarket:\n  share_of_production: 0.45  # calibrated\n", out);
        // A key of the same name in another section is not touched.
        String other = ScenarioPatch.set(FILE, "police.interdict_prob", "0.1", "calibrated");
        assertTrue(other.contains("  interdict_prob: 0.5\n") && other.endsWith("police:\n  interdict_prob: 0.1  # calibrated\n"),
                other);
    }

    @Test
    void aSectionOnOneLineIsRefusedRatherThanBroken() {
        String flow = "name: x\nmilitary: {interdict_prob: 0.5}\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ScenarioPatch.set(flow, "military.interdict_prob", "0.3", "calibrated"));
        assertTrue(e.getMessage().contains("write it as a block"), e.getMessage());
    }
}
