package narcosim.gui;

import narcosim.agents.Cartel;
import narcosim.model.NarcoModel;
import narcosim.world.Link;

/**
 * A link as the classroom window draws and inspects it: recent flow (smoothed over a few weeks, the
 * line's width) and seizure risk as the traffickers perceive it (the line's colour). Read-only.
 */
public final class LinkView {

    /** Weight of this week in the smoothed flow: about a month of memory. */
    static final double SMOOTHING = 0.3;

    private final Link link;
    private final NarcoModel model;
    private double recentKg;

    LinkView(Link link, NarcoModel model) {
        this.link = link;
        this.model = model;
    }

    public Link link() {
        return link;
    }

    void update() {
        recentKg += SMOOTHING * (link.enteredKg() - recentKg);
    }

    public String getFrom() {
        return link.from.spec.name();
    }

    public String getTo() {
        return link.to.spec.name();
    }

    public String getMode() {
        return link.mode.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Kg a week entering the link, smoothed over recent weeks. */
    public double getRecentFlowKgWeek() {
        return recentKg;
    }

    public long getKgThisWeek() {
        return link.enteredKg();
    }

    public double getCapacityKgWeek() {
        return link.capacityKgWeek;
    }

    /** The cartels' mean perceived chance of losing a shipment on this link (0 to 1). */
    public double getSeizureRisk() {
        double sum = 0;
        int n = 0;
        for (Cartel c : model.cartels()) {
            sum += c.perceivedRisk(link.index);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    public int getMilitaryUnits() {
        return model.campaign().posts().on(link).size();
    }

    @Override
    public String toString() {
        return link.from.spec.name() + " -> " + link.to.spec.name();
    }
}
