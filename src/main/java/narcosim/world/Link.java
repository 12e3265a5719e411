package narcosim.world;

import narcosim.scenario.Specs;

/** A directed link at run time: fixed attributes and this week's load. */
public final class Link {

    public final int index;
    public final Specs.Link spec;
    public final Place from;
    public final Place to;
    public final Specs.Mode mode;
    public final double lengthKm;
    public final double costUsdKg;
    public final double detectability;
    public final double capacityKgWeek;
    /** Weeks a shipment takes to cross it. */
    public final int travelWeeks;
    /** True when it joins places of two different nations (international waters excluded). */
    public final boolean crossBorder;

    private long usedKg;
    private long enteredKg;

    public Link(int index, Specs.Link spec, Place from, Place to, int travelWeeks) {
        this.index = index;
        this.spec = spec;
        this.from = from;
        this.to = to;
        this.mode = spec.mode();
        this.lengthKm = spec.lengthKm();
        this.costUsdKg = spec.costUsdKg();
        this.detectability = spec.detectability();
        this.capacityKgWeek = spec.capacityKgWeek();
        this.travelWeeks = travelWeeks;
        this.crossBorder = from.nation != to.nation && !from.nation.spec.international()
                && !to.nation.spec.international();
    }

    /** Whether a shipment of this size can still enter this week (a lone shipment always can). */
    public boolean hasRoomFor(long kg) {
        return usedKg == 0 || usedKg + kg <= capacityKgWeek;
    }

    public void enter(long kg) {
        usedKg += kg;
        enteredKg += kg;
    }

    /** Called once a week before shipments move. */
    public void newWeek() {
        usedKg = 0;
        enteredKg = 0;
    }

    public long enteredKg() {
        return enteredKg;
    }

    /** Whether a nation's forces may act here: its own territory, international waters, or a host's consent. */
    public boolean inJurisdictionOf(Nation n) {
        return from.nation == n || to.nation == n || from.nation.spec.international() || to.nation.spec.international();
    }

    @Override
    public String toString() {
        return from.id() + ">" + to.id() + " (" + mode.yaml() + ")";
    }
}
