package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.world.Link;

/**
 * A cartel's perceived risk (NarcoLogic), its expansion under losses, and splits after leader losses
 * (Dell 2015). Risk is tested on the four-place scenario, where routine enforcement never seizes
 * anything, so the only seizures are those a test reports with {@link Cartel#seized}.
 */
class CartelTest {

    /** NarcoLogic's prior and memory, fixed here so that tuning the defaults leaves these tests alone. */
    private static final String[] NARCOLOGIC_RISK = {"cartel.risk_alpha=2", "cartel.risk_beta=0.5",
        "cartel.risk_memory_weeks=13", "shipment.loss_land=0", "shipment.loss_sea=0"};

    private static NarcoModel tiny(long seed, String... more) {
        List<String> sets = new ArrayList<>(List.of(NARCOLOGIC_RISK));
        sets.addAll(List.of(more));
        return TestModels.started(TestModels.tiny(sets.toArray(String[]::new)), "baseline", seed);
    }

    @Test
    void withoutSeizuresEveryLinkHasThePriorRisk() {
        NarcoModel m = tiny(1, "cartel.risk_w=1");
        Cartel c = m.cartels().get(0);
        double prior = 2 / (13 + 2 + 0.5);
        for (Link l : m.network().links) assertEquals(prior, c.perceivedRisk(l.index), 1e-15, "at the start");
        TestModels.steps(m, 20);
        assertTrue(m.transit().inTransitKg() > 0, "the cartel is shipping");
        for (Link l : m.network().links) assertEquals(prior, c.perceivedRisk(l.index), 1e-15, "after 20 weeks");
    }

    @Test
    void riskCountsTheWeeksWithASeizureInTheLastThirteen() {
        NarcoModel m = tiny(2, "cartel.risk_w=1");
        Cartel c = m.cartels().get(0);
        Link hit = TestModels.link(m, "port", "open_sea");
        Link other = TestModels.link(m, "open_sea", "city");
        TestModels.steps(m, 3);
        // Seizures reported before weeks 0, 2, 3 (two in week 3: e = 1 still) and 20 of this test.
        List<Integer> seizureWeeks = List.of(0, 2, 3, 20);
        for (int week = 0; week < 40; week++) {
            if (seizureWeeks.contains(week)) c.seized(hit, 800);
            if (week == 3) c.seized(hit, 800);
            TestModels.steps(m, 1);
            int count = 0;
            for (int s : seizureWeeks) {
                if (s <= week && week - s < 13) count++;
            }
            // NarcoLogic: r = (sum_{t=0..12} e_t + alpha) / (13 + alpha + beta), w = 1.
            assertEquals((count + 2) / (13 + 2 + 0.5), c.perceivedRisk(hit.index), 1e-15, "week " + week);
            assertEquals(2 / 15.5, c.perceivedRisk(other.index), 1e-15, "other links keep the prior");
        }
    }

    /** Every memory the parameter allows (1 to 52 weeks) remembers a seizure once, for exactly that many weeks. */
    @ParameterizedTest(name = "memory {0} weeks")
    @ValueSource(ints = {1, 13, 31, 32, 52})
    void aSeizureIsRememberedForTheMemoryWeeksWhateverTheMemory(int memory) {
        NarcoModel m = tiny(12, "cartel.risk_w=1", "cartel.risk_memory_weeks=" + memory);
        Cartel c = m.cartels().get(0);
        Link hit = TestModels.link(m, "port", "open_sea");
        double denominator = memory + 2 + 0.5;
        TestModels.steps(m, 2);
        c.seized(hit, 800);
        for (int age = 0; age < memory; age++) {
            TestModels.steps(m, 1);
            assertEquals(3 / denominator, c.perceivedRisk(hit.index), 1e-12, "one seizure, " + age + " weeks old");
        }
        TestModels.steps(m, 1);
        assertEquals(2 / denominator, c.perceivedRisk(hit.index), 1e-12, "forgotten after " + memory + " weeks");
    }

    @Test
    void olderSeizuresWeighLessWithAMemoryWeight() {
        double w = 0.5;
        NarcoModel m = tiny(3, "cartel.risk_w=" + w);
        Cartel c = m.cartels().get(0);
        Link hit = TestModels.link(m, "farm", "port");
        double weights = 0;
        for (int t = 0; t < 13; t++) weights += Math.pow(w, t);
        assertEquals(2 / (weights + 2.5), c.perceivedRisk(hit.index), 1e-12, "prior");
        c.seized(hit, 800);
        TestModels.steps(m, 1);
        c.seized(hit, 800);
        TestModels.steps(m, 1);
        TestModels.steps(m, 2);
        // Seized 4 and 3 weeks before the last update: ages 3 and 2.
        assertEquals((Math.pow(w, 3) + Math.pow(w, 2) + 2) / (weights + 2.5), c.perceivedRisk(hit.index), 1e-12);
    }

