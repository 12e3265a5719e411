package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import narcosim.agents.Cartel;
import narcosim.agents.UnitCost;
import narcosim.world.Link;

/**
 * The price chain in a running model (ODD 7.14): the expected loss a cartel prices on a link, the parts
 * of the gateway price adding up to it every week, seizures raising the price through loss replacement,
 * crews' risk pay entering the price, the trade replacing what it loses, and the market's balance.
 */
class PriceChainTest {

    private static final int BURN_IN = 40;

    private static NarcoModel run(int weeks, String... sets) {
        String[] all = new String[sets.length + 1];
        all[0] = "run.burn_in_weeks=" + BURN_IN;
        System.arraycopy(sets, 0, all, 1, sets.length);
        NarcoModel m = TestModels.started(TestModels.tiny(all), "baseline", 3);
        TestModels.steps(m, BURN_IN + weeks);
        return m;
    }

    @Test
    void theExpectedLossOfALinkStartsAtItsRoutineRiskAndFollowsExperience() {
        NarcoModel m = TestModels.started(TestModels.tiny(), "baseline", 1);
        Cartel c = m.cartels().get(0);
        Link l = TestModels.link(m, "port", "open_sea");
        assertEquals(0.01, c.expectedLoss(l, 0.01), 1e-12, "no experience: the prior");
        c.entered(l, 800);
        c.seized(l, 800);
        // One shipment's worth of prior (800 kg at 0.01) against one shipment seized.
        assertEquals((800 + 0.01 * 800) / (800 + 800), c.expectedLoss(l, 0.01), 1e-12);
        c.entered(l, 7200);
        assertEquals((800 + 0.01 * 800) / (8000 + 800), c.expectedLoss(l, 0.01), 1e-12, "more safe passages");
    }

    @Test
    void thePartsOfTheGatewayPriceAddUpToItEveryWeek() {
        NarcoModel m = TestModels.started(TestModels.tiny("run.burn_in_weeks=" + BURN_IN,
                "links.port>open_sea.detectability=0.2"), "baseline", 5);
        for (int w = 0; w < BURN_IN + 150; w++) {
            m.schedule.step(m);
            double sum = 0;
            for (UnitCost.Part p : UnitCost.Part.values()) sum += m.markets().part(p);
            assertEquals(m.markets().price(), sum, 1e-6 * m.markets().price(), "week " + w);
            assertEquals(m.totals().deliveredKg(), m.consumedKg() + m.markets().stockKg(), "market balance, week " + w);
        }
        assertTrue(m.markets().calibrated());
        assertTrue(m.markets().part(UnitCost.Part.LOSS_REPLACEMENT) > 0, "seizures are replaced in the price");
        assertTrue(m.markets().part(UnitCost.Part.MARGIN) > 0);
    }

    /** Without a campaign the supply price stays about the reference price it was calibrated to meet. */
    @Test
    void afterTheBurnInTheSupplyPriceStaysAboutTheReferencePrice() {
        NarcoModel m = TestModels.started(TestModels.tiny("run.burn_in_weeks=" + BURN_IN), "baseline", 3);
        TestModels.steps(m, BURN_IN + 1);
        assertTrue(m.markets().marginRate() > 0);
        double sum = 0;
        for (int w = 0; w < 52; w++) {
            m.schedule.step(m);
            sum += m.markets().price() / m.markets().scarcity();
        }
        assertEquals(20000, sum / 52, 0.1 * 20000, "the margin is fixed so the delivered kg are worth P_ref");
    }

    /** Seizures that start after the burn-in raise the price: loads lost are replaced at their cost. */
    @Test
    void seizuresRaiseThePriceThroughLossReplacement() {
        NarcoModel calm = run(150);
        NarcoModel risky = TestModels.started(TestModels.tiny("run.burn_in_weeks=" + BURN_IN), "baseline", 3);
        TestModels.steps(risky, BURN_IN);
        // From the campaign's start, routine enforcement seizes a fifth of what crosses the sea.
        Link sea = TestModels.link(risky, "port", "open_sea");
        setDetectability(sea, 0.2);
        TestModels.steps(risky, 150);
        assertTrue(risky.markets().part(UnitCost.Part.LOSS_REPLACEMENT) > 2 * calm.markets().part(UnitCost.Part.LOSS_REPLACEMENT),
                risky.markets().part(UnitCost.Part.LOSS_REPLACEMENT) + " vs " + calm.markets().part(UnitCost.Part.LOSS_REPLACEMENT));
        assertTrue(risky.markets().price() > calm.markets().price(), risky.markets().price() + " vs " + calm.markets().price());
        assertTrue(risky.tradeLoss() > 0.1, "the trade sees its losses: " + risky.tradeLoss());
    }

    /** Crews paid more for the risk of arrest make every kg dearer. */
    @Test
    void crewsRiskPayEntersThePrice() {
        NarcoModel none = run(60, "residents.wage_arrest_weight=0", "residents.wage_fear_weight=0");
        NarcoModel paid = run(60, "residents.wage_arrest_weight=3");
        assertEquals(0, none.markets().part(UnitCost.Part.CREW_RISK), 1e-9);
        assertTrue(paid.markets().part(UnitCost.Part.CREW_RISK) > 0);
        double noneCosts = none.markets().part(UnitCost.Part.CREW_WAGES) + none.markets().part(UnitCost.Part.CREW_RISK);
        double paidCosts = paid.markets().part(UnitCost.Part.CREW_WAGES) + paid.markets().part(UnitCost.Part.CREW_RISK);
        // Risk pay draws more residents into crews, which eases the shortage premium on the wage (ODD 7.7, 7.18):
        // the crews' total cost still rises, by less than the risk part (measured: 341 against 337 US$/kg).
        assertTrue(paidCosts > noneCosts, paidCosts + " vs " + noneCosts);
    }

    /** Prices rise along the chain: cocaine is dearer where more has been spent on it. */
    @Test
    void pricesRiseAlongTheChain() {
        NarcoModel m = run(60);
        double source = m.markets().chainPrice(TestModels.nation(m, "AAA"));
        assertTrue(source >= 2000 * 0.5 && source < m.markets().price(), source + " vs " + m.markets().price());
    }

    private static void setDetectability(Link l, double d) {
        try {
            java.lang.reflect.Field f = Link.class.getDeclaredField("detectability");
            f.setAccessible(true);
            f.setDouble(l, d);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
