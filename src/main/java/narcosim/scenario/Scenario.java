package narcosim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated scenario: geography, nations, cartels, strategies sharing one budget, and parameter
 * values set by the file. {@link #forStrategy} resolves what one run uses.
 *
 * @param overrides parameter values given with {@code --set}; they win over the file and over a
 *                  strategy's doctrine
 * @param markets   the wholesale markets, at least one; every place of kind market is a gateway of one of them
 * @param burnIn    the campaign the burn-in runs under, or null: the burn-in runs without a campaign
 */
public record Scenario(String name, String description, String source, double budgetMusdPerYear,
                       List<Specs.Nation> nations, List<Specs.Place> places, List<Specs.Link> links,
                       List<Specs.Cartel> cartels, List<Specs.Market> markets, List<Specs.Strategy> strategies,
                       ParamValues params,
                       Map<String, Object> overrides, Specs.BurnIn burnIn) {

    public Optional<Specs.Strategy> strategy(String id) {
        return strategies.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Specs.Nation nation(String id) {
        return nations.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    /** Parameters of a run of the given strategy: file values, then the doctrine, then --set overrides. */
    public RunConfig forStrategy(String strategyId, long seed) throws ScenarioException {
        Specs.Strategy s = strategy(strategyId).orElseThrow(() -> new ScenarioException(source, 0, "--strategy",
                "no strategy '" + strategyId + "' in this scenario; it has " + String.join(", ", strategyIds())));
        Map<String, Object> m = new LinkedHashMap<>(s.doctrine());
        m.putAll(overrides);
        return new RunConfig(this, s, params.with(m), seed);
    }

    /**
     * Parameters of the burn-in's campaign in a run with the given parameters: the run's values of everything
     * but the strategy levers, which are the burn-in strategy's as the file sets them (its doctrine; a lever
     * given with --set or varied by a sweep is the run's strategy's), so that every run of a comparison or
     * sweep has the same burn-in. Null without a burn-in campaign.
     */
    public ParamValues burnInParams(ParamValues run) {
        if (burnIn == null) return null;
        ParamValues anchor = params.with(strategy(burnIn.strategy()).orElseThrow().doctrine());
        Map<String, Object> levers = new LinkedHashMap<>();
        for (Param p : Params.all()) {
            if (p.role() == Param.Role.LEVER) levers.put(p.key(), anchor.get(p.key()));
        }
        return run.with(levers);
    }

    public List<String> strategyIds() {
        return strategies.stream().map(Specs.Strategy::id).toList();
    }

    /** A copy with a different parameter set (used by benchmarks and sweeps). */
    public Scenario withParams(ParamValues p) {
        return new Scenario(name, description, source, budgetMusdPerYear, nations, places, links, cartels, markets,
                strategies, p, overrides, burnIn);
    }
}
