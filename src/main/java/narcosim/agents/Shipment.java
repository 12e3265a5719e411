package narcosim.agents;

import narcosim.model.NarcoModel;
import narcosim.world.Link;
import narcosim.world.Place;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A quantity of cocaine (whole kg, so that mass is conserved exactly) moved by smugglers link by link
 * from a production place to the market. At each place the cartel picks the next link; crossing a link
 * takes whole weeks, and on entering one the shipment may be lost or interdicted: it reports entering and
 * reaching the end of a link to the {@link Shipping} that launched it.
 */
public final class Shipment implements Steppable {

    private static final long serialVersionUID = 1L;

    /** Where a shipment stands. */
    public enum Status { WAITING, MOVING, DELIVERED, SEIZED, LOST }

    /** Most links a shipment crosses before its crew gives up looking for a way (never reached on a sane map). */
    private static final int MAX_HOPS = 64;

    public final long id;
    public final Cartel cartel;
    public final long kg;
    /** What each kg has cost so far, by part (the price chain, ODD 7.14). */
    public final UnitCost cost;
    private final Shipping shipping;
    private Place at;
    private Place cameFrom;
    private Link on;
    private int weeksLeft;
    private int hops;
    private Status status = Status.WAITING;

    public Shipment(long id, Cartel cartel, long kg, Place origin, UnitCost cost, Shipping shipping) {
        this.id = id;
        this.cartel = cartel;
        this.kg = kg;
        this.cost = cost;
        this.at = origin;
        this.shipping = shipping;
    }

    @Override
    public void step(SimState state) {
        NarcoModel model = (NarcoModel) state;
        if (status == Status.MOVING) {
            if (--weeksLeft > 0) return;
            cameFrom = on.from;
            at = on.to;
            Link crossed = on;
            on = null;
            status = Status.WAITING;
            shipping.arrive(this, crossed);
            if (status != Status.WAITING) return;
        }
        if (status != Status.WAITING) return;
        if (!at.crewsHaveRoom()) return; // wait for crews (ODD 7.7)
        Link next = cartel.chooseNext(at, kg, cameFrom, model);
        if (next == null || hops >= MAX_HOPS) return; // wait for room or a route
        hops++;
        on = next;
        status = Status.MOVING;
        weeksLeft = next.travelWeeks;
        shipping.depart(this, next);
    }

    /** Ends the shipment's journey. */
    public void finish(Status end) {
        status = end;
    }

    public Status status() {
        return status;
    }

    public boolean done() {
        return status == Status.DELIVERED || status == Status.SEIZED || status == Status.LOST;
    }

    /** True while the shipment has not yet left the place it was launched from. */
    public boolean atOrigin() {
        return cameFrom == null;
    }

    public Place at() {
        return at;
    }

    /** The link being crossed, or null while waiting at a place. */
    public Link on() {
        return on;
    }

    /** Share of the current link already crossed, for drawing. */
    public double progress() {
        return on == null ? 0 : 1.0 - (double) weeksLeft / on.travelWeeks;
    }
}
