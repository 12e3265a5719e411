package narcosim.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import narcosim.experiment.Statistics;

/**
 * How well runs of a scenario meet a set of targets: per target, the model's mean over replicates with its 95%
 * interval, whether the mean lies in the target's accepted range, and the target's term in the loss; and the
 * loss, the sum of the terms over the targets fitted (held-out targets are reported, not summed).
 *
 * @param rows one per target, in the targets' order
 * @param loss sum of the fitted targets' terms
 */
public record Fit(List<Row> rows, double loss) {

    /**
     * One target's line of the fit table.
     *
     * @param target  the target
     * @param model   the model statistic's mean over replicates, with its 95% interval
     * @param within  whether the mean lies in the accepted range
     * @param term    ((mean - observed) / sd)^2
     * @param heldOut whether the target was left out of the loss (checked out of sample)
     */
    public record Row(Target target, Statistics.Estimate model, boolean within, double term, boolean heldOut) {
    }

    /**
     * The fit of runs to targets.
     *
     * @param targets  the targets
     * @param runs     each strategy's runs (its replicates' measures), by strategy id
     * @param years    the runs' campaign years
     * @param heldOut  ids of targets left out of the loss
     * @throws IllegalArgumentException when a target's strategy has no runs, or a statistic is undefined in
     *                                  every run
     */
    public static Fit of(Targets targets, Map<String, List<Map<String, Double>>> runs, double years,
                         Set<String> heldOut) {
        List<Row> rows = new ArrayList<>();
        double loss = 0;
        for (Target t : targets.targets()) {
            List<Map<String, Double>> r = runs.get(t.strategy());
            if (r == null || r.isEmpty()) {
                throw new IllegalArgumentException("no runs of strategy '" + t.strategy() + "' for target " + t.id());
            }
            double[] x = r.stream().mapToDouble(m -> t.statistic().of(m, years)).filter(v -> !Double.isNaN(v)).toArray();
            if (x.length == 0) {
                throw new IllegalArgumentException("target " + t.id() + ": " + t.statistic().text()
                        + " is undefined in every run (a share or ratio over zero)");
            }
            Statistics.Estimate e = Statistics.estimate(x, 0.95);
            double term = t.loss(e.mean());
            boolean out = heldOut.contains(t.id());
            if (!out) loss += term;
            rows.add(new Row(t, e, t.within(e.mean()), term, out));
        }
        return new Fit(List.copyOf(rows), loss);
    }
}
