package narcosim.calibrate;

import narcosim.scenario.Param;

/**
 * One uncertain model parameter a calibration fits, with its prior range: the calibration searches the range
 * (uniformly on a linear or a log scale) and never leaves it. The parameter must be a real-valued uncertain model
 * parameter of the registry ({@link Param.Role#MODEL}): a calibration never fits a strategy's lever or a setting of
 * the run.
 *
 * @param param the registry's parameter
 * @param low   lower end of the prior range (within the registry's range)
 * @param high  upper end
 * @param log   whether the range is searched on a log scale (for ranges over an order of magnitude)
 * @param why   what the range rests on
 * @param line  line of the entry in its file (for messages)
 */
public record Prior(Param param, double low, double high, boolean log, String why, int line) {

    public String key() {
        return param.key();
    }

    /**
     * The parameter's value at position {@code u} in [0, 1] of its range (on its scale); a whole-number parameter's
     * value is rounded to the nearest whole number (the search then sees steps, which CMA-ES tolerates).
     */
    public double value(double u) {
        double c = Math.max(0, Math.min(1, u));
        double v = log ? Math.exp(Math.log(low) + c * (Math.log(high) - Math.log(low))) : low + c * (high - low);
        return param.type() == Param.Type.INTEGER ? Math.max(Math.ceil(low), Math.min(Math.floor(high), Math.rint(v))) : v;
    }

    /** A value's position in [0, 1] of the range (on its scale), clipped to the range. */
    public double position(double value) {
        double v = Math.max(low, Math.min(high, value));
        return log ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (v - low) / (high - low);
    }
}
