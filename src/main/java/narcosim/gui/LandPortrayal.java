package narcosim.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import narcosim.geo.World;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.util.Bag;

/**
 * The world behind the map: land, coastlines and country borders (Natural Earth 1:50m, {@link World}) of
 * the map's field and half as much again on every side (so that land still shows when zoomed out or
 * scrolled), projected like the places. The region is cut once per map; its Java2D paths are built in
 * pixels once per zoom (the Display's scale) and only moved when scrolled, so a frame only fills and
 * strokes them. Not clickable.
 */
final class LandPortrayal extends FieldPortrayal2D {

    /** How far the land reaches past the field on each side, as a share of the field's width and height. */
    static final double REACH = 0.5;
    private static final Stroke COAST = new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke BORDER = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {4f, 3f}, 0f);

    /** The map's projection and the world's land, coast and borders around its field. */
    private record Map(Projection projection, World.Region region) {
    }

    /** The paths in pixels at one scale, the field's top left corner at (0, 0). */
    record Paths(double scaleX, double scaleY, Path2D land, Path2D coast, Path2D borders) {
    }

    private volatile Map map;
    private volatile Paths paths;

    void setProjection(Projection p) {
        map = new Map(p, withoutSeams(World.get().region(p.box(REACH))));
        paths = null;
        setField(p);
    }

    /**
     * The region less the coast pieces that run straight from its west side to its east side. A few of
     * Natural Earth's rings step across the antimeridian from 180 to -180 within one edge (Fiji, Chukotka);
     * cut to a box, that edge becomes a line across the whole map, which is no coast.
     */
    static World.Region withoutSeams(World.Region r) {
        double west = r.box().west(), east = r.box().east();
        List<World.Line> coast = new ArrayList<>();
        for (World.Line l : r.coast()) {
            int from = 0;
            for (int i = 1; i <= l.size(); i++) {
                boolean seam = i < l.size() && (onSide(l.lon()[i - 1], west) && onSide(l.lon()[i], east)
                        || onSide(l.lon()[i - 1], east) && onSide(l.lon()[i], west));
                if (i == l.size() || seam) {
                    if (i - from >= 2) {
                        coast.add(new World.Line(Arrays.copyOfRange(l.lon(), from, i), Arrays.copyOfRange(l.lat(), from, i)));
                    }
                    from = i;
                }
            }
        }
        return new World.Region(r.box(), r.land(), coast, r.borders());
    }

    private static boolean onSide(double lon, double side) {
        return Math.abs(lon - side) < 1e-6;
    }

    /** The paths last drawn (null before the first frame of a map): built again only when the scale changes. */
    Paths paths() {
        return paths;
    }

    @Override
    public void draw(Object field, Graphics2D g, DrawInfo2D info) {
        Map m = map;
        if (m == null) return;
        double sx = info.draw.width / m.projection().width();
        double sy = info.draw.height / m.projection().height();
        Paths p = paths;
        if (p == null || p.scaleX() != sx || p.scaleY() != sy) {
            World.Projector px = m.projection().pixels(sx, sy);
            p = new Paths(sx, sy, m.region().landPath(px), m.region().coastPath(px), m.region().borderPath(px));
            paths = p;
        }
        AffineTransform saved = g.getTransform();
        Stroke stroke = g.getStroke();
        g.translate(info.draw.x, info.draw.y);
        g.setColor(Palette.LAND);
        g.fill(p.land());
        g.setStroke(BORDER);
        g.setColor(Palette.BORDER);
        g.draw(p.borders());
        g.setStroke(COAST);
        g.setColor(Palette.COAST);
        g.draw(p.coast());
        g.setTransform(saved);
        g.setStroke(stroke);
    }

    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        // The backdrop holds nothing to inspect.
    }
}
