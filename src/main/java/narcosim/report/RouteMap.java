package narcosim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.geometry.euclidean.twod.Vector2D;
import org.apache.commons.math3.geometry.euclidean.twod.hull.MonotoneChain;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.ui.TextAnchor;

/**
 * The route map of one run: places at their coordinates (degrees of longitude and latitude), each
 * nation as a light outline around its places, links as lines whose width is the kg they carried over
 * the campaign (colour: land, sea or air), and seizures as circles whose area is the kg seized there.
 */
public final class RouteMap {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 1000;

    /** Degrees around each place when outlining its nation, so that a nation of one place still shows. */
    private static final double PAD = 0.6;
    private static final double MAX_LINE_WIDTH = 12;
    private static final double MAX_SEIZURE_DIAMETER = 46;
    /** Plot area of a WIDTH x HEIGHT chart, roughly (titles, legend and axes take the rest). */
    private static final double PLOT_W = 880;
    private static final double PLOT_H = 700;

    private static final Map<String, Color> MODE = Map.of(
            "land", ChartStyle.OKABE_ITO[1], // orange
            "sea", ChartStyle.OKABE_ITO[4], // blue
            "air", ChartStyle.OKABE_ITO[6]); // reddish purple
    private static final Color SEIZURE = ChartStyle.OKABE_ITO[5]; // vermillion
    private static final Color PRODUCTION = ChartStyle.OKABE_ITO[3]; // bluish green
    private static final Color UNUSED = new Color(0xC8C8C8);
    private static final Color NATION_FILL = new Color(0, 0, 0, 12);
    private static final Color NATION_EDGE = new Color(0x9A9A9A);

    private RouteMap() {
    }

    /**
     * The kg that the widest line and the largest circle stand for. One run's map scales to its own largest; the
     * maps of a comparison share one scale (the largest over its strategies), so that equal kg look equal on
     * every map; {@code shared} names what the scale was taken from, or null for a map's own.
     */
    public record Scale(long carriedKg, long seizedKg, String shared) {

        /** The scale of one run's map: its own largest line and seizure. */
        public static Scale of(RouteFlows f) {
            long carried = 0;
            for (RouteFlows.LinkRow l : f.links()) carried = Math.max(carried, l.carriedKg());
            long seized = 0;
            for (RouteFlows.PlaceRow p : f.places()) seized = Math.max(seized, p.seizedKg());
            return new Scale(carried, seized, null);
        }

        /** One scale for several maps: the largest line and seizure over all of them. */
        public static Scale common(java.util.Collection<RouteFlows> maps, String what) {
            long carried = 0;
            long seized = 0;
            for (RouteFlows f : maps) {
                Scale s = of(f);
                carried = Math.max(carried, s.carriedKg());
                seized = Math.max(seized, s.seizedKg());
            }
            return new Scale(carried, seized, what);
        }
    }

    /** Draws the route map of {@code f} as {@code base}.png and .svg into {@code dir}, at the map's size. */
    public static List<Path> write(RouteFlows f, Path dir, String base) throws IOException {
        return write(f, Scale.of(f), dir, base);
    }

    /** The same, on a given scale (a comparison's maps share one). */
    public static List<Path> write(RouteFlows f, Scale scale, Path dir, String base) throws IOException {
        return ChartFiles.write(chart(f, scale), dir, base, WIDTH, HEIGHT);
    }

    public static JFreeChart chart(RouteFlows f) {
        return chart(f, Scale.of(f));
    }

