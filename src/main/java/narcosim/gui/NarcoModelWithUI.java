package narcosim.gui;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.swing.JFrame;

import narcosim.geo.Labels;
import narcosim.model.NarcoModel;
import narcosim.scenario.Specs;
import narcosim.world.Place;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.portrayal.network.NetworkPortrayal2D;
import sim.portrayal.network.SpatialNetwork2D;
import sim.portrayal.simple.LabelledPortrayal2D;
import sim.util.Double2D;

/**
 * The classroom window around the headless {@link NarcoModel}: MASON's Console, a map display
 * (land, coast and borders, routes, places, shipments and forces), live charts, and the model inspector
 * with the strategy's budget shares and doctrine switches. The map and charts are refreshed by a step
 * MASON runs after each model week, outside the model's schedule, and only read the model: a run in the
 * window is the same run as {@code narcosim run} with the same seed.
 */
public final class NarcoModelWithUI extends GUIState {

    /** Width of the map, pixels at zoom 1. */
    static final int MAP_WIDTH = 640;
    /** Height of the map on a screen of 900 pixels or more; less on smaller screens. */
    static final int MAP_HEIGHT = 700;
    /** Screen height the map leaves free for its tool bar, legend and window border. */
    private static final int MAP_FRAME_EXTRA = 200;

    private final Controls controls;
    private final LiveCharts charts;
    private final LandPortrayal land = new LandPortrayal();
    private final NetworkPortrayal2D linkPortrayal = new NetworkPortrayal2D();
    private final ContinuousPortrayal2D placePortrayal = new ContinuousPortrayal2D();
    private final ContinuousPortrayal2D moverPortrayal = new ContinuousPortrayal2D();
    private final PlaceLabels placeLabels = new PlaceLabels();
    private double mapAspect = (double) MAP_WIDTH / MAP_HEIGHT;
    private MapView map;
    private Display2D display;
    private JFrame displayFrame;
    private JFrame chartFrame;
    private final WeekPortrayal weekPortrayal = new WeekPortrayal(() -> Week.label(model()));

    public NarcoModelWithUI(NarcoModel model) {
        super(model);
        this.controls = new Controls(model);
        this.charts = new LiveCharts(model.config().scenario().markets());
    }

    public static String getName() {
        return "narcosim classroom";
    }

    public NarcoModel model() {
        return (NarcoModel) state;
    }

    /** The map of the run in progress (null before the first start). */
    public MapView map() {
        return map;
    }

    public LiveCharts charts() {
        return charts;
    }

    public Controls controls() {
        return controls;
    }

    public Display2D display() {
        return display;
    }

    public JFrame displayFrame() {
        return displayFrame;
    }

    public JFrame chartFrame() {
        return chartFrame;
    }

    /** The week drawn in the map's corner. */
    WeekPortrayal weekPortrayal() {
        return weekPortrayal;
    }

    /**
     * The place names the map's last frame drew wholly in view, by place id (a name scrolled out of view,
     * or left out for want of room, is not there).
     */
    Map<String, String> namesInView() {
        return placeLabels.inView();
    }

    /** The places layer of the map (MASON maps its objects to screen positions). */
    ContinuousPortrayal2D placePortrayal() {
        return placePortrayal;
    }

    @Override
    public Object getSimulationInspectedObject() {
        return controls;
    }

    @Override
    public boolean isInspectorVolatile() {
        return true;
    }

    @Override
    public void start() {
        super.start();
        setup();
    }

    @Override
    public void load(SimState s) {
        super.load(s);
        setup();
    }

