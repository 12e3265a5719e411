package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.agents.PoliceUnit;
import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.world.Nation;
import narcosim.world.Place;

/**
 * The police hear residents' tips and cartels' bribes as events on the model's bus, and an arrest that falls
 * on cartel leadership goes out as one; nobody relays these calls through the model.
 */
class PoliceTest {

    /** The integrated strategy (vetted police among its parts) one week into the campaign. */
    private static NarcoModel integrated(String... sets) {
        NarcoModel m = PolicyModels.started(TestModels.BALLOON, "integrated", 3, sets);
        TestModels.steps(m, 4);
        assertTrue(m.campaign().deployed());
        return m;
    }

    /** The place with the most honest campaign police. */
    private static Place mostPoliced(NarcoModel m) {
        Place at = m.network().places.stream().max(Comparator.comparingInt(m.campaign()::honestPoliceAt)).orElseThrow();
        assertTrue(m.campaign().honestPoliceAt(at) > 1, "police posted at " + at.id());
        return at;
    }

    private static List<PoliceUnit> unitsAt(NarcoModel m, Place at) {
        return m.campaign().police().stream().filter(u -> u.place == at).toList();
    }

    @Test
    void tipsBecomeEvidenceSharedByTheHonestUnitsThere() {
        NarcoModel m = integrated("police.evidence_per_tip=2");
        Place at = mostPoliced(m);
        List<PoliceUnit> here = unitsAt(m, at);
        double[] before = here.stream().mapToDouble(PoliceUnit::evidence).toArray();
        int honest = m.campaign().honestPoliceAt(at);
        m.events().emit(new Event.Tips(at.index, 3));
        for (int i = 0; i < here.size(); i++) {
            double gain = here.get(i).honest() ? 3 * 2.0 / honest : 0;
            assertEquals(before[i] + gain, here.get(i).evidence(), 1e-12, here.get(i).toString());
        }
    }

    @Test
    void bribesAreSharedByTheActiveUnitsThere() {
        NarcoModel m = integrated();
        Place at = mostPoliced(m);
        List<PoliceUnit> here = unitsAt(m, at);
        double[] before = here.stream().mapToDouble(PoliceUnit::bribesThisWeek).toArray();
        long active = here.stream().filter(PoliceUnit::active).count();
        m.events().emit(new Event.Bribe(0, at.index, 9000));
        for (int i = 0; i < here.size(); i++) {
            assertEquals(before[i] + 9000.0 / active, here.get(i).bribesThisWeek(), 1e-9, here.get(i).toString());
        }
    }

    @Test
    void tipsTellTheNationThatTrafficLeavesThePlaceEvenBeforeTheCampaign() {
        NarcoModel m = PolicyModels.started(TestModels.BALLOON, "baseline", 10, "military.tips_per_signal=4",
                "military.tip_signal_max=0.6");
        TestModels.steps(m, 2);
        Place at = TestModels.place(m, "tumaco");
        Nation n = at.nation;
        n.clearSignals();
        m.events().emit(new Event.Tips(at.index, 2));
        for (int l : m.network().out(at.index)) assertEquals(0.5, n.signalOf(l), 1e-12, "2 tips / 4");
        m.events().emit(new Event.Tips(at.index, 3));
        for (int l = 0; l < m.network().links.size(); l++) {
            boolean leaves = m.network().links.get(l).from == at;
            assertEquals(leaves ? 0.6 : 0, n.signalOf(l), 1e-12, "3 tips / 4, at most 0.6, on links leaving");
        }
    }

    @Test
    void arrestsThatFallOnLeadersReachTheCartels() {
        NarcoModel m = integrated("police.leadership_targeting=true", "police.leader_share_targeted=1",
                "police.arrest_rate=100", "police.evidence_per_tip=10");
        int[] counts = new int[2];
        m.events().register(e -> {
            if (e instanceof Event.LeaderTargeted) counts[0]++;
            else if (e instanceof Event.Arrested a && a.kind() == Event.ArrestKind.LEADER) counts[1]++;
        });
        TestModels.steps(m, 20);
        assertTrue(counts[0] > 0, "arrests that fall on leaders");
        assertTrue(counts[1] > 0 && counts[1] <= counts[0], "leaders arrested " + counts[1] + " of " + counts[0]);
    }

    /** Share of n searches at a place by freshly posted units that end in a seizure, at a given protection. */
    private static double searchedShare(boolean vetted, double protection, int n)
            throws narcosim.scenario.ScenarioException {
        String[] sets = {"police.vetting=" + vetted, "police.vetting_factor=0.15", "police.search_prob=0.05"};
        narcosim.scenario.RunConfig cfg = TestModels.load(TestModels.BALLOON, sets).forStrategy("baseline", 1);
        NarcoModel m = PolicyModels.started(TestModels.BALLOON, "baseline", 3, sets);
        Police police = new Police(Police.Rules.of(cfg.params()), new Doctrine(cfg.params()), m.network(),
                m.population(), new narcosim.metrics.EventBus());
        Place at = TestModels.place(m, "tumaco");
        police.post(at.nation, 40);
        int posted = police.honestAt(at);
        assertTrue(posted > 0, "units posted at " + at.id());
        assertTrue(police.units().stream().allMatch(u -> u.vetted == vetted));
        ec.util.MersenneTwisterFast random = new ec.util.MersenneTwisterFast(7);
        int seized = 0;
        for (int i = 0; i < n; i++) {
            if (police.search(at, protection, random)) seized++;
        }
        return seized / (double) n;
    }

    @Test
    void protectionLowersSearchesAndVettingRemovesMostOfIt() throws Exception {
        int n = 20_000;
        double open = searchedShare(false, 0, n);
        double bought = searchedShare(false, 0.6, n);
        double vettedOpen = searchedShare(true, 0, n);
        double vettedBought = searchedShare(true, 0.6, n);
        assertTrue(open > 0.05, "searches seize: " + open);
        assertTrue(bought < open * 0.6, "protection 0.6 lowers searches of the payer's shipments: " + bought + " vs " + open);
        assertEquals(open, vettedOpen, 0.02, "vetting changes nothing without bribes");
        // Vetted units look away with 0.15 x 0.6 = 0.09 instead of 0.6 per search.
        assertTrue(vettedBought > vettedOpen * 0.85, "vetted units keep most of their searches: " + vettedBought
                + " vs " + vettedOpen);
        assertTrue(vettedOpen - vettedBought < 0.35 * (open - bought), "vetting removes most of the protection");
    }
}
