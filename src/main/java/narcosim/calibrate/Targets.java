package narcosim.calibrate;

import static narcosim.scenario.YamlNodes.kindOf;
import static narcosim.scenario.YamlNodes.line;
import static narcosim.scenario.YamlNodes.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import narcosim.metrics.Outcome;
import narcosim.metrics.Outcomes;
import narcosim.scenario.Param;
import narcosim.scenario.Params;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.YamlNodes;
import narcosim.util.Fmt;

/**
 * A targets file ({@code data/targets/*.yaml}): published figures a scenario is calibrated against, each with
 * the run statistic it is held against, the strategy, the accepted range, a standard error and its source.
 * Read by the same {@link YamlNodes} as scenario and sweep files, so that every error names the file, the line
 * and the key, and says what was expected.
 *
 * @param file        where it was read from
 * @param name        the set's name
 * @param description what the targets are, for which scenario
 * @param targets     the targets, in file order
 * @param parameters  the uncertain model parameters a calibration fits by default, with their prior ranges
 *                    (empty when the file names none)
 */
public record Targets(Path file, String name, String description, List<Target> targets, List<Prior> parameters) {

    static final List<String> KEYS = List.of("name", "description", "targets", "parameters");
    static final List<String> PARAMETER_KEYS = List.of("key", "range", "scale", "why");
    static final List<String> TARGET_KEYS = List.of("id", "outcome", "share_of", "ratio", "per_year", "strategy",
            "observed", "range", "sd", "unit", "window", "source", "verified", "note");
    /** The ways to name what a target is compared with: exactly one per target. */
    static final List<String> STATISTIC_KEYS = List.of("outcome", "share_of", "ratio", "per_year");
    static final List<String> WINDOWS = List.of(Outcome.Window.WHOLE_CAMPAIGN.words, Outcome.Window.CAMPAIGN_MEAN.words,
            Outcome.Window.FINAL_YEAR.words);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    /** The target with this id, or null. */
    public Target target(String id) {
        for (Target t : targets) {
            if (t.id().equals(id)) return t;
        }
        return null;
    }

    /** The targets' ids, in file order. */
    public List<String> ids() {
        return targets.stream().map(Target::id).toList();
    }

