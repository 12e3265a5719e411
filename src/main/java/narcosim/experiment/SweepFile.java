package narcosim.experiment;

import static narcosim.scenario.YamlNodes.kindOf;
import static narcosim.scenario.YamlNodes.line;
import static narcosim.scenario.YamlNodes.scalar;
import static narcosim.scenario.YamlNodes.tuple;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import narcosim.experiment.design.Designs;
import narcosim.experiment.design.Factor;
import narcosim.experiment.design.MorrisDesign;
import narcosim.experiment.design.Morris;
import narcosim.experiment.design.SaltelliDesign;
import narcosim.scenario.Param;
import narcosim.scenario.Params;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.YamlNodes;
import narcosim.util.Fmt;

/**
 * A sweep file: a base scenario, strategies, parameters with ranges or levels, a design (full
 * factorial grid, Latin hypercube, or Sobol/Saltelli), replicates and outcomes of interest. Errors
 * name the file, line and key like scenario errors do: the file is read, and its values are read, by the
 * same {@link YamlNodes} as scenario files.
 */
public final class SweepFile {

    /** The kinds of design. */
    public enum DesignType { GRID, LHS, SOBOL, MORRIS }

    /** Default grid levels of a Morris design (Campolongo et al. 2007 suggest 4 with about 10 trajectories or more). */
    public static final int MORRIS_LEVELS = 4;

    private static final List<String> KEYS = List.of("name", "description", "scenario", "strategies", "reference", "set",
            "replicates", "seed", "design", "parameters", "outcomes");
    /** Longest sweep name: it is the start of the results directory's name. */
    private static final int MAX_NAME = 80;
    /** Letters, digits, '.', '_', '-'; not '.', '..' or hidden: a name that stays inside results/. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0," + (MAX_NAME - 1) + "}");

    private final Path file;
    private final String name;
    private final Path scenarioFile;
    private final List<String> sets;
    private final Scenario scenario;
    /** The scenario file as read once: the base scenario, the values' checks and the plan's design points use it. */
    private final YamlNodes.Parsed scenarioSource;
    private final List<String> strategies;
    private final int replicates;
    private final long seed;
    private final DesignType type;
    private final int samples;
    private final int levels;
    private final List<Factor> factors;
    private final List<String> outcomes;
    private final int outcomesLine;
    private String reference;

    private SweepFile(Path file, String name, Path scenarioFile, List<String> sets, Scenario scenario,
                      YamlNodes.Parsed scenarioSource, List<String> strategies, int replicates, long seed, DesignType type, int samples, int levels,
                      List<Factor> factors, List<String> outcomes, int outcomesLine) {
        this.file = file;
        this.name = name;
        this.scenarioFile = scenarioFile;
        this.sets = sets;
        this.scenario = scenario;
        this.scenarioSource = scenarioSource;
        this.strategies = strategies;
        this.replicates = replicates;
        this.seed = seed;
        this.type = type;
        this.samples = samples;
        this.levels = levels;
        this.factors = factors;
        this.outcomes = outcomes;
        this.outcomesLine = outcomesLine;
    }

    public int replicates() {
        return replicates;
    }

    /** The strategy the sweep's findings compare the others with, as the file names it (null: the default). */
    public String reference() {
        return reference;
    }

