package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import narcosim.cli.InProcess;

/** A small compare experiment, made once per test class, and in-process CLI calls. */
final class ReportFixture {

    static final Path BALLOON = Path.of("scenarios", "classroom-balloon.yaml").toAbsolutePath();

    private ReportFixture() {
    }

    static InProcess.Result cli(String... args) {
        return InProcess.cli((Object[]) args);
    }

    /** Two replicates of every strategy of the classroom scenario for one year, into {@code dir}. */
    static Path compare(Path dir, boolean timeseries) {
        InProcess.Result r = timeseries
                ? cli("compare", BALLOON.toString(), "--replicates", "2", "--years", "1", "--timeseries", "--out",
                        dir.toString(), "-q")
                : cli("compare", BALLOON.toString(), "--replicates", "2", "--years", "1", "--no-timeseries", "--out",
                        dir.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        return dir;
    }
}
