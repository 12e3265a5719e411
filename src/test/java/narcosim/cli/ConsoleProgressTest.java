package narcosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import narcosim.experiment.Runner;

/** Progress lines say which time is which: elapsed, and the time remaining (not a bare second time). */
class ConsoleProgressTest {

    @Test
    void timesAreLabelled() {
        assertEquals("remaining 1m00s", ConsoleProgress.remaining(10, 20, 30));
        assertEquals("remaining ?", ConsoleProgress.remaining(0, 20, 3));
        assertEquals("remaining 0m00s", ConsoleProgress.remaining(5, 0, 3));
        StringWriter text = new StringWriter();
        try (Runner.Progress p = ConsoleProgress.create("demo", new PrintWriter(text), false)) {
            p.start(3, 1);
            p.step();
            p.step();
        }
        String last = text.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.matches("narcosim: demo: 3/3 runs \\(100%\\), [0-9.]+ runs/s, elapsed \\dm\\d\\ds, remaining 0m00s"),
                last);
    }
}
