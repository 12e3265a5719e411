package narcosim.cli;

import static narcosim.cli.ExperimentFixtures.BALLOON;
import static narcosim.cli.ExperimentFixtures.assertSameBytes;
import static narcosim.cli.ExperimentFixtures.cli;
import static narcosim.cli.ExperimentFixtures.csv;
import static narcosim.cli.ExperimentFixtures.ids;
import static narcosim.cli.ExperimentFixtures.ok;
import static narcosim.cli.ExperimentFixtures.sweepFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging shards names what is missing; failed runs are recorded, the others complete, and the command
 * says which failed; shards that do not match are refused.
 */
class MergeAndFailuresTest {

    @TempDir
    Path tmp;

    /** compare of the balloon scenario, 4 strategies x 2 replicates = runs 0..7, one-year runs. */
    private InProcess.Result compareShard(Path out, String shard, Object... extra) {
        List<Object> args = new ArrayList<>(List.of("compare", BALLOON, "--replicates", 2, "--years", 1, "--out", out,
                "--shard", shard, "-q"));
        args.addAll(List.of(extra));
        return cli(args.toArray());
    }

    // ------------------------------------------------------------------ merge

    @Test
    void mergeWithAMissingShardNamesTheShardAndItsRuns() throws IOException {
        Path out = tmp.resolve("two-of-three");
        assertEquals(0, compareShard(out, "1/3").code());
        assertEquals(0, compareShard(out, "3/3").code());
        InProcess.Result r = cli("merge", out);
        assertEquals(2, r.code(), r.both());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("shard(s) 2/3"), r.err());
        assertTrue(r.err().contains("missing run ids: 1, 4, 7"), r.err());
        assertTrue(r.err().contains("3 of 8 runs have no result"), r.err());
        assertFalse(Files.exists(out.resolve("runs.csv")), "no runs.csv from an incomplete experiment");
        assertFalse(Files.exists(out.resolve("summary.csv")));

