package narcosim.util;

import java.util.Locale;

/**
 * A quantity left its valid range: it became non-finite or negative, or a kilogram total overflowed.
 * Thrown where the quantity lives (a place's harvest and stock, a cartel's stock, the model's totals);
 * the model adds the week and the run's parameters and rethrows it as a {@code model.ModelStateException}
 * (ODD 7.21). It lives here, below every package, so that {@code world} can check its own quantities
 * without depending on the model.
 */
public class StateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String problem;

    /** What went wrong, in words (the quantity, its value, what a valid value is); the model adds when. */
    public StateException(String problem) {
        super(problem);
        this.problem = problem;
    }

    /** For a subclass whose message adds to the problem (when it happened, the parameters). */
    protected StateException(String problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    /** The quantity and what was wrong with it, without the week and the parameters. */
    public String problem() {
        return problem;
    }

    /** A value for a message: plain when moderate, in scientific notation when huge or tiny. */
    public static String show(double v) {
        if (Double.isFinite(v) && v != 0 && (Math.abs(v) >= 1e9 || Math.abs(v) < 1e-4)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return Fmt.num(v);
    }

    // ------------------------------------------------------------------ checked arithmetic for kilograms

    /** {@code a + b} for kilogram totals, or a failure naming {@code what} if it overflows. */
    public static long addKg(long a, long b, String what) {
        return addKg(a, b, what, "");
    }

    /** As {@link #addKg(long, long, String)}, naming {@code what + where} (joined only on failure). */
    public static long addKg(long a, long b, String what, String where) {
        long r = a + b;
        // Overflow iff both operands have the sign opposite to the result (Math.addExact's test).
        if (((a ^ r) & (b ^ r)) < 0) {
            throw new StateException(what + where + " overflowed 64-bit arithmetic (" + a + " + " + b + " kg)");
        }
        return r;
    }

    /**
     * Whole kilograms of a non-negative finite quantity below 2^62, or a failure naming {@code what + where}.
     */
    public static long wholeKg(double kg, String what, String where) {
        if (!(kg >= 0) || kg >= 0x1p62) {
            throw new StateException(what + where + " is " + show(kg) + " kg (valid: a finite number from 0 to "
                    + show(0x1p62) + ")");
        }
        return (long) Math.floor(kg);
    }
}
