package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import narcosim.scenario.ParamValues;
import narcosim.scenario.Specs;
import narcosim.world.Nation;

/**
 * The price chain (Reuter &amp; Kleiman 1986): a kilogram's cost by part, the replacement of loads lost,
 * the margin fixed at the end of the burn-in so the supply price meets the reference price, the scarcity
 * factor from constant-elasticity demand, consumption and the market's stock. Computed by hand.
 */
class MarketTest {

    private static final double REF = 25000;

    private static final Nation US = new Nation(1, new Specs.Nation("USA", "United States", REF, 350, 0.16, 0.79,
            0.3, false, false, 0, false, 0), 0, 1);
    private static final Nation COL = new Nation(0, new Specs.Nation("COL", "Colombia", 2500, 60, 0.46, 0.49,
            0.2, true, true, 0.03, false, 0), 0, 1);

    private static Markets market(double elasticity) {
        ParamValues p = ParamValues.defaults().with("market.demand_elasticity", elasticity)
                .with("market.supply_smoothing", 1.0).with("market.stock_weeks", 4.0);
        return Markets.single(REF, 2, p);
    }

    /** A kg bought at 2,000, sent over a link at $1,000/kg with routine risk 0.01 and loss share l, handled. */
    private static UnitCost kg(double loss) {
        UnitCost c = UnitCost.bought(2000);
        c.enter(1000, 0.01, loss);
        c.handled(300, 100);
        return c;
    }

    @Test
    void lossesAreReplacedAtTheirCostWhereTheyHappen() {
        UnitCost c = UnitCost.bought(2000);
        c.enter(1000, 0.02, 0.2);
        // Survivors carry (2,000 + 1,000) x 0.2/0.8 = 750 of replacement; at margin rate 5 the leg's markup
        // (5 x 0.02 = 10% of the 3,000 carried) is replaced too: 3,300 / 0.8.
        assertEquals(3750, c.value(0), 1e-9);
        assertEquals(4125, c.value(5), 1e-9);
        double[] parts = new double[UnitCost.SUMS];
        c.addTo(parts, 1, 5);
        assertEquals(300, parts[UnitCost.Part.MARGIN.ordinal()], 1e-9);
        assertEquals(825, parts[UnitCost.Part.LOSS_REPLACEMENT.ordinal()], 1e-9);
        assertEquals(c.value(5), java.util.Arrays.stream(parts).sum(), 1e-9, "the parts add up to the value");
        // The same loss share later in the chain, on a dearer load, costs more (Caulkins, Crawford & Reuter 1993).
        UnitCost late = UnitCost.bought(2000);
        late.enter(1000, 0, 0);
        late.handled(5000, 0);
        double before = late.value(0);
        late.enter(0, 0, 0.2);
        assertEquals(before * 0.25, late.value(0) - before, 1e-9);
    }

    /** Markups multiply along the chain: a dearer load carries a larger margin on the same leg (Caulkins 1994). */
    @Test
    void theMarginIsAMarkupOnTheValueCarriedForTheLegsRisk() {
        UnitCost cheap = UnitCost.bought(2000);
        UnitCost dear = UnitCost.bought(8000);
        cheap.enter(0, 0.03, 0);
        dear.enter(0, 0.03, 0);
        assertEquals(2000 * 0.03 * 10, cheap.value(10) - cheap.value(0), 1e-9);
        assertEquals(4 * (cheap.value(10) - cheap.value(0)), dear.value(10) - dear.value(0), 1e-9);
    }

