package narcosim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import narcosim.scenario.ParamValues;
import narcosim.scenario.Params;
import narcosim.scenario.RunConfig;
import narcosim.util.Fmt;
import narcosim.util.StateException;

/**
 * A run left the model's valid state: a quantity became non-finite or negative, a kilogram total
 * overflowed, an invariant (mass balance) broke, or the run would need more agents than memory holds.
 * The declared parameter ranges and the caps (ODD 7.6, 7.7, 7.14) are meant to make this impossible;
 * when it happens anyway, the run stops there instead of writing numbers that are wrong. The message
 * names the week, the quantity and the parameters that were set away from their defaults in the run,
 * so the user knows what to change. The command line prints it as one line and exits with 2. The
 * checked kilogram arithmetic ({@link StateException#addKg}) throws the unlocated {@link StateException},
 * which the model locates in the same way.
 */
public final class ModelStateException extends StateException {

    private static final long serialVersionUID = 1L;

    private final boolean located;

    /** What went wrong, in words (the quantity, its value, what a valid value is); the model adds when. */
    public ModelStateException(String problem) {
        super(problem);
        this.located = false;
    }

    private ModelStateException(String problem, String message, Throwable cause) {
        super(problem, message, cause);
        this.located = true;
    }

    /** True once the model has added the week and the parameters to the message. */
    public boolean located() {
        return located;
    }

    /**
     * The full exception: the problem, when it happened and the parameters of the run that differ from the
     * registry's defaults.
     */
    static ModelStateException at(String problem, String when, RunConfig config, Throwable cause) {
        String message = "the run left the model's valid state " + when + ": " + problem + ". "
                + changedParameters(config);
        return new ModelStateException(problem, message, cause);
    }

    /** "Parameters set away from their defaults in this run: k=v, ... (scenario s, strategy t, seed n); ...". */
    static String changedParameters(RunConfig config) {
        List<String> changed = changed(config.params());
        String who = "scenario " + config.scenario().name() + ", strategy " + config.strategy().id() + ", seed "
                + config.seed();
        if (changed.isEmpty()) {
            return "Every parameter is at its default (" + who + "): the scenario's own data (places, links, budget) "
                    + "led here.";
        }
        return "Parameters set away from their defaults in this run: " + String.join(", ", changed) + " (" + who
                + "). Move them towards their defaults; if none of them is the cause, the scenario's own data (places, "
                + "links, budget) is.";
    }

    /** {@code key=value} for every parameter whose value differs from its default, in registry order. */
    public static List<String> changed(ParamValues params) {
        List<String> out = new ArrayList<>();
        Map<String, Object> defaults = Params.defaults();
        for (Map.Entry<String, Object> e : params.asMap().entrySet()) {
            if (!same(defaults.get(e.getKey()), e.getValue())) out.add(e.getKey() + "=" + Fmt.any(e.getValue()));
        }
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return Objects.equals(a, b);
    }
}
