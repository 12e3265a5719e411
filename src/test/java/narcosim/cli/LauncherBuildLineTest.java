package narcosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's build line when its output is piped or logged: plain text, no terminal escape codes, and a
 * failed build still fails the launcher. A copy of the script runs beside a stand-in for Maven that writes
 * colour codes (as Maven 3.8 does even with colour off) and fails, so no real build happens.
 */
class LauncherBuildLineTest {

    @TempDir
    Path tmp;

    @Test
    void buildMessagesArePlainTextWhenPiped() throws IOException, InterruptedException {
        Path home = tmp.resolve("project");
        Files.createDirectories(home.resolve("src/main"));
        Files.writeString(home.resolve("pom.xml"), "<project/>\n");
        Files.copy(Path.of("narcosim"), home.resolve("narcosim"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\nprintf '\\033[0m\\033[1;31m[ERROR]\\033[m compilation failed\\033[0m\\n' >&2\n"
                + "printf '\\033[0mstdout line\\033[0m\\n'\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("narcosim").toString(), "--version")
                .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the launcher did not finish");
        }
        String err = Files.readString(tmp.resolve("err"));
        String out = Files.readString(tmp.resolve("out"));
        assertTrue(p.exitValue() != 0, "a failed build fails the launcher");
        assertTrue(err.contains("narcosim: building"), err);
        assertTrue(err.contains("[ERROR] compilation failed"), "Maven's messages are kept: " + err);
        assertFalse(err.contains("\u001b") || out.contains("\u001b"), "no escape codes when piped: " + err.replace('\u001b', '~'));
        assertEquals("", out, "the build writes nothing on standard output (the command's output stays clean)");
    }
}
