package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.cli.InProcess;

/**
 * Route maps draw the world under the routes: land where there is land, sea where there is sea, for any
 * part of the world (here West Africa and Central America, on made-up flows, and a run of andes-europe.yaml),
 * names beside the places, the small-multiples page on one scale, and the same bytes every time.
 */
class RouteMapGeographyTest {

    @TempDir
    Path tmp;

    /** Places in West Africa: a coca-free scenario of the kind the second geography will bring. */
    static RouteFlows westAfrica(String title, long scale) {
        List<RouteFlows.PlaceRow> places = List.of(
                place("conakry", "Conakry (port)", "coastal", "GIN", "Guinea", -13.7, 9.5, 0),
                place("bissau", "Bissau", "coastal", "GNB", "Guinea-Bissau", -15.6, 11.86, 120 * scale),
                place("dakar", "Dakar", "market", "SEN", "Senegal", -17.4, 14.7, 0),
                place("bamako", "Bamako", "border", "MLI", "Mali", -8.0, 12.65, 40 * scale),
                place("accra", "Accra", "coastal", "GHA", "Ghana", -0.2, 5.6, 0),
                place("lagos", "Lagos", "market", "NGA", "Nigeria", 3.38, 6.52, 0),
                place("gulf", "Gulf of Guinea", "sea", "INT", "International waters", -6.0, 2.0, 0));
        List<RouteFlows.LinkRow> links = List.of(
                new RouteFlows.LinkRow("gulf", "bissau", "sea", 900 * scale, 780 * scale, 120 * scale, 0),
                new RouteFlows.LinkRow("bissau", "dakar", "land", 400 * scale, 400 * scale, 0, 0),
                new RouteFlows.LinkRow("bissau", "conakry", "sea", 380 * scale, 380 * scale, 0, 0),
                new RouteFlows.LinkRow("conakry", "bamako", "land", 380 * scale, 340 * scale, 40 * scale, 0),
                new RouteFlows.LinkRow("gulf", "accra", "sea", 0, 0, 0, 0),
                new RouteFlows.LinkRow("accra", "lagos", "land", 0, 0, 0, 0));
        return new RouteFlows(title, places, links);
    }

    private static RouteFlows.PlaceRow place(String id, String name, String kind, String nation, String nationName,
                                             double lon, double lat, long seized) {
        return new RouteFlows.PlaceRow(id, name, kind, nation, nationName, nation.equals("INT"), lon, lat, seized);
    }

    /** The colour of the rendered map at a longitude and latitude. */
    private static Color at(JFreeChart chart, double lon, double lat) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(RouteMap.WIDTH, RouteMap.HEIGHT, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        int x = (int) Math.round(plot.getDomainAxis().valueToJava2D(lon, area, RectangleEdge.BOTTOM));
        int y = (int) Math.round(plot.getRangeAxis().valueToJava2D(lat, area, RectangleEdge.LEFT));
        assertTrue(area.contains(x, y), lon + " " + lat + " is on the map");
        return new Color(img.getRGB(x, y));
    }

    @Test
    void westAfricaShowsItsLandSeaAndNames() throws Exception {
        RouteFlows f = westAfrica("west-africa (made up), strategy none", 1);
        JFreeChart chart = RouteMap.chart(f);
        assertEquals(RouteMap.LAND, at(chart, -1.7, 9.7), "Ghana's north is land");
        assertEquals(RouteMap.LAND, at(chart, -10.7, 13.3), "so is western Mali");
        assertEquals(RouteMap.SEA, at(chart, -9.7, 3.3), "the Atlantic south of Liberia is sea");
        assertEquals(RouteMap.SEA, at(chart, -18.7, 11.3), "and west of Guinea-Bissau");
        String svg = ChartFiles.svg(chart, RouteMap.WIDTH, RouteMap.HEIGHT);
        for (String name : List.of("Dakar", "Lagos", "Bissau", "Conakry", "Bamako", "Gulf of Guinea")) {
            assertTrue(svg.contains(">" + name + "<"), name + " is labelled");
        }
        assertFalse(svg.contains("Conakry (port)"), "names are shown without their parenthesis");
        assertFalse(svg.contains(">Accra<"), "a place nothing went through is not named");
        for (String nation : List.of("Senegal", "Mali", "Nigeria")) assertTrue(svg.contains(">" + nation + "<"), nation);
        assertFalse(svg.contains(">International waters<"), "international waters are no nation to name");
    }

