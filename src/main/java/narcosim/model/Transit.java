package narcosim.model;

import narcosim.util.Shuffled;
import java.util.List;

import narcosim.agents.Cartel;
import narcosim.agents.Community;
import narcosim.agents.MilitaryUnit;
import narcosim.agents.Shipment;
import narcosim.agents.Shipping;
import narcosim.metrics.Event;
import narcosim.scenario.ParamValues;
import narcosim.util.StateException;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Place;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Shipment movement and its encounters (ODD 7.7-7.10): shipments on their way, stepped in a new random
 * order each week (phase 2); on entering a link a shipment pays transport and may be lost, seized by
 * routine enforcement or interdicted by military units; on reaching a place it pays handling and is
 * delivered at a market or may be searched by police. Every outcome is an event. It also keeps the
 * kilograms' perceived risk on the links entered, which the market prices (7.14).
 */
public final class Transit implements Steppable, Shipping {

    private static final long serialVersionUID = 1L;

    /**
     * Most shipments that may be on their way at once (ODD 7.7). Each is an object, so this bounds the
     * model's memory however much is produced; beyond it cartels keep the cargo in stock until shipments
     * end. The shipped scenarios use under 600 at a time.
     */
    public static final int MAX_SHIPMENTS = 50_000;

    private final NarcoModel model;
    private final Shuffled<Shipment> shipments = new Shuffled<>(Shipment::done);
    private final double[] lossProb;
    private long ids;
    private double riskKgThisWeek;
    private double kgThisWeek;
    private double riskLastWeek;
    private boolean capHit;
    /** Weeks in which cartels kept cargo in stock because {@link #MAX_SHIPMENTS} shipments were on their way. */
    private int capWeeks;

    Transit(NarcoModel model, ParamValues params) {
        this.model = model;
        this.lossProb = new double[] {params.real("shipment.loss_land"), params.real("shipment.loss_sea"),
            params.real("shipment.loss_air")};
    }

    /** Phase 2: every shipment on its way moves, in a new random order. */
    @Override
    public void step(SimState state) {
        shipments.step(state);
    }

    /** Called at the start of a week: last week's perceived risk per kg entered is what the market sees. */
    void newWeek() {
        riskLastWeek = kgThisWeek > 0 ? riskKgThisWeek / kgThisWeek : riskLastWeek;
        riskKgThisWeek = 0;
        kgThisWeek = 0;
    }

    /** Called at the end of a week: counts it if the bound on shipments held. */
    void closeWeek() {
        if (capHit) capWeeks++;
        capHit = false;
    }

    // ------------------------------------------------------------------ what cartels and shipments call

    /** True while fewer than {@link #MAX_SHIPMENTS} shipments are on their way; notes when the bound holds. */
    @Override
    public boolean hasRoom() {
        if (shipments.members().size() < MAX_SHIPMENTS) return true;
        capHit = true;
        return false;
    }

    @Override
    public void launch(Cartel cartel, long kg, Place origin) {
        Shipment s = new Shipment(ids++, cartel, kg, origin, this);
        origin.addPresent(kg);
        shipments.add(s);
        model.events().emit(new Event.Departed(cartel.index(), origin.index, kg));
    }

    /** A shipment starts across a link: capacity used, transport cost, then loss, routine enforcement, forces. */
    @Override
    public void depart(Shipment s, Link l) {
        Cartel c = s.cartel;
        l.enter(s.kg);
        l.from.addPresent(-s.kg);
        l.to.addIncoming(s.kg);
        c.paid(s.kg * l.costUsdKg * c.costFactor());
        riskKgThisWeek += s.kg * c.perceivedRisk(l.index);
        kgThisWeek += s.kg;
        model.events().emit(new Event.Entered(c.index(), l.index, s.kg));
        if (model.random.nextDouble() < lossProb[l.mode.ordinal()]) {
            end(s, l, Shipment.Status.LOST);
            model.events().emit(new Event.Lost(c.index(), l.index, s.kg));
            return;
        }
        if (model.random.nextDouble() < l.detectability) {
            Nation n = l.to.nation.spec.international() ? l.from.nation : l.to.nation;
            seize(s, l, l.to, n, Event.Agency.POLICE);
            return;
        }
        MilitaryUnit u = model.campaign().interdict(s, l, model.random);
        if (u != null) seize(s, l, l.to, u.nation, Event.Agency.MILITARY);
    }

    /** A shipment reached the end of a link: handling, then the market, or police searches. */
    @Override
    public void arrive(Shipment s, Link l) {
        Place q = l.to;
        Cartel c = s.cartel;
        q.addIncoming(-s.kg);
        q.addPresent(s.kg);
        q.addThroughput(s.kg);
        model.events().emit(new Event.Arrived(c.index(), l.index, s.kg));
        c.arrived(q, l.from, s.kg, model);
        Community residents = model.population().at(q);
        if (residents != null) c.paid(s.kg * residents.handlingCostUsdKg(model.market().chainPriceFactor()) * c.costFactor());
        if (q.isMarket()) {
            double revenue = s.kg * model.market().price();
            c.earned(revenue);
            end(s, l, Shipment.Status.DELIVERED);
            model.events().emit(new Event.Delivered(c.index(), q.index, s.kg, revenue));
            return;
        }
        if (model.campaign().search(s, q, model.random)) seize(s, l, q, q.nation, Event.Agency.POLICE);
    }

    /** A shipment's journey ends: it no longer counts towards congestion where it was bound. */
    private void end(Shipment s, Link l, Shipment.Status status) {
        s.finish(status);
        if (s.at() == l.to && s.on() == null) l.to.addPresent(-s.kg);
        else l.to.addIncoming(-s.kg);
    }

    private void seize(Shipment s, Link l, Place where, Nation by, Event.Agency agency) {
        end(s, l, Shipment.Status.SEIZED);
        s.cartel.seized(l, s.kg);
        by.signal(l.index, 1.0);
        model.events().emit(new Event.Seized(s.cartel.index(), l.index, where.index, by.index, agency, s.kg));
    }

    // ------------------------------------------------------------------ reading

    /** Shipments on their way (waiting at a place or crossing a link). */
    public List<Shipment> shipments() {
        return shipments.members();
    }

    /** Kg in shipments on their way, whole. */
    public long inTransitKg() {
        long kg = 0;
        for (Shipment s : shipments.members()) {
            if (!s.done()) kg = StateException.addKg(kg, s.kg, "kg in transit");
        }
        return kg;
    }

    /** Perceived risk per kg of the kilograms that entered links last week (NarcoLogic; the market's input). */
    public double riskLastWeek() {
        return riskLastWeek;
    }

    /** Weeks in which cartels kept cargo in stock because {@link #MAX_SHIPMENTS} shipments were on their way. */
    public int capWeeks() {
        return capWeeks;
    }
}
