package narcosim.validation;

import java.util.List;

/**
 * One arm of a paired experiment: a strategy of the scenario with parameter settings of its own (the
 * treatment), applied after the user's --set overrides.
 */
public record Arm(String label, String strategy, List<String> sets) {

    public Arm {
        sets = List.copyOf(sets);
    }

    public static Arm of(String label, String strategy, String... sets) {
        return new Arm(label, strategy, List.of(sets));
    }
}
