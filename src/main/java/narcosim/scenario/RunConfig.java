package narcosim.scenario;

/** Everything one run needs: the scenario, the strategy, the resolved parameters and the seed. */
public record RunConfig(Scenario scenario, Specs.Strategy strategy, ParamValues params, long seed) {

    public int weeks() {
        return params.integer("run.years") * 52;
    }

    public RunConfig withSeed(long newSeed) {
        return new RunConfig(scenario, strategy, params, newSeed);
    }

    public RunConfig withParams(ParamValues p) {
        return new RunConfig(scenario, strategy, p, seed);
    }
}
