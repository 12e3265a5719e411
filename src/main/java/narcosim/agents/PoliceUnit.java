package narcosim.agents;

import narcosim.world.Place;

/**
 * A police unit of one nation posted at a place: it builds evidence from residents' tips and shared
 * intelligence, arrests smugglers and cartel members (with diminishing returns), searches shipments
 * passing through, and can be corrupted by bribes unless vetted.
 */
public final class PoliceUnit {

    public final int index;
    public final Place place;
    public final boolean vetted;
    private double evidence;
    private boolean corrupt;
    private double bribesThisWeek;
    private boolean active = true;

    public PoliceUnit(int index, Place place, boolean vetted) {
        this.index = index;
        this.place = place;
        this.vetted = vetted;
    }

    public double evidence() {
        return evidence;
    }

    public boolean corrupt() {
        return corrupt;
    }

    public boolean honest() {
        return active && !corrupt;
    }

    public boolean active() {
        return active;
    }

    public void standDown() {
        active = false;
    }

    public void addEvidence(double e) {
        evidence += e;
    }

    public void takeBribe(double usd) {
        bribesThisWeek += usd;
    }

    /** Evidence used up by arrests. */
    public void useEvidence(double e) {
        evidence = Math.max(0, evidence - e);
    }

    /**
     * The week's corruption dynamics: bribes may turn an honest unit (less likely when vetted), and a
     * corrupt one may be purged. Returns the bribes received this week.
     */
    public double closeWeek(double turnChance, double purgeChance, double decay,
                            ec.util.MersenneTwisterFast random) {
        double b = bribesThisWeek;
        if (!corrupt && b > 0 && random.nextDouble() < turnChance) {
            corrupt = true;
        } else if (corrupt && random.nextDouble() < purgeChance) {
            corrupt = false;
            evidence = 0;
        }
        evidence *= 1 - decay;
        bribesThisWeek = 0;
        return b;
    }

    public double bribesThisWeek() {
        return bribesThisWeek;
    }

    @Override
    public String toString() {
        return place.nation.id() + " police at " + place.spec.name() + " #" + index;
    }
}
