package narcosim.optimize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import narcosim.scenario.ScenarioException;
import narcosim.scenario.YamlNodes;

/**
 * What an optimisation seeks: objectives ({@code outcome:min} or {@code outcome:max}, outcomes of the catalogue, the
 * mean over replicates) and constraints on outcome means ({@code outcome<=bound}, {@code outcome>=bound}), from the
 * command line or a spec file.
 */
public record Goals(List<Objective> objectives, List<Constraint> constraints, List<String> switches) {

    /** One objective: an outcome to make as small or as large as it can be. */
    public record Objective(String outcome, boolean maximise) {
        /** The value MOEA Framework minimises. */
        public double minimised(double mean) {
            return maximise ? -mean : mean;
        }

        public String text() {
            return outcome + ":" + (maximise ? "max" : "min");
        }
    }

    /** One constraint: an outcome's mean at most (or at least) a bound. */
    public record Constraint(String outcome, boolean atMost, double bound) {
        /** How far a mean is on the wrong side of the bound; 0 when the constraint holds. */
        public double violation(double mean) {
            if (Double.isNaN(mean)) return Double.MAX_VALUE;
            return Math.max(0, atMost ? mean - bound : bound - mean);
        }

        public String text() {
            return outcome + (atMost ? "<=" : ">=") + narcosim.util.Fmt.num(bound);
        }
    }

    public Goals {
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
        switches = switches == null ? null : List.copyOf(switches);
    }

    private static final Pattern OBJECTIVE = Pattern.compile("\\s*([A-Za-z0-9_.:-]+?)\\s*:\\s*(min|max)\\s*");
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*([A-Za-z0-9_.:-]+?)\\s*(<=|>=)\\s*(\\S+)\\s*");

    /** An objective as given: {@code outcome:min|max}; {@code where} names the option or file and key in messages. */
    public static Objective objective(String text, String where, int line, Collection<String> outcomes)
            throws ScenarioException {
        Matcher m = OBJECTIVE.matcher(text);
        if (!m.matches()) {
            throw new ScenarioException(where, line, key(where, "objectives"), "expected outcome:min or outcome:max (e.g. "
                    + "delivered_kg_total:min), got '" + YamlNodes.visible(text) + "'");
        }
        return new Objective(outcome(m.group(1), where, line, "objectives", outcomes), m.group(2).equals("max"));
    }

    /** A constraint as given: {@code outcome<=bound} or {@code outcome>=bound}. */
    public static Constraint constraint(String text, String where, int line, Collection<String> outcomes)
            throws ScenarioException {
        Matcher m = CONSTRAINT.matcher(text);
        if (!m.matches()) {
            throw new ScenarioException(where, line, key(where, "constraints"), "expected outcome<=bound or outcome>=bound (e.g. "
                    + "collateral_harm_total<=50), got '" + YamlNodes.visible(text) + "'");
        }
        double bound;
        try {
            bound = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            bound = Double.NaN;
        }
        if (!Double.isFinite(bound)) {
            throw new ScenarioException(where, line, key(where, "constraints"), "expected a number after " + m.group(2) + ", got '"
                    + YamlNodes.visible(m.group(3)) + "'");
        }
        return new Constraint(outcome(m.group(1), where, line, "constraints", outcomes), m.group(2).equals("<="), bound);
    }

    private static String outcome(String name, String where, int line, String key, Collection<String> outcomes)
            throws ScenarioException {
        if (!outcomes.contains(name)) {
            throw new ScenarioException(where, line, key(where, key), "no outcome '" + name + "' (narcosim outcomes lists them)"
                    + YamlNodes.suggest(name, outcomes));
        }
        return name;
    }

    /** The key a message names: none after a command-line option (it names itself), else the spec file's key. */
    private static String key(String where, String key) {
        return where.startsWith("--") ? "" : key;
    }

    /** Objectives and constraints checked together: at least two objectives, none twice. */
    public static Goals of(List<Objective> objectives, List<Constraint> constraints, List<String> switches, String where)
            throws ScenarioException {
        if (objectives.size() < 2) {
            throw new ScenarioException(where, 0, key(where, "objectives"), "expected at least two objectives (a front needs two; "
                    + "for one, use calibrate or sweep), got " + objectives.size());
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Objective o : objectives) {
            if (!seen.add(o.outcome())) {
                throw new ScenarioException(where, 0, key(where, "objectives"), "expected each outcome once, got " + o.outcome()
                        + " twice");
            }
        }
        return new Goals(objectives, constraints, switches);
    }

    /**
     * A spec file: {@code objectives:} (a list of {@code outcome: min|max}, or of {@code outcome:min} texts),
     * optional {@code constraints:} (texts {@code outcome<=bound}) and {@code switches:} (doctrine keys to search).
     */
    public static Goals read(Path file, Collection<String> outcomes) throws ScenarioException {
        String where = file.toString();
        Node root = YamlNodes.read(file);
        YamlNodes y = new YamlNodes(where);
        if (root == null) throw new ScenarioException(where, 0, "objectives", "missing; the file is empty");
        MappingNode m = y.map(root, "");
        y.checkKeys(m, "", List.of("objectives", "constraints", "switches"));
        List<Objective> objectives = new ArrayList<>();
        for (Node n : y.list(y.req(m, "", "objectives"), "objectives").getValue()) {
            int line = YamlNodes.line(n);
            if (n instanceof MappingNode om && om.getValue().size() == 1) {
                NodeTuple t = om.getValue().get(0);
                objectives.add(objective(YamlNodes.scalar(t.getKeyNode()) + ":" + YamlNodes.scalar(t.getValueNode()),
                        where, line, outcomes));
            } else if (n instanceof ScalarNode s) {
                objectives.add(objective(s.getValue(), where, line, outcomes));
            } else {
                throw y.err(n, "objectives", "expected 'outcome: min' or 'outcome: max', got " + YamlNodes.kindOf(n));
            }
        }
        List<Constraint> constraints = new ArrayList<>();
        NodeTuple c = YamlNodes.tuple(m, "constraints");
        if (c != null) {
            for (Node n : y.list(c.getValueNode(), "constraints").getValue()) {
                if (!(n instanceof ScalarNode s)) {
                    throw y.err(n, "constraints", "expected 'outcome<=bound' or 'outcome>=bound', got "
                            + YamlNodes.kindOf(n));
                }
                constraints.add(constraint(s.getValue(), where, YamlNodes.line(n), outcomes));
            }
        }
        List<String> switches = YamlNodes.tuple(m, "switches") == null ? null : y.strings(m, "", "switches");
        return of(objectives, constraints, switches, where);
    }

    /** The outcomes the optimisation records per run: objectives', then constraints' not already there. */
    public List<String> recorded() {
        Set<String> out = new LinkedHashSet<>();
        for (Objective o : objectives) out.add(o.outcome());
        for (Constraint c : constraints) out.add(c.outcome());
        return new ArrayList<>(out);
    }
}
