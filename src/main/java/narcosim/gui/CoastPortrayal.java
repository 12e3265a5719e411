package narcosim.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.util.Bag;
import sim.util.Double2D;

/** The land behind the map: the shipped coastline polygons, projected like the places. Not clickable. */
final class CoastPortrayal extends FieldPortrayal2D {

    private final List<Coastline.Polygon> polygons;
    private Projection projection;
    /** The polygons in field coordinates, projected once per map; drawing only scales them to the screen. */
    private List<Path2D> paths = List.of();

    CoastPortrayal(List<Coastline.Polygon> polygons) {
        this.polygons = polygons;
    }

    void setProjection(Projection p) {
        this.projection = p;
        List<Path2D> out = new ArrayList<>();
        for (Coastline.Polygon poly : polygons) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < poly.lon().length; i++) {
                Double2D at = p.point(poly.lon()[i], poly.lat()[i]);
                if (i == 0) path.moveTo(at.x, at.y);
                else path.lineTo(at.x, at.y);
            }
            path.closePath();
            out.add(path);
        }
        this.paths = out;
        setField(p);
    }

    @Override
    public void draw(Object field, Graphics2D g, DrawInfo2D info) {
        if (projection == null) return;
        AffineTransform toScreen = new AffineTransform(info.draw.width / projection.width(), 0, 0,
                info.draw.height / projection.height(), info.draw.x, info.draw.y);
        g.setStroke(new BasicStroke(1f));
        for (Path2D path : paths) {
            Shape s = toScreen.createTransformedShape(path);
            g.setColor(Palette.LAND);
            g.fill(s);
            g.setColor(Palette.COAST);
            g.draw(s);
        }
    }

    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        // The backdrop holds nothing to inspect.
    }
}
