package narcosim.world;

import narcosim.scenario.Specs;
import narcosim.util.StateException;

/** A place of the geography at run time: its fixed description plus the state that changes. */
public final class Place {

    public final int index;
    public final Specs.Place spec;
    public final Nation nation;

    // Coca growing (production places only).
    private double cocaHa;
    /** Most coca area the place may reach (market.coca_area_cap_factor times its scenario area). */
    private double cocaCapHa = Double.POSITIVE_INFINITY;
    private boolean cocaCapped;
    private double haPerGrower;
    private double productionRemainderKg;
    private double eradicatedThisWeekHa;
    private double eradicatedLastWeekHa;
    private double eradicatedRecentHa;
    /**
     * Planting that growers moved here from sprayed places (positive) or away from here (negative): added to the
     * area the place's growers tend (ODD 7.12, displacement).
     */
    private double relocatedHa;
    /** Destroyed coca area that will resprout from pruned bushes. */
    private double resproutingHa;
    /** Produced kg not yet bought by a cartel. */
    private long stockKg;

    /** Kg that arrived here this week and last week (all cartels). */
    private long throughputKg;
    private long throughputLastWeekKg;
    /** Kg of shipments waiting here, and on their way here (congestion), kept up to date as they move. */
    private long presentKg;
    private long incomingKg;
    /** Kg the crews living here can move out this week (smugglers x kg per smuggler, ODD 7.7), and kg moved so far. */
    private double crewCapacityKg = Double.POSITIVE_INFINITY;
    private long crewUsedKg;
    /** Kg cartels bought here and hold in stock, not launched for lack of crews or a route (ODD 7.7). */
    private long heldKg;
    /** Kg that left here this week and last week from where their shipments started (crews' traffic, ODD 7.7). */
    private long launchedKg;
    private long launchedLastWeekKg;

    public Place(int index, Specs.Place spec, Nation nation) {
        this.index = index;
        this.spec = spec;
        this.nation = nation;
        this.cocaHa = spec.cocaHa();
    }

    public boolean isMarket() {
        return spec.kind() == Specs.PlaceKind.MARKET;
    }

    public boolean isProduction() {
        return spec.kind() == Specs.PlaceKind.PRODUCTION;
    }

    /** Whether residents live here: a place with people that is neither a market nor a sea lane. */
    public boolean isPopulated() {
        return spec.population() > 0 && !isMarket() && spec.kind() != Specs.PlaceKind.SEA;
    }

    public String id() {
        return spec.id();
    }

    public double cocaHa() {
        return cocaHa;
    }

    /** Caps the coca area at {@code factor} times the scenario's area here (ODD 7.6). */
    public void capCocaArea(double factor) {
        cocaCapHa = spec.cocaHa() * factor;
    }

    /** Most coca area the place may reach. */
    public double cocaCapHa() {
        return cocaCapHa;
    }

    /** True if this week's growth was held at the cap. */
    public boolean cocaCapped() {
        return cocaCapped;
    }

    public long stockKg() {
        return stockKg;
    }

    public long throughputLastWeekKg() {
        return throughputLastWeekKg;
    }

    /** Hectares eradicated over about the last {@code eradication.memory_weeks} weeks (an exponentially weighted sum). */
    public double eradicatedRecentHa() {
        return eradicatedRecentHa;
    }

    /** Hectares destroyed here in the week just closed. */
    public double eradicatedLastWeekHa() {
        return eradicatedLastWeekHa;
    }

    /** Eradication risk growers see here: hectares eradicated over about the last quarter over the area, at most 1. */
    public double eradicationRisk() {
        return Math.min(1.0, eradicatedRecentHa / Math.max(1e-9, cocaHa));
    }

    /** Planting moved here (positive) or away (negative) by eradication (ODD 7.12). */
    public double relocatedHa() {
        return relocatedHa;
    }

    /** The area the growers here tend: growers x ha per grower x planting, plus planting moved here (never below 0). */
    public double targetHa(int growers, double planting) {
        return Math.max(0, growers * haPerGrower * planting + relocatedHa);
    }

    /**
     * Growers move {@code ha} of their planting away from here: that much destroyed area no longer resprouts here
     * (it is replanted elsewhere) and the area they tend here falls by as much.
     */
    public void displaceFrom(double ha) {
        if (!(ha >= 0 && ha <= resproutingHa + 1e-9)) {
            throw new IllegalArgumentException("cannot displace " + ha + " ha from " + spec.id() + " with "
                    + resproutingHa + " ha resprouting");
        }
        resproutingHa = Math.max(0, resproutingHa - ha);
        relocatedHa -= ha;
    }

    /** Growers from sprayed places replant {@code ha} here (ODD 7.12). */
    public void displaceTo(double ha) {
        relocatedHa += ha;
    }

    public double haPerGrower() {
        return haPerGrower;
    }

    /** Fixes the area one grower agent tends, so that the starting growers tend the scenario's coca area. */
    public void calibrateGrowers(int growers, int agents) {
        haPerGrower = cocaHa / Math.max(1, growers > 0 ? growers : agents);
    }

