package narcosim.validation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVPrinter;

import narcosim.experiment.AtomicDirectory;
import narcosim.experiment.RunOutput;
import narcosim.experiment.design.Factor;
import narcosim.report.ChartFiles;
import narcosim.util.Fmt;
import narcosim.util.Version;

/**
 * Writes a patterns results directory, whole or not at all: patterns.csv (one row per pattern and
 * check), runs.csv (one row per run and outcome), magnitudes.csv, sensitivity.csv (one row per pattern and
 * point, with the verdict of its 95% intervals there) and figures/. The same
 * runs give the same bytes.
 */
public final class PatternFiles {

    private PatternFiles() {
    }

    public static void write(Path dir, List<PatternExperiment.Outcome> outcomes, Magnitudes mag,
                             Sensitivity.Result sens, long seed) throws IOException {
        AtomicDirectory.write(dir, d -> {
            patterns(d.resolve("patterns.csv"), outcomes, seed);
            runs(d.resolve("runs.csv"), outcomes);
            magnitudes(d.resolve("magnitudes.csv"), mag);
            if (sens != null) sensitivity(d.resolve("sensitivity.csv"), outcomes, sens);
            Path fig = d.resolve("figures");
            Files.createDirectories(fig);
            for (PatternExperiment.Outcome o : outcomes) {
                if (o.skipped() != null) continue;
                ChartFiles.write(PatternCharts.chart(o), fig, "pattern" + o.pattern().number() + "-" + o.pattern().id());
            }
        });
    }

    private static CSVPrinter csv(Path p) throws IOException {
        Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
        return new CSVPrinter(w, RunOutput.CSV);
    }

    static void patterns(Path p, List<PatternExperiment.Outcome> outcomes, long seed) throws IOException {
        try (CSVPrinter c = csv(p)) {
            c.printRecord("pattern_number", "pattern", "title", "source", "scenario", "experiment", "replicates",
                    "base_seed", "check", "unit", "n", "mean", "sd", "ci_low", "ci_high", "criterion", "check_holds",
                    "pattern_result", "narcosim_version");
            for (PatternExperiment.Outcome o : outcomes) {
                Pattern pt = o.pattern();
                if (o.skipped() != null) {
                    c.printRecord(pt.number(), pt.id(), pt.title(), pt.source(), o.trial().scenario(), "", 0, seed,
                            "", "", "", "", "", "", "", "", "", "skipped: " + o.skipped(), Version.get());
                    continue;
                }
                for (Check k : o.checks()) {
                    c.printRecord(pt.number(), pt.id(), pt.title(), pt.source(), o.trial().scenario(),
                            pt.experiment(o.scenario()), o.trial().replicates(), seed, k.name(), k.unit(),
                            k.estimate().n(), Fmt.num(k.estimate().mean()), Fmt.num(k.estimate().sd()),
                            Fmt.num(k.estimate().low()), Fmt.num(k.estimate().high()), k.criterion(), k.holds(),
                            o.holds() ? "holds" : "does not hold", Version.get());
                }
            }
        }
    }

    /** Every outcome of every run, long format (scenarios differ in their per-region outcomes). */
    static void runs(Path p, List<PatternExperiment.Outcome> outcomes) throws IOException {
        try (CSVPrinter c = csv(p)) {
            c.printRecord("pattern", "arm", "strategy", "arm_settings", "replicate", "seed", "outcome", "value");
            for (PatternExperiment.Outcome o : outcomes) {
                if (o.skipped() != null) continue;
                for (Arm a : o.arms()) {
                    List<PatternRun> reps = o.runs().get(a.label());
                    for (int r = 0; r < reps.size(); r++) {
                        for (Map.Entry<String, Double> e : new TreeMap<>(reps.get(r).result().outcomes()).entrySet()) {
                            c.printRecord(o.pattern().id(), a.label(), a.strategy(), String.join(" ", a.sets()), r,
                                    o.seeds().get(r), e.getKey(), Fmt.num(e.getValue()));
                        }
                    }
                }
            }
        }
    }

    static void magnitudes(Path p, Magnitudes mag) throws IOException {
        try (CSVPrinter c = csv(p)) {
            c.printRecord("quantity", "scenario", "strategy", "unit", "n", "mean", "ci_low", "ci_high",
                    "literature_low", "literature_high", "literature", "within");
            for (Magnitudes.Row m : mag.rows()) {
                c.printRecord(m.quantity(), m.scenario(), m.strategy(), m.unit(), m.model().n(), Fmt.num(m.model().mean()),
                        Fmt.num(m.model().low()), Fmt.num(m.model().high()), Fmt.num(m.litLow()), Fmt.num(m.litHigh()),
                        m.literature(), m.within());
            }
        }
    }

    static void sensitivity(Path p, List<PatternExperiment.Outcome> outcomes, Sensitivity.Result sens)
            throws IOException {
        try (CSVPrinter c = csv(p)) {
            List<String> h = new ArrayList<>(List.of("pattern", "point"));
            for (Factor f : Sensitivity.FACTORS) h.add(f.key());
            h.addAll(List.of("replicates", "verdict", "share_of_points_holding", "share_of_points_failing"));
            c.printRecord(h);
            for (PatternExperiment.Outcome main : outcomes) {
                Pattern pt = main.pattern();
                for (PatternExperiment.Outcome o : sens.of(pt)) {
                    List<Object> row = new ArrayList<>(List.of(pt.id(), o.trial().point()));
                    Map<String, Object> point = sens.points().get(o.trial().point() - 1);
                    for (Factor f : Sensitivity.FACTORS) row.add(Fmt.any(point.get(f.key())));
                    row.add(o.trial().replicates());
                    row.add(o.verdict());
                    row.add(Fmt.num(sens.share(pt, "holds")));
                    row.add(Fmt.num(sens.share(pt, "fails")));
                    c.printRecord(row);
                }
            }
        }
    }
}
