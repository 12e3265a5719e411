package narcosim.agents;

import narcosim.world.Link;
import narcosim.world.Place;

/**
 * What cartels and their shipments need of the movement of drugs (the model's {@code Transit} carries
 * it out): a cartel launches shipments while there is room for them, and a shipment reports entering
 * a link and reaching its far end, where it may be lost, seized or delivered (ODD 7.7-7.10).
 */
public interface Shipping {

    /** Whether another shipment may set out now (shipments on their way are bounded, ODD 7.7). */
    boolean hasRoom();

    /** A new shipment of the cartel's, waiting at its origin; it moves from this week's shipment phase. */
    void launch(Cartel cartel, long kg, Place origin);

    /** The shipment starts across the link. */
    void depart(Shipment s, Link l);

    /** The shipment reached the far end of the link. */
    void arrive(Shipment s, Link l);
}
