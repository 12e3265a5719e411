package narcosim.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import narcosim.scenario.ScenarioException;
import narcosim.scenario.YamlNodes;
import narcosim.util.InputException;

/**
 * The manifest of a search that goes on where it stopped (calibrate, optimize): written and read back, and on
 * --resume checked against the request as now given, so that a search only continues with the command that started
 * it (or, for the keys that may grow, a longer one) and the input files it started from.
 */
public final class SearchManifest {

    private SearchManifest() {
    }

    /** What a search is, for messages: its kind in the manifest, and "a calibration", "the calibration". */
    public record Kind(String kind, String noun, String article) {
    }

    public static void write(Path file, Map<String, Object> m) throws IOException {
        String text = ExperimentDir.yaml(m);
        AtomicDirectory.writeFile(file, p -> Files.writeString(p, text, StandardCharsets.UTF_8));
    }

    /** A file narcosim wrote that is not as it wrote it: what is wrong, and what to do (one line). */
    public static InputException damaged(String problem) {
        return new InputException(problem + "; narcosim writes this file: restore it, or start again in a new directory");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) {
        Object o;
        try {
            o = YamlNodes.load(file);
        } catch (ScenarioException e) {
            throw damaged(e.getMessage());
        }
        if (!(o instanceof Map)) throw damaged(file + ": not a YAML mapping");
        return new LinkedHashMap<>((Map<String, Object>) o);
    }

    /**
     * The manifest recorded in {@code dir}, when its request is the one now given: the same in every key, except
     * that the keys in {@code extensible} may have grown (run longer), and the same input files (their SHA-256 under
     * the keys of {@code files}, each named by its word there, e.g. "scenario").
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> checkSame(Path dir, Path manifestFile, Map<String, Object> now, Kind kind,
                                                List<String> extensible, Map<String, String> files) {
        if (!Files.exists(manifestFile)) {
            throw new InputException("--resume " + dir + ": no " + kind.noun() + " there (no " + manifestFile.getFileName()
                    + ")");
        }
        Map<String, Object> was = read(manifestFile);
        if (!(was.get("request") instanceof Map<?, ?> asked) || !kind.kind().equals(asked.get("kind"))) {
            throw new InputException("--resume " + dir + ": " + manifestFile.getFileName() + " is not that of "
                    + kind.article() + " " + kind.noun());
        }
        Map<String, Object> req = (Map<String, Object>) now.get("request");
        for (Map.Entry<String, Object> e : req.entrySet()) {
            Object a = ((Map<String, Object>) asked).get(e.getKey());
            Object b = e.getValue();
            boolean same = a instanceof Number na && b instanceof Number nb ? na.doubleValue() == nb.doubleValue()
                    : Objects.equals(a, b);
            // A search replays what was recorded and continues: it does not depend on its own limit before reaching it.
            if (!same && extensible.contains(e.getKey()) && a instanceof Number na && b instanceof Number nb
                    && nb.longValue() >= na.longValue()) {
                continue;
            }
            if (!same) {
                throw new InputException("cannot continue the " + kind.noun() + " in " + dir + ": it was started with "
                        + e.getKey() + " = " + a + ", now " + b + "; give the same command and options as the first time");
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (!Objects.equals(was.get(f.getKey()), now.get(f.getKey()))) {
                throw new InputException("cannot continue the " + kind.noun() + " in " + dir + ": the " + f.getValue()
                        + " file changed since it was started");
            }
        }
        return was;
    }
}