    /**
     * A real run of the second theatre (andes-europe.yaml, one year): its map spans the Atlantic, with land in
     * South America, West Africa and Europe, sea between, and the European ports that received cocaine named.
     */
    @Test
    void andesEuropeRunMapsThreeContinents() throws Exception {
        Path dir = tmp.resolve("andes-europe");
        InProcess.Result r = ReportFixture.cli("run", Path.of("scenarios", "andes-europe.yaml").toAbsolutePath().toString(),
                "--strategy", "integrated", "--seed", "3", "--years", "1", "--out", dir.toString(), "-q");
        assertEquals(0, r.code(), r.both());
        RouteFlows f = RouteFlows.read(dir, "andes-europe, strategy integrated, seed 3");
        JFreeChart chart = RouteMap.chart(f);
        assertEquals(RouteMap.LAND, at(chart, -60.3, -9.7), "Amazonia is land");
        assertEquals(RouteMap.LAND, at(chart, -2.3, 16.3), "so is Mali");
        assertEquals(RouteMap.LAND, at(chart, 5.3, 28.3), "and the Algerian Sahara");
        assertEquals(RouteMap.SEA, at(chart, -47.3, 31.7), "the Atlantic east of Bermuda is sea");
        assertEquals(RouteMap.SEA, at(chart, -14.3, 45.7), "and the Bay of Biscay's approaches");
        String svg = ChartFiles.svg(chart, RouteMap.WIDTH, RouteMap.HEIGHT);
        for (String name : List.of("Antwerp", "Rotterdam", "Santos")) assertTrue(svg.contains(">" + name), name + " is labelled");
        for (String nation : List.of("Brazil", "Spain")) assertTrue(svg.contains(">" + nation + "<"), nation);
    }

    @Test
    void centralAmericaLooksLikeItself() {
        List<RouteFlows.PlaceRow> places = List.of(
                place("cali", "Cali", "production", "COL", "Colombia", -76.5, 3.4, 0),
                place("panama", "Panama City", "coastal", "PAN", "Panama", -79.5, 9.0, 0),
                place("juarez", "Ciudad Juárez", "border", "MEX", "Mexico", -106.4, 31.7, 0),
                place("houston", "Houston", "market", "USA", "United States", -95.4, 29.8, 0));
        List<RouteFlows.LinkRow> links = List.of(
                new RouteFlows.LinkRow("cali", "panama", "land", 100, 100, 0, 0),
                new RouteFlows.LinkRow("panama", "juarez", "sea", 100, 100, 0, 0),
                new RouteFlows.LinkRow("juarez", "houston", "land", 100, 100, 0, 0));
        JFreeChart chart = RouteMap.chart(new RouteFlows("t", places, links));
        assertEquals(RouteMap.LAND, at(chart, -100.3, 23.7), "the Mexican plateau");
        assertEquals(RouteMap.LAND, at(chart, -98.3, 27.3), "south Texas");
        assertEquals(RouteMap.LAND, at(chart, -74.7, 5.3), "the Magdalena valley");
        assertEquals(RouteMap.SEA, at(chart, -89.7, 24.7), "the Gulf of Mexico");
        assertEquals(RouteMap.SEA, at(chart, -77.7, 14.7), "the Caribbean");
        assertEquals(RouteMap.SEA, at(chart, -94.7, 7.7), "the Eastern Pacific");
        assertEquals(RouteMap.SEA, at(chart, -110.7, 26.7), "the Gulf of California");
    }

