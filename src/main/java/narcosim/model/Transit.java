package narcosim.model;

import narcosim.util.Shuffled;
import java.util.List;

import narcosim.agents.Cartel;
import narcosim.agents.Community;
import narcosim.agents.MilitaryUnit;
import narcosim.agents.Shipment;
import narcosim.agents.Shipping;
import narcosim.agents.UnitCost;
import narcosim.metrics.Event;
import narcosim.scenario.ParamValues;
import narcosim.scenario.Specs;
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
 * delivered at a market or may be searched by police; at a place with a port, customs may first inspect it
 * (7.24). Every outcome is an event. Each shipment's kilograms carry their cost along (the price chain, 7.14).
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
    /** Port inspection (ODD 7.24): targeting lift, detection given inspection, rip-off scale, extraction pay's share of value. */
    private final double portTargetingLift;
    private final double portDetection;
    private final double portRipOffMax;
    private final double portExtractionShare;
    private long ids;
    private double kgThisWeek;
    private double protectionKgThisWeek;
    private boolean capHit;
    /** Weeks in which cartels kept cargo in stock because {@link #MAX_SHIPMENTS} shipments were on their way. */
    private int capWeeks;

    Transit(NarcoModel model, ParamValues params) {
        this.model = model;
        this.lossProb = new double[] {params.real("shipment.loss_land"), params.real("shipment.loss_sea"),
            params.real("shipment.loss_air")};
        this.portTargetingLift = params.real("port.targeting_lift");
        this.portDetection = params.real("port.detection_given_inspection");
        this.portRipOffMax = params.real("port.rip_off_max");
        this.portExtractionShare = params.real("port.extraction_share");
    }

    /** Phase 2: every shipment on its way moves, in a new random order. */
    @Override
    public void step(SimState state) {
        shipments.step(state);
    }

    /** Called at the start of a week: the week's kg entered and their protection start from zero. */
    void newWeek() {
        protectionKgThisWeek = 0;
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
        Shipment s = new Shipment(ids++, cartel, kg, origin, UnitCost.bought(model.sourcePrice(origin)), this);
        origin.addPresent(kg);
        shipments.add(s);
        model.events().emit(new Event.Departed(cartel.index(), origin.index, kg));
    }

    /** A shipment starts across a link: capacity used, transport cost, then loss, routine enforcement, forces. */
    @Override
    public void depart(Shipment s, Link l) {
        Cartel c = s.cartel;
        // The crews where it leaves move it; leaving its origin counts as their traffic, as arriving does elsewhere.
        boolean origin = s.atOrigin();
        l.from.useCrews(s.kg, origin);
        l.enter(s.kg);
        l.from.addPresent(-s.kg);
        l.to.addIncoming(s.kg);
        // A disrupted organisation pays more for everything it moves (ODD 7.15), and the price carries it.
        double disrupted = c.costFactor();
        c.paid(s.kg * l.costUsdKg * disrupted);
        // The crews at its origin moved it out, and are paid as crews are where a load arrives (ODD 7.7).
        if (origin) handle(s, l.from);
        // The price chain: transport, the margin for the leg's routine risk, the replacement of the loss expected.
        double routine = priorLoss(l);
        s.cost.enter(l.costUsdKg * disrupted, routine, c.expectedLoss(l, routine));
        c.entered(l, s.kg);
        model.events().emit(new Event.Entered(c.index(), l.index, s.kg));
        if (model.random.nextDouble() < lossProb[l.mode.ordinal()]) {
            end(s, l, Shipment.Status.LOST);
            c.lost(l, s.kg);
            model.events().emit(new Event.Lost(c.index(), l.index, s.kg));
            return;
        }
        // Routine enforcement by the jurisdiction at the link's end (the origin's, in international waters),
        // less the protection the cartel bought from officials there (ODD 7.5).
        Place enforcing = l.to.nation.spec.international() ? l.from : l.to;
        double protection = model.protection().at(c.index(), enforcing);
        protectionKgThisWeek += s.kg * protection;
        kgThisWeek += s.kg;
        if (model.random.nextDouble() < l.detectability * (1 - protection)) {
            seize(s, l, l.to, enforcing.nation, Event.Agency.POLICE);
            return;
        }
        MilitaryUnit u = model.campaign().interdict(s, l, model.random);
        if (u != null) seize(s, l, l.to, u.nation, Event.Agency.MILITARY);
    }

    /** A shipment reached the end of a link: customs at a port (7.24), handling, then the market, or police searches. */
    @Override
    public void arrive(Shipment s, Link l) {
        if (seizedAtPort(s, l)) return;
        Place q = l.to;
        Cartel c = s.cartel;
        q.addIncoming(-s.kg);
        q.addPresent(s.kg);
        q.addThroughput(s.kg);
        model.events().emit(new Event.Arrived(c.index(), l.index, s.kg));
        c.arrived(q, l.from, s.kg, model);
        handle(s, q);
        if (q.isMarket()) {
            int market = model.network().marketOf(q);
            model.markets().delivered(market, q.nation, s.kg, s.cost);
            double revenue = s.kg * model.markets().price(market);
            c.earned(revenue);
            end(s, l, Shipment.Status.DELIVERED);
            model.events().emit(new Event.Delivered(c.index(), q.index, s.kg, revenue));
            return;
        }
        model.markets().arrived(q.nation, s.kg, s.cost);
        if (model.campaign().search(s, q, model.random)) seize(s, l, q, q.nation, Event.Agency.POLICE);
    }

    /**
     * Port inspection (ODD 7.24), before the load enters a place with a port (before delivery at a market
     * gateway): with chance ρ = rip_off_max x corruption of the port's nation, bought insiders take it out before
     * inspection (a rip-off; Europol 2023), and the cartel pays the extraction crew a share of the load's value,
     * carried in the price; otherwise customs seize it with chance min(1, inspected_share x targeting_lift) x
     * detection. True if seized: the load never entered the place. Places without a port draw no random numbers.
     */
    private boolean seizedAtPort(Shipment s, Link l) {
        Place q = l.to;
        Specs.Port port = q.spec.port();
        if (port == null) return false;
        Cartel c = s.cartel;
        // Rip-off: rho = rip_off_max x corruption (Europol 2023: corrupted insiders; the scale is judgement).
        double ripOff = portRipOffMax * q.nation.spec.corruption();
        if (model.random.nextDouble() < ripOff) {
            // Extraction pay: 7-15% of the load's value there (Europol 2023), its value at the market's margin rate (7.14).
            double pay = portExtractionShare * s.cost.value(model.markets().marginRate());
            c.paid(s.kg * pay);
            s.cost.handled(0, pay);
            return false;
        }
        if (model.random.nextDouble() >= inspectionSeizure(port)) return false;
        // Seized on the quay: the load is at the place (no longer on its way there), and ends as every seizure does.
        q.addIncoming(-s.kg);
        q.addPresent(s.kg);
        seize(s, l, q, q.nation, Event.Agency.PORT);
        return true;
    }

    /**
     * The crews living at a populated place handle the load: their wages and risk pay (7.7), times the cartel's
     * disruption (7.15), paid by the cartel and carried in the price. Once per populated place on the route: where
     * the load arrives, and at its origin when it leaves (the crews who moved it out).
     */
    private void handle(Shipment s, Place q) {
        Community residents = model.population().at(q);
        if (residents == null) return;
        double disrupted = s.cartel.costFactor();
        // h = w0 x people_per_agent / k x shortage x (1 + rho) (Reuter & Kleiman 1986: risk compensation).
        double wages = residents.wageCostUsdKg() * disrupted;
        double risk = residents.riskCostUsdKg() * disrupted;
        s.cartel.paid(s.kg * (wages + risk));
        s.cost.handled(wages, risk);
    }

    /**
     * The loss share a trafficker expects on a link it has no experience of: the known routine risks, loss
     * in transit for its mode, routine enforcement and, into a place with a port, its customs (7.24),
     * 1 - (1 - loss)(1 - detectability)(1 - port seizure chance).
     */
    double priorLoss(Link l) {
        return 1 - (1 - lossProb[l.mode.ordinal()]) * (1 - l.detectability) * (1 - portSeizureChance(l.to));
    }

    /**
     * Chance that customs seize a load arriving at a place, net of rip-offs (7.24):
     * (1 - rip_off_max x corruption) x min(1, inspected_share x targeting_lift) x detection; 0 without a port.
     */
    double portSeizureChance(Place q) {
        Specs.Port port = q.spec.port();
        if (port == null) return 0;
        return (1 - portRipOffMax * q.nation.spec.corruption()) * inspectionSeizure(port);
    }

    /** Chance that customs seize a load that was not ripped off: min(1, inspected_share x lift) x detection. */
    private double inspectionSeizure(Specs.Port port) {
        // p = min(1, inspected_share x lift) x detection (UNODC-WCO CCP: risk-targeted selection; lift, detection judgement).
        return Math.min(1, port.inspectedShare() * portTargetingLift) * portDetection;
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

    /**
     * Mean protection from routine enforcement of the kilograms that met it this week, weighted by kg
     * (ODD 7.5); 0 in a week nothing moved.
     */
    public double protectionThisWeek() {
        return kgThisWeek > 0 ? protectionKgThisWeek / kgThisWeek : 0;
    }

    /** Weeks in which cartels kept cargo in stock because {@link #MAX_SHIPMENTS} shipments were on their way. */
    public int capWeeks() {
        return capWeeks;
    }
}
