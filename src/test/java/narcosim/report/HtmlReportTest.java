package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.metrics.Outcomes;
import narcosim.experiment.Statistics;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.Specs;

/** report.html: self-contained, complete, deterministic, and it renders in headless Chromium. */
class HtmlReportTest {

    private static final Pattern IMG = Chromium.IMG;
    private static final Pattern SRC = Chromium.SRC;

    @TempDir
    static Path tmp;

    static Path dir;
    static String html;

    @BeforeAll
    static void makeResults() throws IOException {
        dir = ReportFixture.compare(tmp.resolve("c"), true);
        html = Files.readString(dir.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
    }

    private static int count(String s, String part) {
        return Chromium.count(s, part);
    }

    private static int strategies() throws Exception {
        return ScenarioLoader.load(ReportFixture.BALLOON).strategies().size();
    }

    @Test
    void hasARoutesSectionWithOneMapPerStrategy() throws Exception {
        assertTrue(html.contains("<h2 id=\"routes\">Routes</h2>"));
        for (Specs.Strategy s : ScenarioLoader.load(ReportFixture.BALLOON).strategies()) {
            assertTrue(html.contains("Routes and seizures under " + HtmlReport.esc(s.name())), s.id());
        }
    }

    @Test
    void isOneSelfContainedHtmlDocument() throws Exception {
        assertEquals(1, count(html, "<html"));
        assertEquals(1, count(html, "</html>"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        String page = html.replace(Interactive.echarts(), ""); // ECharts' licence and XML namespaces name web addresses
        assertFalse(page.contains("http://"), "no http:// references");
        assertFalse(page.contains("https://"), "no https:// references");
        assertFalse(page.matches("(?s).*<script[^>]*\\bsrc=.*"), "no script from elsewhere");
        assertFalse(html.toLowerCase().contains("<link"), "no linked stylesheets");
        Matcher m = IMG.matcher(page);
        int images = 0;
        while (m.find()) {
            Matcher src = SRC.matcher(m.group());
            assertTrue(src.find(), "img without src: " + m.group().substring(0, Math.min(80, m.group().length())));
            assertTrue(src.group(1).startsWith("data:image/png;base64,"), "img src must be a data: URI");
            Base64.getDecoder().decode(src.group(1).substring("data:image/png;base64,".length()));
            images++;
        }
        // trade-off + 6 final bars + 2 price-part charts + a route map per strategy + all of them side by side;
        // the time series are linked
        assertEquals(10 + strategies(), images, "every chart is embedded");
        for (Outcome o : Outcome.OVER_TIME) {
            assertTrue(html.contains("<a href=\"charts/timeseries-" + o.column() + ".png\">PNG</a>"), o.column());
        }
    }

    @Test
    void showsInterdictionAndWhatThePartnershipMoneyBought() {
        assertTrue(html.contains("<h2 id=\"interdiction\">Interdiction and what the partnership money bought</h2>"));
        assertTrue(html.contains("Detections acted on"));
        assertTrue(html.contains("Shared surveillance assets bought"));
        assertTrue(html.contains("Liaison level bought"));
        assertTrue(html.matches("(?s).*<td>Detections acted on</td><td class=\"num\">0%</td>.*"),
                "the baseline detects nothing (it fields no forces)");
    }

    @Test
    void statesTheScenarioStrategiesTableFindingsAndSeeds() throws Exception {
        Scenario sc = ScenarioLoader.load(ReportFixture.BALLOON);
        assertTrue(html.contains(HtmlReport.esc(sc.name())));
        assertTrue(html.contains("Comparison table"));
        assertTrue(html.contains("Appendix: parameters"));
        assertTrue(html.contains("SplitMix64"), "the seeds text from the manifest");
        assertTrue(html.contains("Base seed</th><td>1</td>"));
        assertTrue(html.contains("Replicates per strategy</th><td>2</td>"));
        int campaigns = 0;
        Results r = Results.open(dir);
        Paired p = Paired.of(r);
        for (Specs.Strategy s : sc.strategies()) {
            assertTrue(html.contains(HtmlReport.esc(s.name())), s.id());
            if (!s.shares().isCampaign()) continue;
            campaigns++;
            int at = html.indexOf("<div class=\"finding\" id=\"finding-" + s.id() + "\">");
            assertTrue(at >= 0, "findings of " + s.id());
            String finding = html.substring(at, html.indexOf("</div>", at));
            // each headline outcome in one of the lists, with the paired change the headline computes
            for (Headline.Goal g : Headline.GOALS) {
                if (Headline.isCost(g)) continue;
                Headline.Change c = Headline.change(p, r.baseline(), s.id(), g);
                String item = "<li>" + HtmlReport.esc(Outcome.of(g.column()).name()) + ": " + HtmlReport.esc(c.text());
                assertTrue(finding.contains(item), s.id() + ": " + item + " in " + finding);
            }
            assertTrue(finding.contains("cost per kg kept off the market") || finding.contains("keeps no cocaine off"),
                    finding);
        }
        assertTrue(campaigns >= 3);
    }

    @Test
    void whyThePriceMovesNamesEachStrategysTwoLargestPartChangesWithTheirNumbers() throws Exception {
        Scenario sc = ScenarioLoader.load(ReportFixture.BALLOON);
        Results r = Results.open(dir);
        int a = html.indexOf("<h2 id=\"price\">Why the price moves</h2>");
        assertTrue(a >= 0, "no 'Why the price moves' section");
        String section = html.substring(a, html.indexOf("<h2", a + 4));
        assertTrue(section.contains("<figcaption>Final-year gateway price by part"), "the parts chart");
        assertTrue(section.contains("<figcaption>Change of each part of the final-year price"), "the changes chart");
        int sentences = 0;
        for (Specs.Strategy s : sc.strategies()) {
            if (s.id().equals(r.baseline())) continue;
            // the two driving parts (all but the margin) whose paired change is largest, worked out here from
            // summary.csv, then the margin marked up on them
            List<String[]> parts = new ArrayList<>(Outcomes.PRICE_PARTS);
            parts.removeIf(p -> p[0].equals("margin"));
            ToDoubleFunction<String[]> change = p -> r.summary(s.id(), "price_" + p[0] + "_usd_kg_final_year",
                    "diff_vs_baseline");
            parts.sort(Comparator.comparingDouble(p -> -Math.abs(change.applyAsDouble(p))));
            Matcher li = Pattern.compile("<li><b>" + Pattern.quote(HtmlReport.esc(s.name()) + ":") + "</b>(.*?)</li>")
                    .matcher(section);
            assertTrue(li.find(), "no sentence for " + s.id());
            String text = li.group(1);
            String price = HtmlReport.signedNum(r.summary(s.id(), "price_usd_kg_final_year", "diff_vs_baseline"));
            assertTrue(text.contains("US$/kg (" + price + ")"), s.id() + ": change in the price " + price + " in " + text);
            for (int i = 0; i < 2; i++) {
                String named = HtmlReport.esc(parts.get(i)[1].toLowerCase(Locale.ROOT)) + " "
                        + HtmlReport.signedNum(change.applyAsDouble(parts.get(i))) + " (95% CI ";
                assertTrue(text.contains(named), s.id() + ": '" + named + "' missing in " + text);
            }
            // and no third driving part is named
            String third = HtmlReport.esc(parts.get(2)[1].toLowerCase(Locale.ROOT)) + " ";
            assertFalse(text.contains(third), s.id() + ": names a third part " + third);
            String margin = "marked up on them, traffickers&#39; margin " + HtmlReport.signedNum(
                    r.summary(s.id(), "price_margin_usd_kg_final_year", "diff_vs_baseline")) + " (95% CI ";
            assertTrue(text.contains(margin), s.id() + ": '" + margin + "' missing in " + text);
            sentences++;
        }
        assertTrue(sentences >= 3);
        // the chain prices: the market's row is its reference price and the gateway price
        Specs.Market market = sc.markets().get(0);
        assertTrue(section.contains("<td>" + HtmlReport.esc(market.name()) + " (market: ")
                && section.contains(")</td><td class=\"num\">" + HtmlReport.num(market.priceUsdKg())
                + "</td><td class=\"num\">" + HtmlReport.num(r.summary(r.baseline(), "price_usd_kg_final_year", "mean"))
                + "</td>"), "gateway row");
    }

    @Test
    void sameResultsGiveSameBytes() throws Exception {
        byte[] first = Files.readAllBytes(dir.resolve(HtmlReport.FILE));
        HtmlReport.write(Results.open(dir));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve(HtmlReport.FILE)));
        HtmlReport.write(Results.open(dir));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve(HtmlReport.FILE)));
    }

    @Test
    void escapesText() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", HtmlReport.esc("a <b> & \"c\" 'd'"));
    }

    @Test
    void findingMarksIntervalsThatCrossZero() {
        assertTrue(html.contains("not distinguishable from no change") || !html.contains("(n.s.)"),
                "a table cell marked n.s. has a matching sentence");
    }

    @Test
    void rendersInHeadlessChromiumWithoutBrokenImagesOrConsoleErrors() throws Exception {
        String dom = Chromium.check(dir.resolve(HtmlReport.FILE), tmp, "report-html-screenshot.png");
        assertTrue(dom.contains("Comparison table"), "DOM dump lacks the report");
        assertTrue(dom.contains("id=\"routes\""), "DOM dump lacks the routes section");
    }

    /** A cost per kg counts only over a saving the replicates tell from none: the others are marked and ranked after. */
    @Test
    void aCostPerKgOverNoMeasurableSavingIsMarkedAndNotRankedFirst() throws Exception {
        Results r = Results.open(dir);
        Paired p = Paired.of(r);
        Headline.Goal cost = Headline.GOALS.stream().filter(Headline::isCost).findFirst().orElseThrow();
        boolean anyMeasurable = false;
        for (String s : r.strategies()) {
            if (s.equals(r.baseline())) continue;
            Headline.Change c = Headline.change(p, r.baseline(), s, cost);
            if (Double.isNaN(c.value())) continue;
            Statistics.Estimate d = p.difference(s, r.baseline(), "delivered_kg_total");
            assertEquals(d.high() >= 0, c.noDifference(), s + ": " + d);
            assertEquals(c.noDifference(), c.text().contains("not told from none"), c.text());
            anyMeasurable |= !c.noDifference();
        }
        int at = html.indexOf("<b>" + HtmlReport.esc(narcosim.metrics.Outcomes.COST_PER_KG_KEPT_OFF.label()) + "</b>: ");
        assertTrue(at >= 0);
        String sentence = html.substring(at, html.indexOf("</li>", at));
        assertEquals(!anyMeasurable, sentence.contains("no strategy keeps a measurable amount off"), sentence);
    }

    @Test
    void theHeadlineNamesTheBestCampaignStrategyOnEachOutcomeWithItsPairedInterval() throws Exception {
        Scenario sc = ScenarioLoader.load(ReportFixture.BALLOON);
        Results r = Results.open(dir);
        Paired p = Paired.of(r);
        int at = html.indexOf("<h2 id=\"headline\">Headline</h2>");
        assertTrue(at >= 0 && at < html.indexOf("<h2 id=\"table\">"), "the headline comes before the tables");
        String headline = html.substring(at, html.indexOf("<h2", at + 4));
        int stated = 0;
        for (Headline.Goal g : Headline.GOALS) {
            if (g.better() == 0 || Headline.isCost(g)) continue;
            Headline.Change best = null;
            for (String s : r.strategies()) {
                if (s.equals(r.baseline())) continue;
                Headline.Change c = Headline.change(p, r.baseline(), s, g);
                if (best == null || c.value() * g.better() > best.value() * g.better()) best = c;
            }
            String name = sc.strategy(best.strategy()).orElseThrow().name();
            String item = "<li><b>" + HtmlReport.esc(Outcome.of(g.column()).name()) + "</b>: ";
            int li = headline.indexOf(item);
            assertTrue(li >= 0, "no answer for " + g.column());
            String text = headline.substring(li, headline.indexOf("</li>", li));
            assertTrue(text.contains(HtmlReport.esc(name) + (best.verdict() > 0 ? " does best, " : ", ")
                    + HtmlReport.esc(best.text())), g.column() + ": " + text);
            if (best.verdict() == 0) assertTrue(text.contains("no campaign strategy does measurably better"), text);
            stated++;
        }
        assertTrue(stated >= 8, "every ranked headline outcome answered");
    }

    @Test
    void everyChangeWhoseIntervalIncludesZeroSaysNoMeasurableDifference() throws Exception {
        Results r = Results.open(dir);
        Paired p = Paired.of(r);
        String matrix = html.substring(html.indexOf("<table class=\"matrix\">"));
        matrix = matrix.substring(0, matrix.indexOf("</table>"));
        int cells = 0;
        for (Headline.Goal g : Headline.GOALS) {
            if (Headline.isCost(g)) continue;
            for (String s : r.strategies()) {
                if (s.equals(r.baseline())) continue;
                Headline.Change c = Headline.change(p, r.baseline(), s, g);
                boolean zero = c.low() <= 0 && c.high() >= 0;
                assertEquals(zero, c.noDifference(), g.column() + " " + s);
                String cls = zero ? "num ns" : c.verdict() > 0 ? "num good" : c.verdict() < 0 ? "num bad" : "num";
                assertTrue(matrix.contains("<td class=\"" + cls + "\">" + HtmlReport.esc(c.text()) + "</td>"),
                        g.column() + " " + s + ": " + cls + " " + c.text());
                cells++;
            }
        }
        assertTrue(cells > 20);
    }

    @Test
    void costPerKgKeptOffIsTheTerminalsNumber() throws Exception {
        Results r = Results.open(dir);
        List<java.util.Map<String, String>> rows = new ArrayList<>();
        for (java.util.Map<String, String> row : narcosim.experiment.ExperimentDir.records(
                dir.resolve(narcosim.experiment.ExperimentDir.RUNS))) {
            rows.add(row);
        }
        String terminal = new narcosim.experiment.CompareSummary(rows, r.strategies(), Outcomes.HEADLINE, r.baseline(),
                Paired.of(r).replicates()).table();
        String costs = terminal.substring(terminal.indexOf("Cost per kg"));
        Scenario sc = ScenarioLoader.load(ReportFixture.BALLOON);
        String table = html.substring(html.indexOf("<p id=\"cost\">"));
        table = table.substring(0, table.indexOf("</table>"));
        int n = 0;
        for (String line : costs.lines().skip(1).filter(l -> l.startsWith("  ")).toList()) { // the strategies' lines
            String[] parts = line.strip().split("\\s+", 2);
            String expected = parts[1].equals("none kept off") ? "keeps nothing off"
                    : HtmlReport.esc(parts[1]).replace('-', '\u2212');
            String name = HtmlReport.esc(sc.strategy(parts[0]).orElseThrow().name());
            assertTrue(table.matches("(?s).*<td>" + Pattern.quote(name) + "</td><td class=\"num\">(<span[^>]*>)?"
                    + Pattern.quote(expected) + ".*"), parts[0] + ": " + expected + " in " + table);
            n++;
        }
        assertEquals(r.strategies().size() - 1, n);
    }

    @Test
    void theSpendExplanationAddsUpToWhatTheRunsRecord() throws Exception {
        // the scenario as the comparison ran it (--years 1 is a setting)
        java.util.Map<String, Object> manifest = new narcosim.experiment.ExperimentDir(dir).readManifest();
        List<String> sets = new ArrayList<>();
        for (Object o : (List<?>) ((java.util.Map<?, ?>) manifest.get("request")).get("sets")) sets.add(String.valueOf(o));
        Scenario sc = ScenarioLoader.load(ReportFixture.BALLOON, sets);
        Results r = Results.open(dir);
        for (String s : r.strategies()) {
            Budget.Line b = Budget.of(sc, s);
            double spent = r.summary(s, "spend_usd_total", "mean");
            assertEquals(spent, b.expectedRunUsd(), 1e-6 * Math.max(1, spent), s + ": bought x years = recorded spend");
            double used = b.uses().stream().mapToDouble(Budget.Use::boughtUsdYear).sum();
            assertEquals(b.boughtUsdYear(), used, 1, s + ": the uses add up to the bill");
            for (Budget.Use u : b.uses()) {
                assertTrue(u.boughtUsdYear() <= u.allocatedUsdYear() + 1, s + " " + u.name() + " spends no more than its share");
                assertEquals(u.allocatedUsdYear() - u.boughtUsdYear() > 0.5, !u.why().isEmpty(), s + " " + u.name()
                        + ": a reason exactly when money is left");
            }
        }
        assertTrue(html.contains("Why spend differs from the allocation"));
        assertFalse(html.matches("(?s).*\\d{2}:\\d{2}:\\d{2}\\.\\d{6,}.*"), "no nanosecond timestamps");
    }

    @Test
    void showsTheSmallMultiplesRouteMapWhenThereIsOne() throws Exception {
        Path copy = tmp.resolve("with-routes-all");
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(dir.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Path all = copy.resolve(Report.CHARTS).resolve(HtmlReport.ROUTES_ALL);
        assertTrue(Files.exists(all), "a comparison's report writes the route maps side by side");
        Files.delete(all);
        assertFalse(HtmlReport.html(Results.open(copy)).contains("All strategies side by side"), "none, none shown");
        Path any = copy.resolve(Report.CHARTS).resolve(Report.routeMapName("baseline") + ".png");
        Files.copy(any, all);
        String page = HtmlReport.html(Results.open(copy));
        assertTrue(page.contains("<h3>All strategies side by side</h3>\n<div class=\"viewer\" id=\"routes-all-viewer\">"));
        assertTrue(page.contains(Base64.getEncoder().encodeToString(Files.readAllBytes(any))), "embedded");
    }
}
