package narcosim.cli;

import static narcosim.cli.ExperimentFixtures.BALLOON;
import static narcosim.cli.ExperimentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.metrics.Outcome;
import narcosim.metrics.Outcomes;

/**
 * One vocabulary: after a comparison, the terminal's table and report.html's table show the catalogue's
 * headline measures under the same names and units, with the same numbers for every strategy.
 */
class OneVocabularyTest {

    @TempDir
    Path tmp;

    @Test
    void terminalAndReportShowTheSameNumbersUnderTheSameNames() throws IOException {
        Path out = tmp.resolve("cmp");
        InProcess.Result r = ok("compare", BALLOON, "--years", 1, "--replicates", 3, "--out", out);
        Map<String, List<String>> terminal = terminal(r.out());
        Map<String, List<String>> report = report(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8));
        List<String> titles = new ArrayList<>();
        for (String name : Outcomes.HEADLINE) titles.add(Outcomes.measure(name).title());
        assertEquals(titles, List.copyOf(terminal.keySet()), "the terminal shows the catalogue's headline, in order");
        assertEquals(titles, List.copyOf(report.keySet()), "report.html shows the same, in the same order");
        for (String t : titles) {
            assertEquals(terminal.get(t), report.get(t), "the same means and intervals for " + t);
            assertEquals(4, terminal.get(t).size(), "every strategy: " + t);
        }
    }

    /** Title line to the strategies' "mean [low, high]" texts. */
    private static Map<String, List<String>> terminal(String out) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : out.lines().toList()) {
            if (line.startsWith("Cost per kg")) break;
            if (!line.startsWith(" ") && !line.startsWith("narcosim") && !line.isBlank()) {
                current = new ArrayList<>();
                m.put(line.strip(), current);
            } else if (current != null && line.startsWith("  ")) {
                Matcher x = Pattern.compile("^\\s+\\S+\\s+(\\S+ \\[[^\\]]*\\])").matcher(line);
                assertTrue(x.find(), line);
                current.add(x.group(1));
            }
        }
        return m;
    }

    /** The report's comparison table: "name (unit)" to the strategies' "mean [low, high]" texts. */
    private static Map<String, List<String>> report(String html) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        String table = html.substring(html.indexOf("<tr><th>Outcome</th>"));
        table = table.substring(0, table.indexOf("</table>"));
        List<String> current = null;
        for (String row : table.split("</tr>")) {
            Matcher head = Pattern.compile("<b>([^<]*)</b><br><span class=\"muted\">([^<]*)</span>").matcher(row);
            if (head.find()) {
                current = new ArrayList<>();
                String unit = head.group(2);
                m.put(unit.isEmpty() ? head.group(1) : head.group(1) + " (" + unit + ")", current);
            }
            Matcher num = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(row);
            if (current != null && num.find()) current.add(num.group(1).replace('\u2212', '-'));
        }
        return m;
    }

    @Test
    void outcomesListsTheCatalogue() {
        InProcess.Result r = ok("outcomes");
        for (Outcomes.Weekly w : Outcomes.weekly(null)) assertTrue(r.out().contains(w.outcome().name()), w.outcome().name());
        for (Outcomes.Share s : Outcomes.SHARES) assertTrue(r.out().contains(s.outcome().name()), s.outcome().name());
        InProcess.Result md = ok("outcomes", "--markdown");
        assertEquals(2 + Outcomes.weekly(null).size() + 4 + Outcomes.SHARES.size() + 1, md.out().lines().count(),
                "header, rule, one row per declared weekly outcome, four families (trust and chain price per nation, flows "
                        + "into and through regions), the shares and the cost per kg");
    }

    @Test
    void everyHeadlineChartAndRunTableEntryIsInTheCatalogue() {
        for (String name : Outcomes.HEADLINE) assertFalse(Outcomes.measure(name) == null, name);
        for (String name : Outcomes.FINAL_CHARTS) assertFalse(Outcomes.measure(name) == null, name);
        for (String name : Outcomes.WEEKLY_CHARTS) assertFalse(Outcomes.weeklyOutcome(name) == null, name);
        for (String name : Outcomes.RUN_TABLE) assertFalse(Outcomes.weeklyOutcome(name) == null, name);
        Outcome share = Outcomes.measure("seized_share");
        assertEquals(Outcome.Change.ABSOLUTE, share.change(), "a share's change is a difference, not a % of a %");
        assertEquals("Cocaine delivered to market, final year", Outcomes.measure("delivered_kg_final_year").label());
        assertEquals("Trust in the state, COL, final year", Outcomes.measure("trust_COL_final_year").label());
    }
}
