package narcosim.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Placed names overlap neither each other, nor any point's symbol, nor obstacles, and stay in bounds. */
class LabelsTest {

    private static final Labels.Measure SEVEN_PX = t -> 7.0 * t.length();
    private static final Rectangle2D BOUNDS = new Rectangle2D.Double(0, 0, 400, 300);
    private static final Rectangle2D LEGEND = new Rectangle2D.Double(300, 220, 100, 80);

    @Provide
    Arbitrary<List<Labels.Item>> crowds() {
        Arbitrary<Labels.Item> item = Combinators.combine(
                Arbitraries.doubles().between(-10, 410), Arbitraries.doubles().between(-10, 310),
                Arbitraries.doubles().between(0, 30), Arbitraries.strings().alpha().ofMinLength(0).ofMaxLength(18),
                Arbitraries.integers().between(0, 5))
                .as((x, y, s, t, p) -> new Labels.Item(x, y, s, t, p));
        return item.list().ofMinSize(0).ofMaxSize(80);
    }

    @Property(tries = 300)
    void placedNamesNeverOverlap(@ForAll("crowds") List<Labels.Item> items) {
        List<Rectangle2D> boxes = Labels.place(items, SEVEN_PX, 13, BOUNDS, List.of(LEGEND));
        assertEquals(items.size(), boxes.size());
        List<Rectangle2D> placed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Rectangle2D b = boxes.get(i);
            if (b == null) continue;
            assertFalse(items.get(i).text().isEmpty(), "an empty name takes no room");
            assertTrue(BOUNDS.contains(b), "inside the bounds");
            assertFalse(b.intersects(LEGEND), "clear of the obstacle");
            assertEquals(7.0 * items.get(i).text().length(), b.getWidth(), 1e-9);
            for (Labels.Item other : items) assertFalse(b.intersects(Labels.symbolBox(other)), "clear of every point");
            for (Rectangle2D p : placed) assertFalse(b.intersects(p), "clear of every other name");
            placed.add(b);
        }
        assertEquals(boxes, Labels.place(items, SEVEN_PX, 13, BOUNDS, List.of(LEGEND)), "deterministic");
    }

    @Test
    void aLonePointIsLabelledOnItsRightAndTheMoreImportantOfTwoNeighboursWins() {
        Labels.Item lone = new Labels.Item(100, 100, 10, "Cali", 1);
        Rectangle2D b = Labels.place(List.of(lone), SEVEN_PX, 13, BOUNDS, List.of()).get(0);
        assertEquals(100 + 5 + Labels.GAP, b.getMinX(), 1e-9);
        assertEquals(100, b.getCenterY(), 1e-9);

        // two points 20 px apart on a line, each with a long name: the first placed takes its right side
        Labels.Item minor = new Labels.Item(100, 100, 6, "Minor place", 1);
        Labels.Item major = new Labels.Item(120, 100, 6, "Major place", 9);
        List<Rectangle2D> two = Labels.place(List.of(minor, major), SEVEN_PX, 13, BOUNDS, List.of());
        assertEquals(120 + 3 + Labels.GAP, two.get(1).getMinX(), 1e-9, "the major place keeps the right");
        assertNotNull(two.get(0), "the minor one finds room elsewhere");
        assertTrue(two.get(0).getMaxX() <= 100 || two.get(0).getMaxY() <= 97 || two.get(0).getMinY() >= 103);

        // a name that fits nowhere is left out
        Labels.Item cornered = new Labels.Item(5, 5, 4, "A very long name that cannot fit at all in the bounds here", 1);
        assertNull(Labels.place(List.of(cornered), SEVEN_PX, 13, BOUNDS, List.of()).get(0));
    }
}
