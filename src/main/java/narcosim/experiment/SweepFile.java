package narcosim.experiment;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import narcosim.experiment.design.Designs;
import narcosim.experiment.design.Factor;
import narcosim.experiment.design.SaltelliDesign;
import narcosim.scenario.Param;
import narcosim.scenario.Params;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;

/**
 * A sweep file: a base scenario, strategies, parameters with ranges or levels, a design (full
 * factorial grid, Latin hypercube, or Sobol/Saltelli), replicates and outcomes of interest. Errors
 * name the file, line and key like scenario errors do.
 */
public final class SweepFile {

    /** The kinds of design. */
    public enum DesignType { GRID, LHS, SOBOL }

    private static final List<String> KEYS = List.of("name", "description", "scenario", "strategies", "set",
            "replicates", "seed", "design", "parameters", "outcomes");

    private final Path file;
    private final String name;
    private final Path scenarioFile;
    private final List<String> sets;
    private final Scenario scenario;
    private final List<String> strategies;
    private final int replicates;
    private final long seed;
    private final DesignType type;
    private final int samples;
    private final List<Factor> factors;
    private final List<String> outcomes;
    private final int outcomesLine;

    private SweepFile(Path file, String name, Path scenarioFile, List<String> sets, Scenario scenario,
                      List<String> strategies, int replicates, long seed, DesignType type, int samples,
                      List<Factor> factors, List<String> outcomes, int outcomesLine) {
        this.file = file;
        this.name = name;
        this.scenarioFile = scenarioFile;
        this.sets = sets;
        this.scenario = scenario;
        this.strategies = strategies;
        this.replicates = replicates;
        this.seed = seed;
        this.type = type;
        this.samples = samples;
        this.factors = factors;
        this.outcomes = outcomes;
        this.outcomesLine = outcomesLine;
    }

    public int replicates() {
        return replicates;
    }

    public long seed() {
        return seed;
    }

    public String name() {
        return name;
    }

    public DesignType type() {
        return type;
    }

    public List<Factor> factors() {
        return factors;
    }

