package narcosim.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's outcomes over the whole horizon and over its final year: flows are summed (name_total,
 * name_final_year), levels averaged (name_mean, name_final_year), and the shares of the catalogue
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
            for (int w = 0; w < weeks; w++) {
                all += rows.get(w)[c];
                if (w >= from) last += rows.get(w)[c];
            }
            if (col.kind() == Outcome.Kind.FLOW) {
                out.put(col.name() + "_total", all);
                out.put(col.name() + "_final_year", last);
            } else {
                out.put(col.name() + "_mean", weeks == 0 ? 0 : all / weeks);
                out.put(col.name() + "_final_year", weeks == from ? 0 : last / (weeks - from));
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
