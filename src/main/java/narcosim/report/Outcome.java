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
}
