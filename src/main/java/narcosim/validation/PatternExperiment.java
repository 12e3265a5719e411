package narcosim.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import narcosim.experiment.Runner;
import narcosim.experiment.Seeds;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.YamlNodes;

/**
 * Runs pattern experiments: each trial is one pattern on one scenario with some parameter settings
 * (a point of a sensitivity design, or none), its arms x replicates run with common random numbers
 * (replicate r has the same seed in every arm). Identical runs shared by several patterns (the baseline,
 * say) are run once. Runs go to a pool of threads; results are collected in a fixed order, so they do not
 * depend on the number of threads.
 */
public final class PatternExperiment {

    /**
     * One pattern to run.
     *
     * @param scenario the scenario file
     * @param sets     --set overrides (the user's, then a design point's), applied before the arms' own
     * @param point    0 for the main experiment, 1.. for points of a sensitivity design (seeds differ)
     */
    public record Trial(Pattern pattern, Path scenario, List<String> sets, int point, int replicates) {
        public Trial {
            sets = List.copyOf(sets);
        }
    }

    /** A trial's result: skipped (with the reason), or its runs and checks. */
    public record Outcome(Trial trial, Scenario scenario, String skipped, List<Arm> arms,
                          Map<String, List<PatternRun>> runs, List<Long> seeds, List<Check> checks) {

        public boolean holds() {
            return skipped == null && checks.stream().allMatch(Check::holds);
        }

        /**
         * "holds" (every check's interval beyond its threshold), "fails" (some check's interval wholly on the wrong
         * side), "undecided" (neither: an interval straddles its threshold) or "skipped".
         */
        public String verdict() {
            if (skipped != null) return "skipped";
            if (holds()) return "holds";
            return checks.stream().anyMatch(Check::fails) ? "fails" : "undecided";
        }

        public Pattern pattern() {
            return trial.pattern();
        }
    }

    private PatternExperiment() {
    }

    /** The trials of the main experiment: every pattern on the given scenario, or on its default one if null. */
    public static List<Trial> trials(List<Pattern> patterns, Path scenario, List<String> sets, int replicates) {
        List<Trial> t = new ArrayList<>();
        for (Pattern p : patterns) {
            t.add(new Trial(p, scenario != null ? scenario : Path.of(p.defaultScenario()), sets, 0, replicates));
        }
        return t;
    }

    /** The trials with every pattern at no fewer replicates than it needs ({@link Pattern#replicatesNeeded}). */
    public static List<Trial> withReplicatesNeeded(List<Trial> trials) {
        List<Trial> t = new ArrayList<>();
        for (Trial x : trials) {
            int r = Math.max(x.replicates(), x.pattern().replicatesNeeded());
            t.add(new Trial(x.pattern(), x.scenario(), x.sets(), x.point(), r));
        }
        return t;
    }

