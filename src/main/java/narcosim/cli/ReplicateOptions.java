package narcosim.cli;

import picocli.CommandLine.Option;

/** Paired replicates and their base seed (compare, levers, patterns): replicate r has the same seed throughout. */
public final class ReplicateOptions {

    @Option(names = {"-r", "--replicates"}, paramLabel = "R", defaultValue = "10",
            description = "Replicates of each strategy, variant or arm, paired by seed (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Base seed; replicate r's seed derives from it (default: ${DEFAULT-VALUE}).")
    long seed;
}