    public static JFreeChart chart(RouteFlows f, Scale scale) {
        Map<String, RouteFlows.PlaceRow> byId = new HashMap<>();
        for (RouteFlows.PlaceRow p : f.places()) byId.put(p.id(), p);
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries production = new XYSeries("Coca-growing area", false, true);
        XYSeries market = new XYSeries("Market (wholesale, destination)", false, true);
        XYSeries other = new XYSeries("Other place (port, border, airstrip, sea point)", false, true);
        XYSeries seizures = new XYSeries("Seizures (circle area \u221d kg seized at the place or on the way into it)",
                false, true);
        long maxSeized = 0;
        RouteFlows.PlaceRow topSeizure = null;
        for (RouteFlows.PlaceRow p : f.places()) {
            XYSeries s = p.kind().equals("production") ? production : p.kind().equals("market") ? market : other;
            s.add(p.lon(), p.lat());
            if (p.seizedKg() > maxSeized) {
                maxSeized = p.seizedKg();
                topSeizure = p;
            }
        }
        List<Long> seizureKg = new ArrayList<>();
        for (RouteFlows.PlaceRow p : f.places()) {
            if (p.seizedKg() <= 0) continue;
            seizures.add(p.lon(), p.lat());
            seizureKg.add(p.seizedKg());
        }
        data.addSeries(other);
        data.addSeries(production);
        data.addSeries(market);
        data.addSeries(seizures);
        final long maxKg = Math.max(1, Math.max(maxSeized, scale.seizedKg()));

        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(false, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public Shape getItemShape(int series, int item) {
                if (series != 3) return super.getItemShape(series, item);
                // area proportional to kg: diameter ∝ sqrt(kg)
                double d = 5 + MAX_SEIZURE_DIAMETER * Math.sqrt(seizureKg.get(item) / (double) maxKg);
                return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
            }
        };
        ren.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        ren.setSeriesPaint(0, new Color(0x555555));
        ren.setSeriesShape(1, triangle(7));
        ren.setSeriesPaint(1, PRODUCTION);
        ren.setSeriesShape(2, new Rectangle2D.Double(-6, -6, 12, 12));
        ren.setSeriesPaint(2, Color.BLACK);
        // light fill and a strong ring, so that seizures do not read as part of the (orange) land routes
        ren.setSeriesPaint(3, new Color(SEIZURE.getRed(), SEIZURE.getGreen(), SEIZURE.getBlue(), 55));
        ren.setSeriesOutlinePaint(3, SEIZURE.darker());
        ren.setSeriesOutlineStroke(3, new BasicStroke(2f));
        ren.setUseOutlinePaint(true);
        ren.setDrawOutlines(true);
        for (int i = 0; i < 3; i++) ren.setSeriesOutlinePaint(i, Color.WHITE);

        NumberAxis x = new NumberAxis("Longitude (degrees; negative = west of Greenwich)");
        NumberAxis y = new NumberAxis("Latitude (degrees; negative = south of the equator)");
        XYPlot plot = new XYPlot(data, x, y, ren);
        nations(plot, f.places());
        long maxCarried = links(plot, f, byId, Math.max(1, scale.carriedKg()));
        frame(x, y, f.places());

        LegendItemCollection legend = new LegendItemCollection();
        for (String m : List.of("land", "sea", "air")) {
            if (f.links().stream().noneMatch(l -> l.mode().equals(m) && l.carriedKg() > 0)) continue;
            legend.add(lineItem(capital(m) + " route (width \u221d kg carried)", MODE.get(m), 4f));
        }
        legend.add(lineItem("Link not used", UNUSED, 1.2f));
        LegendItem nation = new LegendItem("Nation (outline around its places)", null, null, null,
                new Rectangle2D.Double(-9, -6, 18, 12), new Color(0xEEEEEE), new BasicStroke(1f), NATION_EDGE);
        legend.add(nation);
        for (int s = 0; s < 4; s++) {
            if (data.getSeries(s).getItemCount() == 0) continue;
            LegendItem item = ren.getLegendItem(0, s);
            if (s == 3) item.setShape(new Ellipse2D.Double(-7, -7, 14, 14));
            legend.add(item);
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart("Trafficking routes and seizures", ChartStyle.TITLE, plot, true);
        chart.addSubtitle(new TextTitle("Run: " + f.title(), ChartStyle.LEGEND));
        String widest = maxCarried > 0 ? "widest line " + HtmlReport.num(maxCarried) + " kg" : "no link carried cocaine";
        String largest = topSeizure != null
                ? "largest circle " + HtmlReport.num(maxSeized) + " kg at " + topSeizure.name()
                : "no seizures";
        String scaleNote = scale.shared() == null ? ""
                : "; same scale as every map of " + scale.shared() + " (a line " + HtmlReport.num(scale.carriedKg())
                        + " kg wide at most, a circle " + HtmlReport.num(scale.seizedKg()) + " kg)";
        return ChartStyle.style(chart, "Whole campaign (burn-in excluded); " + widest + "; " + largest + scaleNote);
    }

    /** A light outline around each nation's places (padded convex hull) with its name at the centre. */
    private static void nations(XYPlot plot, List<RouteFlows.PlaceRow> places) {
        Map<String, List<RouteFlows.PlaceRow>> byNation = new LinkedHashMap<>();
        for (RouteFlows.PlaceRow p : places) {
            if (!p.international()) byNation.computeIfAbsent(p.nation(), k -> new ArrayList<>()).add(p);
        }
        MonotoneChain hullMaker = new MonotoneChain(false);
        Font font = new Font(ChartStyle.FONT, Font.BOLD | Font.ITALIC, 14);
        for (List<RouteFlows.PlaceRow> ps : byNation.values()) {
            List<Vector2D> pts = new ArrayList<>();
            double cx = 0;
            double cy = 0;
            for (RouteFlows.PlaceRow p : ps) {
                for (int k = 0; k < 8; k++) {
                    double a = Math.PI * k / 4;
                    pts.add(new Vector2D(p.lon() + PAD * Math.cos(a), p.lat() + PAD * Math.sin(a)));
                }
                cx += p.lon() / ps.size();
                cy += p.lat() / ps.size();
            }
            Vector2D[] hull = hullMaker.generate(pts).getVertices();
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < hull.length; i++) {
                if (i == 0) path.moveTo(hull[i].getX(), hull[i].getY());
                else path.lineTo(hull[i].getX(), hull[i].getY());
            }
            path.closePath();
            plot.addAnnotation(new XYShapeAnnotation(path, new BasicStroke(1f), NATION_EDGE, NATION_FILL), false);
            XYTextAnnotation label = new XYTextAnnotation(ps.get(0).nationName(), cx, cy);
            label.setFont(font);
            label.setPaint(new Color(0x666666));
            label.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(label, false);
        }
    }

