package narcosim.calibrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.YamlNodes;
import narcosim.util.Fmt;
import narcosim.util.Version;

/**
 * The calibrated scenario as a file: the user's own scenario file, word for word, with a header saying how, when
 * and against what it was fitted, and the calibrated values set in its parameter sections (a value the file gave is
 * replaced on its own line, a value it left at the default is added under its section, a section it lacked is
 * added at the end). Comments, order and layout stay as the user wrote them, so the change is a short diff.
 */
public final class ScenarioPatch {

    private ScenarioPatch() {
    }

    private static final Pattern TOP_KEY = Pattern.compile("^[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?:(.*)$");

    /** The scenario text with the calibrated values and the --set values of two-part keys (section.name) set. */
    static String calibrated(String text, Calibration.Result r, Calibration.Request req, Scenario sc) {
        return calibrated(text, r.priors(), r.calibrated(), req, sc, header(r, req, unwritten(req, sc)));
    }

    /**
     * The --set values that cannot be written into a parameter section: paths deeper than section.name (places,
     * links, strategies), and parameters some strategy's doctrine sets (the doctrine would win over the section).
     */
    static List<String> unwritten(Calibration.Request req, Scenario sc) {
        List<String> out = new ArrayList<>();
        for (String s : req.sets()) {
            int eq = s.indexOf('=');
            String key = eq < 0 ? s : s.substring(0, eq).trim();
            if (!(eq > 0 && key.chars().filter(c -> c == '.').count() == 1) || doctrineSets(sc, key) != null) out.add(s);
        }
        return out;
    }

    /** A strategy whose doctrine sets the key, or null. */
    static String doctrineSets(Scenario sc, String key) {
        for (var st : sc.strategies()) {
            if (st.doctrine().containsKey(key)) return st.id();
        }
        return null;
    }

    static String calibrated(String text, List<Prior> priors, double[] values, Calibration.Request req, Scenario sc,
                             String header) {
        Map<String, String> set = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        List<String> unwritten = unwritten(req, sc);
        for (String s : req.sets()) {
            if (unwritten.contains(s)) continue;
            int eq = s.indexOf('=');
            String key = s.substring(0, eq).trim();
            set.put(key, s.substring(eq + 1).trim());
            notes.put(key, "as calibrated (--set)");
        }
        for (int i = 0; i < priors.size(); i++) {
            set.put(priors.get(i).key(), Fmt.num(values[i]));
            notes.put(priors.get(i).key(), "calibrated");
        }
        String body = text;
        for (Map.Entry<String, String> e : set.entrySet()) body = set(body, e.getKey(), e.getValue(), notes.get(e.getKey()));
        return header + body;
    }

