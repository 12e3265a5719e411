package narcosim.experiment.design;

import java.util.List;
import java.util.Map;

/**
 * A Saltelli design (see {@link Designs#saltelli}): n base rows of k + 2 points each, ordered per base
 * row j as A_j, AB_1j..AB_kj, B_j. {@link Sobol#indices} relies on that order.
 */
public record SaltelliDesign(List<Factor> factors, int n, List<Map<String, Object>> points) {

    public SaltelliDesign {
        factors = List.copyOf(factors);
        points = List.copyOf(points);
        if (factors.size() < 2) throw new IllegalArgumentException("a Sobol design needs at least 2 parameters, got " + factors.size());
        if (n < 1) throw new IllegalArgumentException("a Sobol design needs at least 1 base sample, got " + n);
        if (points.size() != (long) n * (factors.size() + 2)) {
            throw new IllegalArgumentException("a Saltelli design with n=" + n + " and " + factors.size()
                    + " parameters has " + (long) n * (factors.size() + 2) + " points, got " + points.size());
        }
    }

    /** The number of factors. */
    public int k() {
        return factors.size();
    }
}
