package narcosim.gui;

import narcosim.agents.Community;
import narcosim.agents.PoliceUnit;
import narcosim.agents.Posts;
import narcosim.model.NarcoModel;
import narcosim.world.Place;

/**
 * A place as the classroom window shows it: read-only bean properties that MASON's inspector lists
 * when a place is clicked (its community, the flows through it and the forces there). Reads the model;
 * never changes it.
 */
public final class PlaceView {

    private final Place place;
    private final NarcoModel model;

    PlaceView(Place place, NarcoModel model) {
        this.place = place;
        this.model = model;
    }

    public Place place() {
        return place;
    }

    public String getName() {
        return place.spec.name();
    }

    public String getNation() {
        return place.nation.spec.name();
    }

    public String getKind() {
        return place.spec.kind().yaml();
    }

    public long getPopulation() {
        return (long) place.spec.population();
    }

    /** The residents of the place, or null if nobody lives there. */
    Community community() {
        return model.population().at(place);
    }

    public int getResidentAgents() {
        return community() == null ? 0 : community().agents();
    }

    /** Mean trust of residents in the state, 0 to 1 (the map's colour). */
    public double getMeanTrust() {
        return community() == null ? 0 : community().meanTrust();
    }

    public double getMeanFear() {
        return community() == null ? 0 : community().meanFear();
    }

    public int getGrowers() {
        return community() == null ? 0 : community().growers();
    }

    public int getSmugglers() {
        return community() == null ? 0 : community().smugglers();
    }

    public int getJailed() {
        return community() == null ? 0 : community().jailed();
    }

    public int getRecruitsLastWeek() {
        return community() == null ? 0 : community().recruitsLastWeek();
    }

    public int getTipsLastWeek() {
        return community() == null ? 0 : community().tipsLastWeek();
    }

    public int getArrestsLastWeek() {
        return community() == null ? 0 : community().arrestsLastWeek();
    }

    public int getDevelopmentProgrammes() {
        return model.campaign().programmesAt(place);
    }

    public double getCocaHa() {
        return place.cocaHa();
    }

    /** Kg that passed through the place last week. */
    public long getThroughputKgLastWeek() {
        return place.throughputLastWeekKg();
    }

    /** Kg that set off towards the place this week, over all links into it. */
    public long getKgInboundThisWeek() {
        long kg = 0;
        for (int l : model.network().in(place.index)) kg += model.network().links.get(l).enteredKg();
        return kg;
    }

    /** Kg that left the place this week, over all links out of it. */
    public long getKgOutboundThisWeek() {
        long kg = 0;
        for (int l : model.network().out(place.index)) kg += model.network().links.get(l).enteredKg();
        return kg;
    }

    public int getPoliceUnits() {
        int n = 0;
        for (PoliceUnit u : model.campaign().police()) {
            if (u.place == place && u.active()) n++;
        }
        return n;
    }

    public int getHonestPoliceUnits() {
        return model.campaign().honestPoliceAt(place);
    }

    /** Military units posted on the links into and out of the place. */
    public int getMilitaryUnitsOnLinks() {
        Posts posts = model.campaign().posts();
        int n = 0;
        for (int l : model.network().in(place.index)) n += posts.on(model.network().links.get(l)).size();
        for (int l : model.network().out(place.index)) n += posts.on(model.network().links.get(l)).size();
        return n;
    }

    @Override
    public String toString() {
        return place.spec.name();
    }
}
