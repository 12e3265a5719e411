package narcosim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import narcosim.metrics.Outcome;
import narcosim.metrics.Outcomes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** narcosim outcomes: the outcome catalogue, as every table and chart reads it. */
@Command(name = "outcomes", mixinStandardHelpOptions = true,
        description = {"List every outcome narcosim records: its column name, unit, kind and meaning, from the one "
            + "catalogue that the terminal tables, report.html, the charts and the classroom window read.",
            "",
            "Weekly outcomes are the columns of timeseries.csv (flows summed over the week from the events that "
            + "feed them, levels read at the week's end). In summary.csv and runs.csv each becomes <name>_total "
            + "and <name>_final_year (flows, summed) or <name>_mean and <name>_final_year (levels, averaged); "
            + "the shares and the cost per kg kept off follow."},
        footer = {"", "Examples:", "  narcosim outcomes", "  narcosim outcomes --markdown   # the table of docs/ODD.md, section 9"})
public final class OutcomesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--markdown", description = "Print Markdown tables (as in docs/ODD.md).")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) out.println("| outcome | unit | kind | shown as | meaning |\n|---|---|---|---|---|");
        else out.println("Weekly outcomes (timeseries.csv):");
        for (Outcomes.Weekly w : Outcomes.weekly(null)) row(out, w.outcome());
        row(out, Outcomes.weeklyOutcome(Outcomes.SEIZED_PORT), Outcomes.SEIZED_PORT,
                "kg seized by customs at container ports, in scenarios with a place with a port (ODD 7.24)");
        row(out, Outcomes.weeklyOutcome("trust_<nation>"), "trust_<nation>", "mean trust of residents in a nation with residents");
        row(out, Outcomes.weeklyOutcome("chain_price_<nation>_usd_kg"), "chain_price_<nation>_usd_kg",
                "price of cocaine in a nation: smoothed value of the kg arriving there (empty until any arrives)");
        row(out, Outcomes.weeklyOutcome("market_<id>_price_usd_kg"), "market_<id>_price_usd_kg",
                "with several markets (ODD 7.14), the wholesale price at the gateways of market <id>");
        row(out, Outcomes.weeklyOutcome("market_<id>_delivered_kg"), "market_<id>_delivered_kg",
                "with several markets, kg reaching the gateways of market <id>");
        row(out, Outcomes.weeklyOutcome("carried_between_markets_kg"), "carried_between_markets_kg",
                "with several markets, wholesale stock carried from a cheaper market to a dearer one");
        row(out, Outcomes.weeklyOutcome("flow_region_kg"), "flow_<region>_kg",
                "kg sent into a region from elsewhere (traffickers' routing), per region tag");
        row(out, Outcomes.weeklyOutcome("through_region_kg"), "through_<region>_kg",
                "kg that came through a region (arrived outside it from inside), per region tag");
        if (!markdown) {
            out.println();
            out.println("Run measures (summary.csv, runs.csv; also <name>_final_year):");
        }
        for (Outcomes.Share s : Outcomes.SHARES) row(out, s.outcome());
        row(out, Outcomes.COST_PER_KG_KEPT_OFF);
        out.flush();
        return 0;
    }

    private void row(PrintWriter out, Outcome o) {
        row(out, o, o.name(), o.description());
    }

    private void row(PrintWriter out, Outcome o, String name, String meaning) {
        String kind = o.kind().name().toLowerCase(Locale.ROOT);
        String shown = o.displayUnit().isEmpty() ? "count" : o.displayUnit();
        if (markdown) {
            out.printf(Locale.ROOT, "| `%s` | %s | %s | %s | %s |%n", name, o.unit().isEmpty() ? "ratio" : o.unit(), kind,
                    shown, meaning);
        } else {
            out.printf(Locale.ROOT, "  %-28s %-10s %-6s %s%n", name, o.unit().isEmpty() ? "ratio" : o.unit(), kind,
                    o.label() + ": " + meaning);
        }
    }
}
