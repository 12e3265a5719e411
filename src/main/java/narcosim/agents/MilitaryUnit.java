package narcosim.agents;

import narcosim.scenario.Specs;
import narcosim.world.Link;
import narcosim.world.Nation;

/** A military asset of one nation, posted on a link ({@link Posts} keeps who stands where). */
public final class MilitaryUnit {

    /**
     * What kind of asset it is: each is posted on links of certain modes; surveillance assets and maritime
     * patrol aircraft make cues, boats, ground units and (on air links, as interceptors) aircraft act on them
     * (ODD 7.9).
     */
    public enum Type {
        BOAT, AIRCRAFT, GROUND, SURVEILLANCE;

        /** The modes of the links it may be posted on. */
        public boolean covers(Specs.Mode mode) {
            return switch (this) {
                case BOAT -> mode == Specs.Mode.SEA;
                case AIRCRAFT -> mode == Specs.Mode.SEA || mode == Specs.Mode.AIR;
                case GROUND -> mode == Specs.Mode.LAND;
                case SURVEILLANCE -> true;
            };
        }

        /** Whether it searches a link of this mode for cues (finds, tracks, hands on), rather than acting. */
        public boolean cues(Specs.Mode mode) {
            return switch (this) {
                case SURVEILLANCE -> true;
                case AIRCRAFT -> mode == Specs.Mode.SEA;
                default -> false;
            };
        }

        /** Whether it acts on a shipment on a link of this mode: pursues, stops, boards, seizes. */
        public boolean acts(Specs.Mode mode) {
            return covers(mode) && !cues(mode);
        }
    }

    public final int index;
    public final Type type;
    public final Nation nation;
    /** Bought with partnership money: its cues reach every cooperating partner (ODD 7.13). */
    public final boolean shared;
    private Link post;
    /** Targets it acted on this week (pursuit, boarding, hand-over), against its weekly capacity. */
    private int actedThisWeek;

    public MilitaryUnit(int index, Type type, Nation nation) {
        this(index, type, nation, false);
    }

    public MilitaryUnit(int index, Type type, Nation nation, boolean shared) {
        this.index = index;
        this.type = type;
        this.nation = nation;
        this.shared = shared;
    }

    /** Whether it can take on another target this week, at most {@code capacity} a week. */
    public boolean hasCapacity(int capacity) {
        return actedThisWeek < capacity;
    }

    /** It takes on a target (ODD 7.9). */
    public void act() {
        actedThisWeek++;
    }

    /** A new week: its capacity is free again. */
    public void newWeek() {
        actedThisWeek = 0;
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
