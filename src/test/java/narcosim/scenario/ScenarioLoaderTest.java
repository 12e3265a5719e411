package narcosim.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loader on a minimal valid scenario, broken variants of it (each mistake must give one message
 * naming the file, the line, the key path and what was expected) and the shipped scenarios.
 */
class ScenarioLoaderTest {

    static final String FILE = "mini.yaml";

    // Sections of the minimal scenario, kept apart so that tests can swap one out.
    static final String HEAD = """
            name: mini
            description: A minimal valid scenario for tests.
            budget:
              total_musd_per_year: 100
            """;
    static final String NATIONS = """
            nations:
              - id: AAA
                price_usd_kg: 2000
                legal_income_usd_week: 50
                force_share: 0.6
              - id: BBB
                price_usd_kg: 20000
                legal_income_usd_week: 300
                force_share: 0.4
              - id: INT
                price_usd_kg: 5000
                legal_income_usd_week: 0
                international: true
            """;
    static final String PLACES = """
            places:
              - {id: farm, lat: 1.7, lon: -78.1, kind: production, nation: AAA, population: 5000, coca_ha: 1000}
              - {id: port, lat: 1.8, lon: -78.8, kind: departure, nation: AAA, population: 3000}
              - {id: open_sea, lat: 10.0, lon: -80.0, kind: sea, nation: INT, population: 0}
              - {id: city, lat: 25.8, lon: -80.2, kind: market, nation: BBB, population: 0}
            """;
    static final String LINKS = """
            links:
              - {from: farm, to: port, mode: land, detectability: 0.01, capacity_kg_week: 2000}
              - {from: port, to: open_sea, mode: sea, detectability: 0.03, capacity_kg_week: 2000}
              - {from: open_sea, to: city, mode: sea, detectability: 0.02, capacity_kg_week: 2000}
            """;
    static final String CARTELS = """
            cartels:
              - id: gang
                capital_musd: 10
                home: [farm]
            """;
    static final String STRATEGIES = """
            strategies:
              - id: baseline
                shares: {military: 0, police: 0, development: 0, partnership: 0}
              - id: campaign
                name: A campaign
                shares: {military: 0.5, police: 0.3, development: 0.2, partnership: 0}
                doctrine:
                  military.targeting: static
                  police.vetting: true
            """;
    static final String MINI = HEAD + NATIONS + PLACES + LINKS + CARTELS + STRATEGIES;

    static Scenario load(String text, String... sets) throws ScenarioException {
        return ScenarioLoader.load(FILE, text, List.of(sets));
    }

    static ScenarioException fails(String text, String... sets) {
        return assertThrows(ScenarioException.class, () -> load(text, sets));
    }

    /** The minimal scenario with one unique piece of text replaced. */
    static String variant(String from, String to) {
        assertEquals(1, count(MINI, from), () -> "'" + from + "' must occur exactly once in the minimal scenario");
        return MINI.replace(from, to);
    }

    /** The 1-based line of the unique occurrence of {@code needle}. */
    static int lineOf(String text, String needle) {
        assertEquals(1, count(text, needle), () -> "'" + needle + "' must occur exactly once");
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }

    /** The message is "mini.yaml:LINE: KEY: problem", and the exception carries the same parts. */
    static void assertNames(ScenarioException e, int line, String key, String... problemParts) {
        String msg = e.getMessage();
        assertAll(msg,
                () -> assertEquals(FILE, e.where()),
                () -> assertEquals(line, e.line(), "line"),
                () -> assertEquals(key, e.key(), "key path"),
                () -> assertTrue(msg.startsWith(FILE + ":" + line + ": " + key + ": "), "message prefix"),
                () -> {
                    for (String part : problemParts) assertTrue(msg.contains(part), "should contain: " + part);
                });
    }

    // ------------------------------------------------------------------ a valid scenario

