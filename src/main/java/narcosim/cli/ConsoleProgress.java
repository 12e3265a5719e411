package narcosim.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import narcosim.experiment.Runner;

/**
 * Progress of an experiment: a progress bar with rate, elapsed and remaining time on a terminal; plain lines every ten
 * seconds (and at the end) when output goes to a file or a cluster log.
 */
final class ConsoleProgress {

    private ConsoleProgress() {
    }

    static Runner.Progress create(String task, PrintWriter err, boolean quiet) {
        if (quiet) return Runner.Progress.NONE;
        if (System.console() != null && System.getenv("CI") == null) return new Bar(task);
        return new Lines(task, err);
    }

    /**
     * On a terminal: the bar with runs done, rate, elapsed time and, labelled, the time remaining (the library's
     * unlabelled second time is hidden: "(0:00:12 / 0:00:17)" read as two elapsed times).
     */
    private static final class Bar implements Runner.Progress {
        private final String task;
        private ProgressBar bar;
        private long start;
        private int startDone;
        private int total;
        private int done;

        Bar(String task) {
            this.task = task;
        }

        @Override
        public void start(int total, int alreadyDone) {
            this.total = total;
            this.done = alreadyDone;
            this.startDone = alreadyDone;
            this.start = System.nanoTime();
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).showSpeed().hideEta().setUnit(" runs", 1)
                    .startsFrom(alreadyDone, Duration.ZERO).build();
            bar.setExtraMessage("remaining ?");
        }

        @Override
        public synchronized void step() {
            done++;
            bar.setExtraMessage(remaining(done - startDone, total - done, (System.nanoTime() - start) / 1e9));
            bar.step();
        }

        @Override
        public void close() {
            if (bar != null) bar.close();
        }
    }

    private static final class Lines implements Runner.Progress {
        private final String task;
        private final PrintWriter err;
        private int total;
        private int done;
        private int startDone;
        private long start;
        private long last;

        Lines(String task, PrintWriter err) {
            this.task = task;
            this.err = err;
        }

        @Override
        public synchronized void start(int total, int alreadyDone) {
            this.total = total;
            this.done = alreadyDone;
            this.startDone = alreadyDone;
            this.start = System.nanoTime();
            this.last = start;
            err.printf(Locale.ROOT, "narcosim: %s: %d runs, %d already done%n", task, total, alreadyDone);
            err.flush();
        }

        @Override
        public synchronized void step() {
            done++;
            long now = System.nanoTime();
            if (now - last >= 10_000_000_000L || done == total) {
                last = now;
                double secs = (now - start) / 1e9;
                double rate = (done - startDone) / Math.max(1e-9, secs);
                err.printf(Locale.ROOT, "narcosim: %s: %d/%d runs (%.0f%%), %.2f runs/s, elapsed %s, %s%n", task, done,
                        total, 100.0 * done / Math.max(1, total), rate, formatSeconds(secs),
                        remaining(done - startDone, total - done, secs));
                err.flush();
            }
        }

        @Override
        public void close() {
        }

    }

    /** "remaining 1m05s" from the runs done in this session, those left and the seconds so far ("?" before any). */
    static String remaining(int doneNow, int left, double secs) {
        if (left <= 0) return "remaining 0m00s";
        if (doneNow <= 0 || secs <= 0) return "remaining ?";
        return "remaining " + formatSeconds(left * secs / doneNow);
    }

    static String formatSeconds(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
    }
}
