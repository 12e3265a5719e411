package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.cli.InProcess;
import narcosim.experiment.ExperimentDir;

/** Heat maps, Sobol bars and report.html of small real sweeps (grid, Latin hypercube, Sobol) of the classroom scenario. */
class SweepChartsTest {

    @TempDir
    static Path tmp;
    static Path grid;
    static Path lhs;
    static Path sobol;

    @BeforeAll
    static void sweeps() throws Exception {
        grid = sweep("grid", """
                strategies: [baseline, corridor-crackdown]
                set: [run.years=1]
                replicates: 1
                design: {type: grid}
                parameters:
                  military.interdict_prob: {levels: [0.05, 0.2, 0.4]}
                  cartel.loss_tolerance: {levels: [0.02, 0.3]}
                outcomes: [delivered_kg_total, seized_share]
                """);
        lhs = sweep("lhs", """
                strategies: [corridor-crackdown]
                set: [run.years=1]
                replicates: 1
                design: {type: lhs, samples: 12}
                parameters:
                  military.interdict_prob: {min: 0.05, max: 0.4}
                  cartel.loss_tolerance: {min: 0.02, max: 0.3}
                outcomes: [delivered_kg_total]
                """);
        sobol = sweep("sobol", """
                strategies: [corridor-crackdown]
                set: [run.years=1]
                replicates: 1
                design: {type: sobol, samples: 8}
                parameters:
                  military.interdict_prob: {min: 0.05, max: 0.4}
                  cartel.loss_tolerance: {min: 0.02, max: 0.3}
                  residents.negativity_ratio: {min: 1, max: 8}
                outcomes: [delivered_kg_total, seized_share]
                """);
    }

    static Path sweep(String name, String body) throws Exception {
        Path f = tmp.resolve(name + ".yaml");
        Files.writeString(f, "name: " + name + "\nscenario: " + ReportFixture.BALLOON + "\nseed: 5\n" + body,
                StandardCharsets.UTF_8);
        Path out = tmp.resolve(name);
        InProcess.Result r = ReportFixture.cli("sweep", f.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.both());
        assertTrue(r.out().contains("Report: "), r.out());
        return out;
    }

