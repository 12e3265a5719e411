package narcosim.optimize;

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
 * kind of variable (e.g. an adaptive rule's threshold) is another coordinate mapped onto another override path.
 */
public record Space(String template, List<Switch> switches) {

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

    public Space {
        switches = List.copyOf(switches);
    }

    /** Coordinates of the unit cube: three for the four shares, one per switch. */
    public int dimensions() {
        return PARTS.size() - 1 + switches.size();
    }

    /** A candidate strategy: shares in thousandths (adding up to {@link #GRAIN}) and each switch's option. */
    public record Candidate(List<Integer> thousandths, List<String> options) {
        public Candidate {
            thousandths = List.copyOf(thousandths);
            options = List.copyOf(options);
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
        return new Candidate(thousandths(shares), options);
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
