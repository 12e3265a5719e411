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
 * then a ramp to full effect, less where residents fear cartels.
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
}
