package narcosim.cli;

import java.nio.file.Path;
import java.util.Locale;

import narcosim.experiment.RunResult;

/** The one-screen summary printed after a run. */
final class SummaryTable {

    private SummaryTable() {
    }

    private static final String[][] ROWS = {
        {"Produced", "produced_kg", "t", "flow"},
        {"Departed", "departed_kg", "t", "flow"},
        {"Delivered to market", "delivered_kg", "t", "flow"},
        {"Seized (all)", "seized_kg", "t", "flow"},
        {"  by military", "seized_military_kg", "t", "flow"},
        {"  by police", "seized_police_kg", "t", "flow"},
        {"Lost in transit", "lost_kg", "t", "flow"},
        {"Wholesale price", "price_usd_kg", "US$/kg", "level"},
        {"Risk premium", "risk_premium", "x", "level"},
        {"Active links", "active_links", "", "level"},
        {"Flow entropy", "flow_entropy", "bits", "level"},
        {"Violent incidents", "violent_incidents", "", "flow"},
        {"Collateral harm", "collateral_harm", "", "flow"},
        {"Mean trust in state", "mean_trust", "0-1", "level"},
        {"Tips to police", "tips", "", "flow"},
        {"Recruits", "recruits", "agents", "flow"},
        {"Active smugglers", "active_smugglers", "agents", "level"},
        {"Coca area", "coca_ha", "ha", "level"},
        {"Arrests", "arrests", "", "flow"},
        {"  of leaders", "leader_arrests", "", "flow"},
        {"Cartels", "cartels", "", "level"},
        {"Campaign spend", "spend_usd", "US$M", "flow"},
    };

    static String render(RunResult r, double seconds, Path dir) {
        StringBuilder sb = new StringBuilder();
        var cfg = r.config();
        int years = cfg.weeks() / 52;
        sb.append(String.format(Locale.ROOT, "narcosim run: %s, strategy %s (%s), seed %d, %d years%n",
                cfg.scenario().name(), cfg.strategy().id(), cfg.strategy().name(), cfg.seed(), years));
        sb.append(String.format(Locale.ROOT, "%-24s %14s %14s  %s%n", "outcome", "whole run", "final year", "unit"));
        for (String[] row : ROWS) {
            boolean flow = row[3].equals("flow");
            double all = r.outcome(row[1] + (flow ? "_total" : "_mean"));
            double last = r.outcome(row[1] + "_final_year");
            double scale = row[2].equals("t") ? 1e-3 : row[2].equals("US$M") ? 1e-6 : 1;
            sb.append(String.format(Locale.ROOT, "%-24s %14s %14s  %s%n", row[0], fmt(all * scale), fmt(last * scale),
                    row[2] + (flow ? "" : " (mean)")));
        }
        sb.append(String.format(Locale.ROOT, "%-24s %14s %14s%n", "Seized share of departed",
                pct(r.outcome("seized_share")), pct(r.outcome("seized_share_final_year"))));
        sb.append(String.format(Locale.ROOT, "Simulated in %.2f s. Results: %s%n", seconds, dir));
        return sb.toString();
    }

    private static String fmt(double v) {
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (Math.abs(v) >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
