package narcosim.cli;

import static narcosim.cli.InProcess.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.experiment.ExperimentDir;

/**
 * compare --reference: changes stated against another strategy (today's effort), the cost per kg kept off still
 * against no campaign; remembered on resume and merge.
 */
class CompareReferenceTest {

    static final String SCENARIO = "scenarios/classroom-balloon.yaml";

    @TempDir
    Path tmp;

    private static Map<String, Map<String, String>> summary(Path dir) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Map<String, String> row : ExperimentDir.records(dir.resolve("summary.csv"))) {
            out.put(row.get("strategy") + "/" + row.get("outcome"), row);
        }
        return out;
    }

    @Test
    void changesAreAgainstTheReferenceAndCostsAgainstNoCampaign() throws Exception {
        Path ref = tmp.resolve("ref");
        Path plain = tmp.resolve("plain");
        InProcess.Result r = cli("compare", SCENARIO, "--years", 2, "-r", 3, "-q", "--no-timeseries",
                "--reference", "integrated", "-o", ref);
        assertEquals(0, r.code(), r.both());
        assertTrue(r.out().contains("change vs integrated"), r.out());
        InProcess.Result p = cli("compare", SCENARIO, "--years", 2, "-r", 3, "-q", "--no-timeseries", "-o", plain);
        assertEquals(0, p.code(), p.both());
        Map<String, Map<String, String>> a = summary(ref);
        Map<String, Map<String, String>> b = summary(plain);
        // The reference has no change; the baseline now has one (against integrated).
        assertEquals("", a.get("integrated/delivered_kg_total").get("diff_vs_baseline"));
        assertFalse(a.get("baseline/delivered_kg_total").get("diff_vs_baseline").isEmpty());
        // Paired differences against integrated are those against baseline, shifted by integrated's own.
        double d = Double.parseDouble(a.get("corridor-crackdown/delivered_kg_total").get("diff_vs_baseline"));
        double d1 = Double.parseDouble(b.get("corridor-crackdown/delivered_kg_total").get("diff_vs_baseline"));
        double d2 = Double.parseDouble(b.get("integrated/delivered_kg_total").get("diff_vs_baseline"));
        assertEquals(d1 - d2, d, 1e-3 * Math.max(1, Math.abs(d)));
        // Costs per kg kept off are the same in both: against no campaign, for every campaign strategy.
        for (String s : List.of("corridor-crackdown", "intelligence-interdiction", "integrated")) {
            assertEquals(b.get(s + "/cost_per_kg_kept_off_usd").get("mean"), a.get(s + "/cost_per_kg_kept_off_usd").get("mean"), s);
        }
        assertFalse(a.containsKey("baseline/cost_per_kg_kept_off_usd"));
        String manifest = Files.readString(ref.resolve("manifest.yaml"));
        assertTrue(manifest.contains("baseline: integrated") && manifest.contains("no_campaign: baseline"), manifest);
        // The report states changes against the reference.
        InProcess.Result rep = cli("report", ref);
        assertEquals(0, rep.code(), rep.both());
        String html = Files.readString(ref.resolve("report.html"));
        assertTrue(html.contains("Change vs reference [95% CI]"), "comparison table header");
        // Going on with another reference is refused.
        InProcess.Result other = cli("compare", SCENARIO, "--years", 2, "-r", 3, "-q", "--no-timeseries", "--resume", ref);
        assertEquals(2, other.code(), other.both());
        assertTrue(other.err().contains("it was started with reference integrated (--reference)"), other.err());
    }

    @Test
    void anUnknownReferenceIsNamedWithTheChoices() {
        Path out = tmp.resolve("never");
        InProcess.Result r = cli("compare", SCENARIO, "--reference", "integrate", "-o", out);
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("--reference: expected one of the compared strategies (baseline, corridor-crackdown, "
                + "intelligence-interdiction, integrated), got 'integrate' (did you mean 'integrated'?)"), r.err());
        assertFalse(Files.exists(out));
    }
}
