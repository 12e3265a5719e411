package narcosim.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import narcosim.world.Link;
import narcosim.world.Network;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The model's data collector (Mesa style): the weekly outcomes of the catalogue ({@link Outcomes}), each a
 * flow summed from the events that feed it over the week or a level read from the model's state at the
 * week's end; and the per-link and per-place sums ({@link LinkFlows}). Charts, CSV files and the classroom
 * window read from here, never from agents.
 */
public final class WeeklyCollector implements EventBus.Observer, Steppable {

    private static final long serialVersionUID = 1L;

    /** Adds one event's amount to its column(s) of the week. */
    private interface Feeder {
        void feed(Event e, double[] week);
    }

    private final List<Outcome> columns = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Outcomes.Probe> probes = new ArrayList<>();
    private final List<Integer> probeColumns = new ArrayList<>();
    private final Map<Class<?>, Feeder[]> feeders = new HashMap<>();
    private final List<double[]> rows = new ArrayList<>();
    private final LinkFlows links;
    private double[] week;
    private double[] latest;
    private final ModelState state;

    public WeeklyCollector(Network net, ModelState state) {
        this.state = state;
        this.links = new LinkFlows(net);
        Map<Class<?>, List<Feeder>> byType = new HashMap<>();
        List<Outcomes.Weekly> weekly = Outcomes.weekly(net);
        int familyStart = -1;
        for (Outcomes.Weekly w : weekly) {
            int c = columns.size();
            index.put(w.outcome().name(), c);
            columns.add(w.outcome());
            if (w.feed() != null) {
                byType.computeIfAbsent(w.feed().type(), k -> new ArrayList<>()).add(feeder(c, w.feed()));
            } else if (w.probe() != null) {
                probes.add(w.probe());
                probeColumns.add(c);
            } else if (familyStart < 0) {
                familyStart = c;
            }
        }
        if (familyStart < 0) familyStart = columns.size();
        for (Outcomes.Family<?> f : Outcomes.regionFamilies(net, familyStart)) {
            byType.computeIfAbsent(f.type(), k -> new ArrayList<>()).add(feeder(f));
        }
        byType.forEach((type, list) -> feeders.put(type, list.toArray(new Feeder[0])));
        week = new double[columns.size()];
    }

    private static <E extends Event> Feeder feeder(int column, Outcomes.Feed<E> feed) {
        Class<E> type = feed.type();
        return (e, week) -> {
            E ev = type.cast(e);
            if (feed.when().test(ev)) week[column] += feed.amount().applyAsDouble(ev);
        };
    }

    private static <E extends Event> Feeder feeder(Outcomes.Family<E> f) {
        Class<E> type = f.type();
        return (e, week) -> {
            E ev = type.cast(e);
            int member = f.member().applyAsInt(ev);
            if (member >= 0) week[f.first() + member] += f.amount().applyAsDouble(ev);
        };
    }

    @Override
    public void on(Event e) {
        links.on(e);
        Feeder[] fs = feeders.get(e.getClass());
        if (fs != null) {
            for (Feeder f : fs) f.feed(e, week);
        }
    }

    /** Closes the week: reads the levels, keeps the row if the campaign period has begun, starts afresh. */
    @Override
    public void step(SimState state) {
        for (int i = 0; i < probes.size(); i++) week[probeColumns.get(i)] = probes.get(i).read(this.state, links);
        // Burn-in weeks are not reported: the campaign sums start afresh.
        boolean campaign = this.state.week() >= 0;
        if (campaign) rows.add(week);
        links.closeWeek(campaign);
        latest = week;
        week = new double[columns.size()];
    }

    /** Per-link and per-place kg, this week and over the campaign. */
    public LinkFlows links() {
        return links;
    }

    /** Kg that entered each link this week so far (the classroom map draws it). */
    public long linkKg(Link l) {
        return links.weekKg(l);
    }

    public List<Outcome> columns() {
        return Collections.unmodifiableList(columns);
    }

    public int column(String name) {
        Integer i = index.get(name);
        if (i == null) throw new IllegalArgumentException("no outcome " + name);
        return i;
    }

    /** Rows of the campaign weeks so far (week 0 first). */
    public List<double[]> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The last closed week, burn-in included; null before the first. */
    public double[] latest() {
        return latest;
    }

    /** One outcome of the last closed week (0 before the first). */
    public double latest(String name) {
        return latest == null ? 0 : latest[column(name)];
    }
}
