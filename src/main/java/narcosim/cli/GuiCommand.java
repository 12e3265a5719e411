package narcosim.cli;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import narcosim.gui.Classroom;
import narcosim.model.NarcoModel;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** narcosim gui: the classroom window. */
@Command(name = "gui", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Open the classroom window: a live map, charts and sliders (needs a display).", "",
            "The window has MASON's Console (play, pause, step; the Model tab has "
            + "the strategy's budget shares as sliders and its doctrine switches as check boxes, which act while the "
            + "model runs), a map (routes drawn by recent flow and the military units watching them, shipments, military and police units, "
            + "communities coloured by trust; it opens showing the whole scenario; double-click a place or route to inspect "
            + "it; zoom with the Display's scale box) and live charts of delivered flow against the expectation without a campaign, seizures, price, "
            + "trust, violence and recruits.", "",
            "A run in the window with a seed and no changes is the same run as 'narcosim run' with that seed. "
            + "Lessons for a class: docs/teaching.md. On a machine without a screen, run it under xvfb-run with "
            + "--weeks and --screenshot (last example)."},
        footer = {"", "Examples:",
            "  narcosim gui          # central-america.yaml, military-surge",
            "  narcosim gui scenarios/classroom-balloon.yaml --strategy corridor-crackdown",
            "  xvfb-run -s '-screen 0 1440x900x24' \\",
            "      narcosim gui scenarios/classroom-balloon.yaml \\",
            "      --strategy corridor-crackdown --weeks 200 --screenshot balloon.png"})
public final class GuiCommand implements Callable<Integer> {

    static final String DEFAULT_SCENARIO = "scenarios/central-america.yaml";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario file (YAML; default: " + DEFAULT_SCENARIO + ").")
    Path scenario;

    @CommandLine.Mixin
    ScenarioOptions options = new ScenarioOptions();

    @Option(names = {"-s", "--strategy"}, paramLabel = "ID", description = "Strategy to run (default: the scenario's first "
            + "strategy with a campaign, e.g. military-surge in central-america.yaml, so the window opens on forces at work; "
            + "--strategy baseline for no campaign, where the first share slider raised takes the whole budget).")
    String strategy;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--zoom", paramLabel = "X", defaultValue = "1", description = "Open the map zoomed in X times, centred "
            + "on the coca zones as far as the map's edges allow (default: ${DEFAULT-VALUE}: the map fits the whole "
            + "scenario, every place in view).")
    double zoom;

    @Option(names = "--weeks", paramLabel = "N", description = "Run N weeks (the burn-in counts) as soon as the window "
            + "opens, then pause.")
    Long weeks;

    @Option(names = "--screenshot", paramLabel = "FILE", description = "With --weeks: save a PNG of the windows after "
            + "the weeks have run, print the week's outcomes, and close.")
    Path screenshot;

    @Override
    public Integer call() throws Exception {
        Path file = scenario != null ? scenario : Path.of(DEFAULT_SCENARIO);
        if (scenario == null && !Files.exists(file)) {
            throw new Main.UserError("no scenario given and " + DEFAULT_SCENARIO + " is not here; run from the project "
                    + "directory or name a scenario file");
        }
        Scenario sc = ScenarioLoader.load(file, options.sets());
        RunConfig cfg = sc.forStrategy(strategy != null ? strategy : defaultStrategy(sc), seed);
        if (screenshot != null && weeks == null) throw new Main.UserError("--screenshot needs --weeks N");
        if (screenshot != null) narcosim.experiment.OutputPaths.checkNew(screenshot, "--screenshot");
        if (weeks != null && (weeks < 1 || weeks > (long) cfg.params().integer("run.burn_in_weeks") + cfg.weeks())) {
            throw new Main.UserError("--weeks: expected 1 to " + (cfg.params().integer("run.burn_in_weeks") + cfg.weeks())
                    + " (burn-in plus the campaign), got " + weeks);
        }
        if (!(zoom >= 1 && zoom <= 16)) throw new Main.UserError("--zoom: expected 1 to 16, got " + zoom);
        if (!Classroom.displayAvailable()) throw noDisplay();
        Classroom room;
        try {
            room = Classroom.open(cfg, zoom);
        } catch (AWTError | HeadlessException e) {
            throw noDisplay();
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof AWTError || e.getCause() instanceof HeadlessException) throw noDisplay();
            throw e;
        }
        if (weeks != null) {
            room.showModelTab();
            room.runWeeks(weeks, 600);
        }
        if (screenshot != null) {
            room.screenshot(screenshot);
            PrintWriter out = spec.commandLine().getOut();
            out.println(outcomes(room.gui().model()));
            out.println("screenshot: " + screenshot);
            out.flush();
            room.close();
            return 0;
        }
        // The window stays until the user closes the Console (MASON then ends the program).
        new CountDownLatch(1).await();
        return 0;
    }

    /** The scenario's first strategy that spends a budget (the baseline shows nothing to a class), else its first. */
    public static String defaultStrategy(Scenario sc) {
        return sc.strategies().stream().filter(s -> s.shares().isCampaign()).findFirst()
                .orElse(sc.strategies().get(0)).id();
    }

    /** The week's headline outcomes, for checking a window run against a headless one ({@link Classroom#outcomes}). */
    public static String outcomes(NarcoModel m) {
        return Classroom.outcomes(m);
    }

    private static Main.UserError noDisplay() {
        String display = System.getenv("DISPLAY");
        String why = display == null || display.isBlank() ? "DISPLAY is not set"
                : GraphicsEnvironment.isHeadless() ? "Java runs headless; the ./narcosim launcher turns that off for gui"
                : "cannot connect to DISPLAY=" + display;
        return new Main.UserError("no display to open the window on (" + why + "); on a machine without a screen run it "
                + "as: xvfb-run ./narcosim gui ...");
    }
}
