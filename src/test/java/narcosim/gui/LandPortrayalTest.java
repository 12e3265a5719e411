package narcosim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import narcosim.geo.Box;
import narcosim.geo.World;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import sim.portrayal.DrawInfo2D;
import sim.util.Double2D;

/**
 * The map's land layer, drawn off screen as MASON's Display does at a zoom and scroll position: land
 * where there is land and sea where there is sea for a scenario in West Africa and for the default
 * scenario, at zoom 1 and zoomed in; the Java2D paths built once per zoom, not once per frame.
 */
class LandPortrayalTest {

    private static final int W = NarcoModelWithUI.MAP_WIDTH;
    private static final int H = NarcoModelWithUI.MAP_HEIGHT;
    private static final Color OCEAN = Palette.OCEAN;

    static Scenario westAfrica() throws Exception {
        return ScenarioLoader.load(Path.of("src", "test", "resources", "scenarios", "west-africa-map.yaml"));
    }

    /** A land layer for a scenario's map at zoom 1 in a window of the map's size. */
    private static LandPortrayal layer(Projection p) {
        LandPortrayal land = new LandPortrayal();
        land.setProjection(p);
        return land;
    }

    /** The map as the Display draws it at {@code zoom}, the point (lon, lat) in the window's centre. */
    private static final class View {
        final Projection p;
        final double scale;
        final Rectangle2D draw;
        final BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);

        View(LandPortrayal land, Projection p, double zoom, double lon, double lat) {
            this.p = p;
            this.scale = zoom * W / p.width();
            Double2D c = p.point(lon, lat);
            this.draw = new Rectangle2D.Double(W / 2.0 - c.x * scale, H / 2.0 - c.y * scale, p.width() * scale,
                    p.height() * scale);
            Graphics2D g = img.createGraphics();
            g.setColor(OCEAN);
            g.fillRect(0, 0, W, H);
            land.draw(p, g, new DrawInfo2D(null, land, draw, new Rectangle2D.Double(0, 0, W, H)));
            g.dispose();
        }

        Color at(double lon, double lat) {
            Double2D q = p.point(lon, lat);
            int x = (int) Math.round(draw.getX() + q.x * scale);
            int y = (int) Math.round(draw.getY() + q.y * scale);
            assertTrue(x >= 0 && x < W && y >= 0 && y < H, lon + " " + lat + " is in view");
            return new Color(img.getRGB(x, y));
        }

