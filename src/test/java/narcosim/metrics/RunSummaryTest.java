package narcosim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import narcosim.model.NarcoModel;
import narcosim.model.TestModels;

/** A run's summary: flows summed, levels averaged, over the horizon and the final year; shares of flows. */
class RunSummaryTest {

    private static final List<narcosim.metrics.Outcome> COLUMNS = List.of(
            new Outcome("departed_kg", Outcome.Kind.FLOW, "kg", "departed_kg", "", 1, "", Outcome.Change.RELATIVE),
            new Outcome("seized_kg", Outcome.Kind.FLOW, "kg", "seized_kg", "", 1, "", Outcome.Change.RELATIVE),
            new Outcome("delivered_kg", Outcome.Kind.FLOW, "kg", "delivered_kg", "", 1, "", Outcome.Change.RELATIVE),
            new Outcome("price_usd_kg", Outcome.Kind.LEVEL, "US$/kg", "price_usd_kg", "", 1, "", Outcome.Change.RELATIVE));

    /** Week w: departed 100, seized w, delivered 2w, price 1000 + w. */
    private static List<double[]> rows(int weeks) {
        List<double[]> rows = new ArrayList<>();
        for (int w = 0; w < weeks; w++) rows.add(new double[] {100, w, 2 * w, 1000 + w});
        return rows;
    }

    @Test
    void flowsAreSummedAndLevelsAveragedOverTheHorizonAndTheFinalYear() {
        Map<String, Double> s = RunSummary.of(COLUMNS, rows(60));
        // Whole horizon: weeks 0..59.
        assertEquals(6000, s.get("departed_kg_total"));
        assertEquals(59 * 60 / 2.0, s.get("seized_kg_total"));
        assertEquals(59 * 60, s.get("delivered_kg_total"));
        assertEquals(1000 + 59 / 2.0, s.get("price_usd_kg_mean"), 1e-9);
        // Final year: weeks 8..59.
        assertEquals(5200, s.get("departed_kg_final_year"));
        assertEquals((8 + 59) * 52 / 2.0, s.get("seized_kg_final_year"));
        assertEquals(1000 + (8 + 59) / 2.0, s.get("price_usd_kg_final_year"), 1e-9);
        // Seized share of departed kg; delivered share of the kg whose journey ended (delivered, seized, lost).
        assertEquals(1770.0 / 6000, s.get("seized_share"), 1e-12);
        assertEquals(3540.0 / (3540 + 1770), s.get("delivered_share"), 1e-12);
        assertEquals(1742.0 / 5200, s.get("seized_share_final_year"), 1e-12);
        assertTrue(!s.containsKey("price_usd_kg_total") && !s.containsKey("seized_kg_mean"));
    }

    @Test
    void deliveredShareIsOfJourneysThatEndedAndNeverExceedsOne() {
        List<narcosim.metrics.Outcome> cols = List.of(
                new Outcome("departed_kg", Outcome.Kind.FLOW, "kg", "departed_kg", "", 1, "", Outcome.Change.RELATIVE),
                new Outcome("seized_kg", Outcome.Kind.FLOW, "kg", "seized_kg", "", 1, "", Outcome.Change.RELATIVE),
                new Outcome("lost_kg", Outcome.Kind.FLOW, "kg", "lost_kg", "", 1, "", Outcome.Change.RELATIVE),
                new Outcome("delivered_kg", Outcome.Kind.FLOW, "kg", "delivered_kg", "", 1, "", Outcome.Change.RELATIVE));
        // Production collapsed: nothing departs in the campaign, but cargo sent in the burn-in still ends in it.
        List<double[]> rows = new ArrayList<>();
        for (int w = 0; w < 60; w++) rows.add(w < 5 ? new double[] {0, 100, 50, 850} : new double[] {0, 0, 0, 0});
        Map<String, Double> s = RunSummary.of(cols, rows);
        assertEquals(850.0 / 1000, s.get("delivered_share"), 1e-12, "of 1000 kg that ended: 850 delivered");
        assertEquals(0, s.get("delivered_share_final_year"), "nothing ended in the final year");
        // Of departed kg (the old definition), 4250 delivered against 10 departed would have been a share of 425.
        rows.set(0, new double[] {10, 100, 50, 850});
        s = RunSummary.of(cols, rows);
        assertTrue(s.get("delivered_share") <= 1 && s.get("delivered_kg_total") / s.get("departed_kg_total") > 1);
    }

    @Test
    void aHorizonShorterThanAYearIsItsOwnFinalYear() {
        Map<String, Double> s = RunSummary.of(COLUMNS, rows(10));
        assertEquals(s.get("seized_kg_total"), s.get("seized_kg_final_year"));
        assertEquals(s.get("price_usd_kg_mean"), s.get("price_usd_kg_final_year"));
    }

    @Test
    void noDepartureGivesZeroSharesAndNoWeeksGiveZeros() {
        List<double[]> rows = List.of(new double[] {0, 0, 0, 5}, new double[] {0, 0, 0, 7});
        Map<String, Double> s = RunSummary.of(COLUMNS, rows);
        assertEquals(0, s.get("seized_share"));
        assertEquals(0, s.get("delivered_share_final_year"));
        assertEquals(6, s.get("price_usd_kg_mean"));
        Map<String, Double> empty = RunSummary.of(COLUMNS, List.of());
        assertEquals(0, empty.get("price_usd_kg_mean"));
        assertEquals(0, empty.get("price_usd_kg_final_year"));
        assertEquals(0, empty.get("seized_kg_total"));
        assertEquals(0, empty.get("seized_share"));
    }

    @Test
    void aRunsSummaryTotalsAreTheSumsOfItsWeeklyRows() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "run.burn_in_weeks=4", "run.years=1"),
                "corridor-crackdown", 5);
        m.runToEnd();
        WeeklyCollector c = m.collector();
        List<double[]> rows = c.rows();
        assertEquals(52, rows.size(), "one row per campaign week");
        Map<String, Double> s = RunSummary.of(c.columns(), rows);
        for (narcosim.metrics.Outcome col : c.columns()) {
            int i = c.column(col.name());
            double sum = rows.stream().mapToDouble(r -> r[i]).sum();
            if (col.name().startsWith("chain_price_")) {
                // A nation's chain price is NaN until cocaine first arrives there: averaged over the weeks it has one.
                double[] known = rows.stream().mapToDouble(r -> r[i]).filter(v -> !Double.isNaN(v)).toArray();
                double mean = known.length == 0 ? Double.NaN : java.util.Arrays.stream(known).average().orElseThrow();
                assertEquals(mean, s.get(col.name() + "_mean"), 1e-9 * Math.max(1, Math.abs(mean)), col.name());
                continue;
            }
            if (col.kind() == narcosim.metrics.Outcome.Kind.FLOW) {
                assertEquals(sum, s.get(col.name() + "_total"), 1e-6 * Math.max(1, Math.abs(sum)), col.name());
                assertEquals(sum, s.get(col.name() + "_final_year"), 1e-6 * Math.max(1, Math.abs(sum)), col.name());
            } else {
                assertEquals(sum / rows.size(), s.get(col.name() + "_mean"), 1e-9 * Math.max(1, Math.abs(sum)),
                        col.name());
            }
        }
        double departed = s.get("departed_kg_total");
        assertTrue(departed > 0 && s.get("seized_kg_total") > 0);
        assertEquals(s.get("seized_kg_total") / departed, s.get("seized_share"), 1e-12);
        assertTrue(s.get("seized_share") < 1);
    }
}
