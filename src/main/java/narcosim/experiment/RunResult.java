package narcosim.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import narcosim.metrics.RunSummary;
import narcosim.metrics.WeeklyCollector;
import narcosim.model.NarcoModel;
import narcosim.scenario.RunConfig;
import narcosim.util.Version;

/** What one run produced: its weekly rows and its summary, with the configuration that made them. */
public record RunResult(RunConfig config, List<narcosim.metrics.Outcome> columns, List<double[]> rows,
                        Map<String, Double> outcomes) {

    /** Runs a configuration headless to the end of its horizon. */
    public static RunResult run(RunConfig config) {
        NarcoModel model = new NarcoModel(config);
        model.runToEnd();
        return of(model);
    }

    public static RunResult of(NarcoModel model) {
        WeeklyCollector c = model.collector();
        List<double[]> rows = List.copyOf(c.rows());
        return new RunResult(model.config(), c.columns(), rows, RunSummary.of(c.columns(), rows));
    }

    /**
     * The run as one flat record: identity, budget and shares, every parameter, then every outcome.
     * Values are numbers, booleans or text.
     */
    public Map<String, Object> record() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scenario", config.scenario().name());
        r.put("strategy", config.strategy().id());
        r.put("seed", config.seed());
        r.put("narcosim_version", Version.get());
        r.put("budget_musd_per_year", config.scenario().budgetMusdPerYear());
        r.put("share_military", config.strategy().shares().military());
        r.put("share_police", config.strategy().shares().police());
        r.put("share_development", config.strategy().shares().development());
        r.put("share_partnership", config.strategy().shares().partnership());
        r.putAll(config.params().asMap());
        r.putAll(outcomes);
        return r;
    }

    public double outcome(String name) {
        Double v = outcomes.get(name);
        if (v == null) throw new IllegalArgumentException("no outcome " + name);
        return v;
    }
}
