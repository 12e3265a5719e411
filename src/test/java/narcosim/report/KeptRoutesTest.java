package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.experiment.ExperimentDir;
import narcosim.experiment.Experiments;
import narcosim.experiment.Plan;
import narcosim.experiment.RunSpec;
import narcosim.experiment.Runner;
import narcosim.experiment.Shard;
import narcosim.scenario.RunConfig;

/**
 * A comparison keeps the route flows of its map replicate as the runs finish, and the report draws the route
 * maps from them instead of running those runs again: the flows and the files are the same as a repeated run's.
 */
class KeptRoutesTest {

    @TempDir
    Path tmp;

    @Test
    void keptFlowsAreThoseOfARepeatedRunAndTheMapsFilesAreTheSame() throws Exception {
        Experiments.Request req = new Experiments.Request(Plan.Kind.COMPARE, Path.of("scenarios", "classroom-balloon.yaml"),
                List.of("run.years=1"), null, 2, 5, false);
        Plan plan = Experiments.plan(req);
        ExperimentDir dir = new ExperimentDir(tmp.resolve("x"));
        Files.createDirectories(dir.parts());
        dir.writeManifestIfAbsent(Experiments.manifest(plan, req, Shard.ALL));
        KeptRoutes kept = new KeptRoutes(Report.DEFAULT_MAP_REPLICATE);
        Runner.Outcome o = Runner.execute(plan, dir, Shard.ALL, 2, false, Runner.Progress.NONE, kept);
        assertEquals(plan.runs().size(), o.done());
        long mapRuns = plan.runs().stream().filter(s -> s.replicate() == Report.DEFAULT_MAP_REPLICATE - 1).count();
        assertEquals(mapRuns, kept.size(), "one kept run per strategy");
        for (RunSpec s : plan.runs()) {
            RunConfig cfg = plan.config(s);
            RouteFlows.Run k = kept.get(s.id(), cfg);
            if (s.replicate() != Report.DEFAULT_MAP_REPLICATE - 1) {
                assertNull(k);
                continue;
            }
            assertNotNull(k, "run " + s.id());
            RouteFlows.Run again = RouteFlows.run(cfg);
            assertEquals(again.flows(), k.flows(), "run " + s.id());
            assertEquals(again.result().outcomes(), k.result().outcomes(), "run " + s.id());
            // another configuration under the same id is not taken for it
            assertNull(kept.get(s.id(), cfg.withSeed(cfg.seed() + 1)));
            assertNull(kept.get(s.id(), cfg.withParams(cfg.params().with("run.years", 2))));
        }
        assertEquals(true, Experiments.merge(dir, plan, 1, false).complete());
        // The report's route files, from the kept runs and from repeated ones, byte for byte.
        int before = kept.used();
        Report.charts(Results.open(dir.path()), Report.DEFAULT_MAP_REPLICATE, kept);
        assertEquals(mapRuns, kept.used() - before, "the report took every kept run instead of repeating it");
        Path routes = dir.path().resolve(Report.ROUTES);
        java.util.Map<String, byte[]> fromKept = files(routes);
        Report.charts(Results.open(dir.path()), Report.DEFAULT_MAP_REPLICATE, null);
        java.util.Map<String, byte[]> repeated = files(routes);
        assertEquals(repeated.keySet(), fromKept.keySet());
        assertEquals(2 * mapRuns, repeated.size());
        for (String f : repeated.keySet()) {
            assertEquals(java.util.Arrays.toString(repeated.get(f)), java.util.Arrays.toString(fromKept.get(f)), f);
        }
    }

    private static java.util.Map<String, byte[]> files(Path dir) throws Exception {
        java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
        try (var s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }
}
