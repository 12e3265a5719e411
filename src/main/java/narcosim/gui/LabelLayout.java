package narcosim.gui;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where place names go on the map, in pixels, so that they neither overlap each other nor cover other
 * places: the most important places first (market, coca zones, then by population, then sea points), each
 * name tried beside its symbol on the right, the left, above and below, then further out with a leader line,
 * then its shorter form the same way; a name that fits nowhere is left out (it shows when its place is
 * selected). Deterministic: the same
 * places and scale give the same layout.
 */
final class LabelLayout {

    /**
     * A place to label: its symbol's centre and size (pixels), its name, a shorter name tried when the name
     * finds no room, and how much it matters.
     */
    record Item(double x, double y, double symbol, String text, String shorter, double priority) {
        Item(double x, double y, double symbol, String text, double priority) {
            this(x, y, symbol, text, text, priority);
        }
    }

    /** A name's box (pixels; baseline at maxY - descent), whether a line joins it to its symbol, and its text. */
    record Placed(Rectangle2D box, boolean leader, String text) {
    }

    /** Text width of a name, pixels (the font's metrics, so tests can use a fixed width per character). */
    interface Measure {
        double width(String text);
    }

    /** Gap between a symbol and its name, pixels. */
    static final double GAP = 3;
    /** How far out a name may move from its symbol, in steps of about one line height. */
    private static final double[] RINGS = {0, 1.5, 3};

    private LabelLayout() {
    }

    /**
     * Lays out the names of {@code items} inside a {@code width} x {@code height} pixel area; returns one
     * entry per item, in the same order, null where the name is left out.
     */
    static List<Placed> layout(List<Item> items, Measure measure, double lineHeight, double width, double height) {
        List<Rectangle2D> taken = new ArrayList<>();
        List<Rectangle2D> symbols = new ArrayList<>();
        for (Item it : items) {
            double r = it.symbol() / 2 + 1;
            symbols.add(new Rectangle2D.Double(it.x() - r, it.y() - r, 2 * r, 2 * r));
        }
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -items.get(i).priority())
                .thenComparingInt(i -> i));
        List<Placed> out = new ArrayList<>(java.util.Collections.nCopies(items.size(), (Placed) null));
        for (int i : order) {
            Item it = items.get(i);
            if (it.text().isEmpty()) continue;
            Placed best = place(it, it.text(), measure, lineHeight, width, height, taken, symbols);
            if (best == null && !it.shorter().equals(it.text())) {
                best = place(it, it.shorter(), measure, lineHeight, width, height, taken, symbols);
            }
            if (best != null) {
                taken.add(best.box());
                out.set(i, best);
            }
        }
        return out;
    }

    /** The first place {@code text} fits beside the item's symbol, nearest first; null if none. */
    private static Placed place(Item it, String text, Measure measure, double lineHeight, double width, double height,
                                List<Rectangle2D> taken, List<Rectangle2D> symbols) {
        double w = measure.width(text);
        for (double ring : RINGS) {
            double off = it.symbol() / 2 + GAP + ring * lineHeight;
            // Right, left, above, below, then the diagonals.
            double[][] at = {
                {it.x() + off, it.y() - lineHeight / 2},
                {it.x() - off - w, it.y() - lineHeight / 2},
                {it.x() - w / 2, it.y() - off - lineHeight},
                {it.x() - w / 2, it.y() + off},
                {it.x() + off * 0.7, it.y() - off * 0.7 - lineHeight},
                {it.x() + off * 0.7, it.y() + off * 0.7},
                {it.x() - off * 0.7 - w, it.y() - off * 0.7 - lineHeight},
                {it.x() - off * 0.7 - w, it.y() + off * 0.7},
            };
            for (double[] xy : at) {
                Rectangle2D box = new Rectangle2D.Double(xy[0], xy[1], w, lineHeight);
                if (fits(box, width, height, taken, symbols)) return new Placed(box, ring > 0, text);
            }
        }
        return null;
    }

    private static boolean fits(Rectangle2D box, double width, double height, List<Rectangle2D> taken,
                                List<Rectangle2D> symbols) {
        if (box.getMinX() < 2 || box.getMinY() < 2 || box.getMaxX() > width - 2 || box.getMaxY() > height - 2) {
            return false;
        }
        for (Rectangle2D t : taken) {
            if (t.intersects(box)) return false;
        }
        for (Rectangle2D s : symbols) {
            if (s.intersects(box)) return false;
        }
        return true;
    }
}
