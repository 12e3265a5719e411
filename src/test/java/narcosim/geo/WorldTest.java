package narcosim.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped world map: it loads once, known places are land or sea, and cutting it to a box keeps what is inside. */
class WorldTest {

    private static final World W = World.get();
    private static final Box ALL = new Box(-180, -90, 180, 90);

    private static boolean onLand(double lon, double lat) {
        // rings that cross the antimeridian run on past 180 or -180: look at every copy of the world
        for (World.Land l : W.land()) {
            if (l.contains(lon, lat) || l.contains(lon + 360, lat) || l.contains(lon - 360, lat)) return true;
        }
        return false;
    }

    @Test
    void ringsThatCrossTheAntimeridianDrawNoLineAcrossTheWorld() {
        // Natural Earth's Chukotka, Wrangel Island, Fiji and Antarctica jump from 180 to -180 within an edge:
        // unwrapped, no coast in any box of the world runs across it
        for (Box b : List.of(new Box(-180, -90, 180, 90), new Box(-120, -30, -60, 0), new Box(-100, -20, 40, 75))) {
            World.Region r = W.region(b);
            for (World.Line c : r.coast()) {
                for (int i = 1; i < c.size(); i++) {
                    assertTrue(Math.abs(c.lon()[i] - c.lon()[i - 1]) < 90,
                            "a coast edge from " + c.lon()[i - 1] + " to " + c.lon()[i] + " at " + c.lat()[i] + " in " + b);
                }
            }
        }
        // the strip of Fiji at -16.5 no longer makes sea into land across the Pacific and South America
        World.Region r = W.region(new Box(-120, -30, -60, 0));
        assertFalse(r.isLand(-100, -16.49), "eastern Pacific at 16.5 S");
        assertTrue(r.isLand(-65, -16.49), "Bolivia");
        // Chukotka east of 180 is land where a box west of the antimeridian shows it, and Antarctica is land
        assertTrue(W.region(new Box(-180, 60, -170, 70)).isLand(-173, 65.5), "Chukotka east of 180");
        assertTrue(W.region(new Box(-180, -90, 180, 90)).isLand(0, -80), "Antarctica");
        assertTrue(W.region(new Box(-180, -90, 180, 90)).isLand(179.9, -85), "Antarctica at the antimeridian");
        assertFalse(W.region(new Box(-180, -90, 180, 90)).isLand(-150, -40), "southern Pacific");
    }

