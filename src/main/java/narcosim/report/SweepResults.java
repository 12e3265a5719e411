package narcosim.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import narcosim.experiment.ExperimentDir;

/**
 * What the sweep charts and report read from a finished sweep directory: the design from the manifest,
 * the per-point means of summary.csv and, for Sobol designs, sensitivity.csv.
 */
public final class SweepResults {

    public static final String SENSITIVITY = "sensitivity.csv";

    /** A varied parameter: its levels (grid designs) or its range (Latin hypercube and Sobol designs). */
    public record Factor(String key, List<String> levels, double min, double max) {
        public boolean isGrid() {
            return levels != null;
        }

        /** The range or the levels, for a table. */
        public String describe() {
            return isGrid() ? "levels " + String.join(", ", levels)
                    : "from " + HtmlReport.num(min) + " to " + HtmlReport.num(max);
        }
    }

    /** One design point's mean over replicates of one outcome under one strategy. */
    public record Cell(int point, String strategy, List<String> values, String outcome, int n, double mean, double sd) {
    }

    /** First- and total-order Sobol indices of one parameter for one strategy and outcome, with 95% intervals. */
    public record Index(String strategy, String outcome, String parameter, double first, double firstLow,
                        double firstHigh, double total, double totalLow, double totalHigh) {
    }

    private final Results results;
    private final Map<String, Object> design;
    private final List<Factor> factors;
    private final List<String> strategies;
    private final List<String> outcomes;
    private final List<Cell> cells;
    private final List<Index> indices;

    private SweepResults(Results results, Map<String, Object> design, List<Factor> factors, List<String> strategies,
            List<String> outcomes, List<Cell> cells, List<Index> indices) {
        this.results = results;
        this.design = design;
        this.factors = factors;
        this.strategies = strategies;
        this.outcomes = outcomes;
        this.cells = cells;
        this.indices = indices;
    }

    /**
     * Reads a finished sweep directory ({@link Results#open} checked that it is finished).
     *
     * @throws Results.IncompleteResults when the design, summary.csv or sensitivity.csv do not fit together
     */
    @SuppressWarnings("unchecked")
    public static SweepResults open(Results r) throws Results.IncompleteResults {
        Map<String, Object> manifest;
        try {
            manifest = new ExperimentDir(r.dir()).readManifest();
        } catch (java.io.IOException e) {
            throw new Results.IncompleteResults(r.dir() + ": cannot read " + ExperimentDir.MANIFEST + " (" + e.getMessage() + ")");
        }
        Map<String, Object> design = manifest.get("design") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<Factor> factors = new ArrayList<>();
        if (design.get("parameters") instanceof List<?> ps) {
            for (Object o : ps) {
                if (!(o instanceof Map<?, ?> p) || p.get("key") == null) continue;
                if (p.get("levels") instanceof List<?> lv) {
                    factors.add(new Factor(String.valueOf(p.get("key")), lv.stream().map(String::valueOf).toList(),
                            Double.NaN, Double.NaN));
                } else if (p.get("min") instanceof Number lo && p.get("max") instanceof Number hi) {
                    factors.add(new Factor(String.valueOf(p.get("key")), null, lo.doubleValue(), hi.doubleValue()));
                }
            }
        }
        List<String> strategies = design.get("strategies") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : List.of();
        Path summary = r.dir().resolve(Results.SUMMARY);
        List<Cell> cells = new ArrayList<>();
        Set<String> outcomes = new LinkedHashSet<>();
        int line = 1;
        try {
            for (Map<String, String> row : ExperimentDir.records(summary)) {
                line++;
                List<String> values = new ArrayList<>();
                for (Factor f : factors) {
                    String v = row.get(f.key());
                    if (v == null) throw new IllegalArgumentException("no column " + f.key());
                    values.add(v);
                }
                String outcome = need(row, "outcome");
                outcomes.add(outcome);
                cells.add(new Cell(Integer.parseInt(need(row, "point")), need(row, "strategy"), List.copyOf(values), outcome,
                        Integer.parseInt(need(row, "n")), Double.parseDouble(need(row, "mean")),
                        row.get("sd") == null || row.get("sd").isEmpty() ? Double.NaN : Double.parseDouble(row.get("sd"))));
            }
        } catch (RuntimeException e) {
            throw new Results.IncompleteResults(summary + ":" + line + ": not a sweep summary (" + e.getMessage() + ")");
        }
        List<Index> indices = new ArrayList<>();
        boolean sobol = "sobol".equals(r.kind());
        Path sens = r.dir().resolve(SENSITIVITY);
        if (sobol && !Files.isRegularFile(sens)) {
            throw new Results.IncompleteResults(r.dir() + " is incomplete: a Sobol sweep without " + SENSITIVITY
                    + " (run narcosim merge " + r.dir() + ")");
        }
        if (Files.isRegularFile(sens)) {
            line = 1;
            try {
                for (Map<String, String> row : ExperimentDir.records(sens)) {
                    line++;
                    indices.add(new Index(need(row, "strategy"), need(row, "outcome"), need(row, "parameter"),
                            d(row, "first_order"), d(row, "first_order_ci_low"), d(row, "first_order_ci_high"),
                            d(row, "total_order"), d(row, "total_order_ci_low"), d(row, "total_order_ci_high")));
                }
            } catch (RuntimeException e) {
                throw new Results.IncompleteResults(sens + ":" + line + ": not a sensitivity table (" + e.getMessage() + ")");
            }
        }
        return new SweepResults(r, design, List.copyOf(factors), strategies.isEmpty()
                ? cells.stream().map(Cell::strategy).distinct().toList() : strategies, List.copyOf(outcomes),
                List.copyOf(cells), List.copyOf(indices));
    }

    private static double d(Map<String, String> row, String key) {
        String v = need(row, key);
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    private static String need(Map<String, String> row, String key) {
        String v = row.get(key);
        if (v == null) throw new IllegalArgumentException("no column " + key);
        return v;
    }

    public Results results() {
        return results;
    }

    public Path dir() {
        return results.dir();
    }

    /** grid, lhs or sobol. */
    public String type() {
        return results.kind();
    }

    public Map<String, Object> design() {
        return design;
    }

    public List<Factor> factors() {
        return factors;
    }

    public List<String> strategies() {
        return strategies;
    }

    public List<String> outcomes() {
        return outcomes;
    }

    public List<Index> indices() {
        return indices;
    }

    /** The cells of one strategy and outcome, in point order. */
    public List<Cell> cells(String strategy, String outcome) {
        return cells.stream().filter(c -> c.strategy().equals(strategy) && c.outcome().equals(outcome)).toList();
    }

    /** The indices of one strategy and outcome, largest total-order index first. */
    public List<Index> indices(String strategy, String outcome) {
        List<Index> out = new ArrayList<>(indices.stream()
                .filter(i -> i.strategy().equals(strategy) && i.outcome().equals(outcome)).toList());
        out.sort((a, b) -> Double.compare(nanLow(b.total()), nanLow(a.total())));
        return out;
    }

    private static double nanLow(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    /** Number of design points. */
    public int points() {
        return design.get("points") instanceof Number n ? n.intValue()
                : (int) cells.stream().mapToInt(Cell::point).distinct().count();
    }
}
