package narcosim.gui;

import java.awt.geom.Point2D;
import java.util.List;

import narcosim.geo.Box;
import narcosim.geo.World;
import narcosim.scenario.Specs;
import narcosim.world.Place;
import sim.util.Double2D;

/**
 * Longitude and latitude to the map's field coordinates: an equirectangular projection around the
 * places' mid latitude (east-west distances shrink by cos(latitude)), north up. The field is the
 * places' bounding box plus a margin, widened on its short side to the map window's shape, so that the
 * whole scenario fills the window at zoom 1 whatever its size: a hemisphere or one valley.
 */
public final class Projection {

    /** Margin on each side, as a share of the places' larger extent (room for symbols and labels). */
    static final double MARGIN_SHARE = 0.08;
    /** Smallest margin, degrees: a scenario of a few nearby places still shows some coast around them. */
    static final double MIN_MARGIN_DEG = 0.5;

    private final double minLon;
    private final double maxLat;
    private final double width;
    private final double height;
    private final double cosLat;

    private Projection(double minLon, double maxLat, double width, double height, double cosLat) {
        this.minLon = minLon;
        this.maxLat = maxLat;
        this.width = width;
        this.height = height;
        this.cosLat = cosLat;
    }

    /**
     * The smallest box holding every place plus the margin, centred on the places and widened (east-west
     * or north-south) until width / height equals {@code aspect}.
     */
    public static Projection fit(List<Specs.Place> places, double aspect) {
        if (places.isEmpty() || !(aspect > 0)) throw new IllegalArgumentException("no places, or aspect " + aspect);
        double w = Double.POSITIVE_INFINITY, e = Double.NEGATIVE_INFINITY;
        double s = Double.POSITIVE_INFINITY, n = Double.NEGATIVE_INFINITY;
        for (Specs.Place p : places) {
            w = Math.min(w, p.lon());
            e = Math.max(e, p.lon());
            s = Math.min(s, p.lat());
            n = Math.max(n, p.lat());
        }
        double cosLat = Math.cos(Math.toRadians((s + n) / 2));
        // Extents in field units (degrees of latitude; longitude shrunk by cos(latitude)).
        double spanX = (e - w) * cosLat;
        double spanY = n - s;
        double margin = Math.max(MIN_MARGIN_DEG, MARGIN_SHARE * Math.max(spanX, spanY));
        double width = spanX + 2 * margin;
        double height = spanY + 2 * margin;
        if (width / height < aspect) width = height * aspect;
        else height = width / aspect;
        double midX = (w + e) / 2 * cosLat;
        double midY = (s + n) / 2;
        return new Projection(midX / cosLat - width / 2 / cosLat, midY + height / 2, width, height, cosLat);
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public Double2D point(double lon, double lat) {
        return new Double2D((lon - minLon) * cosLat, maxLat - lat);
    }

    public Double2D point(Place p) {
        return point(p.spec.lon(), p.spec.lat());
    }

    /**
     * The longitudes and latitudes the field shows, widened by {@code share} of its width and height on
     * every side (latitudes capped at the poles): what to fetch from {@link World#region} so that the land
     * reaches past the field's edges.
     */
    public Box box(double share) {
        double west = minLon - share * width / cosLat;
        double east = minLon + (1 + share) * width / cosLat;
        double north = Math.min(90, maxLat + share * height);
        double south = Math.max(-90, maxLat - (1 + share) * height);
        return new Box(west, south, east, Math.max(south, north));
    }

    /** Pixels of a longitude and latitude when the field is drawn {@code scaleX} by {@code scaleY} pixels a unit. */
    public World.Projector pixels(double scaleX, double scaleY) {
        return (lon, lat) -> new Point2D.Double((lon - minLon) * cosLat * scaleX, (maxLat - lat) * scaleY);
    }
}
