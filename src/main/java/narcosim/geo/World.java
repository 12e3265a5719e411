package narcosim.geo;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The world's land (polygons with their holes: lakes, inland seas) and land borders between countries,
 * from Natural Earth 1:50m (public domain) as simplified by {@code scripts/dev/world-map.js} into the
 * resource {@value #RESOURCE} (see the NOTICE beside it). Coordinates are degrees, accurate to about
 * 0.02 degrees (2 km); islands smaller than about 2.5 km across are left out.
 *
 * <p>{@link #get()} reads the resource once, on first use, and keeps it; a {@code World} is immutable and
 * safe to share between threads.
 */
public final class World {

    public static final String RESOURCE = "/narcosim/geo/world-50m.txt.gz";

    /** A closed ring of points (the last point joins the first; it is not repeated). */
    public record Ring(double[] lon, double[] lat) {
        public Ring {
            if (lon.length != lat.length) throw new IllegalArgumentException("lon and lat differ in length");
        }

        public int size() {
            return lon.length;
        }

        /** Signed area in square degrees, positive when the ring runs anticlockwise (east, then north). */
        public double area() {
            double s = 0;
            for (int i = 0, n = lon.length; i < n; i++) {
                int j = (i + 1) % n;
                s += lon[i] * lat[j] - lon[j] * lat[i];
            }
            return s / 2;
        }

        /** Whether the point is inside the ring (even-odd rule; a point on an edge may go either way). */
        public boolean contains(double x, double y) {
            boolean in = false;
            for (int i = 0, j = lon.length - 1; i < lon.length; j = i++) {
                if ((lat[i] > y) != (lat[j] > y)
                        && x < (lon[j] - lon[i]) * (y - lat[i]) / (lat[j] - lat[i]) + lon[i]) {
                    in = !in;
                }
            }
            return in;
        }
    }

    /** A land polygon: its outline and the holes in it. */
    public record Land(Ring outer, List<Ring> holes) {
        public Land {
            holes = List.copyOf(holes);
        }

        /** Whether the point is on this land (inside the outline and in no hole). */
        public boolean contains(double lon, double lat) {
            if (!outer.contains(lon, lat)) return false;
            for (Ring h : holes) if (h.contains(lon, lat)) return false;
            return true;
        }
    }

    /** An open line of points (a border, or a stretch of coast). */
    public record Line(double[] lon, double[] lat) {
        public Line {
            if (lon.length != lat.length) throw new IllegalArgumentException("lon and lat differ in length");
        }

        public int size() {
            return lon.length;
        }
    }

    /** Where a longitude and latitude go on a map (pixels, or any plane coordinates). */
    @FunctionalInterface
    public interface Projector {
        Point2D project(double lon, double lat);
    }

    /**
     * What of the world lies in a box: land polygons cut at the box's sides (fill them; their edges along
     * the sides are the cut, not coast, so clip to a box a little larger than what is shown), the coastline
     * inside the box (the land's outlines without the cut edges, to stroke), and the borders inside it.
     */
    public record Region(Box box, List<Land> land, List<Line> coast, List<Line> borders) {
        public Region {
            land = List.copyOf(land);
            coast = List.copyOf(coast);
            borders = List.copyOf(borders);
        }

        /** Whether the point is on land (within the box). */
        public boolean isLand(double lon, double lat) {
            for (Land l : land) if (l.contains(lon, lat)) return true;
            return false;
        }

        /** The land as one shape (even-odd, so that holes stay open), projected. */
        public Path2D.Double landPath(Projector p) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (Land l : land) {
                ring(path, l.outer(), p);
                for (Ring h : l.holes()) ring(path, h, p);
            }
            return path;
        }

        public Path2D.Double coastPath(Projector p) {
            return lines(coast, p);
        }

        public Path2D.Double borderPath(Projector p) {
            return lines(borders, p);
        }

        private static void ring(Path2D.Double path, Ring r, Projector p) {
            for (int i = 0; i < r.size(); i++) {
                Point2D q = p.project(r.lon()[i], r.lat()[i]);
                if (i == 0) path.moveTo(q.getX(), q.getY());
                else path.lineTo(q.getX(), q.getY());
            }
            path.closePath();
        }

        private static Path2D.Double lines(List<Line> lines, Projector p) {
            Path2D.Double path = new Path2D.Double();
            for (Line l : lines) {
                for (int i = 0; i < l.size(); i++) {
                    Point2D q = p.project(l.lon()[i], l.lat()[i]);
                    if (i == 0) path.moveTo(q.getX(), q.getY());
                    else path.lineTo(q.getX(), q.getY());
                }
            }
            return path;
        }
    }

    private final List<Land> land;
    private final List<Box> landBounds;
    private final List<Line> borders;
    private final List<Box> borderBounds;
    /** The longitudes and latitudes the data spans (a little past -180..180 where rings are unwrapped). */
    private final Box extent;

    private World(List<Land> land, List<Line> borders) {
        this.land = List.copyOf(land);
        this.borders = List.copyOf(borders);
        List<Box> lb = new ArrayList<>();
        for (Land l : land) lb.add(Box.around(l.outer().lon(), l.outer().lat(), 0));
        this.landBounds = List.copyOf(lb);
        List<Box> bb = new ArrayList<>();
        for (Line b : borders) bb.add(Box.around(b.lon(), b.lat(), 0));
        this.borderBounds = List.copyOf(bb);
        double w = -180;
        double e = 180;
        for (Box b : lb) {
            w = Math.min(w, b.west());
            e = Math.max(e, b.east());
        }
        for (Box b : bb) {
            w = Math.min(w, b.west());
            e = Math.max(e, b.east());
        }
        this.extent = new Box(w, -90, e, 90);
    }

    private static final class Holder {
        static final World WORLD = load();
    }

    /** The world data shipped with narcosim, read on first use and then kept. */
    public static World get() {
        return Holder.WORLD;
    }

    /** Every land polygon of the world, uncut. */
    public List<Land> land() {
        return land;
    }

    /** Every land border between two countries. */
    public List<Line> borders() {
        return borders;
    }

    /**
     * The land, coast and borders in {@code box}, cut at its sides. Where the box reaches past longitude
     * 180 or -180 the world repeats, shifted by 360 degrees.
     */
    public Region region(Box box) {
        List<Land> outLand = new ArrayList<>();
        List<Line> outCoast = new ArrayList<>();
        List<Line> outBorders = new ArrayList<>();
        // Rings that cross the antimeridian run on past 180 or -180 (see unwrap), so the data spans a little
        // more than 360 degrees: try every copy of the world, 360 degrees apart, that meets the box.
        Box world = extent;
        for (double shift = 360 * Math.ceil((world.west() - box.east()) / 360);
             shift <= 360 * Math.floor((world.east() - box.west()) / 360); shift += 360) {
            Box q = box.shifted(shift); // the box in the data's longitudes
            if (!q.intersects(world)) continue;
            for (int i = 0; i < land.size(); i++) {
                if (!landBounds.get(i).intersects(q)) continue;
                Land l = land.get(i);
                Ring outer = Clip.ring(l.outer(), q);
                if (outer == null) continue;
                List<Ring> holes = new ArrayList<>();
                for (Ring h : l.holes()) {
                    Ring c = Clip.ring(h, q);
                    if (c != null) holes.add(c);
                }
                outLand.add(shift(new Land(outer, holes), -shift));
                for (Line c : Clip.coast(l.outer(), q)) outCoast.add(shift(c, -shift));
                for (Ring h : l.holes()) for (Line c : Clip.coast(h, q)) outCoast.add(shift(c, -shift));
            }
            for (int i = 0; i < borders.size(); i++) {
                if (!borderBounds.get(i).intersects(q)) continue;
                for (Line c : Clip.line(borders.get(i), q)) outBorders.add(shift(c, -shift));
            }
        }
        return new Region(box, outLand, outCoast, outBorders);
    }

    private static Land shift(Land l, double d) {
        if (d == 0) return l;
        List<Ring> holes = new ArrayList<>();
        for (Ring h : l.holes()) holes.add(new Ring(add(h.lon(), d), h.lat()));
        return new Land(new Ring(add(l.outer().lon(), d), l.outer().lat()), holes);
    }

    private static Line shift(Line l, double d) {
        return d == 0 ? l : new Line(add(l.lon(), d), l.lat());
    }

    private static double[] add(double[] a, double d) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] + d;
        return out;
    }

    private static World load() {
        try (InputStream raw = World.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) throw new IllegalStateException(RESOURCE + " missing from the jar");
            return parse(new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the resource's text: one ring or line per row, {@code L} (a land outline), {@code H} (a hole in
     * the last outline) or {@code B} (a border), then the first point and the differences to each next
     * point, all in hundredths of a degree ({@code lon lat}).
     */
    static World parse(BufferedReader r) throws IOException {
        List<Land> land = new ArrayList<>();
        List<Line> borders = new ArrayList<>();
        Ring outer = null;
        List<Ring> holes = new ArrayList<>();
        int lineNo = 0;
        for (String row; (row = r.readLine()) != null; ) {
            lineNo++;
            if (row.isBlank() || row.startsWith("#")) continue;
            String[] f = row.trim().split(" ");
            if (f.length < 5 || f.length % 2 != 1) {
                throw new IllegalStateException("world map, row " + lineNo + ": odd number of coordinates");
            }
            int n = (f.length - 1) / 2;
            double[] lon = new double[n];
            double[] lat = new double[n];
            long x = 0;
            long y = 0;
            for (int i = 0; i < n; i++) {
                x += Long.parseLong(f[1 + 2 * i]);
                y += Long.parseLong(f[2 + 2 * i]);
                lon[i] = x / 100.0;
                lat[i] = y / 100.0;
            }
            if (!f[0].equals("B")) {
                double[][] u = unwrap(lon, lat);
                lon = u[0];
                lat = u[1];
            }
            switch (f[0]) {
                case "L" -> {
                    if (outer != null) land.add(new Land(outer, holes));
                    outer = new Ring(lon, lat);
                    holes = new ArrayList<>();
                }
                case "H" -> {
                    if (outer == null) {
                        throw new IllegalStateException("world map, row " + lineNo + ": a hole before any land");
                    }
                    holes.add(new Ring(lon, lat));
                }
                case "B" -> borders.add(new Line(lon, lat));
                default -> throw new IllegalStateException("world map, row " + lineNo + ": unknown kind " + f[0]);
            }
        }
        if (outer != null) land.add(new Land(outer, holes));
        return new World(land, borders);
    }

    /**
     * A ring whose edge jumps from longitude 180 to -180 (Natural Earth's Chukotka, Fiji, Antarctica) made
     * continuous: each point is moved by a multiple of 360 degrees to lie within 180 of the one before, so the
     * ring runs on past the antimeridian instead of drawing a line across the world. A ring that then ends
     * 360 degrees from where it began goes round a pole (Antarctica): it is closed along that pole.
     */
    static double[][] unwrap(double[] lon, double[] lat) {
        int n = lon.length;
        double[] x = lon.clone();
        for (int i = 1; i < n; i++) {
            while (x[i] - x[i - 1] > 180) x[i] -= 360;
            while (x[i] - x[i - 1] < -180) x[i] += 360;
        }
        if (Math.abs(x[n - 1] - x[0]) <= 180) return new double[][] {x, lat};
        // It goes round a pole: close it along the pole's latitude, on the side the ring lies.
        double mean = 0;
        for (double v : lat) mean += v;
        double pole = mean < 0 ? -90 : 90;
        // The last edge runs on to the first point's copy a turn away (Antarctica: on to 180), then down to
        // the pole, back a turn along it and up to the first point (those edges lie on +-180 and the pole, which
        // Clip.coast does not draw as coast).
        double turn = 360 * Math.rint((x[n - 1] - x[0]) / 360);
        double[] ox = java.util.Arrays.copyOf(x, n + 3);
        double[] oy = java.util.Arrays.copyOf(lat, n + 3);
        ox[n] = x[0] + turn;
        oy[n] = lat[0];
        ox[n + 1] = x[0] + turn;
        oy[n + 1] = pole;
        ox[n + 2] = x[0];
        oy[n + 2] = pole;
        return new double[][] {ox, oy};
    }
}
