package narcosim.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.List;

import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.util.Bag;
import sim.util.Double2D;

/** The land behind the map: the shipped coastline polygons, projected like the places. Not clickable. */
final class CoastPortrayal extends FieldPortrayal2D {

    private final List<Coastline.Polygon> polygons;
    private Projection projection;

    CoastPortrayal(List<Coastline.Polygon> polygons) {
        this.polygons = polygons;
    }

    void setProjection(Projection p) {
        this.projection = p;
        setField(p);
    }

    @Override
    public void draw(Object field, Graphics2D g, DrawInfo2D info) {
        if (projection == null) return;
        double sx = info.draw.width / projection.width();
        double sy = info.draw.height / projection.height();
        for (Coastline.Polygon poly : polygons) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < poly.lon().length; i++) {
                Double2D p = projection.point(poly.lon()[i], poly.lat()[i]);
                double x = info.draw.x + p.x * sx, y = info.draw.y + p.y * sy;
                if (i == 0) path.moveTo(x, y);
                else path.lineTo(x, y);
            }
            path.closePath();
            g.setColor(Palette.LAND);
            g.fill(path);
            g.setColor(Palette.COAST);
            g.setStroke(new BasicStroke(1f));
            g.draw(path);
        }
    }

    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        // The backdrop holds nothing to inspect.
    }
}