    /** Destroyed coca area still to resprout. */
    public double resproutingHa() {
        return resproutingHa;
    }

    /**
     * Destroyed bushes that growers pruned after spraying come back with the given time constant, whatever
     * the number of growers (replanting, {@link #growTowards}, works on top of this).
     */
    public void resprout(int weeks) {
        double back = resproutingHa / weeks;
        resproutingHa -= back;
        cocaHa += back;
        cocaCapped = cocaHa > cocaCapHa;
        if (cocaCapped) cocaHa = cocaCapHa;
    }

    /**
     * Growers replant eradicated fields and follow their numbers: the area moves towards growers x ha per
     * grower x {@code planting} (more area per grower when the farm-gate price is high), plus the planting
     * eradication moved here or away, with the given time constant.
     */
    public void growTowards(int growers, double planting, int replantWeeks) {
        double target = targetHa(growers, planting);
        cocaHa += (target - cocaHa) / replantWeeks;
        if (cocaHa < 0) cocaHa = 0;
        if (cocaHa > cocaCapHa) {
            cocaHa = cocaCapHa;
            cocaCapped = true;
        }
    }

    /** Hectares that eradicating {@code ha} here treats: no more than the standing area. */
    public double treatable(double ha) {
        return Math.min(cocaHa, ha);
    }

    /** Eradicates up to {@code ha}; returns the hectares really destroyed. */
    public double eradicate(double ha, double killFraction) {
        double destroyed = treatable(ha) * killFraction;
        cocaHa -= destroyed;
        resproutingHa += destroyed;
        eradicatedThisWeekHa += destroyed;
        return destroyed;
    }

    /** Harvest of one week into the place's stock; whole kilograms only, the rest is carried over. */
    public long harvest(double kgPerHaWeek) {
        productionRemainderKg += cocaHa * kgPerHaWeek;
        long kg = StateException.wholeKg(productionRemainderKg, "the week's harvest at ", spec.id());
        productionRemainderKg -= kg;
        stockKg = StateException.addKg(stockKg, kg, "the stock at ", spec.id());
        return kg;
    }

    /** A cartel buys up to {@code kg} of the stock; returns what it got. */
    public long takeStock(long kg) {
        long got = Math.min(kg, stockKg);
        stockKg -= got;
        return got;
    }

    /** Kg of shipments waiting here or heading here now. */
    public long backlogKg() {
        return presentKg + incomingKg;
    }

    public long presentKg() {
        return presentKg;
    }

    /** A shipment starts waiting here (positive) or leaves (negative). */
    public void addPresent(long kg) {
        presentKg += kg;
    }

    /** A shipment sets out for here (positive) or arrives (negative). */
    public void addIncoming(long kg) {
        incomingKg += kg;
    }

    public void addThroughput(long kg) {
        throughputKg += kg;
    }

    /** The week's crew capacity here (kg); resets the kg moved out this week. Unpopulated places are never set. */
    public void openCrews(double capacityKg) {
        crewCapacityKg = capacityKg;
        crewUsedKg = 0;
    }

    /** Whether the crews here can still take a shipment out this week: capacity is left (the last one may overshoot). */
    public boolean crewsHaveRoom() {
        return crewUsedKg < crewCapacityKg;
    }

    /**
     * Whether the crews here can take on a new load this week: the kg they moved out plus the kg already
     * waiting here are below their capacity (the last load may overshoot, as in {@link #crewsHaveRoom()}).
     */
    public boolean crewsHaveRoomForNewLoad() {
        return crewUsedKg + presentKg < crewCapacityKg;
    }

    /** Cartels' stock held here grows (positive) or is launched or moved (negative). */
    public void addHeld(long kg) {
        heldKg += kg;
    }

    /** Kg cartels hold in stock here (bought, not launched). */
    public long heldKg() {
        return heldKg;
    }

    /** A shipment left with the crews' help; {@code origin} if it started here. */
    public void useCrews(long kg, boolean origin) {
        crewUsedKg += kg;
        if (origin) launchedKg += kg;
    }

    /** Kg that arrived here or left here from where their shipments started, last week: the crews' traffic. */
    public long crewTrafficLastWeekKg() {
        return throughputLastWeekKg + launchedLastWeekKg;
    }

    /** Crew capacity this week, kg (infinite where nobody lives). */
    public double crewCapacityKg() {
        return crewCapacityKg;
    }

    /** Kg the crews here moved out this week. */
    public long crewUsedKg() {
        return crewUsedKg;
    }

    /** Closes the week's books on throughput and eradication, remembering eradication over about {@code memoryWeeks}. */
    public void closeWeek(int memoryWeeks) {
        throughputLastWeekKg = throughputKg;
        throughputKg = 0;
        launchedLastWeekKg = launchedKg;
        launchedKg = 0;
        eradicatedRecentHa = eradicatedRecentHa * (memoryWeeks - 1.0) / memoryWeeks + eradicatedThisWeekHa;
        eradicatedLastWeekHa = eradicatedThisWeekHa;
        eradicatedThisWeekHa = 0;
    }

    @Override
    public String toString() {
        return spec.name();
    }
}
