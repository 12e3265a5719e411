package narcosim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.ui.Layer;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.Size2D;

import narcosim.experiment.AtomicDirectory;
import narcosim.geo.Box;
import narcosim.geo.Labels;
import narcosim.geo.World;

/**
 * The route map of one run: land, coastlines and country borders (Natural Earth 1:50m, {@link World}) under
 * the places at their coordinates (degrees of longitude and latitude), links as lines whose width is the kg
 * they carried over the campaign (colour: land, sea or air), seizures as circles whose area is the kg
 * seized there, and the places' names wherever they fit without overlapping ({@link Labels}). The
 * projection is the classroom map's: equirectangular around the middle latitude (a degree of longitude is
 * cos(latitude) as long as one of latitude), north up.
 */
public final class RouteMap {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 1000;

    private static final double MAX_LINE_WIDTH = 12;
    private static final double MAX_SEIZURE_DIAMETER = 46;
    /** Small multiples: one panel's size, pixels, and the most panels in a row. */
    static final int PANEL = 640;
    private static final int MAX_COLUMNS = 3;

    private static final Map<String, Color> MODE = Map.of(
            "land", ChartStyle.OKABE_ITO[1], // orange
            "sea", ChartStyle.OKABE_ITO[4], // blue
            "air", ChartStyle.OKABE_ITO[6]); // reddish purple
    private static final Color SEIZURE = ChartStyle.OKABE_ITO[5]; // vermillion
    private static final Color PRODUCTION = ChartStyle.OKABE_ITO[3]; // bluish green
    private static final Color PORT = new Color(0x6A3D9A); // purple, apart from the air routes: customs at a port (ODD 7.24)
    private static final Color UNUSED = new Color(0xB4B4B4);
    static final Color SEA = new Color(0xE6F0F7);
    static final Color LAND = new Color(0xECE6D4);
    private static final Color COAST = new Color(0x7F95A3);
    private static final Color BORDER = new Color(0x9C9C9C);
    private static final Color LABEL = new Color(0x222222);
    private static final Color LEADER = new Color(0x666666);
    private static final Color NATION = new Color(0x6E6A60);

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
        return chart(f, scale, false);
    }

    /**
     * The map; a {@code panel} is one of the small multiples: titled by {@code f.title()} alone, smaller
     * type, no legend and no axis labels (the page carries them once).
     */
    static JFreeChart chart(RouteFlows f, Scale scale, boolean panel) {
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
        // Ports whose customs inspect the loads arriving (ODD 7.24): a blue diamond over the place.
        XYSeries ports = new XYSeries("Port with customs (a share of arriving containers inspected)", false, true);
        for (RouteFlows.PlaceRow p : f.places()) {
            if (!Double.isNaN(p.portInspectedShare())) ports.add(p.lon(), p.lat());
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
        if (ports.getItemCount() > 0) data.addSeries(ports);
        final long maxKg = Math.max(1, Math.max(maxSeized, scale.seizedKg()));

        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(false, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public Shape getItemShape(int series, int item) {
                if (series != 3) return super.getItemShape(series, item);
                double d = seizureDiameter(seizureKg.get(item), maxKg);
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
        Path2D.Double diamond = new Path2D.Double();
        diamond.moveTo(0, -11);
        diamond.lineTo(11, 0);
        diamond.lineTo(0, 11);
        diamond.lineTo(-11, 0);
        diamond.closePath();
        ren.setSeriesShape(4, diamond);
        ren.setSeriesShapesFilled(4, false);
        ren.setSeriesPaint(4, PORT);
        ren.setSeriesOutlinePaint(4, PORT);
        ren.setSeriesOutlineStroke(4, new BasicStroke(2f));

        NumberAxis x = new NumberAxis(panel ? null : "Longitude (degrees; negative = west of Greenwich)");
        NumberAxis y = new NumberAxis(panel ? null : "Latitude (degrees; negative = south of the equator)");
        MapPlot plot = new MapPlot(data, x, y, ren, view(f.places()));
        // under the data items, in this order: the world, then the routes; the names go on top of everything
        ren.addAnnotation(new WorldLayer(), Layer.BACKGROUND);
        long maxCarried = links(ren, f, byId, Math.max(1, scale.carriedKg()));
        plot.addAnnotation(new PlaceNames(f, maxKg, panel ? 10 : 12));

        plot.setFixedLegendItems(legend(f, scale, ren, data));

        String widest = maxCarried > 0 ? "widest line " + HtmlReport.num(maxCarried) + " kg" : "no link carried cocaine";
        String largest = topSeizure != null
                ? "largest circle " + HtmlReport.num(maxSeized) + " kg at " + topSeizure.name()
                : "no seizures";
        if (panel) {
            JFreeChart chart = new JFreeChart(f.title(), new Font(ChartStyle.FONT, Font.BOLD, 16), plot, false);
            ChartStyle.style(chart, widest + "; " + largest);
            chart.getTitle().setFont(new Font(ChartStyle.FONT, Font.BOLD, 16));
            ((TextTitle) chart.getSubtitle(0)).setFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
            x.setTickLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 10));
            y.setTickLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 10));
            plot.setBackgroundPaint(SEA);
            return chart;
        }
        JFreeChart chart = new JFreeChart("Trafficking routes and seizures", ChartStyle.TITLE, plot, true);
        chart.addSubtitle(new TextTitle("Run: " + f.title(), ChartStyle.LEGEND));
        String scaleNote = scale.shared() == null ? ""
                : "; same scale as every map of " + scale.shared() + " (a line " + HtmlReport.num(scale.carriedKg())
                        + " kg wide at most, a circle " + HtmlReport.num(scale.seizedKg()) + " kg)";
        ChartStyle.style(chart, "Whole campaign (burn-in excluded); " + widest + "; " + largest + scaleNote);
        plot.setBackgroundPaint(SEA);
        return chart;
    }

    private static LegendItemCollection legend(RouteFlows f, Scale scale, XYLineAndShapeRenderer ren,
                                               XYSeriesCollection data) {
        LegendItemCollection legend = new LegendItemCollection();
        for (String m : List.of("land", "sea", "air")) {
            if (f.links().stream().noneMatch(l -> l.mode().equals(m) && l.carriedKg() > 0)) continue;
            legend.add(lineItem(capital(m) + " route (width \u221d kg carried)", MODE.get(m), 4f));
        }
        legend.add(lineItem("Link not used", UNUSED, 1.2f));
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (data.getSeries(s).getItemCount() == 0) continue;
            LegendItem item = ren.getLegendItem(0, s);
            if (s == 3) item.setShape(new Ellipse2D.Double(-7, -7, 14, 14));
            legend.add(item);
        }
        legend.add(new LegendItem("Land and country borders (Natural Earth 1:50m)", null, null, null,
                new Rectangle2D.Double(-9, -6, 18, 12), LAND, new BasicStroke(1f), COAST));
        if (scale.shared() != null) {
            Path2D.Double both = new Path2D.Double();
            both.append(new Line2D.Double(-14, 0, 0, 0), false);
            both.append(new Ellipse2D.Double(2, -5, 10, 10), false);
            legend.add(new LegendItem("One scale for all these maps: same kg \u2192 same line width and circle area",
                    null, null, null, both, new BasicStroke(2f), Color.DARK_GRAY));
        }
        return legend;
    }

    static double seizureDiameter(long kg, long maxKg) {
        // area proportional to kg: diameter ∝ sqrt(kg)
        return 5 + MAX_SEIZURE_DIAMETER * Math.sqrt(kg / (double) maxKg);
    }

    /**
     * Writes every strategy's map side by side on one page, {@code base}.png in {@code dir}, on one scale
     * ({@code scale}, normally {@link Scale#common} over the same maps), with one legend for the page; the
     * maps go in the given order, up to three to a row, each titled by its key. Returns the file, or no
     * file when there are no maps.
     */
    public static List<Path> writeSmallMultiples(Map<String, RouteFlows> maps, Scale scale, Path dir, String base)
            throws IOException {
        if (maps.isEmpty()) return List.of();
        BufferedImage page = smallMultiples(maps, scale);
        Path png = dir.resolve(base + ".png");
        AtomicDirectory.writeFile(png, tmp -> {
            if (!ImageIO.write(page, "png", tmp.toFile())) throw new IOException("no PNG writer");
        });
        return List.of(png);
    }

    static BufferedImage smallMultiples(Map<String, RouteFlows> maps, Scale scale) {
        if (maps.isEmpty()) throw new IllegalArgumentException("no maps");
        int n = maps.size();
        int cols = Math.min(n, MAX_COLUMNS);
        int rows = (n + cols - 1) / cols;
        int head = 70;
        int width = cols * PANEL;
        RouteFlows first = maps.values().iterator().next();
        JFreeChart legendSource = chart(first, scale, false);
        LegendTitle legend = new LegendTitle(legendSource.getPlot());
        legend.setItemFont(new Font(ChartStyle.FONT, Font.PLAIN, 14));
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        Size2D legendSize = legend.arrange(pg, new RectangleConstraint(0, new Range(0, width - 40.0),
                LengthConstraintType.RANGE, 0, new Range(0, 400), LengthConstraintType.RANGE));
        pg.dispose();
        int foot = (int) Math.ceil(legendSize.getHeight()) + 20;
        int height = head + rows * PANEL + foot;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setPaint(Color.BLACK);
            g.setFont(ChartStyle.TITLE);
            centred(g, "Trafficking routes and seizures, strategy by strategy", width / 2.0, 30);
            g.setFont(ChartStyle.SUBTITLE);
            g.setPaint(Color.DARK_GRAY);
            String what = scale.shared() == null ? "each map on its own scale"
                    : "one scale for all " + n + " maps (same kg \u2192 same line width and circle area): a line "
                            + HtmlReport.num(scale.carriedKg()) + " kg wide at most, a circle " + HtmlReport.num(
                                    scale.seizedKg()) + " kg";
            centred(g, "Whole campaign (burn-in excluded); " + what, width / 2.0, 55);
            int k = 0;
            for (Map.Entry<String, RouteFlows> e : maps.entrySet()) {
                RouteFlows f = e.getValue();
                JFreeChart c = chart(new RouteFlows(e.getKey(), f.places(), f.links()), scale, true);
                Graphics2D cell = (Graphics2D) g.create((k % cols) * PANEL, head + (k / cols) * PANEL, PANEL, PANEL);
                c.draw(cell, new Rectangle2D.Double(0, 0, PANEL, PANEL));
                cell.dispose();
                k++;
            }
            double lx = (width - legendSize.getWidth()) / 2;
            legend.draw(g, new Rectangle2D.Double(lx, head + rows * PANEL + 10, legendSize.getWidth(),
                    legendSize.getHeight()));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void centred(Graphics2D g, String text, double cx, double baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) baseline);
    }

    /** Draws the links, unused ones thin and grey, the others widest first; returns the largest kg. */
    private static long links(XYLineAndShapeRenderer ren, RouteFlows f, Map<String, RouteFlows.PlaceRow> byId,
                              long scaleKg) {
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
            ren.addAnnotation(new XYLineAnnotation(a.lon(), a.lat(), b.lon(), b.lat(), stroke, c), Layer.BACKGROUND);
        }
        return max;
    }

    /** The places' box with a margin (at least 1.5 degrees, or 8% of the larger side, as in the classroom's map). */
    private static Box view(List<RouteFlows.PlaceRow> places) {
        if (places.isEmpty()) return new Box(-1.5, -1.5, 2.5, 2.5);
        double[] lon = new double[places.size()];
        double[] lat = new double[places.size()];
        for (int i = 0; i < lon.length; i++) {
            lon[i] = places.get(i).lon();
            lat[i] = places.get(i).lat();
        }
        Box b = Box.around(lon, lat, 0);
        return Box.around(lon, lat, Math.max(1.5, 0.08 * Math.max(b.width(), b.height())));
    }

    /**
     * A plot that shows a box of longitudes and latitudes in the classroom map's projection: equirectangular
     * around the box's middle latitude (a degree of longitude is cos(latitude) as long as one of latitude),
     * the box centred and widened on its short side to the shape of the data area, which is only known
     * when drawn (it depends on the titles, legend and axes).
     */
    private static final class MapPlot extends XYPlot {
        private static final long serialVersionUID = 1L;
        private final Box box;

        MapPlot(XYSeriesCollection data, NumberAxis x, NumberAxis y, XYLineAndShapeRenderer ren, Box box) {
            super(data, x, y, ren);
            this.box = box;
            x.setRange(box.west(), box.east());
            y.setRange(box.south(), box.north());
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, org.jfree.chart.plot.PlotState parentState,
                         PlotRenderingInfo info) {
            Rectangle2D a = (Rectangle2D) area.clone();
            getInsets().trim(a);
            Rectangle2D dataArea = calculateAxisSpace(g2, a).shrink(a, null);
            getAxisOffset().trim(dataArea);
            if (dataArea.getWidth() > 0 && dataArea.getHeight() > 0) {
                double k = Math.cos(Math.toRadians((box.south() + box.north()) / 2));
                double pxPerDeg = Math.min(dataArea.getWidth() / (box.width() * k), dataArea.getHeight() / box.height());
                double wantX = dataArea.getWidth() / (pxPerDeg * k);
                double wantY = dataArea.getHeight() / pxPerDeg;
                double cx = (box.west() + box.east()) / 2;
                double cy = (box.south() + box.north()) / 2;
                getDomainAxis().setRange(new Range(cx - wantX / 2, cx + wantX / 2), true, false);
                getRangeAxis().setRange(new Range(cy - wantY / 2, cy + wantY / 2), true, false);
            }
            super.draw(g2, area, anchor, parentState, info);
        }
    }

    /** Pixels of a longitude and latitude in a plot's data area. */
    private static World.Projector projector(XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis) {
        RectangleEdge xe = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
        RectangleEdge ye = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        return (lon, lat) -> new Point2D.Double(xAxis.valueToJava2D(lon, area, xe), yAxis.valueToJava2D(lat, area, ye));
    }

    /** Land, borders and coastlines of the plot's view (and a degree around it), drawn in pixels. */
    private static final class WorldLayer extends AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis, int index,
                         PlotRenderingInfo info) {
            Box view = new Box(xAxis.getLowerBound() - 1, Math.max(-90, yAxis.getLowerBound() - 1),
                    xAxis.getUpperBound() + 1, Math.min(90, yAxis.getUpperBound() + 1));
            World.Region r = World.get().region(view);
            World.Projector exact = projector(plot, area, xAxis, yAxis);
            // a tenth of a pixel is plenty, and keeps the SVG's numbers short
            World.Projector p = (lon, lat) -> {
                Point2D q = exact.project(lon, lat);
                return new Point2D.Double(Math.round(q.getX() * 10) / 10.0, Math.round(q.getY() * 10) / 10.0);
            };
            Shape saved = g2.getClip();
            g2.clip(area);
            g2.setPaint(LAND);
            g2.fill(r.landPath(p));
            g2.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {4f, 2f}, 0f));
            g2.setPaint(BORDER);
            g2.draw(r.borderPath(p));
            g2.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.setPaint(COAST);
            g2.draw(r.coastPath(p));
            g2.setClip(saved);
        }
    }

    /**
     * The places' names, laid out in pixels when drawn (so that they fit the actual plot): markets and
     * coca-growing areas first, then by the kg that went through the place or was seized there; places
     * nothing went through are not named; a name that fits nowhere is left out.
     */
    private static final class PlaceNames extends AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        private final RouteFlows f;
        private final long maxSeizedKg;
        private final float size;

        PlaceNames(RouteFlows f, long maxSeizedKg, float size) {
            this.f = f;
            this.maxSeizedKg = maxSeizedKg;
            this.size = size;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis, int index,
                         PlotRenderingInfo info) {
            Map<String, Long> through = new HashMap<>();
            for (RouteFlows.LinkRow l : f.links()) {
                through.merge(l.from(), l.carriedKg(), Math::max);
                through.merge(l.to(), l.carriedKg(), Math::max);
            }
            World.Projector p = projector(plot, area, xAxis, yAxis);
            List<Labels.Item> items = new ArrayList<>();
            List<RouteFlows.PlaceRow> named = new ArrayList<>();
            for (RouteFlows.PlaceRow pl : f.places()) {
                long kg = through.getOrDefault(pl.id(), 0L) + pl.seizedKg();
                boolean key = pl.kind().equals("market") || pl.kind().equals("production");
                Point2D q = p.project(pl.lon(), pl.lat());
                double symbol = pl.kind().equals("market") ? 12 : pl.kind().equals("production") ? 14 : 6;
                if (pl.seizedKg() > 0) symbol = Math.max(symbol, seizureDiameter(pl.seizedKg(), maxSeizedKg) + 2);
                // every place is an obstacle; only those that mattered get a name
                String text = kg > 0 || key ? shortName(pl.name()) : "";
                items.add(new Labels.Item(q.getX(), q.getY(), symbol, text, (key ? 1e15 : 0) + kg));
                named.add(pl);
            }
            Font plain = new Font(ChartStyle.FONT, Font.PLAIN, Math.round(size));
            Font bold = plain.deriveFont(Font.BOLD);
            FontMetrics fm = g2.getFontMetrics(plain);
            FontMetrics fmBold = g2.getFontMetrics(bold);
            List<Rectangle2D> boxes = Labels.place(items, t -> fmBold.stringWidth(t) + 2.0, fm.getHeight(), area,
                    List.of());
            Object aa = g2.getRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color backing = new Color(255, 255, 255, 175);
            for (int i = 0; i < items.size(); i++) {
                Rectangle2D b = boxes.get(i);
                if (b == null) continue;
                Font font = named.get(i).kind().equals("market") ? bold : plain;
                FontMetrics m = font == bold ? fmBold : fm;
                // a name moved out from its place gets a thin line to it
                Labels.Item it = items.get(i);
                double nx = Math.max(b.getMinX(), Math.min(it.x(), b.getMaxX()));
                double ny = Math.max(b.getMinY(), Math.min(it.y(), b.getMaxY()));
                double far = Math.hypot(nx - it.x(), ny - it.y());
                if (far > it.symbol() / 2 * Math.sqrt(2) + Labels.GAP + 2) {
                    g2.setPaint(LEADER);
                    g2.setStroke(new BasicStroke(0.8f));
                    double r = it.symbol() / 2 / far;
                    g2.draw(new Line2D.Double(it.x() + (nx - it.x()) * r, it.y() + (ny - it.y()) * r, nx, ny));
                }
                // a light backing (not a traced halo: that would be a long path per name in the SVG)
                g2.setPaint(backing);
                g2.fill(new java.awt.geom.RoundRectangle2D.Double(b.getMinX(), b.getMinY() + 1,
                        m.stringWidth(items.get(i).text()) + 2.0, b.getHeight() - 1, 4, 4));
                g2.setPaint(LABEL);
                g2.setFont(font);
                g2.drawString(items.get(i).text(), (float) b.getMinX() + 1, (float) (b.getMaxY() - m.getDescent()));
            }
            nations(g2, p, area, items, boxes);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, aa);
        }

        /**
         * The nations' names, in grey italics, where there is room once the places are named: each beside the
         * middle of its places on land (sea points and international waters left out).
         */
        private void nations(Graphics2D g2, World.Projector p, Rectangle2D area, List<Labels.Item> places,
                             List<Rectangle2D> placeBoxes) {
            Map<String, double[]> sum = new java.util.LinkedHashMap<>();
            Map<String, String> names = new HashMap<>();
            for (RouteFlows.PlaceRow pl : f.places()) {
                if (pl.international() || pl.kind().equals("sea")) continue;
                double[] s = sum.computeIfAbsent(pl.nation(), k -> new double[3]);
                s[0] += pl.lon();
                s[1] += pl.lat();
                s[2]++;
                names.put(pl.nation(), pl.nationName());
            }
            List<Labels.Item> items = new ArrayList<>();
            for (Map.Entry<String, double[]> e : sum.entrySet()) {
                double[] s = e.getValue();
                Point2D q = p.project(s[0] / s[2], s[1] / s[2]);
                items.add(new Labels.Item(q.getX(), q.getY(), 0, names.get(e.getKey()), s[2]));
            }
            List<Rectangle2D> obstacles = new ArrayList<>();
            for (Labels.Item it : places) obstacles.add(Labels.symbolBox(it));
            for (Rectangle2D b : placeBoxes) if (b != null) obstacles.add(b);
            Font font = new Font(ChartStyle.FONT, Font.ITALIC, Math.round(size + 1));
            FontMetrics m = g2.getFontMetrics(font);
            List<Rectangle2D> boxes = Labels.place(items, t -> m.stringWidth(t) + 2.0, m.getHeight(), area, obstacles);
            g2.setFont(font);
            g2.setPaint(NATION);
            for (int i = 0; i < items.size(); i++) {
                Rectangle2D b = boxes.get(i);
                if (b == null) continue;
                g2.drawString(items.get(i).text(), (float) b.getMinX() + 1, (float) (b.getMaxY() - m.getDescent()));
            }
        }
    }

    /** A place's name without its parenthesis: "Off Gorgona Island (Colombian waters)" is "Off Gorgona Island". */
    static String shortName(String name) {
        int paren = name.indexOf(" (");
        return paren > 0 ? name.substring(0, paren) : name;
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
