package narcosim.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import narcosim.model.ModelStateException;
import narcosim.model.NarcoModel;
import narcosim.scenario.RunConfig;
import narcosim.util.Fmt;

/**
 * Runs a plan's runs for one shard on a pool of threads, one model per thread, skipping runs already
 * finished in the directory. Finished runs are appended as whole rows, in batches, to the shard's part
 * files; a failed run is recorded with its error and the others go on. Results are not kept in
 * memory, so memory stays flat however many runs there are.
 */
public final class Runner {

    /** How a shard's execution ended. */
    public record Outcome(int total, int skipped, int done, List<String> failures) {
    }

    /** Receives progress. */
    public interface Progress extends AutoCloseable {
        /** Reports nothing. */
        Progress NONE = new Progress() {
            @Override
            public void start(int total, int alreadyDone) {
            }

            @Override
            public void step() {
            }

            @Override
            public void close() {
            }
        };

        void start(int total, int alreadyDone);

        void step();

        @Override
        void close();
    }

    /**
     * Sees chosen runs' models when they have finished, on the thread that ran them: what a report would
     * otherwise get by running them again (the route maps of a comparison). It must not change the model
     * (the run's rows are taken before it is called) and should be quick; what it throws is ignored.
     */
    public interface Finished {
        /** Whether to see this run's finished model. */
        boolean wants(RunSpec spec);

        void finished(RunSpec spec, RunConfig config, NarcoModel model, RunResult result);
    }

    /** Finished rows are written at least this often (tests that kill a run shorten it). */
    private static final long FLUSH_NANOS = Long.getLong("narcosim.flush.millis", 1000L) * 1_000_000L;

    private Runner() {
    }

    public static List<String> runsHeader(Plan plan, List<String> outcomes) {
        List<String> h = new ArrayList<>(List.of("run_id", "point", "strategy", "replicate", "seed"));
        h.addAll(plan.varied());
        h.addAll(outcomes);
        return h;
    }

    public static List<String> timeseriesHeader(List<String> weekly) {
        List<String> h = new ArrayList<>(List.of("run_id", "week"));
        h.addAll(weekly);
        return h;
    }

    public static final List<String> FAILURE_HEADER = List.of("run_id", "point", "strategy", "replicate", "seed", "error");

    /** Weekly outcome names of the plan's runs. */
    public static List<String> weeklyNames(Plan plan) throws Exception {
        return plan.weeklyNames();
    }

    public static Outcome execute(Plan plan, ExperimentDir dir, Shard shard, int threads, boolean timeseries,
                                  Progress progress) throws Exception {
        return execute(plan, dir, shard, threads, timeseries, progress, null);
    }

