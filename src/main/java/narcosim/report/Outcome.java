package narcosim.report;

import java.util.List;

/**
 * An outcome as a chart shows it: the column it comes from, a plain-words name and its unit.
 *
 * @param column column in timeseries.csv.gz (weekly) or summary.csv (outcome)
 * @param name what a reader who has never seen narcosim would call it
 * @param unit axis unit, e.g. "kg per week"
 */
public record Outcome(String column, String name, String unit) {

    public String axisLabel() {
        return name + " (" + unit + ")";
    }

    /** The key weekly outcomes drawn as time series. */
    public static final List<Outcome> WEEKLY = List.of(
            new Outcome("delivered_kg", "Cocaine delivered to market", "kg per week"),
            new Outcome("seized_kg", "Cocaine seized", "kg per week"),
            new Outcome("price_usd_kg", "Wholesale price", "US$ per kg"),
            new Outcome("mean_trust", "Residents' mean trust in the state", "0 = none, 1 = full"),
            new Outcome("violent_incidents", "Violent incidents", "incidents per week"),
            new Outcome("recruits", "New cartel recruits", "people per week"));

    /** The final outcomes drawn as bars (one row per strategy in summary.csv). */
    public static final List<Outcome> FINAL = List.of(
            new Outcome("delivered_kg_total", "Cocaine delivered to market, whole campaign", "kg"),
            new Outcome("seized_kg_total", "Cocaine seized, whole campaign", "kg"),
            new Outcome("price_usd_kg_final_year", "Wholesale price, final year", "US$ per kg"),
            new Outcome("mean_trust_final_year", "Residents' mean trust in the state, final year", "0 = none, 1 = full"),
            new Outcome("violent_incidents_total", "Violent incidents, whole campaign", "incidents"),
            new Outcome("recruits_total", "New cartel recruits, whole campaign", "people"));

    /**
     * An outcome of summary.csv or runs.csv by its column name: the known ones by their chart names, any
     * other from its name ({@code <weekly column>_total}, {@code _mean} or {@code _final_year}).
     */
    public static Outcome of(String column) {
        for (List<Outcome> list : List.of(FINAL, HtmlReport.TABLE, KNOWN)) {
            for (Outcome o : list) if (o.column().equals(column)) return o;
        }
        String base = column;
        String when = "";
        if (column.endsWith("_total")) {
            base = column.substring(0, column.length() - 6);
            when = ", whole campaign";
        } else if (column.endsWith("_final_year")) {
            base = column.substring(0, column.length() - 11);
            when = ", final year";
        } else if (column.endsWith("_mean")) {
            base = column.substring(0, column.length() - 5);
            when = ", mean week";
        }
        String unit = base.endsWith("_usd_kg") ? "US$ per kg" : base.endsWith("_kg") ? "kg" : base.endsWith("_usd") ? "US$"
                : base.endsWith("_ha") ? "ha" : base.contains("trust") || base.contains("fear") ? "0 to 1" : "count";
        String words = base.replaceAll("_(usd_kg|kg|usd|ha)$", "").replace('_', ' ');
        return new Outcome(column, Character.toUpperCase(words.charAt(0)) + words.substring(1) + when, unit);
    }

    /** Further outcomes that the shipped sweep files name. */
    private static final List<Outcome> KNOWN = List.of(
            new Outcome("price_usd_kg_mean", "Wholesale price, mean over the campaign", "US$ per kg"),
            new Outcome("coca_ha_final_year", "Coca area, final year", "ha"));
}
