package narcosim.cli;

import static narcosim.cli.InProcess.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** narcosim optimize as a user runs it: the files it writes, the same result on any threads and after a kill, errors. */
class OptimizeCommandTest {

    static final String SCENARIO = "scenarios/classroom-balloon.yaml";
    static final String OBJECTIVES = "delivered_kg_total:min,mean_trust_final_year:max";
    /** Files that must come out the same whatever the threads, and after a resume. */
    static final List<String> SAME = List.of("runs.csv", "evaluations.csv", "front.csv", "presets.csv");

    @TempDir
    static Path tmp;

    static Path whole;
    static InProcess.Result first;

    @BeforeAll
    static void optimizeOnce() {
        whole = tmp.resolve("whole");
        first = small("--threads", 2, "-o", whole);
    }

    /** The small optimisation these tests share (1-year runs, 2 replicates, 2 generations of 4), then more options. */
    static InProcess.Result small(Object... more) {
        Object[] head = {"optimize", SCENARIO, "--objectives", OBJECTIVES, "--constraint", "collateral_harm_total<=1000",
            "--years", 1, "-r", 2, "--evaluations", 8, "--population", 4, "--seed", 3, "-q"};
        Object[] all = java.util.Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return cli(all);
    }

    @Test
    void writesTheFrontThePresetsTheScenarioAndTheReport() throws Exception {
        assertEquals(0, first.code(), first.both());
        assertTrue(first.out().contains("Presets against the front"), first.out());
        assertTrue(first.out().contains("corridor-crackdown: "), first.out());
        List<String> front = Files.readAllLines(whole.resolve("front.csv"));
        assertTrue(front.size() >= 2, "a front: " + front);
        assertTrue(front.get(0).startsWith("candidate,kind,runs_as,written_as,generation,on_front,feasible,"
                + "budget_musd_per_year,replicates,seed,share_military,share_police,share_development,share_partnership,"
                + "military.targeting,military.rules_of_engagement,military.focus_region"), front.get(0));
        assertTrue(front.get(0).contains("delivered_kg_total_mean,delivered_kg_total_low,delivered_kg_total_high"));
        assertTrue(front.get(0).contains("collateral_harm_total_mean"), "constraints' outcomes too");
        // Every candidate and the 4 presets, each once.
        List<String> all = Files.readAllLines(whole.resolve("evaluations.csv"));
        assertEquals(4, all.stream().filter(l -> l.contains(",preset,")).count());
        assertEquals(1 + 4 + 8, Files.readAllLines(whole.resolve("runs.csv")).size() / 2 + 1,
                "2 runs per preset and candidate (the 8 candidates distinct here)");
        assertEquals(1 + 4, Files.readAllLines(whole.resolve("presets.csv")).size());
        // The optimised scenario holds the written strategies and runs them.
        Path sc = whole.resolve("classroom-balloon-optimized.yaml");
        String text = Files.readString(sc);
        assertTrue(text.contains("  - id: optimized-1\n"), text);
        assertTrue(text.contains("--set run.years=1"), "the header says which --set the candidates ran with");
        InProcess.Result v = cli("validate", sc);
        assertEquals(0, v.code(), v.both());
        for (String f : List.of("charts/front-delivered_kg_total-vs-mean_trust_final_year.png", "report.html",
                "manifest.yaml")) {
            assertTrue(Files.isRegularFile(whole.resolve(f)), f);
        }
        String page = Files.readString(whole.resolve("report.html"));
        assertTrue(page.contains("The presets against the front") && page.contains("data:image/png;base64,"));
    }

    /** The front is what nothing evaluated beats: no preset (all meet the loose constraint here) dominates a member. */
    @Test
    void noPresetDominatesAFrontMember() throws Exception {
        List<String> rows = Files.readAllLines(whole.resolve("evaluations.csv"));
        List<String> head = List.of(rows.get(0).split(","));
        String[] objectives = OBJECTIVES.split(",");
        java.util.function.Function<String[], double[]> score = r -> {
            double[] x = new double[objectives.length];
            for (int i = 0; i < objectives.length; i++) {
                String[] o = objectives[i].split(":");
                double v = Double.parseDouble(r[head.indexOf(o[0] + "_mean")]);
                x[i] = o[1].equals("max") ? -v : v;
            }
            return x;
        };
        List<double[]> presets = rows.stream().skip(1).map(l -> l.split(",", -1)).filter(r -> r[1].equals("preset"))
                .map(score).toList();
        List<double[]> front = rows.stream().skip(1).map(l -> l.split(",", -1))
                .filter(r -> r[head.indexOf("on_front")].equals("true")).map(score).toList();
        assertTrue(!front.isEmpty());
        for (double[] f : front) {
            for (double[] p : presets) {
                boolean noWorse = true;
                boolean better = false;
                for (int i = 0; i < f.length; i++) {
                    noWorse &= p[i] <= f[i];
                    better |= p[i] < f[i];
                }
                assertFalse(noWorse && better, "a preset dominates a front member: " + java.util.Arrays.toString(p)
                        + " over " + java.util.Arrays.toString(f));
            }
        }
    }

