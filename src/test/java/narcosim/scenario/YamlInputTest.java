package narcosim.scenario;

import static narcosim.scenario.ScenarioLoaderTest.FILE;
import static narcosim.scenario.ScenarioLoaderTest.MINI;
import static narcosim.scenario.ScenarioLoaderTest.lineOf;
import static narcosim.scenario.ScenarioLoaderTest.variant;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import narcosim.cli.InProcess;

/**
 * Hostile or odd YAML in scenario files and --set values: recursive aliases, control characters, text
 * that is not UTF-8, YAML's size, nesting and alias limits, and numbers written as text. Each gets one
 * message naming the file, the line and (where there is one) the key, and the command line exits with 2
 * without a stack trace or an output directory.
 */
class YamlInputTest {

    @TempDir
    Path tmp;

    static ScenarioException fails(String text, String... sets) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(FILE, text, List.of(sets)));
    }

    ScenarioException failsFile(byte[] bytes) throws IOException {
        Path f = tmp.resolve(FILE);
        Files.write(f, bytes);
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
    }

    /** Runs {@code narcosim run} on the text: exit 2, one line on stderr, no stack trace, no output directory. */
    String refusedByTheCli(byte[] scenario, String... extra) throws IOException {
        Path in = tmp.resolve("in").resolve(FILE);
        Files.createDirectories(in.getParent());
        Files.write(in, scenario);
        Path out = tmp.resolve("results").resolve("run");
        List<Object> args = new ArrayList<>(List.of("run", in, "--years", 1, "--out", out));
        args.addAll(Arrays.asList(extra));
        InProcess.Result r = InProcess.cli(args.toArray());
        String err = r.err().strip();
        assertAll(r.both(),
                () -> assertEquals(2, r.code(), "exit code"),
                () -> assertEquals("", r.out(), "nothing on stdout"),
                () -> assertTrue(err.startsWith("narcosim: error: "), err),
                () -> assertFalse(err.contains("\n"), "one line"),
                () -> assertFalse(err.contains("Exception") || err.contains("Error:") || err.contains("\tat "),
                        "no exception or stack trace"),
                () -> assertFalse(Files.exists(tmp.resolve("results")), "no output directory"));
        return err.substring("narcosim: error: ".length());
    }

    String refusedByTheCli(String scenario, String... extra) throws IOException {
        return refusedByTheCli(scenario.getBytes(StandardCharsets.UTF_8), extra);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ recursive aliases

    @Test
    void recursiveAliasInAFileIsOneMessageNotAStackOverflow() throws IOException {
        String text = variant("budget:\n  total_musd_per_year: 100\n",
                "budget: &b {total_musd_per_year: 100, again: *b}\n");
        int line = lineOf(text, "again: *b");
        String msg = refusedByTheCli(text);
        String in = tmp.resolve("in").resolve(FILE).toString();
        assertEquals(in + ":" + line + ": budget.again: recursive alias *b: it refers to the mapping anchored &b on line "
                + line + ", which contains it", msg);
    }

    @Test
    void recursiveAliasInAListDeeperDown() {
        String text = variant("    home: [farm]\n", "    home: &h [farm, [*h]]\n");
        ScenarioException e = fails(text);
        assertEquals(lineOf(text, "*h"), e.line(), e.getMessage());
        assertEquals("cartels[0].home[1][0]", e.key(), e.getMessage());
        assertTrue(e.problem().startsWith("recursive alias *h: it refers to the list anchored &h"), e.getMessage());
    }

    @Test
    void recursiveAliasInASetValue() throws IOException {
        String msg = refusedByTheCli(MINI, "--set", "description=&a [*a]");
        assertEquals("--set description=&a [*a]: description[0]: recursive alias *a: it refers to the list anchored &a, "
                + "which contains it", msg);
    }

    @Test
    void recursiveKeyIsRefusedToo() {
        ScenarioException e = fails(MINI + "extra: &k {*k: 1}\n");
        assertEquals(lineOf(MINI + "extra: &k {*k: 1}\n", "extra:"), e.line(), e.getMessage());
        assertTrue(e.problem().startsWith("recursive alias *k"), e.getMessage());
    }

    @Test
    void aliasesThatAreNotRecursiveStillWork() throws ScenarioException {
        String text = variant("shares: {military: 0, police: 0, development: 0, partnership: 0}",
                "shares: &nothing {military: 0, police: 0, development: 0, partnership: 0}")
                + "# a second reference to the same mapping is fine\nmilitary: {}\n";
        assertEquals(0, ScenarioLoader.load(FILE, text, List.of()).strategy("baseline").orElseThrow().shares().sum());
    }

    // ------------------------------------------------------------------ characters and encoding

    @Test
    void escapeCharacterNamesLineAndColumn() throws IOException {
        String text = variant("description: A minimal valid scenario for tests.",
                "description: A minimal \u001b[31mred\u001b[0m scenario.");
        String msg = refusedByTheCli(text);
        String in = tmp.resolve("in").resolve(FILE).toString();
        assertEquals(in + ":2: control character U+001B (ESC) is not allowed (column 24)", msg);
    }

    @Test
    void nulCharacterNamesTheLine() throws IOException {
        String text = MINI + "# trailing \u0000 garbage\n";
        ScenarioException e = failsFile(utf8(text));
        assertEquals(lineOf(text, "# trailing"), e.line());
        assertEquals("control character U+0000 (NUL) is not allowed (column 12)", e.problem());
    }

    @Test
    void otherCharactersYamlForbidsAreNamedToo() {
        ScenarioException e = fails(MINI.replace("name: mini", "name: mini\u0090"));
        assertEquals(1, e.line());
        assertEquals("control character U+0090 is not allowed (column 11)", e.problem());
        ScenarioException f = fails(MINI.replace("name: mini", "name: mini\uFFFF"));
        assertEquals("character U+FFFF is not allowed (column 11)", f.problem());
    }

    @Test
    void controlCharacterInASetValue() {
        ScenarioException e = fails(MINI, "description=a\u0007bell");
        // The message shows the control character escaped rather than sending it to the terminal.
        assertEquals("--set description=a\\u0007bell: description: control character U+0007 (BEL) is not allowed "
                + "(column 2)", e.getMessage());
    }

    @Test
    void tabsAndLineBreaksOfAnyKindAreStillFine() throws ScenarioException {
        String crlf = MINI.replace("\n", "\r\n").replace("A minimal valid", "A minimal\tvalid");
        assertEquals("A minimal\tvalid scenario for tests.", ScenarioLoader.load(FILE, crlf, List.of()).description());
    }

    @Test
    void notUtf8NamesTheLineAndTheByte() throws IOException {
        String text = variant("description: A minimal valid scenario for tests.", "description: caf@ scenario");
        byte[] bytes = utf8(text);
        bytes[text.indexOf('@')] = (byte) 0xFF;
        String msg = refusedByTheCli(bytes);
        String in = tmp.resolve("in").resolve(FILE).toString();
        assertEquals(in + ":2: not UTF-8 text (invalid byte 0xFF at column 17); save the file as UTF-8", msg);
    }

    @Test
    void latin1TextIsNotUtf8() throws IOException {
        byte[] bytes = variant("description: A minimal valid scenario for tests.", "description: Nari\u00f1o")
                .getBytes(StandardCharsets.ISO_8859_1);
        ScenarioException e = failsFile(bytes);
        assertEquals(2, e.line());
        assertEquals("not UTF-8 text (invalid byte 0xF1 at column 18); save the file as UTF-8", e.problem());
    }

    @Test
    void utf16IsRecognised() throws IOException {
        ScenarioException e = failsFile(MINI.getBytes(StandardCharsets.UTF_16));
        assertEquals(1, e.line());
        assertTrue(e.problem().startsWith("not UTF-8 text (it looks like UTF-16"), e.getMessage());
    }

    @Test
    void utf8WithAByteOrderMarkStillLoads() throws IOException, ScenarioException {
        Path f = tmp.resolve(FILE);
        byte[] text = utf8(MINI);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Files.write(f, bytes);
        assertEquals("mini", ScenarioLoader.load(f).name());
    }

    // ------------------------------------------------------------------ limits

    @Test
    void fileLargerThanTheLimit() throws IOException {
        StringBuilder sb = new StringBuilder(MINI);
        String comment = "# " + "x".repeat(1000) + "\n";
        while (sb.length() <= 3 * 1024 * 1024) sb.append(comment);
        String msg = refusedByTheCli(sb.toString());
        assertEquals(tmp.resolve("in").resolve(FILE) + ": file larger than 3 MB (limit)", msg);
    }

    @Test
    void textLargerThanTheLimit() {
        String big = MINI + ("# " + "x".repeat(1000) + "\n").repeat(3200);
        assertEquals(FILE + ": file larger than 3 MB (limit)", fails(big).getMessage());
    }

    @Test
    void nestingDeeperThanTheLimit() throws IOException {
        String text = MINI + "extra:\n  deep: " + "[".repeat(60) + "]".repeat(60) + "\n";
        String msg = refusedByTheCli(text);
        String in = tmp.resolve("in").resolve(FILE).toString();
        assertEquals(in + ":" + lineOf(text, "deep:") + ": nesting deeper than 50 levels (limit)", msg);
    }

    @Test
    void nestingAtTheLimitIsStillReadAndJudgedOnItsKeys() {
        // 50 levels: the root mapping and 49 lists.
        String text = MINI + "extra: " + "[".repeat(49) + "]".repeat(49) + "\n";
        ScenarioException e = fails(text);
        assertEquals("extra", e.key(), e.getMessage());
        assertTrue(e.problem().startsWith("unknown key"), e.getMessage());
    }

    @Test
    void veryDeepNestingIsNotAStackOverflow() {
        String text = MINI + "extra: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        assertEquals("nesting deeper than 50 levels (limit)", fails(text).problem());
    }

    @Test
    void moreAliasesThanTheLimit() throws IOException {
        StringBuilder sb = new StringBuilder(MINI).append("extra:\n  base: &x [1]\n");
        for (int i = 0; i < 51; i++) sb.append("  a").append(i).append(": *x\n");
        String text = sb.toString();
        String msg = refusedByTheCli(text);
        String in = tmp.resolve("in").resolve(FILE).toString();
        assertEquals(in + ":" + lineOf(text, "a50:") + ": extra.a50: more than 50 aliases of lists or mappings (limit)", msg);
    }

    @Test
    void aliasesOfSingleValuesAreNotLimited() {
        StringBuilder sb = new StringBuilder(MINI).append("extra:\n  base: &x 1\n");
        for (int i = 0; i < 200; i++) sb.append("  a").append(i).append(": *x\n");
        ScenarioException e = fails(sb.toString());
        assertTrue(e.problem().startsWith("unknown key"), "read, then judged on its keys: " + e.getMessage());
    }

    @Test
    void billionLaughsIsStopped() {
        // 40 aliases, each doubling the one before: 2^20 values.
        StringBuilder sb = new StringBuilder(MINI).append("extra:\n  l0: &l0 [a, b]\n");
        for (int i = 1; i <= 20; i++) {
            sb.append("  l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        String text = sb.toString();
        ScenarioException e = fails(text);
        assertEquals("aliases expand to more than 1000000 values (limit)", e.problem(), e.getMessage());
        assertEquals(lineOf(text, "l17: &l17"), e.line(), e.getMessage());
        assertEquals("extra.l17[1]", e.key());
    }

    // ------------------------------------------------------------------ repeated keys

    @Test
    void repeatedKeyNamesTheWholeKeyPath() {
        String text = variant("    capital_musd: 10\n", "    capital_musd: 10\n    capital_musd: 20\n");
        ScenarioException e = fails(text);
        assertEquals(FILE + ":" + lineOf(text, "capital_musd: 20") + ": cartels[0].capital_musd: this key is given "
                + "twice in the same mapping (first on line " + lineOf(text, "capital_musd: 10") + ")", e.getMessage());
    }

    @Test
    void repeatedKeyInASetValue() {
        ScenarioException e = fails(MINI, "budget={total_musd_per_year: 1, total_musd_per_year: 2}");
        assertEquals("--set budget={total_musd_per_year: 1, total_musd_per_year: 2}: budget.total_musd_per_year: "
                + "this key is given twice in the same mapping", e.getMessage());
    }

    // ------------------------------------------------------------------ numbers: quoted ones are refused everywhere

    static final String QUOTED = "got the string '%s' (remove the quotes)";

    @Test
    void quotedBudgetIsRefusedWithAHint() throws IOException {
        String text = variant("total_musd_per_year: 100", "total_musd_per_year: '300'");
        String msg = refusedByTheCli(text);
        assertEquals(tmp.resolve("in").resolve(FILE) + ":4: budget.total_musd_per_year: expected a number from 0.001 "
                + "to 10000000, got the string '300' (remove the quotes)", msg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'0.5'", "\"0.5\""})
    void quotedParameterIsRefusedLikeTheBudget(String quoted) {
        String text = MINI + "military:\n  interdict_prob: " + quoted + "\n";
        ScenarioException e = fails(text);
        assertEquals(FILE + ":" + lineOf(text, "interdict_prob") + ": military.interdict_prob: expected a number from "
                + "0 to 1, " + String.format(QUOTED, "0.5"), e.getMessage());
    }

    @Test
    void quotedNumbersElsewhereInTheFile() {
        assertTrue(fails(variant("military: 0.5, police: 0.3", "military: '0.5', police: 0.3")).getMessage()
                .endsWith("strategies.campaign.shares.military: expected a number from 0 to 1, "
                        + String.format(QUOTED, "0.5")));
        assertTrue(fails(variant("{id: port, lat: 1.8,", "{id: port, lat: \"1.8\",")).getMessage()
                .endsWith("places.port.lat: expected a number from -90 to 90, " + String.format(QUOTED, "1.8")));
        assertTrue(fails(variant("mode: sea, detectability: 0.02", "mode: sea, detectability: '0.02'")).getMessage()
                .endsWith("links.open_sea>city.detectability: expected a number from 0 to 1, "
                        + String.format(QUOTED, "0.02")));
        assertTrue(fails(MINI + "run:\n  years: '3'\n").getMessage()
                .endsWith("run.years: expected a whole number from 1 to 50, " + String.format(QUOTED, "3")));
        assertTrue(fails(variant("      police.vetting: true", "      police.vetting: 'true'")).getMessage()
                .endsWith("strategies.campaign.doctrine.police.vetting: expected true or false, "
                        + String.format(QUOTED, "true")));
        assertTrue(fails(variant("international: true", "international: \"true\"")).getMessage()
                .endsWith("nations.INT.international: expected true or false, " + String.format(QUOTED, "true")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5f", "0x1p-2", "1d", "Infinity", "0.5e", ".inf", "0x1F", "1,5"})
    void javaNotationIsNotANumber(String v) {
        ScenarioException e = fails(MINI + "military:\n  interdict_prob: " + v + "\n");
        assertTrue(e.getMessage().endsWith("military.interdict_prob: expected a number from 0 to 1, got '" + v + "'"),
                e.getMessage());
        ScenarioException b = fails(variant("total_musd_per_year: 100", "total_musd_per_year: " + v));
        assertTrue(b.getMessage().endsWith("budget.total_musd_per_year: expected a number from 0.001 to 10000000, got '"
                + v + "'"), b.getMessage());
    }

    @Test
    void yamlNumbersOfEveryPlainFormStillWork() throws ScenarioException {
        String text = variant("total_musd_per_year: 100", "total_musd_per_year: 1_500.5")
                + "military:\n  interdict_prob: .25\n  intel_cue_max: 1e-1\nrun:\n  years: +3\n";
        Scenario sc = ScenarioLoader.load(FILE, text, List.of());
        assertEquals(1500.5, sc.budgetMusdPerYear());
        assertEquals(0.25, sc.params().real("military.interdict_prob"));
        assertEquals(0.1, sc.params().real("military.intel_cue_max"));
        assertEquals(3, sc.params().integer("run.years"));
    }

    @Test
    void setValuesAreYamlToo() throws ScenarioException {
        Scenario sc = ScenarioLoader.load(FILE, MINI, List.of("military.interdict_prob=0.5",
                "budget.total_musd_per_year=250", "places.port.population=1_000"));
        assertEquals(0.5, sc.forStrategy("baseline", 1).params().real("military.interdict_prob"));
        assertEquals(250, sc.budgetMusdPerYear());
        assertEquals(1000, sc.places().get(1).population());
        assertEquals("--set military.interdict_prob='0.5': military.interdict_prob: expected a number from 0 to 1, "
                + String.format(QUOTED, "0.5"), fails(MINI, "military.interdict_prob='0.5'").getMessage());
        assertEquals("--set budget.total_musd_per_year=\"300\": budget.total_musd_per_year: expected a number from "
                + "0.001 to 10000000, " + String.format(QUOTED, "300"),
                fails(MINI, "budget.total_musd_per_year=\"300\"").getMessage());
        assertEquals("--set military.interdict_prob=0.5f: military.interdict_prob: expected a number from 0 to 1, "
                + "got '0.5f'", fails(MINI, "military.interdict_prob=0.5f").getMessage());
    }

    @Test
    void quotedTextStaysText() throws ScenarioException {
        Scenario sc = ScenarioLoader.load(FILE, MINI.replace("name: mini", "name: '2024'"), List.of("description='42'"));
        assertEquals("2024", sc.name());
        assertEquals("42", sc.description());
    }

    // ------------------------------------------------------------------ YAML 1.1 words

    @Test
    void yesAndOnAreTrueAsInYaml() throws ScenarioException {
        // SnakeYAML reads yes/no/on/off as booleans; they were all read as false.
        Scenario sc = ScenarioLoader.load(FILE, MINI + "police:\n  vetting: yes\neradication:\n  enabled: on\n",
                List.of("partnership.coordinated_operations=off"));
        assertTrue(sc.params().bool("police.vetting"));
        assertTrue(sc.params().bool("eradication.enabled"));
        assertFalse(sc.forStrategy("baseline", 1).params().bool("partnership.coordinated_operations"));
        assertTrue(ScenarioLoader.load(FILE, variant("force_share: 0.4\n", "force_share: 0.4\n    partner: no\n"),
                List.of()).nation("AAA").partner());
        assertFalse(ScenarioLoader.load(FILE, variant("force_share: 0.4\n", "force_share: 0.4\n    partner: no\n"),
                List.of()).nation("BBB").partner());
    }

    @Test
    void textIsReadAsWritten() throws ScenarioException {
        // Ids that YAML would read as a boolean or a number keep their spelling (the "Norway problem").
        String text = MINI.replace("id: BBB", "id: NO").replace("nation: BBB", "nation: NO")
                .replace("name: mini", "name: 1e3").replace("id: gang", "id: 007");
        Scenario sc = ScenarioLoader.load(FILE, text, List.of());
        assertEquals("NO", sc.nations().get(1).id());
        assertEquals("NO", sc.places().get(3).nation());
        assertEquals("1e3", sc.name());
        assertEquals("007", sc.cartels().get(0).id());
    }

    // ------------------------------------------------------------------ the reusable reader

    @Test
    void loadGivesPlainJavaValuesWithTheSameChecks() throws IOException, ScenarioException {
        Path f = tmp.resolve("manifest.yaml");
        Files.writeString(f, "name: x\nruns: 3\nshare: 0.5\nlist: [a, b]\nok: true\n", StandardCharsets.UTF_8);
        Object o = YamlNodes.load(f);
        assertEquals(Map.of("name", "x", "runs", 3, "share", 0.5, "list", List.of("a", "b"), "ok", true), o);
        Files.writeString(f, "a: &a [*a]\n", StandardCharsets.UTF_8);
        ScenarioException e = assertThrows(ScenarioException.class, () -> YamlNodes.load(f));
        assertEquals(f + ":1: a[0]: recursive alias *a: it refers to the list anchored &a on line 1, which contains it",
                e.getMessage());
    }
}
