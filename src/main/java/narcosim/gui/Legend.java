package narcosim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;

import javax.swing.JPanel;

/** The map's key, under the map: the same symbols and colour scales the map draws. */
final class Legend extends JPanel {

    private static final long serialVersionUID = 1L;

    Legend() {
        setPreferredSize(new Dimension(600, 92));
        setBackground(Color.WHITE);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        super.paintComponent(graphics);
        Graphics2D g = (Graphics2D) graphics;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(getFont().deriveFont(Font.PLAIN, 11f));
        int row1 = 16, row2 = 40, row3 = 80;
        // Row 1: places, with the trust scale.
        text(g, "Community trust in the state:", 8, row1);
        int x0 = 185;
        for (int i = 0; i <= 10; i++) {
            Glyphs.paint(g, Glyphs.circle(x0 + i * 13, row1 - 4, 11), Palette.trust(i / 10.0), Color.DARK_GRAY);
        }
        text(g, "0", x0 - 4, row1 + 11);
        text(g, "1", x0 + 128, row1 + 11);
        int x = x0 + 150;
        g.setColor(Palette.PRODUCTION);
        g.setStroke(new BasicStroke(2.5f));
        g.draw(Glyphs.circle(x, row1 - 4, 15));
        text(g, "coca zone", x + 12, row1);
        Glyphs.paint(g, Glyphs.square(x + 85, row1 - 4, 11), Palette.MARKET, Color.WHITE);
        text(g, "market", x + 95, row1);
        Glyphs.paint(g, Glyphs.circle(x + 150, row1 - 4, 6), Palette.UNPOPULATED, null);
        text(g, "sea point", x + 158, row1);

        // Row 2: links.
        text(g, "Routes: width = kg a week (recent);", 8, row2);
        text(g, "colour = military units watching the route:", 8, row2 + 13);
        int lx = 250;
        for (int i = 0; i <= Palette.PRESSURE_FULL; i++) {
            g.setColor(Palette.pressure(i));
            g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(lx + i * 46, row2 + 4, lx + i * 46 + 34, row2 + 4));
            text(g, i == 0 ? "none" : i == Palette.PRESSURE_FULL ? i + "+" : String.valueOf(i), lx + i * 46 + 8, row2 + 18);
        }

        // Row 3: things that move.
        int y = row3 + 2;
        Glyphs.paint(g, Glyphs.diamond(14, y - 4, 8), Palette.SHIPMENT, Color.WHITE);
        text(g, "shipment", 24, y);
        Glyphs.paint(g, Glyphs.triangle(104, y - 4, 11), Palette.MILITARY, Palette.MILITARY);
        text(g, "military unit", 114, y);
        Glyphs.paint(g, Glyphs.triangle(214, y - 4, 11), Color.WHITE, Palette.MILITARY);
        text(g, "surveillance", 224, y);
        Glyphs.paint(g, Glyphs.square(318, y - 4, 8), Palette.POLICE, Color.WHITE);
        text(g, "police unit", 328, y);
        Glyphs.paint(g, Glyphs.square(412, y - 4, 8), Palette.CORRUPT_POLICE, Color.WHITE);
        text(g, "corrupt police unit", 422, y);
    }

    private static void text(Graphics2D g, String s, double x, double y) {
        g.setColor(Color.BLACK);
        g.drawString(s, (float) x, (float) y);
    }
}