        int count(Color c) {
            int n = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) n++;
            }
            return n;
        }
    }

    @Test
    void westAfricaHasLandAndSeaAtEveryZoom() throws Exception {
        Scenario sc = westAfrica();
        Projection p = Projection.fit(sc.places(), (double) W / H);
        LandPortrayal land = layer(p);
        View whole = new View(land, p, 1, -12.7, 12.1);
        assertEquals(Palette.LAND, whole.at(-10.0, 13.0), "Mali, by Kita");
        assertEquals(Palette.LAND, whole.at(-12.0, 16.5), "the Senegal river's north bank");
        assertEquals(OCEAN, whole.at(-18.0, 11.0), "the Atlantic west of the Bijagos");
        assertEquals(OCEAN, whole.at(-14.0, 7.5), "the Atlantic off Sierra Leone");
        assertTrue(whole.count(Palette.LAND) > W * H / 3, "mostly land: " + whole.count(Palette.LAND));
        assertTrue(whole.count(Palette.BORDER) > 300, "borders drawn: " + whole.count(Palette.BORDER));
        assertTrue(whole.count(Palette.COAST) > 300, "coast drawn: " + whole.count(Palette.COAST));

        // Zoomed in 3 and 8 times on Bissau, as the Display's scale box does: still land and sea, sharper.
        for (double zoom : new double[] {3, 8}) {
            View near = new View(land, p, zoom, -15.6, 11.86);
            assertEquals(Palette.LAND, near.at(-15.4, 12.2), "zoom " + zoom + ": Guinea-Bissau inland of Bissau");
            assertEquals(OCEAN, near.at(-15.9, 11.2), "zoom " + zoom + ": the sea among the Bijagos");
            assertTrue(near.count(Palette.LAND) > 10_000 && near.count(OCEAN) > 10_000,
                    "zoom " + zoom + ": land " + near.count(Palette.LAND) + ", sea " + near.count(OCEAN));
        }
        // Zoomed out, the land goes on past the field's edges.
        View out = new View(land, p, 0.6, -12.7, 12.1);
        assertEquals(Palette.LAND, out.at(-7.0, 17.5), "Mali north of the field");
    }

    /**
     * The second theatre spans two continents and an ocean: at zoom 1 the window shows South America, West
     * Africa and Europe as land and the Atlantic between them as sea; zoomed in on the Low Countries' ports the
     * coast still separates them.
     */
    @Test
    void andesEuropeShowsThreeContinentsAndTheAtlantic() throws Exception {
        Scenario sc = ScenarioLoader.load(Path.of("scenarios", "andes-europe.yaml"));
        Projection p = Projection.fit(sc.places(), (double) W / H);
        LandPortrayal land = layer(p);
        View whole = new View(land, p, 1, -35, 15);
        assertEquals(Palette.LAND, whole.at(-60, -10), "Amazonia");
        assertEquals(Palette.LAND, whole.at(-65, -17), "Bolivia, by the Chapare");
        assertEquals(Palette.LAND, whole.at(-2, 16), "Mali, by Gao");
        assertEquals(Palette.LAND, whole.at(-14.5, 14.5), "Senegal inland of Dakar");
        assertEquals(Palette.LAND, whole.at(-4, 40), "Spain, by Madrid");
        assertEquals(Palette.LAND, whole.at(4.5, 50.5), "Belgium");
        assertEquals(OCEAN, whole.at(-35, 20), "the mid-Atlantic");
        assertEquals(OCEAN, whole.at(-15, 45), "the Bay of Biscay's approaches");
        assertEquals(OCEAN, whole.at(-5, 2), "the Gulf of Guinea");
        int landPx = whole.count(Palette.LAND);
        int seaPx = whole.count(OCEAN);
        assertTrue(landPx > W * H / 5 && seaPx > W * H / 5, "land and sea both: " + landPx + ", " + seaPx);
        assertTrue(whole.count(Palette.BORDER) > 300, "borders drawn: " + whole.count(Palette.BORDER));

        View ports = new View(land, p, 12, 4.2, 51.6);
        assertEquals(Palette.LAND, ports.at(4.8, 51.0), "zoom 12: Flanders");
        assertEquals(OCEAN, ports.at(3.2, 52.2), "zoom 12: the North Sea off Rotterdam");
    }

    @Test
    void centralAmericaLooksLikeItself() throws Exception {
        Scenario sc = ScenarioLoader.load(Path.of("scenarios", "central-america.yaml"));
        Projection p = Projection.fit(sc.places(), (double) W / H);
        View v = new View(layer(p), p, 1, -94, 10.8);
        assertEquals(Palette.LAND, v.at(-100.3, 23.7), "the Mexican plateau");
        assertEquals(Palette.LAND, v.at(-74.7, 5.3), "the Magdalena valley");
        assertEquals(OCEAN, v.at(-89.7, 24.7), "the Gulf of Mexico");
        assertEquals(OCEAN, v.at(-77.7, 14.7), "the Caribbean");
        assertEquals(OCEAN, v.at(-94.7, 7.7), "the Eastern Pacific");
        assertEquals(OCEAN, v.at(-100, -16.5), "the South Pacific, where Fiji's antimeridian seam would run");
        assertEquals(OCEAN, v.at(-85, -16.5), "the South Pacific off Peru");
    }

    @Test
    void pathsAreBuiltOncePerZoomNotEveryFrame() throws Exception {
        Projection p = Projection.fit(westAfrica().places(), (double) W / H);
        LandPortrayal land = layer(p);
        new View(land, p, 1, -12.7, 12.1);
        LandPortrayal.Paths first = land.paths();
        new View(land, p, 1, -14, 11); // scrolled: the same paths, moved
        assertSame(first, land.paths(), "scrolling keeps the paths");
        new View(land, p, 2, -14, 11);
        LandPortrayal.Paths zoomed = land.paths();
        assertNotSame(first, zoomed, "a new zoom builds them again");
        assertEquals(2 * first.scaleX(), zoomed.scaleX(), 1e-9);
        new View(land, p, 2, -13, 12);
        assertSame(zoomed, land.paths());
        land.setProjection(p);
        assertEquals(null, land.paths(), "a new map drops them");
    }

    @Test
    void noCoastRunsAcrossTheMap() {
        // Natural Earth's Fiji and Chukotka cross the antimeridian within an edge; the world data unwraps them
        Box box = new Box(-150, -50, -38, 71);
        World.Region r = World.get().region(box);
        for (World.Line l : r.coast()) {
            for (int i = 1; i < l.size(); i++) {
                assertTrue(Math.abs(l.lon()[i] - l.lon()[i - 1]) < 0.9 * box.width(),
                        "a coast piece across the whole box at latitude " + l.lat()[i]);
            }
        }
    }
}
