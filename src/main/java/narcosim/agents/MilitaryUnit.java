package narcosim.agents;

import narcosim.scenario.Specs;
import narcosim.world.Link;
import narcosim.world.Nation;

/** A military asset of one nation, posted on a link ({@link Posts} keeps who stands where). */
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

    /** Only {@link Posts#move} posts a unit, so that the links' lists stay in step. */
    void postOn(Link link) {
        post = link;
    }

    @Override
    public String toString() {
        return nation.id() + " " + type.name().toLowerCase(java.util.Locale.ROOT) + " #" + index;
    }
}