    static List<String> pngs(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve(Report.CHARTS))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }

    @Test
    void sweepsWriteHeatMapsAndSobolBarsAsPngAndSvg() throws Exception {
        assertEquals(List.of("heatmap-delivered_kg_total.png", "heatmap-seized_share.png"), pngs(grid));
        assertEquals(List.of("heatmap-delivered_kg_total.png"), pngs(lhs));
        assertEquals(List.of("heatmap-delivered_kg_total.png", "heatmap-seized_share.png",
                "sobol-corridor-crackdown-delivered_kg_total.png", "sobol-corridor-crackdown-seized_share.png"), pngs(sobol));
        for (Path d : List.of(grid, lhs, sobol)) {
            for (String png : pngs(d)) {
                Path svg = d.resolve(Report.CHARTS).resolve(png.replace(".png", ".svg"));
                assertTrue(Files.isRegularFile(svg), svg::toString);
                BufferedImage img = ImageIO.read(d.resolve(Report.CHARTS).resolve(png).toFile());
                assertNotNull(img, png);
                Set<Integer> colours = new HashSet<>();
                for (int y = 0; y < img.getHeight(); y += 3) {
                    for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
                }
                assertTrue(colours.size() > 20, d + "/" + png + " looks blank");
            }
        }
        String svg = Files.readString(sobol.resolve(Report.CHARTS).resolve("sobol-corridor-crackdown-seized_share.svg"));
        assertTrue(svg.contains("Total-order index") && svg.contains("residents.negativity_ratio"), "legend and factors");
    }

    @Test
    void gridCellsAreTheSummaryMeans() throws Exception {
        SweepResults s = SweepResults.open(Results.open(grid));
        SweepCharts.Grid g = SweepCharts.grid(s, "delivered_kg_total");
        assertEquals(3, g.xs().length);
        assertEquals(2, g.ys().length);
        int checked = 0;
        for (Map<String, String> row : ExperimentDir.records(grid.resolve(Results.SUMMARY))) {
            if (!row.get("outcome").equals("delivered_kg_total")) continue;
            int i = List.of(g.xLabels()).indexOf(row.get("military.interdict_prob"));
            int j = List.of(g.yLabels()).indexOf(row.get("cartel.loss_tolerance"));
            int si = g.strategies().indexOf(row.get("strategy"));
            assertTrue(i >= 0 && j >= 0 && si >= 0, row.toString());
            assertEquals(Double.parseDouble(row.get("mean")), g.mean().get(si)[i][j], 1e-9, row.toString());
            checked++;
        }
        assertEquals(12, checked);
    }

    @Test
    void binnedCellsAverageThePointsInThem() throws Exception {
        SweepResults s = SweepResults.open(Results.open(lhs));
        SweepCharts.Grid g = SweepCharts.grid(s, "delivered_kg_total");
        assertEquals(SweepCharts.MIN_BINS, g.xs().length, "12 points: the fewest bins");
        int points = 0;
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < g.xs().length; i++) {
            for (int j = 0; j < g.ys().length; j++) {
                int n = g.count().get(0)[i][j];
                points += n;
                if (n > 0) weighted += n * g.mean().get(0)[i][j];
            }
        }
        for (SweepResults.Cell c : s.cells("corridor-crackdown", "delivered_kg_total")) sum += c.mean();
        assertEquals(12, points, "every point falls in one cell");
        assertEquals(sum, weighted, 1e-6 * Math.abs(sum));
    }

    @Test
    void sobolBarsAreSortedByTotalIndexAndFindingsNameTheTop() throws Exception {
        SweepResults s = SweepResults.open(Results.open(sobol));
        List<SweepResults.Index> ix = s.indices("corridor-crackdown", "delivered_kg_total");
        assertEquals(3, ix.size());
        for (int k = 1; k < ix.size(); k++) assertTrue(ix.get(k - 1).total() >= ix.get(k).total());
        String sentence = SweepReport.sobolSentence(Outcome.of("delivered_kg_total"), "corridor-crackdown", ix);
        assertTrue(sentence.startsWith("Cocaine delivered to market, whole campaign (corridor-crackdown) is most "
                + "sensitive to " + ix.get(0).parameter() + " (total-order index "), sentence);
        assertTrue(sentence.contains("95% CI "), sentence);
        String html = Files.readString(sobol.resolve(HtmlReport.FILE));
        assertTrue(html.contains(HtmlReport.esc(sentence)), "the report states the finding");
    }

    /** Heat-map panels say when their cells differ no more than replicate noise makes them. */
    @Test
    void heatMapNoiseTest() {
        // {cell, replicates, mean, sd} per design point
        double p = SweepCharts.noiseP(List.of(new double[] {0, 2, 100, 30}, new double[] {1, 2, 120, 30},
                new double[] {2, 2, 90, 30}, new double[] {3, 2, 110, 30}));
        assertTrue(p > 0.05, "a spread of 30 between cells with replicates spread by 30 is noise: p = " + p);
        double q = SweepCharts.noiseP(List.of(new double[] {0, 3, 100, 2}, new double[] {1, 3, 120, 2},
                new double[] {2, 3, 90, 2}, new double[] {3, 3, 110, 2}));
        assertTrue(q < 0.001, "the same spread with replicates spread by 2 is structure: p = " + q);
        assertTrue(Double.isNaN(SweepCharts.noiseP(List.of(new double[] {0, 1, 100, Double.NaN},
                new double[] {1, 1, 120, Double.NaN}))), "one replicate: noise unknown");
    }

    @Test
    void sweepReportHasDesignFactorsFindingsAndEveryChart() throws Exception {
        for (Path d : List.of(grid, lhs, sobol)) {
            String html = Files.readString(d.resolve(HtmlReport.FILE));
            assertTrue(html.startsWith("<!DOCTYPE html>"));
            assertTrue(html.contains("<h2 id=\"design\">Design</h2>") && html.contains("<h2 id=\"findings\">Findings</h2>"));
            assertTrue(html.contains("<code>military.interdict_prob</code>"), d.toString());
            assertEquals(pngs(d).size(), Chromium.count(html, "<img "), d + ": every chart is embedded");
            assertFalse(html.contains("http://") || html.contains("https://") || html.toLowerCase().contains("<script"));
        }
        String g = Files.readString(grid.resolve(HtmlReport.FILE));
        assertTrue(g.contains("levels 0.05, 0.2, 0.4"), "grid levels");
        assertTrue(g.contains(", baseline: ") && g.contains(" on average over the design"),
                "a finding per strategy, with its interval, from the runs");
        assertFalse(g.contains("ranges from ") || g.contains("moves it by"), "no range of means presented as an effect");
        assertTrue(Files.readString(lhs.resolve(HtmlReport.FILE)).contains("from 0.050 to 0.400"), "LHS ranges");
    }

    @Test
    void reportRebuildsTheSameBytes() throws Exception {
        Map<String, byte[]> before = bytes(sobol);
        InProcess.Result r = ReportFixture.cli("report", sobol.toString());
        assertEquals(0, r.code(), r.both());
        Map<String, byte[]> after = bytes(sobol);
        assertEquals(before.keySet(), after.keySet());
        for (String k : before.keySet()) assertArrayEquals(before.get(k), after.get(k), k);
    }

    private static Map<String, byte[]> bytes(Path dir) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        out.put(HtmlReport.FILE, Files.readAllBytes(dir.resolve(HtmlReport.FILE)));
        try (Stream<Path> s = Files.list(dir.resolve(Report.CHARTS))) {
            for (Path p : s.toList()) out.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return out;
    }

    @Test
    void partialSweepDirectoriesAreNamedNotCharted() throws Exception {
        Path partial = tmp.resolve("partial");
        Files.createDirectories(partial);
        for (String f : List.of(ExperimentDir.MANIFEST, ExperimentDir.RUNS, Results.SUMMARY)) {
            Files.copy(sobol.resolve(f), partial.resolve(f));
        }
        InProcess.Result r = ReportFixture.cli("report", partial.toString());
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("sensitivity.csv"), r.err());
        assertFalse(Files.exists(partial.resolve(Report.CHARTS)), "nothing charted");

        String manifest = Files.readString(partial.resolve(ExperimentDir.MANIFEST));
        Files.writeString(partial.resolve(ExperimentDir.MANIFEST), manifest.replaceAll("(?m)^finished:.*\\n", ""));
        r = ReportFixture.cli("report", partial.toString());
        assertEquals(2, r.code(), r.both());
        assertTrue(r.err().contains("is incomplete") && r.err().contains("finished"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void sweepReportRendersInHeadlessChromium() throws Exception {
        String dom = Chromium.check(grid.resolve(HtmlReport.FILE), tmp, "sweep-report-html-screenshot.png");
        assertTrue(dom.contains("Parameter sweep: grid"));
    }

    @Test
    void colourScaleGetsLighterWithTheValue() {
        SequentialScale s = new SequentialScale(0, 10);
        double last = -1;
        for (int i = 0; i <= 20; i++) {
            double l = SequentialScale.lightness(s.colour(i / 2.0));
            assertTrue(l > last + 2, "lightness must rise steadily: " + l + " after " + last);
            last = l;
        }
        assertEquals(new Color(0x440154), s.colour(0));
        assertEquals(new Color(0xFDE725), s.colour(10));
        assertEquals(s.colour(10), s.colour(42), "values beyond the scale take its end colour");
    }
}
