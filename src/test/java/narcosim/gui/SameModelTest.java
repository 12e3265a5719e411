package narcosim.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.experiment.RunResult;
import narcosim.model.NarcoModel;
import narcosim.scenario.RunConfig;
import narcosim.scenario.ScenarioLoader;

/**
 * The classroom window wraps the headless model: stepped through MASON's GUIState (the same path the
 * Console's play button takes, including the map and chart refresh after every week), a run with a seed
 * and no slider changes gives exactly the outcomes of {@code RunResult.run} (as {@code narcosim run}).
 */
class SameModelTest {

    static RunConfig config(String file, String strategy, long seed, String... sets) throws Exception {
        return ScenarioLoader.load(Path.of("scenarios", file), List.of(sets)).forStrategy(strategy, seed);
    }

    /** Runs a configuration to its end through the GUIState, as the Console does, without opening windows. */
    static NarcoModelWithUI runThroughGui(RunConfig cfg) {
        NarcoModelWithUI gui = new NarcoModelWithUI(new NarcoModel(cfg));
        gui.start();
        long total = cfg.params().integer("run.burn_in_weeks") + cfg.weeks();
        while (gui.state.schedule.getSteps() < total) {
            if (!gui.step()) break;
        }
        gui.finish();
        return gui;
    }

    private static void assertSameRun(RunResult headless, RunResult windowed) {
        assertEquals(headless.rows().size(), windowed.rows().size());
        for (int w = 0; w < headless.rows().size(); w++) {
            assertArrayEquals(headless.rows().get(w), windowed.rows().get(w), "week " + w);
        }
        assertEquals(headless.outcomes(), windowed.outcomes());
    }

    @Test
    void windowRunEqualsHeadlessRunOnTheClassroomScenario() throws Exception {
        RunConfig cfg = config("classroom-balloon.yaml", "corridor-crackdown", 11, "run.years=3");
        NarcoModelWithUI gui = runThroughGui(cfg);
        assertSameRun(RunResult.run(cfg), RunResult.of(gui.model()));
        // The map and charts really followed the run: the charts hold every week, burn-in included.
        long weeks = cfg.params().integer("run.burn_in_weeks") + cfg.weeks();
        assertEquals(weeks, gui.charts().series("delivered_kg").getItemCount());
        assertTrue(gui.map().peakRecentFlow() > 0, "links carried flow on the map");
    }

    @Test
    void windowRunEqualsHeadlessRunOnTheDefaultScenario() throws Exception {
        RunConfig cfg = config("central-america.yaml", "integrated", 5, "run.years=1");
        assertSameRun(RunResult.run(cfg), RunResult.of(runThroughGui(cfg).model()));
    }

    @Test
    void withSeveralMarketsThePriceChartDrawsEachMarketsPrice() throws Exception {
        RunConfig cfg = config("andes-europe.yaml", "integrated", 2, "run.years=1");
        NarcoModelWithUI gui = runThroughGui(cfg);
        assertSameRun(RunResult.run(cfg), RunResult.of(gui.model()));
        List<double[]> rows = gui.model().collector().rows();
        int col = gui.model().collector().column("market_iberia_price_usd_kg");
        var iberia = gui.charts().marketPrice("iberia");
        int burnIn = gui.model().burnInWeeks();
        assertEquals(burnIn + rows.size(), iberia.getItemCount(), "every week, burn-in included");
        assertEquals(rows.get(rows.size() - 1)[col], iberia.getY(burnIn + rows.size() - 1).doubleValue(), 0.0);
        assertEquals(null, new LiveCharts().marketPrice("iberia"), "one market: no extra lines");
    }

    @Test
    void chartOfDeliveriesIsTheFourWeekMeanOfTheCollectorsColumn() throws Exception {
        RunConfig cfg = config("classroom-balloon.yaml", "baseline", 3, "run.years=1");
        NarcoModelWithUI gui = runThroughGui(cfg);
        List<double[]> rows = gui.model().collector().rows();
        int col = gui.model().collector().column("delivered_kg");
        int burnIn = gui.model().burnInWeeks();
        var series = gui.charts().series("delivered_kg");
        for (int w = 3; w < rows.size(); w++) {
            double mean = (rows.get(w)[col] + rows.get(w - 1)[col] + rows.get(w - 2)[col] + rows.get(w - 3)[col]) / 4;
            assertEquals(w, series.getX(burnIn + w).intValue());
            assertEquals(mean, series.getY(burnIn + w).doubleValue(), 1e-9, "week " + w);
        }
        assertTrue(gui.charts().expectedDeliveredKg() > 0, "the expectation without a campaign comes from the burn-in");
    }