    /**
     * Names the reference strategy (the sweep command's --reference), instead of the file's.
     *
     * @throws IllegalArgumentException when it is not one of the sweep's strategies
     */
    public void reference(String strategy) {
        if (!strategies.contains(strategy)) {
            throw new IllegalArgumentException("expected one of the sweep's strategies (" + String.join(", ", strategies)
                    + "), got '" + strategy + "'" + YamlNodes.suggest(strategy, strategies));
        }
        reference = strategy;
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
        String where = file.toString();
        YamlNodes y = new YamlNodes(where);
        Node root = YamlNodes.read(file);
        if (!(root instanceof MappingNode m)) {
            throw new ScenarioException(where, root == null ? 0 : line(root), "", "expected a mapping of sweep keys ("
                    + String.join(", ", KEYS) + "), got " + (root == null ? "an empty file" : kindOf(root)));
        }
        y.checkKeys(m, "", KEYS);
        String name = y.str(m, "", "name", null);
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw y.err(tuple(m, "name").getValueNode(), "name", "expected a plain name of letters, digits, '.', '_' "
                    + "or '-', not starting with '.', at most " + MAX_NAME + " characters (it names the results "
                    + "directory), got '" + name + "'");
        }
        String scenarioRef = y.str(m, "", "scenario", null);
        Node scNode = tuple(m, "scenario").getValueNode();
        Path scenarioFile;
        try {
            scenarioFile = resolve(file, scenarioRef);
        } catch (InvalidPathException e) {
            throw y.err(scNode, "scenario", "not a valid file name: " + e.getReason());
        }
        if (!Files.exists(scenarioFile)) throw y.err(scNode, "scenario", "no scenario file " + scenarioFile);
        List<String> sets = new ArrayList<>(y.strings(m, "", "set"));
        sets.addAll(cliSets);
        YamlNodes.Parsed source = YamlNodes.parse(scenarioFile);
        Scenario sc = ScenarioLoader.load(source, sets);
        List<String> strategies = distinct(y, m, "strategies", "strategy");
        NodeTuple st = tuple(m, "strategies");
        for (int i = 0; i < strategies.size(); i++) {
            String s = strategies.get(i);
            if (sc.strategy(s).isEmpty()) {
                throw y.err(((SequenceNode) st.getValueNode()).getValue().get(i), "strategies", "no strategy '" + s
                        + "' in " + scenarioFile + "; it has " + String.join(", ", sc.strategyIds())
                        + YamlNodes.suggest(s, sc.strategyIds()));
            }
        }
        if (strategies.isEmpty()) strategies = sc.strategyIds();
        // The strategy the findings compare the others with (default: baseline, when the sweep runs it).
        String reference = tuple(m, "reference") == null ? null : y.str(m, "", "reference", null);
        if (reference != null && !strategies.contains(reference)) {
            throw y.err(tuple(m, "reference").getValueNode(), "reference", "expected one of the sweep's strategies ("
                    + String.join(", ", strategies) + "), got '" + reference + "'" + YamlNodes.suggest(reference, strategies));
        }
        int replicates = (int) y.whole(m, "", "replicates", 1L, 1, 100000);
        long seed = y.whole(m, "", "seed", 1L, 0, Long.MAX_VALUE);
        MappingNode design = y.map(y.req(m, "", "design"), "design");
        y.checkKeys(design, "design", List.of("type", "samples", "trajectories", "levels"));
        DesignType type;
        String typeText = y.str(design, "design", "type", null);
        try {
            type = DesignType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw y.err(tuple(design, "type").getValueNode(), "design.type",
                    "expected grid, lhs, sobol or morris, got '" + typeText + "'"
                            + YamlNodes.suggest(typeText, List.of("grid", "lhs", "sobol", "morris")));
        }
        int samples;
        int gridLevels = 0;
        if (type == DesignType.MORRIS) {
            for (String k : List.of("samples")) {
                if (tuple(design, k) != null) {
                    throw y.err(tuple(design, k).getKeyNode(), "design." + k, "a Morris design takes trajectories and "
                            + "levels, not samples");
                }
            }
            samples = (int) y.whole(design, "design", "trajectories", 10L, 2, 100_000);
            gridLevels = (int) y.whole(design, "design", "levels", (long) MORRIS_LEVELS, 2, 100);
            if (gridLevels % 2 != 0) {
                throw y.err(tuple(design, "levels").getValueNode(), "design.levels",
                        "expected an even number of levels (the step is levels / (2 (levels - 1))), got " + gridLevels);
            }
        } else {
            for (String k : List.of("trajectories", "levels")) {
                if (tuple(design, k) != null) {
                    throw y.err(tuple(design, k).getKeyNode(), "design." + k, k + " belongs to a Morris design "
                            + "(type: morris), not " + typeText);
                }
            }
            samples = type == DesignType.GRID ? 0 : (int) y.whole(design, "design", "samples", null, 1, 1_000_000);
        }
        MappingNode params = y.map(y.req(m, "", "parameters"), "parameters");
        if (params.getValue().isEmpty()) throw y.err(params, "parameters", "expected at least one parameter");
        List<Factor> factors = new ArrayList<>();
        for (NodeTuple t : params.getValue()) {
            // A parameter given twice is refused when the file is read (a repeated key).
            String key = scalar(t.getKeyNode());
            String path = "parameters." + key;
            MappingNode f = y.map(t.getValueNode(), path);
            y.checkKeys(f, path, List.of("min", "max", "levels"));
            Param p = Params.get(key);
            NodeTuple levels = tuple(f, "levels");
            Factor factor;
            try {
                if (levels != null) {
                    if (!(levels.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                        throw y.err(levels.getValueNode(), path + ".levels", "expected a non-empty list of levels");
                    }
                    List<Object> vals = new ArrayList<>();
                    for (Node n : seq.getValue()) {
                        Object v = p != null ? y.rawParam(p, n, path) : y.value(n, path);
                        if (v == null) throw y.err(n, path, "expected a value for each level, got nothing");
                        boolean typed = p != null && (v instanceof Number || v instanceof Boolean);
                        check(y, source, sets, key, p, typed ? Fmt.any(v) : YamlNodes.setText((ScalarNode) n), n);
                        vals.add(v);
                    }
                    factor = Factor.levels(key, vals);
                } else {
                    double inf = Double.POSITIVE_INFINITY;
                    double min = y.num(f, path, "min", null, -inf, inf);
                    double max = y.num(f, path, "max", null, -inf, inf);
                    if (!(min < max)) {
                        throw y.err(f, path, "empty range: min (" + min + ") must be below max (" + max + ")");
                    }
                    for (double v : new double[] {min, max}) {
                        if (p != null) {
                            try {
                                p.coerce(v);
                            } catch (IllegalArgumentException e) {
                                throw y.err(f, path, e.getMessage());
                            }
                        }
                        check(y, source, sets, key, p, Fmt.any(v), f);
                    }
                    factor = Factor.range(key, min, max, p != null && p.type() == Param.Type.INTEGER);
                }
            } catch (IllegalArgumentException e) {
                throw y.err(t.getValueNode(), path, e.getMessage());
            }
            factors.add(factor);
        }
        if (type == DesignType.GRID) {
            for (int i = 0; i < factors.size(); i++) {
                if (factors.get(i).isRange()) {
                    throw y.err(params.getValue().get(i).getKeyNode(), "parameters." + factors.get(i).key(),
                            "a grid design needs levels for every parameter (levels: [...])");
                }
            }
        }
        if (type == DesignType.SOBOL && factors.size() < 2) {
            throw y.err(params, "parameters", "a Sobol design needs at least 2 parameters, got " + factors.size());
        }
        List<String> outcomes = distinct(y, m, "outcomes", "outcome");
        NodeTuple ot = tuple(m, "outcomes");
        int outcomesLine = ot == null ? 0 : line(ot.getValueNode());
        SweepFile sf = new SweepFile(file, name, scenarioFile, sets, sc, source, strategies, replicates, seed, type, samples,
                gridLevels, List.copyOf(factors), outcomes, outcomesLine);
        sf.reference = reference;
        return sf;
    }

