package narcosim.report;

import static narcosim.report.HtmlReport.esc;
import static narcosim.report.HtmlReport.row;
import static narcosim.report.HtmlReport.str;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import narcosim.experiment.ExperimentDir;
import narcosim.experiment.SweepEffects;

/**
 * DIR/report.html of a parameter sweep: the design, the parameters with their ranges, findings in plain
 * sentences computed from the heat-map cells and the Sobol indices, the charts, version and seeds. Self
 * contained like the comparison report; same results directory, same bytes.
 */
public final class SweepReport {

    private SweepReport() {
    }

    public static Path write(Results r) throws IOException, Results.IncompleteResults {
        return HtmlReport.write(r.dir(), html(SweepResults.open(r)));
    }

    @SuppressWarnings("unchecked")
    static String html(SweepResults s) throws IOException {
        Map<String, Object> manifest = new ExperimentDir(s.dir()).readManifest();
        Map<String, Object> request = manifest.get("request") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String name = String.valueOf(manifest.getOrDefault("name", s.results().name()));
        StringBuilder h = new StringBuilder(64 * 1024);
        HtmlReport.head(h, "narcosim sweep report: " + name);
        h.append("<h1>Parameter sweep: ").append(esc(name)).append("</h1>\n");
        h.append("<p class=\"muted\">Made by narcosim ").append(esc(str(manifest.get("narcosim_version"))))
                .append(", an agent-based simulation of counter-narcotics campaigns. Finished ")
                .append(esc(str(manifest.get("finished")))).append(". Results directory: ")
                .append(esc(String.valueOf(s.dir().toAbsolutePath().normalize().getFileName()))).append(".</p>\n");
        h.append("<p class=\"muted\">Contents: <a href=\"#design\">Design</a> &middot; <a href=\"#findings\">Findings</a>"
                + " &middot; <a href=\"#charts\">Charts</a> &middot; <a href=\"#version\">Version and seeds</a></p>\n");

        h.append("<h2 id=\"design\">Design</h2>\n");
        int reps = s.design().get("replicates") instanceof Number n ? n.intValue() : 0;
        h.append("<p>").append(esc(designSentence(s, reps, manifest))).append("</p>\n");
        h.append("<table>\n<tr><th>Parameter varied</th><th>Values</th></tr>\n");
        for (SweepResults.Factor f : s.factors()) {
            h.append("<tr><td><code>").append(esc(f.key())).append("</code></td><td>").append(esc(f.describe()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        h.append("<p>Strategies: ").append(esc(String.join(", ", s.strategies()))).append(". Outcomes of interest: ");
        List<String> outs = new ArrayList<>();
        for (String o : s.outcomes()) outs.add(Outcome.of(o).name() + " (" + o + ")");
        h.append(esc(String.join("; ", outs))).append(".</p>\n");

        h.append("<h2 id=\"findings\">Findings</h2>\n");
        String reference = SweepEffects.reference(designOf(manifest));
        h.append("<p>Each strategy's outcome on average over the design, with its 95% interval")
                .append(reference == null ? "" : "; its change against " + esc(reference) + ", paired run by run (the "
                        + "same design point and replicate have the same seed under every strategy)")
                .append("; and the parameters that move it: how far across the parameter's whole range (a linear "
                        + "fit on all varied parameters at once), with 95% intervals. A parameter is named only when its "
                        + "interval excludes zero; otherwise its effect cannot be told apart from replicate noise. "
                        + "Every effect, named or not, is in <code>" + SweepEffects.FILE + "</code>.")
                .append(reference == null ? " Name a reference strategy (<code>reference:</code> in the sweep file, or "
                        + "<code>narcosim sweep --reference</code>) to compare strategies run by run." : "")
                .append("</p>\n");
        List<String> found = findings(s, manifest);
        if (found.isEmpty()) h.append("<p class=\"ns\">No findings: the sweep has too few parameters or points.</p>\n");
        else {
            h.append("<ul class=\"findings\">\n");
            for (String f : found) h.append("<li>").append(esc(f)).append("</li>\n");
            h.append("</ul>\n");
        }

        h.append("<h2 id=\"charts\">Charts</h2>\n");
        charts(h, s);

        h.append("<h2 id=\"version\">Version and seeds</h2>\n<table>\n");
        row(h, "narcosim version", str(manifest.get("narcosim_version")));
        row(h, "Sweep file", str(request.get("file")));
        row(h, "Sweep file SHA-256", str(manifest.get("sweep_sha256")));
        row(h, "Scenario file", str(manifest.get("scenario")));
        row(h, "Scenario SHA-256", str(manifest.get("scenario_sha256")));
        row(h, "Settings changed", request.get("sets") instanceof List<?> l && !l.isEmpty() ? String.valueOf(l) : "none");
        row(h, "Base seed", str(request.get("seed")));
        row(h, "Seeds", str(manifest.get("seeds")));
        row(h, "Runs", str(manifest.get("runs")));
        row(h, "Started", str(manifest.get("started")));
        row(h, "Finished", str(manifest.get("finished")));
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String designSentence(SweepResults s, int reps, Map<String, Object> manifest) {
        String type = switch (s.type()) {
            case "grid" -> "A full-factorial grid";
            case "lhs" -> "A Latin hypercube";
            case "sobol" -> "A Saltelli design for Sobol sensitivity indices ("
                    + (s.design().get("samples") instanceof Number n ? n.intValue() + " base samples, " : "")
                    + "each with " + (s.factors().size() + 2) + " runs per strategy and replicate)";
            default -> "A " + s.type() + " design";
        };
        return type + " of " + s.points() + " design points, each run under " + s.strategies().size()
                + (s.strategies().size() == 1 ? " strategy" : " strategies") + " with " + reps
                + (reps == 1 ? " replicate" : " replicates") + ": " + str(manifest.get("runs"))
                + " runs in all. A replicate has the same random seed under every strategy.";
    }

    /**
     * Plain sentences from the runs (the same findings as the terminal's summary after a sweep): per outcome and
     * strategy, its mean, its paired change against the reference and the parameters whose effects exceed
     * replicate noise; in a Sobol design, also the parameters it is most sensitive to.
     */
    static List<String> findings(SweepResults s, Map<String, Object> manifest) {
        Map<String, Object> design = designOf(manifest);
        List<String> out = new ArrayList<>();
        List<SweepEffects.Finding> found = design.isEmpty() ? List.of() : SweepEffects.findings(design,
                SweepEffects.compute(design, ExperimentDir.records(s.dir().resolve(ExperimentDir.RUNS))));
        for (String outcome : s.outcomes()) {
            Outcome o = Outcome.of(outcome);
            for (String strategy : s.strategies()) {
                for (SweepEffects.Finding f : found) {
                    if (f.outcome().equals(outcome) && f.strategy().equals(strategy)) out.add(SweepEffects.sentence(f));
                }
                List<SweepResults.Index> ix = s.indices(strategy, outcome);
                if (!ix.isEmpty()) out.add(sobolSentence(o, strategy, ix));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> designOf(Map<String, Object> manifest) {
        return manifest != null && manifest.get("design") instanceof Map<?, ?> d && d.get("strategies") != null
                ? (Map<String, Object>) d : Map.of();
    }

    static String sobolSentence(Outcome o, String strategy, List<SweepResults.Index> ix) {
        SweepResults.Index a = ix.get(0);
        StringBuilder b = new StringBuilder(o.name() + " (" + strategy + ") is most sensitive to " + a.parameter()
                + " (total-order index " + fix(a.total()) + ", 95% CI " + fix(a.totalLow()) + " to " + fix(a.totalHigh())
                + ")");
        if (ix.size() > 1) {
            SweepResults.Index c = ix.get(1);
            b.append(", then ").append(c.parameter()).append(" (").append(fix(c.total())).append(", 95% CI ")
                    .append(fix(c.totalLow())).append(" to ").append(fix(c.totalHigh())).append(")");
            if (c.totalHigh() >= a.totalLow()) b.append("; the two intervals overlap, so their order is not certain");
        }
        b.append(".");
        double width = a.totalHigh() - a.totalLow();
        if (width > 0.5 || a.first() < -0.1 || a.first() > 1.1) {
            b.append(" The intervals are wide: more base samples (and replicates) would firm this up.");
        }
        return b.toString();
    }

    private static void charts(StringBuilder h, SweepResults s) throws IOException {
        Path dir = s.dir().resolve(Report.CHARTS);
        int shown = 0;
        for (String outcome : s.outcomes()) {
            Outcome o = Outcome.of(outcome);
            List<String[]> figs = new ArrayList<>();
            figs.add(new String[] {SweepCharts.heatMapName(outcome), o.name() + " (" + o.unit() + ") over two of the "
                    + "parameters (the first two, or in a Sobol design the two most influential), one panel per strategy."});
            for (String strategy : s.strategies()) {
                figs.add(new String[] {SweepCharts.sobolName(strategy, outcome), "Sobol indices of " + o.name()
                        + " under " + strategy + ", with 95% bootstrap intervals."});
            }
            for (String[] f : figs) {
                if (HtmlReport.figure(h, dir.resolve(f[0] + ".png"), f[1])) shown++;
            }
        }
        if (shown == 0) h.append("<p class=\"ns\">No charts found in charts/ (run narcosim report on this directory).</p>\n");
    }

    private static String fix(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v).replace('-', '\u2212');
    }

}
