package narcosim.cli;

import narcosim.cli.InProcess.Result;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import narcosim.scenario.Param;
import narcosim.scenario.Params;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import narcosim.util.Version;
import picocli.CommandLine;

/**
 * The command line as a user calls it: exit codes, what is printed, and the files a run writes. Runs
 * use the small classroom scenario for one year to stay fast.
 */
class CliTest {

    static final Path BALLOON = Path.of("scenarios", "classroom-balloon.yaml");
    static String balloonText;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readScenario() throws IOException {
        balloonText = Files.readString(BALLOON, StandardCharsets.UTF_8);
    }

    static Result cli(String... args) {
        return InProcess.cli((Object[]) args);
    }

    static Result ok(String... args) {
        Result r = cli(args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + "\nstderr: " + r.err());
        return r;
    }

    /** Runs the balloon scenario for one year into {@code dir}. */
    Path run(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", BALLOON.toString(), "--years", "1", "--out", dir.toString(),
                "--quiet"));
        args.addAll(Arrays.asList(extra));
        Result r = ok(args.toArray(String[]::new));
        assertEquals(dir + System.lineSeparator(), r.out(), "--quiet prints only the output directory");
        assertEquals("", r.err());
        return dir;
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            return p.getRecords();
        }
    }

    static List<String> header(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            return p.getHeaderNames();
        }
    }

    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0 && text.indexOf(needle, at + 1) < 0, "'" + needle + "' must occur exactly once");
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static void assertSameBytes(Path a, Path b) throws IOException {
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), a + " and " + b + " differ");
    }

    // ------------------------------------------------------------------ run

    @Test
    void runWritesTimeseriesSummaryAndScenario() throws Exception {
        Path dir = run(tmp.resolve("out"), "--strategy", "integrated", "--seed", "7");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("links.csv", "places.csv", "route-map.png", "route-map.svg", "scenario.yaml", "summary.csv",
                    "timeseries.csv"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }

        Path ts = dir.resolve("timeseries.csv");
        List<String> cols = header(ts);
        assertEquals(List.of("week", "year"), cols.subList(0, 2));
        assertTrue(cols.containsAll(List.of("delivered_kg", "seized_kg", "mean_trust", "price_usd_kg", "spend_usd")),
                cols.toString());
        List<CSVRecord> rows = csv(ts);
        assertEquals(52, rows.size(), "one row per campaign week");
        for (int w = 0; w < rows.size(); w++) {
            assertEquals(Integer.toString(w), rows.get(w).get("week"));
            assertEquals("1", rows.get(w).get("year"));
            assertEquals(cols.size(), rows.get(w).size(), "week " + w + " has every column");
        }
        double deliveredWeeks = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("delivered_kg"))).sum();
        assertTrue(deliveredWeeks > 0, "the classroom cartel delivers something in a year");

        Path sum = dir.resolve("summary.csv");
        List<String> keys = header(sum);
        assertEquals(List.of("scenario", "strategy", "seed", "narcosim_version"), keys.subList(0, 4));
        for (Param p : Params.all()) assertTrue(keys.contains(p.key()), "summary.csv lacks parameter " + p.key());
        List<CSVRecord> recs = csv(sum);
        assertEquals(1, recs.size(), "one data row");
        CSVRecord r = recs.get(0);
        assertAll(
                () -> assertEquals("classroom-balloon", r.get("scenario")),
                () -> assertEquals("integrated", r.get("strategy")),
                () -> assertEquals("7", r.get("seed")),
                () -> assertEquals(Version.get(), r.get("narcosim_version")),
                () -> assertNotEquals("unknown", r.get("narcosim_version")),
                () -> assertEquals("1", r.get("run.years"), "--years 1"),
                () -> assertEquals("intelligence", r.get("military.targeting"), "the strategy's doctrine"),
                () -> assertEquals("true", r.get("police.vetting"), "the strategy's doctrine"),
                () -> assertEquals("0.3", r.get("share_police")),
                () -> assertEquals(deliveredWeeks, Double.parseDouble(r.get("delivered_kg_total")),
                        1e-5 * deliveredWeeks, "the summary's total is the sum of the weeks"));

        Scenario resolved = ScenarioLoader.load(dir.resolve("scenario.yaml"));
        assertEquals("classroom-balloon", resolved.name());
        assertEquals(List.of("integrated"), resolved.strategyIds(), "scenario.yaml holds the strategy that was run");
        assertEquals(1, resolved.params().integer("run.years"));
        assertEquals("intelligence", resolved.params().text("military.targeting"));
    }

    @Test
    void runPrintsASummaryTable() {
        Result r = ok("run", BALLOON.toString(), "--years", "1", "--out", tmp.resolve("o").toString(), "--seed", "2");
        assertTrue(r.out().startsWith("narcosim run: classroom-balloon, strategy baseline (Baseline (no campaign)), "
                + "seed 2, 1 years"), r.out());
        assertTrue(r.out().contains("Cocaine delivered to market"), r.out());
        assertTrue(r.out().contains("Results: " + tmp.resolve("o")), r.out());
    }

    @Test
    void writtenScenarioRepeatsTheRunExactly() throws IOException {
        Path first = run(tmp.resolve("first"), "--strategy", "integrated", "--seed", "7",
                "--set", "cartel.loss_tolerance=0.2", "--set", "places.tumaco.population=9000");
        Path again = tmp.resolve("again");
        Result r = ok("run", first.resolve("scenario.yaml").toString(), "--strategy", "integrated", "--seed", "7",
                "--out", again.toString(), "--quiet");
        assertEquals("", r.err());
        assertSameBytes(first.resolve("timeseries.csv"), again.resolve("timeseries.csv"));
        assertSameBytes(first.resolve("summary.csv"), again.resolve("summary.csv"));
        assertSameBytes(first.resolve("scenario.yaml"), again.resolve("scenario.yaml"));
    }

    @Test
    void sameSeedGivesIdenticalFiles() throws IOException {
        Path a = run(tmp.resolve("a"), "--strategy", "corridor-crackdown", "--seed", "11");
        Path b = run(tmp.resolve("b"), "--strategy", "corridor-crackdown", "--seed", "11");
        for (String f : List.of("timeseries.csv", "summary.csv", "scenario.yaml")) assertSameBytes(a.resolve(f), b.resolve(f));
    }

    @Test
    void differentSeedGivesADifferentRun() throws IOException {
        Path a = run(tmp.resolve("a"), "--strategy", "integrated", "--seed", "1");
        Path b = run(tmp.resolve("b"), "--strategy", "integrated", "--seed", "2");
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("timeseries.csv")),
                Files.readAllBytes(b.resolve("timeseries.csv"))), "the seed must change the run");
    }

    @Test
    void setOverrideShowsUpInTheSummaryAndScenario() throws IOException {
        Path strict = run(tmp.resolve("strict"), "--strategy", "integrated");
        Path permissive = run(tmp.resolve("permissive"), "--strategy", "integrated",
                "--set", "military.rules_of_engagement=permissive");
        assertEquals("strict", csv(strict.resolve("summary.csv")).get(0).get("military.rules_of_engagement"));
        assertEquals("permissive", csv(permissive.resolve("summary.csv")).get(0).get("military.rules_of_engagement"),
                "--set wins over the doctrine's strict");
        assertTrue(Files.readString(permissive.resolve("scenario.yaml")).contains("rules_of_engagement: permissive"));
    }

    @Test
    void runNeverReplacesAnEarlierResultDirectory() throws IOException {
        Path dir = tmp.resolve("out");
        run(dir, "--seed", "1");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Result r = cli("run", BALLOON.toString(), "--years", "1", "--seed", "2", "--out", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("exists"), r.err());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        assertEquals("1", csv(dir.resolve("summary.csv")).get(0).get("seed"));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("out"), s.map(p -> p.getFileName().toString()).toList(), "no temporary directory left");
        }
    }

    // ------------------------------------------------------------------ validate, params, help

    @Test
    void validateAcceptsEveryShippedScenario() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            files = s.map(Path::toString).filter(f -> f.endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 3, files.toString());
        List<String> args = new ArrayList<>(List.of("validate"));
        args.addAll(files);
        Result r = ok(args.toArray(String[]::new));
        List<String> lines = r.out().lines().toList();
        assertEquals(files.size(), lines.size(), r.out());
        for (int i = 0; i < files.size(); i++) {
            assertTrue(lines.get(i).startsWith(files.get(i) + ": ok: scenario '"), lines.get(i));
        }
        assertEquals("", r.err());
    }

    @Test
    void validateAppliesSetOverrides() {
        Result r = ok("validate", BALLOON.toString(), "--set", "budget.total_musd_per_year=3000");
        assertTrue(r.out().contains("at US$3,000M/year"), r.out());
    }

    @Test
    void paramsListsEveryParameter() {
        Result r = ok("params");
        for (Param p : Params.all()) assertTrue(r.out().contains(p.key()), "params lacks " + p.key());
        for (String s : Params.sections()) assertTrue(r.out().contains("\n" + s + ":\n"), "params lacks section " + s);
    }

    @Test
    void paramsOfOneSectionAndAsMarkdown() {
        Result military = ok("params", "--section", "military");
        assertTrue(military.out().contains("military.targeting"));
        assertFalse(military.out().contains("police.vetting"));
        Result md = ok("params", "--markdown");
        assertTrue(md.out().startsWith("| key | default | allowed | unit | role | meaning |"), md.out());
        int fields = narcosim.scenario.Fields.SECTIONS.stream().mapToInt(s -> narcosim.scenario.Fields.of(s).size()).sum();
        assertEquals(Params.all().size() + 2 + 1 + 2 + fields, md.out().lines().count(),
                "header, rule and one row per parameter; a blank line, then header, rule and one row per entity field");
        assertTrue(md.out().contains("| `links[].capacity_kg_week` | required | [0.001, 1000000000] | kg/week |"), md.out());
        Result levers = ok("params", "--role", "lever");
        for (Param p : Params.all()) {
            assertEquals(p.role() == Param.Role.LEVER, levers.out().contains("  " + p.key() + " "), p.key());
        }
        assertTrue(levers.out().contains("{lever (moves delivered_kg_total, seized_kg_total)}"), levers.out());
        assertEquals(2, cli("params", "--role", "knob").code());
        Result links = ok("params", "--section", "links");
        assertTrue(links.out().contains("detectability"), links.out());
        assertFalse(links.out().contains("military.targeting"), links.out());
        Result bad = cli("params", "--section", "militray");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("narcosim: error: no parameter section 'militray'"), bad.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "validate", "params", "bench"})
    void helpOfEveryCommand(String command) {
        List<String> args = new ArrayList<>();
        if (!command.isEmpty()) args.add(command);
        args.add("--help");
        Result r = ok(args.toArray(String[]::new));
        assertTrue(r.out().startsWith("Usage: narcosim" + (command.isEmpty() ? "" : " " + command)), r.out());
        assertEquals("", r.err());
    }

    @Test
    void benchPrintsTheBareLoopRatioAndThePhaseTable() {
        // Small counts: this checks what bench prints, never how fast anything is.
        Result r = ok("bench", "--scenario", BALLOON.toString(), "--residents", "0", "--runs", "1", "--warmup", "0",
                "--updates", "20000", "--phases");
        String out = r.out();
        assertTrue(out.contains("resident updates per second (1 core): median "), out);
        assertTrue(out.contains("bare loop over the same columns (1 core): median "), out);
        assertTrue(out.matches("(?s).*ratio: resident updates at [0-9.]+% of the bare loop's rate.*"), out);
        double share = 0;
        int phases = 0;
        for (String line : out.split("\\R")) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("^  (\\d \\w+|outside the phases) +[0-9.]+ +([0-9.]+)%$").matcher(line);
            if (m.matches()) {
                share += Double.parseDouble(m.group(2));
                if (!m.group(1).startsWith("outside")) phases++;
            }
        }
        assertEquals(narcosim.model.NarcoModel.PHASE_NAMES.size(), phases, out);
        assertEquals(100, share, 0.5, out);
        assertTrue(out.contains("  whole run "), out);
    }

    @Test
    void benchTimesTheRunWithManyResidentsOnlyWhenAsked() {
        // Small counts: this checks what bench prints, never how fast anything is.
        String[] args = {"bench", "--scenario", BALLOON.toString(), "--residents", "3000", "--runs", "1", "--warmup",
            "0", "--updates", "20000"};
        String plain = ok(args).out();
        assertTrue(plain.contains("memory: "), plain);
        assertFalse(plain.contains("time: "), plain);
        java.util.List<String> timed = new java.util.ArrayList<>(java.util.List.of(args));
        timed.add("--time-residents");
        String out = ok(timed.toArray(new String[0])).out();
        assertTrue(out.matches("(?s).*\\nmemory: \\d+ residents, .*\\ntime: one 10-year run \\(\\+52 burn-in weeks\\) "
                + "with \\d+ residents: [0-9.]+ s wall, .*"), out);
    }

    @Test
    void helpCommandVersionAndBareCall() {
        assertTrue(ok("help", "run").out().contains("--strategy"));
        assertTrue(ok("--version").out().startsWith("narcosim " + Version.get()));
        Result bare = ok();
        assertTrue(bare.out().contains("Usage: narcosim"), bare.out());
        assertTrue(bare.out().contains("validate"), bare.out());
    }

    @Test
    void unknownCommandOrOptionExitsTwo() {
        assertEquals(2, cli("runn", BALLOON.toString()).code());
        Result r = cli("run", BALLOON.toString(), "--sead", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--sead"), r.err());
        assertEquals(2, cli("run", BALLOON.toString(), "--seed", "three").code());
        assertEquals(2, cli("run").code(), "the scenario file is required");
        // One line saying what and where to read more, not the whole usage.
        for (Result bad : List.of(r, cli("run", BALLOON.toString(), "--seed", "three"), cli("run"))) {
            assertEquals(1, bad.err().strip().lines().count(), bad.err());
            assertTrue(bad.err().startsWith("narcosim: error: ") && bad.err().contains("'narcosim run --help'"), bad.err());
        }
        assertTrue(r.err().contains("did you mean"), r.err());
    }

    @Test
    void reportOnASearchsDirectorySaysWhatItIs() throws Exception {
        for (String kind : List.of("optimize", "calibrate")) {
            Path dir = Files.createDirectories(tmp.resolve(kind + "-x"));
            Files.writeString(dir.resolve("manifest.yaml"), "request:\n  kind: " + kind + "\n");
            Result r = cli("report", dir.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("a " + kind + " directory") && r.err().contains("report.html is already there"),
                    r.err());
        }
    }

    // ------------------------------------------------------------------ bad input

    /**
     * A broken input: an edit of the balloon scenario's text (null: the file is absent), extra
     * arguments, the text on the line the message must name (null: no line), a fragment the message
     * must contain, and whether it names the scenario file.
     */
    record Bad(String label, UnaryOperator<String> edit, List<String> args, String lineNeedle, String expect,
               boolean namesFile) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Replaces one unique piece of the scenario text. */
    static UnaryOperator<String> replace(String from, String to) {
        return t -> {
            assertEquals(t.indexOf(from), t.lastIndexOf(from), () -> "'" + from + "' occurs more than once");
            assertTrue(t.contains(from), () -> "'" + from + "' is not in the scenario");
            return t.replace(from, to);
        };
    }

    static Bad fileCase(String label, UnaryOperator<String> edit, String lineNeedle, String expect) {
        return new Bad(label, edit, List.of(), lineNeedle, expect, true);
    }

    static Stream<Bad> badInputs() {
        UnaryOperator<String> same = UnaryOperator.identity();
        return Stream.of(
                new Bad("missing file", null, List.of(), null, "no such file", true),
                fileCase("malformed YAML", replace("  total_musd_per_year: 300\n", "  total_musd_per_year: 300: 400\n"),
                        "300: 400", "malformed YAML"),
                fileCase("unknown key", replace("    corruption: 0.46\n", "    corruptoin: 0.46\n"), "corruptoin",
                        "nations[0].corruptoin: unknown key (did you mean 'corruption'?)"),
                fileCase("out-of-range value", replace("detectability: 0.015", "detectability: 1.5"), "detectability: 1.5",
                        "links.colon>miami.detectability: expected a number from 0 to 1, got 1.5"),
                fileCase("wrong type", replace("capital_musd: 50", "capital_musd: lots"), "lots",
                        "cartels.pacific_network.capital_musd: expected a number from 0 to 1000000, got 'lots'"),
                fileCase("unknown place in a link", replace("to: miami,", "to: miamii,"), "miamii",
                        "links[9].to: no place 'miamii' (did you mean 'miami'?)"),
                fileCase("unreachable market", replace("{from: colon,          to: miami,", "{from: colon,          to: tonosi,"),
                        "{id: narino", "places.narino: the market is unreachable"),
                fileCase("over-budget strategy", replace("{military: 0.3, police: 0.3,", "{military: 0.5, police: 0.3,"),
                        "{military: 0.5, police: 0.3,", "strategies.integrated.shares: over budget"),
                fileCase("empty strategy list", t -> t.substring(0, t.indexOf("\nstrategies:\n")) + "\nstrategies: []\n",
                        "strategies: []", "strategies: expected at least one strategy"),
                new Bad("unknown --strategy", same, List.of("--strategy", "crackdown"), null,
                        "--strategy: no strategy 'crackdown' in this scenario; it has baseline, corridor-crackdown", true),
                new Bad("bad --set value", same, List.of("--set", "military.targeting=sometimes"), null,
                        "narcosim: error: --set military.targeting=sometimes: military.targeting: expected one of static, "
                                + "intelligence", false),
                new Bad("unknown --set key", same, List.of("--set", "places.tumaco.populaton=5"), null,
                        "narcosim: error: --set places.tumaco.populaton=5: places[1].populaton: unknown key "
                                + "(did you mean 'population'?)", false),
                new Bad("malformed --set value", same, List.of("--set", "run.years=[1,"), null,
                        "narcosim: error: --set run.years=[1,: ", false),
                new Bad("--years out of range", same, List.of("--years", "0"), null,
                        "--years: expected a whole number from 1 to 50, got 0", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneMessageAndWritesNothing(Bad bad) throws IOException {
        Path in = tmp.resolve("in").resolve("balloon.yaml");
        Files.createDirectories(in.getParent());
        String text = bad.edit() == null ? null : bad.edit().apply(balloonText);
        if (text != null) Files.writeString(in, text, StandardCharsets.UTF_8);
        Path results = tmp.resolve("results");
        List<String> runArgs = new ArrayList<>(List.of("run", in.toString(), "--out", results.resolve("run").toString()));
        if (!bad.args().contains("--years")) runArgs.addAll(List.of("--years", "1"));
        runArgs.addAll(bad.args());
        Result r = cli(runArgs.toArray(String[]::new));

        String err = r.err().strip();
        assertEquals(2, r.code(), err);
        assertAll(bad.label(),
                () -> assertEquals("", r.out(), "nothing on stdout"),
                () -> assertTrue(err.startsWith("narcosim: error: "), err),
                () -> assertFalse(err.contains("\n"), "one message: " + err),
                () -> assertTrue(err.contains(bad.expect()), "should contain '" + bad.expect() + "': " + err),
                () -> assertFalse(err.contains("Exception"), "no exception name: " + err),
                () -> assertFalse(err.contains("\tat "), "no stack trace: " + err),
                () -> assertFalse(Files.exists(results), "no output directory"));
        if (bad.lineNeedle() != null) {
            int line = lineOf(text, bad.lineNeedle());
            assertTrue(err.startsWith("narcosim: error: " + in + ":" + line + ": "), "names file and line " + line + ": " + err);
        } else if (bad.namesFile()) {
            assertTrue(err.startsWith("narcosim: error: " + in + ": "), "names the file: " + err);
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("in"), s.map(p -> p.getFileName().toString()).toList(), "nothing written beside");
        }

        if (!bad.args().contains("--strategy")) {
            List<String> validateArgs = new ArrayList<>(List.of("validate", in.toString()));
            validateArgs.addAll(bad.args());
            Result v = cli(validateArgs.toArray(String[]::new));
            assertEquals(2, v.code(), v.err());
            assertEquals("", v.out());
            assertEquals(err, v.err().strip(), "validate reports the same problem");
        }
    }

    // ------------------------------------------------------------------ the real launcher

    /** Whether anything under src/main or pom.xml is newer than the jar (the launcher would rebuild it). */
    static boolean sourcesNewerThan(Path jar) throws IOException {
        FileTime built = Files.getLastModifiedTime(jar);
        if (Files.getLastModifiedTime(Path.of("pom.xml")).compareTo(built) > 0) return true;
        try (Stream<Path> s = Files.walk(Path.of("src", "main"))) {
            return s.anyMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(built) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    Result launcher(String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "narcosim.jar");
        assumeTrue(Files.exists(jar), "target/narcosim.jar is not built (run mvn package); the launcher would "
                + "build it with Maven, which a unit test should not do");
        assumeTrue(!sourcesNewerThan(jar), "sources changed since target/narcosim.jar was built; the launcher would "
                + "rebuild it with Maven, which a unit test should not do (run mvn package first)");
        List<String> cmd = new ArrayList<>(List.of("./narcosim"));
        cmd.addAll(Arrays.asList(args));
        Path out = tmp.resolve("launcher.out");
        Path err = tmp.resolve("launcher.err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.remove("NARCOSIM_DEBUG");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("./narcosim " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void launcherScriptValidatesTheDefaultScenario() throws IOException, InterruptedException {
        Result r = launcher("validate", "scenarios/central-america.yaml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("scenarios/central-america.yaml: ok: scenario 'central-america', 69 places"),
                r.out());
        Result bad = launcher("validate", "scenarios/no-such.yaml");
        assertEquals(2, bad.code(), "the process exit code for bad input");
        assertEquals("narcosim: error: scenarios/no-such.yaml: no such file", bad.err().strip());
    }
}
