package narcosim.report;

import java.util.List;

import narcosim.metrics.Outcomes;

/**
 * An outcome as a chart or page shows it, read from the outcome catalogue ({@link Outcomes}): the column
 * it comes from, its label, the unit it is shown in and the factor from the stored number to the shown one.
 *
 * @param column column in timeseries.csv.gz (weekly) or summary.csv (run measures)
 * @param name the catalogue's label: what a reader who has never seen narcosim would call it
 * @param unit the unit shown, e.g. "t per week"
 * @param scale stored number x scale = shown number
 * @param change how a change against the baseline is stated
 */
public record Outcome(String column, String name, String unit, double scale, narcosim.metrics.Outcome.Change change) {

    public String axisLabel() {
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    /** A stored value in the shown unit. */
    public double shown(double stored) {
        return stored * scale;
    }

    /** The key weekly outcomes drawn as time series. */
    public static final List<Outcome> WEEKLY = Outcomes.WEEKLY_CHARTS.stream().map(Outcome::weekly).toList();

    /**
     * The weekly outcomes drawn over time in a comparison's report: the catalogue's time-series charts, then
     * every headline measure that is a weekly outcome over a period (collateral harm, tips, smugglers, coca
     * area, ...), but not the campaign spend, which is the same every week.
     */
    public static final List<Outcome> OVER_TIME = overTime();

    private static List<Outcome> overTime() {
        java.util.LinkedHashSet<String> cols = new java.util.LinkedHashSet<>(Outcomes.WEEKLY_CHARTS);
        for (String h : Outcomes.HEADLINE) {
            for (Outcomes.Period p : Outcomes.Period.values()) {
                if (!h.endsWith(p.suffix)) continue;
                String base = h.substring(0, h.length() - p.suffix.length());
                if (Outcomes.weeklyOutcome(base) != null && !base.equals("spend_usd")) cols.add(base);
            }
        }
        return cols.stream().map(Outcome::weekly).toList();
    }

    /** The final outcomes drawn as bars (one row per strategy in summary.csv). */
    public static final List<Outcome> FINAL = Outcomes.FINAL_CHARTS.stream().map(Outcome::of).toList();

    /** The headline measures of report.html's table (the same as the terminal's after compare). */
    public static final List<Outcome> HEADLINE = Outcomes.HEADLINE.stream().map(Outcome::of).toList();

    /**
     * A run measure of summary.csv or runs.csv by its column name, as the catalogue declares it; a column the
     * catalogue does not know is shown under its own name, in no unit.
     */
    public static Outcome of(String column) {
        narcosim.metrics.Outcome o = Outcomes.measure(column);
        if (o == null) return new Outcome(column, column, "", 1, narcosim.metrics.Outcome.Change.RELATIVE);
        return new Outcome(column, o.label(), o.displayUnit(), o.displayScale(), o.change());
    }

    /** A weekly outcome of timeseries.csv by its column name: a flow is shown per week. */
    public static Outcome weekly(String column) {
        narcosim.metrics.Outcome o = Outcomes.weeklyOutcome(column);
        if (o == null) return new Outcome(column, column, "", 1, narcosim.metrics.Outcome.Change.RELATIVE);
        String unit = o.kind() == narcosim.metrics.Outcome.Kind.FLOW
                ? (o.displayUnit().isEmpty() ? "per week" : o.displayUnit() + " per week") : o.displayUnit();
        return new Outcome(column, o.label(), unit, o.displayScale(), o.change());
    }
}
