package narcosim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import narcosim.agents.Community;
import narcosim.model.NarcoModel;
import narcosim.scenario.ParamValues;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.Specs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * narcosim bench: in-process figures for docs/PERFORMANCE.md, measured on the same model code as a
 * run, after warm-up. Not a test: it asserts nothing, it measures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the model's speed and memory on this machine, after JIT warm-up.",
            "It measures:",
            "  1. resident updates per second on one core (the residents' weekly decisions);",
            "  2. milliseconds for one whole run of the scenario (default: 10 years, burn-in included);",
            "  3. heap bytes per resident after a run with about a million residents.",
            "Run it with the heap you want to prove, e.g.  JAVA_OPTS=-Xmx1g ./narcosim bench"},
        footer = {"", "Figures and how they were taken: docs/PERFORMANCE.md"})
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "scenarios/central-america.yaml",
            description = "Scenario to measure (default: ${DEFAULT-VALUE}).")
    Path scenario;

    @Option(names = "--strategy", paramLabel = "ID", defaultValue = "integrated",
            description = "Strategy to run (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "Timed whole runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", description = "Untimed warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--residents", paramLabel = "N", defaultValue = "1000000",
            description = "Residents for the memory measurement (default: ${DEFAULT-VALUE}; 0 skips it).")
    int residents;

    @Option(names = "--experiments", description = "Instead: runs per second of the experiment machinery with 1 and "
            + "2 threads, against bare model runs (parallel efficiency and overhead).")
    boolean experiments;

    @Option(names = "--sweep-runs", paramLabel = "N", defaultValue = "0", description = "With --experiments: also run "
            + "an N-run sweep of the classroom scenario and report the heap after garbage collection as it goes "
            + "(results stream to disk: memory should stay flat).")
    int sweepRuns;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (experiments) return ExperimentBench.run(scenario, runs, sweepRuns, out);
        Scenario sc = ScenarioLoader.load(scenario);
        RunConfig cfg = sc.forStrategy(strategy, 1);
        out.printf(Locale.ROOT, "narcosim bench: %s, strategy %s; Java %s, %d cores, max heap %d MiB%n", sc.name(),
                strategy, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        out.flush();

        // 1. Resident updates: the communities' weekly step, on a model past its burn-in.
        NarcoModel m = new NarcoModel(cfg);
        m.start();
        for (int i = 0; i < m.burnInWeeks() + 52; i++) m.schedule.step(m);
        List<Community> cs = m.communities();
        long agents = m.population().agents();
        int reps = (int) Math.max(20, 100_000_000L / Math.max(1, agents));
        stepCommunities(m, cs, reps / 4);
        double[] rates = new double[5];
        for (int k = 0; k < rates.length; k++) {
            long t0 = System.nanoTime();
            stepCommunities(m, cs, reps);
            rates[k] = agents * (double) reps / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        out.printf(Locale.ROOT, "resident updates per second (1 core): median %.1f million, best %.1f million "
                + "(%d residents x %d weeks, 5 repeats)%n", rates[2] / 1e6, rates[4] / 1e6, agents, reps);
        out.flush();

        // 2. Whole runs.
        for (int i = 0; i < warmup; i++) new NarcoModel(cfg.withSeed(1000 + i)).runToEnd();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            new NarcoModel(cfg.withSeed(i + 1)).runToEnd();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        out.printf(Locale.ROOT, "one %d-year run (+%d burn-in weeks, %d residents): median %.0f ms, best %.0f ms, "
                + "worst %.0f ms (%d runs)%n", cfg.weeks() / 52, m.burnInWeeks(), agents, ms[ms.length / 2], ms[0],
                ms[ms.length - 1], runs);
        out.flush();

        // 3. Memory per resident.
        if (residents > 0) {
            double population = sc.places().stream().filter(p -> p.kind() != Specs.PlaceKind.MARKET
                    && p.kind() != Specs.PlaceKind.SEA).mapToDouble(Specs.Place::population).sum();
            ParamValues p = cfg.params().with("residents.people_per_agent", population / residents);
            RunConfig big = cfg.withParams(p);
            long before = usedHeap();
            NarcoModel bigModel = new NarcoModel(big);
            bigModel.runToEnd();
            long after = usedHeap();
            long n = bigModel.population().agents();
            out.printf(Locale.ROOT, "memory: %d residents, whole model after a %d-year run: %.1f MiB, %.0f bytes per "
                    + "resident (heap growth over an empty JVM state)%n", n, big.weeks() / 52,
                    (after - before) / 1048576.0, (after - before) / (double) n);
            out.flush();
        }
        return 0;
    }

    private static void stepCommunities(NarcoModel m, List<Community> cs, int weeks) {
        for (int w = 0; w < weeks; w++) {
            for (Community c : cs) c.step(m);
        }
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
