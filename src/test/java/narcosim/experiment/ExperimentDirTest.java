package narcosim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part files: what resume finds in them after a kill, and what merge says is missing. */
class ExperimentDirTest {

    static final List<String> HEADER = List.of("run_id", "point", "strategy", "replicate", "seed", "delivered_kg_total");

    @TempDir
    Path tmp;

    @Test
    void recoverCreatesAMissingPartWithItsHeader() throws IOException {
        Path part = tmp.resolve("parts").resolve("runs-1-of-1.csv");
        assertTrue(ExperimentDir.recover(part, HEADER).isEmpty());
        assertEquals("run_id,point,strategy,replicate,seed,delivered_kg_total\n", Files.readString(part));
    }

    @Test
    void recoverCutsAHalfWrittenLineAndReturnsTheFinishedRuns() throws IOException {
        Path part = tmp.resolve("runs.csv");
        String whole = ExperimentDir.line(HEADER) + "3,0,a,3,11,100\n0,0,a,0,12,250.5\n";
        Files.writeString(part, whole + "7,0,a,7,1", StandardCharsets.UTF_8);
        BitSet done = ExperimentDir.recover(part, HEADER);
        assertEquals("{0, 3}", done.toString());
        assertEquals(whole, Files.readString(part), "the half line is gone, the rest is untouched");
        ExperimentDir.append(part, ExperimentDir.line(List.of("7", "0", "a", "7", "1", "9")));
        assertEquals("{0, 3, 7}", ExperimentDir.recover(part, HEADER).toString());
    }

    @Test
    void recoverRewritesAHalfWrittenHeader() throws IOException {
        Path part = tmp.resolve("runs.csv");
        Files.writeString(part, "run_id,poi", StandardCharsets.UTF_8);
        assertTrue(ExperimentDir.recover(part, HEADER).isEmpty());
        assertEquals(ExperimentDir.line(HEADER), Files.readString(part));
    }

    @Test
    void recoverRefusesAPartOfAnotherExperiment() throws IOException {
        Path part = tmp.resolve("runs.csv");
        Files.writeString(part, "run_id,point,strategy,replicate,seed,seized_share\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ExperimentDir.recover(part, HEADER));
        assertTrue(e.getMessage().contains("different experiment"), e.getMessage());
    }

    @Test
    void keepOnlyDropsWeeklyRowsOfRunsWithoutASummaryRow() throws IOException {
        List<String> header = List.of("run_id", "week", "delivered_kg");
        Path part = tmp.resolve("timeseries.csv");
        Files.writeString(part, "run_id,week,delivered_kg\n1,0,5\n1,1,6\n2,0,7\n2,1,8\n4,0,1", StandardCharsets.UTF_8);
        BitSet keep = new BitSet();
        keep.set(2);
        ExperimentDir.keepOnly(part, header, keep);
        assertEquals("run_id,week,delivered_kg\n2,0,7\n2,1,8\n", Files.readString(part));
    }

    @Test
    void collectRunsNamesMissingShardsAndRuns() throws IOException {
        ExperimentDir dir = new ExperimentDir(tmp);
        Files.createDirectories(dir.parts());
        Files.writeString(dir.runsPart(new Shard(1, 3)), ExperimentDir.line(HEADER) + "0,0,a,0,1,5\n3,0,a,3,1,5\n");
        Files.writeString(dir.runsPart(new Shard(3, 3)), ExperimentDir.line(HEADER) + "2,0,a,2,1,5\n");
        ExperimentDir.IncompleteException e = assertThrows(ExperimentDir.IncompleteException.class,
                () -> dir.collectRuns(3, 6, HEADER, 5));
        assertEquals(List.of("2/3"), e.missingShards());
        assertEquals(List.of(1, 4, 5), e.missingRuns());
        assertEquals("incomplete: 3 of 6 runs have no result; no part files from shard(s) 2/3; missing run ids: 1, 4-5",
                e.getMessage());
    }

    @Test
    void collectRunsSortsByRunIdAndKeepsTheFirstCopy() throws Exception {
        ExperimentDir dir = new ExperimentDir(tmp);
        Files.createDirectories(dir.parts());
        Files.writeString(dir.runsPart(new Shard(1, 2)), ExperimentDir.line(HEADER) + "2,0,a,2,1,5\n0,0,a,0,1,5\n");
        Files.writeString(dir.runsPart(new Shard(2, 2)), ExperimentDir.line(HEADER) + "1,0,a,1,1,5\n1,0,a,1,1,6\n");
        TreeMap<Integer, ExperimentDir.Lines> rows = dir.collectRuns(2, 3, HEADER, 5);
        assertEquals(List.of(0, 1, 2), List.copyOf(rows.keySet()));
        dir.writeRuns(HEADER, rows);
        assertEquals(ExperimentDir.line(HEADER) + "0,0,a,0,1,5\n1,0,a,1,1,5\n2,0,a,2,1,5\n",
                Files.readString(tmp.resolve(ExperimentDir.RUNS)));
    }

    @Test
    void longListsOfMissingRunsAreShortened() {
        List<Integer> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i += 2) ids.add(i);
        ExperimentDir.IncompleteException e = new ExperimentDir.IncompleteException(List.of(), ids, 100);
        assertTrue(e.getMessage().endsWith("missing run ids: 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, ..."),
                e.getMessage());
    }
}