    /**
     * Reads and checks a targets file against the scenario it is to calibrate.
     *
     * @param measures the run measures the scenario's runs have (runs.csv's columns), to check each target's
     *                 names against them; null checks them against the outcome catalogue only
     */
    public static Targets load(Path file, Scenario scenario, Set<String> measures) throws ScenarioException {
        String where = file.toString();
        YamlNodes y = new YamlNodes(where);
        Node root = YamlNodes.read(file);
        if (!(root instanceof MappingNode m)) {
            throw new ScenarioException(where, root == null ? 0 : line(root), "", "expected a mapping of the keys "
                    + String.join(", ", KEYS) + ", got " + (root == null ? "an empty file" : kindOf(root)));
        }
        y.checkKeys(m, "", KEYS);
        String name = y.str(m, "", "name", null);
        String description = y.str(m, "", "description", "");
        SequenceNode list = y.list(y.req(m, "", "targets"), "targets");
        if (list.getValue().isEmpty()) throw y.err(list, "targets", "expected at least one target, got an empty list");
        List<Target> targets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            String path = "targets[" + (i + 1) + "]";
            MappingNode t = y.map(list.getValue().get(i), path);
            Target target = target(y, t, path, scenario, measures);
            if (!ids.add(target.id())) {
                throw y.err(tuple(t, "id").getValueNode(), path + ".id", "expected an id not used by another target, "
                        + "got '" + target.id() + "' a second time");
            }
            targets.add(target);
        }
        List<Prior> priors = new ArrayList<>();
        if (tuple(m, "parameters") != null) {
            SequenceNode ps = y.list(tuple(m, "parameters").getValueNode(), "parameters");
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < ps.getValue().size(); i++) {
                String path = "parameters[" + (i + 1) + "]";
                MappingNode p = y.map(ps.getValue().get(i), path);
                Prior prior = prior(y, p, path);
                if (!keys.add(prior.key())) {
                    throw y.err(tuple(p, "key").getValueNode(), path + ".key", "expected a parameter not listed before, "
                            + "got '" + prior.key() + "' a second time");
                }
                priors.add(prior);
            }
        }
        return new Targets(file, name, description, List.copyOf(targets), List.copyOf(priors));
    }

    /** The parameters to fit with their priors, or those of {@code keys} only (each must be listed). */
    public List<Prior> parameters(List<String> keys) {
        if (keys == null || keys.isEmpty()) return parameters;
        List<Prior> out = new ArrayList<>();
        for (String k : keys) {
            Prior found = null;
            for (Prior p : parameters) {
                if (p.key().equals(k)) found = p;
            }
            if (found == null) {
                throw new IllegalArgumentException("'" + k + "' is not among the parameters of " + file + " ("
                        + String.join(", ", parameters.stream().map(Prior::key).toList()) + ")"
                        + YamlNodes.suggest(k, parameters.stream().map(Prior::key).toList()));
            }
            out.add(found);
        }
        return out;
    }

    /**
     * A parameter to fit: an uncertain model parameter of the registry, real-valued, with a prior range inside the
     * registry's range ({@code scale: log} needs a range above zero).
     */
    static Prior prior(YamlNodes y, MappingNode p, String path) throws ScenarioException {
        y.checkKeys(p, path, PARAMETER_KEYS);
        String key = y.str(p, path, "key", null);
        Node keyNode = tuple(p, "key").getValueNode();
        if (!Params.has(key)) {
            List<String> known = Params.all().stream().filter(q -> q.role() == Param.Role.MODEL).map(Param::key).toList();
            throw y.err(keyNode, path + ".key", "expected an uncertain model parameter (narcosim params --role model), "
                    + "got '" + key + "'" + YamlNodes.suggest(key, known));
        }
        Param param = Params.get(key);
        if (param.role() != Param.Role.MODEL) {
            throw y.err(keyNode, path + ".key", "expected an uncertain model parameter (narcosim params --role model), "
                    + "got '" + key + "', a " + (param.role() == Param.Role.LEVER ? "strategy's lever" : "setting of the run")
                    + ": a calibration fits the world the strategies act in, never what they choose");
        }
        if (param.type() != Param.Type.REAL && param.type() != Param.Type.INTEGER) {
            throw y.err(keyNode, path + ".key", "expected a numeric parameter, got '" + key + "' ("
                    + param.expected() + ")");
        }
        String at = path + " (" + key + ")";
        double[] r = new double[2];
        SequenceNode range = y.list(y.req(p, at, "range"), at + ".range");
        if (range.getValue().size() != 2) {
            throw y.err(range, at + ".range", "expected [low, high], got " + range.getValue().size() + " values");
        }
        for (int i = 0; i < 2; i++) {
            Object v = y.value(range.getValue().get(i), at + ".range");
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw y.err(range.getValue().get(i), at + ".range", "expected [low, high] as two finite numbers, got "
                        + YamlNodes.got(range.getValue().get(i)));
            }
            r[i] = n.doubleValue();
        }
        if (!(r[0] < r[1]) || r[0] < param.min() || r[1] > param.max()) {
            throw y.err(range, at + ".range", "expected low < high within the parameter's range [" + Fmt.num(param.min())
                    + ", " + Fmt.num(param.max()) + "], got [" + Fmt.num(r[0]) + ", " + Fmt.num(r[1]) + "]");
        }
        String scale = y.str(p, at, "scale", "linear");
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw y.err(tuple(p, "scale").getValueNode(), at + ".scale", "expected linear or log, got '" + scale + "'");
        }
        if (scale.equals("log") && r[0] <= 0) {
            throw y.err(range, at + ".range", "a log scale needs a range above zero, got [" + Fmt.num(r[0]) + ", "
                    + Fmt.num(r[1]) + "]");
        }
        return new Prior(param, r[0], r[1], scale.equals("log"), y.str(p, at, "why", ""), line(p));
    }

    private static Target target(YamlNodes y, MappingNode t, String path, Scenario sc, Set<String> measures)
            throws ScenarioException {
        y.checkKeys(t, path, TARGET_KEYS);
        String id = y.str(t, path, "id", null);
        if (!ID.matcher(id).matches()) {
            throw y.err(tuple(t, "id").getValueNode(), path + ".id", "expected lower-case letters, digits and '-' "
                    + "(at most 60, starting with a letter or digit), got '" + id + "'");
        }
        String at = path + " (" + id + ")";
        String window = y.str(t, at, "window", null);
        if (!WINDOWS.contains(window)) {
            throw y.err(tuple(t, "window").getValueNode(), at + ".window", "expected one of " + String.join(", ", WINDOWS)
                    + ", got '" + window + "'" + YamlNodes.suggest(window, WINDOWS));
        }
        Statistic statistic = statistic(y, t, at, window, measures);
        String strategy = y.str(t, at, "strategy", null);
        if (sc.strategy(strategy).isEmpty()) {
            throw y.err(tuple(t, "strategy").getValueNode(), at + ".strategy", "expected a strategy of "
                    + sc.name() + " (" + String.join(", ", sc.strategyIds()) + "), got '" + strategy + "'"
                    + YamlNodes.suggest(strategy, sc.strategyIds()));
        }
        double observed = y.num(t, at, "observed", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        if (Double.isInfinite(observed)) {
            throw y.err(tuple(t, "observed").getValueNode(), at + ".observed", "expected a finite number, got "
                    + Fmt.num(observed));
        }
        double[] range = range(y, t, at, observed);
        double sd = y.num(t, at, "sd", null, 0, Double.MAX_VALUE);
        if (sd <= 0) throw y.err(tuple(t, "sd").getValueNode(), at + ".sd", "expected a standard error above 0, got 0");
        String unit = y.str(t, at, "unit", null);
        String source = y.str(t, at, "source", null);
        boolean verified = y.bool(t, at, "verified", false);
        String note = y.str(t, at, "note", "");
        return new Target(id, statistic, strategy, observed, range[0], range[1], sd, unit, window, source, verified, note,
                line(t));
    }

    private static Statistic statistic(YamlNodes y, MappingNode t, String at, String window, Set<String> measures)
            throws ScenarioException {
        List<String> given = new ArrayList<>();
        for (String k : STATISTIC_KEYS) {
            if (tuple(t, k) != null) given.add(k);
        }
        if (given.size() != 1) {
            throw y.err(given.isEmpty() ? t : tuple(t, given.get(1)).getKeyNode(), at, "expected exactly one of "
                    + String.join(", ", STATISTIC_KEYS) + " (what the target is compared with), got "
                    + (given.isEmpty() ? "none" : String.join(" and ", given)));
        }
        String k = given.get(0);
        NodeTuple tu = tuple(t, k);
        String key = at + "." + k;
        Statistic s;
        if (k.equals("outcome") || k.equals("per_year")) {
            String name = y.str(t, at, k, null);
            s = k.equals("outcome") ? new Statistic.Measure(name) : new Statistic.PerYear(name);
        } else {
            SequenceNode pair = y.list(tu.getValueNode(), key);
            if (pair.getValue().size() != 2 || !(pair.getValue().get(0) instanceof ScalarNode a)
                    || !(pair.getValue().get(1) instanceof ScalarNode b)) {
                throw y.err(pair, key, "expected two run measures [a, b], got " + pair.getValue().size() + " items");
            }
            s = k.equals("share_of") ? new Statistic.ShareOf(a.getValue(), b.getValue())
                    : new Statistic.Ratio(a.getValue(), b.getValue());
        }
        for (String m : s.measures()) {
            Outcome o = Outcomes.measure(m);
            if (o == null || (measures != null && !measures.contains(m))) {
                String known = measures == null ? "" : YamlNodes.suggest(m, measures);
                throw y.err(tu.getValueNode(), key, "expected a run measure (a column of runs.csv, e.g. seized_share, "
                        + "delivered_kg_total, price_usd_kg_final_year), got '" + m + "'" + known);
            }
            // A yearly rate is of a campaign total; a measure's own window is the target's.
            String own = o.window().words;
            if (k.equals("per_year") && !own.equals(Outcome.Window.WHOLE_CAMPAIGN.words)) {
                throw y.err(tu.getValueNode(), key, "expected a whole-campaign total to turn into a yearly rate, got '"
                        + m + "' (" + own + ")");
            }
            if (!k.equals("per_year") && !own.equals(window)) {
                throw y.err(tu.getValueNode(), key, "'" + m + "' is a figure for the " + own + ", but the target's "
                        + "window is the " + window + "; use a measure of that window or change the window");
            }
        }
        if (k.equals("per_year") && !window.equals(Outcome.Window.WHOLE_CAMPAIGN.words)) {
            throw y.err(tuple(t, "window").getValueNode(), at + ".window", "a yearly rate over the whole campaign: "
                    + "expected the window 'whole campaign', got '" + window + "'");
        }
        return s;
    }

    private static double[] range(YamlNodes y, MappingNode t, String at, double observed) throws ScenarioException {
        String key = at + ".range";
        SequenceNode r = y.list(y.req(t, at, "range"), key);
        double[] out = new double[2];
        if (r.getValue().size() != 2) {
            throw y.err(r, key, "expected [low, high], got " + r.getValue().size() + " values");
        }
        for (int i = 0; i < 2; i++) {
            Object v = y.value(r.getValue().get(i), key);
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw y.err(r.getValue().get(i), key, "expected [low, high] as two finite numbers, got "
                        + YamlNodes.got(r.getValue().get(i)));
            }
            out[i] = n.doubleValue();
        }
        if (!(out[0] <= observed && observed <= out[1])) {
            throw y.err(r, key, "expected low <= observed <= high, got [" + Fmt.num(out[0]) + ", " + Fmt.num(out[1])
                    + "] around " + Fmt.num(observed));
        }
        return out;
    }
}
