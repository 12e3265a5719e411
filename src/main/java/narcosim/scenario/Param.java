package narcosim.scenario;

import java.util.List;

/**
 * One model parameter, declared once: its key (section.name), type, default, range, a one-line
 * description with its source, what kind of parameter it is, a label for people and, for a policy lever,
 * the headline outcomes it is meant to move. The registry {@link Params} holds them all.
 *
 * @param role a policy lever, an uncertain model parameter, or a setting of the run
 * @param label a short name for people (the classroom window's controls, lever tables)
 * @param moves for a lever: the headline measures (summary.csv columns) it is meant to move
 * @param actsIn for a conditional lever, "scenario-file:strategy" where it acts (the lever test checks it
 *        there); "" for a lever that acts in the default scenario
 */
public record Param(String key, Type type, Object defaultValue, double min, double max,
                    List<String> choices, String unit, String description, Role role, String label,
                    List<String> moves, String actsIn) {

    public enum Type { REAL, INTEGER, BOOLEAN, CHOICE, NATION, REGION }

    /** What a parameter is. */
    public enum Role {
        /** a choice a strategy makes (doctrine, rules, partnership terms): what screening measures */
        LEVER,
        /** an uncertain property of the world the model represents (calibration and sensitivity vary it) */
        MODEL,
        /** how the run is made (horizon, burn-in, agent grain) or a scripted event of the scenario */
        SETTING
    }

    public Param {
        choices = List.copyOf(choices);
        moves = List.copyOf(moves);
    }

    /** A model parameter with no label of its own (its key serves). */
    public Param(String key, Type type, Object defaultValue, double min, double max, List<String> choices,
                 String unit, String description) {
        this(key, type, defaultValue, min, max, choices, unit, description, Role.MODEL, key, List.of(), "");
    }

    /** The same parameter with another role, label and lever outcomes. */
    public Param as(Role newRole, String newLabel, List<String> newMoves) {
        return new Param(key, type, defaultValue, min, max, choices, unit, description, newRole, newLabel, newMoves,
                actsIn);
    }

    /** The same lever, acting only in the named scenario file and strategy ("file:strategy"). */
    public Param conditional(String where) {
        return new Param(key, type, defaultValue, min, max, choices, unit, description, role, label, moves, where);
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*");

    public String section() {
        return key.substring(0, key.indexOf('.'));
    }

    public String name() {
        return key.substring(key.indexOf('.') + 1);
    }

    /** What a valid value looks like, for error messages and the parameter table. */
    public String expected() {
        return switch (type) {
            case REAL -> "a number from " + fmt(min) + " to " + fmt(max);
            case INTEGER -> "a whole number from " + fmt(min) + " to " + fmt(max);
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case NATION -> "a nation id of the scenario, or none";
            case REGION -> "a region tag of the scenario's places, or none";
        };
    }

    /**
     * Converts a raw value to this parameter's type, or returns an explanation of why it cannot be: the
     * caller adds file, line and key. Numbers may be given as decimal text by Java callers; YAML readers
     * ({@link YamlNodes#param}) refuse text where a number is expected before coming here.
     */
    public Object coerce(Object raw) throws IllegalArgumentException {
        switch (type) {
            case REAL, INTEGER -> {
                double v;
                if (raw instanceof Number n) {
                    v = n.doubleValue();
                } else if (raw instanceof String s && DECIMAL.matcher(s).matches()) {
                    // Java callers may pass decimal text; not Java's own notations (0.5f, 0x1p-2, Infinity).
                    v = Double.parseDouble(s.trim());
                } else if (raw instanceof String s) {
                    throw new IllegalArgumentException("expected " + expected() + ", got '" + s + "'");
                } else {
                    throw new IllegalArgumentException("expected " + expected() + ", got " + describe(raw));
                }
                if (Double.isNaN(v) || v < min || v > max) {
                    throw new IllegalArgumentException("expected " + expected() + ", got " + fmt(v));
                }
                if (type == Type.INTEGER) {
                    if (v != Math.rint(v)) {
                        throw new IllegalArgumentException("expected " + expected() + ", got " + fmt(v));
                    }
                    return (int) v;
                }
                return v;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) return b;
                if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(s);
                }
                throw new IllegalArgumentException("expected true or false, got " + describe(raw));
            }
            case CHOICE -> {
                String s = String.valueOf(raw);
                if (!choices.contains(s)) {
                    throw new IllegalArgumentException("expected " + expected() + ", got '" + s + "'");
                }
                return s;
            }
            case NATION, REGION -> {
                if (!(raw instanceof String s) || s.isBlank()) {
                    throw new IllegalArgumentException("expected " + expected() + ", got " + describe(raw));
                }
                return s;
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    static String describe(Object raw) {
        if (raw == null) return "nothing";
        if (raw instanceof String s) return "'" + s + "'";
        if (raw instanceof java.util.Map) return "a mapping";
        if (raw instanceof java.util.List) return "a list";
        return String.valueOf(raw);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = Double.toString(v);
        // 0.0001, not 1.0E-4 (small bounds in messages and in `narcosim params`)
        return s.contains("E") && Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : s;
    }
}