    /** As above, showing chosen runs' finished models to {@code finished} (null: none). */
    public static Outcome execute(Plan plan, ExperimentDir dir, Shard shard, int threads, boolean timeseries,
                                  Progress progress, Finished finished) throws Exception {
        List<String> outcomes = plan.outcomeNames();
        List<String> header = runsHeader(plan, outcomes);
        BitSet done = ExperimentDir.recover(dir.runsPart(shard), header);
        ExperimentDir.recover(dir.failuresPart(shard), FAILURE_HEADER);
        List<String> tsHeader = null;
        if (timeseries) {
            tsHeader = timeseriesHeader(weeklyNames(plan));
            // Keep only weekly rows of runs whose summary row made it to disk.
            ExperimentDir.keepOnly(dir.timeseriesPart(shard), tsHeader, done);
        }
        List<RunSpec> todo = new ArrayList<>();
        int mine = 0;
        for (RunSpec r : plan.runs()) {
            if (!shard.owns(r.id())) continue;
            mine++;
            if (!done.get(r.id())) todo.add(r);
        }
        List<String> failures = new ArrayList<>();
        progress.start(mine, mine - todo.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "narcosim-run");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Done> cs = new ExecutorCompletionService<>(pool);
            int next = 0;
            int inFlight = 0;
            int window = Math.max(1, threads) * 4;
            StringBuilder rows = new StringBuilder();
            StringBuilder weekly = new StringBuilder();
            StringBuilder failed = new StringBuilder();
            long lastFlush = System.nanoTime();
            while (next < todo.size() || inFlight > 0) {
                while (next < todo.size() && inFlight < window) {
                    RunSpec spec = todo.get(next++);
                    cs.submit(() -> runOne(plan, spec, timeseries, outcomes, finished));
                    inFlight++;
                }
                Future<Done> f = cs.take();
                inFlight--;
                Done d;
                try {
                    d = f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a run's task failed outside the model", e.getCause());
                }
                if (d.error != null) {
                    failures.add("run " + d.spec.id() + " (" + d.spec.strategy() + ", replicate " + d.spec.replicate()
                            + "): " + d.error);
                    failed.append(ExperimentDir.line(List.of(Integer.toString(d.spec.id()),
                            Integer.toString(d.spec.point()), d.spec.strategy(), Integer.toString(d.spec.replicate()),
                            Long.toString(d.spec.seed()), d.error)));
                } else {
                    if (timeseries) weekly.append(d.weekly);
                    rows.append(d.row);
                }
                progress.step();
                if (System.nanoTime() - lastFlush > FLUSH_NANOS || inFlight == 0 && next >= todo.size()) {
                    flush(dir, shard, weekly, rows, failed);
                    lastFlush = System.nanoTime();
                }
            }
            flush(dir, shard, weekly, rows, failed);
        } finally {
            pool.shutdownNow();
            progress.close();
        }
        return new Outcome(mine, mine - todo.size(), todo.size() - failures.size(), failures);
    }

    /** Weekly rows first, then summary rows: a run counts as done only once both are on disk. */
    private static void flush(ExperimentDir dir, Shard shard, StringBuilder weekly, StringBuilder rows,
                              StringBuilder failed) throws IOException {
        if (weekly.length() > 0) ExperimentDir.append(dir.timeseriesPart(shard), weekly);
        ExperimentDir.append(dir.runsPart(shard), rows);
        ExperimentDir.append(dir.failuresPart(shard), failed);
        weekly.setLength(0);
        rows.setLength(0);
        failed.setLength(0);
    }

    /** A finished run as the lines it adds to the part files (formatted where it ran), or its error. */
    private record Done(RunSpec spec, String row, String weekly, String error) {
    }

    /**
     * One run, and its rows formatted on the thread that ran it: formatting (some 5-10 ms a run with the weekly
     * rows) is spread over the pool instead of queueing on the one thread that writes the part files.
     */
    private static Done runOne(Plan plan, RunSpec spec, boolean timeseries, List<String> outcomes,
                               Finished finished) {
        RunResult result;
        try {
            RunConfig config = plan.config(spec);
            if (finished != null && finished.wants(spec)) {
                // as RunResult.run, keeping the model for the observer
                NarcoModel model = new NarcoModel(config);
                model.runToEnd();
                result = RunResult.of(model);
                try {
                    finished.finished(spec, config, model, result);
                } catch (RuntimeException e) {
                    // the run itself is done and recorded; whoever wanted its model does without
                }
            } else {
                result = RunResult.run(config);
            }
        } catch (Exception | StackOverflowError e) {
            return new Done(spec, null, null, error(e));
        }
        return new Done(spec, ExperimentDir.line(row(plan, spec, result, outcomes)),
                timeseries ? weeklyRows(spec, result) : null, null);
    }

    /**
     * A failed run's error as recorded in failures.csv: a run that left the model's valid state gives its own
     * message (the week, the quantity and the parameters set away from their defaults); anything else its
     * class and message.
     */
    public static String error(Throwable e) {
        if (e instanceof ModelStateException) return e.getMessage();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static List<String> row(Plan plan, RunSpec spec, RunResult r, List<String> outcomes) {
        List<String> row = new ArrayList<>(5 + plan.varied().size() + outcomes.size());
        row.add(Integer.toString(spec.id()));
        row.add(Integer.toString(spec.point()));
        row.add(spec.strategy());
        row.add(Integer.toString(spec.replicate()));
        row.add(Long.toString(spec.seed()));
        for (String k : plan.varied()) row.add(Fmt.any(spec.values().get(k)));
        for (String o : outcomes) {
            Double v = r.outcomes().get(o);
            row.add(v == null ? "" : Fmt.num(v));
        }
        return row;
    }

    private static String weeklyRows(RunSpec spec, RunResult result) {
        StringBuilder sb = new StringBuilder();
        List<double[]> rows = result.rows();
        for (int w = 0; w < rows.size(); w++) {
            List<String> line = new ArrayList<>(rows.get(w).length + 2);
            line.add(Integer.toString(spec.id()));
            line.add(Integer.toString(w));
            for (double v : rows.get(w)) line.add(Fmt.num(v));
            sb.append(ExperimentDir.line(line));
        }
        return sb.toString();
    }
}
