package narcosim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import narcosim.geo.Labels;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.Specs;
import sim.util.Double2D;

/**
 * The map fits every shipped scenario at zoom 1: all places in view with a margin, the places spanning
 * the map in one direction, the window's shape kept; and place names neither overlap each other nor
 * cover places, and name the places a lesson is about.
 */
class MapFitTest {

    private static final double ASPECT = (double) NarcoModelWithUI.MAP_WIDTH / NarcoModelWithUI.MAP_HEIGHT;

    /** The shipped scenarios and the test scenarios elsewhere in the world (West Africa). */
    private static List<Scenario> shipped() throws Exception {
        List<Scenario> out = new ArrayList<>();
        for (Path dir : List.of(Path.of("scenarios"), Path.of("src", "test", "resources", "scenarios"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    out.add(ScenarioLoader.load(f));
                }
            }
        }
        return out;
    }

    @Test
    void everyScenarioFillsTheMapWithAllItsPlacesInView() throws Exception {
        List<Scenario> all = shipped();
        assertTrue(all.size() >= 4, "the shipped scenarios: " + all.size());
        for (Scenario sc : all) {
            Projection p = Projection.fit(sc.places(), ASPECT);
            assertEquals(ASPECT, p.width() / p.height(), 1e-9, sc.name() + ": the window's shape");
            double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (Specs.Place pl : sc.places()) {
                Double2D at = p.point(pl.lon(), pl.lat());
                minX = Math.min(minX, at.x);
                maxX = Math.max(maxX, at.x);
                minY = Math.min(minY, at.y);
                maxY = Math.max(maxY, at.y);
            }
            double margin = Projection.MARGIN_SHARE * 0.99 * Math.max(maxX - minX, maxY - minY);
            assertTrue(minX >= margin && maxX <= p.width() - margin && minY >= margin && maxY <= p.height() - margin,
                    sc.name() + ": every place in view with a margin");
            double fill = Math.max((maxX - minX) / p.width(), (maxY - minY) / p.height());
            assertTrue(fill > 0.75, sc.name() + ": the places span " + fill + " of the map");
            // Centred: the margins on opposite sides are equal.
            assertEquals(minX, p.width() - maxX, 1e-6 * p.width(), sc.name());
            assertEquals(minY, p.height() - maxY, 1e-6 * p.height(), sc.name());
        }
    }

    @Test
    void namesDoNotOverlapAndTheLessonsPlacesAreNamed() throws Exception {
        for (Scenario sc : shipped()) {
            Projection p = Projection.fit(sc.places(), ASPECT);
            double scale = NarcoModelWithUI.MAP_WIDTH / p.width();
            List<Labels.Item> items = new ArrayList<>();
            for (Specs.Place pl : sc.places()) {
                Double2D at = p.point(pl.lon(), pl.lat());
                items.add(PlaceNames.item(pl, at.x * scale, at.y * scale, 15));
            }
            // About 7 pixels a character at 12 points.
            List<PlaceNames.Placed> placed = PlaceNames.layout(items, t -> 7.0 * t.length(), 15,
                    NarcoModelWithUI.MAP_WIDTH, NarcoModelWithUI.MAP_HEIGHT);
            assertEquals(placed, PlaceNames.layout(items, t -> 7.0 * t.length(), 15, NarcoModelWithUI.MAP_WIDTH,
                    NarcoModelWithUI.MAP_HEIGHT), "deterministic");
            int named = 0;
            for (int i = 0; i < placed.size(); i++) {
                PlaceNames.Placed a = placed.get(i);
                if (a == null) continue;
                named++;
                Rectangle2D box = a.box();
                assertTrue(box.getMinX() >= 0 && box.getMaxX() <= NarcoModelWithUI.MAP_WIDTH && box.getMinY() >= 0
                        && box.getMaxY() <= NarcoModelWithUI.MAP_HEIGHT, sc.name() + ": " + items.get(i).text() + " in view");
                for (int j = 0; j < placed.size(); j++) {
                    Labels.Item other = items.get(j);
                    if (j != i && placed.get(j) != null) {
                        assertTrue(!box.intersects(placed.get(j).box()),
                                sc.name() + ": " + items.get(i).text() + " overlaps " + other.text());
                    }
                    double r = other.symbol() / 2;
                    assertTrue(!box.intersects(other.x() - r, other.y() - r, 2 * r, 2 * r),
                            sc.name() + ": " + items.get(i).text() + " covers place " + other.text());
                }
            }
            assertTrue(named >= Math.min(12, items.stream().filter(t -> !t.text().isEmpty()).count()),
                    sc.name() + ": " + named + " places named");
            // Every place of a classroom scenario is named, points at sea too: the lessons are about them.
            if (sc.places().size() <= 20) {
                for (int i = 0; i < items.size(); i++) {
                    assertNotNull(placed.get(i), sc.name() + ": " + items.get(i).text() + " is named");
                }
            }
        }
    }
}
