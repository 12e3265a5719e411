package narcosim.cli;

import static narcosim.cli.ExperimentFixtures.BALLOON;
import static narcosim.cli.ExperimentFixtures.assertSameBytes;
import static narcosim.cli.ExperimentFixtures.cli;
import static narcosim.cli.ExperimentFixtures.csv;
import static narcosim.cli.ExperimentFixtures.header;
import static narcosim.cli.ExperimentFixtures.ids;
import static narcosim.cli.ExperimentFixtures.maps;
import static narcosim.cli.ExperimentFixtures.ok;
import static narcosim.cli.ExperimentFixtures.sweepFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An experiment's files do not depend on how its runs were spread: one thread or two, one process or
 * three shards merged, give the same bytes. Seeds follow (design point, replicate), common to every
 * strategy, and 'run --from' repeats any run alone. A small Sobol sweep and a small comparison of the
 * balloon classroom scenario, one-year runs.
 */
class ExperimentReproducibilityTest {

    static final String SOBOL = """
            strategies: [baseline, corridor-crackdown]
            replicates: 2
            seed: 3
            design: {type: sobol, samples: 4}
            parameters:
              military.interdict_prob: {min: 0.05, max: 0.4}
              cartel.loss_tolerance: {min: 0.02, max: 0.3}
            outcomes: [delivered_kg_total, seized_share]
            """;
    static final int SOBOL_RUNS = 4 * (2 + 2) * 2 * 2;
    static final int COMPARE_RUNS = 4 * 3;
    static final List<String> FILES = List.of("runs.csv", "summary.csv", "sensitivity.csv", "effects.csv");

    @TempDir
    static Path tmp;
    static Path sweep;
    static Path sweep1;
    static Path sweep2;
    static Path sweepSharded;
    static Path compare1;
    static Path compare2;
    static Path compareSharded;
    static List<String> shardOutputs = new ArrayList<>();

    @BeforeAll
    static void runEveryWay() throws IOException {
        sweep = sweepFile(tmp, "sobol-small", SOBOL);
        sweep1 = tmp.resolve("sweep-t1");
        sweep2 = tmp.resolve("sweep-t2");
        sweepSharded = tmp.resolve("sweep-shards");
        ok("sweep", sweep, "--years", 1, "--threads", 1, "--out", sweep1, "-q");
        ok("sweep", sweep, "--years", 1, "--threads", 2, "--out", sweep2, "-q");
        for (int k = 1; k <= 3; k++) {
            shardOutputs.add(ok("sweep", sweep, "--years", 1, "--threads", 2, "--out", sweepSharded, "--shard", k + "/3",
                    "-q").out());
        }
        // The last shard to finish merges by itself; merge must write the same files again from the parts.
        for (String f : FILES) Files.delete(sweepSharded.resolve(f));
        ok("merge", sweepSharded);

        compare1 = tmp.resolve("compare-t1");
        compare2 = tmp.resolve("compare-t2");
        compareSharded = tmp.resolve("compare-shards");
        ok("compare", BALLOON, "--replicates", 3, "--years", 1, "--threads", 1, "--out", compare1, "-q");
        ok("compare", BALLOON, "--replicates", 3, "--years", 1, "--threads", 2, "--out", compare2, "-q");
        for (int k = 1; k <= 3; k++) {
            ok("compare", BALLOON, "--replicates", 3, "--years", 1, "--out", compareSharded, "--shard", k + "/3", "-q");
        }
        Files.delete(compareSharded.resolve("runs.csv"));
        Files.delete(compareSharded.resolve("summary.csv"));
        ok("merge", compareSharded);
    }

    // ------------------------------------------------------------------ same bytes

    @Test
    void sweepFilesAreTheSameWithOneOrTwoThreads() throws IOException {
        for (String f : FILES) assertSameBytes(sweep1.resolve(f), sweep2.resolve(f));
    }

