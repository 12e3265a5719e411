package narcosim.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.graphics2d.svg.SVGGraphics2D;

import narcosim.experiment.AtomicDirectory;

/** Writes a chart as PNG and SVG, each atomically; the same chart always gives the same bytes. */
public final class ChartFiles {

    /** Fixed so that SVG element ids do not depend on the clock (jfreesvg's default uses System.nanoTime). */
    static final String DEFS_PREFIX = "narcosim";

    private ChartFiles() {
    }

    /** Writes {@code base}.png and {@code base}.svg into {@code dir}; returns the two files. */
    public static List<Path> write(JFreeChart chart, Path dir, String base) throws IOException {
        return write(chart, dir, base, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** The same at another size (the route map is nearly square, so that degrees look alike both ways). */
    public static List<Path> write(JFreeChart chart, Path dir, String base, int width, int height) throws IOException {
        Path png = dir.resolve(base + ".png");
        Path svg = dir.resolve(base + ".svg");
        writePng(chart, png, width, height);
        writeSvg(chart, svg, width, height);
        return List.of(png, svg);
    }

    public static void writePng(JFreeChart chart, Path target) throws IOException {
        writePng(chart, target, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    public static void writePng(JFreeChart chart, Path target, int width, int height) throws IOException {
        AtomicDirectory.writeFile(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ChartUtilities.writeChartAsPNG(out, chart, width, height);
            }
        });
    }

    public static void writeSvg(JFreeChart chart, Path target) throws IOException {
        writeSvg(chart, target, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    public static void writeSvg(JFreeChart chart, Path target, int width, int height) throws IOException {
        String svg = svg(chart, width, height);
        AtomicDirectory.writeFile(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(svg);
            }
        });
    }

    /** The chart as a standalone SVG document. */
    public static String svg(JFreeChart chart) {
        return svg(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(DEFS_PREFIX);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGDocument();
    }
}