    @Test
    void theBurnInFixesTheMarginSoTheSupplyPriceMeetsTheReferencePrice() {
        Markets m = market(-0.7);
        m.openCalibrationWindow();
        for (int w = 0; w < 10; w++) {
            m.delivered(0, US, 1000, kg(0));
            m.update();
            assertEquals(REF, m.price(), 1e-9, "the burn-in pays the reference price");
        }
        m.calibrate();
        // 3,000 (1 + 0.01 mu) + 400 = 25,000: mu = (24,600 / 3,000 - 1) / 0.01 = 720, a margin of 21,600.
        assertEquals(720, m.marginRate(), 1e-6);
        m.delivered(0, US, 1000, kg(0));
        m.update();
        assertEquals(REF, m.price(), 1e-6, "supply meets demand at the reference point");
        double sum = 0;
        for (UnitCost.Part p : UnitCost.Part.values()) sum += m.part(p);
        assertEquals(m.price(), sum, 1e-6, "the parts add up to the price");
        assertEquals(2000, m.part(UnitCost.Part.SOURCE), 1e-6);
        assertEquals(21600, m.part(UnitCost.Part.MARGIN), 1e-6);
        assertEquals(1000, m.get(0).demand(REF), 1e-9);
    }

    @Test
    void shortSupplyAddsAScarcityRentAndDemandTakesLessAtTheHigherPrice() {
        Markets m = calibrated(-0.5);
        m.delivered(0, US, 500, kg(0)); // half the reference supply
        m.update();
        // Inverse demand at S = 500 (+ the stock left from before, none): P = 25,000 x 0.5^(1/-0.5) = 100,000, but
        // the scarcity factor is held at market.supply_factor_cap (4) x the supply price (25,000).
        assertEquals(4 * REF, m.price(), 1e-6);
        assertEquals(3 * REF, m.part(UnitCost.Part.SCARCITY), 1e-6);
        assertEquals(1000 * Math.pow(4, -0.5), m.demandLastWeekKg(), 1e-9, "D(P) = Q_ref (P/P_ref)^e");
        assertEquals(500, m.consumedLastWeekKg(), "consumption is the stock when demand wants more");
        assertEquals(0, m.stockKg());
    }

    @Test
    void dearerLossesRaiseTheSupplyPriceAndTradersPlanForDemandAtIt() {
        Markets m = calibrated(-0.7);
        assertEquals(1000, m.wanted(), 1e-6);
        m.delivered(0, US, 1000, kg(0.5)); // half of every load lost on the way
        m.update();
        double cost = 3000 * (1 + 7.2) / 0.5 + 400;
        assertEquals(cost, m.part(UnitCost.Part.SOURCE) + m.part(UnitCost.Part.TRANSPORT)
                + m.part(UnitCost.Part.CREW_WAGES) + m.part(UnitCost.Part.CREW_RISK)
                + m.part(UnitCost.Part.LOSS_REPLACEMENT) + m.part(UnitCost.Part.MARGIN), 1e-6);
        assertEquals(1000 * Math.pow(cost / REF, -0.7), m.wanted(), 1e-6, "planned at the supply price");
        assertTrue(m.riskPremium() > 1, "loss replacement is compensation for risk");
    }

    @Test
    void deliveredKilogramsAreConsumedOrStockedExactly() {
        Markets m = calibrated(-0.7);
        long delivered = 0;
        long consumed = 0;
        for (int w = 0; w < 30; w++) {
            long kg = w % 3 == 0 ? 2500 : 200; // lumpy deliveries
            m.delivered(0, US, kg, kg(0));
            delivered += kg;
            m.update();
            consumed += m.consumedLastWeekKg();
            assertEquals(delivered, consumed + m.stockKg(), "week " + w);
            assertTrue(m.price() > 0 && m.price() <= m.priceCap());
        }
    }

    @Test
    void theChainPriceIsTheValueOfTheKilogramsArriving() {
        Markets m = calibrated(-0.7);
        UnitCost a = UnitCost.bought(2000);
        UnitCost b = UnitCost.bought(4000);
        m.arrived(COL, 100, a);
        m.arrived(COL, 300, b);
        m.delivered(0, US, 1000, kg(0));
        m.update();
        assertEquals((100 * 2000 + 300 * 4000) / 400.0, m.chainPrice(COL), 1e-9);
        assertTrue(Double.isNaN(market(-0.7).chainPrice(COL)), "none before any arrival");
    }

    private static Markets calibrated(double elasticity) {
        Markets m = market(elasticity);
        m.openCalibrationWindow();
        for (int w = 0; w < 4; w++) {
            m.delivered(0, US, 1000, kg(0));
            m.update();
        }
        m.calibrate();
        return m;
    }

}
