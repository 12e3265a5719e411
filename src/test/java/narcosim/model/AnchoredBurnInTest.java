package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.metrics.Event;
import narcosim.scenario.ParamValues;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;

/**
 * The anchored burn-in (ODD 7.23): a scenario's {@code burn_in} section runs the burn-in under one of its
 * strategies at its own budget, so that the market's reference point is the world under that campaign; when the
 * run's own campaign starts the burn-in's is retired, and every strategy of a comparison meets the same world.
 */
class AnchoredBurnInTest {

    static final Path DEFAULT = Path.of("scenarios", "central-america.yaml");
    static final int BURN_IN = 16;
    static final String[] ANCHORED = {"run.burn_in_weeks=" + BURN_IN, "burn_in.strategy=status-quo",
        "burn_in.budget_musd_per_year=2700"};

    @Test
    void theBurnInRunsUnderTheAnchorWhichIsRetiredWhenTheRunsCampaignStarts() {
        NarcoModel m = TestModels.started(TestModels.load(DEFAULT, ANCHORED), "baseline", 4);
        long[] militarySeizures = new long[2];
        double[] spent = new double[2];
        m.events().register(e -> {
            int when = m.week() < 0 ? 0 : 1;
            if (e instanceof Event.Seized s && s.by() == Event.Agency.MILITARY) militarySeizures[when]++;
            else if (e instanceof Event.Spent s) spent[when] += s.usd();
        });
        TestModels.steps(m, 2);
        assertNotSame(m.strategyCampaign(), m.campaign(), "during the burn-in the anchor acts");
        assertTrue(m.campaign().deployed() && !m.campaign().military().isEmpty(), "the anchor has forces posted");
        assertTrue(!m.strategyCampaign().deployed(), "the run's campaign waits for the burn-in's end");
        TestModels.steps(m, BURN_IN - 2 + 30);
        assertSame(m.strategyCampaign(), m.campaign(), "after the burn-in the run's campaign acts");
        assertTrue(militarySeizures[0] > 0, "the anchor seizes during the burn-in");
        assertTrue(spent[0] > 0, "and spends");
        assertEquals(0, militarySeizures[1], "no campaign after the burn-in: no military seizure");
        assertEquals(0.0, spent[1], "and nothing spent");
    }

    @Test
    void everyStrategyMeetsTheSameWorldAtTheCampaignsStart() {
        Scenario sc = TestModels.load(DEFAULT, ANCHORED);
        NarcoModel a = TestModels.started(sc, "baseline", 9);
        NarcoModel b = TestModels.started(sc, "military-surge", 9);
        TestModels.steps(a, BURN_IN);
        TestModels.steps(b, BURN_IN);
        for (int i = 0; i < a.population().communities().size(); i++) {
            assertEquals(a.population().communities().get(i).meanTrust(), b.population().communities().get(i).meanTrust(),
                    0.0, "the same residents' trust at the burn-in's end");
        }
        assertEquals(a.totals().deliveredKg(), b.totals().deliveredKg(), "the same deliveries");
        // The campaign's first week begins by fixing the market's reference point, before either campaign acts.
        TestModels.steps(a, 1);
        TestModels.steps(b, 1);
        assertTrue(a.markets().calibrated() && b.markets().calibrated());
        double ref = a.markets().referencePrice();
        assertEquals(a.markets().referenceSupply(), b.markets().referenceSupply(), 0.0, "the same reference supply");
    }

    @Test
    void theAnchorsSeizuresLowerTheReferenceSupply() {
        // At the default burn-in of 52 weeks enough journeys end in the calibration window for the delivered share
        // to be counted (a shorter one falls back on the routine risks, which know no campaign: ODD 7.23).
        double anchored = reference(TestModels.load(DEFAULT, "burn_in.strategy=status-quo",
                "burn_in.budget_musd_per_year=2700"), 52);
        double free = reference(TestModels.load(DEFAULT, "burn_in=none"), 52);
        assertTrue(anchored < 0.9 * free, "reference supply under today's effort " + anchored + " against " + free
                + " without a campaign");
    }

