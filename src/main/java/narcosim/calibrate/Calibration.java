package narcosim.calibrate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import narcosim.experiment.AtomicDirectory;
import narcosim.experiment.Evaluator;
import narcosim.experiment.SearchManifest;
import narcosim.experiment.Experiments;
import narcosim.util.InputException;
import narcosim.experiment.Plan;
import narcosim.experiment.RunOutput;
import narcosim.experiment.Runner;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.YamlNodes;
import narcosim.util.Fmt;
import narcosim.util.Version;

/**
 * {@code narcosim calibrate} from start to finish: the point fit of a scenario's uncertain parameters to a targets
 * file ({@link Search}), recorded candidate by candidate so that a killed calibration goes on where it stopped; then
 * the hand-set and the calibrated values run again side by side for the fit table, and the calibrated scenario
 * written as a file anyone can run.
 */
public final class Calibration {

    public static final String MANIFEST = "manifest.yaml";
    public static final String EVALUATIONS = "evaluations.csv";
    public static final String FIT = "fit.csv";
    public static final String PARAMETERS = "parameters.csv";
    public static final String PROPOSALS = "proposals.csv";
    public static final String POSTERIOR = "posterior.csv";
    public static final String CORRELATIONS = "correlations.csv";
    /** Design point of the fit table's seeds (the search uses 0, the posterior's generations 1, 2, ...). */
    static final int CHECK_POINT = 10_000;
    /** Significant digits of the calibrated values written into the scenario (and run for the fit table). */
    static final int DIGITS = 4;

    private Calibration() {
    }

