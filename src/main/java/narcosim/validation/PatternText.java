package narcosim.validation;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import narcosim.experiment.design.Factor;

/** The patterns' results as text for the terminal. */
public final class PatternText {

    private PatternText() {
    }

    public static void print(PrintWriter o, List<PatternExperiment.Outcome> outcomes, Magnitudes mag,
                             Sensitivity.Result sens) {
        // A pattern of the brief may run as several experiments (pattern 1: two maps); it holds if every one that
        // ran holds.
        Map<Integer, Boolean> holdsByNumber = new TreeMap<>();
        Set<Integer> numbers = new TreeSet<>();
        for (PatternExperiment.Outcome r : outcomes) {
            Pattern p = r.pattern();
            numbers.add(p.number());
            o.printf(Locale.ROOT, "%nPattern %d: %s  [%s]%n", p.number(), p.title(), p.id());
            o.println("  source:     " + p.source());
            o.println("  scenario:   " + r.trial().scenario());
            if (r.skipped() != null) {
                o.println("  SKIPPED:    " + r.skipped());
                continue;
            }
            o.println("  experiment: " + p.experiment(r.scenario()) + "; " + r.trial().replicates()
                    + " paired replicates per arm");
            for (Check c : r.checks()) {
                o.printf(Locale.ROOT, "  %-4s %s: %s %s; criterion: %s%n", c.holds() ? "ok" : "NOT", c.name(),
                        c.effect(), c.unit(), c.criterion());
            }
            holdsByNumber.merge(p.number(), r.holds(), Boolean::logicalAnd);
            o.println("  => " + (r.holds() ? "HOLDS" : "DOES NOT HOLD"));
            if (p.notChecked() != null) o.println("  not checked: " + p.notChecked());
        }
        long holds = holdsByNumber.values().stream().filter(b -> b).count();
        int ran = holdsByNumber.size();
        o.printf(Locale.ROOT, "%n%d of %d patterns hold%s.%n", holds, ran,
                ran < numbers.size() ? " (" + (numbers.size() - ran) + " skipped)" : "");
        if (holds < ran) {
            o.println("A pattern that does not hold is a finding about the model on this scenario: see the checks "
                    + "marked NOT above and docs/VALIDATION.md.");
        }
        if (!mag.rows().isEmpty()) {
            o.printf(Locale.ROOT, "%nMagnitudes against the literature%n");
            for (Magnitudes.Row m : mag.rows()) {
                o.printf(Locale.ROOT, "  %-4s %s (%s, %s): %s %s; literature: %s%n", m.within() ? "ok" : "OUT",
                        m.quantity(), m.scenario(), m.strategy(),
                        Check.g(m.model().mean()) + " [" + Check.g(m.model().low()) + ", " + Check.g(m.model().high()) + "]",
                        m.unit(), m.literature());
            }
        }
        if (sens != null) {
            o.printf(Locale.ROOT, "%nSensitivity: %d Latin hypercube points, judged by 95%% intervals%n",
                    sens.points().size());
            StringBuilder f = new StringBuilder();
            for (Factor x : Sensitivity.FACTORS) {
                f.append(f.length() == 0 ? "" : ", ").append(x.key()).append(" ").append(Check.g(x.min())).append("..")
                        .append(Check.g(x.max()));
            }
            o.println("  parameters: " + f);
            for (PatternExperiment.Outcome r : outcomes) {
                Pattern p = r.pattern();
                double h = sens.share(p, "holds");
                if (Double.isNaN(h)) {
                    o.printf(Locale.ROOT, "  pattern %d %-14s n/a (skipped)%n", p.number(), p.id());
                    continue;
                }
                o.printf(Locale.ROOT, "  pattern %d %-14s holds at %s of points, fails at %s, undecided at %s "
                        + "(%d replicates per arm)%n", p.number(), p.id(), pct(h), pct(sens.share(p, "fails")),
                        pct(sens.share(p, "undecided")), sens.replicates(p));
            }
        }
        o.flush();
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