    /** Loads and checks a sweep file; {@code cliSets} are --set overrides of the base scenario. */
    public static SweepFile load(Path file, List<String> cliSets) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), 0, "", "no such file");
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, "", "cannot read the file: " + e.getMessage());
        }
        String where = file.toString();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ScenarioException(where, line, "", "malformed YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ScenarioException(where, 0, "", "malformed YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode m)) throw new ScenarioException(where, 1, "", "expected a mapping of sweep keys");
        for (NodeTuple t : m.getValue()) {
            String k = scalar(t.getKeyNode());
            if (!KEYS.contains(k)) throw err(where, t.getKeyNode(), k, "unknown key; allowed: " + String.join(", ", KEYS));
        }
        String name = str(where, m, "name", null);
        Node scNode = req(where, m, "scenario");
        Path scenarioFile = resolve(file, scalar(scNode));
        if (!Files.exists(scenarioFile)) throw err(where, scNode, "scenario", "no scenario file " + scenarioFile);
        List<String> sets = new ArrayList<>(strings(where, m, "set"));
        sets.addAll(cliSets);
        Scenario sc = ScenarioLoader.load(scenarioFile, sets);
        List<String> strategies = strings(where, m, "strategies");
        if (strategies.isEmpty()) strategies = sc.strategyIds();
        NodeTuple st = tuple(m, "strategies");
        for (String s : strategies) {
            if (sc.strategy(s).isEmpty()) {
                throw err(where, st.getValueNode(), "strategies", "no strategy '" + s + "' in " + scenarioFile
                        + "; it has " + String.join(", ", sc.strategyIds()));
            }
        }
        int replicates = (int) num(where, m, "replicates", 1, 1, 100000, true);
        long seed = (long) num(where, m, "seed", 1, 0, Long.MAX_VALUE, true);
        MappingNode design = map(where, req(where, m, "design"), "design");
        DesignType type;
        String typeText = str(where, design, "type", null);
        try {
            type = DesignType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw err(where, tuple(design, "type").getValueNode(), "design.type",
                    "expected grid, lhs or sobol, got '" + typeText + "'");
        }
        for (NodeTuple t : design.getValue()) {
            String k = scalar(t.getKeyNode());
            if (!List.of("type", "samples").contains(k)) {
                throw err(where, t.getKeyNode(), "design." + k, "unknown key; allowed: type, samples");
            }
        }
        int samples = type == DesignType.GRID ? 0 : (int) num(where, design, "samples", null, 1, 1_000_000, true);
        MappingNode params = map(where, req(where, m, "parameters"), "parameters");
        if (params.getValue().isEmpty()) throw err(where, params, "parameters", "expected at least one parameter");
        List<Factor> factors = new ArrayList<>();
        for (NodeTuple t : params.getValue()) {
            String key = scalar(t.getKeyNode());
            String path = "parameters." + key;
            if (factors.stream().anyMatch(g -> g.key().equals(key))) {
                throw err(where, t.getKeyNode(), path, "given twice; vary each parameter once");
            }
            MappingNode f = map(where, t.getValueNode(), path);
            Param p = Params.get(key);
            NodeTuple levels = tuple(f, "levels");
            Factor factor;
            if (levels != null) {
                if (!(levels.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                    throw err(where, levels.getValueNode(), path + ".levels", "expected a non-empty list of levels");
                }
                List<Object> vals = new ArrayList<>();
                for (Node n : seq.getValue()) vals.add(value(n));
                for (Object v : vals) check(where, file, scenarioFile, sets, key, p, v, levels.getValueNode());
                factor = Factor.levels(key, vals);
            } else {
                double min = num(where, f, "min", null, -Double.MAX_VALUE, Double.MAX_VALUE, false);
                double max = num(where, f, "max", null, -Double.MAX_VALUE, Double.MAX_VALUE, false);
                if (!(min < max)) {
                    throw err(where, f, path, "empty range: min (" + min + ") must be below max (" + max + ")");
                }
                check(where, file, scenarioFile, sets, key, p, min, f);
                check(where, file, scenarioFile, sets, key, p, max, f);
                factor = Factor.range(key, min, max, p != null && p.type() == Param.Type.INTEGER);
            }
            for (NodeTuple ft : f.getValue()) {
                String k = scalar(ft.getKeyNode());
                if (!List.of("min", "max", "levels").contains(k)) {
                    throw err(where, ft.getKeyNode(), path + "." + k, "unknown key; give min and max, or levels");
                }
            }
            factors.add(factor);
        }
        if (type == DesignType.GRID) {
            for (int i = 0; i < factors.size(); i++) {
                if (factors.get(i).isRange()) {
                    throw err(where, params.getValue().get(i).getKeyNode(), "parameters." + factors.get(i).key(),
                            "a grid design needs levels for every parameter (levels: [...])");
                }
            }
        }
        if (type == DesignType.SOBOL && factors.size() < 2) {
            throw err(where, params, "parameters", "a Sobol design needs at least 2 parameters, got " + factors.size());
        }
        List<String> outcomes = strings(where, m, "outcomes");
        NodeTuple ot = tuple(m, "outcomes");
        int outcomesLine = ot == null ? 0 : ot.getValueNode().getStartMark().getLine() + 1;
        return new SweepFile(file, name, scenarioFile, sets, sc, strategies, replicates, seed, type, samples,
                List.copyOf(factors), outcomes, outcomesLine);
    }

    /**
     * A value must be acceptable to the scenario: a parameter's range, or a --set path the scenario takes.
     * Parameters are also loaded as --set, so that the scenario's own checks (a nation or region that
     * exists, a military mix that adds up to 1) hold for swept values too.
     */
    private static void check(String where, Path file, Path scenarioFile, List<String> sets, String key, Param p,
                              Object v, Node at) throws ScenarioException {
        try {
            if (p != null) p.coerce(v);
        } catch (IllegalArgumentException e) {
            throw err(where, at, "parameters." + key, e.getMessage());
        }
        List<String> all = new ArrayList<>(sets);
        all.add(key + "=" + (p != null ? narcosim.util.Fmt.any(v) : v));
        try {
            ScenarioLoader.load(scenarioFile, all);
        } catch (ScenarioException e) {
            throw err(where, at, "parameters." + key, p != null ? e.problem() : "not a parameter (see narcosim params) "
                    + "nor a scenario setting that takes this value: " + e.problem());
        }
    }

    /** The plan: design points x strategies x replicates. */
    public Plan plan(long baseSeed, int reps) throws ScenarioException {
        List<Map<String, Object>> points;
        SaltelliDesign sobol = null;
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("type", type.name().toLowerCase(Locale.ROOT));
        switch (type) {
            case GRID -> points = Designs.fullFactorial(factors);
            case LHS -> points = Designs.latinHypercube(factors, samples, baseSeed);
            default -> {
                sobol = Designs.saltelli(factors, samples);
                points = sobol.points();
            }
        }
        if (type != DesignType.GRID) description.put("samples", samples);
        description.put("points", points.size());
        List<Object> fs = new ArrayList<>();
        for (Factor f : factors) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("key", f.key());
            if (f.isRange()) {
                fm.put("min", f.min());
                fm.put("max", f.max());
            } else {
                fm.put("levels", new ArrayList<>(f.levels()));
            }
            fs.add(fm);
        }
        description.put("parameters", fs);
        description.put("strategies", strategies);
        description.put("replicates", reps);
        description.put("outcomes", outcomes);
        List<RunSpec> runs = Plan.crossed(points, strategies, reps, baseSeed);
        Plan plan = new Plan(Plan.Kind.SWEEP, name, scenarioFile, sets, scenario, runs,
                factors.stream().map(Factor::key).toList(), outcomes, description, sobol);
        if (!outcomes.isEmpty()) {
            List<String> known = plan.outcomeNames();
            for (String o : outcomes) {
                if (!known.contains(o)) {
                    throw new ScenarioException(file.toString(), outcomesLine, "outcomes", "no outcome '" + o
                            + "'; outcomes are the columns of a run's summary.csv, e.g. delivered_kg_total, "
                            + "seized_share, mean_trust_final_year");
                }
            }
        }
        return plan;
    }

    // ------------------------------------------------------------------ node helpers

    private static Path resolve(Path file, String ref) {
        Path p = Path.of(ref);
        if (p.isAbsolute()) return p;
        Path parent = file.toAbsolutePath().getParent();
        Path rel = parent.resolve(p).normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return rel.startsWith(cwd) ? cwd.relativize(rel) : rel;
    }

    private static ScenarioException err(String where, Node n, String key, String problem) {
        return new ScenarioException(where, n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1,
                key, problem);
    }

    private static NodeTuple tuple(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) return t;
        }
        return null;
    }

    private static Node req(String where, MappingNode m, String key) throws ScenarioException {
        NodeTuple t = tuple(m, key);
        if (t == null) throw err(where, m, key, "missing; it is required");
        return t.getValueNode();
    }

    private static MappingNode map(String where, Node n, String key) throws ScenarioException {
        if (n instanceof MappingNode mm) return mm;
        throw err(where, n, key, "expected a mapping");
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : "";
    }

    private static Object value(Node n) {
        if (!(n instanceof ScalarNode s)) return scalar(n);
        try {
            if (Tag.INT.equals(s.getTag())) return Long.parseLong(s.getValue());
            if (Tag.FLOAT.equals(s.getTag())) return Double.parseDouble(s.getValue());
        } catch (NumberFormatException e) {
            return s.getValue();
        }
        if (Tag.BOOL.equals(s.getTag())) return Boolean.parseBoolean(s.getValue());
        return s.getValue();
    }

    private static String str(String where, MappingNode m, String key, String def) throws ScenarioException {
        NodeTuple t = tuple(m, key);
        if (t == null) {
            if (def == null) throw err(where, m, key, "missing; it is required");
            return def;
        }
        if (!(t.getValueNode() instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw err(where, t.getValueNode(), key, "expected text");
        }
        return s.getValue();
    }

    private static double num(String where, MappingNode m, String key, Number def, double min, double max,
                              boolean whole) throws ScenarioException {
        NodeTuple t = tuple(m, key);
        if (t == null) {
            if (def == null) throw err(where, m, key, "missing; it is required");
            return def.doubleValue();
        }
        Object v = value(t.getValueNode());
        if (!(v instanceof Number n)) throw err(where, t.getValueNode(), key, "expected a number, got '" + scalar(t.getValueNode()) + "'");
        double d = n.doubleValue();
        if (d < min || d > max || whole && d != Math.rint(d)) {
            throw err(where, t.getValueNode(), key, "expected " + (whole ? "a whole number" : "a number") + " from "
                    + (min == -Double.MAX_VALUE ? "-inf" : narcosim.util.Fmt.num(min)) + " to "
                    + (max >= Long.MAX_VALUE ? "inf" : narcosim.util.Fmt.num(max)) + ", got " + narcosim.util.Fmt.num(d));
        }
        return d;
    }

    private static List<String> strings(String where, MappingNode m, String key) throws ScenarioException {
        NodeTuple t = tuple(m, key);
        if (t == null) return List.of();
        if (!(t.getValueNode() instanceof SequenceNode seq)) throw err(where, t.getValueNode(), key, "expected a list");
        List<String> out = new ArrayList<>();
        for (Node n : seq.getValue()) out.add(scalar(n));
        return out;
    }

    public Path file() {
        return file;
    }
}
