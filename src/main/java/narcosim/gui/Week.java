package narcosim.gui;

import narcosim.model.NarcoModel;

/**
 * The one week number the classroom window shows, everywhere it shows one (the Console's time readout, the
 * Model tab, the map's legend, the charts' last point, the line {@code narcosim gui --screenshot} prints):
 * the campaign week just completed, numbered as the {@code week} column of {@code timeseries.csv} and the
 * charts' x axis (0 is the campaign's first week; the burn-in's weeks are negative). After
 * {@code --weeks 180} with a 52-week burn-in that is campaign week 127: 180 weeks have run, the last of them
 * campaign week 127.
 */
public final class Week {

    private Week() {
    }

    /** The campaign week just completed (-1 once the burn-in is over and the campaign not yet begun). */
    public static int lastCompleted(NarcoModel m) {
        return m.week() - 1;
    }

    /** Whether any week has run. */
    static boolean started(NarcoModel m) {
        return m.stepsSoFar() > 0;
    }

    /** "campaign week N", or, before the first week has run, "before campaign week -52" (the burn-in's first). */
    public static String label(NarcoModel m) {
        if (!started(m)) return "before campaign week -" + m.config().params().integer("run.burn_in_weeks");
        return "campaign week " + lastCompleted(m);
    }
}
