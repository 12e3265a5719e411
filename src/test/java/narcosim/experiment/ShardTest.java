package narcosim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shards split the runs without overlap, from --shard K/N or a cluster's array-job variables. */
class ShardTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void everyRunBelongsToExactlyOneShard(int n) {
        for (int id = 0; id < 500; id++) {
            int owners = 0;
            for (int k = 1; k <= n; k++) if (new Shard(k, n).owns(id)) owners++;
            assertEquals(1, owners, "run " + id + " of " + n + " shards");
        }
    }

    @Test
    void parsesKOfN() {
        assertEquals(new Shard(3, 64), Shard.parse("3/64"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1 / 1 "));
        for (String bad : new String[] {"0/4", "5/4", "3", "a/b", "1/0", "1/2/3"}) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
    }

    @Test
    void slurmArrayTasks() {
        assertEquals(new Shard(1, 64), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "0",
                "SLURM_ARRAY_TASK_COUNT", "64", "SLURM_ARRAY_TASK_MIN", "0"), null));
        assertEquals(new Shard(64, 64), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "63",
                "SLURM_ARRAY_TASK_COUNT", "64"), null));
        assertEquals(new Shard(2, 4), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "2",
                "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "1"), null), "--array=1-4");
        assertEquals(new Shard(3, 8), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "2"), 8));
        assertThrows(IllegalArgumentException.class, () -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "2"), null));
    }

    @Test
    void awsBatchAndKubernetes() {
        assertEquals(new Shard(1, 10), Shard.fromEnvironment(Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "0",
                "AWS_BATCH_JOB_ARRAY_SIZE", "10"), null));
        assertEquals(new Shard(5, 5), Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "4"), 5));
        assertEquals(new Shard(2, 3), Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1",
                "NARCOSIM_SHARD_COUNT", "3"), null));
        assertThrows(IllegalArgumentException.class, () -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1"), null));
        assertThrows(IllegalArgumentException.class, () -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "5"), 5));
    }

    @Test
    void noArrayJobNoShard() {
        assertNull(Shard.fromEnvironment(Map.of("HOME", "/root"), null));
    }
}
