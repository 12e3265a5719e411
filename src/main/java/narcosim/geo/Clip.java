package narcosim.geo;

import java.util.ArrayList;
import java.util.List;

/** Cutting rings and lines at the sides of a box (plane geometry on degrees). */
final class Clip {

    private Clip() {
    }

    /**
     * The part of a ring inside the box (Sutherland–Hodgman): for a ring that leaves and re-enters the box
     * the result runs along the box's side in between; null when less than a triangle is left.
     */
    static World.Ring ring(World.Ring r, Box b) {
        double[] x = r.lon();
        double[] y = r.lat();
        int n = x.length;
        for (int side = 0; side < 4 && n > 0; side++) {
            double[] nx = new double[2 * n];
            double[] ny = new double[2 * n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                int j = (i + n - 1) % n; // previous point
                boolean inI = inside(side, x[i], y[i], b);
                boolean inJ = inside(side, x[j], y[j], b);
                if (inI != inJ) {
                    double[] c = cross(side, x[j], y[j], x[i], y[i], b);
                    nx[m] = c[0];
                    ny[m++] = c[1];
                }
                if (inI) {
                    nx[m] = x[i];
                    ny[m++] = y[i];
                }
            }
            x = java.util.Arrays.copyOf(nx, m);
            y = java.util.Arrays.copyOf(ny, m);
            n = m;
        }
        return n >= 3 ? new World.Ring(x, y) : null;
    }

    private static boolean inside(int side, double x, double y, Box b) {
        return switch (side) {
            case 0 -> x >= b.west();
            case 1 -> x <= b.east();
            case 2 -> y >= b.south();
            default -> y <= b.north();
        };
    }

    /** Where the segment from (x0, y0) to (x1, y1) crosses the side's line. */
    private static double[] cross(int side, double x0, double y0, double x1, double y1, Box b) {
        double t = switch (side) {
            case 0 -> (b.west() - x0) / (x1 - x0);
            case 1 -> (b.east() - x0) / (x1 - x0);
            case 2 -> (b.south() - y0) / (y1 - y0);
            default -> (b.north() - y0) / (y1 - y0);
        };
        double[] c = {x0 + t * (x1 - x0), y0 + t * (y1 - y0)};
        // exactly on the side, whatever the rounding
        switch (side) {
            case 0 -> c[0] = b.west();
            case 1 -> c[0] = b.east();
            case 2 -> c[1] = b.south();
            default -> c[1] = b.north();
        }
        return c;
    }

    /** The pieces of an open line inside the box. */
    static List<World.Line> line(World.Line l, Box b) {
        return pieces(l.lon(), l.lat(), l.size() - 1, b, false);
    }

    /**
     * The pieces of a ring's outline inside the box, as open lines; edges along the antimeridian or the
     * south pole (where Natural Earth cuts land that goes on) are not coast and are left out.
     */
    static List<World.Line> coast(World.Ring r, Box b) {
        return pieces(r.lon(), r.lat(), r.size(), b, true);
    }

    private static List<World.Line> pieces(double[] x, double[] y, int segments, Box b, boolean skipCuts) {
        List<World.Line> out = new ArrayList<>();
        List<double[]> cur = new ArrayList<>();
        int n = x.length;
        for (int s = 0; s < segments; s++) {
            int e = (s + 1) % n;
            double x0 = x[s], y0 = y[s], x1 = x[e], y1 = y[e];
            double[] t = skipCuts && cut(x0, y0, x1, y1) ? null : liangBarsky(x0, y0, x1, y1, b);
            if (t == null) {
                flush(cur, out);
                continue;
            }
            double[] p = {x0 + t[0] * (x1 - x0), y0 + t[0] * (y1 - y0)};
            double[] q = {x0 + t[1] * (x1 - x0), y0 + t[1] * (y1 - y0)};
            if (t[0] > 0 || cur.isEmpty()) {
                flush(cur, out);
                cur.add(p);
            }
            cur.add(q);
            if (t[1] < 1) flush(cur, out);
        }
        flush(cur, out);
        return out;
    }

    private static boolean cut(double x0, double y0, double x1, double y1) {
        return (x0 == x1 && Math.abs(x0) >= 180) || (y0 == y1 && y0 <= -89.9);
    }

    private static void flush(List<double[]> cur, List<World.Line> out) {
        if (cur.size() >= 2) {
            double[] lon = new double[cur.size()];
            double[] lat = new double[cur.size()];
            for (int i = 0; i < cur.size(); i++) {
                lon[i] = cur.get(i)[0];
                lat[i] = cur.get(i)[1];
            }
            out.add(new World.Line(lon, lat));
        }
        cur.clear();
    }

    /** The parameters t0 <= t1 in [0, 1] of the segment's part inside the box, or null when none is. */
    private static double[] liangBarsky(double x0, double y0, double x1, double y1, Box b) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - b.west(), b.east() - x0, y0 - b.south(), b.north() - y0};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) return null;
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) t0 = Math.max(t0, t);
                else t1 = Math.min(t1, t);
            }
        }
        return t0 <= t1 ? new double[] {t0, t1} : null;
    }
}
