package narcosim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.cli.GuiCommand;
import narcosim.model.NarcoModel;
import narcosim.scenario.RunConfig;

/**
 * The real window under a virtual screen: starts its own Xvfb on a free display number (skipped, saying
 * so, when /usr/bin/Xvfb is missing), runs {@code narcosim gui} in a separate JVM (not headless, MASON's
 * preferences in a temporary directory) for a number of weeks, and checks the screenshot it saves: not
 * blank, routes, places, the coca zone and the market drawn on the map; and the week's outcomes the
 * window printed equal a headless run's.
 */
class GuiXvfbTest {

    static final Path XVFB = Path.of("/usr/bin/Xvfb");
    static final long WEEKS = 120;

    static Process xvfb;
    static int display;

    @BeforeAll
    static void startXvfb() throws Exception {
        if (!Files.isExecutable(XVFB)) return;
        for (int n = 91; n < 140 && xvfb == null; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) continue;
            Process p = new ProcessBuilder(XVFB.toString(), ":" + n, "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 50 && p.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)); i++) Thread.sleep(100);
            if (p.isAlive() && Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                xvfb = p;
                display = n;
            } else {
                p.destroyForcibly();
            }
        }
    }

    @AfterAll
    static void stopXvfb() throws Exception {
        if (xvfb != null) {
            xvfb.destroy();
            if (!xvfb.waitFor(10, TimeUnit.SECONDS)) xvfb.destroyForcibly();
        }
    }