        assertEquals(0, compareShard(out, "2/3").code());
        ok("merge", out);
        Path whole = tmp.resolve("whole");
        ok("compare", BALLOON, "--replicates", 2, "--years", 1, "--out", whole, "-q");
        assertSameBytes(whole.resolve("runs.csv"), out.resolve("runs.csv"));
        assertSameBytes(whole.resolve("summary.csv"), out.resolve("summary.csv"));
    }

    @Test
    void mergeWithRowsMissingFromAShardNamesTheRuns() throws IOException {
        Path out = tmp.resolve("rows-lost");
        for (String s : List.of("1/2", "2/2")) assertEquals(0, compareShard(out, s).code());
        Path part = out.resolve("parts").resolve("runs-2-of-2.csv");
        List<String> lines = Files.readAllLines(part, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(lines.subList(0, 2)); // header and one row
        Files.writeString(part, String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
        List<Integer> left = ids(part);
        InProcess.Result r = cli("merge", out);
        assertEquals(2, r.code(), r.both());
        assertFalse(r.err().contains("shard(s)"), "every shard wrote its part: " + r.err());
        List<String> missing = new ArrayList<>();
        for (int id = 1; id < 8; id += 2) if (!left.contains(id)) missing.add(Integer.toString(id));
        assertTrue(r.err().contains("missing run ids: " + String.join(", ", missing)), r.err());
    }

    @Test
    void mergeOfWhatIsNotAnExperimentExitsTwo() throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "hello");
        InProcess.Result r = cli("merge", tmp);
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("not an experiment directory"), r.err());
        assertEquals(2, cli("merge", tmp.resolve("does-not-exist")).code());
    }

    @Test
    void shardsMustAgreeOnTheRequest() throws IOException {
        Path out = tmp.resolve("disagree");
        assertEquals(0, compareShard(out, "1/2").code());
        InProcess.Result seed = compareShard(out, "2/2", "--seed", 9);
        assertEquals(2, seed.code(), seed.both());
        assertTrue(seed.err().contains("seed"), seed.err());
        InProcess.Result count = compareShard(out, "2/3");
        assertEquals(2, count.code(), count.both());
        assertTrue(count.err().contains("shard"), count.err());
        // --no-timeseries on one shard only (compare keeps them by default) would leave timeseries.csv.gz
        // without that shard's runs.
        InProcess.Result ts = compareShard(out, "2/2", "--no-timeseries");
        assertEquals(2, ts.code(), ts.both());
        assertTrue(ts.err().contains("timeseries"), ts.err());
        assertFalse(Files.exists(out.resolve("parts").resolve("runs-2-of-2.csv")));
    }

    @Test
    void aShardStartingWhileAnotherCreatesTheDirectoryGoesOn() throws IOException {
        // What another shard leaves for a moment while it writes the manifest.
        Path out = tmp.resolve("concurrent");
        Files.createDirectories(out.resolve("parts"));
        Files.writeString(out.resolve(".manifest4711.partial"), "narcosim_version: 0.1", StandardCharsets.UTF_8);
        assertEquals(0, compareShard(out, "1/2").code());
        assertTrue(Files.exists(out.resolve("manifest.yaml")));
        InProcess.Result other = cli("compare", BALLOON, "--years", 1, "--out", tmp, "-q");
        assertEquals(2, other.code(), "a directory with other files is still refused");
        assertTrue(other.err().contains("exists"), other.err());
    }

    @Test
    void timeseriesOfShardsAreMergedInRunOrder() throws IOException {
        Path out = tmp.resolve("weekly");
        for (String s : List.of("2/2", "1/2")) assertEquals(0, compareShard(out, s, "--timeseries").code());
        Path whole = tmp.resolve("weekly-whole");
        ok("compare", BALLOON, "--replicates", 2, "--years", 1, "--out", whole, "--timeseries", "-q");
        assertSameBytes(whole.resolve("timeseries.csv.gz"), out.resolve("timeseries.csv.gz"));
    }

    // ------------------------------------------------------------------ failed runs

    /**
     * Moving all three east-corridor places to another region is fine one at a time, but together they
     * leave the corridor-crackdown doctrine's focus region empty: the scenario refuses that design point
     * when its runs are set up, so exactly the runs of point 7 (ids 14 and 15) fail.
     */
    static final String FAILING = """
            strategies: [baseline, corridor-crackdown]
            design: {type: grid}
            parameters:
              places.off_gorgona.region: {levels: [east-corridor, elsewhere]}
              places.jaque.region: {levels: [east-corridor, elsewhere]}
              places.off_cabo_marzo.region: {levels: [east-corridor, elsewhere]}
            """;

    @Test
    void failedRunsAreRecordedNamedAndTheOthersComplete() throws IOException {
        Path file = sweepFile(tmp, "failing", FAILING);
        Path out = tmp.resolve("failing-out");
        InProcess.Result r = cli("sweep", file, "--years", 1, "--out", out, "--threads", 2, "-q");
        assertEquals(1, r.code(), r.both());
        assertTrue(r.err().contains("2 run(s) failed"), r.err());
        assertTrue(r.err().contains("run 14 (baseline, replicate 0)"), r.err());
        assertTrue(r.err().contains("run 15 (corridor-crackdown, replicate 0)"), r.err());
        assertTrue(r.err().contains("military.focus_region"), "the error says why: " + r.err());
        assertTrue(r.err().contains("--resume " + out), r.err());

        Path parts = out.resolve("parts");
        List<Integer> done = ids(parts.resolve("runs-1-of-1.csv"));
        assertEquals(14, done.size(), "the other runs complete");
        for (int id = 0; id < 14; id++) assertTrue(done.contains(id), "run " + id);
        List<CSVRecord> failures = csv(parts.resolve("failures-1-of-1.csv"));
        assertEquals(List.of("14", "15"), failures.stream().map(f -> f.get("run_id")).sorted().toList());
        assertTrue(failures.stream().allMatch(f -> f.get("point").equals("7") && !f.get("error").isEmpty()));
        assertFalse(Files.exists(out.resolve("runs.csv")), "an experiment with failed runs is not merged");

        InProcess.Result merge = cli("merge", out);
        assertEquals(2, merge.code(), merge.both());
        assertTrue(merge.err().contains("2 run(s) failed: [14, 15]"), merge.err());

        // Resuming tries the failed runs again only; the finished ones are not repeated.
        InProcess.Result again = cli("sweep", file, "--years", 1, "--resume", out, "-q");
        assertEquals(1, again.code(), again.both());
        assertTrue(again.err().contains("run 14") && again.err().contains("run 15"), again.err());
        assertEquals(done, ids(parts.resolve("runs-1-of-1.csv")), "no run twice");
    }
}
