package narcosim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import narcosim.scenario.Param;
import narcosim.scenario.Params;
import narcosim.util.Fmt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** narcosim params: every parameter with its default, range and meaning. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = {"List every model parameter: key, default, allowed values, unit and meaning. Set them in a "
            + "scenario file's section (e.g. 'military:' then 'targeting: intelligence'), in a strategy's doctrine, or "
            + "with --set military.targeting=intelligence."})
public final class ParamsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--markdown", description = "Print a Markdown table (as in docs/ODD.md).")
    boolean markdown;

    @Option(names = "--section", paramLabel = "NAME", description = "Only this section (e.g. military).")
    String section;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (section != null && !Params.sections().contains(section)) {
            throw new Main.UserError("no parameter section '" + section + "'; sections are "
                    + String.join(", ", Params.sections()));
        }
        if (markdown) out.println("| key | default | allowed | unit | meaning |\n|---|---|---|---|---|");
        String current = "";
        for (Param p : Params.all()) {
            if (section != null && !p.section().equals(section)) continue;
            String allowed = switch (p.type()) {
                case REAL, INTEGER -> "[" + Fmt.num(p.min()) + ", " + Fmt.num(p.max()) + "]";
                case BOOLEAN -> "true/false";
                case CHOICE -> String.join("/", p.choices());
                case NATION -> "nation id or none";
                case REGION -> "region tag or none";
            };
            if (markdown) {
                out.printf(Locale.ROOT, "| `%s` | %s | %s | %s | %s |%n", p.key(), Fmt.any(p.defaultValue()), allowed,
                        p.unit(), p.description());
            } else {
                if (!p.section().equals(current)) {
                    current = p.section();
                    out.println();
                    out.println(current + ":");
                }
                out.printf(Locale.ROOT, "  %-32s %-10s %-22s %s%n", p.key(), Fmt.any(p.defaultValue()), allowed,
                        p.description() + (p.unit().isEmpty() ? "" : " [" + p.unit() + "]"));
            }
        }
        out.flush();
        return 0;
    }
}
