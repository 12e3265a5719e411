package narcosim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.util.InputException;

/** A result directory is whole or absent, and nothing temporary is left behind. */
class AtomicDirectoryTest {

    @TempDir
    Path tmp;

    private List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void half(Path dir) throws IOException {
        Files.writeString(dir.resolve("timeseries.csv"), "week\n0\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/part.txt"), "half");
    }

    @Test
    void writerThatThrowsLeavesNeitherTargetNorTemporaryDirectory() throws IOException {
        Path target = tmp.resolve("run-1");
        IOException boom = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicDirectory.write(target, dir -> {
            half(dir);
            throw boom;
        }));
        assertSame(boom, thrown, "the writer's own exception reaches the caller");
        assertFalse(Files.exists(target));
        assertEquals(List.of(), entries(tmp), "no hidden .partial directory left");
    }

    @Test
    void writerThatFailsUncheckedLeavesNothingEither() throws IOException {
        Path target = tmp.resolve("run-1");
        assertThrows(IllegalStateException.class, () -> AtomicDirectory.write(target, dir -> {
            half(dir);
            throw new IllegalStateException("model failed");
        }));
        assertEquals(List.of(), entries(tmp));
    }

    @Test
    void writeNeverTouchesAnExistingTarget() throws IOException {
        Path target = tmp.resolve("run-1");
        AtomicDirectory.write(target, dir -> Files.writeString(dir.resolve("summary.csv"), "mine"));
        boolean[] called = {false};
        InputException e = assertThrows(InputException.class, () -> AtomicDirectory.write(target, dir -> called[0] = true));
        assertTrue(e.getMessage().contains("exists"), e.getMessage());
        assertFalse(called[0], "refused before any work");
        assertEquals("mine", Files.readString(target.resolve("summary.csv")));
        Files.delete(target.resolve("summary.csv"));
        assertThrows(InputException.class, () -> AtomicDirectory.write(target, dir -> { }), "nor an empty directory");
        Path file = tmp.resolve("file");
        Files.writeString(file, "mine");
        assertThrows(InputException.class, () -> AtomicDirectory.write(file, dir -> { }));
        assertThrows(InputException.class, () -> AtomicDirectory.write(file.resolve("under"), dir -> { }));
        assertEquals("mine", Files.readString(file));
        assertEquals(List.of("file", "run-1"), entries(tmp), "no temporary left");
    }

    @Test
    void failedReplaceKeepsTheExistingTarget() throws IOException {
        Path target = tmp.resolve("run-1");
        AtomicDirectory.write(target, dir -> Files.writeString(dir.resolve("summary.csv"), "old"));
        assertThrows(IOException.class, () -> AtomicDirectory.replace(target, dir -> {
            Files.writeString(dir.resolve("summary.csv"), "new");
            throw new IOException("interrupted");
        }));
        assertEquals("old", Files.readString(target.resolve("summary.csv")));
        assertEquals(List.of("run-1"), entries(tmp));
    }

    @Test
    void successfulWriteAppearsWhole() throws IOException {
        Path target = tmp.resolve("results/deeper/run-1");
        AtomicDirectory.write(target, dir -> {
            assertFalse(Files.exists(target), "the target does not exist while it is being written");
            assertTrue(dir.getFileName().toString().startsWith("."), "written under a hidden name: " + dir);
            half(dir);
        });
        assertEquals(List.of("sub", "timeseries.csv"), entries(target));
        assertEquals("half", Files.readString(target.resolve("sub/part.txt")));
        assertEquals(List.of("run-1"), entries(tmp.resolve("results/deeper")));
    }

    @Test
    void successfulReplaceReplacesAnExistingTarget() throws IOException {
        Path target = tmp.resolve("run-1");
        AtomicDirectory.write(target, dir -> {
            Files.writeString(dir.resolve("summary.csv"), "old");
            Files.writeString(dir.resolve("stale.csv"), "from the old run");
        });
        AtomicDirectory.replace(target, dir -> Files.writeString(dir.resolve("summary.csv"), "new"));
        assertEquals(List.of("summary.csv"), entries(target), "nothing of the old directory survives");
        assertEquals("new", Files.readString(target.resolve("summary.csv")));
        assertEquals(List.of("run-1"), entries(tmp), "no .old or .partial directory left");
    }

    @Test
    void relativeTargetIsResolved() throws IOException {
        // A relative target is resolved against the working directory (the project root under Maven).
        Path target = Path.of("target", "atomic-directory-test-" + ProcessHandle.current().pid());
        try {
            AtomicDirectory.write(target, dir -> Files.writeString(dir.resolve("a.txt"), "a"));
            assertEquals("a", Files.readString(target.resolve("a.txt")));
        } finally {
            AtomicDirectory.deleteTree(target);
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void writeFileReplacesOrKeepsTheOldFile() throws IOException {
        Path file = tmp.resolve("out/summary.csv");
        AtomicDirectory.writeFile(file, f -> Files.writeString(f, "one"));
        AtomicDirectory.writeFile(file, f -> Files.writeString(f, "two"));
        assertEquals("two", Files.readString(file));
        assertThrows(IOException.class, () -> AtomicDirectory.writeFile(file, f -> {
            Files.writeString(f, "three");
            throw new IOException("interrupted");
        }));
        assertEquals("two", Files.readString(file));
        assertEquals(List.of("summary.csv"), entries(tmp.resolve("out")));
    }

    @Test
    void deleteTreeRemovesEverythingAndIgnoresAbsentPaths() throws IOException {
        Path d = tmp.resolve("d");
        Files.createDirectories(d);
        half(d);
        AtomicDirectory.deleteTree(d);
        assertFalse(Files.exists(d));
        AtomicDirectory.deleteTree(d);
        AtomicDirectory.deleteTree(tmp.resolve("never-there"));
    }
}
