package narcosim.metrics;

/**
 * What agents report as they act (MATSim style): observers turn these into outcomes, so adding an
 * outcome never touches agent code. Places, links, nations and cartels are given by index.
 */
public sealed interface Event {

    /** Who seized: military units, police (campaign units and routine enforcement), port customs (ODD 7.24). */
    enum Agency { MILITARY, POLICE, PORT }

    enum ArrestKind { SMUGGLER, LEADER }

    enum SpendKind { MILITARY, POLICE, DEVELOPMENT, PARTNERSHIP, ERADICATION }

    /** Coca harvested into cocaine at a production place. */
    record Produced(int place, long kg) implements Event { }

    /** A shipment left its production place. */
    record Departed(int cartel, int place, long kg) implements Event { }

    /** A shipment started to cross a link. */
    record Entered(int cartel, int link, long kg) implements Event { }

    /** A shipment reached the far end of a link. */
    record Arrived(int cartel, int link, long kg) implements Event { }

    record Seized(int cartel, int link, int place, int nation, Agency by, long kg) implements Event { }

    record Lost(int cartel, int link, long kg) implements Event { }

    record Delivered(int cartel, int place, long kg, double revenueUsd) implements Event { }

    record CollateralHarm(int place, int nation) implements Event { }

    /** A violent incident: between rival cartels, or a clash with forces. */
    record Violence(int place, boolean clash) implements Event { }

    record Tips(int place, int count) implements Event { }

    record Recruited(int place, int count) implements Event { }

    record Arrested(int place, ArrestKind kind, int count) implements Event { }

    /** Residents saw corruption of officials at a place. */
    record CorruptionSeen(int place) implements Event { }

    record Bribe(int cartel, int place, double usd) implements Event { }

    /** Forced eradication at a place: {@code sprayedHa} treated, of which {@code ha} really destroyed. */
    record Eradicated(int place, double sprayedHa, double ha) implements Event { }

    record Spent(SpendKind kind, double usd) implements Event { }

    /**
     * A week's cost of the forces based in a nation (ODD 7.16): bought with the campaign's money ({@code donorUsd},
     * also in {@link Spent}) and with the nation's own security budget ({@code nationalUsd}, not campaign spend).
     */
    record NationSpent(int nation, double donorUsd, double nationalUsd) implements Event { }

    record CartelSplit(int parent, int child) implements Event { }

    /** A bankrupt cartel left the market; {@code absorber} took over its places, stock and shipments. */
    record CartelExit(int cartel, int absorber) implements Event { }

    /** A splinter merged back into its parent, or into a rival if its parent had gone. */
    record CartelMerged(int cartel, int into) implements Event { }

    record PartnerSuspended(int nation, boolean forGood) implements Event { }

    /**
     * Nations hold cues on a shipment crossing a link (ODD 7.9): {@code nations} of them, of which {@code shared}
     * only because a partner's cue or a shared partnership asset's reached them (the rest found it themselves).
     */
    record Cued(int link, int nations, int shared) implements Event { }

    /** A shipment on a link was detected (cued or found by a unit there); {@code acted} if a unit took it on. */
    record Detected(int link, boolean acted) implements Event { }

    /**
     * A military seizure at a populated place: the crew was arrested (by a military that may arrest, or by police
     * taking over within the hand-over window), or ({@code taken} false) went free with its evidence.
     */
    record HandOver(int place, int nation, boolean taken) implements Event { }

    /** A unit seized a shipment in {@code nation}'s territory without its agreement (no coordinated operations). */
    record Incursion(int nation, int actor) implements Event { }

    /** A corrupt police unit at a place was purged, and residents saw the punishment (transparency). */
    record CorruptionPunished(int place) implements Event { }

    /** A unit seized a shipment crossing into a partner's territory, pursuing it under coordinated operations. */
    record CrossBorderPursuit(int link, int nation) implements Event { }

    /**
     * A police arrest at a place fell on cartel leadership: a cartel operating there with leaders loses one
     * (the cartels' roster picks which), or, with no such cartel there, a smuggler is arrested instead.
     */
    record LeaderTargeted(int place) implements Event { }
}
