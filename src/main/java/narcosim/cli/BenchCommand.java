package narcosim.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** narcosim bench: performance figures of the model code (see docs/PERFORMANCE.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the model's speed and memory.")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