    @Test
    void loadsOnceWithTheWholeWorld() {
        assertSame(W, World.get());
        assertTrue(W.land().size() > 1000, "1:50m has over a thousand land polygons: " + W.land().size());
        assertTrue(W.borders().size() > 300, "and hundreds of border lines: " + W.borders().size());
        double area = 0;
        for (World.Land l : W.land()) {
            area += Math.abs(l.outer().area());
            for (World.Ring h : l.holes()) area -= Math.abs(h.area());
        }
        // land is about 29% of the Earth; in square degrees (no cos-latitude shrink, Antarctica stretched) more
        assertTrue(area > 0.25 * 360 * 180 && area < 0.45 * 360 * 180, "land area in square degrees " + area);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Mexico City,             -99.13,  19.43, true",
        "Houston,                 -95.37,  29.76, true",
        "Bogota,                  -74.07,   4.71, true",
        "Panama City,             -79.52,   8.98, true",
        "Camaguey (Cuba),         -77.92,  21.38, true",
        "Havana,                  -82.37,  23.12, true",
        "Gulf of Mexico,          -90.00,  25.00, false",
        "Caribbean Sea,           -75.00,  15.00, false",
        "Eastern Pacific,         -90.00,   5.00, false",
        "Gulf of California,     -111.00,  27.00, false",
        "Lagos,                     3.38,   6.52, true",
        "Thies (Senegal),         -16.93,  14.79, true",
        "Bamako,                   -8.00,  12.65, true",
        "Gulf of Guinea,            0.00,   2.00, false",
        "Atlantic west of Dakar,  -19.00,  14.00, false",
        "Madrid,                   -3.70,  40.42, true",
        "Bay of Biscay,            -5.00,  45.50, false",
        "Caspian Sea (a hole),     51.00,  42.00, false",
        "Mediterranean,            18.00,  35.00, false",
    })
    void knownPlacesAreLandOrSea(String name, double lon, double lat, boolean land) {
        assertEquals(land, onLand(lon, lat), name);
    }

    @Test
    void aRegionKeepsWhatIsInsideItsBox() {
        Box ca = new Box(-120, -5, -60, 35);
        World.Region r = W.region(ca);
        assertFalse(r.land().isEmpty());
        for (World.Land l : r.land()) {
            for (int i = 0; i < l.outer().size(); i++) {
                assertTrue(ca.contains(l.outer().lon()[i], l.outer().lat()[i]), "cut land stays in the box");
            }
        }
        for (List<World.Line> lines : List.of(r.coast(), r.borders())) {
            for (World.Line line : lines) {
                for (int i = 0; i < line.size(); i++) assertTrue(ca.contains(line.lon()[i], line.lat()[i]));
            }
        }
        // a grid of points: land in the region exactly where land in the world
        for (double lon = -119.75; lon < -60; lon += 1.5) {
            for (double lat = -4.75; lat < 35; lat += 1.5) {
                assertEquals(onLand(lon, lat), r.isLand(lon, lat), lon + " " + lat);
            }
        }
        // the US-Mexico border passes El Paso, the Panama-Colombia border the Darien
        assertTrue(nearBorder(r, -106.5, 31.75, 0.3), "US-Mexico border at El Paso");
        assertTrue(nearBorder(r, -77.4, 7.9, 0.5), "Panama-Colombia border");
        assertFalse(nearBorder(r, -90, 25, 3), "no border in the Gulf of Mexico");
    }

    private static boolean nearBorder(World.Region r, double lon, double lat, double deg) {
        for (World.Line l : r.borders()) {
            for (int i = 0; i < l.size(); i++) {
                if (Math.hypot(l.lon()[i] - lon, l.lat()[i] - lat) < deg) return true;
            }
        }
        return false;
    }

    @Test
    void westAfricaHasLandSeaAndBorders() {
        World.Region r = W.region(new Box(-20, 0, 10, 20));
        assertTrue(r.isLand(-8, 12.65), "Bamako");
        assertTrue(r.isLand(3.38, 6.52), "Lagos");
        assertFalse(r.isLand(0, 2), "Gulf of Guinea");
        assertTrue(r.borders().size() > 10, "the borders of a dozen countries: " + r.borders().size());
        assertTrue(nearBorder(r, -17.0, 12.35, 1.0), "Senegal and Guinea-Bissau");
        assertFalse(r.coast().isEmpty());
    }

    @Test
    void aBoxPastTheAntimeridianRepeatsTheWorld() {
        // the Bering Strait written with continuous longitudes, 165 to 205 (= -155)
        Box bering = new Box(165, 55, 205, 72);
        World.Region r = W.region(bering);
        int east = 0;
        int west = 0;
        for (double lon = 165.25; lon < 205; lon += 0.5) {
            for (double lat = 55.25; lat < 72; lat += 0.5) {
                boolean land = onLand(lon > 180 ? lon - 360 : lon, lat);
                assertEquals(land, r.isLand(lon, lat), lon + " " + lat);
                if (land && lon > 180) east++;
                if (land && lon < 180) west++;
            }
        }
        assertTrue(east > 50 && west > 50, "land on both sides: " + west + " west of 180, " + east + " east");
        for (World.Line c : r.coast()) {
            for (int i = 1; i < c.size(); i++) {
                boolean alongCut = c.lon()[i] == c.lon()[i - 1] && Math.abs(c.lon()[i] - 180) < 1e-9;
                assertFalse(alongCut, "the data's cut at 180 is not drawn as coast");
            }
        }
    }

    @Test
    void clippingASquareGivesTheOverlap() {
        World.Ring square = new World.Ring(new double[] {0, 10, 10, 0}, new double[] {0, 0, 10, 10});
        World.Ring cut = Clip.ring(square, new Box(5, -5, 20, 5));
        assertEquals(25, Math.abs(cut.area()), 1e-9);
        assertNull(Clip.ring(square, new Box(11, 0, 20, 10)), "nothing left");
        assertEquals(100, Math.abs(Clip.ring(square, ALL).area()), 1e-9);

        World.Line zigzag = new World.Line(new double[] {0, 10, 0, 10}, new double[] {0, 1, 2, 3});
        List<World.Line> pieces = Clip.line(zigzag, new Box(-1, -1, 5, 5));
        assertEquals(2, pieces.size(), "in, out, then in for the rest: two pieces");
        assertEquals(5, pieces.get(0).lon()[1], 1e-9);
        assertEquals(0.5, pieces.get(0).lat()[1], 1e-9);
        assertEquals(3, pieces.get(1).size(), "from the side in to (0, 2) and out again");
        assertEquals(1.5, pieces.get(1).lat()[0], 1e-9);
        assertEquals(2.5, pieces.get(1).lat()[2], 1e-9);
    }

    @Test
    void aMalformedMapIsRefusedWithItsRow() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> World.parse(new BufferedReader(new StringReader("# c\nH 0 0 1 0 0 1\n"))));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> World.parse(new BufferedReader(new StringReader("L 0 0 1 0 0\n"))));
    }
}
