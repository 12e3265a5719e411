package narcosim.scenario;

/**
 * A problem with a scenario (or a command-line override) that the user must fix: it names the
 * file, the line, the key path and what was expected. The CLI prints its message and exits with 2.
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String where;
    private final int line;
    private final String key;
    private final String problem;

    public ScenarioException(String where, int line, String key, String problem) {
        super(format(where, line, key, problem));
        this.where = where;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    private static String format(String where, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder(where);
        if (line > 0) sb.append(':').append(line);
        if (key != null && !key.isEmpty()) sb.append(": ").append(key);
        return sb.append(": ").append(problem).toString();
    }

    public String where() {
        return where;
    }

    public int line() {
        return line;
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
