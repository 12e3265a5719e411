package narcosim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A run's seed depends on (base seed, design point, replicate) only: common random numbers across strategies. */
class SeedsTest {

    @Test
    void seedsAreDistinctAcrossPointsAndReplicatesAndNeverNegative() {
        Set<Long> seen = new HashSet<>();
        for (long base : new long[] {0, 1, 7, Long.MAX_VALUE}) {
            for (int p = 0; p < 200; p++) {
                for (int r = 0; r < 50; r++) {
                    long s = Seeds.derive(base, p, r);
                    assertTrue(s >= 0, "seed " + s);
                    assertTrue(seen.add(s), "seed of base " + base + ", point " + p + ", replicate " + r + " repeats");
                }
            }
        }
    }

    @Test
    void theSameInputsGiveTheSameSeed() {
        assertEquals(Seeds.derive(1, 3, 2), Seeds.derive(1, 3, 2));
        assertNotEquals(Seeds.derive(1, 3, 2), Seeds.derive(1, 2, 3));
    }

    @Test
    void crossedPlanGivesEveryStrategyTheSeedOfItsReplicate() {
        List<Map<String, Object>> points = List.of(Map.of("k", 1), Map.of("k", 2), Map.of("k", 3));
        List<String> strategies = List.of("a", "b", "c");
        List<RunSpec> runs = Plan.crossed(points, strategies, 4, 99);
        assertEquals(3 * 3 * 4, runs.size());
        Map<String, Long> seedOf = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSpec r = runs.get(i);
            assertEquals(i, r.id(), "ids are positions in the plan");
            assertEquals(points.get(r.point()), r.values());
            assertEquals(Seeds.derive(99, r.point(), r.replicate()), r.seed());
            Long before = seedOf.putIfAbsent(r.point() + "/" + r.replicate(), r.seed());
            if (before != null) assertEquals(before, r.seed(), "strategy " + r.strategy() + " at " + r.point());
        }
        assertEquals(3 * 4, new HashSet<>(seedOf.values()).size());
        // a point's runs are consecutive: strategies, then replicates
        assertEquals(List.of("a", "a", "a", "a", "b"), runs.subList(0, 5).stream().map(RunSpec::strategy).toList());
    }
}
