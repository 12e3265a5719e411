package narcosim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.util.StateException;

/** The run's kilogram totals, summed from the events that carry them. */
class KgTotalsTest {

    @Test
    void totalsAddUpTheEventsKilogramsAndTheWeekStartsAfresh() {
        KgTotals t = new KgTotals();
        t.on(new Event.Produced(0, 10));
        t.on(new Event.Produced(1, 5));
        t.on(new Event.Departed(0, 0, 12));
        t.on(new Event.Seized(0, 1, 1, 0, Event.Agency.MILITARY, 7));
        t.on(new Event.Seized(0, 1, 1, 0, Event.Agency.POLICE, 3));
        t.on(new Event.Lost(0, 2, 4));
        t.on(new Event.Delivered(0, 3, 20, 500_000));
        assertEquals(15, t.producedKg());
        assertEquals(10, t.seizedKg());
        assertEquals(4, t.lostKg());
        assertEquals(20, t.deliveredKg());
        assertEquals(20, t.deliveredThisWeekKg());
        t.newWeek();
        t.on(new Event.Delivered(0, 3, 30, 700_000));
        assertEquals(30, t.deliveredThisWeekKg());
        assertEquals(50, t.deliveredKg(), "the run's total keeps counting");
    }

    @Test
    void anOverflowNamesTheTotal() {
        KgTotals t = new KgTotals();
        t.on(new Event.Lost(0, 0, Long.MAX_VALUE));
        StateException e = assertThrows(StateException.class, () -> t.on(new Event.Lost(0, 0, 1)));
        assertTrue(e.problem().startsWith("kg lost in the run overflowed"), e.problem());
    }

    /** In a run, the model's totals are the sums of the events every other observer sees. */
    @Test
    void theModelsTotalsAreTheEventsSums() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "run.burn_in_weeks=4"), "integrated", 2);
        long[] sums = new long[4];
        m.events().register(e -> {
            if (e instanceof Event.Produced p) sums[0] += p.kg();
            if (e instanceof Event.Delivered d) sums[1] += d.kg();
            if (e instanceof Event.Seized s) sums[2] += s.kg();
            if (e instanceof Event.Lost l) sums[3] += l.kg();
        });
        TestModels.steps(m, 40);
        KgTotals t = m.totals();
        assertTrue(sums[1] > 0 && sums[2] > 0, "deliveries and seizures happened");
        assertEquals(sums[0], t.producedKg());
        assertEquals(sums[1], t.deliveredKg());
        assertEquals(sums[2], t.seizedKg());
        assertEquals(sums[3], t.lostKg());
    }
}
