package narcosim.gui;

import narcosim.scenario.Specs;

/**
 * The names the map writes beside its places, and which go first when space is short: the market, the
 * coca zones, then the towns by population, then the points at sea (the lessons' Gorgona, Cabo Marzo,
 * Malpelo and Punta Mala are sea points). A name with a parenthesis ("Off Gorgona Island (Colombian
 * waters)") is tried in full, then without it.
 */
final class PlaceNames {

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
    static LabelLayout.Item item(Specs.Place p, double x, double y, double symbol) {
        return new LabelLayout.Item(x, y, symbol, p.name(), shorter(p.name()), priority(p));
    }
}
