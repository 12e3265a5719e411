package narcosim.cli;

import static narcosim.cli.ExperimentFixtures.BALLOON;
import static narcosim.cli.ExperimentFixtures.cli;
import static narcosim.cli.ExperimentFixtures.ok;
import static narcosim.cli.ExperimentFixtures.sweepFile;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import narcosim.experiment.ExperimentDir;
import narcosim.experiment.Shard;

/**
 * Nothing the user has is lost: every command that writes output refuses a path that exists (a file, a
 * directory, the working directory, its parent) or cannot be made (under a file), says so in one line
 * and exits 2, and leaves everything as it was.
 */
class OutputSafetyTest {

    @TempDir
    Path tmp;

    /** The output-writing commands, each as short as it can be, without the output option. */
    private List<Object> command(String which) throws IOException {
        Files.createDirectories(tmp.resolve("inputs"));
        return switch (which) {
            case "run" -> new ArrayList<>(List.of("run", BALLOON, "--years", 1, "-q"));
            case "compare" -> new ArrayList<>(List.of("compare", BALLOON, "--years", 1, "--replicates", 2, "-q"));
            case "sweep" -> new ArrayList<>(List.of("sweep", sweepFile(tmp.resolve("inputs"), "tiny",
                    "strategies: [baseline]\nset: [run.years=1]\nreplicates: 1\ndesign: {type: grid}\nparameters:\n"
                            + "  cartel.loss_tolerance: {levels: [0.1, 0.2]}\n"), "-q"));
            case "patterns" -> new ArrayList<>(List.of("patterns", BALLOON, "--only", "balloon", "--replicates", 2,
                    "--set", "run.years=1", "-q"));
            default -> throw new IllegalArgumentException(which);
        };
    }

    /** Every file and directory below {@code dir} with its contents: what must not change. */
    private static TreeMap<String, String> snapshot(Path dir) throws IOException {
        TreeMap<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void assertRefused(InProcess.Result r, String... words) {
        assertAll(() -> assertEquals(2, r.code(), r.both()),
                () -> assertTrue(r.err().startsWith("narcosim: error: "), r.err()),
                () -> assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err()),
                () -> assertFalse(r.err().contains("Exception"), r.err()));
        for (String w : words) assertTrue(r.err().contains(w), "'" + w + "' in: " + r.err());
    }

