package narcosim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import narcosim.experiment.ExperimentDir;
import narcosim.experiment.Experiments;
import narcosim.experiment.Plan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** narcosim merge: join the shards of an experiment into its final files. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the part files that the shards of an experiment wrote (narcosim compare/sweep --shard K/N, "
            + "or array jobs) into runs.csv, summary.csv and, for Sobol designs, sensitivity.csv: the same files, byte "
            + "for byte, as one machine running the whole experiment. Checks completeness first and names missing "
            + "shards and run ids (exit 2)."},
        footer = {"", "Example:", "  narcosim merge results/sobol-core-20261122-101500"})
public final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Experiment directory.")
    Path dirPath;

    @Override
    public Integer call() throws Exception {
        ExperimentDir dir = new ExperimentDir(dirPath);
        Map<String, Object> manifest = dir.readManifest();
        if (manifest == null) throw new Main.UserError(dirPath + " is not an experiment directory (no manifest.yaml)");
        Experiments.Request req = Experiments.requestOf(manifest);
        Plan plan = Experiments.plan(req);
        String problem = Experiments.sameExperiment(manifest, plan, req);
        if (problem != null) throw new Main.UserError("cannot merge " + dirPath + ": " + problem);
        int shards = ((Number) manifest.get("shards")).intValue();
        Experiments.Merged m;
        try (ExperimentDir.Lock merging = dir.lockMerge()) {
            m = Experiments.merge(dir, plan, shards, req.timeseries());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!m.complete()) throw new Main.UserError("cannot merge " + dirPath + ": " + m.problem());
        out.println("merged " + shards + " shard(s) of " + plan.name() + ": " + plan.runs().size() + " runs into "
                + dirPath.resolve(ExperimentDir.RUNS) + " and summary.csv");
        out.println(ReportCommand.chartsOf(dirPath));
        out.flush();
        return 0;
    }
}
