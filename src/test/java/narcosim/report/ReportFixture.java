package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import narcosim.cli.Main;
import picocli.CommandLine;

/** A small compare experiment, made once per test class, and in-process CLI calls. */
final class ReportFixture {

    static final Path BALLOON = Path.of("scenarios", "classroom-balloon.yaml").toAbsolutePath();

    private ReportFixture() {
    }

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Two replicates of every strategy of the classroom scenario for one year, into {@code dir}. */
    static Path compare(Path dir, boolean timeseries) {
        Result r = timeseries
                ? cli("compare", BALLOON.toString(), "--replicates", "2", "--years", "1", "--timeseries", "--out",
                        dir.toString(), "-q")
                : cli("compare", BALLOON.toString(), "--replicates", "2", "--years", "1", "--out", dir.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        return dir;
    }
}
