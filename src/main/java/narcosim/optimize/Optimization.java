package narcosim.optimize;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import narcosim.experiment.AtomicDirectory;
import narcosim.experiment.Evaluator;
import narcosim.experiment.ExperimentDir;
import narcosim.experiment.Experiments;
import narcosim.experiment.Plan;
import narcosim.experiment.RunSpec;
import narcosim.experiment.Runner;
import narcosim.experiment.SearchManifest;
import narcosim.experiment.Seeds;
import narcosim.experiment.Shard;
import narcosim.experiment.Statistics;
import narcosim.scenario.Param;
import narcosim.scenario.Params;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.Specs;
import narcosim.scenario.YamlNodes;
import narcosim.util.Fmt;
import narcosim.util.InputException;
import narcosim.util.Version;

/**
 * {@code narcosim optimize} from start to finish: the scenario's preset strategies and NSGA-II's candidates (budget
 * shares and doctrine switches, {@link Space}) each run R times on the same seeds; every run recorded in runs.csv as
 * it ends, so that a killed optimisation replays what was done (the search asks again for the same candidates, which
 * are read back, not run) and goes on; then the front, the presets against it, the best candidates as strategies of a
 * scenario file, charts and a page.
 */
public final class Optimization {

    public static final String MANIFEST = "manifest.yaml";
    public static final String RUNS = "runs.csv";
    public static final String EVALUATIONS = "evaluations.csv";
    public static final String FRONT = "front.csv";
    public static final String PRESETS = "presets.csv";
    /** Default candidates per generation. */
    public static final int POPULATION = 40;

    private Optimization() {
    }