    @Test
    void sweepFilesAreTheSameFromThreeShardsMerged() throws IOException {
        for (String f : FILES) assertSameBytes(sweep1.resolve(f), sweepSharded.resolve(f));
        assertTrue(shardOutputs.get(0).contains("When every shard is done: narcosim merge"), shardOutputs.get(0));
        assertTrue(shardOutputs.get(1).contains("When every shard is done: narcosim merge"), shardOutputs.get(1));
    }

    @Test
    void eachShardWroteExactlyItsOwnRuns() throws IOException {
        Set<Integer> all = new TreeSet<>();
        for (int k = 1; k <= 3; k++) {
            List<Integer> mine = ids(sweepSharded.resolve("parts").resolve("runs-" + k + "-of-3.csv"));
            assertEquals(mine.size(), new HashSet<>(mine).size(), "shard " + k + " wrote a run twice");
            for (int id : mine) {
                assertEquals(k - 1, id % 3, "shard " + k + " ran run " + id);
                assertTrue(all.add(id), "run " + id + " in two shards");
            }
        }
        assertEquals(SOBOL_RUNS, all.size());
    }

    @Test
    void compareFilesAreTheSameWithOneOrTwoThreadsAndFromShards() throws IOException {
        for (String f : List.of("runs.csv", "summary.csv")) {
            assertSameBytes(compare1.resolve(f), compare2.resolve(f));
            assertSameBytes(compare1.resolve(f), compareSharded.resolve(f));
        }
    }

    @Test
    void runsCsvHasOneRowPerRunWithParametersSeedAndOutcomes() throws IOException {
        Path runs = sweep1.resolve("runs.csv");
        List<String> h = header(runs);
        assertEquals(List.of("run_id", "point", "strategy", "replicate", "seed", "military.interdict_prob",
                "cartel.loss_tolerance"), h.subList(0, 7));
        assertTrue(h.containsAll(List.of("delivered_kg_total", "seized_share", "mean_trust_final_year")), h.toString());
        List<CSVRecord> rows = csv(runs);
        assertEquals(SOBOL_RUNS, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            assertEquals(Integer.toString(i), r.get("run_id"), "rows sorted by run id");
            double boat = Double.parseDouble(r.get("military.interdict_prob"));
            assertTrue(boat >= 0.05 && boat <= 0.4, "military.interdict_prob " + boat);
            assertTrue(Double.parseDouble(r.get("delivered_kg_total")) > 0, "run " + i + " delivered nothing");
        }
        List<CSVRecord> sens = csv(sweep1.resolve("sensitivity.csv"));
        assertEquals(2 * 2 * 2, sens.size(), "strategy x outcome x parameter");
        List<CSVRecord> summary = csv(sweep1.resolve("summary.csv"));
        assertEquals(16 * 2 * 2, summary.size(), "point x strategy x outcome");
        assertTrue(summary.stream().allMatch(r -> r.get("n").equals("2")));
    }

    // ------------------------------------------------------------------ seeds

