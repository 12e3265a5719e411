package narcosim.experiment.design;

import java.util.List;
import java.util.Map;

/**
 * A Morris design (see {@link Morris#design}): {@code r} trajectories of k + 1 points each, trajectory by
 * trajectory; consecutive points of a trajectory differ in one factor by {@code delta} on the unit scale.
 *
 * @param factors the factors, in order
 * @param levels p, the number of grid levels of each factor's unit interval
 * @param delta the step on the unit scale, p / (2 (p - 1))
 * @param unit the points on the unit cube, {@code unit[point][factor]}
 * @param points the points as parameter values, one map per point
 */
public record MorrisDesign(List<Factor> factors, int trajectories, int levels, double delta, double[][] unit,
                           List<Map<String, Object>> points) {

    public MorrisDesign {
        factors = List.copyOf(factors);
        points = List.copyOf(points);
        if (unit.length != (long) trajectories * (factors.size() + 1) || points.size() != unit.length) {
            throw new IllegalArgumentException("a Morris design of " + trajectories + " trajectories over "
                    + factors.size() + " parameters has " + trajectories * (factors.size() + 1) + " points");
        }
    }

    /** The number of factors. */
    public int k() {
        return factors.size();
    }
}
