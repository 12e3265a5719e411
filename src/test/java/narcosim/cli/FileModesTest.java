package narcosim.cli;

import static narcosim.cli.ExperimentFixtures.BALLOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files readable by others (issue 15, item 7): every file and directory that run, compare (with time series,
 * charts, route maps and report.html), sweep and report write has the modes the user's umask gives: 644 and 755
 * under the usual 022, so colleagues on a shared file system can read results; 600 and 700 under 077. The
 * commands run in a separate JVM started by a shell that sets the umask.
 */
class FileModesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"022, rw-r--r--, rwxr-xr-x", "077, rw-------, rwx------"})
    void everyOutputFollowsTheUmask(String umask, String file, String dir) throws Exception {
        Path sweep = tmp.resolve("tiny.yaml");
        Files.writeString(sweep, "name: tiny\nscenario: " + BALLOON + "\nstrategies: [baseline, corridor-crackdown]\n"
                + "set: [run.years=1]\nreplicates: 2\nseed: 3\ndesign: {type: grid}\nparameters:\n"
                + "  cartel.loss_tolerance: {levels: [0.05, 0.2]}\n  military.sweep_width_boat_km: {levels: [10, 30]}\n"
                + "outcomes: [delivered_kg_total, seized_share]\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out-" + umask);
        String java = ProcessHandle.current().info().command().orElse("java");
        String cmd = "umask " + umask + " && J='" + java + "' && CP='" + System.getProperty("java.class.path") + "'"
                + " && run() { \"$J\" -Djava.awt.headless=true -cp \"$CP\" narcosim.cli.Main \"$@\" -q; }"
                + " && run run " + BALLOON + " --years 1 --out " + out.resolve("run")
                + " && run compare " + BALLOON + " --years 1 --replicates 2 --strategies baseline,corridor-crackdown --timeseries --out " + out.resolve("cmp")
                + " && run sweep " + sweep + " --out " + out.resolve("sweep")
                + " && \"$J\" -Djava.awt.headless=true -cp \"$CP\" narcosim.cli.Main report " + out.resolve("cmp");
        Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log-" + umask).toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the commands did not finish");
        }
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log-" + umask)));
        List<String> wrong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(out)) {
            for (Path f : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                boolean isDir = Files.isDirectory(f);
                if (!isDir) files++;
                if (!f.equals(out) && !mode.equals(isDir ? dir : file)) wrong.add(mode + " " + out.relativize(f));
            }
        }
        assertTrue(files > 40, "runs, parts, charts, route maps, time series, reports: " + files + " files");
        assertTrue(Files.exists(out.resolve("cmp/report.html")) && Files.exists(out.resolve("sweep/report.html")));
        assertEquals(List.of(), wrong, "modes under umask " + umask + " (files " + file + ", directories " + dir + ")");
    }
}
