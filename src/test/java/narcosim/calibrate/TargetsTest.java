package narcosim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.model.TestModels;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;

/** Targets files: what a valid one gives, and that every mistake is named by file, line and key. */
class TargetsTest {

    static final Scenario SC = TestModels.load(Path.of("scenarios", "central-america.yaml"));

    @TempDir
    Path tmp;

    private static final String HEAD = """
            name: test
            description: two targets
            targets:
            """;

    private static final String SEIZED = """
              - id: seized-share
                outcome: seized_share
                strategy: partnership
                observed: 0.34
                range: [0.25, 0.45]
                sd: 0.05
                unit: share
                window: whole campaign
                source: "Magliocca et al. (2019)"
                verified: true
            """;

    private static final String EP = """
              - id: eastern-pacific
                share_of: [flow_eastern_pacific_kg_total, flow_caribbean_kg_total]
                strategy: baseline
                observed: 0.72
                range: [0.65, 0.8]
                sd: 0.04
                unit: share
                window: whole campaign
                source: "CCDB"
            """;

    private Path file(String text) throws IOException {
        Path f = tmp.resolve("t.yaml");
        Files.writeString(f, text);
        return f;
    }

    private String error(String text) throws IOException {
        Path f = file(text);
        return assertThrows(ScenarioException.class, () -> Targets.load(f, SC, null)).getMessage();
    }

    @Test
    void aValidFileGivesItsTargetsWithTheirStatistics() throws Exception {
        Targets t = Targets.load(file(HEAD + SEIZED + EP), SC, null);
        assertEquals("test", t.name());
        assertEquals(List.of("seized-share", "eastern-pacific"), t.ids());
        Target s = t.target("seized-share");
        assertEquals(new Statistic.Measure("seized_share"), s.statistic());
        assertEquals(0.25, s.low());
        assertTrue(s.verified());
        assertEquals(4, s.line());
        Target e = t.target("eastern-pacific");
        assertEquals(new Statistic.ShareOf("flow_eastern_pacific_kg_total", "flow_caribbean_kg_total"), e.statistic());
        assertFalse(e.verified(), "verified defaults to false");
    }

    @Test
    void everyMistakeNamesFileLineAndKey() throws Exception {
        String f = tmp.resolve("t.yaml").toString();
        assertEquals(f + ":11: targets[1] (seized-share).window: expected one of whole campaign, campaign mean, "
                + "final year, got 'final yeer' (did you mean 'final year'?)",
                error(HEAD + SEIZED.replace("window: whole campaign", "window: final yeer")));
        assertTrue(error(HEAD + SEIZED.replace("strategy: partnership", "strategy: partnershp"))
                .startsWith(f + ":6: targets[1] (seized-share).strategy: expected a strategy of"), "strategy");
        assertTrue(error(HEAD + SEIZED.replace("strategy: partnership", "strategy: partnershp"))
                .endsWith("(did you mean 'partnership'?)"));
        assertTrue(error(HEAD + SEIZED.replace("outcome: seized_share", "outcome: seized_shar"))
                .startsWith(f + ":5: targets[1] (seized-share).outcome: expected a run measure"));
        assertEquals(f + ":8: targets[1] (seized-share).range: expected low <= observed <= high, got [0.4, 0.45] "
                + "around 0.34", error(HEAD + SEIZED.replace("[0.25, 0.45]", "[0.4, 0.45]")));
        assertTrue(error(HEAD + SEIZED.replace("sd: 0.05", "sd: 0")).contains(":9: targets[1] (seized-share).sd: "));
        assertTrue(error(HEAD + SEIZED.replace("sd: 0.05", "sd: '0.05'")).contains("remove the quotes"));
        assertTrue(error(HEAD + SEIZED + SEIZED).contains(":14: targets[2].id: expected an id not used by another "
                + "target, got 'seized-share' a second time"));
        String two = error(HEAD + SEIZED.replace("outcome: seized_share", "outcome: seized_share\n    ratio: [a, b]"));
        assertTrue(two.contains(":6: targets[1] (seized-share): expected exactly one of outcome, share_of, ratio, "
                + "per_year (what the target is compared with), got outcome and ratio"), two);
        assertTrue(error(HEAD + SEIZED.replace("    unit: share\n", "")).contains("targets[1] (seized-share).unit: "
                + "missing; it is required"));
        assertTrue(error(HEAD + SEIZED.replace("verified: true", "verifed: true"))
                .contains("targets[1].verifed: unknown key (did you mean 'verified'?)"));
        assertTrue(error("name: x\ntargets: []\n").contains(":2: targets: expected at least one target"));
        assertTrue(error("- a\n").contains("expected a mapping of the keys name, description, targets"));
    }

    @Test
    void aMeasureMustBeOfTheTargetsWindow() throws Exception {
        String e = error(HEAD + SEIZED.replace("outcome: seized_share", "outcome: price_usd_kg_final_year"));
        assertTrue(e.contains("'price_usd_kg_final_year' is a figure for the final year, but the target's window is "
                + "the whole campaign"), e);
        String rate = error(HEAD + SEIZED.replace("outcome: seized_share", "per_year: price_usd_kg_final_year"));
        assertTrue(rate.contains("expected a whole-campaign total to turn into a yearly rate"), rate);
    }

    @Test
    void measuresAreCheckedAgainstTheRunsWhenTheyAreKnown() throws Exception {
        Path f = file(HEAD + SEIZED + EP);
        Set<String> withoutCaribbean = Set.of("seized_share", "flow_eastern_pacific_kg_total", "flow_caribean_kg_total");
        String e = assertThrows(ScenarioException.class, () -> Targets.load(f, SC, withoutCaribbean)).getMessage();
        assertTrue(e.contains("targets[2] (eastern-pacific).share_of: expected a run measure")
                && e.endsWith("(did you mean 'flow_caribean_kg_total'?)"), e);
    }

