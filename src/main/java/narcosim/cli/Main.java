package narcosim.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import narcosim.model.ModelStateException;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.YamlNodes;
import narcosim.util.InputException;
import narcosim.util.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The narcosim command line: one subcommand per job. */
@Command(name = "narcosim", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
        description = {
            "Agent-based simulation of counter-narcotics campaigns: cartels, smugglers, military and police "
                + "units, residents and development programmes on real geographies (the default: the Andes through Central "
                + "America and the Caribbean to the US market; scenarios/andes-europe.yaml: the Andes through the "
                + "Atlantic and West Africa to Europe's ports and markets).",
            "",
            "Start with:",
            "  # strategies at equal budget, 30 paired replicates each:",
            "  narcosim compare scenarios/central-america.yaml --replicates 30",
            "  # one run of one strategy:",
            "  narcosim run scenarios/central-america.yaml --strategy integrated --seed 7",
            "  # which levers of a strategy matter?",
            "  narcosim levers scenarios/central-america.yaml --strategy integrated",
            "  narcosim patterns     # does the model reproduce the literature?",
            "  narcosim gui          # the classroom window"},
        subcommands = {RunCommand.class, CompareCommand.class, LeversCommand.class, SweepCommand.class, MergeCommand.class,
            CalibrateCommand.class, OptimizeCommand.class, ValidateCommand.class, ParamsCommand.class, OutcomesCommand.class, BenchCommand.class,
            ReportCommand.class, PatternsCommand.class,
            GuiCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 internal error, 2 bad input (scenario file, options, or parameters that drove a run "
                + "out of the model's valid state).",
            "Documentation: README.md, docs/ODD.md (the model), docs/VALIDATION.md, docs/teaching.md (the classroom), docs/PERFORMANCE.md."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        int code;
        try {
            code = execute(args);
        } catch (OutOfMemoryError e) {
            // Runs are bounded by design (ODD 7.7); if memory still runs out, say so in one line.
            System.err.println("narcosim: error: out of memory (" + e.getMessage() + "); give Java more with "
                    + "JAVA_OPTS=-Xmx4g, or run fewer threads (--threads)");
            code = 1;
        }
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return execute(commandLine(), args);
    }

    /** Runs a command line on {@code cl} (tests pass one whose output they capture). */
    public static int execute(CommandLine cl, String... args) {
        // picocli lets --help win over an unknown command name (printing the top help, exit 0): say it is unknown.
        if (args.length > 0 && !args[0].startsWith("-") && !cl.getSubcommands().containsKey(args[0])) {
            PrintWriter err = cl.getErr();
            err.println("narcosim: error: unknown command '" + args[0] + "'"
                    + YamlNodes.suggest(args[0], cl.getSubcommands().keySet()));
            err.println("Commands: " + String.join(", ", cl.getSubcommands().keySet()) + " (narcosim --help says what each does)");
            err.flush();
            return 2;
        }
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands only exceptions to the handler below; these end the command as clearly.
            PrintWriter err = cl.getErr();
            err.println("narcosim: internal error: " + (e instanceof OutOfMemoryError
                    ? "out of memory (" + e.getMessage() + "); give the JVM more with JAVA_OPTS=-Xmx4g, and please report it"
                    : "stack overflow; please report it with the command that caused it"));
            if (System.getenv("NARCOSIM_DEBUG") != null) e.printStackTrace(err);
            err.flush();
            return 1;
        }
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(100);
        cl.setUsageHelpAutoWidth(true);
        // A bad option or argument: one line saying what and where to read more, not the whole usage (exit 2).
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            PrintWriter err = line.getErr();
            String msg = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                msg += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            }
            err.println("narcosim: error: " + msg + "; '" + line.getCommandSpec().qualifiedName() + " --help' says what "
                    + "it takes");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof ScenarioException se) {
                err.println("narcosim: error: " + se.getMessage());
                err.flush();
                return 2;
            }
            if (ex instanceof ModelStateException me) {
                // Caused by the run's parameters (named in the message): bad input, not a crash.
                err.println("narcosim: error: " + me.getMessage());
                err.flush();
                return 2;
            }
            if (ex instanceof InputException ie) {
                err.println("narcosim: error: " + ie.getMessage());
                err.flush();
                return 2;
            }
            if (ex instanceof FileSystemException fe) {
                // A path the user gave (or the directory it lies in) that cannot be read or written.
                err.println("narcosim: error: " + fileProblem(fe));
                err.flush();
                return 2;
            }
            err.println("narcosim: internal error: " + ex);
            if (System.getenv("NARCOSIM_DEBUG") != null) ex.printStackTrace(err);
            else err.println("(set NARCOSIM_DEBUG=1 for the stack trace, and please report it)");
            err.flush();
            return 1;
        });
        return cl;
    }

    /** What went wrong with a file, in words: the path and the reason, never the exception's class. */
    static String fileProblem(FileSystemException e) {
        String what;
        if (e instanceof AccessDeniedException) what = "permission denied";
        else if (e instanceof NotDirectoryException) what = "not a directory";
        else if (e instanceof FileAlreadyExistsException) what = "already exists";
        else if (e instanceof NoSuchFileException) what = "no such file or directory";
        else if (e instanceof DirectoryNotEmptyException) what = "directory not empty";
        else what = e.getReason() != null ? e.getReason() : "cannot be used";
        String where = e.getFile() == null ? "" : e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile());
        return "cannot use " + where + ": " + what;
    }

    /** A mistake in how the command was called that options parsing cannot catch. */
    public static final class UserError extends InputException {
        private static final long serialVersionUID = 1L;

        public UserError(String message) {
            super(message);
        }
    }

    /** Prints the version picocli shows for --version. */
    public static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"narcosim " + Version.get() + " (MASON 18, Java " + System.getProperty("java.version") + ")"};
        }
    }
}
