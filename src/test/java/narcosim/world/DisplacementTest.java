package narcosim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.scenario.Specs;

/** Eradication moves planting to less-sprayed production places, nearer and same-nation ones first (ODD 7.12). */
class DisplacementTest {

    private static final int GROWERS = 100;
    private static final double PLANTING = 1.0;
    private static final int MEMORY = 13;
    private static final int RESPROUT = 8;
    private static final int REPLANT = 20;
    private static final double KILL = 0.6;

    private static Nation nation(String id) {
        return new Nation(0, new Specs.Nation(id, id, 2000, 50, 0.3, 0.5, 1.0, false, true, 0.0, false, 1), 0, 0.6);
    }

    /** A sprayed place "a" between "b" (same nation) and "c" (across a border), both 111 km away. */
    private static List<Place> world() {
        Nation x = nation("XXX");
        Nation y = nation("YYY");
        List<Place> places = List.of(place(0, "a", 0, x), place(1, "b", 1, x), place(2, "c", -1, y));
        for (Place p : places) p.calibrateGrowers(GROWERS, GROWERS);
        return places;
    }

    private static Place place(int index, String id, double lat, Nation n) {
        return new Place(index, new Specs.Place(id, id, lat, 0, Specs.PlaceKind.PRODUCTION, n.spec.id(), 10000, 10000,
                "r", 1), n);
    }

    /**
     * Weeks of the world phase's production part (as NarcoModel.worldPhase), spraying {@code sprayHa} a week at
     * place 0 only; growers stay. Returns the hectares displaced each week.
     */
    private static double[] run(List<Place> places, Displacement d, double sprayHa, int weeks) {
        double[] moved = new double[weeks];
        for (int w = 0; w < weeks; w++) {
            for (Place p : places) p.closeWeek(MEMORY);
            double before = places.get(0).eradicatedLastWeekHa();
            moved[w] = d.displace(p -> GROWERS * p.haPerGrower() * PLANTING);
            assertTrue(moved[w] <= 0.5 * before + 1e-9, "displaced no more than share x destroyed last week");
            for (Place p : places) {
                p.resprout(RESPROUT);
                p.growTowards(GROWERS, PLANTING, REPLANT);
            }
            places.get(0).eradicate(sprayHa, KILL);
        }
        return moved;
    }

    @Test
    void sprayingOnePlaceRaisesTheAreaAtUnsprayedPlaces() {
        List<Place> with = world();
        List<Place> without = world();
        run(with, new Displacement(with, 0.5, 0.5), 200, 104);
        run(without, new Displacement(without, 0.0, 0.5), 200, 104);
        assertEquals(10000, without.get(1).cocaHa(), 1e-6, "without displacement an unsprayed place keeps its area");
        assertTrue(with.get(1).cocaHa() > 10000 + 500, "the unsprayed same-nation place gains: " + with.get(1).cocaHa());
        assertTrue(with.get(2).cocaHa() > 10000 + 250, "the unsprayed place across the border gains: " + with.get(2).cocaHa());
        assertTrue(with.get(0).cocaHa() < without.get(0).cocaHa() - 1000,
                "the sprayed place loses more: " + with.get(0).cocaHa() + " vs " + without.get(0).cocaHa());
    }

    @Test
    void displacedPlantingIsBoundedAndConserved() {
        List<Place> places = world();
        double[] moved = run(places, new Displacement(places, 0.5, 0.5), 200, 52);
        double total = 0;
        for (double m : moved) total += m;
        // 200 ha sprayed x 0.6 killed a week for 51 weeks (the last week's is displaced next week), at most half moved.
        assertTrue(total > 0 && total <= 0.5 * 200 * KILL * 51 + 1e-6, "moved " + total);
        double relocated = 0;
        for (Place p : places) relocated += p.relocatedHa();
        assertEquals(0, relocated, 1e-9, "planting moved away equals planting moved in");
        assertEquals(-total, places.get(0).relocatedHa(), 1e-9);
    }

    @Test
    void aBorderCutsTheFlowAcrossByItsWeight() {
        List<Place> places = world();
        run(places, new Displacement(places, 0.5, 0.25), 200, 30);
        // b and c are equally far and equally unsprayed: c across the border draws a quarter of what b draws.
        assertEquals(0.25, places.get(2).relocatedHa() / places.get(1).relocatedHa(), 1e-9);
    }

    @Test
    void nothingMovesWhereEveryPlaceIsSprayedAlike() {
        List<Place> places = world();
        Displacement d = new Displacement(places, 1.0, 1.0);
        for (int w = 0; w < 20; w++) {
            for (Place p : places) p.closeWeek(MEMORY);
            assertEquals(0, d.displace(p -> GROWERS * p.haPerGrower() * PLANTING), 1e-12);
            for (Place p : places) {
                p.resprout(RESPROUT);
                p.growTowards(GROWERS, PLANTING, REPLANT);
                p.eradicate(200, KILL);
            }
        }
    }
}
