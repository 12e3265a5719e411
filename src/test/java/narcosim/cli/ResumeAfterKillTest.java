package narcosim.cli;

import static narcosim.cli.ExperimentFixtures.assertSameBytes;
import static narcosim.cli.ExperimentFixtures.cli;
import static narcosim.cli.ExperimentFixtures.ids;
import static narcosim.cli.ExperimentFixtures.ok;
import static narcosim.cli.ExperimentFixtures.sweepFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing a sweep with SIGKILL at any moment and resuming it gives the runs.csv of an uninterrupted
 * sweep, byte for byte: no run lost, none twice. The sweep runs in a real child JVM that is killed with
 * Process.destroyForcibly() (SIGKILL on Linux); the resume runs in-process.
 */
class ResumeAfterKillTest {

    // 40 points x 2 strategies = 80 three-year runs: several one-second flushes, so there is time to kill
    // the sweep between them.
    static final String SWEEP = """
            strategies: [baseline, corridor-crackdown]
            set: [run.years=3]
            replicates: 1
            seed: 11
            design: {type: lhs, samples: 40}
            parameters:
              military.interdict_prob: {min: 0.05, max: 0.4}
              cartel.loss_tolerance: {min: 0.02, max: 0.3}
            outcomes: [delivered_kg_total]
            """;
    static final int RUNS = 80;
    static final long TIMEOUT_MS = 60_000;

    @TempDir
    static Path shared;
    static Path file;
    static Path reference;

    @TempDir
    Path tmp;

    @BeforeAll
    static void uninterrupted() throws IOException {
        file = sweepFile(shared, "kill-me", SWEEP);
        reference = shared.resolve("reference");
        ok("sweep", file, "--out", reference, "--threads", 2, "--timeseries", "-q");
    }

