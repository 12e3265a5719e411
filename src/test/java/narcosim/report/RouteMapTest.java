package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.cli.InProcess;
import narcosim.experiment.ExperimentDir;

/** Route flows of a run (links.csv, places.csv) add up to the run's totals; route maps are the same bytes every time. */
class RouteMapTest {

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void oneRun() {
        run = run(tmp.resolve("run"), "corridor-crackdown", "3");
    }

    static Path run(Path dir, String strategy, String seed) {
        InProcess.Result r = ReportFixture.cli("run", ReportFixture.BALLOON.toString(), "--strategy", strategy, "--seed",
                seed, "--years", "2", "--out", dir.toString(), "-q");
        assertEquals(0, r.code(), r.both());
        return dir;
    }

    private static Map<String, String> summary(Path dir) {
        return ExperimentDir.records(dir.resolve(Results.SUMMARY)).iterator().next();
    }

    private static double total(Path dir, String outcome) {
        return Double.parseDouble(summary(dir).get(outcome));
    }

    @Test
    void linkAndPlaceSeizuresAddUpToTheRunsSeizures() throws Exception {
        RouteFlows f = RouteFlows.read(run, "t");
        double seized = total(run, "seized_kg_total");
        assertTrue(seized > 0, "the crackdown seizes something in two years");
        assertEquals(seized, f.totalSeizedKg());
        assertEquals(seized, f.places().stream().mapToLong(RouteFlows.PlaceRow::seizedKg).sum());
        assertEquals(total(run, "lost_kg_total"), f.links().stream().mapToLong(RouteFlows.LinkRow::lostKg).sum());
    }

    @Test
    void whatArrivesAtTheMarketIsWhatWasDelivered() throws Exception {
        RouteFlows f = RouteFlows.read(run, "t");
        Set<String> markets = new HashSet<>();
        for (RouteFlows.PlaceRow p : f.places()) if (p.kind().equals("market")) markets.add(p.id());
        assertFalse(markets.isEmpty());
        long arrived = f.links().stream().filter(l -> markets.contains(l.to())).mapToLong(RouteFlows.LinkRow::arrivedKg).sum();
        assertEquals(total(run, "delivered_kg_total"), arrived);
        for (RouteFlows.LinkRow l : f.links()) {
            assertTrue(l.carriedKg() >= 0 && l.arrivedKg() >= 0 && l.seizedKg() >= 0 && l.lostKg() >= 0, l.toString());
        }
        assertTrue(f.links().stream().anyMatch(l -> l.carriedKg() > 0));
    }

