package narcosim.model;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;

import narcosim.agents.Community;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Place;

/**
 * Small models for unit tests: the classroom scenarios shipped in {@code scenarios/} (tests run from
 * the project root) and a four-place scenario written here, each with {@code --set}-style overrides.
 */
public final class TestModels {

    public static final Path BALLOON = Path.of("scenarios", "classroom-balloon.yaml");
    public static final Path HEARTS = Path.of("scenarios", "classroom-hearts-and-minds.yaml");

    /**
     * Four places in a line, farm > port > open_sea > city, with lengths chosen so that at the default
     * speeds (land 700, sea 2000 km/week) the links take 2, 3 and 1 weeks. Nothing is ever detected by
     * routine enforcement (detectability 0), so seizures only happen where a test makes them.
     */
    public static final String TINY = """
            name: tiny
            description: Four places in a line, for unit tests.
            budget:
              total_musd_per_year: 100
            nations:
              - {id: AAA, price_usd_kg: 2000, legal_income_usd_week: 50, force_share: 0.6, military_can_arrest: true}
              - {id: BBB, price_usd_kg: 20000, legal_income_usd_week: 300, force_share: 0.4}
              - {id: INT, price_usd_kg: 5000, legal_income_usd_week: 0, international: true}
            places:
              - {id: farm, lat: 1.7, lon: -78.1, kind: production, nation: AAA, population: 5000, coca_ha: 3000, region: source}
              - {id: port, lat: 1.8, lon: -78.8, kind: departure, nation: AAA, population: 3000, region: source}
              - {id: open_sea, lat: 10.0, lon: -80.0, kind: sea, nation: INT, population: 0, region: sea}
              - {id: city, lat: 25.8, lon: -80.2, kind: market, nation: BBB, population: 0, region: market}
            links:
              - {from: farm, to: port, mode: land, length_km: 1400, detectability: 0, capacity_kg_week: 5000}
              - {from: port, to: open_sea, mode: sea, length_km: 6000, detectability: 0, capacity_kg_week: 5000}
              - {from: open_sea, to: city, mode: sea, length_km: 1000, detectability: 0, capacity_kg_week: 5000}
            cartels:
              - {id: gang, capital_musd: 50, home: [farm]}
            strategies:
              - id: baseline
                shares: {military: 0, police: 0, development: 0, partnership: 0}
            """;

    private TestModels() {
    }

    public static Scenario load(Path file, String... sets) {
        try {
            return ScenarioLoader.load(file, List.of(sets));
        } catch (ScenarioException e) {
            return fail(e.getMessage());
        }
    }

    public static Scenario tiny(String... sets) {
        try {
            return ScenarioLoader.load("tiny.yaml", TINY, List.of(sets));
        } catch (ScenarioException e) {
            return fail(e.getMessage());
        }
    }

    /** A started model of one strategy of a scenario. */
    public static NarcoModel started(Scenario sc, String strategy, long seed) {
        try {
            NarcoModel m = new NarcoModel(sc.forStrategy(strategy, seed));
            m.start();
            return m;
        } catch (ScenarioException e) {
            return fail(e.getMessage());
        }
    }

    /** Runs whole weeks. */
    public static void steps(NarcoModel m, int weeks) {
        for (int i = 0; i < weeks; i++) m.schedule.step(m);
    }

    public static Place place(NarcoModel m, String id) {
        return m.network().places.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no place " + id));
    }

    public static Community community(NarcoModel m, String placeId) {
        Community c = m.population().at(place(m, placeId));
        if (c == null) throw new AssertionError("nobody lives at " + placeId);
        return c;
    }

    public static Link link(NarcoModel m, String from, String to) {
        return m.network().links.stream().filter(l -> l.from.id().equals(from) && l.to.id().equals(to))
                .findFirst().orElseThrow(() -> new AssertionError("no link " + from + ">" + to));
    }

    public static Nation nation(NarcoModel m, String id) {
        return m.network().nations.stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no nation " + id));
    }
}