    private static double reference(Scenario sc, int burnIn) {
        NarcoModel m = TestModels.started(sc, "baseline", 2);
        TestModels.steps(m, burnIn + 1);
        return m.markets().referenceSupply();
    }

    @Test
    void theAnchorKeepsItsOwnLeversAndTakesTheRunsWorld() throws ScenarioException {
        Scenario sc = TestModels.load(DEFAULT, ANCHORED);
        ParamValues run = sc.forStrategy("military-surge", 1).params().with("market.demand_elasticity", -1.1);
        ParamValues anchor = sc.burnInParams(run);
        assertEquals("permissive", run.text("military.rules_of_engagement"));
        assertEquals("strict", anchor.text("military.rules_of_engagement"), "status quo's doctrine, not the surge's");
        assertEquals(-1.1, anchor.real("market.demand_elasticity"), 0.0, "model parameters are the run's");
        Scenario plain = TestModels.load(DEFAULT, "burn_in=none");
        assertNull(plain.burnIn());
        assertNull(plain.burnInParams(run));
    }

    @Test
    void theResolvedScenarioOfARunReplaysItsAnchoredBurnIn() throws ScenarioException {
        // The run's strategy is the anchor itself with a lever changed by --set: the resolved file must still give
        // the burn-in the anchor's own lever and the run the changed one.
        Scenario sc = TestModels.load(DEFAULT, "run.burn_in_weeks=" + BURN_IN, "burn_in.strategy=status-quo",
                "military.rules_of_engagement=permissive");
        var cfg = sc.forStrategy("status-quo", 5);
        String yaml = narcosim.experiment.ScenarioWriter.yaml(cfg);
        Scenario again = ScenarioLoader.load("resolved.yaml", yaml, List.of());
        var cfg2 = again.forStrategy("status-quo", 5);
        assertEquals(cfg.params(), cfg2.params(), "the run's parameters");
        assertEquals(sc.burnInParams(cfg.params()), again.burnInParams(cfg2.params()), "the burn-in's parameters");
        assertEquals("strict", again.burnInParams(cfg2.params()).text("military.rules_of_engagement"));
        NarcoModel a = new NarcoModel(cfg);
        NarcoModel b = new NarcoModel(cfg2);
        a.start();
        b.start();
        TestModels.steps(a, BURN_IN + 8);
        TestModels.steps(b, BURN_IN + 8);
        assertEquals(a.totals().seizedKg(), b.totals().seizedKg());
        assertEquals(a.totals().deliveredKg(), b.totals().deliveredKg());
        assertEquals(a.markets().price(), b.markets().price(), 0.0);
    }

    @Test
    void badSectionsGetOneLineNamingFileLineAndKey() {
        String base = TestModels.TINY + """
                  - id: mil
                    shares: {military: 1, police: 0, development: 0, partnership: 0}
                """;
        long at = base.lines().count() + 1; // the line of burn_in:
        assertEquals("t.yaml:" + (at + 1) + ": burn_in.strategy: expected a strategy of this file (baseline, mil), got 'mill'",
                error(base + "burn_in:\n  strategy: mill\n"));
        assertEquals("t.yaml:" + (at + 1) + ": burn_in.strategy: strategy 'baseline' spends nothing: a burn-in without a campaign "
                + "needs no burn_in section", error(base + "burn_in:\n  strategy: baseline\n"));
        assertTrue(error(base + "burn_in:\n  strategy: mil\n  budget: 5\n").startsWith("t.yaml:" + (at + 2) + ": burn_in.budget:"),
                error(base + "burn_in:\n  strategy: mil\n  budget: 5\n"));
        assertTrue(error(base + "burn_in:\n  strategy: mil\n  budget_musd_per_year: -5\n")
                .startsWith("t.yaml:" + (at + 2) + ": burn_in.budget_musd_per_year: expected a number from 0.001"));
        assertTrue(error(base + "burn_in:\n  budget_musd_per_year: 5\n").startsWith("t.yaml:" + (at + 1) + ": burn_in.strategy: missing"));
    }

    private static String error(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("t.yaml", yaml, List.of()));
        return e.getMessage();
    }
}