    @Test
    void aWrittenStrategyRunsWhatWasEvaluated() throws Exception {
        // compare on the written file, same seed and years: optimized-1's runs are the candidate's, to the digit.
        Path cmp = tmp.resolve("cmp");
        InProcess.Result c = cli("compare", whole.resolve("classroom-balloon-optimized.yaml"), "--strategies",
                "baseline,optimized-1", "--years", 1, "-r", 2, "--seed", 3, "-q", "-o", cmp);
        assertEquals(0, c.code(), c.both());
        String row = Files.readAllLines(whole.resolve("evaluations.csv")).stream()
                .filter(l -> l.contains(",optimized-1,")).findFirst().orElseThrow();
        String[] head = Files.readAllLines(whole.resolve("evaluations.csv")).get(0).split(",");
        String[] cells = row.split(",");
        int col = List.of(head).indexOf("delivered_kg_total_mean");
        double sum = 0;
        int n = 0;
        for (var rec : narcosim.experiment.ExperimentDir.records(cmp.resolve("runs.csv"))) {
            if (rec.get("strategy").equals("optimized-1")) {
                sum += Double.parseDouble(rec.get("delivered_kg_total"));
                n++;
            }
        }
        assertEquals(2, n);
        assertEquals(Double.parseDouble(cells[col]), sum / n, 1e-6 * Math.abs(sum / n) + 1e-9);
    }

    @Test
    void theSameOnOneThreadAsOnTwo() throws Exception {
        Path one = tmp.resolve("one");
        InProcess.Result r = small("--threads", 1, "-o", one);
        assertEquals(0, r.code(), r.both());
        for (String f : SAME) assertEquals(Files.readString(whole.resolve(f)), Files.readString(one.resolve(f)), f);
    }

    @Test
    void aKilledOptimisationResumesToTheSameFront() throws Exception {
        // As a kill leaves it: the manifest, the first 13 runs (presets and the first generation's start), half a line.
        Path cut = killed(whole, tmp.resolve("cut"), 14);
        InProcess.Result resumed = small("--threads", 2, "--resume", cut);
        assertEquals(0, resumed.code(), resumed.both());
        for (String f : SAME) assertEquals(Files.readString(whole.resolve(f)), Files.readString(cut.resolve(f)), f);
        // Another request cannot go on there.
        InProcess.Result other = cli("optimize", SCENARIO, "--objectives", OBJECTIVES, "--constraint",
                "collateral_harm_total<=1000", "--years", 1, "-r", 3, "--evaluations", 8, "--population", 4, "--seed", 3,
                "-q", "--resume", cut);
        assertEquals(2, other.code(), other.both());
        assertTrue(other.err().contains("it was started with replicates = 2, now 3"), other.err());
    }

    @Test
    void shardsGenerationByGenerationGiveTheSameFront() throws Exception {
        Path dir = tmp.resolve("shards");
        shardGenerations(OptimizeCommandTest::small, dir, 2);
        InProcess.Result done = small("--threads", 2, "--resume", dir);
        assertEquals(0, done.code(), done.both());
        for (String f : SAME) assertEquals(Files.readString(whole.resolve(f)), Files.readString(dir.resolve(f)), f);
    }

    /** An optimisation's directory as a kill leaves it: the manifest, the first {@code lines} of runs.csv, half a line. */
    static Path killed(Path whole, Path cut, int lines) throws java.io.IOException {
        Files.createDirectories(cut);
        Files.copy(whole.resolve("manifest.yaml"), cut.resolve("manifest.yaml"));
        List<String> runs = Files.readAllLines(whole.resolve("runs.csv"));
        Files.writeString(cut.resolve("runs.csv"), String.join("\n", runs.subList(0, lines)) + "\n"
                + runs.get(lines).substring(0, runs.get(lines).length() / 2), StandardCharsets.UTF_8);
        return cut;
    }

