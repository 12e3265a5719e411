package narcosim.gui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.function.Supplier;

import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.util.Bag;

/**
 * The week ({@link Week}) in the map's top left corner, on a white box, large enough for the back of a room;
 * it stays in the corner of the part in view when the map is zoomed or scrolled. Not clickable.
 */
final class WeekPortrayal extends FieldPortrayal2D {

    static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Color BOX = new Color(255, 255, 255, 215);

    private final transient Supplier<String> week;
    private volatile String drawn = "";

    WeekPortrayal(Supplier<String> week) {
        this.week = week;
        setField(new Object());
    }

    @Override
    public void draw(Object field, Graphics2D g, DrawInfo2D info) {
        String text = week.get();
        if (text == null || text.isEmpty()) return;
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        double x = info.clip.x + 8, y = info.clip.y + 8;
        Rectangle2D box = new Rectangle2D.Double(x, y, fm.stringWidth(text) + 12, fm.getHeight() + 6);
        g.setColor(BOX);
        g.fill(box);
        g.setColor(Color.DARK_GRAY);
        g.draw(box);
        g.setColor(Color.BLACK);
        g.drawString(text, (float) (x + 6), (float) (y + 3 + fm.getAscent()));
        drawn = text;
    }

    /** The text last drawn on the map. */
    String drawn() {
        return drawn;
    }

    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        // Nothing to inspect.
    }
}
