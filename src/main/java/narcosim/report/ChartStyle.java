package narcosim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.ui.RectangleEdge;

/**
 * The look shared by every narcosim chart: the Okabe–Ito colour-blind-safe palette, white background,
 * light grey grid, and fonts large enough to read when a chart is pasted into a report.
 */
public final class ChartStyle {

    /** Okabe & Ito (2008), "Color Universal Design"; yellow last because it is faint on white. */
    public static final Color[] OKABE_ITO = {
        new Color(0x000000), // black
        new Color(0xE69F00), // orange
        new Color(0x56B4E9), // sky blue
        new Color(0x009E73), // bluish green
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0xCC79A7), // reddish purple
        new Color(0xF0E442), // yellow
    };

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    static final String FONT = "SansSerif";
    static final Font TITLE = new Font(FONT, Font.BOLD, 20);
    static final Font SUBTITLE = new Font(FONT, Font.PLAIN, 14);
    static final Font AXIS_LABEL = new Font(FONT, Font.PLAIN, 15);
    static final Font TICK = new Font(FONT, Font.PLAIN, 13);
    static final Font LEGEND = new Font(FONT, Font.PLAIN, 14);
    static final Font ANNOTATION = new Font(FONT, Font.PLAIN, 13);
    static final Color GRID = new Color(0xDDDDDD);

    private ChartStyle() {
    }

    /** The colour of the i-th strategy (in the order of the experiment's design). */
    public static Color colour(int i) {
        return OKABE_ITO[i % OKABE_ITO.length];
    }

    /** Applies the common style; {@code subtitle} explains what bands, bars or markers mean. */
    public static JFreeChart style(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.getTitle().setFont(TITLE);
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(sub);
        }
        for (Object o : chart.getSubtitles()) {
            Title t = (Title) o;
            if (t instanceof LegendTitle legend) {
                legend.setItemFont(LEGEND);
                legend.setPosition(RectangleEdge.BOTTOM);
                legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            }
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            axis(xy.getDomainAxis());
            axis(xy.getRangeAxis());
            if (xy instanceof CombinedRangeXYPlot combined) {
                for (Object sub : combined.getSubplots()) axis(((XYPlot) sub).getDomainAxis());
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
            cat.setRangeGridlineStroke(new BasicStroke(1f));
            axis(cat.getDomainAxis());
            axis(cat.getRangeAxis());
        }
        return chart;
    }

    private static void axis(Axis a) {
        if (a == null) return; // a combined plot's own domain axis: its subplots have theirs
        a.setLabelFont(AXIS_LABEL);
        a.setTickLabelFont(TICK);
        a.setLabelPaint(Color.BLACK);
        a.setTickLabelPaint(Color.BLACK);
    }
}
