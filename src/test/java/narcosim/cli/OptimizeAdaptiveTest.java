package narcosim.cli;

import static narcosim.cli.InProcess.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import narcosim.experiment.ExperimentDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** narcosim optimize --adaptive: an adaptive strategy's rule thresholds searched with its shares and switches. */
class OptimizeAdaptiveTest {

    static final String OBJECTIVES = "delivered_kg_total:min,mean_trust_final_year:max";
    /** An adaptive strategy added to the classroom scenario: one rule with an id, one without (position 1). */
    static final String ADAPTIVE = """
              - id: adaptive
                name: Adaptive
                description: Moves money from the military to development while trust is low, to police when violence rises.
                shares: {military: 0.6, police: 0.2, development: 0.1, partnership: 0.1}
                doctrine:
                  police.vetting: true
                rules:
                  - id: trust-low
                    indicator: mean_trust
                    below: 0.4
                    move: 0.1
                    from: military
                    to: development
                  - indicator: violent_incidents
                    of: change
                    above: 0.1
                    years: 2
                    move: 0.05
                    from: military
                    to: police
            """;

    @TempDir
    static Path tmp;

    static Path scenario;
    static Path whole;
    static InProcess.Result first;

    @BeforeAll
    static void optimizeOnce() throws Exception {
        String text = Files.readString(Path.of("scenarios/classroom-balloon.yaml"));
        assertTrue(text.contains("\n# Residents:"));
        scenario = tmp.resolve("classroom-adaptive.yaml");
        Files.writeString(scenario, text.replace("\n# Residents:", "\n" + ADAPTIVE + "\n# Residents:"),
                StandardCharsets.UTF_8);
        whole = tmp.resolve("whole");
        first = small("--threads", 2, "-o", whole);
    }

    /** 1-year runs, 2 replicates, 2 generations of 4; trust-low's range given, rule 1's the default for a change. */
    static InProcess.Result small(Object... more) {
        Object[] head = {"optimize", scenario, "--adaptive", "adaptive", "--threshold-range", "trust-low=0.2:0.6",
            "--objectives", OBJECTIVES, "--years", 1, "-r", 2, "--evaluations", 8, "--population", 4, "--seed", 3, "-q"};
        Object[] all = java.util.Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return cli(all);
    }