    /** What the user asked for; stored in the manifest and compared on --resume. */
    public record Request(Path scenario, List<String> sets, Double budget, List<String> objectives,
                          List<String> constraints, Path spec, List<String> switches, int replicates, long seed,
                          int evaluations, int population, String adaptive, List<String> thresholdRanges,
                          boolean moves) {

        public Request {
            thresholdRanges = List.copyOf(thresholdRanges);
        }

        /** A search of the first strategy's shares and switches (no adaptive template). */
        public Request(Path scenario, List<String> sets, Double budget, List<String> objectives,
                       List<String> constraints, Path spec, List<String> switches, int replicates, long seed,
                       int evaluations, int population) {
            this(scenario, sets, budget, objectives, constraints, spec, switches, replicates, seed, evaluations,
                    population, null, List.of(), false);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "optimize");
            m.put("scenario", scenario.toAbsolutePath().normalize().toString());
            m.put("sets", new ArrayList<>(sets));
            m.put("budget_musd_per_year", budget);
            m.put("objectives", new ArrayList<>(objectives));
            m.put("constraints", new ArrayList<>(constraints));
            m.put("spec", spec == null ? null : spec.toAbsolutePath().normalize().toString());
            m.put("switches", switches == null ? null : new ArrayList<>(switches));
            m.put("replicates", replicates);
            m.put("seed", seed);
            m.put("evaluations", evaluations);
            m.put("population", population);
            // (only when asked: a search without them keeps the manifest it always had)
            if (adaptive != null) m.put("adaptive", adaptive);
            if (!thresholdRanges.isEmpty()) m.put("threshold_ranges", new ArrayList<>(thresholdRanges));
            if (moves) m.put("search_moves", true);
            return m;
        }
    }

    /** The scenario, goals and decision space, read and checked before anything is written. */
    public static final class Setup {
        final Request req;
        final Plan plan;
        final Scenario scenario;
        final Goals goals;
        final Space space;
        final List<String> presets;
        final List<String> recorded;

        Setup(Request req) throws ScenarioException {
            this.req = req;
            List<String> sets = new ArrayList<>(req.sets());
            if (req.budget() != null) sets.add("budget.total_musd_per_year=" + Fmt.num(req.budget()));
            YamlNodes.Parsed source = YamlNodes.parse(req.scenario());
            scenario = ScenarioLoader.load(source, sets);
            String template = req.adaptive() != null ? adaptive(scenario, req.adaptive())
                    : scenario.strategyIds().get(0);
            if (req.adaptive() == null && !req.thresholdRanges().isEmpty()) {
                throw new ScenarioException("--threshold-range", 0, "", "ranges are for the rules of an adaptive "
                        + "strategy: give it with --adaptive ID");
            }
            if (req.adaptive() == null && req.moves()) {
                throw new ScenarioException("--search-moves", 0, "", "moves are the rules' of an adaptive strategy: "
                        + "give it with --adaptive ID");
            }
            plan = new Plan(Plan.Kind.COMPARE, "optimize-" + scenario.name(), req.scenario(), sets, scenario,
                    List.of(new RunSpec(0, 0, template, 0, 1, Map.of())), List.of(), List.of(), Map.of(), null, null,
                    source);
            List<String> outcomes = plan.outcomeNames();
            Goals g;
            if (req.spec() != null) {
                if (!req.objectives().isEmpty() || !req.constraints().isEmpty()) {
                    throw new ScenarioException("--spec", 0, "", "give the objectives and constraints in the spec file "
                            + "or with --objectives and --constraint, not both");
                }
                g = Goals.read(req.spec(), outcomes);
            } else {
                List<Goals.Objective> os = new ArrayList<>();
                for (String o : req.objectives()) os.add(Goals.objective(o, "--objectives", 0, outcomes));
                List<Goals.Constraint> cs = new ArrayList<>();
                for (String c : req.constraints()) cs.add(Goals.constraint(c, "--constraint", 0, outcomes));
                g = Goals.of(os, cs, req.switches(), "--objectives");
            }
            if (req.spec() != null && req.switches() != null) {
                if (g.switches() != null) {
                    throw new ScenarioException("--switches", 0, "", "the spec file names the switches already");
                }
                g = new Goals(g.objectives(), g.constraints(), req.switches());
            }
            goals = g;
            space = new Space(template, switches(scenario, goals.switches(), req.spec() != null && req.switches() == null
                    ? req.spec().toString() : "--switches"), req.adaptive() == null ? List.of()
                    : thresholds(scenario.strategy(template).orElseThrow(), req.thresholdRanges(), req.moves()));
            presets = scenario.strategyIds();
            recorded = goals.recorded();
            // A candidate's overrides must load: checked now with the cube's centre, before anything is written.
            double[] mid = new double[space.dimensions()];
            java.util.Arrays.fill(mid, 0.5);
            plan.config(new RunSpec(0, 0, template, 0, 1, space.decode(mid).values(space)));
        }

        public String scenarioName() {
            return scenario.name();
        }

        /** Generations the search runs. */
        public int generations() {
            return Nsga.generations(req.population(), req.evaluations());
        }

        /** Runs in all: presets and every generation's candidates, R each (fewer when candidates repeat). */
        public int runs() {
            return (presets.size() + generations() * req.population()) * req.replicates();
        }
    }

    /**
     * The doctrine switches to search: the doctrine keys the scenario's strategies set that take one of a few values
     * (true/false, a choice, a region), each with its options (a region: none or one the strategies name); or the
     * ones asked for.
     */
    static List<Space.Switch> switches(Scenario sc, List<String> asked, String where) throws ScenarioException {
        Map<String, Set<String>> set = new LinkedHashMap<>();
        for (Specs.Strategy st : sc.strategies()) {
            for (Map.Entry<String, Object> e : st.doctrine().entrySet()) {
                set.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(String.valueOf(e.getValue()));
            }
        }
        // In the parameter registry's order (a strategy's doctrine keeps no order of its own).
        List<String> declared = Params.all().stream().map(Param::key).toList();
        List<String> keys = asked != null ? asked : set.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(declared::indexOf)).toList();
        List<Space.Switch> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String k : keys) {
            Param p = Params.get(k);
            if (!seen.add(k)) throw new ScenarioException(where, 0, where.startsWith("--") ? "" : "switches", "expected each switch once, got " + k + " twice");
            if (p == null || p.role() != Param.Role.LEVER) {
                throw new ScenarioException(where, 0, where.startsWith("--") ? "" : "switches", "'" + k + "' is not a doctrine switch; the scenario's "
                        + "strategies set " + String.join(", ", set.keySet()) + YamlNodes.suggest(k, set.keySet()));
            }
            List<String> options = switch (p.type()) {
                case BOOLEAN -> List.of("false", "true");
                case CHOICE -> p.choices();
                case REGION, NATION -> {
                    Set<String> o = new LinkedHashSet<>(List.of("none"));
                    o.addAll(set.getOrDefault(k, Set.of()));
                    yield new ArrayList<>(o);
                }
                default -> throw new ScenarioException(where, 0, where.startsWith("--") ? "" : "switches", "'" + k + "' takes a number, not one of "
                        + "a few values; the optimiser searches on/off and choice switches");
            };
            if (options.size() > 1) out.add(new Space.Switch(k, options));
        }
        return out;
    }

    /** The adaptive strategy asked for as the template: one of the scenario's, with rules. */
    static String adaptive(Scenario sc, String id) throws ScenarioException {
        List<String> adaptive = sc.strategies().stream().filter(Specs.Strategy::adaptive).map(Specs.Strategy::id)
                .toList();
        String theirs = adaptive.isEmpty() ? "the scenario has no strategy with rules"
                : "its adaptive strategies: " + String.join(", ", adaptive);
        Specs.Strategy st = sc.strategy(id).orElseThrow(() -> new ScenarioException("--adaptive", 0, "",
                "no strategy '" + id + "' in the scenario; " + theirs + YamlNodes.suggest(id, adaptive)));
        if (!st.adaptive()) {
            throw new ScenarioException("--adaptive", 0, "", "strategy '" + id + "' has no rules whose thresholds the "
                    + "search could set; " + theirs);
        }
        return id;
    }

    /** How a rule is named in a --set path and a column: its id, or its position from 0. */
    static String ref(Specs.Strategy st, int position) {
        String id = st.rules().get(position).id();
        return id.isEmpty() ? Integer.toString(position) : id;
    }

    /** A strategy's rule by its id or position (null: none). */
    static Specs.Rule rule(Specs.Strategy st, String ref) {
        for (int i = 0; i < st.rules().size(); i++) if (ref(st, i).equals(ref)) return st.rules().get(i);
        return null;
    }

    /**
     * Each rule's threshold as a coordinate of the search, on its range: the one given (RULE=LOW:HIGH), else a default
     * from the rule. A change on the year before (of: change): -0.5 to +0.5 (a fall or a rise of up to a half); a 0-1
     * level or share (trust): 0 to 1; another level or flow: half to one and a half times the file's threshold. With
     * {@code moves}, each rule's move too, after the thresholds: 0 to 0.3 of the budget in thousandths.
     */
    static List<Space.Threshold> thresholds(Specs.Strategy st, List<String> ranges, boolean moves)
            throws ScenarioException {
        String w = "--threshold-range";
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < st.rules().size(); i++) refs.add(ref(st, i));
        Map<String, double[]> given = new LinkedHashMap<>();
        for (String g : ranges) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*([^:]+):(.+)").matcher(g);
            if (!m.matches()) {
                throw new ScenarioException(w, 0, "", "expected RULE=LOW:HIGH (e.g. " + refs.get(0) + "=0.2:0.6), got '"
                        + g + "'");
            }
            String r = m.group(1);
            if (!refs.contains(r)) {
                throw new ScenarioException(w, 0, "", "strategy '" + st.id() + "' has no rule '" + r + "'; its rules: "
                        + String.join(", ", refs) + YamlNodes.suggest(r, refs));
            }
            double lo;
            double hi;
            try {
                lo = Double.parseDouble(m.group(2).strip());
                hi = Double.parseDouble(m.group(3).strip());
            } catch (NumberFormatException e) {
                throw new ScenarioException(w, 0, "", "expected numbers LOW:HIGH for rule '" + r + "', got '"
                        + m.group(2).strip() + ":" + m.group(3).strip() + "'");
            }
            if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
                throw new ScenarioException(w, 0, "", "expected LOW below HIGH for rule '" + r + "', got " + g);
            }
            if (given.put(r, new double[] {lo, hi}) != null) {
                throw new ScenarioException(w, 0, "", "expected each rule once, got " + r + " twice");
            }
        }
        List<Space.Threshold> out = new ArrayList<>();
        for (int i = 0; i < st.rules().size(); i++) {
            Specs.Rule rule = st.rules().get(i);
            String side = rule.below() ? "below" : "above";
            double[] g = given.get(refs.get(i));
            String range;
            if (g != null) {
                range = "given";
            } else if (rule.reading() == Specs.Reading.CHANGE) {
                g = new double[] {-0.5, 0.5};
                range = "default for a change";
            } else if (unitInterval(rule.indicator())) {
                g = new double[] {0, 1};
                range = "default for a 0-1 level";
            } else if (rule.threshold() != 0) {
                double a = 0.5 * rule.threshold();
                double b = 1.5 * rule.threshold();
                g = new double[] {Math.min(a, b), Math.max(a, b)};
                range = "default: x0.5 to x1.5 of " + Fmt.num(rule.threshold());
            } else {
                throw new ScenarioException(w, 0, "", "rule '" + refs.get(i) + "' of strategy '" + st.id() + "' has "
                        + "threshold 0, which gives no default range: give one, --threshold-range " + refs.get(i)
                        + "=LOW:HIGH");
            }
            Space.Threshold t = Space.Threshold.of(refs.get(i), side, g[0], g[1], range);
            if (t.low().compareTo(t.high()) >= 0) {
                throw new ScenarioException(w, 0, "", "the range of rule '" + refs.get(i) + "' is too narrow");
            }
            out.add(t);
        }
        if (moves) {
            for (String ref : refs) {
                out.add(Space.Threshold.of(ref, "move", 0, MOVE_MAX, BigDecimal.valueOf(1, 3), "default for a move"));
            }
        }
        return out;
    }

    /** The largest share of the budget a searched move may take (a tenth is the shipped rules' largest). */
    static final double MOVE_MAX = 0.3;

    /** Whether a weekly outcome is a share or a 0-1 index (trust), whose thresholds lie between 0 and 1. */
    private static boolean unitInterval(String indicator) {
        narcosim.metrics.Outcome o = narcosim.metrics.Outcomes.weeklyOutcome(indicator);
        return o != null && (o.kind() == narcosim.metrics.Outcome.Kind.SHARE || o.unit().equals("0-1"));
    }

    public static Setup setup(Request req) throws ScenarioException {
        return new Setup(req);
    }

    // ------------------------------------------------------------------ what was found

    /** One candidate (or preset) with its runs' estimates of the recorded outcomes. */
    public record Evaluation(int index, String key, String preset, Space.Candidate candidate, int generation,
                             Map<String, Statistics.Estimate> estimates, Map<String, double[]> samples,
                             Nsga.Score score) {
        public boolean feasible() {
            for (double v : score.violations()) if (v > 0) return false;
            return true;
        }

        /** The share of a budget part (a preset's own, or the candidate's). */
        public double share(Scenario sc, int part) {
            if (candidate != null) return candidate.share(part);
            Specs.Shares s = sc.strategy(preset).orElseThrow().shares();
            return switch (part) {
                case 0 -> s.military();
                case 1 -> s.police();
                case 2 -> s.development();
                default -> s.partnership();
            };
        }

        /** The option of a switch this one runs with (a preset: its doctrine, else the scenario's value). */
        public String option(Scenario sc, Space space, int sw) {
            if (candidate != null) return candidate.options().get(sw);
            String key = space.switches().get(sw).key();
            try {
                return String.valueOf(sc.forStrategy(preset, 1).params().get(key));
            } catch (ScenarioException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A rule threshold this one runs with (a preset: its own rule's, or none when it has no such rule). */
        public String threshold(Scenario sc, Space space, int k) {
            if (candidate != null) return candidate.threshold(k);
            Space.Threshold t = space.thresholds().get(k);
            Specs.Rule rule = Optimization.rule(sc.strategy(preset).orElseThrow(), t.rule());
            if (rule == null) return "";
            if (t.move()) return Fmt.num(rule.move());
            return rule.below() != t.side().equals("below") ? "" : Fmt.num(rule.threshold());
        }

        public String label() {
            return preset != null ? preset : "#" + index;
        }
    }

    /**
     * How a preset stands against the front: the front member that dominates it most (null: none does), the paired
     * differences member - preset in each objective (stored units), and whether each is clearly a gain.
     */
    public record PresetStanding(Evaluation preset, Evaluation by, Statistics.Estimate[] difference, boolean[] clear) {
        public boolean dominated() {
            return by != null;
        }
    }

    /** A strategy written into the optimised scenario: its id, name and the candidate. */
    public record Written(String id, String name, Evaluation evaluation) {
    }

    /** The outcome of an optimisation. */
    public record Result(Path dir, Setup setup, List<Evaluation> evaluations, List<Evaluation> front,
                         List<PresetStanding> presets, List<Written> written, Path scenarioFile, int generations,
                         int runsDone) {
    }

    // ------------------------------------------------------------------ running

    public static Result run(Setup s, Path dir, boolean resume, int threads, Runner.Progress progress) throws Exception {
        Files.createDirectories(dir);
        try (ExperimentDir.Lock lock = new ExperimentDir(dir).lockShard(Shard.ALL)) {
            return runLocked(s, dir, resume, threads, progress, Shard.ALL, new int[1]);
        }
    }

    /**
     * Runs (or goes on with) an optimisation in {@code dir}. With a shard other than {@link Shard#ALL}, this process
     * replays the search as far as the runs recorded by every shard take it, does its share of the next generation's
     * runs (the runs whose id modulo N is K - 1) into its own file under parts/, and stops: it returns null. The shards
     * of one generation run side by side; when all are done, the next generation's shards can start; a last call without
     * --shard finds every run done and writes the results.
     *
     * @return the generation whose share this shard did (0 the first; the presets go with it), or -1 when every run of
     *         the search is recorded
     */
    public static int runShard(Setup s, Path dir, int threads, Runner.Progress progress, Shard shard) throws Exception {
        if (shard.count() < 2) throw new IllegalArgumentException("a shard of at least 2");
        // The shards share the directory (the first makes it), but never write into one that is not theirs.
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MANIFEST)) && !Files.exists(dir.resolve("parts"))) {
            try (var st = Files.list(dir)) {
                if (st.findAny().isPresent()) {
                    throw new InputException(dir + ": holds files and no optimisation (no " + MANIFEST + "); "
                            + "narcosim never writes into a directory that exists: give the shards a new one");
                }
            }
        }
        Files.createDirectories(dir);
        try (ExperimentDir.Lock lock = new ExperimentDir(dir).lockShard(shard)) {
            int[] reached = {-1};
            runLocked(s, dir, true, threads, progress, shard, reached);
            return reached[0];
        }
    }

    /** A shard did its share of a generation whose other runs are not all recorded yet. */
    private static final class ShareDone extends Exception {
        private static final long serialVersionUID = 1L;

        ShareDone() {
            super(null, null, false, false);
        }
    }

    private static Result runLocked(Setup s, Path dir, boolean resume, int threads, Runner.Progress progress,
                                    Shard shard, int[] reached) throws Exception {
        Request req = s.req;
        Path manifestFile = dir.resolve(MANIFEST);
        Map<String, Object> manifest = manifest(s);
        boolean sharded = shard.count() > 1;
        if (sharded) {
            // The shards share the directory: whichever comes first writes the manifest, the others check it.
            if (!Files.exists(manifestFile)) {
                try {
                    String text = ExperimentDir.yaml(manifest);
                    AtomicDirectory.createFile(manifestFile, p -> Files.writeString(p, text, StandardCharsets.UTF_8));
                } catch (InputException | java.nio.file.FileAlreadyExistsException lost) {
                    // another shard wrote it first
                }
            }
            checkSame(dir, manifestFile, manifest);
        } else if (resume) {
            Map<String, Object> was = checkSame(dir, manifestFile, manifest);
            was.put("request", manifest.get("request"));
            was.put("finished", null);
            writeYaml(manifestFile, was);
        } else {
            writeYaml(manifestFile, manifest);
        }
        Book book = new Book(s, dir, shard);
        int per = req.replicates();
        // (a shard counts the whole search's runs: those recorded by every shard when it started, then its own)
        progress.start(s.runs(), book.runsRead());
        int generations;
        try (Evaluator ev = new Evaluator(s.plan, List.of(s.space.template()), per, req.seed(), threads,
                progress::step)) {
            // The presets first, on the same seeds as every candidate (a shard goes on to the first generation: the
            // search does not need the presets).
            List<Integer> presetIdx = new ArrayList<>();
            for (String p : s.presets) presetIdx.add(book.index("preset:" + p, p, null, -1));
            book.run(ev, presetIdx, progress);
            generations = Nsga.run(s.space.dimensions(), s.goals.objectives().size(), s.goals.constraints().size(),
                    req.population(), req.evaluations(), req.seed(), (generation, points) -> {
                        List<Integer> idx = new ArrayList<>();
                        for (double[] u : points) {
                            Space.Candidate c = s.space.decode(u);
                            idx.add(book.index(c.key(s.space), null, c, generation));
                        }
                        book.run(ev, idx, progress);
                        if (sharded && (!book.complete(idx) || !book.complete(presetIdx))) {
                            reached[0] = generation;
                            throw new ShareDone();
                        }
                        List<Nsga.Score> scores = new ArrayList<>();
                        for (int i : idx) scores.add(book.evaluation(i).score());
                        return scores;
                    });
        } catch (ShareDone done) {
            progress.close();
            return null;
        }
        progress.close();
        if (sharded) return null; // every run is recorded: a call without --shard writes the results
        book.tidy();
        List<Evaluation> all = new ArrayList<>();
        for (int i = 0; i < book.keys.size(); i++) all.add(book.evaluation(i));
        List<Evaluation> searched = all.stream().filter(e -> e.preset() == null).toList();
        List<Evaluation> front = new ArrayList<>();
        for (int k : Nsga.front(searched.stream().map(Evaluation::score).toList())) front.add(searched.get(k));
        // The front is what nothing evaluated beats: a candidate that a preset meeting the constraints dominates (on the
        // same seeds) is not on it, nor written as a strategy.
        List<Evaluation> feasiblePresets = all.stream().filter(e -> e.preset() != null
                && java.util.Arrays.stream(e.score().violations()).noneMatch(v -> v > 0)).toList();
        front.removeIf(f -> feasiblePresets.stream().anyMatch(p -> Nsga.dominates(p.score().objectives(),
                f.score().objectives())));
        List<PresetStanding> standings = new ArrayList<>();
        for (Evaluation e : all) if (e.preset() != null) standings.add(standing(s, e, front, all));
        List<Written> written = chosen(s, front);
        Path scenarioFile = dir.resolve(s.scenario.name() + "-optimized.yaml");
        Result r = new Result(dir, s, all, front, standings, written, scenarioFile, generations, book.runsRead());
        OptimizeFiles.write(r);
        Map<String, Object> done = new LinkedHashMap<>(readManifest(manifestFile));
        done.put("finished", Experiments.now());
        done.put("generations", generations);
        done.put("candidates", searched.size());
        done.put("front", front.size());
        writeYaml(manifestFile, done);
        return r;
    }

    /**
     * The candidates and their runs: the index of every distinct candidate (presets first), its runs read back from
     * runs.csv or run now and appended there as each ends.
     */
    private static final class Book {
        final Setup s;
        final Path file;
        final Path dir;
        final Shard shard;
        final List<String> header;
        final List<String> keys = new ArrayList<>();
        final List<String> presetOf = new ArrayList<>();
        final List<Space.Candidate> candidates = new ArrayList<>();
        final List<Integer> generations = new ArrayList<>();
        final Map<String, Integer> byKey = new HashMap<>();
        /** Runs read back: key -> replicate -> outcomes (the recorded ones, in order). */
        final Map<String, Map<Integer, double[]>> read = new HashMap<>();
        /** Runs of this process and read back, by index. */
        final Map<Integer, double[][]> values = new HashMap<>();
        final Set<Integer> counted = new java.util.HashSet<>();
        int runsRead;

        Book(Setup s, Path dir, Shard shard) throws IOException {
            this.s = s;
            this.dir = dir;
            this.shard = shard;
            this.file = shard.count() > 1 ? shardFile(dir, shard) : dir.resolve(RUNS);
            header = new ArrayList<>(List.of("run", "candidate", "key", "replicate", "seed"));
            header.addAll(s.recorded);
            // This process's own file cut back to its last complete line (a kill may leave half a line), created if
            // new; the other shards' files are read as far as their last complete line, never changed (their
            // shards may be writing them now).
            ExperimentDir.recover(file, header);
            List<Path> files = new ArrayList<>();
            if (Files.exists(dir.resolve(RUNS))) files.add(dir.resolve(RUNS));
            for (Path f : shardFiles(dir)) if (!files.contains(f)) files.add(f);
            for (Path f : files) readRuns(f);
        }

        private void readRuns(Path f) throws IOException {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            text = text.substring(0, text.lastIndexOf('\n') + 1);
            if (text.isEmpty()) return;
            if (!text.startsWith(ExperimentDir.line(header))) {
                throw damaged(f + ": its columns are not this optimisation's");
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .build().parse(new java.io.StringReader(text))) {
                for (var rec : parser) {
                    if (rec.size() != header.size()) {
                        throw damaged(f + ", line " + (rec.getRecordNumber() + 1) + ": expected " + header.size()
                                + " values, got " + rec.size());
                    }
                    rows.add(rec.toMap());
                }
            }
            for (Map<String, String> row : rows) {
                try {
                    int r = Integer.parseInt(row.get("replicate"));
                    if (r < 0 || r >= s.req.replicates()) throw new NumberFormatException("replicate " + r);
                    double[] v = new double[s.recorded.size()];
                    for (int k = 0; k < v.length; k++) v[k] = Double.parseDouble(row.get(s.recorded.get(k)));
                    if (read.computeIfAbsent(row.get("key"), x -> new HashMap<>()).put(r, v) == null) runsRead++;
                } catch (NumberFormatException e) {
                    throw damaged(f + ", run " + row.get("run") + ": expected numbers, got " + e.getMessage());
                }
            }
        }

        int runsRead() {
            return runsRead;
        }

        /** Whether every run of these candidates is recorded. */
        synchronized boolean complete(List<Integer> idx) {
            for (int i : idx) for (double[] v : values.get(i)) if (v == null) return false;
            return true;
        }

        synchronized int index(String key, String preset, Space.Candidate c, int generation) {
            Integer i = byKey.get(key);
            if (i != null) return i;
            i = keys.size();
            keys.add(key);
            presetOf.add(preset);
            candidates.add(c);
            generations.add(generation);
            byKey.put(key, i);
            double[][] v = new double[s.req.replicates()][];
            Map<Integer, double[]> old = read.getOrDefault(key, Map.of());
            for (Map.Entry<Integer, double[]> e : old.entrySet()) v[e.getKey()] = e.getValue();
            values.put(i, v);
            return i;
        }

        /** Runs what these candidates lack (each distinct one once), counting repeats as done for the progress bar. */
        void run(Evaluator ev, List<Integer> idx, Runner.Progress progress) throws Exception {
            int per = s.req.replicates();
            List<RunSpec> specs = new ArrayList<>();
            Set<Integer> now = new LinkedHashSet<>();
            for (int i : idx) {
                if (!now.add(i) || !counted.add(i)) {
                    // A repeat of a candidate met before: its runs are done, and count as its runs here.
                    for (int r = 0; r < per; r++) progress.step();
                    continue;
                }
                double[][] v = values.get(i);
                for (int r = 0; r < per; r++) {
                    if (v[r] != null || !shard.owns(i * per + r)) continue;
                    String strategy = presetOf.get(i) != null ? presetOf.get(i) : s.space.template();
                    Map<String, Object> set = candidates.get(i) != null ? candidates.get(i).values(s.space) : Map.of();
                    specs.add(new RunSpec(i * per + r, 0, strategy, r, Seeds.derive(s.req.seed(), 0, r), set));
                }
            }
            if (specs.isEmpty()) return;
            ev.runs(specs, (spec, out) -> {
                double[] v = new double[s.recorded.size()];
                for (int k = 0; k < v.length; k++) v[k] = out.getOrDefault(s.recorded.get(k), Double.NaN);
                List<String> row = new ArrayList<>(List.of(Integer.toString(spec.id()),
                        Integer.toString(spec.id() / per), keys.get(spec.id() / per), Integer.toString(spec.replicate()),
                        Long.toString(spec.seed())));
                for (double x : v) row.add(Double.toString(x));
                synchronized (this) {
                    ExperimentDir.append(file, ExperimentDir.line(row));
                    values.get(spec.id() / per)[spec.replicate()] = v;
                }
            });
        }

        /** A candidate's estimates and score (all its runs done). */
        synchronized Evaluation evaluation(int i) {
            double[][] v = values.get(i);
            Map<String, Statistics.Estimate> est = new LinkedHashMap<>();
            Map<String, double[]> samples = new LinkedHashMap<>();
            for (int k = 0; k < s.recorded.size(); k++) {
                double[] x = new double[v.length];
                for (int r = 0; r < v.length; r++) x[r] = v[r][k];
                samples.put(s.recorded.get(k), x);
                est.put(s.recorded.get(k), Statistics.estimate(x, 0.95));
            }
            List<Goals.Objective> os = s.goals.objectives();
            double[] obj = new double[os.size()];
            for (int k = 0; k < obj.length; k++) {
                double m = est.get(os.get(k).outcome()).mean();
                // A mean that is not a number (an outcome undefined in a run) ranks last.
                obj[k] = Double.isNaN(m) ? Double.MAX_VALUE : os.get(k).minimised(m);
            }
            List<Goals.Constraint> cs = s.goals.constraints();
            double[] viol = new double[cs.size()];
            for (int k = 0; k < viol.length; k++) viol[k] = cs.get(k).violation(est.get(cs.get(k).outcome()).mean());
            return new Evaluation(i, keys.get(i), presetOf.get(i), candidates.get(i), generations.get(i), est, samples,
                    new Nsga.Score(obj, viol));
        }

        /**
         * runs.csv rewritten in run order with only this search's runs (the shards' files merged into it, then
         * removed): the same file whatever the threads and shards.
         */
        void tidy() throws IOException {
            int per = s.req.replicates();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                double[][] v = values.get(i);
                for (int r = 0; r < per; r++) {
                    List<String> row = new ArrayList<>(List.of(Integer.toString(i * per + r), Integer.toString(i),
                            keys.get(i), Integer.toString(r), Long.toString(Seeds.derive(s.req.seed(), 0, r))));
                    for (double x : v[r]) row.add(Double.toString(x));
                    rows.add(row);
                }
            }
            Experiments.writeTable(file, header, rows);
            for (Path f : shardFiles(dir)) Files.delete(f);
        }
    }

    /** A shard's own runs file. */
    static Path shardFile(Path dir, Shard shard) {
        return dir.resolve("parts").resolve("runs-" + shard.index() + "-of-" + shard.count() + ".csv");
    }

    /** Every shard's runs file in the directory, in name order. */
    static List<Path> shardFiles(Path dir) throws IOException {
        Path parts = dir.resolve("parts");
        if (!Files.isDirectory(parts)) return List.of();
        try (var st = Files.list(parts)) {
            return st.filter(p -> p.getFileName().toString().matches("runs-\\d+-of-\\d+\\.csv")).sorted().toList();
        }
    }

    // ------------------------------------------------------------------ presets against the front

    /**
     * Whether a front member dominates the preset (in the objectives' means) and by how much: among those that do, the
     * one whose smallest gain, each objective's gain taken as a share of that objective's range over everything
     * evaluated, is largest. Its gains are the paired differences replicate by replicate (the same seeds), with 95%
     * intervals; a gain is clear when its interval lies wholly on the better side.
     */
    static PresetStanding standing(Setup s, Evaluation preset, List<Evaluation> front, List<Evaluation> all) {
        List<Goals.Objective> os = s.goals.objectives();
        double[] span = new double[os.size()];
        for (int k = 0; k < os.size(); k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Evaluation e : all) {
                lo = Math.min(lo, e.score().objectives()[k]);
                hi = Math.max(hi, e.score().objectives()[k]);
            }
            span[k] = hi > lo ? hi - lo : 1;
        }
        Evaluation best = null;
        double bestMin = Double.NEGATIVE_INFINITY;
        for (Evaluation f : front) {
            if (!Nsga.dominates(f.score().objectives(), preset.score().objectives())) continue;
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < os.size(); k++) {
                min = Math.min(min, (preset.score().objectives()[k] - f.score().objectives()[k]) / span[k]);
            }
            if (min > bestMin) {
                bestMin = min;
                best = f;
            }
        }
        if (best == null) return new PresetStanding(preset, null, null, null);
        Statistics.Estimate[] d = new Statistics.Estimate[os.size()];
        boolean[] clear = new boolean[os.size()];
        for (int k = 0; k < os.size(); k++) {
            String o = os.get(k).outcome();
            d[k] = Statistics.estimate(Statistics.differences(best.samples().get(o), preset.samples().get(o)), 0.95);
            clear[k] = os.get(k).maximise() ? d[k].low() > 0 : d[k].high() < 0;
        }
        return new PresetStanding(preset, best, d, clear);
    }

    // ------------------------------------------------------------------ the strategies written

    /**
     * The front members written as strategies: the best on each objective, then the balanced one (closest to the
     * front's ideal point with each objective scaled to the front's range), each once.
     */
    static List<Written> chosen(Setup s, List<Evaluation> front) {
        List<Written> out = new ArrayList<>();
        if (front.isEmpty()) return out;
        List<Goals.Objective> os = s.goals.objectives();
        Set<Integer> taken = new LinkedHashSet<>();
        int n = 1;
        for (int k = 0; k < os.size(); k++) {
            Evaluation best = null;
            for (Evaluation f : front) {
                if (best == null || f.score().objectives()[k] < best.score().objectives()[k]) best = f;
            }
            if (taken.add(best.index())) {
                out.add(new Written("optimized-" + n++, "Optimised: " + (os.get(k).maximise() ? "most " : "least ")
                        + os.get(k).outcome(), best));
            }
        }
        double[] lo = new double[os.size()];
        double[] hi = new double[os.size()];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (Evaluation f : front) {
            for (int k = 0; k < os.size(); k++) {
                lo[k] = Math.min(lo[k], f.score().objectives()[k]);
                hi[k] = Math.max(hi[k], f.score().objectives()[k]);
            }
        }
        Evaluation knee = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (Evaluation f : front) {
            double d = 0;
            for (int k = 0; k < os.size(); k++) {
                double z = hi[k] > lo[k] ? (f.score().objectives()[k] - lo[k]) / (hi[k] - lo[k]) : 0;
                d += z * z;
            }
            if (d < bestD) {
                bestD = d;
                knee = f;
            }
        }
        if (taken.add(knee.index())) out.add(new Written("optimized-" + n, "Optimised: balanced", knee));
        return out;
    }

    // ------------------------------------------------------------------ manifest

    static Map<String, Object> manifest(Setup s) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("narcosim_version", Version.get());
        m.put("name", s.plan.name());
        m.put("request", s.req.toMap());
        m.put("scenario_sha256", Experiments.sha256(s.req.scenario()));
        m.put("spec_sha256", s.req.spec() == null ? null : Experiments.sha256(s.req.spec()));
        m.put("method", "NSGA-II (MOEA Framework " + "4.5, SBX crossover and polynomial mutation) over the budget "
                + "shares (stick-breaking map of the unit cube onto the simplex, whole thousandths) and the doctrine "
                + "switches " + s.space.switches().stream().map(Space.Switch::key).toList() + thresholdsText(s.space)
                + ", population "
                + s.req.population() + ", " + s.generations() + " generations; each candidate the mean of "
                + s.req.replicates() + " replicates of strategy '" + s.space.template() + "' with its shares and "
                + "doctrine" + (s.space.thresholds().isEmpty() ? "" : " and its rules' " + (s.req.moves() ? "thresholds and moves" : "thresholds")) + " replaced");
        m.put("seeds", "replicate r's seed = SplitMix64(base " + s.req.seed() + ", 0, r) for every candidate and "
                + "preset (common random numbers); NSGA-II's generator is seeded with the base seed");
        m.put("started", Experiments.now());
        m.put("finished", null);
        return m;
    }

    /** The rule thresholds searched and their ranges, for the manifest ("" when none). */
    static String thresholdsText(Space space) {
        if (space.thresholds().isEmpty()) return "";
        List<String> t = new ArrayList<>();
        for (Space.Threshold x : space.thresholds()) {
            t.add(x.rule() + " " + x.side() + " " + x.low().toPlainString() + " to " + x.high().toPlainString()
                    + " in steps of " + x.step().toPlainString() + " (" + x.range() + ")");
        }
        return " and the rule " + (space.thresholds().stream().anyMatch(Space.Threshold::move) ? "thresholds and moves"
                : "thresholds") + " of '" + space.template() + "' [" + String.join("; ", t) + "]";
    }

    private static void writeYaml(Path file, Map<String, Object> m) throws IOException {
        SearchManifest.write(file, m);
    }

    private static InputException damaged(String problem) {
        return SearchManifest.damaged(problem);
    }

    static Map<String, Object> readManifest(Path file) {
        return SearchManifest.read(file);
    }

    /** The recorded manifest, when the request is this one (or asks for more evaluations). */
    private static Map<String, Object> checkSame(Path dir, Path manifestFile, Map<String, Object> now) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scenario_sha256", "scenario");
        files.put("spec_sha256", "spec");
        return SearchManifest.checkSame(dir, manifestFile, now, new SearchManifest.Kind("optimize", "optimisation", "an"),
                List.of("evaluations"), files);
    }
}
