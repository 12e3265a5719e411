package narcosim.gui;

import java.awt.Color;

import narcosim.report.ChartStyle;

/** The map's colours: Okabe-Ito (as the charts), readable by colour-blind pupils. */
final class Palette {

    static final Color OCEAN = new Color(0xDCEBF5);
    static final Color LAND = new Color(0xF4F1E8);
    static final Color COAST = new Color(0xA8A294);
    /** Country borders on land (dashed). */
    static final Color BORDER = new Color(0xB9B2A2);
    static final Color SHIPMENT = ChartStyle.OKABE_ITO[0];
    static final Color MILITARY = ChartStyle.OKABE_ITO[4];
    static final Color POLICE = ChartStyle.OKABE_ITO[3];
    static final Color CORRUPT_POLICE = ChartStyle.OKABE_ITO[6];
    static final Color UNPOPULATED = new Color(0x9A9A9A);
    static final Color MARKET = ChartStyle.OKABE_ITO[0];
    /** The ring around a coca-growing place. */
    static final Color PRODUCTION = new Color(0x5A7D1E);

    /** Trust 0 (vermillion) through 0.5 (pale) to 1 (blue). */
    private static final Color LOW_TRUST = ChartStyle.OKABE_ITO[5];
    private static final Color MID_TRUST = new Color(0xF7F7F7);
    private static final Color HIGH_TRUST = ChartStyle.OKABE_ITO[4];

    /** Interdiction pressure: light grey (none) through orange to dark red (high). */
    private static final Color NO_RISK = new Color(0xB4B4B4);
    private static final Color SOME_RISK = ChartStyle.OKABE_ITO[1];
    private static final Color HIGH_RISK = new Color(0x8B1A00);

    /** Military units watching a route drawn at full colour; more look the same. */
    static final int PRESSURE_FULL = 4;

    private Palette() {
    }

    static Color trust(double t) {
        double x = Math.max(0, Math.min(1, t));
        return x < 0.5 ? mix(LOW_TRUST, MID_TRUST, x / 0.5) : mix(MID_TRUST, HIGH_TRUST, (x - 0.5) / 0.5);
    }

    /**
     * Interdiction pressure on a route, the military units watching it: light grey (none) through orange
     * (two) to dark red ({@link #PRESSURE_FULL} or more).
     */
    static Color pressure(int units) {
        if (units <= 0) return NO_RISK;
        double x = Math.min(1, (double) units / PRESSURE_FULL);
        return x <= 0.5 ? mix(mix(NO_RISK, SOME_RISK, 0.45), SOME_RISK, (x - 0.25) / 0.25)
                : mix(SOME_RISK, HIGH_RISK, (x - 0.5) / 0.5);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
}
