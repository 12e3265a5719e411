package narcosim.gui;

import narcosim.agents.Cartel;
import narcosim.agents.MilitaryUnit;
import narcosim.agents.Posts;
import narcosim.model.NarcoModel;
import narcosim.world.Link;

/**
 * A link as the classroom window draws and inspects it: recent flow (smoothed over a few weeks, the
 * line's width), the military units watching it (the line's colour), recent seizures and the seizure risk
 * the traffickers perceive. Read-only.
 */
public final class LinkView {

    /** Weight of this week in the smoothed flow: about a month of memory. */
    static final double SMOOTHING = 0.3;

    private final Link link;
    private final NarcoModel model;
    private double recentKg;
    private double recentSeizedKg;
    private long seizedSoFar;

    LinkView(Link link, NarcoModel model) {
        this.link = link;
        this.model = model;
    }

    public Link link() {
        return link;
    }

    void update() {
        recentKg += SMOOTHING * (link.enteredKg() - recentKg);
        // The collector's per-link seizures are campaign sums (restarted every burn-in week): this week's is the rise.
        long seized = model.collector().links().seizedKg(link);
        long week = seized >= seizedSoFar ? seized - seizedSoFar : seized;
        seizedSoFar = seized;
        recentSeizedKg += SMOOTHING * (week - recentSeizedKg);
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

    /**
     * The interdiction pressure on the route (the line's colour): the military units that can stop a shipment
     * on it, those posted on it (surveillance assets aside) plus the surveillance assets whose watch covers it.
     */
    public int getUnitsWatching() {
        Posts posts = model.campaign().posts();
        int n = posts.surveillance(link);
        for (MilitaryUnit u : posts.on(link)) {
            if (u.type != MilitaryUnit.Type.SURVEILLANCE) n++;
        }
        return n;
    }

    /** Kg a week seized on the route, smoothed over recent weeks as the flow is (0 during the burn-in). */
    public double getRecentSeizedKgWeek() {
        return recentSeizedKg;
    }

    // ------------------------------------------------------------------ names and tooltips in MASON's inspector
    // (MASON reads name<Property>() and des<Property>() beside get<Property>(): sim.util.SimpleProperties)

    public String nameFrom() {
        return "From";
    }

    public String desFrom() {
        return "Where the route starts";
    }

    public String nameTo() {
        return "To";
    }

    public String desTo() {
        return "Where the route ends";
    }

    public String nameMode() {
        return "Mode";
    }

    public String desMode() {
        return "How shipments travel on it: land, sea or air";
    }

    public String nameRecentFlowKgWeek() {
        return "Flow, kg a week (recent)";
    }

    public String desRecentFlowKgWeek() {
        return "Kg a week entering the route, smoothed over about a month: the line's width";
    }

    public String nameKgThisWeek() {
        return "Kg this week";
    }

    public String desKgThisWeek() {
        return "Kg that entered the route this week";
    }

    public String nameCapacityKgWeek() {
        return "Capacity, kg a week";
    }

    public String desCapacityKgWeek() {
        return "The most the route can carry in a week";
    }

    public String nameSeizureRisk() {
        return "Seizure risk the traffickers see";
    }

    public String desSeizureRisk() {
        return "The cartels' mean perceived chance of losing a shipment on this route, 0 to 1";
    }

    public String nameMilitaryUnits() {
        return "Military units posted on it";
    }

    public String desMilitaryUnits() {
        return "Military units posted on this route (surveillance assets included)";
    }

    public String nameUnitsWatching() {
        return "Military units watching it";
    }

    public String desUnitsWatching() {
        return "Units that can stop a shipment here: those posted on the route plus the surveillance assets whose watch covers it. The line's colour";
    }

    public String nameRecentSeizedKgWeek() {
        return "Seized, kg a week (recent)";
    }

    public String desRecentSeizedKgWeek() {
        return "Kg a week seized on the route, smoothed over about a month";
    }

    @Override
    public String toString() {
        return link.from.spec.name() + " -> " + link.to.spec.name();
    }
}