    /** Lays the started model out on the map and hooks the weekly refresh after the model's steps. */
    private void setup() {
        NarcoModel model = model();
        controls.applyPending();
        map = new MapView(model, mapAspect);
        charts.clear();
        land.setProjection(map.projection());
        linkPortrayal.setField(new SpatialNetwork2D(map.places(), map.links()));
        linkPortrayal.setPortrayalForAll(new Glyphs.LinkPortrayal(map));
        placePortrayal.setField(map.places());
        placeLabels.setMap(map);
        placePortrayal.setPortrayalForAll(placeLabels);
        moverPortrayal.setField(map.movers());
        moverPortrayal.setPortrayalForAll(new Glyphs.MoverPortrayal());
        scheduleRepeatingImmediatelyAfter((Steppable) s -> {
            map.update();
            charts.record(model);
        });
        if (display != null) {
            display.reset();
            display.repaint();
        }
    }

    /**
     * Place names beside the symbols, laid out so they do not overlap ({@link PlaceNames};
     * recomputed when the zoom changes). Places whose name finds no room are named only when selected.
     */
    private static final class PlaceLabels extends LabelledPortrayal2D {
        private static final long serialVersionUID = 1L;
        private static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);
        private static final Color HALO = new Color(255, 255, 255, 170);
        private transient MapView map;
        private transient double layoutScale = Double.NaN;
        private transient Map<PlaceView, PlaceNames.Placed> layout = new HashMap<>();
        /** Per place id, the name last drawn wholly inside the visible part of the map, and that part. */
        private final transient Map<String, Shown> inView = new ConcurrentHashMap<>();
        private transient volatile Rectangle2D lastClip;
        private static final Rectangle2D EVERYWHERE = new Rectangle2D.Double(-1e9, -1e9, 2e9, 2e9);

        private record Shown(String name, Rectangle2D clip) {
        }

        PlaceLabels() {
            super(new Glyphs.PlacePortrayal(), null);
        }

        void setMap(MapView map) {
            this.map = map;
            this.layoutScale = Double.NaN;
            inView.clear();
        }

