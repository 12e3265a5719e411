package narcosim.experiment.design;

import java.util.List;

/**
 * One varied input: a continuous range [min, max] (optionally integer-valued), or a list of levels.
 * Designs work on the unit interval; {@link #at(double)} is the one place a unit coordinate becomes a
 * parameter value, so every design treats factors the same way. For a level factor {@code min} and
 * {@code max} are NaN and {@code integer} is false.
 */
public record Factor(String key, double min, double max, boolean integer, List<Object> levels) {

    public Factor {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("a factor needs a parameter key");
        if (levels != null && !levels.isEmpty()) {
            levels = List.copyOf(levels);
        } else {
            levels = null;
            if (!Double.isFinite(min) || !Double.isFinite(max)) {
                throw new IllegalArgumentException("range for " + key + " must have finite bounds, got ["
                        + min + ", " + max + "]");
            }
            if (!(min < max)) {
                throw new IllegalArgumentException("empty range for " + key + ": min must be below max, got ["
                        + min + ", " + max + "]");
            }
            if (integer && Math.ceil(min) > Math.floor(max)) {
                throw new IllegalArgumentException("integer range for " + key + " holds no integer: ["
                        + min + ", " + max + "]");
            }
        }
    }

    public static Factor range(String key, double min, double max, boolean integer) {
        return new Factor(key, min, max, integer, null);
    }

    /** A factor taking one of the given values; nulls are not allowed. */
    public static Factor levels(String key, List<Object> levels) {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("no levels for " + key + ": give at least one value");
        }
        return new Factor(key, Double.NaN, Double.NaN, false, levels);
    }

    /** True for a continuous (or integer) range, false for a list of levels. */
    public boolean isRange() {
        return levels == null || levels.isEmpty();
    }

    /**
     * Maps u in [0,1) to a value: {@code min + u (max - min)} as a Double, rounded to the nearest integer
     * within [min, max] as a Long when integer (so the end integers get half the weight of inner ones);
     * for level factors the level at {@code floor(u n)}, each level equally likely. u = 1 is accepted
     * and gives the top of the range or the last level.
     */
    public Object at(double u) {
        if (!(u >= 0 && u <= 1)) throw new IllegalArgumentException("unit coordinate for " + key + " must be in [0,1], got " + u);
        if (!isRange()) {
            int n = levels.size();
            return levels.get(Math.min((int) Math.floor(u * n), n - 1));
        }
        double x = min + u * (max - min);
        if (!integer) return Math.min(x, max);
        long lo = (long) Math.ceil(min);
        long hi = (long) Math.floor(max);
        return Math.max(lo, Math.min(hi, Math.round(x)));
    }
}
