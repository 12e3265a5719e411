package narcosim.optimize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions an optimisation searches, as named variables each mapped onto a run's configuration: the strategy's
 * budget shares (a point of the simplex: military, police, development and partnership add to one at the given total)
 * and doctrine switches (each one of its options). The optimiser sees them as a point of the unit cube, one coordinate
 * per free dimension; {@link #decode} turns it into a {@link Candidate}, whose {@link Candidate#values} are the
 * scenario overrides a run applies to the template strategy (as {@code --set strategies.ID.shares=...} would). Another
 * kind of variable is another coordinate mapped onto another override path: an adaptive template's rule thresholds
 * ({@link Threshold}, after the switches) each set {@code strategies.ID.rules.RULE.below} (or {@code above}).
 */
public record Space(String template, List<Switch> switches, List<Threshold> thresholds) {

    /** The budget parts, in the order of a scenario's {@code shares:}. */
    public static final List<String> PARTS = List.of("military", "police", "development", "partnership");
    /** Shares are whole thousandths of the budget: what is run is what is written, to the digit. */
    public static final int GRAIN = 1000;

    /** A doctrine switch and the options the search may give it. */
    public record Switch(String key, List<String> options) {
        public Switch {
            options = List.copyOf(options);
        }
    }

    /**
     * A number of a rule the search sets: the rule (its id, or its position from 0 when it has none), the key it sets
     * (below or above: its threshold, on the side the file gives it; move: the share it moves), and the range, on a
     * grain (a move's: 0.001); a threshold's grain: whole steps of a thousandth of the range's order of
     * magnitude (10^(floor(log10(high - low)) - 3): 0.001 on [0, 1], 10 on a range 50,000 wide), so that the value
     * written is the value run, to the digit.
     */
    public record Threshold(String rule, String side, BigDecimal low, BigDecimal high, BigDecimal step, String range) {

        /** The grained range within [low, high]; {@code range} says where it came from (the report shows it). */
        public static Threshold of(String rule, String side, double low, double high, String range) {
            if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("expected a range low < high, got " + low + ":" + high);
            }
            return of(rule, side, low, high,
                    BigDecimal.ONE.scaleByPowerOfTen((int) Math.floor(Math.log10(high - low)) - 3), range);
        }

        /** A range on a given grain. */
        public static Threshold of(String rule, String side, double low, double high, BigDecimal step, String range) {
            if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("expected a range low < high, got " + low + ":" + high);
            }
            BigDecimal lo = BigDecimal.valueOf(low).divide(step, 0, RoundingMode.CEILING).multiply(step);
            BigDecimal hi = BigDecimal.valueOf(high).divide(step, 0, RoundingMode.FLOOR).multiply(step);
            return new Threshold(rule, side, lo.stripTrailingZeros(), hi.stripTrailingZeros(), step, range);
        }

        /** Whether it sets the share the rule moves rather than its threshold. */
        public boolean move() {
            return side.equals("move");
        }

        /** The value at a coordinate of the unit cube: the nearest whole step from the low end. */
        BigDecimal at(double u) {
            long steps = high.subtract(low).divide(step, 0, RoundingMode.FLOOR).longValueExact();
            long n = Math.round(clamp(u) * steps);
            return low.add(step.multiply(BigDecimal.valueOf(n))).stripTrailingZeros();
        }

        /** The column of evaluations.csv and front.csv. */
        public String column() {
            return (move() ? "move_" : "threshold_") + rule;
        }
    }

    public Space {
        switches = List.copyOf(switches);
        thresholds = List.copyOf(thresholds);
    }

    /** A space of shares and switches alone. */
    public Space(String template, List<Switch> switches) {
        this(template, switches, List.of());
    }

    /** The position among {@link #thresholds} of a rule's threshold (or, move true, its move); -1: not searched. */
    public int variable(String rule, boolean move) {
        for (int k = 0; k < thresholds.size(); k++) {
            if (thresholds.get(k).rule().equals(rule) && thresholds.get(k).move() == move) return k;
        }
        return -1;
    }

    /** Coordinates of the unit cube: three for the four shares, one per switch, one per rule threshold. */
    public int dimensions() {
        return PARTS.size() - 1 + switches.size() + thresholds.size();
    }

    /**
     * A candidate strategy: shares in thousandths (adding up to {@link #GRAIN}), each switch's option and each rule
     * threshold's value (none unless the template is adaptive).
     */
    public record Candidate(List<Integer> thousandths, List<String> options, List<BigDecimal> thresholds) {
        public Candidate {
            thousandths = List.copyOf(thousandths);
            options = List.copyOf(options);
            thresholds = List.copyOf(thresholds);
        }

        public Candidate(List<Integer> thousandths, List<String> options) {
            this(thousandths, options, List.of());
        }

        /** A rule threshold as written and run: 0.35, 12500. */
        public String threshold(int k) {
            return thresholds.get(k).toPlainString();
        }

        public double share(int part) {
            return thousandths.get(part) / (double) GRAIN;
        }

        /** The shares as a scenario file writes them: {military: 0.3, police: 0.25, ...}. */
        public String sharesYaml() {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < PARTS.size(); i++) parts.add(PARTS.get(i) + ": " + decimal(thousandths.get(i)));
            return "{" + String.join(", ", parts) + "}";
        }

        /** Identifies the candidate: two positions that decode to the same strategy are run once. */
        public String key(Space space) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < PARTS.size(); i++) sb.append(i == 0 ? "" : ";").append(PARTS.get(i)).append('=')
                    .append(decimal(thousandths.get(i)));
            for (int i = 0; i < options.size(); i++) {
                sb.append(';').append(space.switches().get(i).key()).append('=').append(options.get(i));
            }
            for (int k = 0; k < thresholds.size(); k++) {
                Threshold t = space.thresholds().get(k);
                sb.append(";rules.").append(t.rule()).append('.').append(t.side()).append('=').append(threshold(k));
            }
            return sb.toString();
        }

        /** The doctrine the candidate sets, switch by switch. */
        public Map<String, String> doctrine(Space space) {
            Map<String, String> d = new LinkedHashMap<>();
            for (int i = 0; i < options.size(); i++) d.put(space.switches().get(i).key(), options.get(i));
            return d;
        }

        /**
         * The overrides a run of this candidate applies to the template strategy: its shares and its doctrine (only
         * the switches searched; the others keep the scenario file's values).
         */
        public Map<String, Object> values(Space space) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("strategies." + space.template() + ".shares", sharesYaml());
            List<String> d = new ArrayList<>();
            doctrine(space).forEach((k, o) -> d.add(k + ": " + o));
            v.put("strategies." + space.template() + ".doctrine", "{" + String.join(", ", d) + "}");
            for (int k = 0; k < thresholds.size(); k++) {
                Threshold t = space.thresholds().get(k);
                v.put("strategies." + space.template() + ".rules." + t.rule() + "." + t.side(), threshold(k));
            }
            return v;
        }
    }

    /** A thousandth count as a short decimal: 300 -> 0.3, 1000 -> 1, 0 -> 0. */
    static String decimal(int thousandths) {
        return new java.math.BigDecimal(thousandths).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** The candidate at a point of the unit cube. */
    public Candidate decode(double[] u) {
        if (u.length != dimensions()) throw new IllegalArgumentException("expected " + dimensions() + " coordinates");
        double[] shares = simplex(u[0], u[1], u[2]);
        List<String> options = new ArrayList<>();
        for (int i = 0; i < switches.size(); i++) {
            List<String> o = switches.get(i).options();
            options.add(o.get(Math.min(o.size() - 1, (int) Math.floor(clamp(u[3 + i]) * o.size()))));
        }
        List<BigDecimal> th = new ArrayList<>();
        int first = PARTS.size() - 1 + switches.size();
        for (int k = 0; k < thresholds.size(); k++) th.add(thresholds.get(k).at(u[first + k]));
        return new Candidate(thousandths(shares), options, th);
    }

    /**
     * Four shares adding up to one from three coordinates of the unit cube, uniform on the simplex when the coordinates
     * are uniform on the cube: stick-breaking, part i takes a Beta(1, k - i) fraction of what is left, by its inverse
     * distribution function 1 - (1 - u)^(1 / (k - i)) (Devroye 1986, Non-Uniform Random Variate Generation, ch. V.2).
     * Continuous, so that nearby points of the cube are nearby splits and the optimiser's variation works on splits.
     */
    static double[] simplex(double u1, double u2, double u3) {
        double a = 1 - Math.pow(1 - clamp(u1), 1.0 / 3);
        double b = (1 - a) * (1 - Math.pow(1 - clamp(u2), 1.0 / 2));
        double c = (1 - a - b) * clamp(u3);
        return new double[] {a, b, c, Math.max(0, 1 - a - b - c)};
    }

    /** Shares rounded to whole thousandths that still add up to exactly 1000 (largest remainders, Hamilton's method). */
    static List<Integer> thousandths(double[] shares) {
        int[] whole = new int[shares.length];
        double[] rest = new double[shares.length];
        int sum = 0;
        for (int i = 0; i < shares.length; i++) {
            double x = shares[i] * GRAIN;
            whole[i] = (int) Math.floor(x);
            rest[i] = x - whole[i];
            sum += whole[i];
        }
        while (sum < GRAIN) {
            int best = 0;
            for (int i = 1; i < shares.length; i++) if (rest[i] > rest[best]) best = i;
            whole[best]++;
            rest[best] = -1;
            sum++;
        }
        List<Integer> out = new ArrayList<>();
        for (int w : whole) out.add(w);
        return out;
    }

    private static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }
}
