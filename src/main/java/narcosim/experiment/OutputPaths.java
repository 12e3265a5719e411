package narcosim.experiment;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import narcosim.util.InputException;

/**
 * Where output may go. narcosim writes only into paths it creates: a path that exists (a file, a directory,
 * even an empty one or a dangling link) is never written into, replaced or deleted, except an unfinished
 * experiment the user asks to resume. Checked before any work starts, so that a mistake costs nothing.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Checks that {@code target} does not exist and could be created: its nearest existing ancestor is a
     * writable directory. {@code option} names where the path came from (e.g. "--out").
     */
    public static void checkNew(Path target, String option) {
        String shown = shown(target);
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(option + " " + shown + ": " + existing(target, abs)
                    + "; narcosim never writes into, replaces or deletes a path that exists: choose a new name");
        }
        checkParent(abs, option, shown);
    }

    /** Checks that a new directory could be created at {@code target}, which may exist (e.g. to resume). */
    static void checkParent(Path abs, String option, String shown) {
        Path ancestor = abs.getParent();
        while (ancestor != null && !Files.exists(ancestor, LinkOption.NOFOLLOW_LINKS)) ancestor = ancestor.getParent();
        if (ancestor == null) return;
        if (!Files.isDirectory(ancestor)) {
            throw new InputException(option + " " + shown + ": cannot be created, because " + ancestor
                    + " is a file, not a directory");
        }
        if (!Files.isWritable(ancestor)) {
            throw new InputException(option + " " + shown + ": cannot be created, because the directory " + ancestor
                    + " is not writable");
        }
    }

    /**
     * A default output path that is free: {@code path} itself, or the first of path-2, path-3, ... that
     * does not exist (two runs of the same command keep both results).
     */
    public static Path free(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return path;
        for (int k = 2; ; k++) {
            Path p = path.resolveSibling(path.getFileName() + "-" + k);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return p;
        }
    }

    /** How a path is shown in a message: quoted when empty, and with what it resolves to when that helps. */
    public static String shown(Path target) {
        String s = target.toString();
        if (s.isEmpty()) return "''";
        return s;
    }

    private static String existing(Path target, Path abs) {
        String what = Files.isSymbolicLink(abs) ? "a link" : Files.isDirectory(abs) ? "a directory" : "a file";
        String s = target.toString();
        if (s.isEmpty() || s.equals(".") || s.equals("..") || !target.normalize().equals(target)) {
            return "that is " + abs + ", " + what + " that exists";
        }
        return what + " of that name exists";
    }
}
