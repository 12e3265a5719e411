package narcosim.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks that a manifest read back has what {@link Experiments#manifest} wrote, with the types it wrote,
 * so that merge, report, --resume and run --from can rely on it; anything else is named, key by key.
 */
final class Manifests {

    private Manifests() {
    }

    static void check(Map<String, Object> m, Path file) {
        Map<?, ?> request = map(m, "request", file);
        Object kind = request.get("kind");
        if ("optimize".equals(kind) || "calibrate".equals(kind)) {
            // Written by a search, which draws its own report.html and keeps its own resume state.
            throw new narcosim.util.InputException(file.getParent() + ": a " + kind + " directory, which merge, report "
                    + "and run --from do not read: its report.html is already there; to go on with it, run '" + kind
                    + " ... --resume " + file.getParent() + "'");
        }
        if (!"compare".equals(kind) && !"sweep".equals(kind) && !"levers".equals(kind)) {
            throw bad(file, "request.kind", "compare, sweep or levers", kind);
        }
        text(request, "request.file", file);
        list(request, "request.sets", file, false);
        list(request, "request.strategies", file, true);
        whole(request, "request.replicates", file, 1);
        if (!(request.get("seed") instanceof Number)) throw bad(file, "request.seed", "a whole number", request.get("seed"));
        if (!(request.get("timeseries") instanceof Boolean)) {
            throw bad(file, "request.timeseries", "true or false", request.get("timeseries"));
        }
        text(m, "scenario", file);
        text(m, "scenario_sha256", file);
        if ("sweep".equals(kind)) text(m, "sweep_sha256", file);
        whole(m, "runs", file, 1);
        whole(m, "shards", file, 1);
        map(m, "design", file);
    }

    private static Map<?, ?> map(Map<?, ?> m, String key, Path file) {
        Object v = m.get(last(key));
        if (!(v instanceof Map<?, ?> r)) throw bad(file, key, "a mapping", v);
        return r;
    }

    private static void text(Map<?, ?> m, String key, Path file) {
        Object v = m.get(last(key));
        if (!(v instanceof String s) || s.isEmpty()) throw bad(file, key, "text", v);
    }

    private static void list(Map<?, ?> m, String key, Path file, boolean nullable) {
        Object v = m.get(last(key));
        if (v == null && nullable) return;
        if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String)) {
            throw bad(file, key, "a list of text", v);
        }
    }

    private static void whole(Map<?, ?> m, String key, Path file, int min) {
        Object v = m.get(last(key));
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
                || ((Number) v).longValue() > Integer.MAX_VALUE) {
            throw bad(file, key, "a whole number of " + min + " or more", v);
        }
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static RuntimeException bad(Path file, String key, String expected, Object got) {
        String shown = got == null ? "nothing" : got instanceof String s ? "'" + abbreviate(s) + "'"
                : got instanceof Map || got instanceof List ? "a " + (got instanceof Map ? "mapping" : "list")
                : abbreviate(String.valueOf(got));
        return ExperimentDir.damaged(file, "key '" + key + "': expected " + expected + ", got " + shown);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
