package narcosim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import narcosim.scenario.Field;
import narcosim.scenario.Fields;
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
            + "with --set military.targeting=intelligence.",
            "Then the fields of a scenario's nations, places, links, cartels and markets (set them in the file's lists, "
            + "or with --set nations.COL.corruption=0.5, --set markets.iberia.demand_share=0.3, "
            + "--set 'links.tumaco>off_gorgona.capacity_kg_week=9000': quote a > from the shell)."})
public final class ParamsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--markdown", description = "Print a Markdown table (as in docs/ODD.md).")
    boolean markdown;

    @Option(names = "--role", paramLabel = "ROLE", description = "Only parameters of this role: lever (what a strategy "
            + "chooses; narcosim levers moves them), model (uncertain properties of the world; sweeps and calibration "
            + "vary them) or setting (run length, agent grain, scripted events).")
    String role;

    @Option(names = "--section", paramLabel = "NAME", description = "Only this section (e.g. military, or nations, "
            + "places, links, cartels, markets for the fields of a scenario's lists).")
    String section;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (section != null && !Params.sections().contains(section) && !Fields.SECTIONS.contains(section)) {
            throw new Main.UserError("no parameter section '" + section + "'; sections are "
                    + String.join(", ", Params.sections()) + ", and for a scenario's lists " + String.join(", ", Fields.SECTIONS));
        }
        Param.Role only = null;
        if (role != null) {
            try {
                only = Param.Role.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Main.UserError("--role: expected lever, model or setting, got '" + role + "'");
            }
        }
        if (markdown) out.println("| key | default | allowed | unit | role | meaning |\n|---|---|---|---|---|---|");
        List<Param> shown = new ArrayList<>();
        for (Param p : Params.all()) {
            if (section != null && !p.section().equals(section)) continue;
            if (only != null && p.role() != only) continue;
            shown.add(p);
        }
        // Columns as wide as their longest entry (over the parameters and the fields printed), so long keys align.
        int keyW = 0;
        int defW = 0;
        int allowW = 0;
        for (Param p : shown) {
            keyW = Math.max(keyW, p.key().length());
            defW = Math.max(defW, Fmt.any(p.defaultValue()).length());
            allowW = Math.max(allowW, allowed(p).length());
        }
        if (only == null) {
            for (String list : Fields.SECTIONS) {
                if (section != null && !section.equals(list)) continue;
                for (Field<?> f : Fields.of(list)) {
                    keyW = Math.max(keyW, f.key().length());
                    defW = Math.max(defW, f.defaultNote().isEmpty() ? f.defaultText().length() : "computed".length());
                    allowW = Math.max(allowW, f.allowedText().length());
                }
            }
        }
        String row = "  %-" + Math.max(1, keyW) + "s  %-" + Math.max(1, defW) + "s  %-" + Math.max(1, allowW) + "s  %s%n";
        String current = "";
        for (Param p : shown) {
            String tag = switch (p.role()) {
                case LEVER -> "lever" + (p.moves().isEmpty() ? "" : " (moves " + String.join(", ", p.moves()) + ")")
                        + (p.actsIn().isEmpty() ? "" : "; conditional: acts in " + p.actsIn());
                case SETTING -> "setting";
                case MODEL -> "model";
            };
            String allowed = allowed(p);
            if (markdown) {
                out.printf(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s |%n", p.key(), Fmt.any(p.defaultValue()), allowed,
                        p.unit(), tag, p.description());
            } else {
                if (!p.section().equals(current)) {
                    current = p.section();
                    out.println();
                    out.println(current + ":");
                }
                out.printf(Locale.ROOT, row, p.key(), Fmt.any(p.defaultValue()), allowed,
                        p.description() + (p.unit().isEmpty() ? "" : " [" + p.unit() + "]")
                                + (p.role() == Param.Role.MODEL ? "" : " {" + tag + "}"));
            }
        }
        if (only == null) fields(out, row);
        out.flush();
        return 0;
    }

    private static String allowed(Param p) {
        return switch (p.type()) {
            case REAL, INTEGER -> "[" + Fmt.num(p.min()) + ", " + Fmt.num(p.max()) + "]";
            case BOOLEAN -> "true/false";
            case CHOICE -> String.join("/", p.choices());
            case NATION -> "nation id or none";
            case REGION -> "region tag or none";
        };
    }

    /** The fields of the scenario's entities, from their one declaration ({@link Fields}). */
    private void fields(PrintWriter out, String row) {
        boolean header = false;
        for (String list : Fields.SECTIONS) {
            if (section != null && !section.equals(list)) continue;
            if (markdown) {
                if (!header) {
                    out.println();
                    out.println("| field | default | allowed | unit | meaning |\n|---|---|---|---|---|");
                    header = true;
                }
                for (Field<?> f : Fields.of(list)) {
                    out.printf(Locale.ROOT, "| `%s[].%s` | %s | %s | %s | %s |%n", list, f.key(), f.defaultText(),
                            f.allowedText(), f.kind() == Field.Kind.NUMBER ? f.unit() : "", f.description());
                }
            } else {
                out.println();
                out.println(list + " (fields of each item of the scenario's '" + list + "' list):");
                for (Field<?> f : Fields.of(list)) {
                    boolean computed = !f.defaultNote().isEmpty();
                    out.printf(Locale.ROOT, row, f.key(), computed ? "computed" : f.defaultText(),
                            f.allowedText(), f.description() + (computed ? " (default: " + f.defaultNote() + ")" : "")
                                    + (f.kind() == Field.Kind.NUMBER && !f.unit().isEmpty() ? " [" + f.unit() + "]" : ""));
                }
            }
        }
    }
}