    @Test
    void slidersChangeTheRunWhileItGoes() throws Exception {
        RunConfig cfg = config("classroom-balloon.yaml", "corridor-crackdown", 11, "run.years=2");
        NarcoModelWithUI gui = new NarcoModelWithUI(new NarcoModel(cfg));
        gui.start();
        int burnIn = cfg.params().integer("run.burn_in_weeks");
        while (gui.state.schedule.getSteps() < burnIn + 10) gui.step();
        Controls c = gui.controls();
        int militaryBefore = gui.model().campaign().military().size();
        assertTrue(militaryBefore > 0);
        assertEquals(0, gui.model().campaign().police().size());
        c.setPoliceShare(0.5);
        assertEquals(0.5, c.getPoliceShare(), 1e-12);
        assertEquals(0.5, c.getMilitaryShare(), 1e-12, "the other shares make room");
        assertEquals(1.0, c.getMilitaryShare() + c.getPoliceShare() + c.getDevelopmentShare() + c.getPartnershipShare(),
                1e-12);
        assertTrue(gui.model().campaign().police().size() > 0, "police units were bought");
        assertTrue(gui.model().campaign().military().size() < militaryBefore, "fewer military units");
        // Re-apportioned cleanly: every posted unit is on its link's list and no withdrawn one is.
        long posted = gui.model().campaign().military().stream().filter(u -> u.post() != null).count();
        long onLinks = gui.model().network().links.stream().mapToLong(l -> gui.model().campaign().posts().on(l).size()).sum();
        assertEquals(posted, onLinks);
        assertTrue(gui.model().campaign().spendPerYear() <= cfg.scenario().budgetMusdPerYear() * 1e6 + 1e-6);
        c.setPermissive(true);
        assertTrue(gui.model().campaign().doctrine().permissive());
        while (gui.state.schedule.getSteps() < burnIn + 60) {
            gui.step();
            assertEquals(0, gui.model().massImbalanceKg(), "mass is conserved after the change");
        }
        RunResult changed = RunResult.of(gui.model());
        RunConfig same = config("classroom-balloon.yaml", "corridor-crackdown", 11, "run.years=2");
        NarcoModel headless = new NarcoModel(same);
        headless.start();
        while (headless.schedule.getSteps() < burnIn + 60) headless.schedule.step(headless);
        assertNotEquals(RunResult.of(headless).outcomes(), changed.outcomes(), "the changes changed the run");
    }

    @Test
    void fromTheBaselineOneSliderPutsTheWholeBudgetToWork() throws Exception {
        RunConfig cfg = config("classroom-balloon.yaml", "baseline", 4, "run.years=1");
        NarcoModelWithUI gui = new NarcoModelWithUI(new NarcoModel(cfg));
        gui.start();
        int burnIn = cfg.params().integer("run.burn_in_weeks");
        while (gui.state.schedule.getSteps() < burnIn + 5) gui.step();
        Controls c = gui.controls();
        assertEquals(0, gui.model().campaign().military().size());
        c.setMilitaryShare(0.3);
        assertEquals(1.0, c.getMilitaryShare(), 1e-12, "nothing to share the budget with: all of it");
        assertEquals(0.0, c.getPoliceShare() + c.getDevelopmentShare() + c.getPartnershipShare(), 1e-12);
        assertTrue(gui.model().campaign().military().size() > 0, "military units were bought");
        c.setPoliceShare(0.25);
        assertEquals(0.75, c.getMilitaryShare(), 1e-12, "then the shares are split as usual");
        assertTrue(gui.model().campaign().police().size() > 0, "police units were bought");
    }

    @Test
    void theWindowOpensOnTheFirstStrategyWithACampaign() throws Exception {
        assertEquals("military-surge", narcosim.cli.GuiCommand.defaultStrategy(
                ScenarioLoader.load(Path.of("scenarios", "central-america.yaml"))));
        assertEquals("corridor-crackdown", narcosim.cli.GuiCommand.defaultStrategy(
                ScenarioLoader.load(Path.of("scenarios", "classroom-balloon.yaml"))));
    }
}
