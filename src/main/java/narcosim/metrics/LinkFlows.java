package narcosim.metrics;

import java.util.Arrays;
import java.util.BitSet;

import narcosim.world.Link;
import narcosim.world.Network;
import narcosim.world.Place;

/**
 * Kg per link and per place (MATSim's VolumesAnalyzer): what entered each link this week (the classroom map
 * draws it, and active links, places and the dispersion of flow are read from it), and what each link carried,
 * passed, lost and had seized over the campaign weeks, and what was seized at each place (the route map).
 */
public final class LinkFlows implements EventBus.Observer, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Network net;
    private final long[] week;
    private final long[] carried;
    private final long[] arrived;
    private final long[] seized;
    private final long[] lost;
    private final long[] seizedAtPlace;

    public LinkFlows(Network net) {
        this.net = net;
        int links = net.links.size();
        week = new long[links];
        carried = new long[links];
        arrived = new long[links];
        seized = new long[links];
        lost = new long[links];
        seizedAtPlace = new long[net.places.size()];
    }

    @Override
    public void on(Event e) {
        if (e instanceof Event.Entered en) {
            week[en.link()] += en.kg();
            carried[en.link()] += en.kg();
        } else if (e instanceof Event.Arrived a) {
            arrived[a.link()] += a.kg();
        } else if (e instanceof Event.Seized s) {
            seized[s.link()] += s.kg();
            seizedAtPlace[s.place()] += s.kg();
        } else if (e instanceof Event.Lost l) {
            lost[l.link()] += l.kg();
        }
    }

    /** Ends the week; while in burn-in ({@code campaign} false) the campaign sums start afresh. */
    void closeWeek(boolean campaign) {
        if (!campaign) {
            for (long[] sums : new long[][] {carried, arrived, seized, lost, seizedAtPlace}) Arrays.fill(sums, 0);
        }
        Arrays.fill(week, 0);
    }

    /** Places that traffic passed through this week. */
    public double activePlaces() {
        BitSet any = new BitSet();
        for (Link l : net.links) {
            if (week[l.index] > 0) {
                any.set(l.from.index);
                any.set(l.to.index);
            }
        }
        return any.cardinality();
    }

    /** Links that carried flow this week. */
    public double activeLinks() {
        int n = 0;
        for (long kg : week) {
            if (kg > 0) n++;
        }
        return n;
    }

    /** Dispersion of this week's flow over links: Shannon entropy (bits) of the kg entering each link. */
    public double entropy() {
        double total = 0;
        for (long kg : week) total += kg;
        if (total <= 0) return 0;
        double h = 0;
        for (long kg : week) {
            if (kg > 0) {
                double p = kg / total;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    /** Kg that entered the link this week so far. */
    public long weekKg(Link l) {
        return week[l.index];
    }

    /** Kg that entered the link over the campaign weeks (burn-in excluded, like the weekly rows). */
    public long carriedKg(Link l) {
        return carried[l.index];
    }

    /** Kg that reached the link's far end over the campaign weeks. */
    public long arrivedKg(Link l) {
        return arrived[l.index];
    }

    /** Kg seized on the link or on arrival at its far end over the campaign weeks. */
    public long seizedKg(Link l) {
        return seized[l.index];
    }

    /** Kg lost in transit on the link over the campaign weeks. */
    public long lostKg(Link l) {
        return lost[l.index];
    }

    /** Kg seized at the place (or on a link into it) over the campaign weeks. */
    public long seizedKg(Place p) {
        return seizedAtPlace[p.index];
    }
}