    /** Runs the trials; scenario files are checked before any run starts. */
    public static List<Outcome> run(List<Trial> trials, long seed, int threads, Runner.Progress progress)
            throws ScenarioException, InterruptedException {
        Map<String, Scenario> scenarios = new HashMap<>();
        Map<String, YamlNodes.Parsed> files = new HashMap<>();
        // Plan: every trial's runs, identical configurations shared.
        Map<String, Integer> index = new LinkedHashMap<>();
        List<RunConfig> configs = new ArrayList<>();
        List<int[][]> jobOf = new ArrayList<>(); // per trial: [arm][replicate] -> job
        List<Scenario> bases = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<List<Arm>> armsOf = new ArrayList<>();
        List<List<Long>> seedsOf = new ArrayList<>();
        for (Trial t : trials) {
            List<Long> seeds = new ArrayList<>();
            for (int r = 0; r < t.replicates(); r++) seeds.add(Seeds.derive(seed, t.point(), r));
            seedsOf.add(seeds);
            Scenario base = load(scenarios, files, t.scenario(), t.sets());
            bases.add(base);
            String why = t.pattern().unsupported(base);
            int years = base.forStrategy(base.strategyIds().get(0), 0).weeks() / 52;
            if (why == null && years < t.pattern().minYears()) {
                why = "needs at least " + t.pattern().minYears() + " campaign years; this run has " + years
                        + " (run.years)";
            }
            skipped.add(why);
            if (why != null) {
                armsOf.add(List.of());
                jobOf.add(new int[0][0]);
                continue;
            }
            List<Arm> arms = t.pattern().arms(base);
            armsOf.add(arms);
            int[][] jobs = new int[arms.size()][t.replicates()];
            for (int a = 0; a < arms.size(); a++) {
                List<String> sets = new ArrayList<>(t.sets());
                sets.addAll(arms.get(a).sets());
                Scenario sc = load(scenarios, files, t.scenario(), sets);
                for (int r = 0; r < t.replicates(); r++) {
                    RunConfig c = sc.forStrategy(arms.get(a).strategy(), seeds.get(r));
                    // The file and the settings make the scenario; with the strategy and seed, the run.
                    String key = t.scenario().toAbsolutePath().normalize() + "|" + String.join("\u0000", sets) + "|"
                            + c.strategy().id() + "|" + c.seed();
                    Integer j = index.get(key);
                    if (j == null) {
                        j = configs.size();
                        index.put(key, j);
                        configs.add(c);
                    }
                    jobs[a][r] = j;
                }
            }
            jobOf.add(jobs);
        }
        List<PatternRun> results = execute(configs, threads, progress);
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            if (skipped.get(i) != null) {
                out.add(new Outcome(t, bases.get(i), skipped.get(i), List.of(), Map.of(), List.of(), List.of()));
                continue;
            }
            Map<String, List<PatternRun>> runs = new LinkedHashMap<>();
            List<Arm> arms = armsOf.get(i);
            for (int a = 0; a < arms.size(); a++) {
                List<PatternRun> reps = new ArrayList<>();
                for (int j : jobOf.get(i)[a]) reps.add(results.get(j));
                runs.put(arms.get(a).label(), reps);
            }
            out.add(new Outcome(t, bases.get(i), null, arms, runs, seedsOf.get(i),
                    t.pattern().checks(bases.get(i), runs)));
        }
        return out;
    }

    /**
     * The scenario of a file with some settings, loaded once per experiment; each file is read once, and its
     * arms' settings are applied to new trees of it ({@link YamlNodes.Parsed}).
     */
    private static Scenario load(Map<String, Scenario> cache, Map<String, YamlNodes.Parsed> files, Path file,
                                 List<String> sets) throws ScenarioException {
        String key = file.toAbsolutePath().normalize() + "|" + String.join("\u0000", sets);
        Scenario sc = cache.get(key);
        if (sc == null) {
            String fileKey = file.toAbsolutePath().normalize().toString();
            YamlNodes.Parsed source = files.get(fileKey);
            if (source == null) {
                source = YamlNodes.parse(file);
                files.put(fileKey, source);
            }
            sc = ScenarioLoader.load(source, sets);
            cache.put(key, sc);
        }
        return sc;
    }

    private static List<PatternRun> execute(List<RunConfig> configs, int threads, Runner.Progress progress)
            throws InterruptedException {
        progress.start(configs.size(), 0);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread th = new Thread(r, "narcosim-patterns");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<PatternRun>> fs = new ArrayList<>();
            for (RunConfig c : configs) {
                fs.add(pool.submit(() -> {
                    PatternRun r = PatternRun.run(c);
                    synchronized (progress) {
                        progress.step();
                    }
                    return r;
                }));
            }
            List<PatternRun> out = new ArrayList<>();
            for (Future<PatternRun> f : fs) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error er) throw er;
                    throw new IllegalStateException(c);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
            progress.close();
        }
    }
}