    /**
     * As a cluster would: each generation's two shards (here one after the other, {@code run} given the options after
     * the shared ones), until nothing is left; at most {@code generations} rounds.
     */
    static void shardGenerations(java.util.function.Function<Object[], InProcess.Result> run, Path dir,
                                 int generations) {
        int rounds = 0;
        while (true) {
            InProcess.Result a = run.apply(new Object[] {"--threads", 1, "-o", dir, "--shard", "1/2"});
            InProcess.Result b = run.apply(new Object[] {"--threads", 1, "-o", dir, "--shard", "2/2"});
            assertEquals(0, a.code(), a.both());
            assertEquals(0, b.code(), b.both());
            if (a.out().contains("every run of the search is recorded")) break;
            // (the shard that completes a generation goes on with its share of the next)
            assertTrue(a.out().contains("did its share of generation"), a.out());
            assertTrue(++rounds <= generations, generations + " generations: " + a.out());
        }
    }

    @Test
    void objectivesFromASpecFile() throws Exception {
        Path spec = tmp.resolve("goals.yaml");
        Files.writeString(spec, "objectives:\n  - delivered_kg_total: min\n  - mean_trust_final_year: max\n"
                + "constraints:\n  - collateral_harm_total <= 1000\nswitches: [police.vetting]\n");
        Path out = tmp.resolve("spec");
        InProcess.Result r = cli("optimize", SCENARIO, "--spec", spec, "--years", 1, "-r", 2, "--evaluations", 4,
                "--population", 4, "--budget", 250, "-q", "-o", out);
        assertEquals(0, r.code(), r.both());
        String header = Files.readAllLines(out.resolve("front.csv")).get(0);
        assertTrue(header.contains("share_partnership,police.vetting,delivered_kg_total_mean"), "one switch: " + header);
        // Another budget than the file's is written into the optimised scenario, and every row says which.
        assertTrue(Files.readString(out.resolve("classroom-balloon-optimized.yaml"))
                .contains("total_musd_per_year: 250  # as optimised (--budget)"));
        assertTrue(Files.readAllLines(out.resolve("evaluations.csv")).get(1).contains(",250,2,1,"));
        // The file's own budget is left as it was.
        Path same = tmp.resolve("same-budget");
        InProcess.Result s = cli("optimize", SCENARIO, "--spec", spec, "--years", 1, "-r", 2, "--evaluations", 4,
                "--population", 4, "--budget", 300, "-q", "-o", same);
        assertEquals(0, s.code(), s.both());
        assertFalse(Files.readString(same.resolve("classroom-balloon-optimized.yaml")).contains("as optimised (--budget)"));
    }

    @Test
    void badInputIsOneLineExitTwoAndNoDirectory() throws Exception {
        Path out = tmp.resolve("never");
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, "objectives:\n  - delivered_kg_total: min\n  - delivered_kgg: max\n");
        Object[][] cases = {
            {"--objectives", "delivered_kgg:min,mean_trust_final_year:max"},
            {"--objectives", "delivered_kg_total:min"},
            {"--objectives", "delivered_kg_total:lowest,mean_trust_final_year:max"},
            {"--objectives", OBJECTIVES, "--constraint", "collateral_harm_total<lots"},
            {"--objectives", OBJECTIVES, "--switches", "police.vettin"},
            {"--objectives", OBJECTIVES, "--population", 5},
            {"--spec", spec},
        };
        String[] expected = {
            "--objectives: no outcome 'delivered_kgg' (narcosim outcomes lists them)",
            "expected at least two objectives",
            "expected outcome:min or outcome:max",
            "expected outcome<=bound or outcome>=bound",
            "'police.vettin' is not a doctrine switch",
            "--population: expected an even number of at least 4",
            spec + ":3: objectives: no outcome 'delivered_kgg'",
        };
        for (int i = 0; i < cases.length; i++) {
            Object[] args = new Object[cases[i].length + 4];
            args[0] = "optimize";
            args[1] = SCENARIO;
            System.arraycopy(cases[i], 0, args, 2, cases[i].length);
            args[args.length - 2] = "-o";
            args[args.length - 1] = out;
            InProcess.Result r = cli(args);
            assertEquals(2, r.code(), r.both());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out), "no directory left behind");
        }
    }
}
