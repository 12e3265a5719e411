package narcosim.scenario;

import static narcosim.scenario.ScenarioLoaderTest.CARTELS;
import static narcosim.scenario.ScenarioLoaderTest.FILE;
import static narcosim.scenario.ScenarioLoaderTest.HEAD;
import static narcosim.scenario.ScenarioLoaderTest.NATIONS;
import static narcosim.scenario.ScenarioLoaderTest.STRATEGIES;
import static narcosim.scenario.ScenarioLoaderTest.assertNames;
import static narcosim.scenario.ScenarioLoaderTest.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A scenario's markets list (ODD 7.14): each market's gateways, reference price and demand share, and every
 * mistake in it as one message naming the file, the line, the key and what was expected.
 */
class MarketsLoaderTest {

    /** Two gateways 10 km apart (carrying stock between them costs US$0.9 x 13 km = about US$12/kg). */
    static final String PLACES = """
            places:
              - {id: farm, lat: 1.7, lon: -78.1, kind: production, nation: AAA, population: 5000, coca_ha: 1000}
              - {id: port, lat: 1.8, lon: -78.8, kind: departure, nation: AAA, population: 3000}
              - {id: north, lat: 25.8, lon: -80.2, kind: market, nation: BBB, population: 0}
              - {id: south, lat: 25.9, lon: -80.2, kind: market, nation: BBB, population: 0}
              - {id: far, lat: 40.0, lon: -74.0, kind: market, nation: BBB, population: 0}
            """;
    static final String LINKS = """
            links:
              - {from: farm, to: port, mode: land, detectability: 0.01, capacity_kg_week: 2000}
              - {from: port, to: north, mode: sea, detectability: 0.03, capacity_kg_week: 2000}
              - {from: port, to: south, mode: sea, detectability: 0.03, capacity_kg_week: 2000}
              - {from: port, to: far, mode: sea, detectability: 0.03, capacity_kg_week: 2000}
            """;
    static final String MARKETS = """
            markets:
              - id: big
                gateways: [north, far]
                demand_share: 0.7
              - id: small
                name: The small market
                gateways: [south]
                price_usd_kg: 20005
                demand_share: 0.3
            """;

    static String scenario(String markets) {
        return HEAD + NATIONS + PLACES + LINKS + CARTELS + markets + STRATEGIES;
    }