    @Test
    void smallMultiplesPutEveryStrategyOnOnePageOnOneScale() throws Exception {
        Map<String, RouteFlows> maps = new LinkedHashMap<>();
        maps.put("baseline", westAfrica("a", 1));
        maps.put("surge", westAfrica("b", 5));
        maps.put("policing", westAfrica("c", 2));
        maps.put("development", westAfrica("d", 3));
        RouteMap.Scale scale = RouteMap.Scale.common(maps.values(), "this comparison");
        assertEquals(900 * 5, scale.carriedKg());
        Path one = Files.createDirectories(tmp.resolve("one"));
        Path two = Files.createDirectories(tmp.resolve("two"));
        List<Path> files = RouteMap.writeSmallMultiples(maps, scale, one, "routes-all");
        RouteMap.writeSmallMultiples(maps, scale, two, "routes-all");
        assertEquals(List.of(one.resolve("routes-all.png")), files);
        assertArrayEquals(Files.readAllBytes(one.resolve("routes-all.png")), Files.readAllBytes(two.resolve("routes-all.png")),
                "the same maps give the same bytes");
        BufferedImage img = ImageIO.read(one.resolve("routes-all.png").toFile());
        assertEquals(3 * RouteMap.PANEL, img.getWidth(), "three to a row");
        assertTrue(img.getHeight() > 2 * RouteMap.PANEL, "four maps take two rows");
        // every panel has land and sea in it
        for (int k = 0; k < 4; k++) {
            int x0 = (k % 3) * RouteMap.PANEL;
            int y0 = 70 + (k / 3) * RouteMap.PANEL;
            int land = 0;
            int sea = 0;
            for (int y = y0; y < y0 + RouteMap.PANEL; y += 4) {
                for (int x = x0; x < x0 + RouteMap.PANEL; x += 4) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    if (rgb == (RouteMap.LAND.getRGB() & 0xFFFFFF)) land++;
                    if (rgb == (RouteMap.SEA.getRGB() & 0xFFFFFF)) sea++;
                }
            }
            assertTrue(land > 2000 && sea > 2000, "panel " + k + ": land " + land + ", sea " + sea);
        }
    }

    @Test
    void theLegendSaysWhenTheScaleIsShared() {
        RouteFlows f = westAfrica("t", 1);
        assertTrue(legend(RouteMap.chart(f, RouteMap.Scale.common(List.of(f), "this comparison")))
                .contains("same kg \u2192 same line width and circle area"));
        assertFalse(legend(RouteMap.chart(f)).contains("same kg"), "a map on its own scale does not say so");
    }

    @Test
    void portsWithCustomsAreMarkedAndNamedInTheLegend() {
        RouteFlows plain = westAfrica("t", 1);
        assertFalse(legend(RouteMap.chart(plain)).contains("Port with customs"), "no port, no marker");
        List<RouteFlows.PlaceRow> places = new ArrayList<>(plain.places());
        RouteFlows.PlaceRow dakar = places.get(2);
        places.set(2, new RouteFlows.PlaceRow(dakar.id(), dakar.name(), dakar.kind(), dakar.nation(), dakar.nationName(),
                false, dakar.lon(), dakar.lat(), dakar.seizedKg(), "west", 0.05));
        JFreeChart chart = RouteMap.chart(new RouteFlows("t", places, plain.links()));
        assertTrue(legend(chart).contains("Port with customs"), legend(chart));
        var ports = ((org.jfree.data.xy.XYSeriesCollection) chart.getXYPlot().getDataset()).getSeries(4);
        assertEquals(1, ports.getItemCount());
        assertEquals(-17.4, ports.getX(0).doubleValue(), 0.0, "at Dakar");
    }

    private static String legend(JFreeChart chart) {
        LegendItemCollection items = chart.getXYPlot().getFixedLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) labels.add(items.get(i).getLabel());
        return String.join("|", labels);
    }

    @Test
    void theSameMapGivesTheSameBytes() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        RouteMap.write(westAfrica("t", 1), a, "m");
        RouteMap.write(westAfrica("t", 1), b, "m");
        assertArrayEquals(Files.readAllBytes(a.resolve("m.png")), Files.readAllBytes(b.resolve("m.png")));
        assertArrayEquals(Files.readAllBytes(a.resolve("m.svg")), Files.readAllBytes(b.resolve("m.svg")));
    }
}
