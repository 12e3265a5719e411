package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import narcosim.metrics.Event;

/**
 * Several markets in a run (ODD 7.14, andes-europe's north-west and iberia): routes follow each market's demand,
 * wholesalers carry stock between them, and no kilogram is made or lost in the markets.
 */
class MarketsDemandTest {

    static final Path EUROPE = Path.of("scenarios", "andes-europe.yaml");
    static final int WEEKS = 52;

    /** Kg delivered to the gateways of each market (north-west, iberia) over the first campaign year. */
    private static long[] delivered(String... sets) {
        NarcoModel m = TestModels.started(TestModels.load(EUROPE, sets), "baseline", 5);
        long[] kg = new long[2];
        m.events().register(e -> {
            if (e instanceof Event.Delivered d && m.week() >= 0) {
                kg[m.network().marketOf(m.network().places.get(d.place()))] += d.kg();
            }
        });
        TestModels.steps(m, m.burnInWeeks() + WEEKS);
        return kg;
    }

    @Test
    void aMarketWithMoreOfTheDemandDrawsMoreOfTheCargoToItsGateways() {
        long[] quarter = delivered();
        long[] half = delivered("markets.iberia.demand_share=0.5", "markets.north-west.demand_share=0.5");
        double before = (double) quarter[1] / (quarter[0] + quarter[1]);
        double after = (double) half[1] / (half[0] + half[1]);
        assertTrue(before > 0.1 && before < 0.5, "iberia takes part of the deliveries at a quarter of demand: " + before);
        assertTrue(after > before + 0.03, "and more at half of it: " + before + " -> " + after);
    }

    @Test
    void wholesalersCarryStockBetweenTheMarketsWhichTakeTheirSharesOfTheReferenceSupply() {
        // The model checks every week that the kilograms delivered are consumed or in the markets' stock.
        NarcoModel m = TestModels.started(TestModels.load(EUROPE), "baseline", 5);
        long carried = 0;
        for (int w = 0; w < m.burnInWeeks() + WEEKS; w++) {
            TestModels.steps(m, 1);
            carried += m.markets().carriedLastWeekKg();
        }
        assertTrue(carried > 0, "stock was carried between the markets");
        double total = m.markets().referenceSupply();
        assertEquals(0.75 * total, m.markets().get(0).referenceSupply(), 1e-9 * total);
        assertEquals(0.25 * total, m.markets().get(1).referenceSupply(), 1e-9 * total);
    }
}
