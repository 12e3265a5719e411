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
    void terminalSummaryFilesAndReportShowTheSameNumbersUnderTheSameNames() throws IOException {
        Path out = tmp.resolve("cmp");
        InProcess.Result r = ok("compare", BALLOON, "--years", 1, "--replicates", 3, "--out", out);
        Map<String, List<String[]>> terminal = terminal(r.out());
        Map<String, List<String[]>> report = report(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8));
        Map<String, List<String[]>> files = files(out);
        List<String> titles = new ArrayList<>();
        for (String name : Outcomes.HEADLINE) titles.add(Outcomes.measure(name).title());
        assertEquals(titles, List.copyOf(terminal.keySet()), "the terminal shows the catalogue's headline, in order");
        assertEquals(titles, List.copyOf(report.keySet()), "report.html shows the same, in the same order");
        int changes = 0;
        int absolute = 0;
        for (String t : titles) {
            assertEquals(4, terminal.get(t).size(), "every strategy: " + t);
            for (int i = 0; i < 4; i++) {
                String[] term = terminal.get(t).get(i);
                assertEquals(files.get(t).get(i)[0], term[0], "mean and interval as summary.csv holds them: " + t);
                assertEquals(files.get(t).get(i)[1], term[1], "change as summary.csv holds it: " + t);
                assertEquals(report.get(t).get(i)[0], term[0], "the same mean and interval in report.html: " + t);
                assertEquals(report.get(t).get(i)[1], term[1], "the same change in report.html: " + t);
                if (!term[1].isEmpty()) changes++;
                if (term[1].contains(" pp ") || !term[1].contains("%")) absolute++;
            }
        }
        assertTrue(changes >= 3 * titles.size() - 3, "changes against the baseline are shown: " + changes);
        assertTrue(absolute > 0, "shares and 0-1 indices (and outcomes whose baseline is 0) as differences");
        // the notebooks read the same catalogue from the results: outcomes.csv
        List<Map<String, String>> catalogue = ExperimentFixtures.maps(out.resolve("outcomes.csv"));
        List<String> headline = catalogue.stream().filter(c -> !c.get("headline").isEmpty())
                .sorted(java.util.Comparator.comparingInt(c -> Integer.parseInt(c.get("headline"))))
                .map(c -> c.get("title")).toList();
        assertEquals(titles, headline, "outcomes.csv names the headline measures as the terminal does");
        Map<String, String> share = catalogue.stream().filter(c -> c.get("outcome").equals("seized_share")).findFirst()
                .orElseThrow();
        assertEquals(List.of("100", "%", "absolute", "whole_campaign"), List.of(share.get("display_scale"),
                share.get("display_unit"), share.get("change"), share.get("window")));
        assertTrue(r.out().contains("Seized share of departed, whole campaign (%)"),
                "a headline figure names the window it is stated over: " + r.out());
    }

    /** Title line to the strategies' {"mean [low, high]", "change"} texts (the baseline's change is empty). */
    private static Map<String, List<String[]>> terminal(String out) {
        Map<String, List<String[]>> m = new LinkedHashMap<>();
        List<String[]> current = null;
        for (String line : out.lines().toList()) {
            if (line.startsWith("Cost per kg") || line.startsWith("(n.s.)")) break;
            if (!line.startsWith(" ") && !line.startsWith("narcosim") && !line.isBlank()) {
                current = new ArrayList<>();
                m.put(line.strip(), current);
            } else if (current != null && line.startsWith("  ")) {
                Matcher x = Pattern.compile("^\\s+\\S+\\s+(\\S+ \\[[^\\]]*\\])\\s*(.*)$").matcher(line);
                assertTrue(x.find(), line);
                current.add(new String[] {x.group(1), x.group(2).strip()});
            }
        }
        return m;
    }

    /** The same, formatted by the catalogue from summary.csv's numbers. */
    private static Map<String, List<String[]>> files(Path dir) throws IOException {
        List<Map<String, String>> rows = ExperimentFixtures.maps(dir.resolve("summary.csv"));
        Map<String, List<String[]>> m = new LinkedHashMap<>();
        for (String name : Outcomes.HEADLINE) {
            Outcome o = Outcomes.measure(name);
            List<String[]> list = new ArrayList<>();
            Map<String, String> base = null;
            for (Map<String, String> row : rows) {
                if (!row.get("outcome").equals(name)) continue;
                if (base == null) base = row;
                String est = o.format(d(row, "mean")) + " [" + o.format(d(row, "ci_low")) + ", " + o.format(d(row, "ci_high"))
                        + "]";
                String change = "";
                if (row != base) {
                    change = o.change(d(row, "diff_vs_baseline"), d(row, "diff_ci_low"), d(row, "diff_ci_high"),
                            d(base, "mean"));
                    if (!Outcome.distinguishable(d(row, "diff_ci_low"), d(row, "diff_ci_high"))) change += " (n.s.)";
                }
                list.add(new String[] {est, change});
            }
            m.put(o.title(), list);
        }
        return m;
    }

    private static double d(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    /**
     * The report's comparison table: "name (unit)" to the strategies' {"mean [low, high]", "change"} texts, tags
     * removed, typographic minus as "-", the baseline's "baseline" mark as no change.
     */
    private static Map<String, List<String[]>> report(String html) {
        Map<String, List<String[]>> m = new LinkedHashMap<>();
        String table = html.substring(html.indexOf("<tr><th>Outcome</th>"));
        table = table.substring(0, table.indexOf("</table>"));
        List<String[]> current = null;
        for (String row : table.split("</tr>")) {
            Matcher head = Pattern.compile("<b>([^<]*)</b><br><span class=\"muted\">([^<]*)</span>").matcher(row);
            if (head.find()) {
                current = new ArrayList<>();
                String unit = head.group(2);
                m.put(unit.isEmpty() ? head.group(1) : head.group(1) + " (" + unit + ")", current);
            }
            Matcher num = Pattern.compile("<td class=\"num\">(.*?)</td>").matcher(row);
            List<String> cells = new ArrayList<>();
            while (num.find()) cells.add(num.group(1).replaceAll("<[^>]*>", "").replace('\u2212', '-').strip());
            if (current != null && !cells.isEmpty()) {
                current.add(new String[] {cells.get(0), cells.size() < 2 || cells.get(1).equals("baseline") ? ""
                        : cells.get(1)});
            }
        }
        return m;
    }

    @Test
    void outcomesListsTheCatalogue() {
        InProcess.Result r = ok("outcomes");
        for (Outcomes.Weekly w : Outcomes.weekly(null)) assertTrue(r.out().contains(w.outcome().name()), w.outcome().name());
        for (Outcomes.Share s : Outcomes.SHARES) assertTrue(r.out().contains(s.outcome().name()), s.outcome().name());
        InProcess.Result md = ok("outcomes", "--markdown");
        assertEquals(2 + Outcomes.weekly(null).size() + 8 + Outcomes.SHARES.size() + 1, md.out().lines().count(),
                "header, rule, one row per declared weekly outcome, the customs' seizures of scenarios with ports, four "
                        + "families (trust and chain price per nation, flows into and through regions), the three columns "
                        + "of several markets (price and deliveries per market, carrying), the shares and the cost per kg");
        for (String family : List.of("market_<id>_price_usd_kg", "market_<id>_delivered_kg", "carried_between_markets_kg")) {
            assertTrue(r.out().contains(family), family);
        }
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
        assertEquals(Outcome.Window.FINAL_YEAR, Outcomes.measure("price_usd_kg_final_year").window());
        assertEquals(Outcome.Window.CAMPAIGN_MEAN, Outcomes.measure("price_usd_kg_mean").window());
        assertEquals(Outcome.Window.WHOLE_CAMPAIGN, Outcomes.measure("seized_share").window());
        assertEquals("Seized share of departed, whole campaign", Outcomes.measure("seized_share").label());
        assertEquals("4", Outcomes.weeklyOutcome("cartels").format(3.998), "a count that rounds to whole: not 4.00");
        assertEquals("4.00", Outcomes.weeklyOutcome("price_usd_kg").format(3.998), "a price keeps its decimals");
        assertEquals("38.0", Outcome.number(38.04), "a share's precision is kept");
        assertEquals("0", Outcome.signedNumber(0.0002));
        assertEquals("+31.3 pp [+26.9, +35.7]", share.change(0.313, 0.269, 0.357, 0.08));
        Outcome harm = Outcomes.measure("collateral_harm_total");
        assertEquals("+470 [+394, +545]", harm.change(470, 394, 545, 0), "a baseline of 0: the difference, not n/a");
        assertEquals("+56% [+47%, +64%]", Outcomes.measure("price_usd_kg_final_year").change(56, 47, 64, 100));
    }
}