    static List<Map<String, String>> rows(Path f) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : ExperimentDir.records(f)) out.add(r);
        return out;
    }

    @Test
    void theThresholdsAreSearchedOnTheirRangesAndWritten() throws Exception {
        assertEquals(0, first.code(), first.both());
        assertTrue(first.out().contains("; rules trust-low below "), first.out());
        String header = Files.readAllLines(whole.resolve("front.csv")).get(0);
        assertTrue(header.contains(",eradication.enabled,threshold_trust-low,threshold_1,delivered_kg_total_mean"),
                header);
        Set<String> trust = new TreeSet<>();
        Set<String> change = new TreeSet<>();
        for (Map<String, String> r : rows(whole.resolve("evaluations.csv"))) {
            if (r.get("kind").equals("preset")) {
                // The presets: the adaptive one with its file's thresholds, the others with none.
                boolean adaptive = r.get("runs_as").equals("adaptive");
                assertEquals(adaptive ? "0.4" : "", r.get("threshold_trust-low"), r.toString());
                assertEquals(adaptive ? "0.1" : "", r.get("threshold_1"), r.toString());
                continue;
            }
            assertEquals("adaptive", r.get("runs_as"));
            double t = Double.parseDouble(r.get("threshold_trust-low"));
            double c = Double.parseDouble(r.get("threshold_1"));
            assertTrue(t >= 0.2 && t <= 0.6, "the range given: " + t);
            assertTrue(c >= -0.5 && c <= 0.5, "the default range of a change: " + c);
            // On the grain: thousandths of a range about 1 wide (0.4 wide: ten-thousandths).
            assertEquals(t, Math.round(t * 10000) / 10000.0, 0);
            assertEquals(c, Math.round(c * 1000) / 1000.0, 0);
            trust.add(r.get("threshold_trust-low"));
            change.add(r.get("threshold_1"));
        }
        assertTrue(trust.size() >= 3 && change.size() >= 3, "the thresholds vary: " + trust + " " + change);
        // Written: every written strategy carries the rules with its candidate's thresholds, the rest as in the file.
        String text = Files.readString(whole.resolve("classroom-balloon-optimized.yaml"));
        assertTrue(text.contains("and the rule thresholds of adaptive"), text);
        int written = 0;
        for (Map<String, String> r : rows(whole.resolve("front.csv"))) {
            if (r.get("written_as").isEmpty()) continue;
            written++;
            String block = text.substring(text.indexOf("  - id: " + r.get("written_as") + "\n"));
            block = block.substring(0, block.indexOf("\n# Residents:"));
            int next = block.indexOf("  - id: optimized-", 5);
            if (next > 0) block = block.substring(0, next);
            assertTrue(block.contains("      - id: trust-low\n        indicator: mean_trust\n        below: "
                    + r.get("threshold_trust-low") + "\n        move: 0.1\n"), block);
            assertTrue(block.contains("      - indicator: violent_incidents\n        of: change\n        above: "
                    + r.get("threshold_1") + "\n        years: 2\n        move: 0.05\n        from: military\n"), block);
        }
        assertTrue(written >= 1);
        InProcess.Result v = cli("validate", whole.resolve("classroom-balloon-optimized.yaml"));
        assertEquals(0, v.code(), v.both());
        String manifest = Files.readString(whole.resolve("manifest.yaml")).replaceAll("\\s+", " ");
        assertTrue(manifest.contains("trust-low below 0.2 to 0.6 in steps of 0.0001 (given)"), manifest);
        assertTrue(manifest.contains("1 above -0.5 to 0.5 in steps of 0.001 (default for a "
                + "change)"), manifest);
        String page = Files.readString(whole.resolve("report.html"));
        assertTrue(page.contains("<th>rule thresholds</th>") && page.contains("trust-low below "), "the page shows them");
    }

    @Test
    void compareOnTheWrittenFileRunsTheCandidate() throws Exception {
        Path cmp = tmp.resolve("cmp");
        InProcess.Result c = cli("compare", whole.resolve("classroom-balloon-optimized.yaml"), "--strategies",
                "adaptive,optimized-1", "--years", 1, "-r", 2, "--seed", 3, "-q", "-o", cmp);
        assertEquals(0, c.code(), c.both());
        Map<String, String> cand = rows(whole.resolve("evaluations.csv")).stream()
                .filter(r -> r.get("written_as").equals("optimized-1")).findFirst().orElseThrow();
        for (String o : List.of("delivered_kg_total", "mean_trust_final_year")) {
            double sum = 0;
            int n = 0;
            for (Map<String, String> r : ExperimentDir.records(cmp.resolve("runs.csv"))) {
                if (r.get("strategy").equals("optimized-1")) {
                    sum += Double.parseDouble(r.get(o));
                    n++;
                }
            }
            assertEquals(2, n);
            double mean = Double.parseDouble(cand.get(o + "_mean"));
            assertEquals(mean, sum / n, 1e-6 * Math.abs(mean) + 1e-9, o);
        }
    }

    @Test
    void withSearchMovesTheRulesMovesAreSearchedToo() throws Exception {
        Path out = tmp.resolve("moves");
        InProcess.Result r = cli("optimize", scenario, "--adaptive", "adaptive", "--search-moves", "--objectives",
                OBJECTIVES, "--years", 1, "-r", 2, "--evaluations", 4, "--population", 4, "--seed", 3, "-q", "-o", out);
        assertEquals(0, r.code(), r.both());
        String header = Files.readAllLines(out.resolve("evaluations.csv")).get(0);
        assertTrue(header.contains(",threshold_trust-low,threshold_1,move_trust-low,move_1,"), header);
        Set<String> moves = new TreeSet<>();
        for (Map<String, String> row : rows(out.resolve("evaluations.csv"))) {
            if (row.get("runs_as").equals("adaptive") && row.get("kind").equals("preset")) {
                assertEquals("0.1", row.get("move_trust-low"));
                assertEquals("0.05", row.get("move_1"));
            }
            if (!row.get("kind").equals("searched")) continue;
            double m = Double.parseDouble(row.get("move_trust-low"));
            assertTrue(m >= 0 && m <= 0.3 && m == Math.round(m * 1000) / 1000.0, "0 to 0.3 in thousandths: " + m);
            moves.add(row.get("move_trust-low"));
        }
        assertTrue(moves.size() >= 3, "the moves vary: " + moves);
        String text = Files.readString(out.resolve("classroom-balloon-optimized.yaml"));
        Map<String, String> one = rows(out.resolve("evaluations.csv")).stream()
                .filter(x -> x.get("written_as").equals("optimized-1")).findFirst().orElseThrow();
        assertTrue(text.contains("        below: " + one.get("threshold_trust-low") + "\n        move: "
                + one.get("move_trust-low") + "\n"), text);
    }

    @Test
    void aKilledAdaptiveSearchResumesToTheSameFront() throws Exception {
        // Killed after the presets (5 x 2 runs) and part of the first generation.
        Path cut = OptimizeCommandTest.killed(whole, tmp.resolve("cut"), 16);
        InProcess.Result resumed = small("--threads", 1, "--resume", cut);
        assertEquals(0, resumed.code(), resumed.both());
        for (String f : OptimizeCommandTest.SAME) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(cut.resolve(f)), f);
        }
        // Other ranges are another search.
        InProcess.Result other = cli("optimize", scenario, "--adaptive", "adaptive", "--threshold-range",
                "trust-low=0.1:0.6", "--objectives", OBJECTIVES, "--years", 1, "-r", 2, "--evaluations", 8,
                "--population", 4, "--seed", 3, "-q", "--resume", cut);
        assertEquals(2, other.code(), other.both());
        assertTrue(other.err().contains("threshold_ranges"), other.err());
    }

    @Test
    void shardsOfAnAdaptiveSearchGiveTheSameFront() throws Exception {
        Path dir = tmp.resolve("shards");
        OptimizeCommandTest.shardGenerations(OptimizeAdaptiveTest::small, dir, 2);
        InProcess.Result done = small("--threads", 2, "--resume", dir);
        assertEquals(0, done.code(), done.both());
        for (String f : OptimizeCommandTest.SAME) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(dir.resolve(f)), f);
        }
    }

    @Test
    void badAdaptiveInputIsOneLineExitTwoAndNoDirectory() {
        Path out = tmp.resolve("never");
        Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("--adaptive", "adaptiv"), "--adaptive: no strategy 'adaptiv' in the scenario; its adaptive "
                + "strategies: adaptive (did you mean 'adaptive'?)");
        cases.put(List.of("--adaptive", "baseline"), "--adaptive: strategy 'baseline' has no rules");
        cases.put(List.of("--threshold-range", "trust-low=0.2:0.6"), "--threshold-range: ranges are for the rules of "
                + "an adaptive strategy: give it with --adaptive ID");
        cases.put(List.of("--search-moves"), "--search-moves: moves are the rules' of an adaptive strategy: give it "
                + "with --adaptive ID");
        cases.put(List.of("--adaptive", "adaptive", "--threshold-range", "trust-lo=0.2:0.6"),
                "--threshold-range: strategy 'adaptive' has no rule 'trust-lo'; its rules: trust-low, 1");
        cases.put(List.of("--adaptive", "adaptive", "--threshold-range", "trust-low=0.6:0.2"),
                "expected LOW below HIGH for rule 'trust-low'");
        cases.put(List.of("--adaptive", "adaptive", "--threshold-range", "1=low:high"),
                "expected numbers LOW:HIGH for rule '1', got 'low:high'");
        cases.put(List.of("--adaptive", "adaptive", "--threshold-range", "trust-low"),
                "expected RULE=LOW:HIGH (e.g. trust-low=0.2:0.6), got 'trust-low'");
        for (Map.Entry<List<String>, String> e : cases.entrySet()) {
            List<Object> args = new ArrayList<>(List.of("optimize", scenario, "--objectives", OBJECTIVES));
            args.addAll(e.getKey());
            args.addAll(List.of("-o", out));
            InProcess.Result r = cli(args.toArray());
            assertEquals(2, r.code(), r.both());
            assertTrue(r.err().contains(e.getValue()), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out), "no directory left behind");
        }
    }
}
