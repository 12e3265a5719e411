package narcosim.experiment;

import java.util.Map;

/**
 * Which share of an experiment's runs this process does: shard {@code index} of {@code count}
 * (1-based), taking the runs whose id modulo count is index - 1. Given as --shard K/N, or read from a
 * cluster's array-job variables.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected K/N with 1 <= K <= N");
        }
    }

    public boolean owns(int runId) {
        return runId % count == index - 1;
    }

    /** Parses K/N. */
    public static Shard parse(String text) {
        String[] kn = text.trim().split("/");
        if (kn.length != 2) throw new IllegalArgumentException("--shard: expected K/N (e.g. 3/64), got '" + text + "'");
        try {
            return new Shard(Integer.parseInt(kn[0].trim()), Integer.parseInt(kn[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard: expected K/N with whole numbers, got '" + text + "'");
        }
    }

    /**
     * The shard from the environment of an array job: Slurm (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT,
     * SLURM_ARRAY_TASK_MIN), AWS Batch (AWS_BATCH_JOB_ARRAY_INDEX, AWS_BATCH_JOB_ARRAY_SIZE) or a Kubernetes
     * indexed job (JOB_COMPLETION_INDEX, with the count given as {@code count} or NARCOSIM_SHARD_COUNT).
     * Null when none is set.
     */
    public static Shard fromEnvironment(Map<String, String> env, Integer count) {
        String slurm = env.get("SLURM_ARRAY_TASK_ID");
        if (slurm != null) {
            int id = Integer.parseInt(slurm.trim());
            int min = Integer.parseInt(env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0").trim());
            int step = Integer.parseInt(env.getOrDefault("SLURM_ARRAY_TASK_STEP", "1").trim());
            String n = env.get("SLURM_ARRAY_TASK_COUNT");
            if (n == null && count == null) {
                throw new IllegalArgumentException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; "
                        + "give --shard-count N");
            }
            return new Shard((id - min) / Math.max(1, step) + 1, count != null ? count : Integer.parseInt(n.trim()));
        }
        String aws = env.get("AWS_BATCH_JOB_ARRAY_INDEX");
        if (aws != null) {
            String n = env.get("AWS_BATCH_JOB_ARRAY_SIZE");
            if (n == null && count == null) {
                throw new IllegalArgumentException("AWS_BATCH_JOB_ARRAY_INDEX is set but AWS_BATCH_JOB_ARRAY_SIZE is "
                        + "not; give --shard-count N");
            }
            return new Shard(Integer.parseInt(aws.trim()) + 1, count != null ? count : Integer.parseInt(n.trim()));
        }
        String k8s = env.get("JOB_COMPLETION_INDEX");
        if (k8s != null) {
            String n = env.get("NARCOSIM_SHARD_COUNT");
            if (count == null && n == null) {
                throw new IllegalArgumentException("JOB_COMPLETION_INDEX is set: give the number of completions with "
                        + "--shard-count N (or NARCOSIM_SHARD_COUNT)");
            }
            return new Shard(Integer.parseInt(k8s.trim()) + 1, count != null ? count : Integer.parseInt(n.trim()));
        }
        return null;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
