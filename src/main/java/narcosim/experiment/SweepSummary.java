package narcosim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import narcosim.experiment.design.SobolIndex;
import narcosim.experiment.design.Sobol;
import narcosim.util.Fmt;

/**
 * A sweep's summaries: per design point, strategy and outcome of interest the mean over replicates
 * with its 95% interval (summary.csv); for Sobol designs first- and total-order indices with
 * bootstrap intervals per strategy and outcome (sensitivity.csv); for Morris designs mu*, mu and sigma of
 * the elementary effects with bootstrap intervals (screening.csv); for every design, the strategies' effects
 * against the reference and the parameters' effects, with intervals ({@link SweepEffects}, effects.csv).
 */
public final class SweepSummary {

    static final int RESAMPLES = 1000;

    private SweepSummary() {
    }

    public static void write(Path dir, Plan plan, Iterable<Map<String, String>> records) throws java.io.IOException {
        List<String> outcomes = plan.outcomes().isEmpty() ? List.of("delivered_kg_total", "seized_share",
                "mean_trust_final_year") : plan.outcomes();
        @SuppressWarnings("unchecked")
        List<String> strategies = (List<String>) plan.description().get("strategies");
        int points = plan.runs().stream().mapToInt(RunSpec::point).max().orElse(-1) + 1;
        // point -> strategy -> outcome -> replicate values
        Map<String, List<List<double[]>>> byStrategy = new LinkedHashMap<>();
        int reps = ((Number) plan.description().get("replicates")).intValue();
        for (String s : strategies) {
            List<List<double[]>> perPoint = new ArrayList<>();
            for (int p = 0; p < points; p++) {
                List<double[]> perOutcome = new ArrayList<>();
                for (int o = 0; o < outcomes.size(); o++) perOutcome.add(new double[reps]);
                perPoint.add(perOutcome);
            }
            byStrategy.put(s, perPoint);
        }
        Map<Integer, List<String>> pointValues = new LinkedHashMap<>();
        for (Map<String, String> r : records) {
            int p = Integer.parseInt(r.get("point"));
            int rep = Integer.parseInt(r.get("replicate"));
            if (!pointValues.containsKey(p)) pointValues.put(p, plan.varied().stream().map(r::get).toList());
            List<double[]> perOutcome = byStrategy.get(r.get("strategy")).get(p);
            for (int o = 0; o < outcomes.size(); o++) perOutcome.get(o)[rep] = Double.parseDouble(r.get(outcomes.get(o)));
        }
        List<String> header = new ArrayList<>(List.of("point", "strategy"));
        header.addAll(plan.varied());
        header.addAll(List.of("outcome", "n", "mean", "sd", "ci_low", "ci_high"));
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            for (String s : strategies) {
                for (int o = 0; o < outcomes.size(); o++) {
                    Statistics.Estimate e = Statistics.estimate(byStrategy.get(s).get(p).get(o), CompareSummary.CONFIDENCE);
                    List<String> row = new ArrayList<>(List.of(Integer.toString(p), s));
                    row.addAll(pointValues.get(p));
                    row.addAll(List.of(outcomes.get(o), Integer.toString(e.n()), Fmt.cell(e.mean()), Fmt.cell(e.sd()),
                            Fmt.cell(e.low()), Fmt.cell(e.high())));
                    rows.add(row);
                }
            }
        }
        Experiments.writeTable(dir.resolve("summary.csv"), header, rows);
        SweepEffects.write(dir, SweepEffects.compute(plan.description(), records));
        if (plan.morris() != null) writeScreening(dir, plan, strategies, outcomes, byStrategy, points);
        if (plan.sobol() == null) return;
        List<List<String>> sens = new ArrayList<>();
        for (String s : strategies) {
            for (int o = 0; o < outcomes.size(); o++) {
                double[] y = pointMeans(byStrategy.get(s), o, points);
                for (SobolIndex ix : Sobol.indices(plan.sobol(), y, RESAMPLES, CompareSummary.CONFIDENCE, 20261122L)) {
                    sens.add(List.of(s, outcomes.get(o), ix.factor(), Fmt.cell(ix.first()), Fmt.cell(ix.firstLow()),
                            Fmt.cell(ix.firstHigh()), Fmt.cell(ix.total()), Fmt.cell(ix.totalLow()), Fmt.cell(ix.totalHigh())));
                }
            }
        }
        Experiments.writeTable(dir.resolve("sensitivity.csv"), List.of("strategy", "outcome", "parameter", "first_order",
                "first_order_ci_low", "first_order_ci_high", "total_order", "total_order_ci_low", "total_order_ci_high"),
                sens);
    }

    /** The file of a Morris design's elementary-effects statistics. */
    public static final String SCREENING = "screening.csv";

    public static final List<String> SCREENING_HEADER = List.of("strategy", "outcome", "parameter", "trajectories",
            "levels", "delta", "mu_star", "mu_star_ci_low", "mu_star_ci_high", "mu", "mu_ci_low", "mu_ci_high", "sigma",
            "sigma_ci_low", "sigma_ci_high", "mu_star_noise", "above_noise");

    /**
     * screening.csv: per strategy, outcome and parameter, Morris's mu*, mu and sigma of the elementary effects
     * of the replicate means (in the outcome's unit per whole range of the parameter), with bootstrap
     * intervals over trajectories.
     */
    private static void writeScreening(Path dir, Plan plan, List<String> strategies, List<String> outcomes,
                                       Map<String, List<List<double[]>>> byStrategy, int points)
            throws java.io.IOException {
        narcosim.experiment.design.MorrisDesign d = plan.morris();
        List<List<String>> out = new ArrayList<>();
        for (String s : strategies) {
            for (int o = 0; o < outcomes.size(); o++) {
                double[] y = pointMeans(byStrategy.get(s), o, points);
                int reps = byStrategy.get(s).get(0).get(o).length;
                double[][] perReplicate = new double[reps][points];
                for (int p = 0; p < points; p++) {
                    double[] v = byStrategy.get(s).get(p).get(o);
                    for (int r = 0; r < reps; r++) perReplicate[r][p] = v[r];
                }
                double[] floor = narcosim.experiment.design.Morris.noiseFloor(d, perReplicate);
                List<narcosim.experiment.design.Morris.Index> ixs = narcosim.experiment.design.Morris.indices(d, y,
                        RESAMPLES, CompareSummary.CONFIDENCE, 20261122L);
                for (int i = 0; i < ixs.size(); i++) {
                    narcosim.experiment.design.Morris.Index ix = ixs.get(i);
                    String above = Double.isNaN(floor[i]) ? "" : Boolean.toString(ix.muStarLow() > floor[i]);
                    out.add(List.of(s, outcomes.get(o), ix.factor(), Integer.toString(d.trajectories()),
                            Integer.toString(d.levels()), Fmt.num(d.delta()), Fmt.cell(ix.muStar()),
                            Fmt.cell(ix.muStarLow()), Fmt.cell(ix.muStarHigh()), Fmt.cell(ix.mu()), Fmt.cell(ix.muLow()),
                            Fmt.cell(ix.muHigh()), Fmt.cell(ix.sigma()), Fmt.cell(ix.sigmaLow()), Fmt.cell(ix.sigmaHigh()),
                            Fmt.cell(floor[i]), above));
                }
            }
        }
        Experiments.writeTable(dir.resolve(SCREENING), SCREENING_HEADER, out);
    }

    /** The mean over replicates of outcome {@code o} at every design point (the input of Sobol and Morris). */
    private static double[] pointMeans(List<List<double[]>> perPoint, int o, int points) {
        double[] y = new double[points];
        for (int p = 0; p < points; p++) {
            double[] v = perPoint.get(p).get(o);
            double sum = 0;
            for (double x : v) sum += x;
            y[p] = sum / v.length;
        }
        return y;
    }
}