    @Test
    void runWritesTheMapAndTheSameRunGivesTheSameBytes() throws Exception {
        Path again = run(tmp.resolve("again"), "corridor-crackdown", "3");
        for (String f : List.of("links.csv", "places.csv", "route-map.png", "route-map.svg")) {
            assertArrayEquals(Files.readAllBytes(run.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
        BufferedImage img = ImageIO.read(run.resolve("route-map.png").toFile());
        assertEquals(RouteMap.WIDTH, img.getWidth());
        assertEquals(RouteMap.HEIGHT, img.getHeight());
        String svg = Files.readString(run.resolve("route-map.svg"));
        assertTrue(svg.contains("Trafficking routes and seizures"));
        assertTrue(svg.contains("corridor-crackdown") && svg.contains("seed 3"), "the title names strategy and seed");
        // another strategy routes differently
        Path other = run(tmp.resolve("other"), "baseline", "3");
        assertFalse(Files.readString(other.resolve("links.csv")).equals(Files.readString(run.resolve("links.csv"))));
    }

    @Test
    void reportRedrawsTheMapOfARunDirectory() throws Exception {
        byte[] png = Files.readAllBytes(run.resolve("route-map.png"));
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        for (String f : List.of("links.csv", "places.csv", "summary.csv", "timeseries.csv", "scenario.yaml")) {
            Files.copy(run.resolve(f), copy.resolve(f));
        }
        InProcess.Result r = ReportFixture.cli("report", copy.toString());
        assertEquals(0, r.code(), r.both());
        assertArrayEquals(png, Files.readAllBytes(copy.resolve("route-map.png")));

        Files.delete(copy.resolve("links.csv"));
        r = ReportFixture.cli("report", copy.toString());
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("no links.csv"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void compareMapsTheSameReplicateWhateverTheThreads() throws Exception {
        Path one = tmp.resolve("c1");
        Path two = tmp.resolve("c2");
        for (Object[] c : List.of(new Object[] {one, "1"}, new Object[] {two, "2"})) {
            InProcess.Result r = ReportFixture.cli("compare", ReportFixture.BALLOON.toString(), "--replicates", "2",
                    "--years", "1", "--threads", (String) c[1], "--out", c[0].toString(), "-q");
            assertEquals(0, r.code(), r.both());
        }
        Results res = Results.open(one);
        for (String s : res.strategies()) {
            String name = Report.routeMapName(s);
            assertArrayEquals(Files.readAllBytes(one.resolve(Report.CHARTS).resolve(name + ".png")),
                    Files.readAllBytes(two.resolve(Report.CHARTS).resolve(name + ".png")), name);
            assertTrue(Files.isRegularFile(one.resolve(Report.ROUTES).resolve(s).resolve(RouteFlows.LINKS)), s);
        }
        // the first replicate's run is mapped: its seizures match runs.csv
        Map<String, String> firstRun = ExperimentDir.records(one.resolve(ExperimentDir.RUNS)).iterator().next();
        RouteFlows f = RouteFlows.read(one.resolve(Report.ROUTES).resolve(firstRun.get("strategy")), "t");
        assertEquals(Double.parseDouble(firstRun.get("seized_kg_total")), f.totalSeizedKg());

        byte[] before = Files.readAllBytes(one.resolve(Report.CHARTS).resolve(Report.routeMapName(s0(res)) + ".png"));
        InProcess.Result r = ReportFixture.cli("report", one.toString(), "--map-replicate", "2");
        assertEquals(0, r.code(), r.both());
        assertFalse(java.util.Arrays.equals(before,
                Files.readAllBytes(one.resolve(Report.CHARTS).resolve(Report.routeMapName(s0(res)) + ".png"))),
                "replicate 2 is another run");
        r = ReportFixture.cli("report", one.toString(), "--map-replicate", "3");
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("--map-replicate: this comparison has replicates 1 to 2, not 3"), r.err());
    }

    private static String s0(Results r) {
        return r.strategies().get(0);
    }

    /** The maps of a comparison share one scale (issue 15): the largest line and circle over all of them. */
    @Test
    void aComparisonsMapsShareOneScale() throws Exception {
        Path other = run(tmp.resolve("run-baseline"), "baseline", "3");
        RouteFlows a = RouteFlows.read(run, "crackdown");
        RouteFlows b = RouteFlows.read(other, "baseline");
        RouteMap.Scale sa = RouteMap.Scale.of(a);
        RouteMap.Scale sb = RouteMap.Scale.of(b);
        RouteMap.Scale common = RouteMap.Scale.common(List.of(a, b), "this comparison");
        assertEquals(Math.max(sa.carriedKg(), sb.carriedKg()), common.carriedKg());
        assertEquals(Math.max(sa.seizedKg(), sb.seizedKg()), common.seizedKg());
        assertTrue(sa.seizedKg() > 0, "the crackdown seizes");
        String subtitle = subtitles(RouteMap.chart(b, common));
        assertTrue(subtitle.contains("same scale as every map of this comparison"), subtitle);
        String own = subtitles(RouteMap.chart(b));
        assertFalse(own.contains("same scale"), own);
    }

    private static String subtitles(org.jfree.chart.JFreeChart chart) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) all.append(t.getText()).append('|');
        }
        return all.toString();
    }
}
