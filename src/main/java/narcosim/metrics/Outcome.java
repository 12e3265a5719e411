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
 * @param window the period a figure is stated over: a week (weekly outcomes), the whole campaign (totals and
 *               shares of totals), the campaign mean or the final year (run measures)
 */
public record Outcome(String name, Kind kind, String unit, String label, String description, double displayScale,
                      String displayUnit, Change change, Window window) {

    /** A weekly outcome (stated per week). */
    public Outcome(String name, Kind kind, String unit, String label, String description, double displayScale,
                   String displayUnit, Change change) {
        this(name, kind, unit, label, description, displayScale, displayUnit, change, Window.WEEK);
    }

    /** The period a figure is stated over, and the words that say so after its label. */
    public enum Window {
        WEEK("", "per week"), WHOLE_CAMPAIGN(", whole campaign", "whole campaign"),
        CAMPAIGN_MEAN(", campaign mean", "campaign mean"), FINAL_YEAR(", final year", "final year");

        /** What follows the label, e.g. ", final year". */
        public final String suffix;
        /** The window alone, e.g. "final year" (a column header). */
        public final String words;

        Window(String suffix, String words) {
            this.suffix = suffix;
            this.words = words;
        }
    }

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

    /**
     * A value in display units as text: thousands separated, about three significant digits; a count (cartels,
     * agents, incidents...) that rounds to a whole number is shown whole ("4", not "4.00").
     */
    public String format(double stored) {
        double v = display(stored);
        return isCount() && v == v && Math.abs(v - Math.rint(v)) < 0.005 ? number(Math.rint(v)) : number(v);
    }

    /** Units of things counted one by one (as opposed to kg, money, areas, shares and indices). */
    private static final java.util.Set<String> COUNTS = java.util.Set.of("incidents", "tips", "agents", "arrests",
            "units", "events", "seizures", "cartels", "splits", "exits", "mergers", "links", "places", "nations");

    /** Whether this outcome counts whole things (its mean may still be fractional). */
    public boolean isCount() {
        return displayScale == 1 && COUNTS.contains(unit);
    }

    /**
     * A number for people, the same in the terminal and on the report's pages: about three significant
     * digits, thousands grouped, whole numbers without decimals.
     */
    public static String number(double v) {
        if (!(v == v)) return "n/a";
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) return whole(v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.equals("-0.000") || s.equals("0.000") ? "0" : s;
    }

    private static String whole(double v) {
        String s = String.format(Locale.ROOT, "%,.0f", v);
        return s.equals("-0") ? "0" : s;
    }

    /** {@link #number} with a sign: "+" before a positive number. */
    public static String signedNumber(double v) {
        String n = number(v);
        return v > 0 && !n.equals("0") ? "+" + n : n.equals("-0") ? "0" : n;
    }

    /**
     * A change against a reference, stated as the catalogue says: in % of the reference's mean for a relative
     * outcome ("+56% [+47%, +64%]"), or as a difference in display units for an absolute one and wherever the
     * reference's mean is zero ("+31.3 pp [+26.9, +35.7]" for a share in %, "+470 [+394, +545]"). The terminal,
     * summary files and report.html state changes with this one rule.
     *
     * @param diff  mean paired difference (stored units)
     * @param low   its interval's lower end (stored units)
     * @param high  its interval's upper end (stored units)
     * @param reference the reference's mean (stored units)
     */
    public String change(double diff, double low, double high, double reference) {
        if (!(diff == diff)) return "n/a";
        if (change == Change.RELATIVE && reference != 0 && reference == reference) {
            return percent(100 * diff / reference) + " [" + percent(100 * low / reference) + ", "
                    + percent(100 * high / reference) + "]";
        }
        return signedNumber(display(diff)) + changeUnit() + " [" + signedNumber(display(low)) + ", "
                + signedNumber(display(high)) + "]";
    }

    /** Whether a change with this interval is told apart from no change (its interval excludes zero). */
    public static boolean distinguishable(double low, double high) {
        return low == low && high == high && (low > 0 || high < 0);
    }

    /** The unit after a difference: " pp" (percentage points) for a share in %; otherwise the title's unit. */
    public String changeUnit() {
        return displayUnit.equals("%") ? " pp" : "";
    }

    /** A percentage change, whole: "+56%", "-3%", "0%". */
    public static String percent(double v) {
        if (!(v == v)) return "n/a";
        String s = String.format(Locale.ROOT, "%+.0f", v);
        if (s.matches("[+-]0")) s = "0";
        return s + "%";
    }

    @Override
    public String toString() {
        return name + " [" + unit + ", " + kind.name().toLowerCase(Locale.ROOT) + ", shown x" + Fmt.num(displayScale)
                + " " + displayUnit + "]";
    }
}
