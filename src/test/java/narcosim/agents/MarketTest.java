package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import narcosim.scenario.ParamValues;
import narcosim.scenario.Specs;
import narcosim.world.Nation;

/**
 * The market gateway: NarcoLogic's risk premium, constant-elasticity demand against the supply of the
 * burn-in, and the partial pass-through of price changes along the chain. The parameters are fixed
 * here (NarcoLogic's values) so that tuning the defaults does not change the hand computations.
 */
class MarketTest {

    private static final double REF = 25000;
    private static final double R_BASE = 0.43;

    private static ParamValues params(double elasticity, double smoothing, double passThrough) {
        ParamValues p = ParamValues.defaults();
        for (Map.Entry<String, Object> e : Map.<String, Object>of("market.risk_delta", 0.36,
                "market.risk_base", R_BASE, "market.risk_exponent", 2, "market.demand_elasticity", elasticity,
                "market.supply_smoothing", smoothing, "market.price_pass_through", passThrough).entrySet()) {
            p = p.with(e.getKey(), e.getValue());
        }
        return p;
    }

    private static Market market() {
        return new Market(REF, params(-0.7, 0.15, 0.5));
    }

    @Test
    void startsAtTheReferencePriceWithNoPremium() {
        Market m = market();
        assertEquals(REF, m.price());
        assertEquals(REF, m.referencePrice());
        assertEquals(1, m.riskPremium());
        assertEquals(1, m.chainPriceFactor());
    }

    @Test
    void riskPremiumFollowsNarcoLogicByHand() {
        Market m = market();
        // RP_t = max(0.64 RP_{t-1} + 0.36 (r / 0.43)^2, 1), from RP_0 = 1:
        double[] r = {0.43, 0.8, 0.8, 0.1, 0.1, 0.1, 0.6};
        double[] expected = {
            1.0,                // 0.64 + 0.36 * 1
            1.8860789616,       // 0.64 + 0.36 * (0.8/0.43)^2 = 0.64 + 0.36 * 3.4613304
            2.4531694970,       // 0.64 * 1.8860790 + 1.2460790
            1.5894984619,       // 0.64 * 2.4531695 + 0.36 * 0.0540833
            1.0367489994,       // 0.64 * 1.5894985 + 0.0194700
            1.0,                // 0.6635194 + 0.0194700 < 1: floor
            1.3409194159,       // 0.64 + 0.36 * (0.6/0.43)^2
        };
        for (int t = 0; t < r.length; t++) {
            m.update(1000, r[t]);
            assertEquals(expected[t], m.riskPremium(), 1e-9, "week " + t);
            assertEquals(REF * expected[t], m.price(), 1e-5, "constant supply: the price is the premium");
        }
    }

    @Test
    void riskPremiumNeverFallsBelowOne() {
        Market m = market();
        for (int t = 0; t < 20; t++) {
            m.update(1000, 0);
            assertEquals(1, m.riskPremium());
        }
    }

    @Test
    void afterCalibrationMoreSupplyLowersThePriceWithTheDemandElasticity() {
        Market m = market();
        for (int t = 0; t < 30; t++) m.update(1000, R_BASE);
        assertEquals(REF, m.price(), 1e-6, "before calibration the price ignores supply");
        m.calibrate();
        m.update(2000, R_BASE);
        // Smoothed supply 0.85 * 1000 + 0.15 * 2000 = 1150; P = P_ref (1150/1000)^(1/e).
        assertEquals(REF * Math.pow(1.15, 1 / -0.7), m.price(), 1e-6);
        assertEquals(-0.7, Math.log(1.15) / Math.log(m.price() / REF), 1e-9, "implied elasticity");
        double previous = m.price();
        for (int t = 0; t < 10; t++) {
            m.update(2000, R_BASE);
            assertTrue(m.price() < previous, "price keeps falling as supply rises towards 2000");
            previous = m.price();
        }
        for (int t = 0; t < 60; t++) m.update(500, R_BASE);
        assertTrue(m.price() > REF, "less supply than the reference raises the price: " + m.price());
    }

    @Test
    void priceFallsWithSupplyForAnyNegativeElasticity() {
        for (double e : new double[] {-0.5, -0.7, -1.0}) {
            Market m = new Market(REF, params(e, 1.0, 0.5));
            m.update(1000, R_BASE);
            m.calibrate();
            m.update(1200, R_BASE);
            assertEquals(REF * Math.pow(1.2, 1 / e), m.price(), 1e-6, "elasticity " + e);
            assertTrue(m.price() < REF);
        }
    }

    @Test
    void supplyEffectIsBoundedToAFactorOfFourEitherWay() {
        Market m = new Market(REF, params(-0.5, 1.0, 0.5));
        m.update(1000, R_BASE);
        m.calibrate();
        m.update(100_000, R_BASE);
        assertEquals(REF / 4, m.price(), 1e-6, "a glut");
        m.update(0, R_BASE);
        assertEquals(REF * 4, m.price(), 1e-6, "nothing delivered");
    }

    @Test
    void chainPriceFactorIsThePriceFactorToThePassThrough() {
        for (double pass : new double[] {0.0, 0.5, 1.0}) {
            Market m = new Market(REF, params(-0.7, 0.15, pass));
            m.update(1000, R_BASE);
            m.calibrate();
            m.update(600, 0.9);
            double factor = m.price() / REF;
            assertTrue(factor > 1);
            assertEquals(Math.pow(factor, pass), m.chainPriceFactor(), 1e-12, "pass-through " + pass);
        }
    }

    @Test
    void pricesInANationFollowTheChainFactor() {
        Market m = market();
        Nation pan = new Nation(0, new Specs.Nation("PAN", "Panama", 4500, 90, 0.5, 0.5, 1, true, true, 0, false, 1),
                1, 0.6);
        assertEquals(4500, m.priceIn(pan), 1e-9);
        m.update(1000, 0.8);
        assertEquals(4500 * m.chainPriceFactor(), m.priceIn(pan), 1e-9);
        assertEquals(Math.sqrt(m.riskPremium()), m.chainPriceFactor(), 1e-12, "pass-through 0.5 of the premium");
    }
}
