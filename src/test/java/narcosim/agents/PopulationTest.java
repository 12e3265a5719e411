package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.metrics.Event;
import narcosim.world.Nation;
import narcosim.world.Place;

/** The residents of the populated places: where they live, what reaches them, what they add up to. */
class PopulationTest {

    @Test
    void aCommunityLivesAtEveryPopulatedPlaceAndNowhereElse() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.HEARTS), "baseline", 1);
        int populated = 0;
        for (Place p : m.network().places) {
            if (p.isPopulated()) {
                assertNotNull(m.population().at(p), p.id());
                assertEquals(p, m.population().at(p).place);
                populated++;
            } else {
                assertNull(m.population().at(p), p.id());
            }
        }
        assertEquals(populated, m.population().communities().size());
    }

    @Test
    void theLevelsAreSumsOverTheCommunities() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.HEARTS, "run.burn_in_weeks=4"), "heavy-handed", 2);
        TestModels.steps(m, 10);
        Population pop = m.population();
        long agents = 0;
        long smugglers = 0;
        long growers = 0;
        double trust = 0;
        for (Community c : pop.communities()) {
            agents += c.agents();
            smugglers += c.smugglers();
            growers += c.growers();
            trust += c.sumTrust();
        }
        assertEquals(agents, pop.agents());
        assertEquals(smugglers, pop.smugglers());
        assertEquals(growers, pop.growers());
        assertEquals(trust / agents, pop.meanTrust(), 1e-12);
        double weighted = 0;
        for (Nation n : m.network().nations) {
            long here = pop.communities().stream().filter(c -> c.place.nation == n).mapToLong(Community::agents).sum();
            weighted += pop.meanTrust(n) * here;
        }
        assertEquals(pop.meanTrust(), weighted / agents, 1e-12, "the nations' means make up the whole");
    }

    /** Events at a place reach its residents; events at unpopulated places (sea lanes) reach nobody. */
    @Test
    void eventsReachTheResidentsOfThePlace() {
        NarcoModel m = TestModels.started(TestModels.tiny(), "baseline", 3);
        Community farm = TestModels.community(m, "farm");
        Community port = TestModels.community(m, "port");
        double farmBefore = farm.meanTrust();
        double portBefore = port.meanTrust();
        Place sea = TestModels.place(m, "open_sea");
        for (int k = 0; k < 50; k++) {
            m.events().emit(new Event.CollateralHarm(farm.place.index, 0));
            m.events().emit(new Event.CollateralHarm(sea.index, 0));
        }
        TestModels.steps(m, 1);
        double farmDrop = farmBefore - farm.meanTrust();
        double portDrop = portBefore - port.meanTrust();
        assertTrue(farmDrop > portDrop + 0.01, "harm at the farm: " + farmDrop + " vs " + portDrop);
    }
}
