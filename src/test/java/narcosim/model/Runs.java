package narcosim.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

import narcosim.experiment.RunResult;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;

/** Test helper: runs of shipped scenarios over several seeds, two at a time, and their means. */
final class Runs {

    private Runs() {
    }

    static Scenario scenario(String file, String... sets) throws ScenarioException {
        return ScenarioLoader.load(Path.of("scenarios", file), List.of(sets));
    }

    /** Runs a strategy with seeds 1..n (common random numbers across strategies). */
    static List<RunResult> seeds(Scenario sc, String strategy, int n) throws Exception {
        List<RunConfig> cfgs = new ArrayList<>();
        for (int s = 1; s <= n; s++) cfgs.add(sc.forStrategy(strategy, s));
        return all(cfgs);
    }

    static List<RunResult> all(List<RunConfig> cfgs) throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunResult>> fs = new ArrayList<>();
            for (RunConfig c : cfgs) fs.add(ex.submit(() -> RunResult.run(c)));
            List<RunResult> out = new ArrayList<>();
            for (Future<RunResult> f : fs) out.add(f.get());
            return out;
        } finally {
            ex.shutdownNow();
        }
    }

    static double mean(List<RunResult> rs, String outcome) {
        return rs.stream().mapToDouble(r -> r.outcome(outcome)).average().orElseThrow();
    }

    static double mean(List<RunResult> rs, ToDoubleFunction<RunResult> f) {
        return rs.stream().mapToDouble(f).average().orElseThrow();
    }

    /** Mean of a weekly outcome over campaign weeks [from, to). */
    static double weekly(RunResult r, String outcome, int from, int to) {
        int c = -1;
        for (int i = 0; i < r.columns().size(); i++) {
            if (r.columns().get(i).name().equals(outcome)) c = i;
        }
        if (c < 0) throw new IllegalArgumentException("no outcome " + outcome);
        double s = 0;
        for (int w = from; w < to; w++) s += r.rows().get(w)[c];
        return s / (to - from);
    }
}
