package narcosim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.cli.InProcess.Result;

/** narcosim patterns end to end: output, results directory, thread independence, skipped patterns, bad input. */
class PatternsCommandTest {

    @TempDir
    Path tmp;

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void balloonOnItsScenarioWritesTheSameFilesWhateverTheThreads() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Result a = InProcess.cli("patterns", "--only", "balloon", "--replicates", "10", "--threads", "1", "-q", "--out", one);
        Result b = InProcess.cli("patterns", "--only", "balloon", "--replicates", "10", "--threads", "2", "-q", "--out", two);
        assertEquals(0, a.code(), a.both());
        assertEquals(0, b.code(), b.both());
        assertTrue(a.out().contains("Pattern 1: Balloon effect"), a.out());
        assertTrue(a.out().contains("criterion: 95% CI above 0.4"), a.out());
        assertTrue(a.out().contains("=> HOLDS"), a.out());
        assertTrue(a.out().contains("weeks until traffic has half moved to the other corridor"), a.out());
        List<Path> fa = files(one);
        assertEquals(List.of(Path.of("figures/pattern1-balloon.png"), Path.of("figures/pattern1-balloon.svg"),
                Path.of("magnitudes.csv"), Path.of("patterns.csv"), Path.of("runs.csv")), fa);
        assertEquals(fa, files(two));
        for (Path f : fa) assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f.toString());
        List<String> csv = Files.readAllLines(one.resolve("patterns.csv"));
        assertTrue(csv.get(0).startsWith("pattern_number,pattern,title,source,scenario,experiment,replicates"), csv.get(0));
        assertEquals(1 + 4, csv.size(), "one row per check");
        assertTrue(csv.get(1).contains(",holds,"), csv.get(1));
    }

    @Test
    void aScenarioRunsWhatItSupportsAndSaysWhatItSkips() throws IOException {
        Path out = tmp.resolve("hm");
        Result r = InProcess.cli("patterns", "scenarios/classroom-hearts-and-minds.yaml", "--only",
                "balloon,trust,development", "--replicates", "2", "--set", "run.years=2", "-q", "--out", out);
        assertEquals(0, r.code(), r.both());
        assertTrue(r.out().contains("SKIPPED:    needs a strategy whose doctrine sets military.focus_region"), r.out());
        assertTrue(r.out().contains("Pattern 4: Collateral harm costs trust"), r.out());
        assertTrue(r.out().contains("heavy-handed under strict vs permissive rules of engagement"), r.out());
        assertTrue(r.out().contains("SKIPPED:    needs at least 6 campaign years; this run has 2 (run.years)"), r.out());
        assertTrue(r.out().contains("(2 skipped)"), r.out());
        String csv = Files.readString(out.resolve("patterns.csv"));
        assertTrue(csv.contains("skipped: needs a strategy whose doctrine sets military.focus_region"), csv);
        assertTrue(Files.exists(out.resolve("figures/pattern4-trust.png")));
        assertFalse(Files.exists(out.resolve("figures/pattern1-balloon.png")));
    }

    /**
     * The second theatre: the default map's balloon is skipped (no Eastern Pacific), and the magnitudes are
     * Europe's (gateway price, markup over Colombia, share through West Africa), not the US transit zone's.
     */
    @Test
    void andesEuropeIsHeldAgainstEuropesFigures() throws IOException {
        Path out = tmp.resolve("ae");
        Result r = InProcess.cli("patterns", "scenarios/andes-europe.yaml", "--only", "balloon-map,seizure-share",
                "--replicates", "2", "--set", "run.years=1", "-q", "--out", out);
        assertEquals(0, r.code(), r.both());
        assertTrue(r.out().contains("SKIPPED:    needs places in the regions eastern-pacific and caribbean"), r.out());
        for (String row : List.of("wholesale price, European market gateway (andes-europe, baseline)",
                "markup, European gateway over Colombia", "share of delivered cocaine through West Africa",
                "wholesale price, Colombia")) {
            assertTrue(r.out().contains(row), row + " in\n" + r.out());
        }
        for (String us : List.of("US market gateway", "Eastern Pacific share", "Operation Martillo")) {
            assertFalse(r.out().contains(us), us + " is the US transit zone's figure:\n" + r.out());
        }
        String mag = Files.readString(out.resolve("magnitudes.csv"));
        assertTrue(mag.contains("European market gateway"), mag);
    }

    @Test
    void withoutReplicatesTheNoisyPatternsRunWhatTheyNeedAndWithItEveryPatternRunsR() throws IOException {
        int trust = narcosim.validation.Patterns.only(List.of("trust")).get(0).replicatesNeeded();
        assertTrue(trust > 10, "pattern 4 needs more than the default 10 replicates: " + trust);
        Path byDefault = tmp.resolve("default");
        Path three = tmp.resolve("three");
        Result a = InProcess.cli("patterns", "scenarios/classroom-hearts-and-minds.yaml", "--only", "trust",
                "--set", "run.years=1", "-q", "--out", byDefault);
        Result b = InProcess.cli("patterns", "scenarios/classroom-hearts-and-minds.yaml", "--only", "trust",
                "--set", "run.years=1", "--replicates", "3", "-q", "--out", three);
        assertEquals(0, a.code(), a.both());
        assertEquals(0, b.code(), b.both());
        assertTrue(a.out().contains(trust + " paired replicates per arm"), a.out());
        assertTrue(b.out().contains("3 paired replicates per arm"), b.out());
        assertFalse(b.out().contains(trust + " paired replicates per arm"), b.out());
    }

    @Test
    void sensitivityReportsTheShareOfPointsWherePatternsHold() throws IOException {
        Path out = tmp.resolve("lhs");
        Result r = InProcess.cli("patterns", "--only", "balloon", "--replicates", "2", "--sensitivity", "3",
                "--sensitivity-replicates", "2", "-q", "--out", out);
        assertEquals(0, r.code(), r.both());
        assertTrue(r.out().contains("Sensitivity: 3 Latin hypercube points, judged by 95% intervals"), r.out());
        assertTrue(r.out().contains("pattern 1 balloon        holds at"), r.out());
        assertTrue(r.out().contains("(2 replicates per arm)"), r.out());
        List<String> rows = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertEquals(4, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(0).startsWith("pattern,point,cartel.loss_tolerance,"), rows.get(0));
        assertTrue(rows.get(0).endsWith(",replicates,verdict,share_of_points_holding,share_of_points_failing"),
                rows.get(0));
        for (String row : rows.subList(1, 4)) {
            assertTrue(row.matches(".*,2,(holds|fails|undecided),.*"), row);
        }
        Result one = InProcess.cli("patterns", "--only", "balloon", "--sensitivity", "2", "--sensitivity-replicates",
                "1", "-q");
        assertEquals(2, one.code(), one.both());
        assertTrue(one.err().contains("--sensitivity-replicates: need at least 2"), one.err());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("scenarios/classroom-balloon.yaml"))
                .replace("total_musd_per_year: 300", "total_musd_per_year: lots"));
        Result r = InProcess.cli("patterns", bad, "--replicates", "2", "-q", "--out", tmp.resolve("x"));
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().startsWith("narcosim: error: " + bad + ":"), r.err());
        assertTrue(r.err().contains("budget.total_musd_per_year"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));

        Result only = InProcess.cli("patterns", "--only", "balloon,nonsense", "-q");
        assertEquals(2, only.code(), only.both());
        assertTrue(only.err().contains("--only: no pattern 'nonsense'; the patterns are balloon, balloon-map, seizure-share"), only.err());
        Result one = InProcess.cli("patterns", "--replicates", "1", "-q");
        assertEquals(2, one.code(), one.both());
        assertTrue(one.err().contains("--replicates: need at least 2"), one.err());
    }

    @Test
    void helpExplainsCriteriaScenariosAndFiles() {
        Result r = InProcess.cli("patterns", "--help");
        assertEquals(0, r.code(), r.both());
        for (String s : List.of("common random numbers", "95% t interval", "exit code is still 0", "skipped",
                "Latin hypercube", "patterns.csv", "--only")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }
}
