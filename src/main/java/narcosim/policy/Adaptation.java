package narcosim.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import narcosim.metrics.Outcome;
import narcosim.scenario.Fields;
import narcosim.scenario.Specs;

/**
 * The yearly rules of an adaptive strategy at work (ODD 7.22): at each review, after a whole campaign year, each
 * rule reads its indicator over the year just ended from the collector's weekly rows, counts the reviews running
 * its condition has held, and when that count reaches its lag moves its share of the budget (no more than the
 * from share holds) and starts counting again. Rules are applied in the file's order, each to the split the
 * rules before it left. "Regular assessment and adaptation" (issue 18) as the monitor-and-adjust loop of adaptive
 * management (Holling 1978; Walters 1986) with trigger values (Haasnoot et al. 2013): the rules are the
 * analyst's, the model only carries them out.
 */
final class Adaptation {

    static final int WEEKS_PER_YEAR = 52;

    /** A rule that fired: at the review after {@code year} campaign years, it moved {@code moved} of the budget. */
    record Fired(int year, int rule, String from, String to, double moved) {
    }

    private final List<Specs.Rule> rules;
    /** Column of each rule's indicator in the collector's rows, and whether it is a flow (summed) or a level. */
    private final int[] column;
    private final boolean[] flow;
    private final int[] held;
    private final List<Fired> fired = new ArrayList<>();

    /**
     * @param columns the collector's outcomes, in the order of its rows
     */
    Adaptation(List<Specs.Rule> rules, List<Outcome> columns) {
        this.rules = List.copyOf(rules);
        this.column = new int[rules.size()];
        this.flow = new boolean[rules.size()];
        this.held = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            String name = rules.get(i).indicator();
            int c = -1;
            for (int j = 0; j < columns.size(); j++) {
                if (columns.get(j).name().equals(name)) c = j;
            }
            // The loader checks indicators against the scenario's columns; this is a backstop for a hand-made rule.
            if (c < 0) throw new IllegalArgumentException("rule " + (i + 1) + ": no weekly outcome " + name);
            column[i] = c;
            flow[i] = columns.get(c).kind() == Outcome.Kind.FLOW;
        }
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * The review after the campaign's {@code rows.size() / 52}-th year: the split the rules leave of
     * {@code shares}, or {@code shares} itself when none fired.
     *
     * @param rows the collector's campaign weeks so far, week 0 first; a whole number of years
     */
    Specs.Shares review(Specs.Shares shares, List<double[]> rows) {
        int year = rows.size() / WEEKS_PER_YEAR;
        double[] s = shares.values();
        boolean moved = false;
        for (int i = 0; i < rules.size(); i++) {
            Specs.Rule r = rules.get(i);
            double reading = reading(r, i, rows, year);
            // NaN (no reading: a change on a year of 0, a price not yet seen) never meets a threshold.
            boolean holds = r.below() ? reading < r.threshold() : reading > r.threshold();
            held[i] = holds ? held[i] + 1 : 0;
            if (held[i] < r.years()) continue;
            held[i] = 0;
            int from = Fields.SHARE_KEYS.indexOf(r.from());
            int to = Fields.SHARE_KEYS.indexOf(r.to());
            // A rule cannot move more than the share holds: it moves what is there.
            double m = Math.min(r.move(), s[from]);
            if (m <= 0) continue;
            s[from] = decimals(s[from] - m);
            s[to] = decimals(s[to] + m);
            moved = true;
            fired.add(new Fired(year, i, r.from(), r.to(), m));
        }
        return moved ? Specs.Shares.of(s) : shares;
    }

    /**
     * A share kept to 12 decimal places: repeated moves of decimal shares (0.6 - 0.05 - 0.1 ...) then leave no
     * binary rounding residue (1e-17 of the budget) behind, and an emptied share is exactly 0.
     */
    private static double decimals(double share) {
        return Math.round(share * 1e12) / 1e12;
    }

    /** A rule's reading at the review after {@code year} years: the year's value, or its relative change. */
    private double reading(Specs.Rule r, int i, List<double[]> rows, int year) {
        double now = yearValue(i, rows, year);
        if (r.reading() == Specs.Reading.VALUE) return now;
        if (year < 2) return Double.NaN;
        double last = yearValue(i, rows, year - 1);
        return last == 0 ? Double.NaN : (now - last) / Math.abs(last);
    }

    /** A flow's total over campaign year {@code year} (1-based), a level's mean over the weeks it has a value. */
    private double yearValue(int i, List<double[]> rows, int year) {
        double sum = 0;
        int known = 0;
        for (int w = (year - 1) * WEEKS_PER_YEAR; w < year * WEEKS_PER_YEAR; w++) {
            double v = rows.get(w)[column[i]];
            if (Double.isNaN(v)) continue;
            sum += v;
            known++;
        }
        if (flow[i]) return sum;
        return known == 0 ? Double.NaN : sum / known;
    }

    /** The rules that fired so far, in order. */
    List<Fired> fired() {
        return Collections.unmodifiableList(fired);
    }
}
