package narcosim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import narcosim.scenario.Field;
import narcosim.scenario.Fields;
import narcosim.scenario.Param;
import narcosim.scenario.Params;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;
import narcosim.util.Version;

/**
 * The fully resolved scenario of a run as YAML: geography with computed lengths and costs, the
 * strategy run, and every parameter's value as used (file, doctrine and --set applied). Running it
 * again with the same strategy and seed repeats the run exactly.
 */
public final class ScenarioWriter {

    private ScenarioWriter() {
    }

    /** Every entity as its declared fields, in declaration order (a field at its default left out where declared so). */
    private static <T> List<Object> entities(List<T> items, List<Field<T>> fields) {
        List<Object> out = new ArrayList<>();
        for (T item : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Field<T> f : fields) {
                Object v = f.written(item);
                if (v != null) m.put(f.key(), v);
            }
            out.add(m);
        }
        return out;
    }

    /** A strategy's id, name, description and shares, as a scenario file writes them. */
    private static Map<String, Object> strategy(Specs.Strategy s, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", s.name());
        m.put("description", s.description());
        Map<String, Object> shares = new LinkedHashMap<>();
        for (Field<Specs.Shares> f : Fields.SHARES) shares.put(f.key(), f.get().apply(s.shares()));
        m.put("shares", shares);
        return m;
    }

    public static String yaml(RunConfig cfg) {
        Scenario sc = cfg.scenario();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", sc.name());
        root.put("description", sc.description());
        root.put("budget", Map.of("total_musd_per_year", sc.budgetMusdPerYear()));
        root.put("nations", entities(sc.nations(), Fields.NATION));
        root.put("places", entities(sc.places(), Fields.PLACE));
        root.put("links", entities(sc.links(), Fields.LINK));
        root.put("cartels", entities(sc.cartels(), Fields.CARTEL));
        root.put("markets", entities(sc.markets(), Fields.MARKET));
        Specs.Strategy s = cfg.strategy();
        Map<String, Object> strategy = strategy(s, s.id());
        if (s.adaptive()) strategy.put("rules", entities(s.rules(), Fields.RULE));
        List<Object> strategies = new ArrayList<>(List.of(strategy));
        if (sc.burnIn() != null) {
            // The burn-in's campaign (ODD 7.23) with every lever it ran with as its doctrine, under its own id (the
            // run's strategy's levers are the parameter sections below, which a doctrine would override).
            Specs.Strategy a = sc.strategy(sc.burnIn().strategy()).orElseThrow();
            String id = a.id().equals(s.id()) ? a.id() + "-burn-in" : a.id();
            Map<String, Object> anchor = strategy(a, id);
            Map<String, Object> doctrine = new LinkedHashMap<>();
            var levers = sc.burnInParams(cfg.params());
            for (Param p : Params.all()) {
                if (p.role() == Param.Role.LEVER) doctrine.put(p.key(), levers.get(p.key()));
            }
            anchor.put("doctrine", doctrine);
            strategies.add(anchor);
            Map<String, Object> burnIn = new LinkedHashMap<>();
            burnIn.put("strategy", id);
            burnIn.put("budget_musd_per_year", sc.burnIn().budgetMusdPerYear());
            root.put("burn_in", burnIn);
        }
        root.put("strategies", strategies);
        for (String section : Params.sections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Param p : Params.all()) {
                if (p.section().equals(section)) m.put(p.name(), cfg.params().get(p.key()));
            }
            root.put(section, m);
        }
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setWidth(120);
        return "# Resolved scenario of a narcosim " + Version.get() + " run: strategy " + s.id() + ", seed "
                + cfg.seed() + ".\n# Run it again with: narcosim run <this file> --strategy " + s.id() + " --seed "
                + cfg.seed() + "\n" + new Yaml(o).dump(root);
    }
}
