package narcosim.metrics;

import java.util.Locale;

import narcosim.util.Fmt;

/**
 * One outcome as every table, chart and page shows it, declared once in {@link Outcomes}.
 *
 * @param name column name in timeseries.csv (weekly outcomes) or summary.csv and runs.csv (run measures)
 * @param kind flow (summed over a period), level (averaged) or share (a ratio of flows)
 * @param unit unit of the stored number (a flow's unit is per week in timeseries.csv)
 * @param label what a reader who has never seen narcosim would call it
 * @param description one sentence: what is counted, and how
 * @param displayScale stored number x displayScale = the number shown
 * @param displayUnit unit of the number shown ("" for a plain count)
 * @param change how a change against a reference is stated: relative (in %) or absolute (in display units)
 */
public record Outcome(String name, Kind kind, String unit, String label, String description, double displayScale,
                      String displayUnit, Change change) {

    /** How an outcome adds up over a period: flows are summed, levels averaged, shares are ratios of flows. */
    public enum Kind { FLOW, LEVEL, SHARE }

    /** How a change against the baseline is stated. */
    public enum Change {
        /** in % of the baseline's mean (flows, prices, areas, counts) */
        RELATIVE,
        /** as a difference in display units (shares and 0-1 indices, where % of a % misleads) */
        ABSOLUTE
    }

    /** The label with its display unit, e.g. "Cocaine delivered to market (t)". */
    public String title() {
        return displayUnit.isEmpty() ? label : label + " (" + displayUnit + ")";
    }

    /** The stored value in display units. */
    public double display(double stored) {
        return stored * displayScale;
    }

    /** A value in display units as text: thousands separated, about three significant digits. */
    public String format(double stored) {
        return number(display(stored));
    }

    /**
     * A number for people, the same in the terminal and on the report's pages: about three significant
     * digits, thousands grouped, whole numbers without decimals.
     */
    public static String number(double v) {
        if (!(v == v)) return "n/a";
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** {@link #number} with a sign: "+" before a positive number. */
    public static String signedNumber(double v) {
        String n = number(v);
        return v > 0 ? "+" + n : n;
    }

    @Override
    public String toString() {
        return name + " [" + unit + ", " + kind.name().toLowerCase(Locale.ROOT) + ", shown x" + Fmt.num(displayScale)
                + " " + displayUnit + "]";
    }
}
