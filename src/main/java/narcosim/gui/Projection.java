package narcosim.gui;

import java.util.List;

import narcosim.scenario.Specs;
import narcosim.world.Place;
import sim.util.Double2D;

/**
 * Longitude and latitude to the map's field coordinates: an equirectangular projection around the
 * places' mid latitude (east-west distances shrink by cos(latitude)), north up, with a margin of
 * {@link #MARGIN_DEG} degrees around the places.
 */
public final class Projection {

    static final double MARGIN_DEG = 2.0;

    private final double minLon;
    private final double maxLon;
    private final double minLat;
    private final double maxLat;
    private final double cosLat;

    Projection(double minLon, double maxLon, double minLat, double maxLat) {
        this.minLon = minLon;
        this.maxLon = maxLon;
        this.minLat = minLat;
        this.maxLat = maxLat;
        this.cosLat = Math.cos(Math.toRadians((minLat + maxLat) / 2));
    }

    /** The smallest box holding every place, plus the margin. */
    public static Projection around(List<Specs.Place> places) {
        double w = Double.POSITIVE_INFINITY, e = Double.NEGATIVE_INFINITY;
        double s = Double.POSITIVE_INFINITY, n = Double.NEGATIVE_INFINITY;
        for (Specs.Place p : places) {
            w = Math.min(w, p.lon());
            e = Math.max(e, p.lon());
            s = Math.min(s, p.lat());
            n = Math.max(n, p.lat());
        }
        return new Projection(w - MARGIN_DEG, e + MARGIN_DEG, s - MARGIN_DEG, n + MARGIN_DEG);
    }

    public double width() {
        return (maxLon - minLon) * cosLat;
    }

    public double height() {
        return maxLat - minLat;
    }

    public Double2D point(double lon, double lat) {
        return new Double2D((lon - minLon) * cosLat, maxLat - lat);
    }

    public Double2D point(Place p) {
        return point(p.spec.lon(), p.spec.lat());
    }
}
