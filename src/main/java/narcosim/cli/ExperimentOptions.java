package narcosim.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options of commands that run many runs (compare, sweep). */
public final class ExperimentOptions {

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once, one model per thread (default: all "
            + "cores, here ${sys:narcosim.cores}).")
    Integer threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Experiment directory (default: results/<name>-<timestamp>).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Go on with an interrupted experiment in DIR: "
            + "finished runs are kept, the rest are run. Give the same command and options as the first time.")
    Path resume;

    @Option(names = "--shard", paramLabel = "K/N", description = "Do only shard K of N (1-based) of the runs, into the "
            + "same --out directory as the other shards; then run 'narcosim merge DIR'. Without it, the shard is "
            + "taken from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, AWS_BATCH_JOB_ARRAY_INDEX/"
            + "AWS_BATCH_JOB_ARRAY_SIZE or JOB_COMPLETION_INDEX (Kubernetes, with --shard-count) when set.")
    String shard;

    @Option(names = "--shard-count", paramLabel = "N", description = "Number of shards when the environment gives "
            + "only the index (Kubernetes indexed jobs).")
    Integer shardCount;

    @Option(names = "--timeseries", negatable = true, description = "Keep every run's weekly outcomes in "
            + "timeseries.csv.gz (default: yes for compare, whose report draws the headline outcomes over time; no for "
            + "sweep and levers).")
    Boolean timeseries;

    /** Whether to keep the weekly outcomes: as asked, or by default for a comparison only. */
    boolean timeseries(narcosim.experiment.Plan.Kind kind) {
        return timeseries != null ? timeseries : kind == narcosim.experiment.Plan.Kind.COMPARE;
    }

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    static {
        System.setProperty("narcosim.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }
}