    @Test
    void windowOpensRunsAndDrawsTheMap(@TempDir Path tmp) throws Exception {
        Path shot = tmp.resolve("window.png");
        Child c = runOnXvfb(tmp, 240, "narcosim.cli.Main", "gui", "scenarios/classroom-balloon.yaml", "--strategy",
                "corridor-crackdown", "--seed", "11", "--weeks", String.valueOf(WEEKS), "--screenshot", shot.toString());
        String out = c.out(), err = c.err();
        assertEquals(0, c.exit(), out + err);
        assertTrue(!err.contains("Exception"), "no exceptions on the Swing thread:\n" + err);

        // Same model: the outcomes the window printed are those of the same run stepped without windows.
        RunConfig cfg = SameModelTest.config("classroom-balloon.yaml", "corridor-crackdown", 11);
        NarcoModelWithUI headless = new NarcoModelWithUI(new NarcoModel(cfg));
        headless.start();
        while (headless.state.schedule.getSteps() < WEEKS) headless.step();
        assertTrue(out.contains(GuiCommand.outcomes(headless.model())), "window and headless runs differ:\n" + out
                + "\nheadless: " + GuiCommand.outcomes(headless.model()));
        assertTrue(out.startsWith("campaign week " + (WEEKS - headless.model().burnInWeeks() - 1) + ": "), out);

        Path kept = keep(shot, "gui-xvfb-test.png");
        BufferedImage img = ImageIO.read(shot.toFile());
        assertTrue(img.getWidth() >= 1000 && img.getHeight() >= 700, "screenshot " + img.getWidth() + "x" + img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y) & 0xFFFFFF);
        }
        assertTrue(colours.size() > 50, "the screenshot is nearly blank: " + colours.size() + " colours");

        // The paints the map must use this week: each busy route's pressure colour, each community's trust colour.
        Set<Integer> routePaint = new HashSet<>();
        for (LinkView v : headless.map().linkViews()) {
            if (v.getRecentFlowKgWeek() > 1) routePaint.add(Palette.pressure(v.getUnitsWatching()).getRGB() & 0xFFFFFF);
        }
        Set<Integer> placePaint = new HashSet<>();
        for (PlaceView v : headless.map().placeViews()) {
            if (v.community() != null) placePaint.add(Palette.trust(v.getMeanTrust()).getRGB() & 0xFFFFFF);
        }
        // The map sits at the top left (Classroom lays the windows out) below its tool bar; its legend is below it.
        int routes = 0, places = 0, cocaRing = 0, black = 0, land = 0;
        for (int y = 30; y < 25 + NarcoModelWithUI.MAP_HEIGHT; y++) {
            for (int x = 5; x < NarcoModelWithUI.MAP_WIDTH - 10; x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (routePaint.contains(rgb)) routes++;
                if (placePaint.contains(rgb)) places++;
                if (near(new Color(rgb), Palette.PRODUCTION, 40)) cocaRing++;
                if (rgb == 0) black++;
                if (rgb == (Palette.LAND.getRGB() & 0xFFFFFF)) land++;
            }
        }
        String counts = "routes " + routes + ", places " + places + ", coca ring " + cocaRing + ", black " + black
                + ", land " + land + " (screenshot kept at " + kept + ")";
        assertTrue(routes > 300, "routes drawn: " + counts);
        assertTrue(places > 30, "communities drawn: " + counts);
        assertTrue(cocaRing > 10, "coca zone drawn: " + counts);
        assertTrue(black > 50, "market and shipments drawn: " + counts);
        assertTrue(land > 5000, "coastline drawn: " + counts);
    }

    /**
     * The map works away from the Americas and when zoomed in (issue 15): a West African test scenario
     * opened at zoom 3 on its coca zone shows land and sea from Natural Earth, and names the places in view.
     */
    @Test
    void aWestAfricanMapZoomedInShowsLandSeaAndNames(@TempDir Path tmp) throws Exception {
        Path shot = tmp.resolve("west-africa.png");
        Child c = runOnXvfb(tmp, 180, MapProbe.class.getName(), "src/test/resources/scenarios/west-africa-map.yaml",
                "sea-patrols", "3", "60", shot.toString());
        String out = c.out();
        assertEquals(0, c.exit(), out + c.err());
        assertTrue(!c.err().contains("Exception"), "no exceptions on the Swing thread:\n" + c.err());
        assertTrue(out.contains("scale: 3.0"), "zoomed in 3 times:\n" + out);
        BufferedImage img = ImageIO.read(shot.toFile());
        int land = 0, sea = 0;
        for (int y = 30; y < 25 + NarcoModelWithUI.MAP_HEIGHT - 40; y++) {
            for (int x = 5; x < NarcoModelWithUI.MAP_WIDTH - 30; x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb == (Palette.LAND.getRGB() & 0xFFFFFF)) land++;
                if (rgb == (Palette.OCEAN.getRGB() & 0xFFFFFF)) sea++;
            }
        }
        String counts = "land " + land + ", sea " + sea + " pixels (screenshot kept at " + keep(shot, "gui-xvfb-west-africa.png")
                + ")\n" + out;
        assertTrue(land > 100_000, "the map shows land: " + counts);
        assertTrue(sea > 1_000, "and some sea: " + counts);
        // Zoomed in on the source, Fouta Djallon, the map shows it and its port Conakry, named.
        assertTrue(out.contains("named: fouta=Fouta Djallon (stand-in source)"), counts);
        assertTrue(out.contains("named: conakry=Conakry"), counts);
    }

    /**
     * One week number everywhere (issue 15): after {@code --weeks N} the Console, the Model tab, the map, every
     * chart's last point and the printed line all show the campaign week just completed, N - burn-in - 1.
     */
    @Test
    void everyWeekNumberTheWindowShowsIsTheSame(@TempDir Path tmp) throws Exception {
        long weeks = 70;
        Child c = runOnXvfb(tmp, 180, WeekProbe.class.getName(), String.valueOf(weeks), tmp.resolve("week.png").toString());
        assertEquals(0, c.exit(), c.out() + c.err());
        long burnIn = SameModelTest.config("classroom-balloon.yaml", "corridor-crackdown", 11).params().integer("run.burn_in_weeks");
        String expected = String.valueOf(weeks - burnIn - 1);
        List<String> shown = c.out().lines().filter(l -> l.startsWith("shown: ")).toList();
        for (String where : new String[] {"console", "model tab", "map", "chart delivered_kg", "chart recruits", "printed"}) {
            assertTrue(shown.stream().anyMatch(l -> l.startsWith("shown: " + where + "=")), where + " shows a week:\n" + c.out());
        }
        for (String l : shown) {
            assertEquals(expected, l.substring(l.indexOf('=') + 1), "after --weeks " + weeks + ", " + l + "\n" + c.out());
        }
        // The Model tab's controls carry the registry's labels, and resting the pointer on one shows what it does.
        List<String> tips = c.out().lines().filter(l -> l.startsWith("tooltip: ")).map(l -> l.substring(9)).toList();
        for (String label : new String[] {"Military share of budget", narcosim.scenario.Params.get("military.targeting").label(),
            narcosim.scenario.Params.get("military.rules_of_engagement").label()}) {
            String tip = tips.stream().filter(t -> t.startsWith(label + "=")).findFirst().orElse(label + "=");
            assertTrue(tip.length() > label.length() + 20, "a tooltip on " + label + ": " + tips);
        }
    }

    @Test
    void doubleClickingAPlaceInspectsItsCommunity(@TempDir Path tmp) throws Exception {
        Child c = runOnXvfb(tmp, 180, ClickProbe.class.getName(), "tumaco");
        String out = c.out();
        assertEquals(0, c.exit(), "no inspector after double-clicking Tumaco:\n" + out + c.err());
        for (String shown : new String[] {"Tumaco", "Trust in the state (0-1)", "Recruits to trafficking, last week",
            "Kg through it, last week", "Police units", "Military units on its routes"}) {
            assertTrue(out.contains(shown), shown + " not in the inspector:\n" + out);
        }
    }

    /** A finished child JVM: exit code, stdout, stderr. */
    record Child(int exit, String out, String err) {
    }

    /**
     * Runs a main class in a separate JVM on the test's Xvfb (skipping the test, saying why, without one):
     * not headless, preferences in the temporary directory, killed after the timeout (a failure).
     */
    private static Child runOnXvfb(Path tmp, int timeoutSeconds, String... mainAndArgs) throws Exception {
        assumeTrue(Files.isExecutable(XVFB), "skipped: no " + XVFB + " (apt-get install xvfb) to run the window on");
        assumeTrue(xvfb != null, "skipped: Xvfb would not start on any display :91 to :139");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=false", "-Djava.util.prefs.userRoot=" + tmp.resolve("prefs"), "-Xmx512m",
                "-cp", classpath));
        cmd.addAll(List.of(mainAndArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("DISPLAY", ":" + display);
        Process child = pb.start();
        boolean done = child.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
        assertTrue(done, "the window did not finish within " + timeoutSeconds + " s\n" + out + err);
        return new Child(child.exitValue(), out, err);
    }

    private static boolean near(Color c, Color target, int tolerance) {
        return Math.abs(c.getRed() - target.getRed()) + Math.abs(c.getGreen() - target.getGreen())
                + Math.abs(c.getBlue() - target.getBlue()) <= tolerance;
    }

    /** Copies the screenshot under target/ so a person can look at it after the build. */
    private static Path keep(Path shot, String name) throws Exception {
        Path kept = Path.of("target", name);
        Files.createDirectories(kept.getParent());
        Files.copy(shot, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return kept;
    }
}
