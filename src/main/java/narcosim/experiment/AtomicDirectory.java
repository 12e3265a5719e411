package narcosim.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes output so that it is whole or absent: everything goes into a hidden temporary directory (or file)
 * beside the target, which is renamed into place at the end. An interrupted run leaves only the hidden
 * name, never one that looks complete. Temporary names are made with the process's umask (not the
 * owner-only mode of {@link Files#createTempFile}), so results are as readable as any file the user makes.
 */
public final class AtomicDirectory {

    /** Fills a directory with files. */
    @FunctionalInterface
    public interface Writer {
        void write(Path dir) throws IOException;
    }

    /** The marker in every temporary name: what {@link #deleteTemporaries} removes. */
    public static final String PARTIAL = ".partial-";

    private AtomicDirectory() {
    }

    /**
     * Writes a new directory. The target must not exist: nothing the user has is replaced (checked before
     * writing, and again by the rename, which fails rather than replace).
     */
    public static void write(Path target, Writer writer) throws IOException {
        OutputPaths.checkNew(target, "output directory");
        Path abs = target.toAbsolutePath().normalize();
        Path tmp = temporaryDirectory(abs);
        try {
            writer.write(tmp);
            try {
                Files.move(tmp, abs);
            } catch (FileAlreadyExistsException e) {
                throw new narcosim.util.InputException("output directory " + OutputPaths.shown(target)
                        + ": appeared while it was being written (another process?); nothing was replaced");
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /**
     * Writes a directory that narcosim itself made inside one of its own result directories (a report's
     * route files), replacing an earlier version of it whole.
     */
    public static void replace(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path tmp = temporaryDirectory(abs);
        try {
            writer.write(tmp);
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                Path old = temporaryDirectory(abs);
                Files.delete(old);
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

    /** Writes one file of narcosim's own through a temporary sibling and a rename (replacing its older version). */
    public static void writeFile(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path tmp = temporaryFile(abs);
        try {
            writer.write(tmp);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes a new file where nothing exists yet (a file the user named); never replaces one. */
    public static void createFile(Path target, Writer writer) throws IOException {
        OutputPaths.checkNew(target, "output file");
        Path abs = target.toAbsolutePath().normalize();
        Path tmp = temporaryFile(abs);
        try {
            writer.write(tmp);
            try {
                Files.move(tmp, abs);
            } catch (FileAlreadyExistsException e) {
                throw new narcosim.util.InputException("output file " + OutputPaths.shown(target)
                        + ": appeared while it was being written (another process?); nothing was replaced");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** A new hidden directory beside {@code abs}, created with the umask's permissions. */
    static Path temporaryDirectory(Path abs) throws IOException {
        Files.createDirectories(abs.getParent());
        while (true) {
            try {
                return Files.createDirectory(temporaryName(abs));
            } catch (FileAlreadyExistsException e) {
                // another random name
            }
        }
    }

    /** A new hidden empty file beside {@code abs}, created with the umask's permissions. */
    static Path temporaryFile(Path abs) throws IOException {
        Files.createDirectories(abs.getParent());
        while (true) {
            try {
                return Files.createFile(temporaryName(abs));
            } catch (FileAlreadyExistsException e) {
                // another random name
            }
        }
    }

    private static Path temporaryName(Path abs) {
        // Not the model's randomness: a temporary name has no effect on any result.
        return abs.resolveSibling("." + abs.getFileName() + PARTIAL
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
    }

    /** Removes the temporary files and directories that interrupted writes left directly in {@code dir}. */
    public static void deleteTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.contains(PARTIAL)) deleteTree(p);
            }
        }
    }

    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
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
