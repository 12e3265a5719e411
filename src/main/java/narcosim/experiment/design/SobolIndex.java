package narcosim.experiment.design;

/**
 * First-order and total-order Sobol indices of one output for one factor, each with the bounds of its
 * bootstrap confidence interval. NaN where the output does not vary (the indices are then undefined).
 */
public record SobolIndex(String factor, double first, double firstLow, double firstHigh,
                         double total, double totalLow, double totalHigh) {
}
