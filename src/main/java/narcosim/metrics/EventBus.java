package narcosim.metrics;

import java.util.ArrayList;
import java.util.List;

/** Delivers each event to every registered observer, in registration order. */
public final class EventBus {

    /** Something that listens to events. */
    @FunctionalInterface
    public interface Observer {
        void on(Event e);
    }

    private final List<Observer> observers = new ArrayList<>();

    public void register(Observer o) {
        observers.add(o);
    }

    public void emit(Event e) {
        for (int i = 0; i < observers.size(); i++) observers.get(i).on(e);
    }
}
