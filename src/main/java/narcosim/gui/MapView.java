package narcosim.gui;

import java.util.ArrayList;
import java.util.List;

import narcosim.agents.MilitaryUnit;
import narcosim.agents.PoliceUnit;
import narcosim.agents.Shipment;
import narcosim.model.NarcoModel;
import narcosim.world.Link;
import narcosim.world.Place;
import sim.field.continuous.Continuous2D;
import sim.field.network.Network;
import sim.util.Double2D;

/**
 * The model laid out on the map, rebuilt after every week from what the model exposes: places at their
 * coordinates, links between them, shipments part-way along their link, military units beside the
 * link they watch and police units around their place. It only reads the model and draws no random
 * numbers (positions that would coincide are spread by index), so a run looks the same every time and
 * runs exactly as it would headless.
 */
public final class MapView {

    private final NarcoModel model;
    private final Projection projection;
    private final Continuous2D places;
    private final Continuous2D movers;
    private final Network links;
    private final List<PlaceView> placeViews = new ArrayList<>();
    private final List<LinkView> linkViews = new ArrayList<>();
    private double peakFlow;
    /** Per place (by index), its point on the map. */
    private final Double2D[] point;
    /** Per place, how far around it units may be drawn: a third of the way to its nearest neighbour. */
    private final double[] room;

    /** Builds the map of a started model, its field fitted to a window of shape {@code aspect} (width / height). */
    public MapView(NarcoModel model, double aspect) {
        this.model = model;
        this.projection = Projection.fit(model.config().scenario().places(), aspect);
        double w = projection.width();
        double h = projection.height();
        this.places = new Continuous2D(1.0, w, h);
        this.movers = new Continuous2D(1.0, w, h);
        this.links = new Network(true);
        point = new Double2D[model.network().places.size()];
        for (Place p : model.network().places) {
            PlaceView v = new PlaceView(p, model);
            placeViews.add(v);
            point[p.index] = projection.point(p);
            places.setObjectLocation(v, point[p.index]);
            links.addNode(v);
        }
        room = new double[placeViews.size()];
        for (Place p : model.network().places) {
            double nearest = Double.POSITIVE_INFINITY;
            for (Place q : model.network().places) {
                if (q != p) nearest = Math.min(nearest, point[p.index].distance(point[q.index]));
            }
            room[p.index] = nearest / 3;
        }
        for (Link l : model.network().links) {
            LinkView v = new LinkView(l, model);
            linkViews.add(v);
            links.addEdge(placeViews.get(l.from.index), placeViews.get(l.to.index), v);
        }
        update();
    }

    public Projection projection() {
        return projection;
    }

    public Continuous2D places() {
        return places;
    }

    public Continuous2D movers() {
        return movers;
    }

    public Network links() {
        return links;
    }

    public List<PlaceView> placeViews() {
        return placeViews;
    }

    public List<LinkView> linkViews() {
        return linkViews;
    }

    /**
     * Largest smoothed link flow seen so far in the run, kg a week: the lines' width scale, fixed after the
     * first weeks so that a route that dries up gets thin.
     */
    public double peakRecentFlow() {
        return peakFlow;
    }

    /** Reads the week just closed. */
    public void update() {
        for (LinkView v : linkViews) {
            v.update();
            peakFlow = Math.max(peakFlow, v.getRecentFlowKgWeek());
        }
        movers.clear();
        double spread = Math.min(projection.width(), projection.height()) / 150;
        for (Shipment s : model.shipments()) {
            if (s.done()) continue;
            Double2D at;
            if (s.on() == null) {
                at = offset(point[s.at().index], (int) (s.id % 12), spread);
            } else {
                Double2D a = point[s.on().from.index];
                Double2D b = point[s.on().to.index];
                double t = s.progress();
                at = new Double2D(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
            }
            movers.setObjectLocation(s, at);
        }
        int[] onLink = new int[linkViews.size()];
        for (MilitaryUnit u : model.campaign().military()) {
            Link l = u.post();
            if (l == null) continue;
            Double2D a = point[l.from.index];
            Double2D b = point[l.to.index];
            // Beside the middle of the link, one after another along it, never further out than a fraction
            // of the link's length (so a short link's units stay by it when zoomed in).
            double dx = b.x - a.x, dy = b.y - a.y;
            double len = Math.max(1e-9, Math.hypot(dx, dy));
            int k = onLink[l.index]++;
            double along = 0.5 + ((k % 5) - 2) * 0.08;
            double side = Math.min(spread * 2.5, len / 6) * (1 + k / 5);
            movers.setObjectLocation(u, new Double2D(a.x + along * dx - side * dy / len, a.y + along * dy + side * dx / len));
        }
        int[] atPlace = new int[placeViews.size()];
        for (PoliceUnit u : model.campaign().police()) {
            if (!u.active()) continue;
            int k = atPlace[u.place.index]++;
            movers.setObjectLocation(u, offset(point[u.place.index], k, Math.min(spread * 2.5, room[u.place.index])));
        }
    }

    /** The k-th point of rings around a centre: deterministic, so nothing draws random numbers. */
    private static Double2D offset(Double2D c, int k, double r) {
        int ring = 1 + k / 8;
        double angle = 2 * Math.PI * (k % 8) / 8 + ring * 0.4;
        return new Double2D(c.x + ring * r * Math.cos(angle), c.y + ring * r * Math.sin(angle));
    }
}
