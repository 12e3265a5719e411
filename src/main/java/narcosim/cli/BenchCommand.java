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
            "  1. resident updates per second on one core (the residents' weekly decisions), beside a bare loop",
            "     over the same columns in the same process, and the ratio of the two;",
            "  2. milliseconds for one whole run of the scenario (default: 10 years, burn-in included);",
            "  3. heap bytes per resident after a run with about a million residents;",
            "  with --phases, also where a whole run's time goes, by phase of the week.",
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

    @Option(names = "--time-residents", description = "Also print the wall time of measurement 3's run (one whole "
            + "run with --residents residents, the model built and run once, after the runs above), e.g. a million "
            + "residents in a 1 GiB heap: JAVA_OPTS=-Xmx1g ./narcosim bench --time-residents.")
    boolean timeResidents;

    @Option(names = "--phases", description = "Also time each phase of the week (world, cartels, shipments, "
            + "campaign, residents, metrics) over --runs more runs, after --warmup untimed ones: milliseconds per run "
            + "and share.")
    boolean phases;

    @Option(names = "--updates", paramLabel = "N", defaultValue = "100000000", description = "Resident updates per "
            + "repeat of measurement 1, at least 20 weeks (default: ${DEFAULT-VALUE}).")
    long updates;

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
        int reps = (int) Math.max(20, updates / Math.max(1, agents));
        stepCommunities(m, cs, reps / 4);
        bareSweeps(cs, reps / 4);
        // Alternating, so that both see the same load on a shared machine.
        double[] rates = new double[5];
        double[] bare = new double[5];
        for (int k = 0; k < rates.length; k++) {
            long t0 = System.nanoTime();
            stepCommunities(m, cs, reps);
            rates[k] = agents * (double) reps / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            bareSweeps(cs, reps);
            bare[k] = agents * (double) reps / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        Arrays.sort(bare);
        out.printf(Locale.ROOT, "resident updates per second (1 core): median %.1f million, best %.1f million "
                + "(%d residents x %d weeks, 5 repeats)%n", rates[2] / 1e6, rates[4] / 1e6, agents, reps);
        out.printf(Locale.ROOT, "bare loop over the same columns (1 core): median %.1f million, best %.1f million "
                + "per second (same residents and weeks, alternating with the updates)%n", bare[2] / 1e6, bare[4] / 1e6);
        out.printf(Locale.ROOT, "ratio: resident updates at %.1f%% of the bare loop's rate (medians; the project's target, "
                + "docs/PERFORMANCE.md: at least 20%%)%n", 100 * rates[2] / bare[2]);
        out.flush();

        // 2. Whole runs.
        for (int i = 0; i < warmup; i++) new NarcoModel(cfg.withSeed(1000 + i)).runToEnd();
        double[] ms = new double[runs];
        // The processor time of this thread beside the wall time: on a shared machine a run waits for a core as
        // the load rises, and that waiting is in the wall time only (the JIT's and the collector's threads are in neither).
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        double[] cpuMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            new NarcoModel(cfg.withSeed(i + 1)).runToEnd();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpuMs[i] = cpuClock ? (threads.getCurrentThreadCpuTime() - c0) / 1e6 : Double.NaN;
        }
        Arrays.sort(ms);
        Arrays.sort(cpuMs);
        out.printf(Locale.ROOT, "one %d-year run (+%d burn-in weeks, %d residents): median %.0f ms, best %.0f ms, "
                + "worst %.0f ms (%d runs)%n", cfg.weeks() / 52, m.burnInWeeks(), agents, ms[ms.length / 2], ms[0],
                ms[ms.length - 1], runs);
        if (cpuClock) {
            out.printf(Locale.ROOT, "  processor time of the same runs (this thread, without waiting for a core): median %.0f ms, "
                    + "best %.0f ms, worst %.0f ms%n", cpuMs[runs / 2], cpuMs[0], cpuMs[runs - 1]);
        }
        out.flush();

        // 2b. Where a run's time goes, by phase of the week (separate runs: the runs above carry no clock).
        if (phases) phaseTable(cfg, out);

        // 3. Memory per resident.
        if (residents > 0) {
            double population = sc.places().stream().filter(p -> p.kind() != Specs.PlaceKind.MARKET
                    && p.kind() != Specs.PlaceKind.SEA).mapToDouble(Specs.Place::population).sum();
            ParamValues p = cfg.params().with("residents.people_per_agent", population / residents);
            RunConfig big = cfg.withParams(p);
            long before = usedHeap();
            long t0 = System.nanoTime();
            NarcoModel bigModel = new NarcoModel(big);
            bigModel.runToEnd();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long after = usedHeap();
            long n = bigModel.population().agents();
            out.printf(Locale.ROOT, "memory: %d residents, whole model after a %d-year run: %.1f MiB, %.0f bytes per "
                    + "resident (heap growth over an empty JVM state)%n", n, big.weeks() / 52,
                    (after - before) / 1048576.0, (after - before) / (double) n);
            if (timeResidents) {
                out.printf(Locale.ROOT, "time: one %d-year run (+%d burn-in weeks) with %d residents: %.1f s wall, the "
                        + "model built and run once (max heap %d MiB; target with a million residents and "
                        + "-Xmx1g: under 30 s)%n", big.weeks() / 52, bigModel.burnInWeeks(), n, seconds,
                        Runtime.getRuntime().maxMemory() >> 20);
            }
            out.flush();
        }
        return 0;
    }

    private static void stepCommunities(NarcoModel m, List<Community> cs, int weeks) {
        for (int w = 0; w < weeks; w++) {
            for (Community c : cs) c.step(m);
        }
    }

    /**
     * Times each phase of the week over {@code runs} whole runs after {@code warmup} untimed ones, and prints
     * milliseconds per run and shares; "outside the phases" is the rest of each run's wall time (building the
     * model, MASON's schedule, finishing), so the shares add to 100%.
     */
    private void phaseTable(RunConfig cfg, PrintWriter out) {
        int np = NarcoModel.PHASE_NAMES.size();
        for (int i = 0; i < warmup; i++) {
            NarcoModel w = new NarcoModel(cfg.withSeed(1000 + i));
            w.timePhases(new long[np]);
            w.runToEnd();
        }
        long[] nanos = new long[np];
        long total = 0;
        int n = Math.max(1, runs);
        for (int i = 0; i < n; i++) {
            NarcoModel r = new NarcoModel(cfg.withSeed(i + 1));
            r.timePhases(nanos);
            long t0 = System.nanoTime();
            r.runToEnd();
            total += System.nanoTime() - t0;
        }
        long inPhases = Arrays.stream(nanos).sum();
        out.printf(Locale.ROOT, "where a run's time goes, by phase of the week (%d runs after %d warm-up runs; "
                + "mean per run):%n", n, warmup);
        out.printf(Locale.ROOT, "  %-22s %10s %7s%n", "phase", "ms per run", "share");
        for (int p = 0; p < np; p++) {
            out.printf(Locale.ROOT, "  %-22s %10.1f %6.1f%%%n", p + " " + NarcoModel.PHASE_NAMES.get(p),
                    nanos[p] / 1e6 / n, 100.0 * nanos[p] / total);
        }
        long rest = Math.max(0, total - inPhases);
        out.printf(Locale.ROOT, "  %-22s %10.1f %6.1f%%%n", "outside the phases", rest / 1e6 / n, 100.0 * rest / total);
        out.printf(Locale.ROOT, "  %-22s %10.1f %6.1f%%%n", "whole run", total / 1e6 / n, 100.0);
        out.flush();
    }

    /** The bare loop of measurement 1, with a result that is consumed (see {@link Community#bareSweep}). */
    private static void bareSweeps(List<Community> cs, int weeks) {
        float keep = bareKeep;
        float gain = bareGain;
        double sum = 0;
        for (int w = 0; w < weeks; w++) {
            for (Community c : cs) sum += c.bareSweep(keep, gain);
        }
        bareSink = sum;
    }

    // Volatile, so that the JIT neither folds the bare loop's constants nor drops its result.
    private static volatile float bareKeep = 1f;
    private static volatile float bareGain = 0f;
    private static volatile double bareSink;

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
