package narcosim.optimize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import narcosim.calibrate.ScenarioPatch;
import narcosim.experiment.AtomicDirectory;
import narcosim.experiment.Experiments;
import narcosim.experiment.Statistics;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.Specs;
import narcosim.util.Fmt;
import narcosim.util.Version;

/** An optimisation's tables (evaluations.csv, front.csv, presets.csv) and its scenario file with the best candidates. */
final class OptimizeFiles {

    private OptimizeFiles() {
    }

    static void write(Optimization.Result r) throws IOException, ScenarioException {
        Optimization.Setup s = r.setup();
        List<String> header = header(s);
        List<List<String>> all = new ArrayList<>();
        List<List<String>> front = new ArrayList<>();
        for (Optimization.Evaluation e : r.evaluations()) {
            List<String> row = row(r, e);
            all.add(row);
            if (r.front().contains(e)) front.add(row);
        }
        Experiments.writeTable(r.dir().resolve(Optimization.EVALUATIONS), header, all);
        Experiments.writeTable(r.dir().resolve(Optimization.FRONT), header, front);
        writePresets(r);
        String text = scenario(r);
        AtomicDirectory.writeFile(r.scenarioFile(), p -> Files.writeString(p, text, StandardCharsets.UTF_8));
        OptimizeReport.write(r);
    }

    /** Columns of evaluations.csv and front.csv: who, the decision, then each outcome's mean and 95% interval. */
    static List<String> header(Optimization.Setup s) {
        List<String> h = new ArrayList<>(List.of("candidate", "kind", "runs_as", "written_as", "generation", "on_front",
                "feasible", "budget_musd_per_year", "replicates", "seed"));
        for (String p : Space.PARTS) h.add("share_" + p);
        for (Space.Switch w : s.space.switches()) h.add(w.key());
        for (Space.Threshold t : s.space.thresholds()) h.add(t.column());
        for (String o : s.recorded) {
            h.add(o + "_mean");
            h.add(o + "_low");
            h.add(o + "_high");
        }
        return h;
    }

    private static List<String> row(Optimization.Result r, Optimization.Evaluation e) {
        Optimization.Setup s = r.setup();
        String written = r.written().stream().filter(w -> w.evaluation() == e).map(Optimization.Written::id)
                .findFirst().orElse("");
        List<String> row = new ArrayList<>(List.of(Integer.toString(e.index()), e.preset() != null ? "preset" : "searched",
                e.preset() != null ? e.preset() : s.space.template(), written,
                e.generation() < 0 ? "" : Integer.toString(e.generation()), Boolean.toString(r.front().contains(e)),
                Boolean.toString(e.feasible()), Fmt.num(s.scenario.budgetMusdPerYear()),
                Integer.toString(s.req.replicates()), Long.toString(s.req.seed())));
        for (int p = 0; p < Space.PARTS.size(); p++) row.add(Fmt.num(e.share(s.scenario, p)));
        for (int w = 0; w < s.space.switches().size(); w++) row.add(e.option(s.scenario, s.space, w));
        for (int k = 0; k < s.space.thresholds().size(); k++) row.add(e.threshold(s.scenario, s.space, k));
        for (String o : s.recorded) {
            Statistics.Estimate est = e.estimates().get(o);
            row.add(Fmt.cell(est.mean()));
            row.add(Fmt.cell(est.low()));
            row.add(Fmt.cell(est.high()));
        }
        return row;
    }

    /** presets.csv: each preset, whether a front member dominates it, which, and by how much in each objective. */
    private static void writePresets(Optimization.Result r) throws IOException {
        Optimization.Setup s = r.setup();
        List<String> h = new ArrayList<>(List.of("preset", "feasible", "dominated", "dominated_by", "by_written_as"));
        for (Goals.Objective o : s.goals.objectives()) {
            h.add(o.outcome() + "_preset");
            h.add(o.outcome() + "_front");
            h.add(o.outcome() + "_difference");
            h.add(o.outcome() + "_difference_low");
            h.add(o.outcome() + "_difference_high");
            h.add(o.outcome() + "_clear");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Optimization.PresetStanding st : r.presets()) {
            Optimization.Evaluation by = st.by();
            String written = by == null ? "" : r.written().stream().filter(w -> w.evaluation() == by)
                    .map(Optimization.Written::id).findFirst().orElse("");
            List<String> row = new ArrayList<>(List.of(st.preset().preset(), Boolean.toString(st.preset().feasible()),
                    Boolean.toString(st.dominated()), by == null ? "" : Integer.toString(by.index()), written));
            for (int k = 0; k < s.goals.objectives().size(); k++) {
                String o = s.goals.objectives().get(k).outcome();
                row.add(Fmt.cell(st.preset().estimates().get(o).mean()));
                row.add(by == null ? "" : Fmt.cell(by.estimates().get(o).mean()));
                row.add(by == null ? "" : Fmt.cell(st.difference()[k].mean()));
                row.add(by == null ? "" : Fmt.cell(st.difference()[k].low()));
                row.add(by == null ? "" : Fmt.cell(st.difference()[k].high()));
                row.add(by == null ? "" : Boolean.toString(st.clear()[k]));
            }
            rows.add(row);
        }
        Experiments.writeTable(r.dir().resolve(Optimization.PRESETS), h, rows);
    }

