package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import narcosim.scenario.ParamValues;
import narcosim.scenario.Specs;
import narcosim.world.Nation;

/**
 * Several markets (ODD 7.14): in the burn-in each pays its reference price times the inverse demand of its share of
 * the supply, no two further apart than carrying stock between them costs; after it, each clears its own supply
 * and demand, wholesalers carry stock from a cheaper market to a dearer one until the gap is the carrying cost,
 * and the trade's one margin rate makes the delivered kilograms' value meet the reference prices' mean over them.
 */
class MarketsTest {

    private static final Nation N = new Nation(0, new Specs.Nation("BBB", "B", 30000, 300, 0.2, 0.7, 1, false,
            false, 0, false, 0), 0, 1);
    /** Gateways about 1,000 km apart by road: carrying a kg between them costs 0.9 x 1,000 = US$900 or so. */
    private static final Map<String, Specs.Place> PLACES = Map.of(
            "a", new Specs.Place("a", "a", 50.0, 4.0, Specs.PlaceKind.MARKET, "BBB", 0, 0, "", 0),
            "b", new Specs.Place("b", "b", 43.5, -1.0, Specs.PlaceKind.MARKET, "BBB", 0, 0, "", 0));
    private static final Specs.Market BIG = new Specs.Market("big", "big", List.of("a"), 30000, 0.75, 0);
    private static final Specs.Market SMALL = new Specs.Market("small", "small", List.of("b"), 29500, 0.25, 0);

    private static Markets markets() {
        return markets(0.9, 1.0);
    }

    private static Markets markets(double landUsdKgKm, double smoothing) {
        ParamValues p = ParamValues.defaults().with("market.demand_elasticity", -0.7)
                .with("market.supply_smoothing", smoothing).with("market.stock_weeks", 4.0)
                .with("shipment.cost_land_usd_kg_km", landUsdKgKm);
        return new Markets(List.of(BIG, SMALL), PLACES::get, 1, p);
    }

    private static double carry() {
        return Specs.Market.carryUsdKg(BIG, SMALL, PLACES::get, 0.9);
    }

    private static UnitCost kg() {
        UnitCost c = UnitCost.bought(2000);
        c.enter(1000, 0.01, 0);
        c.handled(300, 100);
        return c;
    }

    @Test
    void inTheBurnInAMarketGettingMoreThanItsShareOfDemandPaysLessWithinTheCarryingCost() {
        Markets m = markets();
        m.delivered(0, N, 75000, kg());
        m.delivered(1, N, 25000, kg());
        m.update();
        assertEquals(30000, m.price(0), 1e-9, "deliveries in proportion to demand: the reference prices");
        assertEquals(29500, m.price(1), 1e-9);
        m.delivered(0, N, 100000, kg()); // everything to the big market
        m.update();
        assertTrue(m.price(0) < 30000, "the big market has more than its share: " + m.price(0));
        assertTrue(m.price(1) > 29500, "the small market has less: " + m.price(1));
        assertEquals(carry(), m.price(1) - m.price(0), 1e-6, "no wider apart than carrying stock costs");
        assertTrue(m.price(0) > 0.95 * 30000 && m.price(1) < 1.05 * 29500, "supply carried to the small market keeps "
                + "both near their reference prices (alone, each would be at its bound: 30,000 x 0.66, 29,500 x 4)");
        assertEquals(0, m.stockKg(), "in the burn-in every kg is consumed");
    }

    @Test
    void theMarginMeetsTheReferencePricesMeanAndEachMarketTakesItsShareOfTheSteadyFlow() {
        Markets m = calibrated();
        assertEquals(0.75 * 100000, m.get(0).referenceSupply(), 1e-9);
        assertEquals(0.25 * 100000, m.get(1).referenceSupply(), 1e-9);
        assertEquals(100000, m.referenceSupply(), 1e-9);
        // Same kilograms to both, so the supply price is the kg-weighted mean of the reference prices in both.
        double mean = 0.75 * 30000 + 0.25 * 29500;
        assertEquals(mean, m.get(0).supplyPrice(), 1e-6);
        assertEquals(mean, m.get(1).supplyPrice(), 1e-6);
    }

    @Test
    void wholesalersCarryStockToTheDearerMarketAndTheGapNarrowsToTheCarryingCost() {
        // Smoothing as in the shipped scenarios (0.15): carried kg count in the smoothed supply for weeks.
        Markets m = calibrated(0.9, 0.15);
        // The same markets where carrying costs US$100/kg/km (about US$125,000 a kg, more than any gap can reach
        // under the price cap): nothing is carried.
        Markets apart = calibrated(100, 0.15);
        long consumed = 0; // the burn-in consumed what it delivered: no stock at the start
        long carried = 0;
        for (int w = 0; w < 26; w++) {
            m.delivered(0, N, 100000, kg()); // all to the big market: the small one runs short
            apart.delivered(0, N, 100000, kg());
            m.update();
            apart.update();
            consumed += m.consumedLastWeekKg();
            carried += m.carriedLastWeekKg();
            assertEquals(100000L * (w + 1), consumed + m.stockKg(), "no kg made or lost, week " + w);
            assertEquals(0, apart.carriedLastWeekKg());
        }
        assertTrue(carried > 0, "stock was carried to the small market");
        double gap = m.price(1) - m.price(0);
        double alone = apart.price(1) - apart.price(0);
        assertTrue(alone > 10 * carry(), "without carrying the small market's price is far above: " + alone);
        assertTrue(Math.abs(gap) < 2 * carry(), "with it the gap is about the carrying cost: " + gap + " against "
                + carry());
    }

    @Test
    void withinTheCarryingCostNothingIsCarried() {
        Markets m = calibrated();
        m.delivered(0, N, 75000, kg());
        m.delivered(1, N, 25000, kg());
        m.update();
        assertEquals(0, m.carriedLastWeekKg());
    }

    private static Markets calibrated() {
        return calibrated(0.9, 1.0);
    }

    private static Markets calibrated(double landUsdKgKm, double smoothing) {
        Markets m = markets(landUsdKgKm, smoothing);
        m.openCalibrationWindow();
        for (int w = 0; w < 4; w++) {
            m.delivered(0, N, 75000, kg());
            m.delivered(1, N, 25000, kg());
            m.update();
        }
        m.calibrate();
        return m;
    }
}
