package narcosim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.Specs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** narcosim validate: check scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario files: YAML syntax, every key and value, links between known places, a market "
            + "reachable from every production place, strategies within the budget. Prints what each file contains, or "
            + "the first problem with its file, line and key (exit 2)."},
        footer = {"", "Example:", "  narcosim validate scenarios/*.yaml"})
public final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML).")
    List<Path> files;

    @CommandLine.Mixin
    ScenarioOptions options = new ScenarioOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : files) {
            Scenario sc = ScenarioLoader.load(f, options.sets());
            for (Specs.Strategy s : sc.strategies()) sc.forStrategy(s.id(), 1);
            long production = sc.places().stream().filter(p -> p.kind() == Specs.PlaceKind.PRODUCTION).count();
            long markets = sc.places().stream().filter(p -> p.kind() == Specs.PlaceKind.MARKET).count();
            long ports = sc.places().stream().filter(p -> p.port() != null).count();
            List<String> named = new java.util.ArrayList<>();
            for (Specs.Market m : sc.markets()) {
                named.add(String.format(Locale.ROOT, "%s: %s at US$%,.0f/kg%s", m.id(),
                        count(m.gateways().size(), "gateway", "gateways"), m.priceUsdKg(),
                        sc.markets().size() > 1 ? String.format(Locale.ROOT, ", %.0f%% of demand", 100 * m.demandShare())
                                : ""));
            }
            out.printf(Locale.ROOT, "%s: ok: scenario '%s', %s (%d production, %d market), %s, %s, %s (%s), %s, %s at "
                    + "US$%,.0fM/year (%s)%s%n", f, sc.name(), count(sc.places().size(), "place", "places"), production,
                    markets, count(sc.links().size(), "link", "links"), count(sc.nations().size(), "nation", "nations"),
                    count(sc.markets().size(), "market", "markets"), String.join("; ", named)
                            + (ports == 0 ? "" : "; " + count(ports, "port", "ports") + " with customs"),
                    count(sc.cartels().size(), "cartel", "cartels"),
                    count(sc.strategies().size(), "strategy", "strategies"), sc.budgetMusdPerYear(),
                    String.join(", ", sc.strategyIds()), sc.burnIn() == null ? "" : String.format(Locale.ROOT,
                            "; burn-in under %s at US$%,.0fM/year", sc.burnIn().strategy(),
                            sc.burnIn().budgetMusdPerYear()));
        }
        out.flush();
        return 0;
    }

    /** A count with its noun, singular for one: "1 cartel", "4 cartels". */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