    @Test
    void compareUsesTheSameSeedForAReplicateUnderEveryStrategy() throws IOException {
        Map<String, Set<String>> seedsByReplicate = new HashMap<>();
        Set<String> strategies = new HashSet<>();
        for (Map<String, String> r : maps(compare1.resolve("runs.csv"))) {
            seedsByReplicate.computeIfAbsent(r.get("replicate"), k -> new HashSet<>()).add(r.get("seed"));
            strategies.add(r.get("strategy"));
        }
        assertEquals(4, strategies.size());
        assertEquals(Set.of("0", "1", "2"), seedsByReplicate.keySet());
        Set<String> distinct = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : seedsByReplicate.entrySet()) {
            assertEquals(1, e.getValue().size(), "replicate " + e.getKey() + " has seeds " + e.getValue());
            distinct.addAll(e.getValue());
        }
        assertEquals(3, distinct.size(), "replicates have different seeds");
    }

    @Test
    void sweepSeedsDependOnDesignPointAndReplicateOnly() throws IOException {
        Map<String, String> seedOf = new HashMap<>();
        for (Map<String, String> r : maps(sweep1.resolve("runs.csv"))) {
            String pointRep = r.get("point") + "/" + r.get("replicate");
            String before = seedOf.putIfAbsent(pointRep, r.get("seed"));
            if (before != null) assertEquals(before, r.get("seed"), "strategies of " + pointRep + " share the seed");
        }
        assertEquals(16 * 2, seedOf.size());
        assertEquals(seedOf.size(), new HashSet<>(seedOf.values()).size(), "every (point, replicate) has its own seed");
    }

    @Test
    void anotherBaseSeedGivesOtherSeeds() throws IOException {
        Path other = tmp.resolve("compare-seed-2");
        ok("compare", BALLOON, "--replicates", 3, "--years", 1, "--seed", 2, "--strategies", "baseline",
                "--out", other, "-q");
        Set<String> a = new HashSet<>();
        for (Map<String, String> r : maps(compare1.resolve("runs.csv"))) a.add(r.get("seed"));
        for (Map<String, String> r : maps(other.resolve("runs.csv"))) assertFalse(a.contains(r.get("seed")));
    }

    // ------------------------------------------------------------------ run --from

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 37, SOBOL_RUNS - 1})
    void runFromRepeatsOneSweepRunAlone(int id) throws IOException {
        assertRunRepeats(sweep1, id, List.of("military.interdict_prob", "cartel.loss_tolerance"));
    }

    @Test
    void runFromRepeatsOneCompareRunAlone() throws IOException {
        assertRunRepeats(compare1, 7, List.of());
    }

    private void assertRunRepeats(Path experiment, int id, List<String> varied) throws IOException {
        Path out = tmp.resolve("again-" + experiment.getFileName() + "-" + id);
        ok("run", BALLOON, "--from", experiment, "--run", id, "--out", out, "-q");
        Path runs = experiment.resolve("runs.csv");
        Map<String, String> row = maps(runs).get(id);
        assertEquals(Integer.toString(id), row.get("run_id"));
        List<Map<String, String>> alone = maps(out.resolve("summary.csv"));
        assertEquals(1, alone.size());
        Map<String, String> s = alone.get(0);
        assertEquals(row.get("strategy"), s.get("strategy"));
        assertEquals(row.get("seed"), s.get("seed"));
        assertEquals("1", s.get("run.years"), "the experiment's --years is kept");
        for (String k : varied) assertEquals(row.get(k), s.get(k), k);
        List<String> h = header(runs);
        List<String> outcomes = h.subList(5 + varied.size(), h.size());
        assertTrue(outcomes.size() > 20, outcomes.toString());
        for (String o : outcomes) assertEquals(row.get(o), s.get(o), "run " + id + ": " + o);
    }

    @Test
    void runFromRefusesWhatWouldNotRepeatTheRun() {
        assertEquals(2, cli("run", BALLOON, "--from", sweep1).code(), "--from needs --run");
        InProcess.Result outOfRange = cli("run", BALLOON, "--from", sweep1, "--run", SOBOL_RUNS);
        assertEquals(2, outOfRange.code());
        assertTrue(outOfRange.err().contains("runs 0 to " + (SOBOL_RUNS - 1)), outOfRange.err());
        assertEquals(2, cli("run", BALLOON, "--from", sweep1, "--run", 1, "--seed", 5).code());
        assertEquals(2, cli("run", BALLOON, "--from", sweep1, "--run", 1, "--years", 2).code());
        assertEquals(2, cli("run", BALLOON, "--from", tmp, "--run", 1).code(), "not an experiment directory");
    }

    @Test
    void differentSeedsGiveDifferentRuns() throws IOException {
        List<Map<String, String>> rows = maps(compare1.resolve("runs.csv"));
        Map<String, String> a = rows.get(0);
        Map<String, String> b = rows.get(1);
        assertEquals(a.get("strategy"), b.get("strategy"));
        assertNotEquals(a.get("delivered_kg_total"), b.get("delivered_kg_total"), "replicates differ");
    }
}
