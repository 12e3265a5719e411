package narcosim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

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

    public static String yaml(RunConfig cfg) {
        Scenario sc = cfg.scenario();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", sc.name());
        root.put("description", sc.description());
        root.put("budget", Map.of("total_musd_per_year", sc.budgetMusdPerYear()));
        List<Object> nations = new ArrayList<>();
        for (Specs.Nation n : sc.nations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.id());
            m.put("name", n.name());
            m.put("price_usd_kg", n.priceUsdKg());
            m.put("legal_income_usd_week", n.legalIncomeUsdWeek());
            m.put("corruption", n.corruption());
            m.put("transparency", n.transparency());
            m.put("force_share", n.forceShare());
            m.put("military_can_arrest", n.militaryCanArrest());
            m.put("partner", n.partner());
            m.put("instability_hazard_per_year", n.instabilityHazardPerYear());
            m.put("international", n.international());
            nations.add(m);
        }
        root.put("nations", nations);
        List<Object> places = new ArrayList<>();
        for (Specs.Place p : sc.places()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.name());
            m.put("lat", p.lat());
            m.put("lon", p.lon());
            m.put("kind", p.kind().yaml());
            m.put("nation", p.nation());
            m.put("population", p.population());
            if (p.cocaHa() > 0) m.put("coca_ha", p.cocaHa());
            if (!p.region().isEmpty()) m.put("region", p.region());
            places.add(m);
        }
        root.put("places", places);
        List<Object> links = new ArrayList<>();
        for (Specs.Link l : sc.links()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", l.from());
            m.put("to", l.to());
            m.put("mode", l.mode().yaml());
            m.put("length_km", l.lengthKm());
            m.put("cost_usd_kg", l.costUsdKg());
            m.put("detectability", l.detectability());
            m.put("capacity_kg_week", l.capacityKgWeek());
            links.add(m);
        }
        root.put("links", links);
        List<Object> cartels = new ArrayList<>();
        for (Specs.Cartel c : sc.cartels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("capital_musd", c.capitalMusd());
            m.put("home", c.home());
            cartels.add(m);
        }
        root.put("cartels", cartels);
        Specs.Strategy s = cfg.strategy();
        Map<String, Object> strategy = new LinkedHashMap<>();
        strategy.put("id", s.id());
        strategy.put("name", s.name());
        strategy.put("description", s.description());
        Map<String, Object> shares = new LinkedHashMap<>();
        shares.put("military", s.shares().military());
        shares.put("police", s.shares().police());
        shares.put("development", s.shares().development());
        shares.put("partnership", s.shares().partnership());
        strategy.put("shares", shares);
        root.put("strategies", List.of(strategy));
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
