package narcosim.geo;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Places names beside points without overlaps, in pixels (y down). Each point has a symbol (a square of
 * side {@code symbol} around it that no name may cover, its own or another's) and a priority; the names
 * are placed greedily from the highest priority down (ties in input order), each at the first of twelve
 * candidate positions around its point that stays inside the bounds, clear of every symbol, every name
 * already placed and every obstacle (a legend, say): right, left, above, below (centred), the four
 * diagonals, above and below running right or left from the point (for names near the bounds' sides),
 * then the same again one and two line heights further out. A name that fits nowhere is left out.
 * Deterministic: the same input gives the same boxes.
 */
public final class Labels {

    /** A point to label: its position and symbol size (pixels), its name, and how much it matters. */
    public record Item(double x, double y, double symbol, String text, double priority) {
    }

    /** The width of a name in pixels (a font's metrics; tests may use a fixed width per character). */
    @FunctionalInterface
    public interface Measure {
        double width(String text);
    }

    /** Gap between a symbol and its name, pixels. */
    public static final double GAP = 2;
    private static final double[] RINGS = {0, 1, 2};

    private Labels() {
    }

    /**
     * The box of each item's name, in the items' order, or null where the name is left out (no room, or
     * an empty name). A box is {@code lineHeight} tall; draw the text with its baseline at
     * {@code box.getMaxY() - descent}.
     */
    public static List<Rectangle2D> place(List<Item> items, Measure measure, double lineHeight, Rectangle2D bounds,
                                          List<Rectangle2D> obstacles) {
        List<Rectangle2D> symbols = new ArrayList<>();
        for (Item it : items) symbols.add(symbolBox(it));
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -items.get(i).priority()).thenComparingInt(i -> i));
        List<Rectangle2D> taken = new ArrayList<>(obstacles);
        List<Rectangle2D> out = new ArrayList<>(Collections.nCopies(items.size(), (Rectangle2D) null));
        for (int i : order) {
            Item it = items.get(i);
            if (it.text().isEmpty()) continue;
            double w = measure.width(it.text());
            Rectangle2D found = null;
            for (double ring : RINGS) {
                for (Rectangle2D box : candidates(it, w, lineHeight, it.symbol() / 2 + GAP + ring * lineHeight)) {
                    if (fits(box, bounds, taken, symbols)) {
                        found = box;
                        break;
                    }
                }
                if (found != null) break;
            }
            if (found != null) {
                taken.add(found);
                out.set(i, found);
            }
        }
        return out;
    }

    /** The square no name may cover around an item's point (its symbol plus one pixel). */
    public static Rectangle2D symbolBox(Item it) {
        double r = it.symbol() / 2 + 1;
        return new Rectangle2D.Double(it.x() - r, it.y() - r, 2 * r, 2 * r);
    }

    private static List<Rectangle2D> candidates(Item it, double w, double h, double off) {
        double x = it.x();
        double y = it.y();
        double d = off; // the corners: a square symbol (see symbolBox) reaches that far diagonally
        double[][] at = {
            {x + off, y - h / 2}, // right
            {x - off - w, y - h / 2}, // left
            {x - w / 2, y - off - h}, // above
            {x - w / 2, y + off}, // below
            {x + d, y - d - h}, // above right
            {x - d - w, y - d - h}, // above left
            {x + d, y + d}, // below right
            {x - d - w, y + d}, // below left
            {x - h / 2, y - off - h}, // above, running right
            {x + h / 2 - w, y - off - h}, // above, running left
            {x - h / 2, y + off}, // below, running right
            {x + h / 2 - w, y + off}, // below, running left
        };
        List<Rectangle2D> out = new ArrayList<>(at.length);
        for (double[] p : at) out.add(new Rectangle2D.Double(p[0], p[1], w, h));
        return out;
    }

    private static boolean fits(Rectangle2D box, Rectangle2D bounds, List<Rectangle2D> taken, List<Rectangle2D> symbols) {
        if (!bounds.contains(box)) return false;
        for (Rectangle2D t : taken) if (t.intersects(box)) return false;
        for (Rectangle2D s : symbols) if (s.intersects(box)) return false;
        return true;
    }
}
