package narcosim.util;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for output files: the same value always gives the same text, on any machine. */
public final class Fmt {

    private static final MathContext SIG = new MathContext(7);

    private Fmt() {
    }

    /** Whole numbers as integers, others to 7 significant digits, no exponent, no trailing zeros. */
    public static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = new BigDecimal(v).round(SIG).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /**
     * A statistic in a summary table: as {@link #num}, but an empty cell where it is undefined (NaN: an sd or
     * interval of a single replicate, a ratio over nothing), which every CSV reader takes as missing.
     */
    public static String cell(double v) {
        return Double.isNaN(v) ? "" : num(v);
    }

    /** Any value of a parameter or record field, as text. */
    public static String any(Object o) {
        if (o instanceof Double d) return num(d);
        if (o instanceof Float f) return num(f);
        return String.valueOf(o);
    }
}
