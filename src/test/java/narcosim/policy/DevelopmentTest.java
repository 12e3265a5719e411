package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.agents.Community;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.scenario.ParamValues;

/**
 * Development programmes: no income effect before the lag to first harvest (Borrero & Parada 2022),
 * then a ramp to full effect, less where residents fear cartels; no trust effect before the services are
 * in use (their own lag), unless consultation is switched on.
 */
class DevelopmentTest {

    @Test
    void noIncomeGainBeforeTheLagThenTheRampToFullEffect() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.HEARTS, "run.burn_in_weeks=4"),
                "development-only", 3);
        ParamValues p = m.config().params();
        int lag = p.integer("development.lag_weeks");
        int ramp = p.integer("development.ramp_weeks");
        double gain = p.real("development.income_gain");
        double dependency = p.real("development.security_dependency");
        int perPlace = p.integer("development.programmes_per_place");
        int servicesLag = p.integer("development.services_lag_weeks");
        double contact = p.real("development.services_contact");
        assertEquals(0, p.real("development.consultation_contact"), "no early effect by default");
        assertTrue(gain > 0);
        TestModels.steps(m, 4);
        List<Community> served = m.communities().stream().filter(c -> m.campaign().programmesAt(c.place) > 0).toList();
        assertTrue(served.isEmpty(), "no programme during the burn-in");

        boolean sawGain = false;
        for (int week = 0; week <= lag + ramp + 2; week++) {
            double[] fearBefore = m.communities().stream().mapToDouble(Community::meanFear).toArray();
            TestModels.steps(m, 1);
            double maturity = Math.min(1.0, Math.max(0.0, (double) (week - lag) / ramp));
            int k = 0;
            for (Community c : m.communities()) {
                int n = m.campaign().programmesAt(c.place);
                double fear = fearBefore[k++];
                if (n == 0) {
                    assertEquals(0, c.developmentGain(), c.place.id() + " has no programme");
                    continue;
                }
                if (week <= lag) {
                    assertEquals(0, c.developmentGain(), "week " + week + " of a " + lag + "-week lag");
                } else {
                    assertTrue(c.developmentGain() > 0, "week " + week + " after the lag");
                    sawGain = true;
                }
                double expected = gain * Math.min(1.0, (double) n / perPlace) * maturity * (1 - dependency * fear);
                assertEquals(expected, c.developmentGain(), 1e-12, c.place.id() + " week " + week);
                assertEquals(n, c.programmes());
                double services = Math.min(1.0, Math.max(0.0, (double) (week - servicesLag) / ramp));
                assertEquals(contact * n * services, c.developmentContact(),
                        1e-12, c.place.id() + " contact week " + week);
            }
        }
        assertTrue(sawGain);
    }

    @Test
    void programmesGoToTheCommunitiesMostInvolvedInTheTrade() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.HEARTS, "run.burn_in_weeks=4"),
                "development-only", 3);
        TestModels.steps(m, 5);
        Community zone = TestModels.community(m, "argelia");
        int perPlace = m.config().params().integer("development.programmes_per_place");
        assertEquals(perPlace, m.campaign().programmesAt(zone.place), "the coca zone first, and full");
        for (Community c : m.communities()) {
            assertTrue(m.campaign().programmesAt(c.place) <= perPlace);
            if (!c.place.nation.spec.partner() || c.place.isMarket()) {
                assertEquals(0, m.campaign().programmesAt(c.place));
            }
        }
        assertFalse(m.campaign().programmesAt(TestModels.place(m, "los_angeles")) > 0);
    }

    // ------------------------------------------------------------------ trust follows what is delivered

    private static final long[] SEEDS = {3, 4, 5};
    private static final int SERVICES_LAG = 20;

    /**
     * Mean trust in the communities that get programmes under development-only, minus the same communities'
     * under the baseline (same seeds), after the given campaign weeks.
     */
    private static double trustGainOverBaseline(int weeks, String... sets) {
        double gain = 0;
        for (long seed : SEEDS) {
            NarcoModel dev = model("development-only", seed, sets);
            NarcoModel base = model("baseline", seed, sets);
            TestModels.steps(dev, 4 + weeks);
            TestModels.steps(base, 4 + weeks);
            int served = 0;
            double sum = 0;
            for (int i = 0; i < dev.communities().size(); i++) {
                Community c = dev.communities().get(i);
                if (dev.campaign().programmesAt(c.place) == 0) continue;
                sum += c.meanTrust() - base.communities().get(i).meanTrust();
                served++;
            }
            assertTrue(served > 0);
            gain += sum / served;
        }
        return gain / SEEDS.length;
    }

    private static NarcoModel model(String strategy, long seed, String... sets) {
        String[] all = new String[sets.length + 2];
        all[0] = "run.burn_in_weeks=4";
        all[1] = "development.services_lag_weeks=" + SERVICES_LAG;
        System.arraycopy(sets, 0, all, 2, sets.length);
        return TestModels.started(TestModels.load(TestModels.HEARTS, all), strategy, seed);
    }

    @Test
    void noTrustGainBeforeTheServicesAreInUseThenAGain() {
        double before = trustGainOverBaseline(SERVICES_LAG);
        assertEquals(0, before, 0.001, "trust gain over the baseline before the services are in use");
        double after = trustGainOverBaseline(SERVICES_LAG + 52 + 26);
        assertTrue(after > 0.005, "trust gain over the baseline once the services are in use: " + after);
    }

    @Test
    void consultationGivesItsOwnEarlyGain() {
        double before = trustGainOverBaseline(SERVICES_LAG, "development.consultation_contact=0.02");
        assertTrue(before > 0.002, "an early trust gain from consultation: " + before);
    }
}
