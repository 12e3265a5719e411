package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.experiment.AtomicDirectory;

/** Opening results directories, and saying what is missing from those that are not whole; the CLI's exit codes. */
class ResultsTest {

    @TempDir
    static Path shared;
    static Path noTimeseries;

    @TempDir
    Path tmp;

    @BeforeAll
    static void experiment() {
        noTimeseries = ReportFixture.compare(shared.resolve("compare"), false);
    }

    private Path copy() throws Exception {
        Path c = tmp.resolve("copy");
        Files.createDirectories(c);
        for (String f : List.of("manifest.yaml", "runs.csv", "summary.csv")) {
            Files.copy(noTimeseries.resolve(f), c.resolve(f));
        }
        return c;
    }

    @Test
    void aDirectoryWithoutManifestIsNotAResultsDirectory() {
        Results.IncompleteResults e = assertThrows(Results.IncompleteResults.class, () -> Results.open(tmp));
        assertTrue(e.getMessage().contains("not a results directory (no manifest.yaml)"), e.getMessage());
    }

    @Test
    void anUnfinishedRunIsNamedAsIncomplete() throws Exception {
        Path c = copy();
        Path m = c.resolve("manifest.yaml");
        String text = Files.readString(m, StandardCharsets.UTF_8).replaceAll("(?m)^finished:.*$", "finished: null");
        Files.writeString(m, text, StandardCharsets.UTF_8);
        Results.IncompleteResults e = assertThrows(Results.IncompleteResults.class, () -> Results.open(c));
        assertTrue(e.getMessage().contains("incomplete") && e.getMessage().contains("finished"), e.getMessage());
    }

    @Test
    void aMissingSummaryIsNamed() throws Exception {
        Path c = copy();
        Files.delete(c.resolve("summary.csv"));
        Results.IncompleteResults e = assertThrows(Results.IncompleteResults.class, () -> Results.open(c));
        assertTrue(e.getMessage().endsWith("is incomplete: no summary.csv"), e.getMessage());
    }

    @Test
    void withoutTimeseriesTheOtherChartsAreStillMade() throws Exception {
        Report.Built built = Report.charts(Results.open(copy()));
        assertTrue(built.notes().stream().anyMatch(n -> n.contains("time-series charts skipped")), built.notes()::toString);
        // final bars, trade-off, the price by part and its change, and a route map per strategy
        // PNG and SVG of each chart, and the route maps side by side (PNG only)
        assertEquals(2 * (Outcome.FINAL.size() + 3 + Results.open(noTimeseries).strategies().size()) + 1,
                built.files().size());
        assertFalse(built.files().stream().anyMatch(p -> p.getFileName().toString().startsWith("timeseries")));
    }

    @Test
    void reportCommandExitsTwoOnABadDirectoryAndZeroOnAGoodOne() throws Exception {
        narcosim.cli.InProcess.Result bad = ReportFixture.cli("report", tmp.toString());
        assertEquals(2, bad.code());
        assertEquals("narcosim: error: " + tmp + " is not a results directory (no manifest.yaml)", bad.err().strip());

        Path c = copy();
        Files.delete(c.resolve("runs.csv"));
        narcosim.cli.InProcess.Result incomplete = ReportFixture.cli("report", c.toString());
        assertEquals(2, incomplete.code());
        assertTrue(incomplete.err().contains("no runs.csv"), incomplete.err());

        Path good = tmp.resolve("good");
        AtomicDirectory.write(good, d -> {
            for (String f : List.of("manifest.yaml", "runs.csv", "summary.csv")) Files.copy(noTimeseries.resolve(f), d.resolve(f));
        });
        narcosim.cli.InProcess.Result ok = ReportFixture.cli("report", good.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("time-series charts skipped"), ok.out());
        assertTrue(Files.isRegularFile(good.resolve("charts").resolve("tradeoff.png")));
    }

    @Test
    void aComparisonsFilesUnderASweepManifestAreNamedNotCharted() throws Exception {
        Path c = copy();
        Path m = c.resolve("manifest.yaml");
        Files.writeString(m, Files.readString(m, StandardCharsets.UTF_8).replace("type: compare", "type: lhs"),
                StandardCharsets.UTF_8);
        narcosim.cli.InProcess.Result r = ReportFixture.cli("report", c.toString());
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("summary.csv:2: not a sweep summary (no column point)"), r.err());
        assertFalse(Files.exists(c.resolve("charts")));
    }
}
