package narcosim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Test helper: runs a narcosim command line in-process as Main does, capturing its output. */
public final class InProcess {

    private InProcess() {
    }

    /** Exit code, stdout and stderr of one command. */
    public record Result(int code, String out, String err) {
        /** stdout and stderr, for assertion messages. */
        public String both() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** Arguments may be any objects (paths, numbers); they are passed as text. */
    public static Result cli(Object... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) text[i] = String.valueOf(args[i]);
        int code = Main.execute(cl, text);
        return new Result(code, out.toString(), err.toString());
    }
}