    @Test
    void theFitSumsTheTermsOfTheFittedTargetsAndReportsTheHeldOut() throws Exception {
        Targets t = Targets.load(file(HEAD + SEIZED + EP), SC, null);
        Map<String, List<Map<String, Double>>> runs = Map.of(
                "partnership", List.of(Map.of("seized_share", 0.30), Map.of("seized_share", 0.40)),
                "baseline", List.of(Map.of("flow_eastern_pacific_kg_total", 60.0, "flow_caribbean_kg_total", 40.0),
                        Map.of("flow_eastern_pacific_kg_total", 80.0, "flow_caribbean_kg_total", 20.0)));
        Fit fit = Fit.of(t, runs, 10, Set.of());
        Fit.Row s = fit.rows().get(0);
        assertEquals(0.35, s.model().mean(), 1e-12);
        assertTrue(s.within());
        assertEquals(Math.pow((0.35 - 0.34) / 0.05, 2), s.term(), 1e-12);
        Fit.Row e = fit.rows().get(1);
        assertEquals(0.7, e.model().mean(), 1e-12);
        assertEquals(Math.pow((0.7 - 0.72) / 0.04, 2), e.term(), 1e-12);
        assertEquals(s.term() + e.term(), fit.loss(), 1e-12);
        Fit held = Fit.of(t, runs, 10, Set.of("eastern-pacific"));
        assertEquals(s.term(), held.loss(), 1e-12);
        assertTrue(held.rows().get(1).heldOut());
        assertEquals(e.term(), held.rows().get(1).term(), 1e-12, "a held-out target is still reported");
    }

    @Test
    void derivedStatisticsAreTheirFormulas() {
        Map<String, Double> run = Map.of("a", 3.0, "b", 1.0, "z", 0.0);
        assertEquals(0.75, new Statistic.ShareOf("a", "b").of(run, 10), 1e-15);
        assertEquals(3.0, new Statistic.Ratio("a", "b").of(run, 10), 1e-15);
        assertEquals(0.3, new Statistic.PerYear("a").of(run, 10), 1e-15);
        assertTrue(Double.isNaN(new Statistic.Ratio("a", "z").of(run, 10)));
        assertTrue(Double.isNaN(new Statistic.ShareOf("z", "z").of(run, 10)));
    }

    private static final String PARAMS = """
            name: test
            parameters:
              - key: military.interdict_prob
                range: [0.1, 0.9]
                why: no source
              - key: market.yield_kg_per_ha_year
                range: [5, 9]
                scale: log
            targets:
            """;

    @Test
    void parametersToFitAreUncertainModelParametersWithPriorRanges() throws Exception {
        Targets t = Targets.load(file(PARAMS + SEIZED), SC, null);
        assertEquals(List.of("military.interdict_prob", "market.yield_kg_per_ha_year"),
                t.parameters().stream().map(Prior::key).toList());
        Prior p = t.parameters().get(1);
        assertTrue(p.log());
        assertEquals(5, p.value(0), 1e-12);
        assertEquals(9, p.value(1), 1e-12);
        assertEquals(Math.sqrt(45), p.value(0.5), 1e-12, "log scale: the middle is the geometric mean");
        assertEquals(0.5, p.position(Math.sqrt(45)), 1e-12);
        assertEquals(List.of("market.yield_kg_per_ha_year"), t.parameters(List.of("market.yield_kg_per_ha_year"))
                .stream().map(Prior::key).toList());
        String f = tmp.resolve("t.yaml").toString();
        assertEquals(f + ":3: parameters[1].key: expected an uncertain model parameter (narcosim params --role model), "
                + "got 'military.targeting', a strategy's lever: a calibration fits the world the strategies act in, "
                + "never what they choose", error(PARAMS.replace("military.interdict_prob", "military.targeting") + SEIZED));
        assertTrue(error(PARAMS.replace("military.interdict_prob", "military.interdict_prb") + SEIZED)
                .endsWith("(did you mean 'military.interdict_prob'?)"));
        assertEquals(f + ":4: parameters[1] (military.interdict_prob).range: expected low < high within the "
                + "parameter's range [0, 1], got [0.1, 1.5]", error(PARAMS.replace("[0.1, 0.9]", "[0.1, 1.5]") + SEIZED));
        assertTrue(error(PARAMS.replace("[5, 9]", "[0, 9]") + SEIZED).contains("a log scale needs a range above zero"));
        assertTrue(error(PARAMS.replace("market.yield_kg_per_ha_year", "military.interdict_prob")
                .replace("[5, 9]", "[0.2, 0.8]") + SEIZED)
                .contains(":6: parameters[2].key: expected a parameter not listed before"));
        assertTrue(error(PARAMS.replace("scale: log", "scale: logarithmic") + SEIZED)
                .contains("scale: expected linear or log, got 'logarithmic'"));
    }

    /** The shipped transit-zone targets load against the default scenario, each with a source. */
    @Test
    void theShippedTargetsLoad() throws Exception {
        Targets t = Targets.load(Path.of("data", "targets", "transit-zone.yaml"), SC, null);
        assertTrue(t.targets().size() >= 6, t.ids().toString());
        for (Target x : t.targets()) {
            assertFalse(x.source().isBlank(), x.id());
            assertEquals("status-quo", x.strategy(), x.id() + ": today's figures are held against today's effort");
        }
        assertTrue(t.parameters().size() >= 3, "parameters to fit");
        for (Prior p : t.parameters()) assertFalse(p.why().isBlank(), p.key() + ": why this range");
    }
}
