package narcosim.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers each event to every registered observer, in registration order. An observer may name the event
 * types it acts on ({@link #register(Observer, Class[])}); it then receives only those, and the others skip
 * it. Which observers an event type reaches is worked out once per type, not once per event (issue 16).
 */
public final class EventBus {

    /** Something that listens to events. */
    @FunctionalInterface
    public interface Observer {
        void on(Event e);
    }

    private static final Observer[] NONE = new Observer[0];

    private final List<Observer> observers = new ArrayList<>();
    /** Per observer, the event types it acts on; null for every type. */
    private final List<Class<?>[]> types = new ArrayList<>();
    /** Per event type, the observers it reaches, in registration order. */
    private final Map<Class<?>, Observer[]> reached = new HashMap<>();

    /** Registers an observer of every event. */
    public void register(Observer o) {
        observers.add(o);
        types.add(null);
        reached.clear();
    }

    /**
     * Registers an observer that acts on events of the given types only (and ignores all others: an
     * observer registered so must do nothing with an event of another type).
     */
    @SafeVarargs
    public final void register(Observer o, Class<? extends Event>... only) {
        observers.add(o);
        types.add(only.clone());
        reached.clear();
    }

    public void emit(Event e) {
        Class<?> k = e.getClass();
        Observer[] os = reached.get(k);
        if (os == null) os = reach(k);
        for (Observer o : os) o.on(e);
    }

    private Observer[] reach(Class<?> k) {
        List<Observer> list = new ArrayList<>();
        for (int i = 0; i < observers.size(); i++) {
            Class<?>[] only = types.get(i);
            boolean wants = only == null;
            if (only != null) {
                for (Class<?> t : only) wants |= t.isAssignableFrom(k);
            }
            if (wants) list.add(observers.get(i));
        }
        Observer[] os = list.isEmpty() ? NONE : list.toArray(new Observer[0]);
        reached.put(k, os);
        return os;
    }
}
