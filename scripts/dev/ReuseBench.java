// What an experiment does once and what it does per run (issue 16, item 4), measured in one JVM after warm-up.
// Not part of the build: run it against the jar, from the project root (docs/PERFORMANCE.md shows its output):
//   java -Djava.awt.headless=true -cp target/narcosim.jar scripts/dev/ReuseBench.java setup scenarios/central-america.yaml 10
//   java -Djava.awt.headless=true -cp target/narcosim.jar scripts/dev/ReuseBench.java routes 4 2 3
// "setup": milliseconds to load the scenario file, to make one run's configuration from a prepared plan, to
// build the network alone, to build and start a model (network, residents, cartels, campaign, collector), to
// format a run's rows for the part files, and one whole run.
// "routes REPLICATES THREADS ROUNDS": a comparison of the default scenario (runs, merge, charts), alternating
// between the report's route maps drawn from the comparison's own runs (kept) and from runs made again.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import narcosim.experiment.AtomicDirectory;
import narcosim.experiment.ExperimentDir;
import narcosim.experiment.Experiments;
import narcosim.experiment.Plan;
import narcosim.experiment.RunResult;
import narcosim.experiment.Runner;
import narcosim.experiment.Shard;
import narcosim.model.NarcoModel;
import narcosim.report.KeptRoutes;
import narcosim.report.Report;
import narcosim.report.Results;
import narcosim.scenario.RunConfig;
import narcosim.scenario.ScenarioLoader;
import narcosim.util.Fmt;
import narcosim.world.Network;

public class ReuseBench {

    public static void main(String[] a) throws Exception {
        if (a[0].equals("setup")) setup(Path.of(a[1]), Integer.parseInt(a[2]));
        else routes(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]));
    }

    interface Step {
        void run() throws Exception;
    }

    /** Mean milliseconds of n calls after n/2 untimed ones. */
    static double ms(int n, Step s) throws Exception {
        for (int i = 0; i < n / 2; i++) s.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) s.run();
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    static void setup(Path file, int years) throws Exception {
        List<String> sets = List.of("run.years=" + years);
        Plan plan = Experiments.plan(new Experiments.Request(Plan.Kind.COMPARE, file, sets, null, 4, 1, false));
        RunConfig c = plan.config(plan.runs().get(1));
        int[] seed = {0};
        double load = ms(400, () -> ScenarioLoader.load(file, sets));
        double config = ms(4000, () -> plan.config(plan.runs().get(seed[0]++ % plan.runs().size())));
        double network = ms(4000, () -> new Network(c.scenario(), c.params(), 0.5));
        double start = ms(200, () -> new NarcoModel(c.withSeed(seed[0]++)).start());
        RunResult r = RunResult.run(c);
        double format = ms(40, () -> {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < r.rows().size(); w++) {
                List<String> line = new ArrayList<>(List.of("1", Integer.toString(w)));
                for (double v : r.rows().get(w)) line.add(Fmt.num(v));
                sb.append(ExperimentDir.line(line));
            }
        });
        double run = ms(6, () -> RunResult.run(c.withSeed(seed[0]++)));
        System.out.printf(Locale.ROOT, "%s, %d-year runs: load the scenario %.3f ms; one run's configuration from the "
                + "plan %.4f ms; network alone %.3f ms; model built and started %.3f ms; a run's rows formatted (%d x %d) "
                + "%.2f ms; one whole run %.1f ms%n", file, years, load, config, network, start, r.rows().size(),
                r.rows().get(0).length, format, run);
    }

    static void routes(int reps, int threads, int rounds) throws Exception {
        Path tmp = Files.createTempDirectory("narcosim-reuse");
        try {
            int k = 0;
            once(tmp.resolve("w" + k++), reps, threads, true); // warm-up
            for (int r = 1; r <= rounds; r++) {
                for (boolean keep : new boolean[] {false, true}) {
                    double[] t = once(tmp.resolve("x" + k++), reps, threads, keep);
                    System.out.printf(Locale.ROOT, "round %d, route maps' runs %-5s: runs %.2f s, merge and charts %.2f s, "
                            + "whole %.2f s (load %s)%n", r, keep ? "kept" : "again", t[0], t[1], t[0] + t[1],
                            Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                }
            }
        } finally {
            AtomicDirectory.deleteTree(tmp);
        }
    }

    static double[] once(Path d, int reps, int threads, boolean keep) throws Exception {
        long t0 = System.nanoTime();
        Experiments.Request req = new Experiments.Request(Plan.Kind.COMPARE, Path.of("scenarios/central-america.yaml"),
                List.of(), null, reps, 1, true);
        Plan plan = Experiments.plan(req);
        ExperimentDir dir = new ExperimentDir(d);
        Files.createDirectories(dir.parts());
        dir.writeManifestIfAbsent(Experiments.manifest(plan, req, Shard.ALL));
        KeptRoutes kept = keep ? new KeptRoutes(Report.DEFAULT_MAP_REPLICATE) : null;
        Runner.execute(plan, dir, Shard.ALL, threads, true, Runner.Progress.NONE, kept);
        long t1 = System.nanoTime();
        Experiments.merge(dir, plan, 1, true);
        Report.charts(Results.open(d), Report.DEFAULT_MAP_REPLICATE, kept);
        long t2 = System.nanoTime();
        if (keep && kept.used() != plan.runs().size() / reps) throw new IllegalStateException("kept runs not used");
        return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9};
    }
}
