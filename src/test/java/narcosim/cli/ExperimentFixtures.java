package narcosim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import picocli.CommandLine;

/** What the experiment command tests share: calling the CLI in-process, small sweep files, reading CSV. */
final class ExperimentFixtures {

    /** The small classroom scenario, as an absolute path so sweep files anywhere can name it. */
    static final Path BALLOON = Path.of("scenarios", "classroom-balloon.yaml").toAbsolutePath();

    private ExperimentFixtures() {
    }

    static InProcess.Result cli(Object... args) {
        return InProcess.cli(args);
    }

    static InProcess.Result ok(Object... args) {
        InProcess.Result r = cli(args);
        assertEquals(0, r.code(), () -> String.join(" ", List.of(args).stream().map(String::valueOf).toList())
                + "\n" + r.both());
        return r;
    }

    /** Writes a sweep file over the balloon scenario: the given body after name and scenario lines. */
    static Path sweepFile(Path dir, String name, String body) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, "name: " + name + "\nscenario: " + BALLOON + "\n" + body, StandardCharsets.UTF_8);
        return f;
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            return p.getRecords();
        }
    }

    static List<Map<String, String>> maps(Path file) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        for (CSVRecord r : csv(file)) out.add(r.toMap());
        return out;
    }

    static List<String> header(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            return p.getHeaderNames();
        }
    }

    static void assertSameBytes(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), expected + " and " + actual + " differ");
    }

    /** Run ids (first column) of a part or runs file, in file order, duplicates kept. */
    static List<Integer> ids(Path file) throws IOException {
        return csv(file).stream().map(r -> Integer.parseInt(r.get(0))).toList();
    }

    /** 1-based line of the only occurrence of {@code needle} in {@code text}. */
    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new IllegalArgumentException("'" + needle + "' must occur once");
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