    /** Sets {@code section.name: value} in YAML text, keeping everything else as it was. */
    public static String set(String text, String key, String value, String note) {
        String section = key.substring(0, key.indexOf('.'));
        String name = key.substring(key.indexOf('.') + 1);
        // Lines with their own endings (a CRLF file stays CRLF); patterns see them without.
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TOP_KEY.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals(section)) {
                String rest = m.group(2).trim();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    throw new IllegalStateException("cannot set " + key + ": the section '" + section + "' is written "
                            + "on one line (" + lines.get(i).trim() + "); write it as a block, one key per line");
                }
                start = i;
                break;
            }
        }
        String line = "  " + name + ": " + value + "  # " + note;
        if (start < 0) {
            // A section the file lacked: added at the end.
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
            lines.add("");
            lines.add(section + ":");
            lines.add(line);
            lines.add("");
            return String.join(nl, lines);
        }
        Pattern own = Pattern.compile("^(\\s+)[\"']?" + Pattern.quote(name) + "[\"']?:\\s*([^#]*?)\\s*(#.*)?$");
        String indent = null;
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (TOP_KEY.matcher(l).matches()) break;
            Matcher m = own.matcher(l);
            if (m.matches()) {
                lines.set(i, m.group(1) + name + ": " + value + "  # " + note + " (was " + m.group(2) + ")");
                return String.join(nl, lines);
            }
            if (indent == null && !l.isBlank() && !l.trim().startsWith("#")) {
                indent = l.substring(0, l.length() - l.stripLeading().length());
            }
        }
        lines.add(start + 1, (indent == null ? "  " : indent) + name + ": " + value + "  # " + note);
        return String.join(nl, lines);
    }

    private static String header(Calibration.Result r, Calibration.Request req, List<String> unwritten) {
        StringBuilder sb = new StringBuilder();
        String file = req.scenario().getFileName().toString();
        sb.append("# Calibrated by narcosim ").append(Version.get()).append(" calibrate on ")
                .append(LocalDate.now(ZoneOffset.UTC)).append(", from ").append(file).append(" against ")
                .append(req.targets().getFileName()).append(" (").append(r.targets().targets().size())
                .append(" targets, strategy ").append(r.strategiesText()).append(").\n");
        sb.append("# Method: CMA-ES over ").append(r.priors().size()).append(" uncertain parameters' prior ranges, ")
                .append(r.evaluations().size()).append(" candidates x ").append(r.runsPerCandidate())
                .append(" runs (common random numbers, base seed ").append(req.seed()).append(").\n");
        sb.append("# Loss (sum of squared standardised distances over the fitted targets): hand-set values ")
                .append(Fmt.num(sig(r.handSetFit().loss()))).append(", calibrated ").append(Fmt.num(sig(r.calibratedFit().loss())))
                .append(".\n");
        if (!r.heldOut().isEmpty()) {
            sb.append("# Held out of the fit (checked out of sample): ").append(String.join(", ", r.heldOut()))
                    .append("; their terms: hand-set ").append(Fmt.num(sig(heldOutLoss(r.handSetFit()))))
                    .append(", calibrated ").append(Fmt.num(sig(heldOutLoss(r.calibratedFit())))).append(".\n");
        }
        Posterior.Generation g = r.sample();
        if (g != null) {
            sb.append("# Posterior 95% intervals (ABC-SMC, ").append(g.particles().size()).append(" particles, ")
                    .append(r.posterior().size()).append(" generations):");
            for (int i = 0; i < r.priors().size(); i++) {
                sb.append(i == 0 ? " " : "; ").append(r.priors().get(i).key()).append(" ")
                        .append(Fmt.num(sig(g.quantile(i, 0.025)))).append(" to ").append(Fmt.num(sig(g.quantile(i, 0.975))));
            }
            sb.append(".\n");
        }
        sb.append("# Values set here are marked '# calibrated'; the fit table is fit.csv beside this file.\n");
        if (!req.sets().isEmpty()) sb.append("# Calibrated with --set ").append(String.join(" --set ", req.sets())).append(".\n");
        if (!unwritten.isEmpty()) {
            sb.append("# Not written into this file: run it with --set ").append(String.join(" --set ", unwritten))
                    .append(" as the calibration did.\n");
        }
        sb.append("#\n");
        return sb.toString();
    }

    /** Four significant digits, for the header. */
    static double sig(double v) {
        return Calibration.significant(v, 4);
    }

    /** The held-out targets' share of the loss (their terms summed). */
    static double heldOutLoss(Fit f) {
        double s = 0;
        for (Fit.Row row : f.rows()) {
            if (row.heldOut()) s += row.term();
        }
        return s;
    }

    /**
     * Loads the written scenario and checks that every strategy the targets name runs the values written (the
     * calibrated ones, and the --set values written into sections); a patch that went wrong is a one-line error
     * naming the user's scenario file, never the temporary one.
     */
    static void check(String text, List<Prior> priors, double[] values, List<String> strategies,
                      Calibration.Request req, Scenario original) throws ScenarioException {
        String where = req.scenario().toString();
        Path tmp = null;
        try {
            tmp = Files.createTempFile("narcosim-calibrated", ".yaml");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            List<String> rest = unwritten(req, original);
            Scenario sc;
            try {
                sc = ScenarioLoader.load(YamlNodes.parse(tmp), rest);
            } catch (ScenarioException e) {
                throw new ScenarioException(where, 0, "", "the calibrated values cannot be written into this file ("
                        + e.getMessage().replace(tmp.toString(), "the written copy") + "); write its parameter "
                        + "sections as blocks, one key per line");
            }
            RunConfig expected = original.forStrategy(strategies.get(0), 1);
            for (String s : strategies) {
                RunConfig cfg = sc.forStrategy(s, 1);
                RunConfig asRun = original.forStrategy(s, 1);
                for (int i = 0; i < priors.size(); i++) {
                    double v = ((Number) cfg.params().get(priors.get(i).key())).doubleValue();
                    if (v != values[i]) {
                        String by = doctrineSets(original, priors.get(i).key());
                        throw new ScenarioException(where, 0, priors.get(i).key(), by != null ? "strategy '" + by
                                + "' sets it in its doctrine, so a calibrated value in the section would not be run; "
                                + "a calibration fits the world every strategy shares: set it in the '"
                                + priors.get(i).param().section() + "' section instead"
                                : "the calibrated scenario reads " + Fmt.num(v) + ", not the calibrated " + Fmt.num(values[i]));
                    }
                }
                for (narcosim.scenario.Param pp : narcosim.scenario.Params.all()) {
                    String p = pp.key();
                    boolean fitted = priors.stream().anyMatch(q -> q.key().equals(p));
                    if (!fitted && !java.util.Objects.equals(cfg.params().get(p), asRun.params().get(p))) {
                        throw new ScenarioException(where, 0, p, "the calibrated scenario would run " + cfg.params().get(p)
                                + " under " + s + ", not " + asRun.params().get(p) + " as the calibration did");
                    }
                }
            }
            if (sc.budgetMusdPerYear() != expected.scenario().budgetMusdPerYear()) {
                throw new ScenarioException(where, 0, "budget", "the calibrated scenario's budget differs from the "
                        + "calibration's");
            }
        } catch (IOException e) {
            throw new ScenarioException(where, 0, "", "cannot check the calibrated scenario: " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
