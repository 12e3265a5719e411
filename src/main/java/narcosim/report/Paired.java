package narcosim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import narcosim.experiment.CompareSummary;
import narcosim.experiment.ExperimentDir;
import narcosim.experiment.Statistics;

/**
 * The replicate runs of a comparison, strategy by strategy and replicate by replicate (runs.csv), for the
 * statements of report.html that pair two strategies: a strategy against the baseline (as summary.csv and the
 * terminal table state it, with {@link Statistics} and {@link CompareSummary}) and the best strategy against the
 * next best. Replicate r has the same seed under every strategy, so differences are taken run by run.
 */
final class Paired {

    private final List<String> strategies;
    private final String baseline;
    private final String noCampaign;
    private final int replicates;
    /** strategy -> column -> value per replicate */
    private final Map<String, Map<String, double[]>> values = new HashMap<>();
    private final List<Map<String, String>> rows = new ArrayList<>();

    private Paired(List<String> strategies, String baseline, String noCampaign, int replicates) {
        this.strategies = strategies;
        this.baseline = baseline;
        this.noCampaign = noCampaign;
        this.replicates = replicates;
    }

    /** Reads runs.csv of a comparison. */
    static Paired of(Results r) {
        int reps = 0;
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> row : ExperimentDir.records(r.dir().resolve(ExperimentDir.RUNS))) {
            rows.add(row);
            reps = Math.max(reps, Integer.parseInt(row.get("replicate")) + 1);
        }
        Paired p = new Paired(r.strategies(), r.baseline(), r.noCampaign(), reps);
        p.rows.addAll(rows);
        return p;
    }

    /** Whether the comparison has a strategy without a campaign to count costs per kg kept off against. */
    /**
     * Whether a strategy keeps a measurable amount off the market: its paired change in delivered kg against the
     * strategy without a campaign has a 95% interval below zero (a cost per kg over a saving the replicates cannot
     * tell from none is a ratio of noise, however narrow its bootstrap interval looks).
     */
    boolean keepsMeasurablyOff(String strategy) {
        if (noCampaign == null || !has("delivered_kg_total")) return false;
        Statistics.Estimate d = difference(strategy, noCampaign, "delivered_kg_total");
        return d.high() < 0;
    }

    boolean hasNoCampaign() {
        return noCampaign != null;
    }

    int replicates() {
        return replicates;
    }

    /** A column's value per replicate under a strategy (NaN where runs.csv has none). */
    double[] values(String strategy, String column) {
        return values.computeIfAbsent(strategy, k -> new HashMap<>()).computeIfAbsent(column, c -> {
            double[] x = new double[replicates];
            Arrays.fill(x, Double.NaN);
            for (Map<String, String> row : rows) {
                if (!strategy.equals(row.get("strategy"))) continue;
                String v = row.get(c);
                if (v != null && !v.isEmpty()) x[Integer.parseInt(row.get("replicate"))] = Double.parseDouble(v);
            }
            return x;
        });
    }

    boolean has(String column) {
        return !rows.isEmpty() && rows.get(0).containsKey(column);
    }

    /** The mean of a column under a strategy, with its 95% t interval over replicates. */
    Statistics.Estimate estimate(String strategy, String column) {
        return Statistics.estimate(values(strategy, column), CompareSummary.CONFIDENCE);
    }

    /** The paired difference a − b of a column (stored units), with its 95% t interval. */
    Statistics.Estimate difference(String a, String b, String column) {
        return Statistics.estimate(Statistics.differences(values(a, column), values(b, column)),
                CompareSummary.CONFIDENCE);
    }

    /**
     * The cost per kg kept off the market under a strategy, as summary.csv and the terminal table state it:
     * its spend over the baseline's / the kg it kept off the market, paired by replicate, with a bootstrap
     * interval; the mean is NaN when the strategy kept nothing off (delivered as much or more).
     */
    Statistics.Estimate costPerKg(String strategy) {
        if (noCampaign == null) return new Statistics.Estimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        List<String> columns = List.of("spend_usd_total", "delivered_kg_total");
        CompareSummary s = new CompareSummary(rows, strategies, columns, baseline, noCampaign, replicates);
        Statistics.Estimate e = s.costPerKg(strategy);
        // as summary.csv holds it (and the terminal prints it), so the page shows the same number
        return new Statistics.Estimate(e.n(), held(e.mean()), e.sd(), held(e.low()), held(e.high()));
    }

    private static double held(double v) {
        return Double.isNaN(v) ? v : Double.parseDouble(narcosim.util.Fmt.cell(v));
    }
}