    /** The user's things: a file, a full directory, an empty directory. */
    private Path userFiles() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("thesis/chapters"));
        Files.writeString(home.resolve("notes.txt"), "my notes");
        Files.writeString(home.resolve("thesis/chapters/one.tex"), "\\chapter{One}");
        Files.createDirectories(home.resolve("empty"));
        return home;
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "compare", "sweep", "patterns"})
    void existingFilesAndDirectoriesAreNeverWrittenInto(String which) throws IOException {
        Path home = userFiles();
        TreeMap<String, String> before = snapshot(home);
        for (String target : List.of("notes.txt", "thesis", "empty", "notes.txt/under")) {
            for (String option : List.of("--out", "-o")) {
                List<Object> args = command(which);
                args.addAll(List.of(option, home.resolve(target)));
                InProcess.Result r = cli(args.toArray());
                assertRefused(r, target.endsWith("under") ? "is a file, not a directory" : "exists");
            }
        }
        assertEquals(before, snapshot(home), "nothing changed");
    }

    /** {@code .}, {@code ''} and {@code ..} name the working directory and its parent: run in a child JVM there. */
    @ParameterizedTest
    @ValueSource(strings = {"run", "compare", "sweep", "patterns"})
    void theWorkingDirectoryAndItsParentAreNeverWrittenInto(String which) throws Exception {
        Path home = userFiles();
        Path work = home.resolve("thesis");
        TreeMap<String, String> before = snapshot(home);
        for (String target : List.of(".", "", "..")) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "narcosim.cli.Main"));
            for (Object a : command(which)) cmd.add(String.valueOf(a));
            cmd.addAll(List.of("--out", target));
            Process p = new ProcessBuilder(cmd).directory(work.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertRefused(new InProcess.Result(p.exitValue(), out, err), "exists");
        }
        assertEquals(before, snapshot(home), "nothing changed");
    }

    @Test
    void runWithoutOutKeepsAnEarlierResultAndWritesBeside() throws Exception {
        Path work = tmp.resolve("work");
        Files.createDirectories(work);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "narcosim.cli.Main",
                "run", BALLOON.toString(), "--years", "1", "-q"));
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
            dirs.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), dirs.get(i));
        }
        assertEquals(List.of("results/classroom-balloon-baseline-s1", "results/classroom-balloon-baseline-s1-2"), dirs);
        assertTrue(Files.exists(work.resolve(dirs.get(0)).resolve("summary.csv")));
        assertTrue(Files.exists(work.resolve(dirs.get(1)).resolve("summary.csv")));
    }

    @Test
    void screenshotNeverReplacesAFile() throws IOException {
        Path shot = tmp.resolve("lesson.png");
        Files.writeString(shot, "not a picture, but mine");
        assertRefused(cli("gui", BALLOON, "--weeks", 2, "--screenshot", shot), "exists");
        assertEquals("not a picture, but mine", Files.readString(shot));
    }

    // ------------------------------------------------------------------ two processes, one directory

    @Test
    void aSecondProcessOnTheSameExperimentIsRefusedWithWhoHoldsIt() throws Exception {
        Path out = tmp.resolve("busy");
        Files.createDirectories(out.resolve("parts"));
        // Another process holds shard 1 of 1: a child JVM that takes the lock and waits.
        Process holder = lockHolder(out, "1/1");
        try {
            InProcess.Result r = cli("compare", BALLOON, "--years", 1, "--replicates", 2, "-q", "--resume", out);
            assertRefused(r, "is in use", "pid " + holder.pid());
            assertFalse(Files.exists(out.resolve("parts/runs-1-of-1.csv")), "the second process ran nothing");
            // The shards of one experiment lock separately and run side by side.
            assertEquals(0, cli("compare", BALLOON, "--years", 1, "--replicates", 2, "-q", "--out",
                    tmp.resolve("sharded"), "--shard", "2/2").code());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // The lock goes with the process, however it ended (here SIGKILL): the experiment can be resumed.
        InProcess.Result again = cli("compare", BALLOON, "--years", 1, "--replicates", 2, "-q", "--resume", out);
        assertEquals(0, again.code(), again.both());
    }

    @Test
    void shardsOfOneExperimentTakeSeparateLocks() throws Exception {
        ExperimentDir dir = new ExperimentDir(tmp.resolve("shards"));
        try (ExperimentDir.Lock a = dir.lockShard(new Shard(1, 2)); ExperimentDir.Lock b = dir.lockShard(new Shard(2, 2))) {
            assertTrue(Files.exists(dir.parts().resolve("lock-1-of-2")));
            assertTrue(Files.exists(dir.parts().resolve("lock-2-of-2")));
        }
    }

    /** A child JVM that locks a shard of {@code dir} and waits to be killed; returns once it holds the lock. */
    private static Process lockHolder(Path dir, String shard) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString(), shard)
                .redirectErrorStream(true).start();
        String line = new String(p.getInputStream().readNBytes(5), StandardCharsets.UTF_8);
        assertEquals("held\n", line, "the child holds the lock");
        return p;
    }

    /** Main of the child JVM in {@link #lockHolder}. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            ExperimentDir.Lock lock = new ExperimentDir(Path.of(args[0])).lockShard(Shard.parse(args[1]));
            System.out.print("held\n");
            System.out.flush();
            Thread.sleep(120_000);
            lock.close();
        }
    }

    // ------------------------------------------------------------------ damaged experiment files

    private Path finishedCompare(String name) {
        Path out = tmp.resolve(name);
        ok("compare", BALLOON, "--years", 1, "--replicates", 2, "--strategies", "baseline,integrated", "-q",
                "--out", out);
        return out;
    }

    @Test
    void mergeRefusesARowCutShortAndWritesNothing() throws IOException {
        Path out = finishedCompare("cut");
        Path part = out.resolve("parts/runs-1-of-1.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(part));
        String row = lines.get(2);
        lines.set(2, row.substring(0, row.indexOf(',', row.indexOf(',', row.indexOf(',') + 1) + 1)));
        Files.write(part, lines);
        Files.delete(out.resolve("runs.csv"));
        InProcess.Result r = cli("merge", out);
        assertRefused(r, "runs-1-of-1.csv:3", "fields");
        assertFalse(Files.exists(out.resolve("runs.csv")), "merge writes nothing before every row is checked");
    }

    @Test
    void mergeRefusesAValueThatIsNotANumber() throws IOException {
        Path out = finishedCompare("garbled");
        Path part = out.resolve("parts/runs-1-of-1.csv");
        String text = Files.readString(part);
        int last = text.lastIndexOf(',', text.length() - 2);
        Files.writeString(part, text.substring(0, last + 1) + "lots\n");
        Files.delete(out.resolve("runs.csv"));
        assertRefused(cli("merge", out), "not a number");
        assertFalse(Files.exists(out.resolve("runs.csv")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage: [unclosed", "just text", "request: 42\n", "request: {kind: compare}\n",
        "x: &a [*a]\n", "\u0000\u00ff\u00fe"})
    void aDamagedManifestIsOneClearErrorEverywhere(String manifest) throws IOException {
        Path out = finishedCompare("damaged");
        Files.writeString(out.resolve("manifest.yaml"), manifest, StandardCharsets.ISO_8859_1);
        for (InProcess.Result r : List.of(cli("merge", out), cli("report", out),
                cli("compare", BALLOON, "--years", 1, "--replicates", 2, "--strategies", "baseline,integrated", "-q",
                        "--resume", out),
                cli("run", BALLOON, "--from", out, "--run", 0, "--out", tmp.resolve("again")))) {
            assertRefused(r, "manifest.yaml");
        }
        assertFalse(Files.exists(tmp.resolve("again")));
    }

    // ------------------------------------------------------------------ small things

    @Test
    void temporaryFilesAreGoneWhenAResumedExperimentCompletes() throws IOException {
        Path out = finishedCompare("tidy");
        Files.writeString(out.resolve(".runs.csv.partial-abc123"), "half");
        Files.writeString(out.resolve("parts/.runs-1-of-1.csv.partial-def456"), "half");
        Files.createDirectories(out.resolve(".charts.partial-ghi789"));
        Files.delete(out.resolve("runs.csv"));
        ok("compare", BALLOON, "--years", 1, "--replicates", 2, "--strategies", "baseline,integrated", "-q",
                "--resume", out);
        try (Stream<Path> s = Files.walk(out)) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.contains("partial")).toList();
            assertEquals(List.of(), left);
        }
    }

    @Test
    void oneReplicateGivesEmptyCellsNotNaN() throws IOException {
        Path out = tmp.resolve("single");
        ok("compare", BALLOON, "--years", 1, "--replicates", 1, "--strategies", "baseline,integrated", "-q", "--out", out);
        String summary = Files.readString(out.resolve("summary.csv"));
        assertFalse(summary.contains("NaN"), summary);
        List<java.util.Map<String, String>> rows = ExperimentFixtures.maps(out.resolve("summary.csv"));
        assertEquals("", rows.get(0).get("sd"), "an sd of one replicate is undefined: an empty cell");
        assertEquals("", rows.get(0).get("ci_low"));
        assertFalse(rows.get(0).get("mean").isEmpty());
    }

    @Test
    void aStrategyListedTwiceIsAnError() {
        assertRefused(cli("compare", BALLOON, "--years", 1, "--replicates", 2, "--strategies", "baseline,baseline",
                "-q", "--out", tmp.resolve("twice")), "listed twice");
        assertFalse(Files.exists(tmp.resolve("twice")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN", "comapre"})
    void anUnknownCommandWithHelpIsStillUnknown(String word) {
        InProcess.Result r = cli(word, "--help");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().startsWith("narcosim: error: unknown command '" + word + "'"), r.err());
        assertEquals("", r.out());
        if (word.equals("comapre")) assertTrue(r.err().contains("did you mean 'compare'"), r.err());
    }

    @Test
    void resultsAreReadableByOthersUnderTheUsersUmask() throws IOException {
        // What the umask allows: a file and a directory created plainly beside the results.
        Path probeFile = Files.createFile(tmp.resolve("probe.txt"));
        Path probeDir = Files.createDirectory(tmp.resolve("probe-dir"));
        var filePerms = Files.getPosixFilePermissions(probeFile);
        var dirPerms = Files.getPosixFilePermissions(probeDir);
        Path run = tmp.resolve("modes-run");
        ok("run", BALLOON, "--years", 1, "-q", "--out", run);
        Path exp = finishedCompare("modes-compare");
        for (Path d : List.of(run, exp, exp.resolve("parts"), exp.resolve("charts"))) {
            assertEquals(dirPerms, Files.getPosixFilePermissions(d), d.toString());
        }
        for (Path f : List.of(run.resolve("summary.csv"), exp.resolve("runs.csv"), exp.resolve("summary.csv"),
                exp.resolve("manifest.yaml"), exp.resolve("report.html"))) {
            assertEquals(filePerms, Files.getPosixFilePermissions(f), f.toString());
        }
    }
}
