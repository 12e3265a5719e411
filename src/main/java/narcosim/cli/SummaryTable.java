package narcosim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import narcosim.experiment.RunResult;
import narcosim.metrics.Outcome;
import narcosim.metrics.Outcomes;

/** The one-screen summary printed after a run: the catalogue's run table (labels, units and scales from it). */
final class SummaryTable {

    private SummaryTable() {
    }

    static String render(RunResult r, double seconds, Path dir) {
        StringBuilder sb = new StringBuilder();
        var cfg = r.config();
        int years = cfg.weeks() / 52;
        sb.append(String.format(Locale.ROOT, "narcosim run: %s, strategy %s (%s), seed %d, %d years%n",
                cfg.scenario().name(), cfg.strategy().id(), cfg.strategy().name(), cfg.seed(), years));
        // The windows' names come from the catalogue: a flow's whole-campaign figure is its total, a level's its mean.
        sb.append(String.format(Locale.ROOT, "%-34s %14s %14s  %s%n", "outcome", Outcome.Window.WHOLE_CAMPAIGN.words,
                Outcome.Window.FINAL_YEAR.words, "unit"));
        // The scenario's own rows: customs at ports (ODD 7.24) beside the other agencies, several markets (7.14).
        List<Outcome> rows = new ArrayList<>();
        for (String name : Outcomes.RUN_TABLE) {
            rows.add(Outcomes.weeklyOutcome(name));
            if (name.equals("seized_police_kg") && r.outcomes().containsKey(Outcomes.SEIZED_PORT + "_total")) {
                rows.add(Outcomes.weeklyOutcome(Outcomes.SEIZED_PORT));
            }
            if (name.equals("price_usd_kg") && cfg.scenario().markets().size() > 1) {
                rows.addAll(Outcomes.marketOutcomes(cfg.scenario().markets(), true));
            }
        }
        for (Outcome o : rows) {
            String name = o.name();
            boolean flow = o.kind() == Outcome.Kind.FLOW;
            double all = r.outcome(name + (flow ? "_total" : "_mean"));
            double last = r.outcome(name + "_final_year");
            sb.append(String.format(Locale.ROOT, "%-34s %14s %14s  %s%n", o.label(), o.format(all), o.format(last),
                    o.displayUnit() + (flow ? "" : (o.displayUnit().isEmpty() ? "" : " ") + "("
                            + Outcome.Window.CAMPAIGN_MEAN.words + ")")));
        }
        for (Outcomes.Share share : Outcomes.SHARES) {
            Outcome o = share.outcome();
            sb.append(String.format(Locale.ROOT, "%-34s %14s %14s  %s%n", o.label(), o.format(r.outcome(o.name())),
                    o.format(r.outcome(o.name() + "_final_year")), o.displayUnit()));
        }
        sb.append(String.format(Locale.ROOT, "Simulated in %.2f s. Results: %s%n", seconds, dir));
        return sb.toString();
    }
}
