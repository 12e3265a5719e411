package narcosim.experiment;

import java.util.Map;

/**
 * One run of an experiment: its id (its place in the plan), the design point, strategy and replicate
 * it belongs to, the seed derived from (point, replicate), and the values the design sets.
 */
public record RunSpec(int id, int point, String strategy, int replicate, long seed, Map<String, Object> values) {
}
