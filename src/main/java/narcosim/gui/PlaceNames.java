package narcosim.gui;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import narcosim.geo.Labels;
import narcosim.scenario.Specs;

/**
 * The names the map writes beside its places, and which go first when space is short: the market, the
 * coca zones, then the towns by population, then the points at sea (the lessons' Gorgona, Cabo Marzo,
 * Malpelo and Punta Mala are sea points). Laid out by {@link Labels} (as the report's route maps): a
 * name that finds no room beside its symbol moves further out, joined to it by a thin line; a name with a
 * parenthesis ("Off Gorgona Island (Colombian waters)") that finds no room in full is tried again without
 * it, around the names already placed; a name that fits nowhere is left out (it shows when its place is
 * selected).
 */
final class PlaceNames {

    /** Pixels kept free between a name and the map's edge. */
    static final double EDGE = 2;

    /** A name laid out: its box (pixels; baseline at maxY - descent), whether a line joins it to its symbol, its text. */
    record Placed(Rectangle2D box, boolean leader, String text) {
    }

    private PlaceNames() {
    }

    /** The name without a trailing parenthesis: "Off Gorgona Island (Colombian waters)" gives "Off Gorgona Island". */
    static String shorter(String name) {
        int open = name.lastIndexOf(" (");
        return open > 0 && name.endsWith(")") ? name.substring(0, open) : name;
    }

    /** How much a place's name matters on the map (higher: laid out first). */
    static double priority(Specs.Place p) {
        if (p.kind() == Specs.PlaceKind.MARKET) return 3e9;
        if (p.kind() == Specs.PlaceKind.PRODUCTION) return 2e9;
        if (p.kind() == Specs.PlaceKind.SEA) return 0.5;
        return 1 + p.population();
    }

    /** The label of a place drawn at (x, y) pixels with a symbol of {@code symbol} pixels. */
    static Labels.Item item(Specs.Place p, double x, double y, double symbol) {
        return new Labels.Item(x, y, symbol, p.name(), priority(p));
    }

    /**
     * Lays out the names of {@code items} inside a {@code width} x {@code height} pixel area: one entry per
     * item, in the same order, null where the name is left out. Deterministic.
     */
    static List<Placed> layout(List<Labels.Item> items, Labels.Measure measure, double lineHeight, double width,
                               double height) {
        Rectangle2D bounds = new Rectangle2D.Double(EDGE, EDGE, width - 2 * EDGE, height - 2 * EDGE);
        List<Rectangle2D> full = Labels.place(items, measure, lineHeight, bounds, List.of());
        List<Rectangle2D> taken = new ArrayList<>();
        List<Labels.Item> again = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Labels.Item it = items.get(i);
            if (full.get(i) != null) taken.add(full.get(i));
            // Every place stays a symbol to keep clear of; only names left out and with a shorter form are tried.
            String retry = full.get(i) == null && !shorter(it.text()).equals(it.text()) ? shorter(it.text()) : "";
            again.add(new Labels.Item(it.x(), it.y(), it.symbol(), retry, it.priority()));
        }
        List<Rectangle2D> shortened = taken.size() == items.size() ? full
                : Labels.place(again, measure, lineHeight, bounds, taken);
        List<Placed> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Labels.Item it = items.get(i);
            Rectangle2D box = full.get(i) != null ? full.get(i) : shortened.get(i);
            String text = full.get(i) != null ? it.text() : again.get(i).text();
            out.add(box == null ? null : new Placed(box, movedOut(it, box), text));
        }
        return out;
    }

    /** Whether a name's box lies further from its point than the nearest candidates beside the symbol. */
    private static boolean movedOut(Labels.Item it, Rectangle2D box) {
        double nx = Math.max(box.getMinX(), Math.min(it.x(), box.getMaxX()));
        double ny = Math.max(box.getMinY(), Math.min(it.y(), box.getMaxY()));
        return Math.hypot(nx - it.x(), ny - it.y()) > (it.symbol() / 2 + Labels.GAP) * Math.sqrt(2) + 1;
    }
}