    /** A list of names in which each may appear once. */
    private static List<String> distinct(YamlNodes y, MappingNode m, String key, String what) throws ScenarioException {
        List<String> items = y.strings(m, "", key);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i))) {
                throw y.err(((SequenceNode) tuple(m, key).getValueNode()).getValue().get(i), key,
                        "the " + what + " '" + items.get(i) + "' is listed twice");
            }
        }
        return items;
    }

    /**
     * A value must be acceptable to the scenario: a parameter's range, or a --set path the scenario takes.
     * Values are also loaded as --set ({@code text} is the value as YAML), so that the scenario's own
     * checks (a nation or region that exists, a military mix that adds up to 1) hold for swept values too.
     */
    private static void check(YamlNodes y, YamlNodes.Parsed scenarioFile, List<String> sets, String key, Param p,
                              String text, Node at) throws ScenarioException {
        List<String> all = new ArrayList<>(sets);
        all.add(key + "=" + text);
        try {
            ScenarioLoader.load(scenarioFile, all);
        } catch (ScenarioException e) {
            throw y.err(at, "parameters." + key, p != null ? e.problem() : "not a parameter (see narcosim params) "
                    + "nor a scenario setting that takes this value: " + e.problem());
        }
    }

    /** The plan: design points x strategies x replicates. */
    public Plan plan(long baseSeed, int reps) throws ScenarioException {
        List<Map<String, Object>> points;
        SaltelliDesign sobol = null;
        MorrisDesign morris = null;
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("type", type.name().toLowerCase(Locale.ROOT));
        switch (type) {
            case GRID -> points = Designs.fullFactorial(factors);
            case LHS -> points = Designs.latinHypercube(factors, samples, baseSeed);
            case MORRIS -> {
                morris = Morris.design(factors, samples, levels, samples * Morris.CANDIDATES_PER_TRAJECTORY, baseSeed);
                points = morris.points();
            }
            default -> {
                sobol = Designs.saltelli(factors, samples);
                points = sobol.points();
            }
        }
        if (type == DesignType.MORRIS) {
            description.put("trajectories", samples);
            description.put("levels", levels);
            description.put("candidates", samples * Morris.CANDIDATES_PER_TRAJECTORY);
        } else if (type != DesignType.GRID) {
            description.put("samples", samples);
        }
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
        if (reference != null) description.put("reference", reference);
        description.put("replicates", reps);
        description.put("outcomes", outcomes);
        // Morris: every point of a replicate gets the same seed (common random numbers), so that an elementary
        // effect, the difference between two neighbouring points, is not swamped by the runs' own noise.
        List<RunSpec> runs = morris != null ? Plan.crossedCommon(points, strategies, reps, baseSeed)
                : Plan.crossed(points, strategies, reps, baseSeed);
        Plan plan = new Plan(Plan.Kind.SWEEP, name, scenarioFile, sets, scenario, runs,
                factors.stream().map(Factor::key).toList(), outcomes, description, sobol, morris, scenarioSource);
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

    // ------------------------------------------------------------------ helpers

    private static Path resolve(Path file, String ref) {
        Path p = Path.of(ref);
        if (p.isAbsolute()) return p;
        Path parent = file.toAbsolutePath().getParent();
        Path rel = parent.resolve(p).normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return rel.startsWith(cwd) ? cwd.relativize(rel) : rel;
    }

    public Path file() {
        return file;
    }
}
