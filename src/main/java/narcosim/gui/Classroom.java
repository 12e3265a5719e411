package narcosim.gui;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import narcosim.experiment.AtomicDirectory;
import narcosim.metrics.WeeklyCollector;
import narcosim.model.NarcoModel;
import narcosim.scenario.RunConfig;
import sim.display.ClassroomConsole;
import sim.display.Console;

/**
 * Opens the classroom window (MASON Console, map, charts) on a run configuration, and, for
 * screenshots and tests, runs it for a number of weeks and captures the screen.
 */
public final class Classroom {

    private final NarcoModelWithUI gui;
    private final ClassroomConsole console;

    private Classroom(NarcoModelWithUI gui, ClassroomConsole console) {
        this.gui = gui;
        this.console = console;
    }

    /** Whether windows can be opened here (a display, and AWT not in headless mode). */
    public static boolean displayAvailable() {
        return !GraphicsEnvironment.isHeadless();
    }

    /**
     * Keeps MASON's preferences (window positions, chart settings) out of the home directory: under
     * $XDG_CACHE_HOME (or ~/.cache)/narcosim/prefs, unless java.util.prefs.userRoot is already set.
     * Must run before anything loads java.util.prefs.
     */
    public static void keepPreferencesInCache() {
        if (System.getProperty("java.util.prefs.userRoot") != null) return;
        String cache = System.getenv("XDG_CACHE_HOME");
        Path root = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        System.setProperty("java.util.prefs.userRoot", root.resolve("narcosim").resolve("prefs").toString());
    }

    /** Opens the windows, laid out side by side on a screen of at least 1440 x 900 pixels. */
    public static Classroom open(RunConfig config) throws InterruptedException, InvocationTargetException {
        return open(config, 1.0);
    }

    /**
     * Opens the windows with the map zoomed in {@code zoom} times (1: the whole map), centred on the
     * coca zones as far as the map's edges allow.
     */
    public static Classroom open(RunConfig config, double zoom) throws InterruptedException, InvocationTargetException {
        keepPreferencesInCache();
        NarcoModelWithUI gui = new NarcoModelWithUI(new NarcoModel(config));
        AtomicReference<ClassroomConsole> made = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            ClassroomConsole c = new ClassroomConsole(gui, () -> Week.label(gui.model()));
            c.setTitle("narcosim: " + config.scenario().name() + " (seed " + config.seed() + ")");
            c.setLocation(660, 530);
            c.setSize(780, 370);
            c.setVisible(true);
            gui.displayFrame().setLocation(0, 0);
            if (zoom != 1.0) gui.zoom(zoom);
            gui.chartFrame().setLocation(660, 0);
            made.set(c);
        });
        return new Classroom(gui, made.get());
    }

    public NarcoModelWithUI gui() {
        return gui;
    }

    public ClassroomConsole console() {
        return console;
    }

    /** Shows the Console's tab with the model inspector (sliders and check boxes). */
    public void showModelTab() throws InterruptedException, InvocationTargetException {
        SwingUtilities.invokeAndWait(() -> {
            for (int i = 0; i < console.getTabPane().getTabCount(); i++) {
                if (console.getTabPane().getTitleAt(i).equals("Model")) console.getTabPane().setSelectedIndex(i);
            }
        });
    }

    /**
     * Presses play and waits until the model has run {@code weeks} weeks in all (burn-in included) and
     * the Console has paused, or the run has ended.
     */
    public void runWeeks(long weeks, long timeoutSeconds) throws InterruptedException, InvocationTargetException {
        // The Console is a Swing component: press its buttons on the Swing thread (else it can deadlock).
        SwingUtilities.invokeAndWait(() -> {
            console.setWhenShouldPause(weeks);
            console.pressPlay();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (console.getPlayState() == Console.PS_PLAYING || gui.model().schedule.getSteps() < weeks
                && console.getPlayState() != Console.PS_STOPPED) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window did not reach week " + weeks + " within " + timeoutSeconds + " s");
            }
            Thread.sleep(50);
        }
        SwingUtilities.invokeAndWait(() -> {
            if (console.getModelInspector() != null) console.getModelInspector().updateInspector();
            console.refresh();
            console.refreshWeek();
        });
    }

    /**
     * The week's headline outcomes under the window's week number ({@link Week}), as {@code narcosim gui
     * --screenshot} prints them, for checking a window run against a headless one.
     */
    public static String outcomes(NarcoModel m) {
        WeeklyCollector c = m.collector();
        return String.format(Locale.ROOT, "%s: delivered_kg=%.0f seized_kg=%.0f price_usd_kg=%.2f mean_trust=%.6f "
                + "violent_incidents=%.0f recruits=%.0f", Week.label(m), c.latest("delivered_kg"), c.latest("seized_kg"),
                c.latest("price_usd_kg"), c.latest("mean_trust"), c.latest("violent_incidents"), c.latest("recruits"));
    }

    /** Waits for the windows to repaint, then writes a PNG of the screen area they cover. */
    public void screenshot(Path file) throws Exception {
        AtomicReference<Rectangle> area = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            gui.display().repaint();
            Rectangle r = console.getBounds();
            for (JFrame f : new JFrame[] {gui.displayFrame(), gui.chartFrame()}) {
                if (f.isVisible()) r = r.union(f.getBounds());
            }
            area.set(r.intersection(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize())));
        });
        Thread.sleep(1500); // let MASON's chart updates and repaints land
        SwingUtilities.invokeAndWait(() -> { });
        BufferedImage shot = new Robot().createScreenCapture(area.get());
        AtomicDirectory.createFile(file, tmp -> ImageIO.write(shot, "png", tmp.toFile()));
    }

    /** Closes the windows and stops the model, without exiting the JVM. */
    public void close() throws InterruptedException, InvocationTargetException {
        SwingUtilities.invokeAndWait(() -> {
            console.pressStop();
            gui.quit();
            console.dispose();
        });
    }
}
