package narcosim.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.SwingUtilities;

import narcosim.scenario.RunConfig;
import narcosim.scenario.ScenarioLoader;

/**
 * Run by {@link GuiXvfbTest} in its own JVM on a virtual screen: opens the window on a scenario and
 * strategy with the map zoomed in ({@code narcosim gui --zoom}), runs a number of weeks, saves a
 * screenshot, and prints the Display's scale and each place name the map shows wholly in view
 * ("named: id=text").
 */
public final class MapProbe {

    private MapProbe() {
    }

    /** Arguments: scenario file, strategy, zoom, weeks, screenshot file. */
    public static void main(String[] args) throws Exception {
        RunConfig cfg = ScenarioLoader.load(Path.of(args[0]), List.of()).forStrategy(args[1], 11);
        Classroom room = Classroom.open(cfg, Double.parseDouble(args[2]));
        room.runWeeks(Long.parseLong(args[3]), 240);
        room.screenshot(Path.of(args[4]));
        AtomicReference<Map<String, String>> named = new AtomicReference<>();
        AtomicReference<Double> scale = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            named.set(new TreeMap<>(room.gui().namesInView()));
            scale.set(room.gui().display().getScale());
        });
        System.out.println("scale: " + scale.get());
        named.get().forEach((id, text) -> System.out.println("named: " + id + "=" + text));
        room.close();
        System.exit(0);
    }
}
