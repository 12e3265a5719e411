package narcosim.calibrate;

/**
 * One calibration target: a published figure, the model statistic it is held against, under which strategy, the
 * range accepted as agreeing with it and the standard error the fit's loss weighs it by.
 *
 * @param id        short name, unique in its file (lower-case letters, digits, '-')
 * @param statistic what of a run is compared with it
 * @param strategy  the strategy whose runs are compared
 * @param observed  the source's value, in {@code unit}
 * @param low       lower end of the range accepted as "within"
 * @param high      upper end of that range
 * @param sd        standard error of the observed value, for the loss ((model - observed) / sd)^2
 * @param unit      the unit of the value
 * @param window    the period the figure covers (whole campaign, campaign mean, final year)
 * @param source    where the figure comes from
 * @param verified  whether the figure was read in the source's own text
 * @param note      how the source's measure maps onto the model's, and caveats
 * @param line      line of the target in its file (for messages)
 */
public record Target(String id, Statistic statistic, String strategy, double observed, double low, double high,
                     double sd, String unit, String window, String source, boolean verified, String note, int line) {

    /** Whether a model value lies in the accepted range. */
    public boolean within(double model) {
        return model >= low && model <= high;
    }

    /** The target's term in the loss: the squared standardised distance of the model's mean from the figure. */
    public double loss(double modelMean) {
        double z = (modelMean - observed) / sd;
        return z * z;
    }
}
