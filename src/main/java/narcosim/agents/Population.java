package narcosim.agents;

import narcosim.util.Shuffled;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ec.util.MersenneTwisterFast;
import narcosim.metrics.Event;
import narcosim.metrics.EventBus;
import narcosim.world.Nation;
import narcosim.world.Network;
import narcosim.world.Place;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The residents of every populated place (ODD 7.18-7.20): one community per place, settled at the start
 * in place order; stepped in a new random order every week (phase 4); told, as the events arrive, what
 * happened where they live (harm, violence, corruption seen, eradication); and summed for the levels
 * the week reports.
 */
public final class Population implements Steppable, EventBus.Observer {

    private static final long serialVersionUID = 1L;

    private final Shuffled<Community> shuffled = new Shuffled<>(c -> false);
    /** The same communities in place order, so that sums over them are the same whatever this week's order. */
    private final List<Community> inPlaceOrder = new ArrayList<>();
    /** The community of each place, by place index; null where nobody lives. */
    private final Community[] byPlace;

    /** Resident agents the populated places need: population / people per agent, at least {@code minAgents}. */
    public static long agentsNeeded(Network network, double peoplePerAgent, int minAgents) {
        long n = 0;
        for (Place p : network.places) {
            if (p.isPopulated()) n += Math.max(minAgents, Math.round(p.spec.population() / peoplePerAgent));
        }
        return n;
    }

    /** Settles a community at every populated place, drawing its residents' attributes from {@code random}. */
    public Population(Network network, ResidentRules rules, double peoplePerAgent, int minAgents,
               MersenneTwisterFast random) {
        this.byPlace = new Community[network.places.size()];
        for (Place p : network.places) {
            if (!p.isPopulated()) continue;
            int agents = Math.max(minAgents, (int) Math.round(p.spec.population() / peoplePerAgent));
            Community c = new Community(p, agents, rules, random);
            byPlace[p.index] = c;
            if (p.isProduction()) p.calibrateGrowers(c.growers(), agents);
            shuffled.add(c);
            inPlaceOrder.add(c);
        }
    }

    /** Phase 4: community by community, in a new random order. */
    @Override
    public void step(SimState state) {
        shuffled.step(state);
    }

    /** Routes what happens at a place to the residents who live there. */
    @Override
    public void on(Event e) {
        if (e instanceof Event.CollateralHarm h) {
            Community c = at(h.place());
            if (c != null) c.noteHarm();
        } else if (e instanceof Event.Violence v) {
            Community c = at(v.place());
            if (c != null) c.noteViolence();
        } else if (e instanceof Event.CorruptionSeen s) {
            Community c = at(s.place());
            if (c != null) c.noteCorruptionSeen();
        } else if (e instanceof Event.CorruptionPunished s) {
            Community c = at(s.place());
            if (c != null) c.notePunishmentSeen();
        } else if (e instanceof Event.Eradicated x) {
            Community c = at(x.place());
            if (c != null) c.noteEradicated(x.ha());
        }
    }

    private Community at(int place) {
        return byPlace[place];
    }

    // ------------------------------------------------------------------ reading

    /** The residents of a place, or null if nobody lives there (sea lanes, markets, empty places). */
    public Community at(Place place) {
        return byPlace[place.index];
    }

    /** The communities in place order. */
    public List<Community> communities() {
        return Collections.unmodifiableList(inPlaceOrder);
    }

    /** Resident agents in the run. */
    public long agents() {
        long n = 0;
        for (Community c : inPlaceOrder) n += c.agents();
        return n;
    }

    /** Mean trust in the state of all residents (0-1). */
    public double meanTrust() {
        return meanTrustIn(null);
    }

    /** Mean trust in the state of the residents of one nation. */
    public double meanTrust(Nation nation) {
        return meanTrustIn(nation);
    }

    /** Over the residents of {@code nation}, or of every nation if it is null. */
    private double meanTrustIn(Nation nation) {
        double t = 0;
        long n = 0;
        for (Community c : inPlaceOrder) {
            if (nation != null && c.place.nation != nation) continue;
            t += c.sumTrust();
            n += c.agents();
        }
        return n == 0 ? 0 : t / n;
    }

    public double meanFear() {
        double t = 0;
        long n = 0;
        for (Community c : inPlaceOrder) {
            t += c.meanFear() * c.agents();
            n += c.agents();
        }
        return n == 0 ? 0 : t / n;
    }

    /** Residents working for cartels. */
    public long smugglers() {
        long n = 0;
        for (Community c : inPlaceOrder) n += c.smugglers();
        return n;
    }

    /** Residents growing coca. */
    public long growers() {
        long n = 0;
        for (Community c : inPlaceOrder) n += c.growers();
        return n;
    }
}
