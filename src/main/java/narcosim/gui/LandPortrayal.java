package narcosim.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;

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
        map = new Map(p, World.get().region(p.box(REACH)));
        paths = null;
        setField(p);
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
