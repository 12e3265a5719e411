package narcosim.gui;

import narcosim.agents.Community;
import narcosim.agents.PoliceUnit;
import narcosim.agents.Posts;
import narcosim.metrics.Outcomes;
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

    // ------------------------------------------------------------------ names and tooltips in MASON's inspector
    // (MASON reads name<Property>() and des<Property>() beside get<Property>(): sim.util.SimpleProperties)

    public String nameName() {
        return "Place";
    }

    public String desName() {
        return "The place's name in the scenario";
    }

    public String nameNation() {
        return "Nation";
    }

    public String desNation() {
        return "The nation the place is in (whose forces may act there)";
    }

    public String nameKind() {
        return "Kind";
    }

    public String desKind() {
        return "What the place is: coca zone, departure port, coastal town, border, airstrip, sea point or market";
    }

    public String namePopulation() {
        return "Population (people)";
    }

    public String desPopulation() {
        return "People living at the place in the scenario";
    }

    public String nameResidentAgents() {
        return "Resident agents";
    }

    public String desResidentAgents() {
        return "Agents standing for the residents (each stands for several people)";
    }

    public String nameMeanTrust() {
        return Outcomes.weeklyOutcome("mean_trust").label() + " (0-1)";
    }

    public String desMeanTrust() {
        return "Mean trust of the residents in the state, 0 to 1: the circle's colour";
    }

    public String nameMeanFear() {
        return Outcomes.weeklyOutcome("mean_fear").label() + " (0-1)";
    }

    public String desMeanFear() {
        return Outcomes.weeklyOutcome("mean_fear").description() + " among the residents";
    }

    public String nameGrowers() {
        return Outcomes.weeklyOutcome("growers").label();
    }

    public String desGrowers() {
        return Outcomes.weeklyOutcome("growers").description();
    }

    public String nameSmugglers() {
        return "Smugglers";
    }

    public String desSmugglers() {
        return "Resident agents working as smugglers";
    }

    public String nameJailed() {
        return "Jailed";
    }

    public String desJailed() {
        return "Resident agents in jail";
    }

    public String nameRecruitsLastWeek() {
        return Outcomes.weeklyOutcome("recruits").label() + ", last week";
    }

    public String desRecruitsLastWeek() {
        return "Residents who joined trafficking last week";
    }

    public String nameTipsLastWeek() {
        return Outcomes.weeklyOutcome("tips").label() + ", last week";
    }

    public String desTipsLastWeek() {
        return Outcomes.weeklyOutcome("tips").description() + " last week";
    }

    public String nameArrestsLastWeek() {
        return Outcomes.weeklyOutcome("arrests").label() + ", last week";
    }

    public String desArrestsLastWeek() {
        return "Arrests at the place last week";
    }

    public String nameDevelopmentProgrammes() {
        return "Development programmes";
    }

    public String desDevelopmentProgrammes() {
        return "Development programmes (alternative livelihoods) the campaign runs here";
    }

    public String nameCocaHa() {
        return Outcomes.weeklyOutcome("coca_ha").label() + " (ha)";
    }

    public String desCocaHa() {
        return "Hectares of coca grown at the place";
    }

    public String nameThroughputKgLastWeek() {
        return "Kg through it, last week";
    }

    public String desThroughputKgLastWeek() {
        return "Kg of cocaine that passed through the place last week";
    }

    public String nameKgInboundThisWeek() {
        return "Kg inbound, this week";
    }

    public String desKgInboundThisWeek() {
        return "Kg that set off towards the place this week, over all routes into it";
    }

    public String nameKgOutboundThisWeek() {
        return "Kg outbound, this week";
    }

    public String desKgOutboundThisWeek() {
        return "Kg that left the place this week, over all routes out of it";
    }

    public String namePoliceUnits() {
        return "Police units";
    }

    public String desPoliceUnits() {
        return "Police units at work at the place (green squares)";
    }

    public String nameHonestPoliceUnits() {
        return "Honest police units";
    }

    public String desHonestPoliceUnits() {
        return "Police units at the place that are not corrupt";
    }

    public String nameMilitaryUnitsOnLinks() {
        return "Military units on its routes";
    }

    public String desMilitaryUnitsOnLinks() {
        return "Military units posted on the routes into and out of the place";
    }

    @Override
    public String toString() {
        return place.spec.name();
    }
}