    /** Draws the links, unused ones thin and grey, the others widest last-but-drawn-first; returns the largest kg. */
    private static long links(XYPlot plot, RouteFlows f, Map<String, RouteFlows.PlaceRow> byId, long scaleKg) {
        long max = 0;
        for (RouteFlows.LinkRow l : f.links()) max = Math.max(max, l.carriedKg());
        long widest = Math.max(max, scaleKg);
        List<RouteFlows.LinkRow> sorted = new ArrayList<>(f.links());
        // unused links first, then by flow, widest first, so that thin routes stay visible on top of wide ones
        sorted.sort(Comparator.comparing((RouteFlows.LinkRow l) -> l.carriedKg() > 0)
                .thenComparing(Comparator.comparingLong(RouteFlows.LinkRow::carriedKg).reversed())
                .thenComparing(RouteFlows.LinkRow::from).thenComparing(RouteFlows.LinkRow::to));
        for (RouteFlows.LinkRow l : sorted) {
            RouteFlows.PlaceRow a = byId.get(l.from());
            RouteFlows.PlaceRow b = byId.get(l.to());
            if (a == null || b == null) continue;
            BasicStroke stroke;
            Color c;
            if (l.carriedKg() <= 0) {
                stroke = new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {3f, 3f}, 0f);
                c = UNUSED;
            } else {
                float w = (float) (1 + MAX_LINE_WIDTH * l.carriedKg() / (double) widest);
                stroke = new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
                Color m = MODE.getOrDefault(l.mode(), Color.DARK_GRAY);
                c = new Color(m.getRed(), m.getGreen(), m.getBlue(), 170);
            }
            plot.addAnnotation(new XYLineAnnotation(a.lon(), a.lat(), b.lon(), b.lat(), stroke, c), false);
        }
        return max;
    }

    /** Axis ranges around the places, widened so that a degree of latitude and one of longitude look alike. */
    private static void frame(NumberAxis x, NumberAxis y, List<RouteFlows.PlaceRow> places) {
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (RouteFlows.PlaceRow p : places) {
            x0 = Math.min(x0, p.lon());
            x1 = Math.max(x1, p.lon());
            y0 = Math.min(y0, p.lat());
            y1 = Math.max(y1, p.lat());
        }
        if (places.isEmpty()) {
            x0 = y0 = 0;
            x1 = y1 = 1;
        }
        double pad = Math.max(1.5, 0.05 * Math.max(x1 - x0, y1 - y0));
        x0 -= pad;
        x1 += pad;
        y0 -= pad;
        y1 += pad;
        // an equirectangular view: a degree of longitude is cos(latitude) as long as one of latitude
        double k = Math.cos(Math.toRadians((y0 + y1) / 2));
        double pxPerDeg = Math.min(PLOT_W / ((x1 - x0) * k), PLOT_H / (y1 - y0));
        double wantX = PLOT_W / (pxPerDeg * k);
        double wantY = PLOT_H / pxPerDeg;
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        x.setRange(cx - wantX / 2, cx + wantX / 2);
        y.setRange(cy - wantY / 2, cy + wantY / 2);
    }

    private static LegendItem lineItem(String label, Color c, float width) {
        LegendItem item = new LegendItem(label, null, null, null, new Line2D.Double(-14, 0, 14, 0),
                new BasicStroke(width), c);
        return item;
    }

    private static Shape triangle(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, r * 0.8);
        p.lineTo(-r, r * 0.8);
        p.closePath();
        return p;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
