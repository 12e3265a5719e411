package narcosim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import narcosim.model.NarcoModel;
import narcosim.scenario.ParamValues;
import narcosim.scenario.Params;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.YamlNodes;

/**
 * What an experiment runs: a base scenario (file plus --set overrides), the runs in a fixed order,
 * the keys the design varies, and a description for the manifest. A run's configuration applies, in
 * order, the scenario file, the strategy's doctrine, the base overrides, then the design's values.
 */
public final class Plan {

    /** What kind of experiment made the plan. */
    public enum Kind { COMPARE, SWEEP, LEVERS }

    private final Kind kind;
    private final String name;
    private final Path scenarioFile;
    private final List<String> baseSets;
    private final Scenario base;
    private final List<RunSpec> runs;
    private final List<String> varied;
    private final List<String> outcomes;
    private final Map<String, Object> description;
    private final narcosim.experiment.design.SaltelliDesign sobol;
    private final narcosim.experiment.design.MorrisDesign morris;
    /**
     * The scenario file as read once for this experiment (null until a design point needs it, when the plan's
     * builder did not hand it over): design points that set scenario paths build their scenario from it, never
     * from the file again, so every run of the experiment sees the file as it was when the experiment began.
     */
    private YamlNodes.Parsed source;
    /** The names of a run's outcomes and weekly columns, found once (from a model set up but not run). */
    private List<String> outcomeNames;
    private List<String> weeklyNames;
    // Scenarios reloaded for design points that set scenario paths. Bounded: a point's runs come one after
    // another, and a 10,000-point sweep must not keep 10,000 scenarios in memory.
    private final Map<List<String>, Scenario> reloaded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, Scenario> eldest) {
            return size() > 32;
        }
    };

    public Plan(Kind kind, String name, Path scenarioFile, List<String> baseSets, Scenario base, List<RunSpec> runs,
                List<String> varied, List<String> outcomes, Map<String, Object> description,
                narcosim.experiment.design.SaltelliDesign sobol) {
        this(kind, name, scenarioFile, baseSets, base, runs, varied, outcomes, description, sobol, null);
    }

    public Plan(Kind kind, String name, Path scenarioFile, List<String> baseSets, Scenario base, List<RunSpec> runs,
                List<String> varied, List<String> outcomes, Map<String, Object> description,
                narcosim.experiment.design.SaltelliDesign sobol, narcosim.experiment.design.MorrisDesign morris) {
        this(kind, name, scenarioFile, baseSets, base, runs, varied, outcomes, description, sobol, morris, null);
    }

    /**
     * A plan whose base scenario was loaded from {@code source} (the scenario file read once, {@link YamlNodes#parse}),
     * which design points that set scenario paths then reuse; null: read the file when a point first needs it.
     */
    public Plan(Kind kind, String name, Path scenarioFile, List<String> baseSets, Scenario base, List<RunSpec> runs,
                List<String> varied, List<String> outcomes, Map<String, Object> description,
                narcosim.experiment.design.SaltelliDesign sobol, narcosim.experiment.design.MorrisDesign morris,
                YamlNodes.Parsed source) {
        this.source = source;
        this.kind = kind;
        this.name = name;
        this.scenarioFile = scenarioFile;
        this.baseSets = List.copyOf(baseSets);
        this.base = base;
        this.runs = List.copyOf(runs);
        this.varied = List.copyOf(varied);
        this.outcomes = List.copyOf(outcomes);
        this.description = new LinkedHashMap<>(description);
        this.sobol = sobol;
        this.morris = morris;
    }

    /** The Saltelli design of a Sobol sweep, whose points are design points 0..n(k+2)-1; else null. */
    public narcosim.experiment.design.SaltelliDesign sobol() {
        return sobol;
    }

    /** The Morris design of a screening sweep, whose points are its design points in order; else null. */
    public narcosim.experiment.design.MorrisDesign morris() {
        return morris;
    }

    /**
     * Common random numbers across design points too: replicate r of every point and strategy has the same
     * seed (that of point 0), for designs whose statistics are differences between points (Morris).
     */
    public static List<RunSpec> crossedCommon(List<Map<String, Object>> points, List<String> strategies,
                                              int replicates, long baseSeed) {
        List<RunSpec> out = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            for (String s : strategies) {
                for (int r = 0; r < replicates; r++) {
                    out.add(new RunSpec(out.size(), p, s, r, Seeds.derive(baseSeed, 0, r), points.get(p)));
                }
            }
        }
        return out;
    }

    /** Common random numbers: every strategy x replicate r, with the seed of replicate r. */
    public static List<RunSpec> crossed(List<Map<String, Object>> points, List<String> strategies, int replicates,
                                        long baseSeed) {
        List<RunSpec> out = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            for (String s : strategies) {
                for (int r = 0; r < replicates; r++) {
                    out.add(new RunSpec(out.size(), p, s, r, Seeds.derive(baseSeed, p, r), points.get(p)));
                }
            }
        }
        return out;
    }

    /** The configuration of one run. */
    public synchronized RunConfig config(RunSpec run) throws ScenarioException {
        List<String> sets = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : run.values().entrySet()) {
            if (e.getKey().equals(Levers.LEVER)) continue; // names the variant; sets nothing
            if (Params.has(e.getKey())) params.put(e.getKey(), e.getValue());
            else sets.add(e.getKey() + "=" + e.getValue());
        }
        Scenario sc = base;
        if (!sets.isEmpty()) {
            List<String> all = new ArrayList<>(baseSets);
            all.addAll(sets);
            sc = reloaded.get(all);
            if (sc == null) {
                if (source == null) source = YamlNodes.parse(scenarioFile);
                sc = ScenarioLoader.load(source, all);
                reloaded.put(all, sc);
            }
        }
        RunConfig cfg = sc.forStrategy(run.strategy(), run.seed());
        if (params.isEmpty()) return cfg;
        Map<String, Object> coerced = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            try {
                coerced.put(e.getKey(), Params.get(e.getKey()).coerce(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new ScenarioException(name, 0, e.getKey(), ex.getMessage());
            }
        }
        ParamValues pv = cfg.params().with(coerced);
        return cfg.withParams(pv);
    }

    /**
     * Names of every outcome a run of this plan reports, in order (from a model set up but not run, once per
     * plan).
     */
    public List<String> outcomeNames() throws ScenarioException {
        names();
        return new ArrayList<>(outcomeNames);
    }

    /** Names of the weekly columns a run of this plan records, in order (found with {@link #outcomeNames()}). */
    public List<String> weeklyNames() throws ScenarioException {
        names();
        return weeklyNames;
    }

    private synchronized void names() throws ScenarioException {
        if (outcomeNames != null) return;
        NarcoModel m = new NarcoModel(config(runs.get(0)));
        m.start();
        weeklyNames = m.collector().columns().stream().map(narcosim.metrics.Outcome::name).toList();
        outcomeNames = List.copyOf(narcosim.metrics.RunSummary.of(m.collector().columns(), List.of()).keySet());
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public Path scenarioFile() {
        return scenarioFile;
    }

    public List<String> baseSets() {
        return baseSets;
    }

    public Scenario base() {
        return base;
    }

    public List<RunSpec> runs() {
        return runs;
    }

    public List<String> varied() {
        return varied;
    }

    /** Outcomes of interest (what summaries and sensitivity indices report). */
    public List<String> outcomes() {
        return outcomes;
    }

    public Map<String, Object> description() {
        return description;
    }
}