    private static final Pattern TOP_KEY = Pattern.compile("^[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?:(.*)$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-\\s+.*$");

    /**
     * The user's scenario file, word for word, with a header saying how the strategies were found, the budget set when
     * --budget gave another, and the written candidates added at the end of its strategies list; checked by loading
     * it: every written strategy runs the shares and doctrine that were evaluated.
     */
    static String scenario(Optimization.Result r) throws IOException, ScenarioException {
        Optimization.Setup s = r.setup();
        Optimization.Request req = s.req;
        String text = Files.readString(req.scenario(), StandardCharsets.UTF_8);
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TOP_KEY.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals("strategies")) {
                start = i;
                break;
            }
        }
        if (start < 0) throw new IllegalStateException("no strategies list in " + req.scenario());
        int end = lines.size();
        String itemIndent = "  ";
        boolean seenItem = false;
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (TOP_KEY.matcher(l).matches()) {
                end = i;
                break;
            }
            Matcher m = ITEM.matcher(l);
            if (!seenItem && m.matches()) {
                itemIndent = m.group(1);
                seenItem = true;
            }
        }
        // Insert after the list's last line with content (comments and blank lines before the next key stay after).
        String indent = itemIndent;
        int at = end;
        while (at > start + 1 && (lines.get(at - 1).isBlank() || lines.get(at - 1).trim().startsWith("#"))) at--;
        List<String> add = new ArrayList<>();
        add.add(indent + "# Found by narcosim optimize (" + r.dir().getFileName() + "): see its report.html.");
        for (Optimization.Written w : r.written()) {
            Optimization.Evaluation e = w.evaluation();
            add.add(indent + "- id: " + w.id());
            add.add(indent + "  name: \"" + w.name() + "\"");
            add.add(indent + "  description: \"" + description(s, e) + "\"");
            add.add(indent + "  shares: " + e.candidate().sharesYaml());
            Map<String, String> d = e.candidate().doctrine(s.space);
            if (!d.isEmpty()) {
                add.add(indent + "  doctrine:");
                d.forEach((k, v) -> add.add(indent + "    " + k + ": " + v));
            }
            if (!s.space.thresholds().isEmpty()) add.addAll(rules(s, e.candidate(), indent + "  "));
        }
        lines.addAll(at, add);
        String body = String.join(nl, lines);
        // The budget set only where --budget gave another than the file's own.
        if (req.budget() != null && ScenarioLoader.load(req.scenario().toString(), text, List.of())
                .budgetMusdPerYear() != req.budget()) {
            body = ScenarioPatch.set(body, "budget.total_musd_per_year", Fmt.num(req.budget()),
                    "as optimised (--budget)");
        }
        String out = header(r, nl) + body;
        check(out, r);
        return out;
    }

    /** The template's rules as a scenario file writes them, each with the candidate's threshold. */
    private static List<String> rules(Optimization.Setup s, Space.Candidate c, String indent) {
        Specs.Strategy template = s.scenario.strategy(s.space.template()).orElseThrow();
        List<String> out = new ArrayList<>();
        out.add(indent + "rules:");
        for (int i = 0; i < template.rules().size(); i++) {
            Specs.Rule rule = template.rules().get(i);
            String at = indent + "  ";
            out.add(indent + "  - " + (rule.id().isEmpty() ? "indicator: " + rule.indicator() : "id: " + rule.id()));
            if (!rule.id().isEmpty()) out.add(at + "  indicator: " + rule.indicator());
            if (rule.reading() != Specs.Reading.VALUE) out.add(at + "  of: " + rule.reading().yaml());
            String ref = Optimization.ref(template, i);
            int t = s.space.variable(ref, false);
            int m = s.space.variable(ref, true);
            out.add(at + "  " + s.space.thresholds().get(t).side() + ": " + c.threshold(t));
            if (rule.years() != 1) out.add(at + "  years: " + rule.years());
            out.add(at + "  move: " + (m < 0 ? Fmt.num(rule.move()) : c.threshold(m)));
            out.add(at + "  from: " + rule.from());
            out.add(at + "  to: " + rule.to());
        }
        return out;
    }

    private static String description(Optimization.Setup s, Optimization.Evaluation e) {
        List<String> parts = new ArrayList<>();
        for (Goals.Objective o : s.goals.objectives()) {
            Statistics.Estimate est = e.estimates().get(o.outcome());
            parts.add(o.outcome() + " " + sig(est.mean()) + " (95% " + sig(est.low()) + " to " + sig(est.high()) + ")");
        }
        return "Candidate " + e.index() + " of narcosim optimize, mean of " + s.req.replicates() + " replicates: "
                + String.join("; ", parts) + ".";
    }

    static String sig(double v) {
        if (!Double.isFinite(v) || v == 0) return Fmt.num(v);
        return Fmt.num(new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue());
    }

    private static String header(Optimization.Result r, String nl) {
        Optimization.Setup s = r.setup();
        List<String> h = new ArrayList<>();
        h.add("# Optimised by narcosim " + Version.get() + " on " + LocalDate.now(ZoneOffset.UTC) + ": strategies "
                + String.join(", ", r.written().stream().map(Optimization.Written::id).toList())
                + " added to the strategies list.");
        h.add("# narcosim optimize: NSGA-II over the budget shares and doctrine switches"
                + (s.space.thresholds().isEmpty() ? "" : " and the rule thresholds of " + s.space.template())
                + ", objectives "
                + String.join(", ", s.goals.objectives().stream().map(Goals.Objective::text).toList())
                + (s.goals.constraints().isEmpty() ? "" : ", constraints " + String.join(", ",
                        s.goals.constraints().stream().map(Goals.Constraint::text).toList()))
                + "; " + r.evaluations().stream().filter(e -> e.preset() == null).count() + " candidates x "
                + s.req.replicates() + " replicates, seed " + s.req.seed() + ".");
        if (!s.req.sets().isEmpty()) {
            h.add("# They were evaluated with --set " + String.join(" --set ", s.req.sets())
                    + ": give the same to compare.");
        }
        h.add("# Compare them with the presets: narcosim compare <this file> --seed " + s.req.seed()
                + " (the search's seeds), or another --seed to check them on fresh seeds (choosing the best of many "
                + "noisy means flatters the winners).");
        h.add("");
        return String.join(nl, h) + nl;
    }

    /** The written file loads, and each written strategy has the shares and doctrine that were evaluated. */
    private static void check(String text, Optimization.Result r) throws ScenarioException {
        Optimization.Setup s = r.setup();
        Scenario sc = ScenarioLoader.load(r.scenarioFile().toString(), text, s.req.sets());
        for (Optimization.Written w : r.written()) {
            Specs.Strategy st = sc.strategy(w.id()).orElseThrow(() -> new IllegalStateException(
                    "the optimised scenario lost strategy " + w.id()));
            Space.Candidate c = w.evaluation().candidate();
            double[] got = {st.shares().military(), st.shares().police(), st.shares().development(),
                st.shares().partnership()};
            for (int p = 0; p < got.length; p++) {
                if (got[p] != c.share(p)) throw new IllegalStateException(w.id() + " reads share " + got[p]);
            }
            for (Map.Entry<String, String> d : c.doctrine(s.space).entrySet()) {
                if (!String.valueOf(st.doctrine().get(d.getKey())).equals(d.getValue())) {
                    throw new IllegalStateException(w.id() + " reads " + d.getKey() + " = " + st.doctrine().get(d.getKey()));
                }
            }
            // An adaptive template's rules, each with the candidate's threshold and everything else the same.
            if (!s.space.thresholds().isEmpty()) {
                Specs.Strategy template = s.scenario.strategy(s.space.template()).orElseThrow();
                List<Specs.Rule> was = template.rules();
                if (st.rules().size() != was.size()) throw new IllegalStateException(w.id() + " reads " + st.rules());
                for (int i = 0; i < was.size(); i++) {
                    Specs.Rule a = was.get(i);
                    Specs.Rule b = st.rules().get(i);
                    int t = s.space.variable(Optimization.ref(template, i), false);
                    int m = s.space.variable(Optimization.ref(template, i), true);
                    double move = m < 0 ? a.move() : c.thresholds().get(m).doubleValue();
                    if (!a.id().equals(b.id()) || !a.indicator().equals(b.indicator()) || a.reading() != b.reading()
                            || a.below() != b.below() || a.years() != b.years() || b.move() != move
                            || !a.from().equals(b.from()) || !a.to().equals(b.to())
                            || b.threshold() != c.thresholds().get(t).doubleValue()) {
                        throw new IllegalStateException(w.id() + " reads rule " + b);
                    }
                }
            }
        }
        if (sc.budgetMusdPerYear() != s.scenario.budgetMusdPerYear()) {
            throw new IllegalStateException("the optimised scenario's budget reads " + sc.budgetMusdPerYear());
        }
    }
}
