package narcosim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import narcosim.agents.MilitaryUnit;
import narcosim.agents.PoliceUnit;
import narcosim.scenario.Specs;
import narcosim.world.Place;
import sim.display.GUIState;
import sim.field.network.Edge;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimpleInspector;
import sim.portrayal.SimplePortrayal2D;
import sim.portrayal.network.EdgeDrawInfo2D;
import sim.portrayal.network.SimpleEdgePortrayal2D;

/**
 * How each thing is drawn on the map, in screen pixels (so zooming in spreads crowded symbols apart).
 * The legend draws the same shapes.
 */
final class Glyphs {

    private Glyphs() {
    }

    static Shape circle(double x, double y, double d) {
        return new Ellipse2D.Double(x - d / 2, y - d / 2, d, d);
    }

    static Shape square(double x, double y, double d) {
        return new Rectangle2D.Double(x - d / 2, y - d / 2, d, d);
    }

    static Shape triangle(double x, double y, double d) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, y - d * 0.6);
        p.lineTo(x + d * 0.55, y + d * 0.4);
        p.lineTo(x - d * 0.55, y + d * 0.4);
        p.closePath();
        return p;
    }

    static Shape diamond(double x, double y, double d) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, y - d / 2);
        p.lineTo(x + d / 2, y);
        p.lineTo(x, y + d / 2);
        p.lineTo(x - d / 2, y);
        p.closePath();
        return p;
    }

    static void paint(Graphics2D g, Shape s, Color fill, Color edge) {
        g.setColor(fill);
        g.fill(s);
        if (edge != null) {
            g.setStroke(new BasicStroke(1f));
            g.setColor(edge);
            g.draw(s);
        }
    }

    /** Size of a place's symbol, pixels. */
    static double placeSize(Place p) {
        if (p.isMarket()) return 14;
        if (p.spec.kind() == Specs.PlaceKind.SEA) return 6;
        return 9 + Math.min(9, Math.sqrt(p.spec.population() / 20000.0) * 3);
    }

    /** A place: a circle coloured by its residents' trust; markets black squares; sea points small grey dots. */
    static final class PlacePortrayal extends SimplePortrayal2D {
        private static final long serialVersionUID = 1L;

        @Override
        public void draw(Object object, Graphics2D g, DrawInfo2D info) {
            PlaceView v = (PlaceView) object;
            Place p = v.place();
            double d = placeSize(p);
            double x = info.draw.x, y = info.draw.y;
            if (p.isMarket()) {
                paint(g, square(x, y, d), Palette.MARKET, Color.WHITE);
            } else if (v.community() == null) {
                paint(g, circle(x, y, d), Palette.UNPOPULATED, null);
            } else {
                paint(g, circle(x, y, d), Palette.trust(v.community().meanTrust()), Color.DARK_GRAY);
                if (p.isProduction()) {
                    g.setColor(Palette.PRODUCTION);
                    g.setStroke(new BasicStroke(2.5f));
                    g.draw(circle(x, y, d + 5));
                }
            }
            if (info.selected) {
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(2f));
                g.draw(circle(x, y, d + 10));
            }
        }

        @Override
        public boolean hitObject(Object object, DrawInfo2D range) {
            double d = placeSize(((PlaceView) object).place()) + 4;
            return circle(range.draw.x, range.draw.y, d).intersects(range.clip);
        }
    }

    /** A link: width grows with recent flow, colour with the military units watching it (interdiction pressure). */
    static final class LinkPortrayal extends SimpleEdgePortrayal2D {
        private static final long serialVersionUID = 1L;
        private final MapView map;

        LinkPortrayal(MapView map) {
            this.map = map;
        }

        static float width(double kg, double max) {
            return (float) (1 + (max <= 0 ? 0 : 9 * Math.sqrt(kg / max)));
        }

        @Override
        public void draw(Object object, Graphics2D g, DrawInfo2D info) {
            LinkView v = (LinkView) ((Edge) object).info;
            EdgeDrawInfo2D e = (EdgeDrawInfo2D) info;
            g.setColor(Palette.pressure(v.getUnitsWatching()));
            g.setStroke(new BasicStroke(width(v.getRecentFlowKgWeek(), map.peakRecentFlow()), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(e.draw.x, e.draw.y, e.secondPoint.x, e.secondPoint.y));
        }

        @Override
        public boolean hitObject(Object object, DrawInfo2D range) {
            EdgeDrawInfo2D e = (EdgeDrawInfo2D) range;
            Line2D line = new Line2D.Double(e.draw.x, e.draw.y, e.secondPoint.x, e.secondPoint.y);
            double cx = range.clip.getCenterX(), cy = range.clip.getCenterY();
            return line.ptSegDist(cx, cy) < 4;
        }

        @Override
        public String getName(LocationWrapper w) {
            return String.valueOf(route(w));
        }

        /** Clicking a route inspects the route itself (flow, capacity, risk, units), not MASON's edge. */
        @Override
        public Inspector getInspector(LocationWrapper w, GUIState gui) {
            return new SimpleInspector(route(w), gui, "Route");
        }

        /** MASON hands over the edge or, in some paths, the edge's info: the route either way. */
        private static Object route(LocationWrapper w) {
            Object o = w.getObject();
            return o instanceof Edge e ? e.info : o;
        }
    }

    /** Shipments (black diamonds), military units (blue triangles) and police units (green or, corrupt, purple squares). */
    static final class MoverPortrayal extends SimplePortrayal2D {
        private static final long serialVersionUID = 1L;

        private static Shape shape(Object o, double x, double y) {
            if (o instanceof MilitaryUnit) return triangle(x, y, 9);
            if (o instanceof PoliceUnit) return square(x, y, 6);
            return diamond(x, y, 6);
        }

        @Override
        public void draw(Object object, Graphics2D g, DrawInfo2D info) {
            Shape s = shape(object, info.draw.x, info.draw.y);
            if (object instanceof MilitaryUnit u) {
                boolean watchOnly = u.type == MilitaryUnit.Type.SURVEILLANCE;
                paint(g, s, watchOnly ? Color.WHITE : Palette.MILITARY, Palette.MILITARY);
            } else if (object instanceof PoliceUnit u) {
                paint(g, s, u.corrupt() ? Palette.CORRUPT_POLICE : Palette.POLICE, Color.WHITE);
            } else {
                paint(g, s, Palette.SHIPMENT, Color.WHITE);
            }
        }

        @Override
        public boolean hitObject(Object object, DrawInfo2D range) {
            return shape(object, range.draw.x, range.draw.y).intersects(range.clip);
        }
    }
}
