package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The charts of a compare experiment: written, readable, not blank, and the same bytes every time. */
class ChartsTest {

    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void experiment() throws Exception {
        dir = ReportFixture.compare(tmp.resolve("compare"), true);
        Report.charts(Results.open(dir));
    }

    static List<Path> charts(String ext) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(Report.CHARTS))) {
            return s.filter(p -> p.toString().endsWith("." + ext)).sorted().toList();
        }
    }

    @Test
    void everyChartIsWrittenAsPngAndSvg() throws Exception {
        List<String> names = charts("png").stream().map(p -> p.getFileName().toString()).toList();
        int strategies = Results.open(dir).strategies().size();
        assertTrue(PriceParts.available(Results.open(dir)), "the fixture's summary.csv has the price parts");
        // + tradeoff + the two price-part charts + a route map per strategy + all maps side by side (PNG only)
        assertEquals(Outcome.OVER_TIME.size() + Outcome.FINAL.size() + 4 + strategies, names.size(), names::toString);
        assertTrue(names.contains("routes-all.png"));
        for (Outcome o : Outcome.OVER_TIME) assertTrue(names.contains("timeseries-" + o.column() + ".png"), o.column());
        assertTrue(names.contains(Report.PRICE_PARTS + ".png"));
        assertTrue(names.contains(Report.PRICE_PART_CHANGES + ".png"));
        assertTrue(names.contains("route-map-baseline.png"));
        assertTrue(names.contains("tradeoff.png"));
        assertTrue(names.contains("timeseries-delivered_kg.png"));
        assertTrue(names.contains("final-mean_trust_final_year.png"));
        assertEquals(names.size() - 1, charts("svg").size(), "an SVG beside every PNG but the small multiples");
        try (Stream<Path> s = Files.list(dir.resolve(Report.CHARTS))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    @Test
    void pngsDecodeAtTheFixedSizeAndAreNotBlank() throws Exception {
        for (Path png : charts("png")) {
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, png::toString);
            boolean map = png.getFileName().toString().startsWith("route-map");
            if (png.getFileName().toString().equals("routes-all.png")) {
                // every strategy's map in a grid of panels, each a little smaller than a map of its own
                assertTrue(img.getWidth() > RouteMap.WIDTH && img.getHeight() > RouteMap.HEIGHT / 2, png::toString);
                continue;
            }
            boolean series = png.getFileName().toString().startsWith("timeseries");
            int[] panels = Charts.timeSeriesSize(Results.open(dir).strategies().size());
            assertEquals(map ? RouteMap.WIDTH : series ? panels[0] : ChartStyle.WIDTH, img.getWidth(), png::toString);
            assertEquals(map ? RouteMap.HEIGHT : series ? panels[1] : ChartStyle.HEIGHT, img.getHeight(), png::toString);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 3) {
                for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
            }
            assertTrue(colours.size() >= 5, png + " has only " + colours.size() + " colours");
            if (png.getFileName().toString().equals("timeseries-delivered_kg.png")) {
                // lines are drawn in the palette's own colours (bars and markers are translucent)
                assertTrue(hasNear(img, ChartStyle.colour(1).getRGB()), png + " does not show the second strategy's colour");
            }
        }
    }

    private static boolean hasNear(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int d = Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) + Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255))
                        + Math.abs((p & 255) - (rgb & 255));
                if (d < 40) return true;
            }
        }
        return false;
    }

    @Test
    void svgsAreXmlWithTheTitle() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (Path svg : charts("svg")) {
            Document doc = f.newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getNodeName(), svg::toString);
            String text = doc.getDocumentElement().getTextContent();
            String name = svg.getFileName().toString();
            String expected = name.equals("tradeoff.svg") ? "Trade-off"
                    : name.equals("timeseries-delivered_kg.svg") ? "Cocaine delivered to market over time, one panel per strategy"
                    : name.equals("final-mean_trust_final_year.svg") ? "Trust in the state, final year"
                    : name.startsWith("route-map-") ? "Trafficking routes and seizures"
                    : name.equals(Report.PRICE_PARTS + ".svg") ? "Why the price differs"
                    : name.equals(Report.PRICE_PART_CHANGES + ".svg") ? "Why the price moves" : "";
            assertTrue(text.contains(expected), name + " lacks its title '" + expected + "'");
            String raw = Files.readString(svg);
            assertFalse(raw.matches("(?s).*_\\d{6,}.*"), name + " has clock-based ids");
        }
    }

    @Test
    void priceChartStacksEveryPartOfEveryStrategyAndTheyAddUpToThePrice() throws Exception {
        Results r = Results.open(dir);
        CategoryPlot plot = Charts.priceParts(r).getCategoryPlot();
        CategoryDataset parts = plot.getDataset(0);
        CategoryDataset price = plot.getDataset(1);
        assertEquals(PriceParts.PARTS.size(), parts.getRowCount());
        for (int i = 0; i < PriceParts.PARTS.size(); i++) {
            assertEquals(narcosim.metrics.Outcomes.PRICE_PARTS.get(i)[1], parts.getRowKey(i), "catalogue order and labels");
        }
        assertEquals(r.strategies(), parts.getColumnKeys());
        for (String s : r.strategies()) {
            double sum = 0;
            double size = 0;
            for (int i = 0; i < parts.getRowCount(); i++) {
                sum += parts.getValue(i, parts.getColumnIndex(s)).doubleValue();
                size += Math.abs(parts.getValue(i, parts.getColumnIndex(s)).doubleValue());
            }
            double p = price.getValue(0, price.getColumnIndex(s)).doubleValue();
            assertEquals(r.summary(s, PriceParts.PRICE, "mean"), p, 1e-9, s);
            // runs.csv and summary.csv keep 7 significant digits, so each part is off by up to ~1e-6 of itself
            assertEquals(p, sum, 1e-6 * (size + Math.abs(p)), s + ": the stacked parts add up to the price");
        }
        // the changes: one bar per campaign strategy, adding up to the change in the price
        CategoryPlot change = Charts.pricePartChanges(r).getCategoryPlot();
        CategoryDataset d = change.getDataset(0);
        assertEquals(r.strategies().size() - 1, d.getColumnCount());
        assertFalse(d.getColumnKeys().contains(r.baseline()));
        for (Object s : d.getColumnKeys()) {
            double sum = 0;
            // runs.csv keeps 7 significant digits of each run's levels: the differences inherit their rounding
            double size = Math.abs(r.summary((String) s, PriceParts.PRICE, "mean"))
                    + Math.abs(r.summary(r.baseline(), PriceParts.PRICE, "mean"));
            for (int i = 0; i < d.getRowCount(); i++) {
                sum += d.getValue(i, d.getColumnIndex((String) s)).doubleValue();
                size += Math.abs(PriceParts.level(r, (String) s, PriceParts.PARTS.get(i)))
                        + Math.abs(PriceParts.level(r, r.baseline(), PriceParts.PARTS.get(i)));
            }
            double total = r.summary((String) s, PriceParts.PRICE, "diff_vs_baseline");
            assertEquals(total, change.getDataset(1).getValue(0, change.getDataset(1).getColumnIndex((String) s))
                    .doubleValue(), 1e-9);
            assertEquals(total, sum, 1e-6 * size, s + ": the part changes add up");
        }
    }

    @Test
    void priceChartShowsThePartColours() throws IOException {
        BufferedImage img = ImageIO.read(dir.resolve(Report.CHARTS).resolve(Report.PRICE_PARTS + ".png").toFile());
        // the margin and the transport are large parts in every run: their colours must show
        assertTrue(hasNear(img, Charts.PART_COLOURS[5].getRGB()), "no margin grey");
        assertTrue(hasNear(img, Charts.PART_COLOURS[1].getRGB()), "no transport blue");
    }

    @Test
    void sameDataGivesTheSameBytes() throws Exception {
        Map<String, byte[]> first = bytes();
        Report.charts(Results.open(dir));
        Map<String, byte[]> second = bytes();
        assertEquals(first.keySet(), second.keySet());
        for (String name : first.keySet()) assertArrayEquals(first.get(name), second.get(name), name);
        // and a chart drawn twice in one process gives the same SVG text
        JFreeChart chart = Charts.tradeOff(Results.open(dir));
        assertEquals(ChartFiles.svg(chart), ChartFiles.svg(chart));
    }

    private static Map<String, byte[]> bytes() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir.resolve(Report.CHARTS))) {
            for (Path p : s.toList()) out.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return out;
    }
}
