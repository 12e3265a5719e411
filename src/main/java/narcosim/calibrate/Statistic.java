package narcosim.calibrate;

import java.util.List;
import java.util.Map;

/**
 * What a calibration target is compared with, computed from one run's measures (the columns of runs.csv):
 * a measure itself, or one of three derived statistics the published figures need — a share of two measures
 * (the Eastern Pacific's share of primary movements: a / (a + b)), a ratio (a markup: a / b), or a yearly rate
 * of a campaign total (tonnes seized a year: a / years).
 */
public sealed interface Statistic {

    /** The run measures it reads. */
    List<String> measures();

    /**
     * Its value for one run, or NaN where it is undefined (a share of two zeros, a ratio over zero).
     *
     * @param run   the run's measures by name
     * @param years the run's campaign years (run.years)
     */
    double of(Map<String, Double> run, double years);

    /** How it is written in a targets file and in the fit table. */
    String text();

    /** A run measure as it is. */
    record Measure(String name) implements Statistic {
        public List<String> measures() {
            return List.of(name);
        }

        public double of(Map<String, Double> run, double years) {
            return get(run, name);
        }

        public String text() {
            return name;
        }
    }

    /** a / (a + b). */
    record ShareOf(String a, String b) implements Statistic {
        public List<String> measures() {
            return List.of(a, b);
        }

        public double of(Map<String, Double> run, double years) {
            double x = get(run, a);
            double sum = x + get(run, b);
            return sum == 0 ? Double.NaN : x / sum;
        }

        public String text() {
            return a + " / (" + a + " + " + b + ")";
        }
    }

    /** a / b. */
    record Ratio(String a, String b) implements Statistic {
        public List<String> measures() {
            return List.of(a, b);
        }

        public double of(Map<String, Double> run, double years) {
            double d = get(run, b);
            return d == 0 ? Double.NaN : get(run, a) / d;
        }

        public String text() {
            return a + " / " + b;
        }
    }

    /** a / years: a campaign total as a yearly rate. */
    record PerYear(String a) implements Statistic {
        public List<String> measures() {
            return List.of(a);
        }

        public double of(Map<String, Double> run, double years) {
            return get(run, a) / years;
        }

        public String text() {
            return a + " per year";
        }
    }

    private static double get(Map<String, Double> run, String name) {
        Double v = run.get(name);
        if (v == null) throw new IllegalArgumentException("the run has no measure '" + name + "'");
        return v;
    }
}
