package narcosim.world;

import narcosim.scenario.Specs;

/**
 * A nation at run time: what it knows of traffic (estimated use of each link), the capability of its
 * forces, and whether it currently cooperates with the partnership.
 */
public final class Nation {

    public final int index;
    public final Specs.Nation spec;
    /** Estimated use of each link, in [0,1] (NarcoLogic's p). */
    private final double[] intel;
    /** This month's signals of traffic on each link (seizures, detections, tips), in [0,1]. */
    private final double[] signal;
    /** Links where this nation seized a shipment last month. */
    private final boolean[] success;
    private double capability;
    private int suspendedUntil = Integer.MIN_VALUE;
    private boolean withdrawn;

    public Nation(int index, Specs.Nation spec, int links, double capability) {
        this.index = index;
        this.spec = spec;
        this.intel = new double[links];
        this.signal = new double[links];
        this.success = new boolean[links];
        this.capability = capability;
    }

    public String id() {
        return spec.id();
    }

    public double intel(int link) {
        return intel[link];
    }

    public double[] intelView() {
        return intel;
    }

    public void signal(int link, double strength) {
        if (strength > signal[link]) signal[link] = strength;
    }

    public double signalOf(int link) {
        return signal[link];
    }

    /** NarcoLogic's update p <- (1-u) p + u s, with s the strongest own or shared signal; then signals reset. */
    public void updateIntel(double u, double[] combinedSignal) {
        for (int l = 0; l < intel.length; l++) {
            intel[l] = (1 - u) * intel[l] + u * combinedSignal[l];
        }
    }

    /** Remembers last month's successful links (a seizure gives the full signal of 1). */
    public void lastMonthSuccess(double[] combinedSignal) {
        for (int l = 0; l < success.length; l++) success[l] = combinedSignal[l] >= 1.0;
    }

    public boolean succeededOn(int link) {
        return success[link];
    }

    public void clearSignals() {
        java.util.Arrays.fill(signal, 0);
    }

    public double capability() {
        return capability;
    }

    /** Joint training moves capability towards 1. */
    public void train(double rate) {
        capability += rate * (1 - capability);
    }

    /** Whether it takes part in the partnership at the given campaign week. */
    public boolean cooperates(int week) {
        return spec.partner() && !withdrawn && week >= suspendedUntil;
    }

    public void suspendUntil(int week) {
        suspendedUntil = week;
    }

    public void withdraw() {
        withdrawn = true;
    }

    public boolean withdrawn() {
        return withdrawn;
    }

    @Override
    public String toString() {
        return spec.name();
    }
}
