package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.agents.MilitaryUnit;
import narcosim.agents.PoliceUnit;
import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.world.Link;
import narcosim.world.Nation;

/** A partner's withdrawal: its forces leave their posts for good and it shares nothing more. */
class PartnershipTest {

    private static NarcoModel withdrawing(String strategy, int week) {
        return TestModels.started(TestModels.load(TestModels.BALLOON, "run.burn_in_weeks=4",
                "partnership.withdrawal_nation=PAN", "partnership.withdrawal_week=" + week), strategy, 2);
    }

    private static List<MilitaryUnit> unitsOf(NarcoModel m, Nation n) {
        return m.campaign().military().stream().filter(u -> u.nation == n).toList();
    }

    private static void assertOffDuty(NarcoModel m, Nation pan) {
        for (MilitaryUnit u : unitsOf(m, pan)) assertNull(u.post(), u + " still posted");
        for (Link l : m.network().links) {
            assertTrue(m.campaign().posts().on(l).stream().noneMatch(u -> u.nation == pan), "a Panamanian unit on " + l);
            assertFalse(m.campaign().mayAct(pan, l), "Panama may no longer act on " + l);
        }
    }

    @Test
    void withdrawalAtTheStartTakesTheNationsUnitsOffTheirPosts() {
        NarcoModel m = withdrawing("corridor-crackdown", 0);
        Nation pan = TestModels.nation(m, "PAN");
        List<Event.PartnerSuspended> events = new ArrayList<>();
        m.events().register(e -> {
            if (e instanceof Event.PartnerSuspended s) events.add(s);
        });
        TestModels.steps(m, 5);
        assertFalse(unitsOf(m, pan).isEmpty(), "the strategy fields Panamanian units");
        assertTrue(pan.withdrawn());
        assertFalse(pan.cooperates(m.week()));
        assertOffDuty(m, pan);
        assertEquals(List.of(new Event.PartnerSuspended(pan.index, true)), events);
        TestModels.steps(m, 20);
        assertOffDuty(m, pan);
        assertEquals(1, events.size(), "a withdrawal happens once");
        assertTrue(m.campaign().military().stream().anyMatch(u -> u.nation != pan && u.post() != null),
                "the other nations stay on duty");
    }

    @Test
    void unitsServeUntilTheWithdrawalWeek() {
        NarcoModel m = withdrawing("intelligence-interdiction", 8);
        Nation pan = TestModels.nation(m, "PAN");
        TestModels.steps(m, 4 + 8);
        assertFalse(pan.withdrawn());
        assertTrue(unitsOf(m, pan).stream().anyMatch(u -> u.post() != null), "posted before the withdrawal");
        TestModels.steps(m, 1);
        assertTrue(pan.withdrawn());
        assertOffDuty(m, pan);
        TestModels.steps(m, 12);
        assertOffDuty(m, pan);
    }

    @Test
    void withdrawalStandsDownTheNationsPolice() {
        NarcoModel m = withdrawing("integrated", 0);
        Nation pan = TestModels.nation(m, "PAN");
        TestModels.steps(m, 6);
        List<PoliceUnit> police = m.campaign().police().stream().filter(u -> u.place.nation == pan).toList();
        assertFalse(police.isEmpty(), "the strategy fields Panamanian police");
        for (PoliceUnit u : police) {
            assertFalse(u.active());
            assertFalse(u.honest());
            assertEquals(0, m.campaign().honestPoliceAt(u.place));
        }
        assertTrue(m.campaign().police().stream().anyMatch(u -> u.place.nation != pan && u.active()));
    }

    @Test
    void withoutAWithdrawalTheNationStays() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "run.burn_in_weeks=4",
                "nations.PAN.instability_hazard_per_year=0"), "corridor-crackdown", 2);
        TestModels.steps(m, 30);
        Nation pan = TestModels.nation(m, "PAN");
        assertFalse(pan.withdrawn());
        assertTrue(unitsOf(m, pan).stream().anyMatch(u -> u.post() != null));
    }
}
