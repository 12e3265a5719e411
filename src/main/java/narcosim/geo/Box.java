package narcosim.geo;

/**
 * A box of longitudes and latitudes, in degrees: {@code west <= east}, {@code south <= north}. Longitudes
 * may run past 180 or -180 (see the package notes on the antimeridian); latitudes are within -90 and 90.
 */
public record Box(double west, double south, double east, double north) {

    public Box {
        if (!(west <= east) || !(south <= north) || south < -90 || north > 90 || Double.isInfinite(west)
                || Double.isInfinite(east)) {
            throw new IllegalArgumentException("not a box: west " + west + ", south " + south + ", east " + east
                    + ", north " + north);
        }
    }

    /**
     * The smallest box holding the points, widened by {@code margin} degrees on every side (latitudes capped
     * at the poles).
     */
    public static Box around(double[] lons, double[] lats, double margin) {
        if (lons.length == 0 || lons.length != lats.length) throw new IllegalArgumentException("no points");
        double w = Double.POSITIVE_INFINITY, e = Double.NEGATIVE_INFINITY;
        double s = Double.POSITIVE_INFINITY, n = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lons.length; i++) {
            w = Math.min(w, lons[i]);
            e = Math.max(e, lons[i]);
            s = Math.min(s, lats[i]);
            n = Math.max(n, lats[i]);
        }
        return new Box(w - margin, Math.max(-90, s - margin), e + margin, Math.min(90, n + margin));
    }

    public double width() {
        return east - west;
    }

    public double height() {
        return north - south;
    }

    public boolean contains(double lon, double lat) {
        return lon >= west && lon <= east && lat >= south && lat <= north;
    }

    /** Whether the two boxes share any point (touching counts). */
    public boolean intersects(Box o) {
        return o.west <= east && o.east >= west && o.south <= north && o.north >= south;
    }

    /** This box moved east by {@code degrees}. */
    Box shifted(double degrees) {
        return new Box(west + degrees, south, east + degrees, north);
    }
}
