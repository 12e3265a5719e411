package narcosim.util;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Agents that act in the same phase, stepped in a new random order every week from the model's
 * generator (what MASON's RandomSequence does, for a group that grows and shrinks during a run:
 * cartels split, shipments come and go). Members for which {@code finished} holds after their step
 * are dropped.
 */
public final class Shuffled<T extends Steppable> implements Steppable {

    private static final long serialVersionUID = 1L;

    private final List<T> members = new ArrayList<>();
    private final Predicate<T> finished;

    public Shuffled(Predicate<T> finished) {
        this.finished = finished;
    }

    public void add(T t) {
        members.add(t);
    }

    public List<T> members() {
        return members;
    }

    @Override
    public void step(SimState state) {
        int n = members.size();
        // Fisher-Yates with MASON's generator, so a seed reproduces the order.
        for (int i = n - 1; i > 0; i--) {
            int j = state.random.nextInt(i + 1);
            T t = members.get(i);
            members.set(i, members.get(j));
            members.set(j, t);
        }
        // Members added during the pass (e.g. a splinter cartel) act from next week.
        for (int i = 0; i < n; i++) members.get(i).step(state);
        members.removeIf(finished);
    }
}