    /** What the user asked for; stored in the manifest, and compared on --resume. */
    public record Request(Path scenario, List<String> sets, Path targets, List<String> parameters, List<String> heldOut,
                          int replicates, long seed, int evaluations, int population, double sigma, int particles,
                          int generations) {

        /** A point fit only (no posterior). */
        public Request(Path scenario, List<String> sets, Path targets, List<String> parameters, List<String> heldOut,
                       int replicates, long seed, int evaluations, int population, double sigma) {
            this(scenario, sets, targets, parameters, heldOut, replicates, seed, evaluations, population, sigma, 0, 0);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "calibrate");
            m.put("scenario", scenario.toAbsolutePath().normalize().toString());
            m.put("sets", new ArrayList<>(sets));
            m.put("targets", targets.toAbsolutePath().normalize().toString());
            m.put("parameters", new ArrayList<>(parameters));
            m.put("held_out", new ArrayList<>(heldOut));
            m.put("replicates", replicates);
            m.put("seed", seed);
            m.put("evaluations", evaluations);
            m.put("population", population);
            m.put("sigma", sigma);
            m.put("particles", particles);
            m.put("generations", generations);
            return m;
        }
    }

    /**
     * What a calibration found.
     *
     * @param handSet       the scenario's own values of the fitted parameters
     * @param calibrated    the calibrated values (the best candidate's, to {@link #DIGITS} significant digits)
     * @param handSetFit    the fit of the hand-set values (run again, same seeds)
     * @param calibratedFit the fit of the calibrated values
     * @param best          the best candidate of the search (before rounding)
     * @param evaluations   every candidate, in order
     * @param scenarioFile  the calibrated scenario written
     */
    public record Result(Path dir, Targets targets, List<Prior> priors, Set<String> heldOut, String strategiesText,
                         double[] handSet, double[] calibrated, Fit handSetFit, Fit calibratedFit, Search.Evaluation best,
                         List<Search.Evaluation> evaluations, Path scenarioFile, int runsPerCandidate,
                         List<Posterior.Generation> posterior) {

        /** The posterior sample (the last ABC-SMC generation), or null when none was asked for. */
        public Posterior.Generation sample() {
            return posterior == null || posterior.isEmpty() ? null : posterior.get(posterior.size() - 1);
        }
    }

    /** The scenario and targets as loaded for a calibration, checked before anything is written. */
    public static final class Setup {
        final Request req;
        final Plan plan;
        final Scenario scenario;
        final Targets targets;
        final List<Prior> priors;
        final Set<String> heldOut;
        final List<String> strategies;
        final double[] handSet;

        Setup(Request asked) throws ScenarioException {
            Request req = asked;
            YamlNodes.Parsed source = YamlNodes.parse(req.scenario());
            scenario = ScenarioLoader.load(source, req.sets());
            plan = new Plan(Plan.Kind.COMPARE, "calibrate-" + scenario.name(), req.scenario(), req.sets(), scenario,
                    List.of(new narcosim.experiment.RunSpec(0, 0, scenario.strategyIds().get(0), 0, 1, Map.of())),
                    List.of(), List.of(), Map.of(), null, null, source);
            targets = Targets.load(req.targets(), scenario, new LinkedHashSet<>(plan.outcomeNames()));
            if (new LinkedHashSet<>(req.parameters()).size() != req.parameters().size()) {
                throw new ScenarioException("--params", 0, "", "expected each parameter once, got "
                        + String.join(",", req.parameters()));
            }
            try {
                priors = targets.parameters(req.parameters());
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--params", 0, "", e.getMessage());
            }
            if (priors.isEmpty()) {
                throw new ScenarioException(req.targets().toString(), 0, "parameters", "expected a list of the "
                        + "uncertain model parameters to fit, each with its prior range (key, range), got none");
            }
            // Population 0: CMA-ES's default for the number of parameters, recorded as such in the manifest.
            if (req.population() <= 0) {
                req = new Request(req.scenario(), req.sets(), req.targets(), req.parameters(), req.heldOut(),
                        req.replicates(), req.seed(), req.evaluations(), Search.defaultPopulation(priors.size()),
                        req.sigma(), req.particles(), req.generations());
            }
            this.req = req;
            heldOut = new LinkedHashSet<>();
            for (String id : req.heldOut()) {
                if (targets.target(id) == null) {
                    throw new ScenarioException("--hold-out", 0, "", "expected target ids of " + req.targets() + " ("
                            + String.join(", ", targets.ids()) + "), got '" + id + "'" + YamlNodes.suggest(id, targets.ids()));
                }
                heldOut.add(id);
            }
            if (heldOut.size() == targets.targets().size()) {
                throw new ScenarioException("--hold-out", 0, "", "expected at least one target left to fit, got all "
                        + heldOut.size() + " held out");
            }
            strategies = targets.targets().stream().map(Target::strategy).distinct().toList();
            for (Prior p : priors) {
                String by = ScenarioPatch.doctrineSets(scenario, p.key());
                if (by != null) {
                    throw new ScenarioException(req.scenario().toString(), 0, p.key(), "strategy '" + by + "' sets it in "
                            + "its doctrine, so a calibrated value would not reach that strategy; a calibration fits the "
                            + "world every strategy shares: set it in the '" + p.param().section() + "' section instead");
                }
            }
            RunConfig cfg = plan.config(new narcosim.experiment.RunSpec(0, 0, strategies.get(0), 0, 1, Map.of()));
            handSet = new double[priors.size()];
            for (int i = 0; i < priors.size(); i++) {
                handSet[i] = ((Number) cfg.params().get(priors.get(i).key())).doubleValue();
            }
            // The calibrated scenario must be writable into this file, and run what was fitted, under every strategy
            // the targets name: checked now with the hand-set values, before anything runs or is written.
            try {
                String text = Files.readString(req.scenario(), StandardCharsets.UTF_8);
                String patched = ScenarioPatch.calibrated(text, priors, handSet, req, scenario, "");
                ScenarioPatch.check(patched, priors, handSet, strategies, req, scenario);
            } catch (IOException e) {
                throw new ScenarioException(req.scenario().toString(), 0, "", "cannot read: " + e.getMessage());
            } catch (IllegalStateException e) {
                throw new ScenarioException(req.scenario().toString(), 0, "", e.getMessage());
            }
        }

        /** The scenario's name. */
        public String scenarioName() {
            return scenario.name();
        }
    }

    /** Loads and checks the scenario, targets and parameters (any problem is a {@link ScenarioException}). */
    public static Setup setup(Request req) throws ScenarioException {
        return new Setup(req);
    }

    /**
     * Runs (or, with {@code resume}, goes on with) a calibration into {@code dir}: a new directory, or one this same
     * request started.
     */
    public static Result run(Setup s, Path dir, boolean resume, int threads, Runner.Progress progress) throws Exception {
        return run(s, dir, resume, threads, stage -> stage.equals("fit") ? progress : Runner.Progress.NONE);
    }

    /**
     * As {@link #run(Setup, Path, boolean, int, Runner.Progress)}, with a progress display per stage: "fit" (the
     * search's runs) and "posterior N" (generation N's accepted particles).
     */
    public static Result run(Setup s, Path dir, boolean resume, int threads,
                             java.util.function.Function<String, Runner.Progress> progressFor) throws Exception {
        Files.createDirectories(dir);
        try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(dir.resolve(".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new InputException(dir + ": another narcosim calibrate is working in this directory; wait for it "
                        + "to finish, or stop it first");
            }
            return runLocked(s, dir, resume, threads, progressFor);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new InputException(dir + ": another calibration in this process is working in this directory");
        }
    }

    private static Result runLocked(Setup s, Path dir, boolean resume, int threads,
                                    java.util.function.Function<String, Runner.Progress> progressFor) throws Exception {
        Request req = s.req;
        Runner.Progress progress = progressFor.apply("fit");
        Path manifestFile = dir.resolve(MANIFEST);
        Map<String, Object> manifest = manifest(s);
        if (resume) checkSame(dir, manifestFile, manifest);
        else writeYaml(manifestFile, manifest);
        List<String> header = evaluationsHeader(s);
        Search.Memo memo = readEvaluations(dir.resolve(EVALUATIONS), header, s);
        if (resume) {
            // The candidates read back are valid: the manifest records the request as now given (more candidates or
            // generations), started as before.
            Map<String, Object> was = new LinkedHashMap<>(readManifest(manifestFile));
            was.put("request", manifest.get("request"));
            was.put("finished", null);
            writeYaml(manifestFile, was);
        }
        try (Evaluator ev = new Evaluator(s.plan, s.strategies, req.replicates(), req.seed(), threads, progress::step);
             BufferedWriter out = Files.newBufferedWriter(dir.resolve(EVALUATIONS), StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            if (memo.size() == 0) {
                out.write(narcosim.experiment.ExperimentDir.line(header));
                out.flush();
            }
            int per = ev.runsPerCandidate();
            progress.start((req.evaluations() + 2) * per, Math.min(req.evaluations(), memo.size()) * per);
            Search.Objective objective = values -> fitAt(s, ev, values, 0);
            Search.Evaluation best = Search.run(s.priors, s.handSet, objective, req.evaluations(), req.population(),
                    req.sigma(), req.seed(), memo, (e, old) -> {
                        if (old) return;
                        out.write(narcosim.experiment.ExperimentDir.line(evaluationRow(e, s)));
                        out.flush();
                    });
            double[] calibrated = new double[s.priors.size()];
            for (int i = 0; i < calibrated.length; i++) calibrated[i] = round(best.values()[i], s.priors.get(i));
            // The fit table runs on fresh seeds: a loss on the seeds the search tuned against would flatter the fit.
            Fit handSetFit = fitAt(s, ev, s.handSet, CHECK_POINT);
            Fit calibratedFit = fitAt(s, ev, calibrated, CHECK_POINT);
            progress.close();
            List<Posterior.Generation> posterior = req.particles() > 0 ? posterior(s, ev, dir, progressFor) : null;
            String name = s.scenario.name() + "-calibrated.yaml";
            Result r = new Result(dir, s.targets, s.priors, s.heldOut, String.join(", ", s.strategies), s.handSet,
                    calibrated, handSetFit, calibratedFit, best, memo.all(), dir.resolve(name), per, posterior);
            if (posterior != null) {
                writePosterior(dir.resolve(POSTERIOR), r);
                writeCorrelations(dir.resolve(CORRELATIONS), r);
            }
            writeFit(dir.resolve(FIT), r);
            writeParameters(dir.resolve(PARAMETERS), r);
            String text = ScenarioPatch.calibrated(Files.readString(req.scenario(), StandardCharsets.UTF_8), r, req,
                    s.scenario);
            ScenarioPatch.check(text, s.priors, calibrated, s.strategies, req, s.scenario);
            AtomicDirectory.writeFile(r.scenarioFile(), p -> Files.writeString(p, text, StandardCharsets.UTF_8));
            CalibrationReport.write(r, req);
            Map<String, Object> done = new LinkedHashMap<>(readManifest(manifestFile));
            done.put("finished", Experiments.now());
            done.put("loss_hand_set", handSetFit.loss());
            done.put("loss_calibrated", calibratedFit.loss());
            writeYaml(manifestFile, done);
            return r;
        }
    }

    /** A candidate's fit: its runs at these values, held against the targets. */
    static Fit fitAt(Setup s, Evaluator ev, double[] values, int point) {
        Map<String, Object> set = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) set.put(s.priors.get(i).key(), values[i]);
        try {
            return Fit.of(s.targets, ev.run(set, point), ev.years(), s.heldOut);
        } catch (Exception e) {
            throw new Search.CandidateFailed(values, e);
        }
    }

    /** A value to {@link #DIGITS} significant digits, kept within the prior range. */
    static double round(double v, Prior p) {
        if (p.param().type() == narcosim.scenario.Param.Type.INTEGER) {
            return Math.max(Math.ceil(p.low()), Math.min(Math.floor(p.high()), Math.rint(v)));
        }
        return Math.max(p.low(), Math.min(p.high(), significant(v, DIGITS)));
    }

    /** A value to some significant digits (0 and non-finite values as they are). */
    static double significant(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
    }

    // ------------------------------------------------------------------ posterior (ABC-SMC)

    /** ABC-SMC from the priors, every proposal recorded in proposals.csv (the resume state of this stage). */
    private static List<Posterior.Generation> posterior(Setup s, Evaluator ev, Path dir,
                                                        java.util.function.Function<String, Runner.Progress> progressFor)
            throws Exception {
        Request req = s.req;
        Path file = dir.resolve(PROPOSALS);
        List<String> header = proposalsHeader(s);
        Map<String, Posterior.Proposal> known = readProposals(file, header, s);
        Runner.Progress[] bar = new Runner.Progress[1];
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            if (known.isEmpty()) {
                out.write(narcosim.experiment.ExperimentDir.line(header));
                out.flush();
            }
            Posterior.Memo memo = new Posterior.Memo() {
                public Posterior.Proposal get(int generation, int index) {
                    return known.get(generation + "/" + index);
                }

                public void add(Posterior.Proposal p) throws IOException {
                    List<String> row = new ArrayList<>();
                    row.add(Integer.toString(p.generation()));
                    row.add(Integer.toString(p.index()));
                    row.add(Double.toString(p.distance()));
                    for (double v : p.values()) row.add(Double.toString(v));
                    for (double u : p.position()) row.add(Double.toString(u));
                    out.write(narcosim.experiment.ExperimentDir.line(row));
                    out.flush();
                }
            };
            Posterior.Simulator sim = (values, generation, indices) -> {
                List<Map<String, Object>> candidates = new ArrayList<>();
                List<Long> seeds = new ArrayList<>();
                for (int k = 0; k < values.size(); k++) {
                    Map<String, Object> set = new LinkedHashMap<>();
                    for (int i = 0; i < values.get(k).length; i++) set.put(s.priors.get(i).key(), values.get(k)[i]);
                    candidates.add(set);
                    seeds.add(narcosim.experiment.Seeds.derive(req.seed(), 1 + generation, indices.get(k)));
                }
                List<Map<String, List<Map<String, Double>>>> runs;
                try {
                    runs = ev.runEach(candidates, seeds);
                } catch (Exception e) {
                    throw new Search.CandidateFailed(values.get(0), e);
                }
                double[] d = new double[runs.size()];
                for (int k = 0; k < d.length; k++) {
                    // A statistic undefined in this one run (a share or ratio over zero): the proposal is rejected.
                    try {
                        d[k] = Math.sqrt(Fit.of(s.targets, runs.get(k), ev.years(), s.heldOut).loss());
                    } catch (IllegalArgumentException undefined) {
                        d[k] = Double.POSITIVE_INFINITY;
                    }
                }
                return d;
            };
            Posterior.Listener listener = new Posterior.Listener() {
                private int shown = -1;

                public void accepted(int generation, int accepted, boolean recorded) {
                    if (recorded) return; // read back on resume: not progress made now
                    if (shown != generation) {
                        if (bar[0] != null) bar[0].close();
                        bar[0] = progressFor.apply("posterior " + (generation + 1) + "/" + req.generations());
                        bar[0].start(req.particles(), accepted - 1);
                        shown = generation;
                    }
                    bar[0].step();
                }
            };
            try {
                return Posterior.run(s.priors, req.particles(), req.generations(), req.seed(), sim, memo, listener);
            } finally {
                if (bar[0] != null) bar[0].close();
            }
        }
    }

    static List<String> proposalsHeader(Setup s) {
        List<String> h = new ArrayList<>(List.of("generation", "proposal", "distance"));
        for (Prior p : s.priors) h.add(p.key());
        for (Prior p : s.priors) h.add("position:" + p.key());
        return h;
    }

    private static Map<String, Posterior.Proposal> readProposals(Path file, List<String> header, Setup s)
            throws IOException {
        Map<String, Posterior.Proposal> out = new java.util.HashMap<>();
        int d = s.priors.size();
        for (CSVRecord r : readRecords(file, header)) {
            try {
                double[] values = new double[d];
                double[] position = new double[d];
                for (int k = 0; k < d; k++) {
                    values[k] = Double.parseDouble(r.get(3 + k));
                    position[k] = Double.parseDouble(r.get(3 + d + k));
                }
                Posterior.Proposal p = new Posterior.Proposal(Integer.parseInt(r.get(0)), Integer.parseInt(r.get(1)),
                        position, values, Double.parseDouble(r.get(2)));
                out.put(p.generation() + "/" + p.index(), p);
            } catch (NumberFormatException e) {
                throw damaged(file + ", line " + r.getRecordNumber() + ": expected numbers, got " + e.getMessage());
            }
        }
        return out;
    }

    private static void writePosterior(Path file, Result r) throws IOException {
        Posterior.Generation g = r.sample();
        List<String> header = new ArrayList<>(List.of("particle", "weight", "distance"));
        for (Prior p : r.priors()) header.add(p.key());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < g.particles().size(); i++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), Fmt.num(g.weights()[i]),
                    Fmt.num(g.particles().get(i).distance())));
            for (double v : g.particles().get(i).values()) row.add(Fmt.num(v));
            rows.add(row);
        }
        Experiments.writeTable(file, header, rows);
    }

    private static void writeCorrelations(Path file, Result r) throws IOException {
        Posterior.Generation g = r.sample();
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < r.priors().size(); a++) {
            for (int b = 0; b < r.priors().size(); b++) {
                rows.add(List.of(r.priors().get(a).key(), r.priors().get(b).key(), Fmt.num(g.correlation(a, b))));
            }
        }
        Experiments.writeTable(file, List.of("parameter_a", "parameter_b", "correlation"), rows);
    }

    // ------------------------------------------------------------------ manifest

    static Map<String, Object> manifest(Setup s) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("narcosim_version", Version.get());
        m.put("name", s.plan.name());
        m.put("request", s.req.toMap());
        m.put("scenario_sha256", Experiments.sha256(s.req.scenario()));
        m.put("targets_sha256", Experiments.sha256(s.req.targets()));
        m.put("method", "CMA-ES (commons-math3 CMAESOptimizer, active covariance update) over the parameters' prior "
                + "ranges mapped onto [0, 1]; loss = sum over the fitted targets of ((model mean - observed) / sd)^2, "
                + "the model mean over " + s.req.replicates() + " replicates of each of " + String.join(", ", s.strategies)
                + "; common random numbers: replicate r's seed is the same for every candidate");
        m.put("seeds", "search: seed of replicate r = SplitMix64(base " + s.req.seed() + ", 0, r), at every candidate; "
                + "fit table (hand-set and calibrated values): SplitMix64(base, " + CHECK_POINT + ", r), fresh seeds; "
                + "posterior: proposal i of generation g runs once with SplitMix64(base, 1 + g, i); the optimiser's and "
                + "the proposals' own streams start from the base seed");
        m.put("started", Experiments.now());
        m.put("finished", null);
        return m;
    }

    private static void writeYaml(Path file, Map<String, Object> m) throws IOException {
        SearchManifest.write(file, m);
    }

    /** A file narcosim wrote that is not as it wrote it: what is wrong, and what to do (one line). */
    private static InputException damaged(String problem) {
        return SearchManifest.damaged(problem);
    }

    /** Request keys a resume may raise (run longer), never lower. */
    static final List<String> EXTENSIBLE = List.of("evaluations", "generations");

    private static void checkSame(Path dir, Path manifestFile, Map<String, Object> now) {
        // More candidates or more generations go on from where the first call stopped: the search and the
        // posterior replay what was recorded and continue (neither depends on its own limit before reaching it).
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scenario_sha256", "scenario");
        files.put("targets_sha256", "targets");
        SearchManifest.checkSame(dir, manifestFile, now, new SearchManifest.Kind("calibrate", "calibration", "a"),
                EXTENSIBLE, files);
    }

    static Map<String, Object> readManifest(Path file) {
        return SearchManifest.read(file);
    }

    // ------------------------------------------------------------------ evaluations.csv (the resume state)

    static List<String> evaluationsHeader(Setup s) {
        List<String> h = new ArrayList<>(List.of("evaluation", "loss"));
        for (Prior p : s.priors) h.add(p.key());
        for (Prior p : s.priors) h.add("position:" + p.key());
        for (Target t : s.targets.targets()) h.add("model:" + t.id());
        return h;
    }

    private static List<String> evaluationRow(Search.Evaluation e, Setup s) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(e.index()));
        row.add(Double.toString(e.loss()));
        for (double v : e.values()) row.add(Double.toString(v));
        // Positions exactly as the optimiser asked for them (Double.toString reads back to the same double).
        for (double u : e.position()) row.add(Double.toString(u));
        for (Target t : s.targets.targets()) row.add(Double.toString(e.model().get(t.id())));
        return row;
    }

    /**
     * The candidates a calibration recorded, cut back to its last complete line (a kill may leave half a line);
     * empty for a new calibration.
     */
    static Search.Memo readEvaluations(Path file, List<String> header, Setup s) throws IOException {
        Search.Memo memo = new Search.Memo();
        List<CSVRecord> records = readRecords(file, header);
        int d = s.priors.size();
        for (CSVRecord r : records) {
            try {
                double[] values = new double[d];
                double[] position = new double[d];
                for (int k = 0; k < d; k++) {
                    values[k] = Double.parseDouble(r.get(2 + k));
                    position[k] = Double.parseDouble(r.get(2 + d + k));
                }
                Map<String, Double> model = new LinkedHashMap<>();
                List<Target> ts = s.targets.targets();
                for (int k = 0; k < ts.size(); k++) model.put(ts.get(k).id(), Double.parseDouble(r.get(2 + 2 * d + k)));
                Search.Evaluation e = new Search.Evaluation(Integer.parseInt(r.get(0)), position, values,
                        Double.parseDouble(r.get(1)), model);
                if (e.index() != memo.size() || memo.get(position) != null) {
                    throw damaged(file + ", line " + r.getRecordNumber() + ": candidate " + e.index()
                            + (e.index() != memo.size() ? " out of sequence" : " recorded twice"));
                }
                memo.add(e);
            } catch (NumberFormatException e) {
                throw damaged(file + ", line " + r.getRecordNumber() + ": expected numbers, got " + e.getMessage());
            }
        }
        return memo;
    }

    /**
     * The data lines of a file narcosim appends to line by line, cut back to its last complete line (a kill may leave
     * half a line); none when it does not exist. Its header must be {@code header}; every line has its length.
     */
    static List<CSVRecord> readRecords(Path file, List<String> header) throws IOException {
        if (!Files.exists(file)) return List.of();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n') + 1;
        if (end < text.length()) {
            try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(text.getBytes(StandardCharsets.UTF_8).length - text.substring(end).getBytes(
                        StandardCharsets.UTF_8).length);
            }
            text = text.substring(0, end);
        }
        if (text.isEmpty()) return List.of();
        List<CSVRecord> records;
        try (var parser = CSVFormat.DEFAULT.builder().build().parse(new java.io.StringReader(text))) {
            records = parser.getRecords();
        }
        if (records.isEmpty() || !records.get(0).toList().equals(header)) {
            throw damaged(file + ": its header is not that of this calibration's candidates");
        }
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).size() != header.size()) {
                throw damaged(file + ", line " + (i + 1) + ": expected " + header.size() + " values, got "
                        + records.get(i).size());
            }
        }
        return records.subList(1, records.size());
    }

    // ------------------------------------------------------------------ fit.csv, parameters.csv

    static final List<String> FIT_HEADER = List.of("target", "statistic", "strategy", "unit", "window", "observed",
            "range_low", "range_high", "sd", "held_out", "parameters", "model_mean", "model_ci_low", "model_ci_high",
            "within", "loss_term", "verified", "source");

    private static void writeFit(Path file, Result r) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < r.targets().targets().size(); i++) {
            for (int which = 0; which < 2; which++) {
                Fit.Row row = (which == 0 ? r.handSetFit() : r.calibratedFit()).rows().get(i);
                Target t = row.target();
                rows.add(List.of(t.id(), t.statistic().text(), t.strategy(), t.unit(), t.window(), Fmt.num(t.observed()),
                        Fmt.num(t.low()), Fmt.num(t.high()), Fmt.num(t.sd()), Boolean.toString(row.heldOut()),
                        which == 0 ? "hand-set" : "calibrated", Fmt.num(row.model().mean()), Fmt.num(row.model().low()),
                        Fmt.num(row.model().high()), Boolean.toString(row.within()), Fmt.num(row.term()),
                        Boolean.toString(t.verified()), t.source()));
            }
        }
        Experiments.writeTable(file, FIT_HEADER, rows);
    }

    static final List<String> PARAMETER_HEADER = List.of("parameter", "prior_low", "prior_high", "scale", "hand_set",
            "calibrated", "position", "at_edge", "posterior_mean", "posterior_low", "posterior_high", "description", "why");

    private static void writeParameters(Path file, Result r) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < r.priors().size(); i++) {
            Prior p = r.priors().get(i);
            double pos = p.position(r.calibrated()[i]);
            Posterior.Generation g = r.sample();
            rows.add(List.of(p.key(), Fmt.num(p.low()), Fmt.num(p.high()), p.log() ? "log" : "linear",
                    Fmt.num(r.handSet()[i]), Fmt.num(r.calibrated()[i]), Fmt.num(pos),
                    Boolean.toString(pos < 0.02 || pos > 0.98), g == null ? "" : Fmt.num(g.mean(i)),
                    g == null ? "" : Fmt.num(g.quantile(i, 0.025)), g == null ? "" : Fmt.num(g.quantile(i, 0.975)),
                    p.param().description(), p.why()));
        }
        Experiments.writeTable(file, PARAMETER_HEADER, rows);
    }

}
