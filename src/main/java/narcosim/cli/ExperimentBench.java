package narcosim.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import narcosim.experiment.AtomicDirectory;
import narcosim.experiment.ExperimentDir;
import narcosim.experiment.Experiments;
import narcosim.experiment.Plan;
import narcosim.experiment.RunResult;
import narcosim.experiment.RunSpec;
import narcosim.experiment.Runner;
import narcosim.experiment.Shard;

/**
 * narcosim bench --experiments: throughput of whole runs with 1 and 2 threads, bare (runs in a thread
 * pool, results dropped) and through the experiment machinery (plan, part files, merge); and, on
 * request, the heap during a long sweep.
 */
final class ExperimentBench {

    private ExperimentBench() {
    }

    static int run(Path scenario, int runs, int sweepRuns, PrintWriter out) throws Exception {
        int n = Math.max(4, runs);
        Experiments.Request req = new Experiments.Request(Plan.Kind.COMPARE, scenario, List.of(), List.of("integrated"),
                n, 1, false);
        Plan plan = Experiments.plan(req);
        out.printf(Locale.ROOT, "narcosim bench --experiments: %s, strategy integrated, %d whole runs per measurement; "
                + "Java %s, %d cores%n", plan.base().name(), n, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        bare(plan, 2, Math.min(n, 4)); // warm-up
        double bare1 = bare(plan, 1, n);
        double bare2 = bare(plan, 2, n);
        double exp1 = machinery(plan, 1);
        double exp2 = machinery(plan, 2);
        out.printf(Locale.ROOT, "bare model runs: 1 thread %.3f runs/s, 2 threads %.3f runs/s: parallel efficiency %.0f%%%n",
                bare1, bare2, 100 * bare2 / (2 * bare1));
        out.printf(Locale.ROOT, "experiment machinery: 1 thread %.3f runs/s, 2 threads %.3f runs/s: parallel efficiency "
                + "%.0f%%%n", exp1, exp2, 100 * exp2 / (2 * exp1));
        out.printf(Locale.ROOT, "overhead of the machinery over bare runs: %.1f%% (1 thread), %.1f%% (2 threads)%n",
                100 * (1 - exp1 / bare1), 100 * (1 - exp2 / bare2));
        out.flush();
        if (sweepRuns > 0) sweepMemory(sweepRuns, out);
        return 0;
    }

    private static double bare(Plan plan, int threads, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<RunResult>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                RunSpec spec = plan.runs().get(i % plan.runs().size());
                fs.add(pool.submit(() -> RunResult.run(plan.config(spec))));
            }
            for (Future<RunResult> f : fs) f.get();
            return n / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double machinery(Plan plan, int threads) throws Exception {
        Path dir = Files.createTempDirectory("narcosim-bench");
        try {
            ExperimentDir d = new ExperimentDir(dir.resolve("x"));
            long t0 = System.nanoTime();
            Runner.execute(plan, d, Shard.ALL, threads, false, Runner.Progress.NONE);
            Experiments.merge(d, plan, 1, false);
            return plan.runs().size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            AtomicDirectory.deleteTree(dir);
        }
    }

    private static void sweepMemory(int total, PrintWriter out) throws Exception {
        int replicates = Math.max(1, total / 4);
        Experiments.Request req = new Experiments.Request(Plan.Kind.COMPARE, Path.of("scenarios/classroom-balloon.yaml"),
                List.of(), null, replicates, 1, false);
        Plan plan = Experiments.plan(req);
        int runs = plan.runs().size();
        Path dir = Files.createTempDirectory("narcosim-bench-sweep");
        long[] heap = new long[11];
        int[] done = {0};
        Runner.Progress sampler = new Runner.Progress() {
            @Override
            public void start(int t, int already) {
                heap[0] = heapAfterGc();
            }

            @Override
            public void step() {
                done[0]++;
                if (done[0] % Math.max(1, runs / 10) == 0) {
                    int k = Math.min(10, done[0] * 10 / runs);
                    heap[k] = heapAfterGc();
                }
            }

            @Override
            public void close() {
            }
        };
        try {
            long t0 = System.nanoTime();
            ExperimentDir d = new ExperimentDir(dir.resolve("x"));
            Runner.execute(plan, d, Shard.ALL, 2, false, sampler);
            double secs = (System.nanoTime() - t0) / 1e9;
            Experiments.merge(d, plan, 1, false);
            long afterMerge = heapAfterGc();
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k <= 10; k++) sb.append(k == 0 ? "" : ", ").append(heap[k] >> 20);
            out.printf(Locale.ROOT, "%d-run sweep of classroom-balloon (2 threads, %.0f s): heap after GC at 0%%, 10%%, "
                    + "..., 100%% of the runs: %s MiB; after merging runs.csv and summary.csv: %d MiB%n", runs, secs, sb,
                    afterMerge >> 20);
            out.flush();
        } finally {
            AtomicDirectory.deleteTree(dir);
        }
    }

    /** Heap in use after a full collection (called eleven times in a sweep: the cost is small). */
    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
