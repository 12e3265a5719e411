package narcosim.cli;

import static narcosim.cli.ExperimentFixtures.cli;
import static narcosim.cli.ExperimentFixtures.maps;
import static narcosim.cli.ExperimentFixtures.ok;
import static narcosim.cli.ExperimentFixtures.sweepFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.metrics.Outcome;
import narcosim.metrics.Outcomes;

/**
 * Sweeps that tell the truth (issue 15, item 5): findings are paired effects against the reference strategy and
 * parameter effects with 95% intervals, stated only when the interval excludes zero; a strategy with no military
 * is not said to be moved by a military parameter; the terminal prints the same findings as report.html.
 */
class SweepFindingsTest {

    @TempDir
    Path tmp;

    // Seed 5: the grid's points have seeds of their own, so a parameter that moves nothing (the boats' sweep width in
    // the baseline) still has an effect whose 95% interval excludes zero for about 1 outcome in 20. At seed 5 that
    // happened to delivered kg once issue 16's resident event streams changed the draws (-1444 [-2491, -397]; before:
    // 300 [-1278, 1877]); over seeds 1-9 after, 2 of the 27 intervals excluded zero (seeds 5 and 8): noise.
    // Issue 16's decisions drawn 64 at a time changed the draws again: over seeds 1-8, main's jar (2f29a9f) had 2 of 24
    // intervals excluding zero (seed 3), the new draws 4 of 24 (seeds 1, 2, 4); seed 5 has none in either.
    static final String BODY = """
            strategies: [baseline, corridor-crackdown]
            set: [run.years=2]
            replicates: 3
            seed: 5
            design: {type: grid}
            parameters:
              military.sweep_width_boat_km: {levels: [5, 20, 40]}
              cartel.loss_tolerance: {levels: [0.02, 0.3]}
            outcomes: [delivered_kg_total, seized_share, through_east_corridor_kg_total]
            """;

    @Test
    void findingsArePairedEffectsWithIntervalsAndNoiseIsNotAFinding() throws IOException {
        Path file = sweepFile(tmp, "truth", BODY);
        Path out = tmp.resolve("sweep");
        InProcess.Result r = ok("sweep", file, "-q", "--out", out);
        List<Map<String, String>> effects = maps(out.resolve("effects.csv"));
        // the baseline has no military: a military parameter moves none of its outcomes beyond noise
        List<Map<String, String>> military = effects.stream().filter(e -> e.get("strategy").equals("baseline")
                && e.get("parameter").equals("military.sweep_width_boat_km")).toList();
        assertEquals(3, military.size(), "one effect per outcome");
        for (Map<String, String> e : military) {
            assertEquals("false", e.get("distinguishable"), "noise is not a finding: " + e);
            double lo = Double.parseDouble(e.get("ci_low"));
            double hi = Double.parseDouble(e.get("ci_high"));
            assertTrue(lo <= 0 && hi >= 0, e.toString());
        }
        // (The crackdown's lines "vs baseline, military..." are its own parameter effect against the baseline's: the
        // crackdown has a military. At seed 1 with issue 16's table gaps its sweep width's effect on delivered kg
        // against the baseline's is -1.91 [-3.79, -0.024] t and is listed, rightly.)
        assertFalse(r.out().lines().anyMatch(l -> l.contains("baseline, military") && !l.contains("vs baseline, military"))
                || sectionOf(r.out(), "baseline").contains("military."),
                "the terminal names no military parameter for the baseline:\n" + r.out());
        // the crackdown against the baseline: paired, with an interval, stated in the catalogue's terms
        Map<String, String> vs = effects.stream().filter(e -> e.get("strategy").equals("corridor-crackdown")
                && e.get("outcome").equals("through_east_corridor_kg_total") && e.get("effect").equals("vs_reference"))
                .findFirst().orElseThrow();
        assertEquals("baseline", vs.get("reference"));
        assertEquals("true", vs.get("distinguishable"), "the crackdown empties the east corridor: " + vs);
        Outcome east = Outcomes.measure("through_east_corridor_kg_total");
        String change = east.change(d(vs, "estimate"), d(vs, "ci_low"), d(vs, "ci_high"), d(vs, "reference_mean"));
        assertTrue(r.out().contains("change vs baseline [95% CI], paired"), r.out());
        assertTrue(r.out().contains(change), "the terminal shows " + change + ":\n" + r.out());
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8).replace('\u2212', '-');
        assertTrue(html.contains("against baseline, paired run by run: " + change), "report.html states the same change");
        assertFalse(html.contains("moves it by"), "no unqualified range-of-means findings");
        assertTrue(r.out().contains("listed only when the interval excludes"), r.out());
        assertTrue(html.contains("Results directory: sweep."), "the directory's real name, not the sweep's");
        String manifest = Files.readString(out.resolve("manifest.yaml"), StandardCharsets.UTF_8);
        assertTrue(manifest.lines().anyMatch(l -> l.matches("finished: '?\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ'?")),
                "times to the second, not the nanosecond:\n" + manifest);
    }

    @Test
    void aNamedReferenceAndAWrongOne() throws IOException {
        Path file = sweepFile(tmp, "ref", BODY);
        InProcess.Result r = ok("sweep", file, "-q", "--reference", "corridor-crackdown", "--out", tmp.resolve("a"));
        assertTrue(r.out().contains("change vs corridor-crackdown"), r.out());
        List<Map<String, String>> effects = maps(tmp.resolve("a").resolve("effects.csv"));
        assertTrue(effects.stream().anyMatch(e -> e.get("strategy").equals("baseline") && e.get("effect").equals(
                "vs_reference") && e.get("reference").equals("corridor-crackdown")));
        InProcess.Result bad = cli("sweep", file, "-q", "--reference", "corridor-crackdwn", "--out", tmp.resolve("b"));
        assertEquals(2, bad.code(), bad.both());
        assertEquals("narcosim: error: --reference: expected one of the sweep's strategies (baseline, corridor-crackdown),"
                + " got 'corridor-crackdwn' (did you mean 'corridor-crackdown'?)", bad.err().strip());
        assertFalse(Files.exists(tmp.resolve("b")), "nothing written for bad input");
    }

    private static double d(Map<String, String> e, String k) {
        return Double.parseDouble(e.get(k));
    }

    /** The terminal's lines for a strategy, up to the next strategy or outcome. */
    private static String sectionOf(String out, String strategy) {
        StringBuilder sb = new StringBuilder();
        boolean in = false;
        for (String line : out.lines().toList()) {
            if (line.startsWith("  " + strategy + " ")) in = true;
            else if (!line.startsWith("      ")) in = false;
            if (in) sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
