package narcosim.report;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;

import org.jfree.chart.renderer.PaintScale;

/**
 * A sequential colour scale for heat maps, dark purple through teal to yellow (the anchors of matplotlib's
 * viridis), interpolated in CIELAB so that lightness rises steadily with the value: readable with any
 * colour-vision deficiency and in greyscale. Colours are computed here, not looked up from a table.
 */
public final class SequentialScale implements PaintScale, Serializable {

    private static final long serialVersionUID = 1L;

    /** Low, middle and high anchors (sRGB). */
    private static final Color[] ANCHORS = {new Color(0x440154), new Color(0x21908C), new Color(0xFDE725)};

    private final double lower;
    private final double upper;
    private final double[][] lab;

    public SequentialScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper > lower ? upper : lower + 1;
        this.lab = new double[ANCHORS.length][];
        for (int i = 0; i < ANCHORS.length; i++) lab[i] = toLab(ANCHORS[i]);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return colour(value);
    }

    public Color colour(double value) {
        if (Double.isNaN(value)) return Color.WHITE;
        double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
        double pos = t * (lab.length - 1);
        int i = Math.min(lab.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) c[k] = lab[i][k] + f * (lab[i + 1][k] - lab[i][k]);
        return fromLab(c);
    }

    /** CIE L* (0 to 100) of a colour: a dark cell gets white text, a light one black. */
    public static double lightness(Color c) {
        return toLab(c)[0];
    }

    // sRGB (D65) <-> CIELAB, IEC 61966-2-1 and CIE 15:2004

    private static final double XN = 0.95047;
    private static final double YN = 1.0;
    private static final double ZN = 1.08883;

    static double[] toLab(Color c) {
        double r = linear(c.getRed() / 255.0);
        double g = linear(c.getGreen() / 255.0);
        double b = linear(c.getBlue() / 255.0);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / XN;
        double y = (0.2126 * r + 0.7152 * g + 0.0722 * b) / YN;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / ZN;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    static Color fromLab(double[] lab) {
        double fy = (lab[0] + 16) / 116;
        double fx = fy + lab[1] / 500;
        double fz = fy - lab[2] / 200;
        double x = XN * fInv(fx);
        double y = YN * fInv(fy);
        double z = ZN * fInv(fz);
        double r = 3.2406 * x - 1.5372 * y - 0.4986 * z;
        double g = -0.9689 * x + 1.8758 * y + 0.0415 * z;
        double b = 0.0557 * x - 0.2040 * y + 1.0570 * z;
        return new Color(channel(r), channel(g), channel(b));
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int channel(double v) {
        double s = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, s)) * 255);
    }

    private static double f(double t) {
        double d = 6.0 / 29;
        return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
    }

    private static double fInv(double t) {
        double d = 6.0 / 29;
        return t > d ? t * t * t : 3 * d * d * (t - 4.0 / 29);
    }
}
