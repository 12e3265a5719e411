package narcosim.cli;

import static narcosim.cli.InProcess.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario with several markets from the command line (ODD 7.14): compare writes each market's deliveries and
 * price and its report shows them; a run's resolved scenario keeps the markets, so running it again repeats the run.
 */
class MarketsCliTest {

    static final String EUROPE = "scenarios/andes-europe.yaml";

    @TempDir
    Path tmp;

    @Test
    void compareWritesEachMarketAndTheReportShowsThem() throws Exception {
        Path dir = tmp.resolve("cmp");
        InProcess.Result r = cli("compare", EUROPE, "--strategies", "baseline,integrated", "--years", 1, "-r", 2, "-q",
                "-o", dir);
        assertEquals(0, r.code(), r.both());
        String summary = Files.readString(dir.resolve("summary.csv"));
        for (String col : new String[] {"market_north_west_delivered_kg_total", "market_iberia_price_usd_kg_final_year",
            "carried_between_markets_kg_total"}) {
            assertTrue(summary.contains("\nintegrated," + col + ","), col);
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("id=\"markets\""), "a section on the markets");
        assertTrue(html.contains("Iberian market: delivered (t)") && html.contains("North-western European market"),
                "a column per market");
        assertTrue(html.contains("<td>Iberian market (market: Algeciras, Valencia)</td><td class=\"num\">34,000</td>"),
                "the chain prices show each market at its own reference price");
        assertTrue(!html.contains("(market gateway)"), "no nation stands for the markets");
        assertTrue(html.contains("Seized by customs at ports"), "the ports' seizures beside the other agencies'");
    }

    @Test
    void runPrintsEachMarketAndThePortsAndARuleMayWatchAMarket() throws Exception {
        InProcess.Result r = cli("run", EUROPE, "--strategy", "integrated", "--years", 1, "--seed", 2, "-o",
                tmp.resolve("run"));
        assertEquals(0, r.code(), r.both());
        for (String row : new String[] {"Seized at ports", "Wholesale price, iberia", "Cocaine delivered to north-west",
            "Cocaine carried between markets"}) {
            assertTrue(r.out().contains(row), row + " in\n" + r.out());
        }
        InProcess.Result v = cli("validate", EUROPE, "--set", "strategies.integrated.rules=[{indicator: "
                + "market_iberia_price_usd_kg, above: 40000, move: 0.1, from: military, to: police}]");
        assertEquals(0, v.code(), v.both());
    }

    @Test
    void theResolvedScenarioKeepsTheMarketsAndRepeatsTheRun() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, cli("run", EUROPE, "--strategy", "integrated", "--years", 1, "--seed", 4, "-q", "-o", a).code());
        String resolved = Files.readString(a.resolve("scenario.yaml"));
        assertTrue(resolved.contains("- id: iberia") && resolved.contains("demand_share: 0.25"), "the markets are written");
        InProcess.Result again = cli("run", a.resolve("scenario.yaml"), "--strategy", "integrated", "--years", 1,
                "--seed", 4, "-q", "-o", b);
        assertEquals(0, again.code(), again.both());
        assertArrayEquals(Files.readAllBytes(a.resolve("timeseries.csv")), Files.readAllBytes(b.resolve("timeseries.csv")));
    }
}