    @Test
    void minimalScenarioLoadsWithDefaultsFilledIn() throws ScenarioException {
        Scenario sc = load(MINI);
        assertEquals("mini", sc.name());
        assertEquals(FILE, sc.source());
        assertEquals(100, sc.budgetMusdPerYear());
        assertEquals(List.of("AAA", "BBB", "INT"), sc.nations().stream().map(Specs.Nation::id).toList());
        assertEquals(List.of("farm", "port", "open_sea", "city"), sc.places().stream().map(Specs.Place::id).toList());
        assertEquals(List.of("baseline", "campaign"), sc.strategyIds());
        assertEquals(3, sc.links().size());
        assertEquals(ParamValues.defaults(), sc.params(), "no parameter section: every parameter at its default");

        Specs.Nation aaa = sc.nation("AAA");
        assertEquals(0.3, aaa.corruption(), "default corruption");
        assertTrue(aaa.partner(), "nations are partners by default");
        assertEquals("AAA", aaa.name(), "the name defaults to the id");
        assertEquals(lineOf(MINI, "- id: AAA"), aaa.line());

        Specs.Link sea = sc.links().get(1);
        assertEquals(Specs.Mode.SEA, sea.mode());
        assertTrue(sea.lengthKm() > 900 && sea.lengthKm() < 1400,
                "default length is the great-circle distance times a sea detour, got " + sea.lengthKm());
        assertEquals(Math.round(0.5 * sea.lengthKm()), sea.costUsdKg(), 1e-9,
                "default cost is shipment.cost_sea_usd_kg_km times the length");

        Specs.Strategy campaign = sc.strategy("campaign").orElseThrow();
        assertEquals(new Specs.Shares(0.5, 0.3, 0.2, 0), campaign.shares());
        assertEquals(Map.of("military.targeting", "static", "police.vetting", true), campaign.doctrine());
        assertFalse(sc.strategy("baseline").orElseThrow().shares().isCampaign());
    }

    @Test
    void strategyDoctrineIsAppliedOverTheFileParameters() throws ScenarioException {
        String text = MINI + "police:\n  vetting: false\n  arrest_rate: 0.8\n";
        Scenario sc = load(text);
        RunConfig campaign = sc.forStrategy("campaign", 3);
        assertEquals(3, campaign.seed());
        assertTrue(campaign.params().bool("police.vetting"), "the doctrine wins over the file");
        assertEquals(0.8, campaign.params().real("police.arrest_rate"), "file value kept where the doctrine is silent");
        RunConfig baseline = sc.forStrategy("baseline", 3);
        assertFalse(baseline.params().bool("police.vetting"));
        assertEquals(10 * 52, baseline.weeks(), "run.years defaults to 10");
    }

    @Test
    void unknownStrategyIsRejectedWithTheKnownOnes() throws ScenarioException {
        Scenario sc = load(MINI);
        ScenarioException e = assertThrows(ScenarioException.class, () -> sc.forStrategy("campain", 1));
        assertTrue(e.getMessage().contains("no strategy 'campain'"), e.getMessage());
        assertTrue(e.getMessage().contains("baseline, campaign"), e.getMessage());
    }

    // ------------------------------------------------------------------ shipped scenarios

    static Stream<Path> shippedScenarios() throws IOException {
        Path dir = Path.of("scenarios");
        assertTrue(Files.isDirectory(dir), "tests run from the project root, where scenarios/ is");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "expected the shipped scenarios, found " + files);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyShippedScenarioLoadsAndEachStrategyResolves(Path file) throws ScenarioException {
        Scenario sc = ScenarioLoader.load(file);
        assertEquals(file.toString(), sc.source());
        assertFalse(sc.strategies().isEmpty());
        assertTrue(sc.places().stream().anyMatch(p -> p.kind() == Specs.PlaceKind.PRODUCTION));
        assertTrue(sc.places().stream().anyMatch(p -> p.kind() == Specs.PlaceKind.MARKET));
        assertTrue(sc.strategies().stream().anyMatch(s -> !s.shares().isCampaign()),
                "every shipped scenario has a do-nothing baseline to compare with");
        for (Specs.Strategy s : sc.strategies()) {
            RunConfig cfg = sc.forStrategy(s.id(), 42);
            assertEquals(s, cfg.strategy());
            for (Map.Entry<String, Object> d : s.doctrine().entrySet()) {
                assertEquals(d.getValue(), cfg.params().get(d.getKey()), s.id() + ": doctrine " + d.getKey());
            }
            double sum = s.shares().sum();
            assertTrue(sum == 0 || Math.abs(sum - 1) < 1e-9, s.id() + " shares add up to " + sum);
        }
    }

