package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;

/**
 * The residents of a place: trust bounds and its asymmetric response to contacts (Oliveira et al.
 * 2020), arrests and prison terms, and the effect of a legal income gain on recruitment and growing.
 * The models run the hearts-and-minds scenario inside a long burn-in, when no campaign overwrites
 * what a test sets on a community.
 */
class CommunityTest {

    private static final long[] SEEDS = {1, 2, 3};

    private static NarcoModel hearts(long seed, String... sets) {
        List<String> all = new ArrayList<>(List.of("run.burn_in_weeks=300"));
        all.addAll(List.of(sets));
        return TestModels.started(TestModels.load(TestModels.HEARTS, all.toArray(String[]::new)), "baseline", seed);
    }

    private static void assertTrustAndFearInUnitInterval(NarcoModel m) {
        for (Community c : m.communities()) {
            for (int i = 0; i < c.agents(); i++) {
                float t = c.trust(i);
                float f = c.fear(i);
                assertTrue(t >= 0 && t <= 1, c.place.id() + " resident " + i + " trust " + t);
                assertTrue(f >= 0 && f <= 1, c.place.id() + " resident " + i + " fear " + f);
            }
            assertTrue(c.meanTrust() >= 0 && c.meanTrust() <= 1);
        }
        assertTrue(m.population().meanTrust() >= 0 && m.population().meanTrust() <= 1);
    }

