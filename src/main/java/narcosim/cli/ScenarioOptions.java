package narcosim.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** Options that change a scenario as it is loaded, shared by every command that runs it. */
public final class ScenarioOptions {

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override anything in the scenario: a parameter (military.targeting=intelligence), the "
                + "budget (budget.total_musd_per_year=3000), a place or link field (places.tumaco.population=300000, "
                + "'links.tumaco>off_gorgona.capacity_kg_week=9000', quoted for the shell) or a strategy "
                + "(strategies.integrated.doctrine.police.vetting=false). Repeatable; parameters given here win over "
                + "the scenario file and the strategy's doctrine.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--years", paramLabel = "N", description = "Campaign years to simulate (default: run.years, 10).")
    Integer years;

    /** The --set overrides, with --years as one more. */
    public List<String> sets() {
        List<String> all = new ArrayList<>(sets);
        if (years != null) {
            if (years < 1 || years > 50) throw new Main.UserError("--years: expected a whole number from 1 to 50, got " + years);
            all.add("run.years=" + years);
        }
        return all;
    }
}
