package narcosim.agents;

import narcosim.scenario.Specs;
import narcosim.world.Link;
import narcosim.world.Nation;

/** A military asset of one nation, posted on a link. */
public final class MilitaryUnit {

    /** What kind of asset it is; each watches links of certain modes. */
    public enum Type {
        BOAT, AIRCRAFT, GROUND, SURVEILLANCE;

        public boolean covers(Specs.Mode mode) {
            return switch (this) {
                case BOAT -> mode == Specs.Mode.SEA;
                case AIRCRAFT -> mode == Specs.Mode.SEA || mode == Specs.Mode.AIR;
                case GROUND -> mode == Specs.Mode.LAND;
                case SURVEILLANCE -> true;
            };
        }
    }

    public final int index;
    public final Type type;
    public final Nation nation;
    private Link post;

    public MilitaryUnit(int index, Type type, Nation nation) {
        this.index = index;
        this.type = type;
        this.nation = nation;
    }

    public Link post() {
        return post;
    }

    /** Moves the unit to a link (or off duty with null), keeping the links' lists in step. */
    public void moveTo(Link link, narcosim.world.Network net) {
        if (post != null) {
            post.unpost(this);
            if (type == Type.SURVEILLANCE) watch(post, net, -1);
        }
        post = link;
        if (link != null) {
            link.post(this);
            if (type == Type.SURVEILLANCE) watch(link, net, +1);
        }
    }

    /** A surveillance asset watches its link and the links that touch either end. */
    private static void watch(Link link, narcosim.world.Network net, int delta) {
        java.util.Set<Link> seen = new java.util.LinkedHashSet<>();
        for (int p : new int[] {link.from.index, link.to.index}) {
            for (int l : net.out(p)) seen.add(net.links.get(l));
            for (int l : net.in(p)) seen.add(net.links.get(l));
        }
        for (Link l : seen) l.addSurveillance(delta);
    }

    @Override
    public String toString() {
        return nation.id() + " " + type.name().toLowerCase(java.util.Locale.ROOT) + " #" + index;
    }
}
