package narcosim.cli;

import static narcosim.cli.ExperimentFixtures.BALLOON;
import static narcosim.cli.ExperimentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Help on an 80-column terminal (picocli's width when it cannot tell): every example line of every command's
 * help is printed whole, so no command or comment is broken in the middle.
 */
class HelpLayoutTest {

    @Test
    void examplesFitAnEightyColumnTerminal() {
        CommandLine top = Main.commandLine();
        List<CommandLine> commands = new ArrayList<>(List.of(top));
        commands.addAll(top.getSubcommands().values());
        int examples = 0;
        for (CommandLine cl : commands) {
            cl.setUsageHelpAutoWidth(false);
            cl.setUsageHelpWidth(80);
            String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> lines = help.lines().toList();
            CommandLine.Model.UsageMessageSpec u = cl.getCommandSpec().usageMessage();
            List<String> raw = new ArrayList<>(Arrays.asList(u.description()));
            raw.addAll(Arrays.asList(u.footer()));
            for (String r : raw) {
                String line = String.format(r);
                if (!line.matches("^ {2,}(narcosim|#|--|sbatch|xvfb-run).*")) continue;
                examples++;
                assertTrue(line.length() <= 79, cl.getCommandName() + ": example longer than 79 characters: " + line);
                assertTrue(lines.contains(line), cl.getCommandName() + ": example broken at 80 columns: " + line
                        + "\n" + help);
            }
        }
        assertTrue(examples > 20, "the commands' examples were found: " + examples);
        Map<String, CommandLine> sub = top.getSubcommands();
        assertTrue(sub.containsKey("sweep") && sub.containsKey("compare"));
    }

    /** params: the default, allowed and meaning columns start at the same place on every row, long keys too. */
    @Test
    void paramsColumnsAlign() {
        String out = ok("params").out();
        List<String> rows = out.lines().filter(l -> l.startsWith("  ") && !l.isBlank()).toList();
        int keyW = rows.stream().mapToInt(l -> l.indexOf(' ', 2) - 2).max().orElse(0);
        assertTrue(rows.size() > 100, "parameter and field rows: " + rows.size());
        assertTrue(keyW > 32, "a key longer than the old 32-character column is among them");
        int column = 2 + keyW + 2;
        for (String line : rows) {
            assertTrue(line.substring(2 + line.indexOf(' ', 2) - 2, column).isBlank() && line.charAt(column) != ' '
                    || line.substring(0, column).stripTrailing().indexOf(' ', 2) < 0, "the default column starts at "
                    + column + ": " + line);
        }
    }

    /** validate: a count of one is singular ("1 cartel"). */
    @Test
    void validateSaysOneCartel() {
        String out = ok("validate", BALLOON).out();
        assertTrue(out.contains(", 1 cartel, "), out);
        assertTrue(out.contains(" 4 nations, "), out);
    }
}