    /**
     * Places in the network week by week, for one cartel on the balloon scenario (baseline) under the
     * given link detectabilities.
     */
    private static int[] placesByWeek(long seed, int weeks, String... sets) {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, sets), "baseline", seed);
        int[] out = new int[weeks + 1];
        out[0] = m.cartels().get(0).placeCount();
        for (int w = 1; w <= weeks; w++) {
            TestModels.steps(m, 1);
            out[w] = m.cartels().get(0).placeCount();
        }
        return out;
    }

    private static final String[] ALL_LINKS = {"narino>tumaco", "tumaco>off_gorgona", "off_gorgona>off_cabo_marzo",
        "off_cabo_marzo>jaque", "jaque>colon", "tumaco>off_malpelo", "off_malpelo>off_punta_mala",
        "off_punta_mala>tonosi", "tonosi>colon", "colon>miami"};
    private static final String[] EAST = {"tumaco>off_gorgona", "off_gorgona>off_cabo_marzo", "off_cabo_marzo>jaque"};

    private static String[] detectability(double east, double rest) {
        List<String> sets = new ArrayList<>();
        for (String l : ALL_LINKS) {
            sets.add("links." + l + ".detectability=" + (List.of(EAST).contains(l) ? east : rest));
        }
        return sets.toArray(String[]::new);
    }

    @Test
    void aCartelThatLosesShipmentsExpandsItsNetworkAndOneThatDoesNotStaysPut() {
        int weeks = 24;
        double lossyPeak = 0;
        double quietPeak = 0;
        for (long seed = 1; seed <= 3; seed++) {
            int[] quiet = placesByWeek(seed, weeks, detectability(0, 0));
            int[] lossy = placesByWeek(seed, weeks, detectability(0.5, 0));
            int start = quiet[0];
            assertEquals(7, start, "starts on the cheapest path: narino .. miami by the east corridor");
            assertEquals(start, lossy[0]);
            for (int w = 0; w <= weeks; w++) assertEquals(start, quiet[w], "no losses, no expansion (week " + w + ")");
            lossyPeak += java.util.Arrays.stream(lossy).max().orElseThrow();
            quietPeak += java.util.Arrays.stream(quiet).max().orElseThrow();
        }
        assertTrue(lossyPeak / 3 > quietPeak / 3, "losses should add places: " + lossyPeak / 3 + " vs " + quietPeak / 3);
        assertEquals(10, lossyPeak / 3, 1e-9, "the whole west corridor (3 places) is added in every run");
    }

    @Test
    void expansionTakesTheCartelIntoTheOtherCorridor() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, detectability(0.5, 0)), "baseline", 4);
        Cartel c = m.cartels().get(0);
        int malpelo = TestModels.place(m, "off_malpelo").index;
        assertFalse(c.operatesAt(malpelo));
        boolean reached = false;
        for (int w = 0; w < 24 && !reached; w++) {
            TestModels.steps(m, 1);
            reached = c.operatesAt(malpelo);
        }
        assertTrue(reached, "the cartel never moved into the west corridor");
    }

    private static NarcoModel forSplits(double probability) {
        return TestModels.started(TestModels.load(TestModels.BALLOON, "cartel.split_probability=" + probability,
                "cartel.split_leader_losses=2", "cartel.split_window_weeks=4", "cartel.leaders=5",
                "cartel.leader_replacement_weeks=3"), "baseline", 5);
    }

    @Test
    void aCartelSplitsOnlyAfterEnoughLeaderLossesWithinTheWindow() {
        NarcoModel m = forSplits(1);
        TestModels.steps(m, 2);
        Cartel c = m.cartels().get(0);
        assertFalse(c.loseLeader(m), "one loss is not enough");
        assertEquals(4, c.leaders());
        assertTrue(c.loseLeader(m), "the second within the window splits it (probability 1)");
        assertEquals(3, c.leaders());
    }

    @Test
    void lossesOutsideTheWindowDoNotAddUp() {
        NarcoModel m = forSplits(1);
        Cartel c = m.cartels().get(0);
        assertFalse(c.loseLeader(m));
        TestModels.steps(m, 4);
        assertFalse(c.loseLeader(m), "the first loss left the 4-week window");
        assertTrue(c.loseLeader(m), "two losses in the same week");
    }

    @Test
    void withSplitProbabilityZeroACartelNeverSplits() {
        NarcoModel m = forSplits(0);
        Cartel c = m.cartels().get(0);
        for (int i = 0; i < 5; i++) assertFalse(c.loseLeader(m));
        assertEquals(0, c.leaders());
        assertFalse(c.loseLeader(m), "no leader left to lose");
    }

    @Test
    void leadersAreReplacedAfterTheReplacementWeeks() {
        NarcoModel m = forSplits(0);
        Cartel c = m.cartels().get(0);
        int week = m.week();
        c.loseLeader(m);
        assertEquals(4, c.leaders());
        // Lost in week w; the cartel phase of week w + 3 brings a new leader.
        while (m.week() <= week + 2) {
            TestModels.steps(m, 1);
            assertEquals(4, c.leaders(), "week " + (m.week() - 1));
        }
        TestModels.steps(m, 1);
        assertEquals(5, c.leaders());
    }

    @Test
    void arrestingLeadersSplitsTheCartelIntoRivalsSharingItsNetwork() {
        NarcoModel m = forSplits(1);
        TestModels.steps(m, 3);
        List<Event.CartelSplit> splits = new ArrayList<>();
        m.events().register(e -> {
            if (e instanceof Event.CartelSplit s) splits.add(s);
        });
        Cartel parent = m.cartels().get(0);
        double capital = parent.capitalUsd();
        m.events().emit(new Event.LeaderTargeted(TestModels.place(m, "tumaco").index));
        assertEquals(1, m.cartels().size());
        m.events().emit(new Event.LeaderTargeted(TestModels.place(m, "tumaco").index));
        assertEquals(2, m.cartels().size(), "split");
        assertEquals(1, splits.size());
        Cartel child = m.cartels().get(1);
        assertEquals(capital, parent.capitalUsd() + child.capitalUsd(), 1e-6, "capital is shared out");
        assertEquals(parent.placeCount(), child.placeCount(), "the same network: every place contested");
        TestModels.steps(m, 20);
        TreeMap<String, Integer> leaders = new TreeMap<>();
        for (Cartel c : m.cartels()) leaders.put(c.id, c.leaders());
        assertTrue(leaders.values().stream().allMatch(n -> n >= 1), "both rivals have leaders: " + leaders);
    }
}
