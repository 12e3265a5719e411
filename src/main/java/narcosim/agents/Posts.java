package narcosim.agents;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

import narcosim.world.Link;
import narcosim.world.Network;

/**
 * Where the military units stand: the units posted on each link, in the order they were posted
 * (interdiction draws a random number per unit in that order), and how many surveillance assets watch each
 * link. The campaign's military command moves the units; everything else only reads.
 */
public final class Posts {

    private final Network net;
    private final List<List<MilitaryUnit>> onLink = new ArrayList<>();
    private final List<List<MilitaryUnit>> readOnly = new ArrayList<>();
    private final int[] watchers;

    public Posts(Network net) {
        this.net = net;
        for (int l = 0; l < net.links.size(); l++) {
            List<MilitaryUnit> here = new ArrayList<>();
            onLink.add(here);
            readOnly.add(Collections.unmodifiableList(here));
        }
        this.watchers = new int[net.links.size()];
    }

    /** Moves a unit to a link (or off duty with null): it leaves its old link's list and joins the end of the new one's. */
    public void move(MilitaryUnit u, Link link) {
        Link old = u.post();
        if (old != null) {
            onLink.get(old.index).remove(u);
            if (u.type == MilitaryUnit.Type.SURVEILLANCE) watch(old, -1);
        }
        u.postOn(link);
        if (link != null) {
            onLink.get(link.index).add(u);
            if (u.type == MilitaryUnit.Type.SURVEILLANCE) watch(link, +1);
        }
    }

    /** The links a surveillance asset posted on {@code link} watches: its link and the links touching either end. */
    public BitSet watchedFrom(Link link) {
        BitSet seen = new BitSet(watchers.length);
        for (int p : new int[] {link.from.index, link.to.index}) {
            for (int l : net.out(p)) seen.set(l);
            for (int l : net.in(p)) seen.set(l);
        }
        return seen;
    }

    private void watch(Link link, int delta) {
        BitSet seen = watchedFrom(link);
        for (int l = seen.nextSetBit(0); l >= 0; l = seen.nextSetBit(l + 1)) watchers[l] += delta;
    }

    /** The units posted on a link, in posting order (read-only). */
    public List<MilitaryUnit> on(Link l) {
        return readOnly.get(l.index);
    }

    /** How many surveillance assets watch a link. */
    public int surveillance(Link l) {
        return watchers[l.index];
    }
}