    @Test
    void defaultScenarioHasTheDocumentedSize() throws ScenarioException {
        Scenario sc = ScenarioLoader.load(Path.of("scenarios/central-america.yaml"));
        assertEquals(69, sc.places().size(), "README: 69 real places");
        assertEquals(11, sc.nations().size(), "README: 10 nations plus international waters");
        assertEquals(1, sc.nations().stream().filter(Specs.Nation::international).count());
        assertEquals(4, sc.cartels().size());
        assertEquals(9, sc.strategies().size(), "baseline, five alternatives, status-quo and two adaptive ones");
        assertEquals(List.of("adaptive-trust", "adaptive-corridors"),
                sc.strategies().stream().filter(Specs.Strategy::adaptive).map(Specs.Strategy::id).toList());
        assertEquals(1500, sc.budgetMusdPerYear());
    }

    @Test
    void missingFileIsNamed() {
        Path p = Path.of("scenarios", "no-such-scenario.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(p));
        assertEquals(p + ": no such file", e.getMessage());
    }

    // ------------------------------------------------------------------ malformed files

    @Test
    void malformedYamlNamesFileAndLine() {
        String text = variant("    capital_musd: 10\n", "    capital_musd: 10: 20\n");
        ScenarioException e = fails(text);
        assertEquals(lineOf(text, "capital_musd: 10: 20"), e.line());
        assertTrue(e.getMessage().startsWith(FILE + ":" + e.line() + ": malformed YAML: "), e.getMessage());
    }

    @Test
    void malformedYamlOnALiteralLine() {
        ScenarioException e = fails("name: x\ndescription: a: b\nbudget: {}\n");
        assertEquals("mini.yaml:2: malformed YAML: mapping values are not allowed here", e.getMessage());
    }

    @Test
    void emptyOrNonMappingFileIsRejected() {
        assertTrue(fails("").getMessage().contains("got an empty file"));
        ScenarioException e = fails("- a\n- b\n");
        assertEquals("mini.yaml:1: expected a mapping of scenario sections (name, nations, places, links, ...), got a list",
                e.getMessage());
    }

    @Test
    void repeatedKeyInAMappingIsRejected() {
        // Silently taking one of two values would make the file say something the run does not do.
        String text = variant("    capital_musd: 10\n", "    capital_musd: 10\n    capital_musd: 20\n");
        ScenarioException e = fails(text);
        assertEquals(lineOf(text, "capital_musd: 20"), e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("capital_musd"), e.getMessage());
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    // ------------------------------------------------------------------ unknown keys

    @Test
    void unknownSectionSuggestsTheKnownOne() {
        String text = MINI + "militray:\n  targeting: intelligence\n";
        ScenarioException e = fails(text);
        assertNames(e, lineOf(text, "militray:"), "militray", "unknown key", "did you mean 'military'?");
    }

    @Test
    void misspeltLinkKeySuggestsTheKnownOne() {
        String text = variant("detectability: 0.02", "detectabilty: 0.02");
        assertNames(fails(text), lineOf(text, "detectabilty"), "links[2].detectabilty", "unknown key",
                "did you mean 'detectability'?");
    }

    @Test
    void misspeltParameterInASectionSuggestsTheKnownOne() {
        String text = MINI + "military:\n  targeting: intelligence\n  interdict_prop: 0.5\n";
        assertNames(fails(text), lineOf(text, "interdict_prop"), "military.interdict_prop", "unknown key",
                "did you mean 'interdict_prob'?");
    }

    @Test
    void unknownKeyWithNothingCloseListsTheAllowedKeys() {
        String text = variant("    capital_musd: 10\n", "    capital_musd: 10\n    zzzzzzzz: 1\n");
        assertNames(fails(text), lineOf(text, "zzzzzzzz"), "cartels[0].zzzzzzzz",
                "unknown key; allowed here: id, name, capital_musd, home");
    }

    // ------------------------------------------------------------------ values

    @Test
    void outOfRangeValueNamesKeyPathLineAndRange() {
        String text = variant("detectability: 0.02", "detectability: 1.5");
        ScenarioException e = fails(text);
        assertNames(e, lineOf(text, "detectability: 1.5"), "links.open_sea>city.detectability",
                "expected a number from 0 to 1, got 1.5");
        assertEquals("mini.yaml:26: links.open_sea>city.detectability: expected a number from 0 to 1, got 1.5",
                e.getMessage(), "the third link is on line 26 of the minimal scenario");
    }

    @Test
    void outOfRangeParameterNamesItsRange() {
        String text = MINI + "military:\n  interdict_prob: 1.5\n";
        assertNames(fails(text), lineOf(text, "interdict_prob"), "military.interdict_prob",
                "expected a number from 0 to 1, got 1.5");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        String text = variant("to: city, mode: sea, detectability: 0.02, capacity_kg_week: 2000",
                "to: city, mode: sea, detectability: 0.02, capacity_kg_week: lots");
        assertNames(fails(text), lineOf(text, "lots"), "links.open_sea>city.capacity_kg_week",
                "expected a number from 0.001 to 1000000000, got 'lots'");
    }

    @Test
    void wrongTypesOfParameters() {
        assertTrue(fails(MINI + "police:\n  vetting: maybe\n").getMessage()
                .endsWith("police.vetting: expected true or false, got 'maybe'"));
        assertTrue(fails(MINI + "run:\n  years: 2.5\n").getMessage()
                .endsWith("run.years: expected a whole number from 1 to 50, got 2.5"));
        assertTrue(fails(MINI + "military:\n  targeting: sometimes\n").getMessage()
                .endsWith("military.targeting: expected one of static, intelligence, got 'sometimes'"));
        assertTrue(fails(MINI + "military: 3\n").getMessage()
                .endsWith("military: expected a mapping of keys to values, got '3'"));
    }

    @Test
    void portIsReadAndABadPortNamesItsKey() throws ScenarioException {
        String city = "kind: market, nation: BBB, population: 0}";
        Scenario sc = load(variant(city, "kind: market, nation: BBB, population: 0, port: {inspected_share: 0.08}}"));
        assertEquals(0.08, sc.places().get(3).port().inspectedShare(), 0);
        assertEquals(null, sc.places().get(1).port(), "a place without port: has no port inspection");
        String text = variant(city, "kind: market, nation: BBB, population: 0, port: {inspected_share: 1.5}}");
        assertNames(fails(text), lineOf(text, "1.5"), "places.city.port.inspected_share",
                "expected a number from 0 to 1, got 1.5");
        text = variant(city, "kind: market, nation: BBB, population: 0, port: 0.08}");
        assertNames(fails(text), lineOf(text, "port: 0.08"), "places.city.port",
                "expected a mapping of keys to values, got '0.08'");
        text = variant(city, "kind: market, nation: BBB, population: 0, port: {inspected: 0.08}}");
        assertNames(fails(text), lineOf(text, "inspected: 0.08"), "places.city.port.inspected",
                "unknown key", "did you mean 'inspected_share'?");
        text = variant(city, "kind: market, nation: BBB, population: 0, port: {}}");
        assertNames(fails(text), lineOf(text, "port: {}"), "places.city.port.inspected_share", "missing; expected a number");
        // port: none (the field's default) takes a file's port away, in the file or with --set
        String ported = variant(city, "kind: market, nation: BBB, population: 0, port: {inspected_share: 0.08}}");
        assertEquals(null, load(ported, "places.city.port=none").places().get(3).port());
        assertEquals(null, load(variant(city, "kind: market, nation: BBB, population: 0, port: none}")).places().get(3)
                .port());
    }

    @Test
    void unknownPlaceKindIsRejectedWithSuggestion() {
        String text = variant("kind: departure", "kind: departures");
        assertNames(fails(text), lineOf(text, "departures"), "places.port.kind", "expected one of production,",
                "did you mean 'departure'?");
    }

    @Test
    void nationsMustShareTheForcesExactly() {
        String text = variant("force_share: 0.4", "force_share: 0.5");
        assertNames(fails(text), lineOf(text, "  - id: AAA"), "nations.*.force_share", "add up to 1, got 1.100");
    }

    @Test
    void militaryMixMustAddUpToOne() {
        String text = MINI + "military:\n  mix_boat: 0.6\n";
        assertNames(fails(text), lineOf(text, "mix_boat"), "military.mix_*", "add up to 1, got 1.200");
    }

    @Test
    void militaryMixSetByADoctrineMustAddUpToOne() {
        String text = variant("      police.vetting: true\n", "      police.vetting: true\n      military.mix_boat: 0.6\n");
        assertNames(fails(text), lineOf(text, "- id: campaign"), "strategies.campaign.doctrine", "add up to 1, got 1.200");
    }

    @Test
    void unknownNationInAParameterIsRejected() throws ScenarioException {
        String text = MINI + "partnership:\n  withdrawal_nation: BBC\n";
        assertNames(fails(text), lineOf(text, "BBC"), "partnership.withdrawal_nation",
                "expected a nation id", "got 'BBC'", "did you mean 'BBB'?");
        Scenario ok = load(MINI + "partnership:\n  withdrawal_nation: BBB\n");
        assertEquals("BBB", ok.params().text("partnership.withdrawal_nation"));
    }

    @Test
    void cocaOnlyInProductionPlaces() {
        String text = variant("population: 3000}", "population: 3000, coca_ha: 10}");
        assertNames(fails(text), lineOf(text, "coca_ha: 10}"), "places.port.coca_ha", "only production places grow coca");
    }

    // ------------------------------------------------------------------ geography

    @Test
    void linkToAnUnknownPlaceSuggestsTheClosest() {
        String text = variant("to: city,", "to: citty,");
        assertNames(fails(text), lineOf(text, "citty"), "links[2].to", "no place 'citty'", "did you mean 'city'?");
    }

    @Test
    void placeInAnUnknownNationIsRejected() {
        String text = variant("nation: BBB", "nation: BBX");
        assertNames(fails(text), lineOf(text, "BBX"), "places.city.nation", "no nation 'BBX'", "did you mean 'BBB'?");
    }

    @Test
    void marketUnreachableFromAProductionPlace() {
        String dropped = "  - {from: open_sea, to: city, mode: sea, detectability: 0.02, capacity_kg_week: 2000}\n";
        String text = variant(dropped, "");
        assertNames(fails(text), lineOf(text, "id: farm"), "places.farm", "the market is unreachable");
    }

    @Test
    void linkAgainstTheFlowDoesNotReachTheMarket() {
        // The links are directed: city -> open_sea does not carry anything to the market.
        String text = variant("from: open_sea, to: city", "from: city, to: open_sea");
        assertNames(fails(text), lineOf(text, "id: farm"), "places.farm", "unreachable");
    }

    @Test
    void cartelHomeMustBeAProductionPlace() {
        String text = variant("home: [farm]", "home: [port]");
        assertNames(fails(text), lineOf(text, "[port]"), "cartels.gang.home", "expected a production place, 'port' is departure");
    }

    // ------------------------------------------------------------------ strategies

    @Test
    void strategyOverBudgetSaysSo() {
        String text = variant("{military: 0.5, police: 0.3,", "{military: 0.6, police: 0.3,");
        assertNames(fails(text), lineOf(text, "military: 0.6"), "strategies.campaign.shares", "over budget",
                "add up to 1.100");
    }

    @Test
    void strategyUnderBudgetIsRejectedToo() {
        String text = variant("{military: 0.5, police: 0.3,", "{military: 0.4, police: 0.3,");
        assertNames(fails(text), lineOf(text, "military: 0.4"), "strategies.campaign.shares", "add up to 0.9000",
                "spends the whole budget");
    }

    @Test
    void emptyStrategyListIsRejected() {
        String text = MINI.replace(STRATEGIES, "strategies: []\n");
        assertNames(fails(text), lineOf(text, "[]"), "strategies", "expected at least one strategy");
    }

    @Test
    void doctrineWithAnUnknownParameterSuggestsTheClosest() {
        String text = variant("military.targeting: static", "military.targetting: static");
        assertNames(fails(text), lineOf(text, "targetting"), "strategies.campaign.doctrine.military.targetting",
                "unknown parameter", "did you mean 'military.targeting'?");
    }

    @Test
    void doctrineWithABadValueNamesTheChoices() {
        String text = variant("military.targeting: static", "military.targeting: sometimes");
        assertNames(fails(text), lineOf(text, "sometimes"), "strategies.campaign.doctrine.military.targeting",
                "expected one of static, intelligence, got 'sometimes'");
    }

    // ------------------------------------------------------------------ ids and required keys

    @Test
    void duplicatePlaceId() {
        String text = variant("{id: open_sea,", "{id: port,");
        assertNames(fails(text), lineOf(text, "{id: port, lat: 10.0"), "places[2].id", "the id 'port' is used twice");
    }

    @Test
    void duplicateStrategyId() {
        String text = variant("  - id: campaign\n", "  - id: baseline\n");
        assertNames(fails(text), lineOf(text, "name: A campaign") - 1, "strategies[1].id", "the id 'baseline' is used twice");
    }

    @Test
    void duplicateLink() {
        String link = "  - {from: farm, to: port, mode: land, detectability: 0.01, capacity_kg_week: 2000}\n";
        String text = variant(link, link + link.replace("0.01", "0.05"));
        assertNames(fails(text), lineOf(text, "0.05"), "links.farm>port", "listed twice");
    }

    @Test
    void badIdIsRejected() {
        String text = variant("- id: gang", "- id: the gang");
        assertNames(fails(text), lineOf(text, "the gang"), "cartels[0].id", "expected an id of letters, digits");
    }

    @Test
    void missingRequiredKeyInAnItem() {
        String text = variant("    capital_musd: 10\n", "");
        assertNames(fails(text), lineOf(text, "- id: gang"), "cartels.gang.capital_musd", "missing; expected a number");
    }

    @Test
    void missingRequiredSection() {
        String text = MINI.replace(HEAD, "name: mini\n");
        assertNames(fails(text), 1, "budget", "missing; it is required");
    }

    @Test
    void missingLinkDetectability() {
        String text = variant(", detectability: 0.03", "");
        assertNames(fails(text), lineOf(text, "to: open_sea"), "links.port>open_sea.detectability", "missing");
    }

    // ------------------------------------------------------------------ --set

    @Nested
    class Overrides {

        @Test
        void parameterWinsOverTheStrategysDoctrine() throws ScenarioException {
            assertEquals("static", load(MINI).forStrategy("campaign", 1).params().text("military.targeting"));
            Scenario sc = load(MINI, "military.targeting=intelligence");
            assertEquals("intelligence", sc.forStrategy("campaign", 1).params().text("military.targeting"));
            assertEquals("intelligence", sc.forStrategy("baseline", 1).params().text("military.targeting"));
            assertEquals(Map.of("military.targeting", "intelligence"), sc.overrides());
            // the file's own values are untouched: --set applies last, per run
            assertEquals("static", sc.params().text("military.targeting"));
        }

        @Test
        void parameterValuesAreCoerced() throws ScenarioException {
            RunConfig cfg = load(MINI, "run.years=3", "police.vetting=false", "cartel.loss_tolerance=0.2")
                    .forStrategy("campaign", 1);
            assertEquals(3 * 52, cfg.weeks());
            assertFalse(cfg.params().bool("police.vetting"), "--set wins over the doctrine's true");
            assertEquals(0.2, cfg.params().real("cartel.loss_tolerance"));
        }

        @Test
        void budget() throws ScenarioException {
            assertEquals(2500, load(MINI, "budget.total_musd_per_year=2500").budgetMusdPerYear());
        }

        @Test
        void placeField() throws ScenarioException {
            Scenario sc = load(MINI, "places.port.population=12345");
            assertEquals(12345, sc.places().get(1).population());
            assertEquals(5000, sc.places().get(0).population());
        }

        @Test
        void linkFieldByFromAndTo() throws ScenarioException {
            Scenario sc = load(MINI, "links.port>open_sea.capacity_kg_week=9000");
            assertEquals(9000, sc.links().get(1).capacityKgWeek());
            assertEquals(2000, sc.links().get(0).capacityKgWeek());
            assertEquals(2000, sc.links().get(2).capacityKgWeek());
        }

        @Test
        void strategyShares() throws ScenarioException {
            Scenario sc = load(MINI, "strategies.campaign.shares.police=0.4", "strategies.campaign.shares.military=0.4");
            assertEquals(new Specs.Shares(0.4, 0.4, 0.2, 0), sc.strategy("campaign").orElseThrow().shares());
        }

        @Test
        void itemByPosition() throws ScenarioException {
            assertEquals(0.7, load(MINI, "nations.0.corruption=0.7").nation("AAA").corruption());
        }

        @Test
        void aNewParameterSectionIsAccepted() throws ScenarioException {
            // The minimal file has no military section; --set of a declared parameter still works.
            assertEquals(0.5, load(MINI, "military.interdict_prob=0.5").forStrategy("baseline", 1)
                    .params().real("military.interdict_prob"));
        }

        @Test
        void sharesPushedOverBudgetAreRejected() {
            ScenarioException e = fails(MINI, "strategies.campaign.shares.police=0.4");
            assertTrue(e.getMessage().contains("over budget"), e.getMessage());
            // the --set that broke the sum is named, not the file's line, whose shares were right
            assertTrue(e.getMessage().startsWith("--set strategies.campaign.shares.police=0.4: strategies.campaign.shares:"),
                    e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "places.port.populaton=5",
            "places.nowhere.population=5",
            "links.port>city.capacity_kg_week=5",
            "budget.total_musd_per_yer=5",
            "nosuch.thing=1",
            "nosuch=1",
            "militray.targeting=intelligence",
            "military.targetting=intelligence",
            "places.port.population.x=5",
        })
        void unknownKeyGivesASetMessage(String expr) {
            ScenarioException e = fails(MINI, expr);
            assertTrue(e.getMessage().startsWith("--set " + expr + ": "), e.getMessage());
            assertEquals(0, e.line());
        }

        @Test
        void unknownKeysSuggestTheClosest() {
            assertTrue(fails(MINI, "places.port.populaton=5").getMessage().contains("did you mean 'population'?"));
            assertTrue(fails(MINI, "budget.total_musd_per_yer=5").getMessage()
                    .contains("did you mean 'total_musd_per_year'?"));
            assertTrue(fails(MINI, "places.nowhere.population=5").getMessage().contains("no item 'nowhere' in places"));
        }

        @Test
        void misspeltParameterSuggestsTheDeclaredOne() {
            // The file has no military section; the message must not claim that 'military' is unknown.
            ScenarioException e = fails(MINI, "military.targetting=intelligence");
            assertTrue(e.getMessage().contains("did you mean 'military.targeting'?"), e.getMessage());
            ScenarioException s = fails(MINI, "militray.targeting=intelligence");
            assertTrue(s.getMessage().contains("did you mean 'military"), s.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "military.targeting=sometimes",
            "military.interdict_prob=1.5",
            "run.years=abc",
            "run.years=0",
            "police.vetting=maybe",
            "partnership.withdrawal_nation=XYZ",
            "budget.total_musd_per_year=-5",
            "budget.total_musd_per_year=lots",
            "places.port.population=-1",
            "links.port>open_sea.detectability=2",
            "places.port.kind=harbour",
            "run.years=[1,",
            "military.mix_boat=0.9",
            "noequals",
            "=5",
        })
        void badValueGivesASetMessage(String expr) {
            ScenarioException e = fails(MINI, expr);
            assertTrue(e.getMessage().startsWith("--set "), e.getMessage());
            assertEquals(0, e.line(), e.getMessage());
        }

        @Test
        void militaryMixMayBeRebalancedButMustStillAddUpToOne() throws ScenarioException {
            RunConfig cfg = load(MINI, "military.mix_boat=0.3", "military.mix_ground=0.4").forStrategy("campaign", 1);
            assertEquals(0.4, cfg.params().real("military.mix_ground"));
            assertEquals("--set military.mix_boat: military.mix_*: expected the military budget mix (boat, aircraft, "
                    + "ground, surveillance) to add up to 1, got 1.500", fails(MINI, "military.mix_boat=0.9").getMessage());
        }

        @Test
        void badValueMessagesSayWhatWasExpected() {
            assertEquals("--set military.targeting=sometimes: military.targeting: expected one of static, intelligence, "
                    + "got 'sometimes'", fails(MINI, "military.targeting=sometimes").getMessage());
            assertEquals("--set links.port>open_sea.detectability=2: links.port>open_sea.detectability: "
                    + "expected a number from 0 to 1, got 2", fails(MINI, "links.port>open_sea.detectability=2").getMessage());
            assertEquals("--set noequals: expected key.path=value", fails(MINI, "noequals").getMessage());
        }
    }
}
