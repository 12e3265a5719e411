package narcosim.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's outcomes over the whole horizon and over its final year: flows are summed (name_total,
 * name_final_year), levels averaged over the weeks they have a value (name_mean, name_final_year; NaN, an
 * empty cell, if none), and the shares of the catalogue
 * ({@link Outcomes#SHARES}) derived from flows: {@code seized_share} of the kg departed in the period, and
 * {@code delivered_share} of the kg whose journey ended in the period (delivered, seized or lost), which
 * cannot exceed 1 even when cargo that left before the period arrives in it.
 */
public final class RunSummary {

    private RunSummary() {
    }

    public static Map<String, Double> of(List<Outcome> columns, List<double[]> rows) {
        Map<String, Double> out = new LinkedHashMap<>();
        int weeks = rows.size();
        int from = Math.max(0, weeks - 52);
        for (int c = 0; c < columns.size(); c++) {
            Outcome col = columns.get(c);
            double all = 0;
            double last = 0;
            int known = 0;
            int knownLast = 0;
            for (int w = 0; w < weeks; w++) {
                double v = rows.get(w)[c];
                // A level with no value yet (a nation's chain price before cocaine first reaches it) is left out.
                if (Double.isNaN(v) && col.kind() != Outcome.Kind.FLOW) continue;
                all += v;
                known++;
                if (w >= from) {
                    last += v;
                    knownLast++;
                }
            }
            if (col.kind() == Outcome.Kind.FLOW) {
                out.put(col.name() + "_total", all);
                out.put(col.name() + "_final_year", last);
            } else {
                out.put(col.name() + "_mean", weeks == 0 ? 0 : known == 0 ? Double.NaN : all / known);
                out.put(col.name() + "_final_year", weeks == from ? 0 : knownLast == 0 ? Double.NaN : last / knownLast);
            }
        }
        for (Outcomes.Share sh : Outcomes.SHARES) {
            share(out, sh.outcome().name(), sh.numerator(), sh.denominators().toArray(new String[0]));
        }
        return out;
    }

    /** {@code name} = num / (sum of dens) over each period, 0 when the sum is 0. */
    private static void share(Map<String, Double> out, String name, String num, String... dens) {
        for (String period : new String[] {"_total", "_final_year"}) {
            double d = 0;
            for (String den : dens) d += out.getOrDefault(den + period, 0.0);
            out.put(name + (period.equals("_total") ? "" : period), d == 0 ? 0 : out.get(num + period) / d);
        }
    }
}
