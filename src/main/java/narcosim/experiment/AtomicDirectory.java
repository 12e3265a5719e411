package narcosim.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a result directory so that it is whole or absent: everything goes into a hidden temporary
 * directory beside the target, which is renamed into place at the end. An interrupted run leaves only
 * the hidden directory, never one that looks complete.
 */
public final class AtomicDirectory {

    /** Fills a directory with files. */
    @FunctionalInterface
    public interface Writer {
        void write(Path dir) throws IOException;
    }

    private AtomicDirectory() {
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
        try {
            writer.write(tmp);
            if (Files.exists(abs)) {
                Path old = parent.resolve("." + abs.getFileName() + ".old-" + ProcessHandle.current().pid());
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Writes one file through a temporary sibling and a rename. */
    public static void writeFile(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".partial");
        try {
            writer.write(tmp);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.delete(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