    /** Starts the sweep in a child JVM, into {@code out} (or as {@code extra} says). */
    private static Process child(Path out, String... extra) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Rows are flushed every 20 ms rather than every second, so that kills land between flushes.
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Djava.awt.headless=true", "-Xmx512m",
                "-Dnarcosim.flush.millis=20",
                "-cp", System.getProperty("java.class.path"), "narcosim.cli.Main", "sweep", file.toString(),
                "--threads", "2", "-q"));
        if (out != null) cmd.addAll(List.of("--out", out.toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits until {@code ready} holds, then kills the child with SIGKILL; fails if it ended first. */
    private static void killWhen(Process p, Path out, Predicate<Path> ready) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!ready.test(out)) {
            if (!p.isAlive()) fail("the sweep ended (exit " + p.exitValue() + ") before the moment to kill it");
            if (System.currentTimeMillis() > end) {
                p.destroyForcibly();
                fail("timed out waiting for the moment to kill the sweep");
            }
            Thread.sleep(2);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue(), "the child was killed, not finished");
    }

    private static Path runsPart(Path out) {
        return out.resolve("parts").resolve("runs-1-of-1.csv");
    }

    private static long lines(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Resumes in-process and checks the result against the uninterrupted sweep. */
    private static void resumeAndCompare(Path out, boolean timeseries) throws IOException {
        if (timeseries) ok("sweep", file, "--resume", out, "--threads", 2, "--timeseries", "-q");
        else ok("sweep", file, "--resume", out, "--threads", 2, "-q");
        assertSameBytes(reference.resolve("runs.csv"), out.resolve("runs.csv"));
        assertSameBytes(reference.resolve("summary.csv"), out.resolve("summary.csv"));
        List<Integer> part = ids(runsPart(out));
        assertEquals(RUNS, part.size(), "the part file holds every run once");
        assertEquals(RUNS, new HashSet<>(part).size(), "no run twice in the part file");
        if (timeseries) assertEquals(gunzip(reference.resolve("timeseries.csv.gz")), gunzip(out.resolve("timeseries.csv.gz")));
    }

    private static String gunzip(Path f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void killedAsSoonAsTheDirectoryAppears() throws Exception {
        Path out = tmp.resolve("early");
        Process p = child(out);
        killWhen(p, out, Files::exists);
        assertTrue(lines(runsPart(out)) <= 1, "no run finished yet");
        resumeAndCompare(out, false);
    }

    @Test
    void killedWhenThePartFileFirstAppears() throws Exception {
        Path out = tmp.resolve("part");
        Process p = child(out);
        killWhen(p, out, o -> Files.exists(runsPart(o)));
        resumeAndCompare(out, false);
    }

    @Test
    void killedAfterSomeRowsWithTimeseries() throws Exception {
        Path out = tmp.resolve("rows");
        Process p = child(out, "--timeseries");
        killWhen(p, out, o -> lines(runsPart(o)) > 10);
        long done = lines(runsPart(out)) - 1;
        assertTrue(done > 9 && done <= RUNS, done + " rows at the kill");
        resumeAndCompare(out, true);
    }

    @Test
    void killedTwiceThenResumed() throws Exception {
        Path out = tmp.resolve("twice");
        killWhen(child(out), out, o -> lines(runsPart(o)) > 1);
        // The second attempt resumes in a child JVM too, and is killed once it has added rows.
        long before = lines(runsPart(out));
        killWhen(child(null, "--resume", out.toString()), out, o -> lines(runsPart(o)) > before);
        resumeAndCompare(out, false);
    }

    @Test
    void killedThenAHalfWrittenLineAppended() throws Exception {
        Path out = tmp.resolve("killed-half");
        killWhen(child(out), out, o -> lines(runsPart(o)) > 1);
        appendHalfOfAMissingRow(runsPart(out), reference.resolve("runs.csv"));
        resumeAndCompare(out, false);
    }

    @Test
    void halfWrittenLastLinesAreCutOnResume() throws Exception {
        // An experiment stopped after its first 10 runs, killed in the middle of writing the next rows:
        // the weekly rows of every run were written (they go first), the summary rows of 10.
        Path out = tmp.resolve("half");
        Files.createDirectories(out.resolve("parts"));
        Files.copy(reference.resolve("manifest.yaml"), out.resolve("manifest.yaml"));
        Path refParts = reference.resolve("parts");
        List<String> rows = Files.readAllLines(refParts.resolve("runs-1-of-1.csv"), StandardCharsets.UTF_8);
        Files.writeString(runsPart(out), String.join("\n", rows.subList(0, 11)) + "\n", StandardCharsets.UTF_8);
        appendHalfOfAMissingRow(runsPart(out), reference.resolve("runs.csv"));
        Path weekly = out.resolve("parts").resolve("timeseries-1-of-1.csv");
        Files.copy(refParts.resolve("timeseries-1-of-1.csv"), weekly);
        Files.writeString(weekly, "17,3,0.5,12", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.copy(refParts.resolve("failures-1-of-1.csv"), out.resolve("parts").resolve("failures-1-of-1.csv"));
        resumeAndCompare(out, true);
    }

    /** Appends the first half of the row of a run the part does not hold yet, without its newline. */
    private static void appendHalfOfAMissingRow(Path part, Path runsCsv) throws IOException {
        List<Integer> done = ids(part);
        if (done.size() == RUNS) {
            // The kill came after the last row on a fast machine: take the last row back, as if the kill had
            // come while it was being written.
            List<String> lines = Files.readAllLines(part, StandardCharsets.UTF_8);
            Files.writeString(part, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n", StandardCharsets.UTF_8);
            done = ids(part);
        }
        List<String> ref = Files.readAllLines(runsCsv, StandardCharsets.UTF_8);
        int missing = 0;
        while (done.contains(missing)) missing++;
        assertTrue(missing < RUNS, "a run is missing from the part");
        String row = ref.get(1 + missing);
        Files.writeString(part, row.substring(0, row.length() / 2), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertFalse(Files.readString(part, StandardCharsets.UTF_8).endsWith("\n"));
    }

    @Test
    void resumeOfAStartKilledBeforeItsManifestStartsAfresh() throws IOException {
        // What a kill between creating the directory and writing the manifest leaves behind.
        Path out = tmp.resolve("no-manifest");
        Files.createDirectories(out.resolve("parts"));
        Files.writeString(out.resolve(".manifest123.partial"), "narcosim_ver", StandardCharsets.UTF_8);
        resumeAndCompare(out, false);
    }

    @Test
    void resumeOfACompleteExperimentRunsNothing() throws IOException {
        Path out = tmp.resolve("complete");
        copyTree(reference, out);
        InProcess.Result r = ok("sweep", file, "--resume", out, "--threads", 2, "--timeseries");
        assertTrue(r.err().contains(RUNS + " runs, " + RUNS + " already done"), r.err());
        resumeAndCompare(out, true);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @Test
    void resumeNeedsTheSameRequest() throws IOException {
        Path out = tmp.resolve("partial");
        ok("sweep", file, "--out", out, "--threads", 2, "--shard", "1/2", "-q");
        InProcess.Result r = cli("sweep", file, "--out", out, "--shard", "2/2", "--years", 3, "-q");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("sets"), r.err());
        assertEquals(2, cli("sweep", file, "--resume", tmp.resolve("nothing-here"), "-q").code());
    }
}
