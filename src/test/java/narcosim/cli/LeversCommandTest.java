package narcosim.cli;

import static narcosim.cli.ExperimentFixtures.BALLOON;
import static narcosim.cli.ExperimentFixtures.assertSameBytes;
import static narcosim.cli.ExperimentFixtures.cli;
import static narcosim.cli.ExperimentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.experiment.LeverSummary;
import narcosim.experiment.Levers;

/** narcosim levers as a user runs it: the table, levers.csv, charts and report, shards and merge, bad input. */
class LeversCommandTest {

    @TempDir
    Path tmp;

    @Test
    void leversOfAStrategyWithTableCsvChartsAndReport() throws IOException {
        Path out = tmp.resolve("levers");
        InProcess.Result r = ok("levers", BALLOON, "--strategy", "integrated", "--replicates", 3, "--years", 1, "--out", out);
        assertTrue(r.out().startsWith("narcosim levers: classroom-balloon, strategy integrated"), r.out());
        assertTrue(r.out().contains("budget 0.1: military \u2192 police"), r.out());
        assertTrue(r.out().contains("Intelligence-led targeting \u2192 static"), r.out());
        // In one year development's programmes (a two-year lag to harvest) change nothing at all, and the table says so.
        String idle = r.out().substring(r.out().indexOf("Levers that changed nothing at all"));
        assertTrue(idle.contains("Development programmes per community \u2192 6"), r.out());
        List<Map<String, String>> rows = ExperimentFixtures.maps(out.resolve(LeverSummary.FILE));
        assertEquals(LeverSummary.HEADER, ExperimentFixtures.header(out.resolve(LeverSummary.FILE)));
        long variants = rows.stream().map(m -> m.get("lever_id")).distinct().count();
        assertEquals(variants * (Levers.OUTCOMES.size() + 1), rows.size(),
                "every variant x every headline measure and the cost per kg kept off (the scenario has a baseline)");
        for (Map<String, String> row : rows) {
            assertEquals("3", row.get("n"));
            if (!row.get("effect_ci_low").isEmpty() && !row.get("moves").isEmpty()) {
                double lo = Double.parseDouble(row.get("effect_ci_low"));
                double hi = Double.parseDouble(row.get("effect_ci_high"));
                assertEquals(lo > 0 || hi < 0, Boolean.parseBoolean(row.get("moves")), row.toString());
            }
        }
        assertTrue(Files.exists(out.resolve("charts/levers-delivered_kg_total.png")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h1>Levers of integrated</h1>"), html.substring(0, 400));
        assertTrue(html.contains("Levers that moved nothing"));
    }

    @Test
    void shardsMergeToTheSameBytesAsOneMachine() throws IOException {
        Path whole = tmp.resolve("whole");
        ok("levers", BALLOON, "--strategy", "corridor-crackdown", "--replicates", 2, "--years", 1, "-q", "--out", whole);
        Path split = tmp.resolve("split");
        for (String s : List.of("2/2", "1/2")) {
            ok("levers", BALLOON, "--strategy", "corridor-crackdown", "--replicates", 2, "--years", 1, "-q", "--out",
                    split, "--shard", s);
        }
        ok("merge", split);
        assertSameBytes(whole.resolve("runs.csv"), split.resolve("runs.csv"));
        assertSameBytes(whole.resolve(LeverSummary.FILE), split.resolve(LeverSummary.FILE));
    }

    @Test
    void aStrategyWithoutCampaignOrUnknownIsRefused() {
        InProcess.Result none = cli("levers", BALLOON, "--strategy", "baseline", "--out", tmp.resolve("none"));
        assertEquals(2, none.code(), none.both());
        assertTrue(none.err().contains("spends nothing"), none.err());
        InProcess.Result unknown = cli("levers", BALLOON, "--strategy", "integratd", "--out", tmp.resolve("x"));
        assertEquals(2, unknown.code(), unknown.both());
        assertTrue(unknown.err().contains("no strategy 'integratd'"), unknown.err());
        assertFalse(Files.exists(tmp.resolve("none")) || Files.exists(tmp.resolve("x")), "no output directory");
    }
}