        @Override
        public void draw(Object object, Graphics2D g, DrawInfo2D info) {
            child.draw(object, g, info);
            PlaceView v = (PlaceView) object;
            if (map == null) return;
            double scale = info.draw.width; // pixels per field unit
            g.setFont(FONT);
            FontMetrics fm = g.getFontMetrics();
            if (scale != layoutScale) {
                layout = layout(fm, scale);
                layoutScale = scale;
                inView.clear();
            }
            PlaceNames.Placed at = layout.get(v);
            Place p = v.place();
            Double2D pos = map.places().getObjectLocation(v);
            double ox = info.draw.x - pos.x * scale, oy = info.draw.y - pos.y * scale;
            Rectangle2D box;
            String name = at != null ? at.text() : p.spec.name();
            if (at != null) {
                box = new Rectangle2D.Double(ox + at.box().getX(), oy + at.box().getY(), at.box().getWidth(),
                        at.box().getHeight());
            } else if (info.selected) {
                double w = fm.stringWidth(name);
                box = new Rectangle2D.Double(info.draw.x + Glyphs.placeSize(p) / 2 + Labels.GAP,
                        info.draw.y - fm.getHeight() / 2.0, w, fm.getHeight());
            } else {
                inView.remove(p.spec.id());
                return;
            }
            Rectangle2D clip = info.clip == null ? EVERYWHERE : info.clip.getBounds2D();
            lastClip = clip;
            if (clip.contains(box)) inView.put(p.spec.id(), new Shown(name, clip));
            else inView.remove(p.spec.id());
            if (at != null && at.leader()) {
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(0.8f));
                double lx = Math.max(box.getMinX(), Math.min(info.draw.x, box.getMaxX()));
                double ly = Math.max(box.getMinY(), Math.min(info.draw.y, box.getMaxY()));
                g.draw(new Line2D.Double(info.draw.x, info.draw.y, lx, ly));
            }
            g.setColor(HALO);
            g.fill(box);
            g.setColor(Color.DARK_GRAY);
            g.drawString(name, (float) box.getX(), (float) (box.getMaxY() - fm.getDescent()));
        }

        /** The names drawn in view in the last frame (MASON draws only the places whose symbol is in view). */
        Map<String, String> inView() {
            Map<String, String> out = new HashMap<>();
            inView.forEach((id, s) -> {
                if (s.clip().equals(lastClip)) out.put(id, s.name());
            });
            return out;
        }

        private Map<PlaceView, PlaceNames.Placed> layout(FontMetrics fm, double scale) {
            List<PlaceView> views = map.placeViews();
            List<Labels.Item> items = new ArrayList<>();
            for (PlaceView v : views) {
                Place p = v.place();
                Double2D pos = map.places().getObjectLocation(v);
                items.add(PlaceNames.item(p.spec, pos.x * scale, pos.y * scale, Glyphs.placeSize(p) + 6));
            }
            List<PlaceNames.Placed> placed = PlaceNames.layout(items, fm::stringWidth, fm.getHeight(),
                    map.projection().width() * scale, map.projection().height() * scale);
            Map<PlaceView, PlaceNames.Placed> out = new HashMap<>();
            for (int i = 0; i < views.size(); i++) {
                if (placed.get(i) != null) out.put(views.get(i), placed.get(i));
            }
            return out;
        }
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        NarcoModel model = model();
        // The map takes the screen's left column; the field is fitted to its shape (Projection.fit).
        int screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds().height;
        int height = Math.max(360, Math.min(MAP_HEIGHT, screen - MAP_FRAME_EXTRA));
        mapAspect = (double) MAP_WIDTH / height;
        display = new Display2D(MAP_WIDTH, height, this);
        display.setBackdrop(Palette.OCEAN);
        // At zoom 1 the whole field is in view: scroll bars only once zoomed in.
        display.display.setHorizontalScrollBarPolicy(javax.swing.ScrollPaneConstants.HORIZONTAL_SCROLLBAR_AS_NEEDED);
        display.display.setVerticalScrollBarPolicy(javax.swing.ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED);
        display.setClipping(false);
        display.attach(land, "Land, coast and borders");
        display.attach(linkPortrayal, "Routes");
        // Places (and their names) on top, so that units crowding round a town never hide its name.
        display.attach(moverPortrayal, "Shipments and forces");
        display.attach(placePortrayal, "Places");
        display.attach(weekPortrayal, "Week");
        displayFrame = display.createFrame();
        displayFrame.setTitle("narcosim: " + model.config().scenario().name() + ", " + model.config().strategy().name());
        displayFrame.getContentPane().add(new Legend(), BorderLayout.SOUTH);
        displayFrame.pack();
        c.registerFrame(displayFrame);
        displayFrame.setVisible(true);
        chartFrame = charts.createFrame();
        chartFrame.setSize(780, 520);
        c.registerFrame(chartFrame);
        chartFrame.setVisible(true);
    }

    /** Zooms the map in, centred on the coca zones (MASON's scale box and scroll bars do the same by hand). */
    void zoom(double scale) {
        NarcoModel model = model();
        Projection p = Projection.fit(model.config().scenario().places(), mapAspect);
        double x = 0, y = 0;
        int n = 0;
        for (Specs.Place s : model.config().scenario().places()) {
            if (s.kind() != Specs.PlaceKind.PRODUCTION) continue;
            Double2D at = p.point(s.lon(), s.lat());
            x += at.x;
            y += at.y;
            n++;
        }
        display.setScale(scale);
        // Scroll positions are fractions of the scroll range (the field less the part in view).
        display.setScrollPosition(new Double2D(scroll(x / n / p.width(), scale), scroll(y / n / p.height(), scale)));
    }

    private static double scroll(double centre, double scale) {
        double view = 1 / scale;
        return Math.max(0, Math.min(1, (centre - view / 2) / (1 - view)));
    }

    @Override
    public void quit() {
        super.quit();
        if (displayFrame != null) displayFrame.dispose();
        if (chartFrame != null) chartFrame.dispose();
        displayFrame = null;
        chartFrame = null;
        display = null;
    }
}
