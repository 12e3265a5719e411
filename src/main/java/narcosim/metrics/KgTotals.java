package narcosim.metrics;

import narcosim.util.StateException;

/**
 * The run's kilogram totals, summed from the events that carry them: produced, delivered, seized and
 * lost since the start (burn-in included), and delivered this week. The model reads them for mass
 * balance (ODD 7.7), the market price (7.14) and the weekly state check (7.21). Like every kilogram
 * total they are added with overflow-checked arithmetic.
 */
public final class KgTotals implements EventBus.Observer {

    private long produced;
    private long delivered;
    private long seized;
    private long lost;
    private long deliveredThisWeek;

    @Override
    public void on(Event e) {
        if (e instanceof Event.Produced p) {
            produced = StateException.addKg(produced, p.kg(), "kg produced in the run");
        } else if (e instanceof Event.Delivered d) {
            deliveredThisWeek = StateException.addKg(deliveredThisWeek, d.kg(), "kg delivered this week");
            delivered = StateException.addKg(delivered, d.kg(), "kg delivered in the run");
        } else if (e instanceof Event.Seized s) {
            seized = StateException.addKg(seized, s.kg(), "kg seized in the run");
        } else if (e instanceof Event.Lost l) {
            lost = StateException.addKg(lost, l.kg(), "kg lost in the run");
        }
    }

    /** Starts a new week's count of deliveries. */
    public void newWeek() {
        deliveredThisWeek = 0;
    }

    public long producedKg() {
        return produced;
    }

    public long deliveredKg() {
        return delivered;
    }

    public long seizedKg() {
        return seized;
    }

    public long lostKg() {
        return lost;
    }

    /** Kg delivered since the week began (the whole of last week's, while the world phase runs). */
    public long deliveredThisWeekKg() {
        return deliveredThisWeek;
    }
}
