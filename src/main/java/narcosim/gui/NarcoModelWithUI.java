package narcosim.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;

import javax.swing.JFrame;

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
 * (coastline, routes, places, shipments and forces), live charts, and the model inspector with the
 * strategy's budget shares and doctrine switches. The map and charts are refreshed by a step MASON runs
 * after each model week, outside the model's schedule, and only read the model: a run in the window is the
 * same run as {@code narcosim run} with the same seed.
 */
public final class NarcoModelWithUI extends GUIState {

    /** Places beyond this many are labelled only when selected, so names do not hide the map. */
    static final int LABEL_ALL_UP_TO = 20;

    private final Controls controls;
    private final LiveCharts charts = new LiveCharts();
    private final CoastPortrayal coast = new CoastPortrayal(Coastline.load());
    private final NetworkPortrayal2D linkPortrayal = new NetworkPortrayal2D();
    private final ContinuousPortrayal2D placePortrayal = new ContinuousPortrayal2D();
    private final ContinuousPortrayal2D moverPortrayal = new ContinuousPortrayal2D();
    private MapView map;
    private Display2D display;
    private JFrame displayFrame;
    private JFrame chartFrame;

    public NarcoModelWithUI(NarcoModel model) {
        super(model);
        this.controls = new Controls(model);
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
        map = new MapView(model);
        charts.clear();
        coast.setProjection(map.projection());
        linkPortrayal.setField(new SpatialNetwork2D(map.places(), map.links()));
        linkPortrayal.setPortrayalForAll(new Glyphs.LinkPortrayal(map));
        placePortrayal.setField(map.places());
        boolean few = map.placeViews().size() <= LABEL_ALL_UP_TO;
        placePortrayal.setPortrayalForAll(new PlaceLabels(!few));
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

    /** Place names beside the symbols; sea points are named only when selected. */
    private static final class PlaceLabels extends LabelledPortrayal2D {
        private static final long serialVersionUID = 1L;

        PlaceLabels(boolean onlyWhenSelected) {
            super(new Glyphs.PlacePortrayal(), 0, 12, -1, 1, new Font("SansSerif", Font.PLAIN, 11),
                    LabelledPortrayal2D.ALIGN_LEFT, null, Color.DARK_GRAY, onlyWhenSelected);
        }

        @Override
        public String getLabel(Object object, DrawInfo2D info) {
            Place p = ((PlaceView) object).place();
            boolean sea = p.spec.kind() == Specs.PlaceKind.SEA;
            return sea && !info.selected ? "" : p.spec.name();
        }
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        NarcoModel model = model();
        // Size the map to the places' box, about 640 pixels on its long side.
        Projection p = Projection.around(model.config().scenario().places());
        double scale = 640 / Math.max(p.width(), p.height());
        display = new Display2D(p.width() * scale, p.height() * scale, this);
        display.setBackdrop(Palette.OCEAN);
        display.setClipping(false);
        display.attach(coast, "Coastline");
        display.attach(linkPortrayal, "Routes");
        display.attach(placePortrayal, "Places");
        display.attach(moverPortrayal, "Shipments and forces");
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
        Projection p = Projection.around(model.config().scenario().places());
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