    @Test
    void trustStaysInTheUnitIntervalUnderHeavyHandedEnforcement() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.HEARTS, "run.burn_in_weeks=4",
                "military.collateral_permissive=1", "residents.negativity_ratio=20", "residents.positive_step=0.5"),
                "heavy-handed", 7);
        for (int w = 0; w < 60; w++) {
            for (Community c : m.communities()) {
                for (int k = 0; k < 3; k++) m.events().emit(new Event.CollateralHarm(c.place.index, 0));
                m.events().emit(new Event.Violence(c.place.index, false));
            }
            TestModels.steps(m, 1);
            assertTrustAndFearInUnitInterval(m);
        }
    }

    @Test
    void trustStaysInTheUnitIntervalUnderLargePositiveSteps() {
        NarcoModel m = hearts(8, "residents.positive_step=1", "residents.state_contact=1");
        for (int w = 0; w < 20; w++) {
            for (Community c : m.communities()) c.setHonestUnits(5);
            TestModels.steps(m, 1);
            assertTrustAndFearInUnitInterval(m);
        }
        double trust = m.population().meanTrust();
        assertTrue(trust > 0.99, "every contact positive, full steps: " + trust);
    }

    /** Change of mean trust at Guapi over 10 weeks: 0 nothing, 1 a harm incident a week, 2 one police unit. */
    private static double trustChange(long seed, int treatment, String... sets) {
        NarcoModel m = hearts(seed, sets);
        TestModels.steps(m, 5);
        Community guapi = TestModels.community(m, "guapi");
        double before = guapi.meanTrust();
        for (int w = 0; w < 10; w++) {
            if (treatment == 1) m.events().emit(new Event.CollateralHarm(guapi.place.index, 0));
            if (treatment == 2) guapi.setHonestUnits(1);
            TestModels.steps(m, 1);
        }
        return guapi.meanTrust() - before;
    }

    private static double[] harmAndPresenceEffects(String... sets) {
        double harm = 0;
        double presence = 0;
        for (long seed : SEEDS) {
            double control = trustChange(seed, 0, sets);
            harm += trustChange(seed, 1, sets) - control;
            presence += trustChange(seed, 2, sets) - control;
        }
        return new double[] {harm / SEEDS.length, presence / SEEDS.length};
    }

    @Test
    void collateralHarmCostsMoreTrustThanAsManyWeeksOfPolicePresenceBuild() {
        double[] e = harmAndPresenceEffects();
        assertTrue(e[0] < 0, "harm lowers trust: " + e[0]);
        assertTrue(e[1] > 0, "police presence raises trust: " + e[1]);
        assertTrue(-e[0] > e[1], "harm " + e[0] + " vs presence " + e[1]);
    }

    @Test
    void atEqualContactRatesANegativeContactStillMovesTrustMore() {
        // Guapi has 32 resident agents: a harm incident reaching 8 of them is a contact with chance 0.25,
        // the same as one police unit's weekly positive contact; only the step sizes differ.
        double[] e = harmAndPresenceEffects("residents.state_contact=0", "police.presence_contact=0.25",
                "residents.harm_reach_agents=8", "residents.people_per_agent=250", "residents.min_agents=10",
                "residents.positive_step=0.02", "residents.negativity_ratio=4");
        assertTrue(e[0] < 0 && e[1] > 0, "harm " + e[0] + ", presence " + e[1]);
        assertTrue(-e[0] > 1.5 * e[1], "negativity bias (ratio 4 per step): harm " + e[0] + " vs presence " + e[1]);
    }

    @Test
    void requestedArrestsJailSmugglersWhoReturnAfterTheirSentence() {
        int sentence = 6;
        NarcoModel m = hearts(4, "residents.sentence_weeks=" + sentence);
        TestModels.steps(m, 10);
        Community c = m.communities().stream().max(java.util.Comparator.comparingInt(Community::smugglers))
                .orElseThrow();
        int smugglers = c.smugglers();
        assertTrue(smugglers > 0, "someone smuggles after 10 weeks");
        assertEquals(0, c.jailed(), "no arrests without a campaign");
        List<Event.Arrested> arrests = new ArrayList<>();
        m.events().register(e -> {
            if (e instanceof Event.Arrested a) arrests.add(a);
        });

        c.requestArrests(smugglers);
        TestModels.steps(m, 1);
        assertEquals(smugglers, c.jailed(), "as many arrests as smugglers: all of them go to prison");
        assertEquals(smugglers, c.arrestsLastWeek());
        assertEquals(List.of(new Event.Arrested(c.place.index, Event.ArrestKind.SMUGGLER, smugglers)), arrests);
        int inPrison = 0;
        for (int i = 0; i < c.agents(); i++) {
            if (c.occupation(i) == Community.Occupation.JAILED) inPrison++;
        }
        assertEquals(smugglers, inPrison);

        TestModels.steps(m, sentence - 1);
        assertEquals(smugglers, c.jailed(), "still inside after " + (sentence - 1) + " weeks");
        assertEquals(1, arrests.size(), "a request is used up in its week");
        TestModels.steps(m, 1);
        assertEquals(0, c.jailed(), "released after the sentence");
        for (int i = 0; i < c.agents(); i++) {
            assertTrue(c.occupation(i) != Community.Occupation.JAILED);
        }
    }

    @Test
    void arrestsNeedSmugglers() {
        // Trafficking pays nothing, so nobody smuggles.
        NarcoModel m = hearts(5, "residents.trafficking_wage_usd_week=0");
        TestModels.steps(m, 3);
        for (Community c : m.communities()) {
            assertEquals(0, c.smugglers());
            c.requestArrests(5);
        }
        TestModels.steps(m, 1);
        for (Community c : m.communities()) {
            assertEquals(0, c.jailed());
            assertEquals(0, c.arrestsLastWeek());
        }
    }

    @Test
    void aLegalIncomeGainLowersRecruitmentAndGrowing() {
        double without = 0;
        double with = 0;
        for (long seed : SEEDS) {
            for (boolean developed : new boolean[] {false, true}) {
                NarcoModel m = hearts(seed);
                Community zone = TestModels.community(m, "argelia");
                // No contact chance from the programmes: the income effect alone.
                if (developed) zone.setDevelopment(0, 1.0, 0);
                TestModels.steps(m, 40);
                assertEquals(developed ? 1.0 : 0.0, zone.developmentGain());
                int involved = zone.smugglers() + zone.growers();
                if (developed) with += involved;
                else without += involved;
            }
        }
        with /= SEEDS.length;
        without /= SEEDS.length;
        assertTrue(with < 0.8 * without, "smugglers + growers with the income gain " + with + " vs " + without);
    }

    @Test
    void growersOnlyLiveInProductionPlaces() {
        NarcoModel m = hearts(9);
        TestModels.steps(m, 20);
        for (Community c : m.communities()) {
            if (!c.place.isProduction()) assertEquals(0, c.growers(), c.place.id());
        }
        assertTrue(TestModels.community(m, "argelia").growers() > 0);
    }
}