    static ScenarioException fails(String text, String... sets) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(FILE, text, List.of(sets)));
    }

    @Test
    void marketsAreReadWithTheirGatewaysPricesAndShares() throws ScenarioException {
        Scenario sc = ScenarioLoader.load(FILE, scenario(MARKETS), List.of());
        assertEquals(2, sc.markets().size());
        Specs.Market big = sc.markets().get(0);
        assertEquals(List.of("north", "far"), big.gateways());
        assertEquals(20000, big.priceUsdKg(), "the first gateway's nation's price by default");
        assertEquals(0.7, big.demandShare());
        assertEquals("The small market", sc.markets().get(1).name());
        assertEquals(20005, sc.markets().get(1).priceUsdKg());
    }

    @Test
    void withoutAListEveryGatewayIsOneMarketAtTheFirstGatewaysPrice() throws ScenarioException {
        Scenario sc = ScenarioLoader.load(FILE, scenario(""), List.of());
        assertEquals(1, sc.markets().size());
        assertEquals(List.of("north", "south", "far"), sc.markets().get(0).gateways());
        assertEquals(1.0, sc.markets().get(0).demandShare());
        assertEquals(20000, sc.markets().get(0).priceUsdKg());
    }

    @Test
    void aSetChangesAMarketsShareAndTheSharesMustStillAddUp() throws ScenarioException {
        Scenario sc = ScenarioLoader.load(FILE, scenario(MARKETS), List.of("markets.big.demand_share=0.6",
                "markets.small.demand_share=0.4"));
        assertEquals(0.4, sc.markets().get(1).demandShare());
        ScenarioException e = fails(scenario(MARKETS), "markets.big.demand_share=0.6");
        assertTrue(e.getMessage().contains("expected the markets' demand_share to add up to 1, got 0.9"), e.getMessage());
    }

    @Test
    void aSetThatBreaksTheMarketsIsNamedNotTheFilesLine() {
        ScenarioException share = fails(scenario(MARKETS), "markets.small.demand_share=0.4");
        assertTrue(share.getMessage().startsWith("--set markets.small.demand_share=0.4: markets.*.demand_share: "
                + "expected the markets' demand_share to add up to 1, got 1.100: set the other markets' shares"),
                share.getMessage());
        ScenarioException price = fails(scenario(MARKETS), "markets.big.price_usd_kg=30000");
        assertTrue(price.getMessage().startsWith("--set markets.big.price_usd_kg=30000: markets.big.price_usd_kg: "
                + "expected a reference price within US$"), price.getMessage());
        assertTrue(price.getMessage().contains("of market small's (US$20,005/kg)")
                && price.getMessage().contains("got US$30,000/kg"), price.getMessage());
    }

    @Test
    void idsThatWouldNameTheSameColumnsAreRejected() {
        String text = scenario(MARKETS.replace("id: big", "id: my-market").replace("id: small", "id: my_market"));
        assertNames(fails(text), lineOf(text, "id: my_market"), "markets[1].id",
                "'my_market' and 'my-market' would name the same output columns (market_my_market_...)");
    }

    @Test
    void aGatewayMustBeAPlaceOfKindMarket() {
        String text = scenario(MARKETS.replace("[south]", "[port]"));
        assertNames(fails(text), lineOf(text, "[port]"), "markets.small.gateways",
                "expected a place of kind market, got 'port' of kind departure");
    }

    @Test
    void anUnknownGatewayIsNamedWithTheClosestPlace() {
        String text = scenario(MARKETS.replace("[south]", "[sauth]"));
        assertNames(fails(text), lineOf(text, "[sauth]"), "markets.small.gateways", "got 'sauth'",
                "did you mean 'south'?");
    }

    @Test
    void aGatewayBelongsToOneMarket() {
        String text = scenario(MARKETS.replace("[south]", "[south, far]"));
        assertNames(fails(text), lineOf(text, "[south, far]"), "markets.small.gateways",
                "'far' is already a gateway of market 'big'");
    }

    @Test
    void everyPlaceOfKindMarketIsAGatewayOfSomeMarket() {
        String text = scenario(MARKETS.replace("[north, far]", "[north]"));
        assertNames(fails(text), lineOf(text, "{id: far,"), "places.far", "gateway of no market", "big, small");
    }

    @Test
    void withSeveralMarketsEachGivesItsDemandShare() {
        String text = scenario(MARKETS.replace("    demand_share: 0.7\n", ""));
        assertNames(fails(text), lineOf(text, "id: big"), "markets.big.demand_share", "expected a demand_share");
    }

    @Test
    void theDemandSharesAddUpToOne() {
        String text = scenario(MARKETS.replace("demand_share: 0.7", "demand_share: 0.6"));
        assertNames(fails(text), lineOf(text, "markets:") + 1, "markets.*.demand_share", "add up to 1, got 0.9");
    }

    @Test
    void referencePricesFurtherApartThanCarryingStockCostsAreRejected() {
        String text = scenario(MARKETS.replace("price_usd_kg: 20005", "price_usd_kg: 25000"));
        assertNames(fails(text), lineOf(text, "price_usd_kg: 25000"), "markets.small.price_usd_kg",
                "expected a reference price within US$", "of market big's (US$20,000/kg)", "got US$25,000/kg",
                "wholesalers would carry");
    }

    @Test
    void aMarketNoRouteReachesIsRejected() {
        String text = scenario(MARKETS).replace("  - {from: port, to: south, mode: sea, detectability: 0.03, "
                + "capacity_kg_week: 2000}\n", "");
        assertNames(fails(text), lineOf(text, "id: small"), "markets.small.gateways",
                "no chain of links leads from a production place");
    }

    @Test
    void theOldNorthAmericanShareIsNamedWithItsNewName() {
        String text = scenario(MARKETS) + "market:\n  north_share: 0.5\n";
        assertNames(fails(text), lineOf(text, "north_share"), "market.north_share",
                "was renamed market.share_of_production");
        ScenarioException set = fails(scenario(MARKETS), "market.north_share=0.5");
        assertTrue(set.getMessage().contains("was renamed market.share_of_production"), set.getMessage());
    }
}
