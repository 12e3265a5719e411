package narcosim.gui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import narcosim.scenario.RunConfig;
import narcosim.scenario.ScenarioLoader;

/**
 * Run by {@link GuiXvfbTest} in its own JVM on a virtual screen: opens the window, runs a few weeks,
 * double-clicks a place on the map with the mouse (java.awt.Robot) and prints the texts of the inspector
 * the Console then shows. Exits 0 when it printed them, 1 when no inspector appeared.
 */
public final class ClickProbe {

    private ClickProbe() {
    }

    public static void main(String[] args) throws Exception {
        String placeId = args[0];
        RunConfig cfg = ScenarioLoader.load(Path.of("scenarios", "classroom-balloon.yaml"), List.of())
                .forStrategy("corridor-crackdown", 11);
        Classroom room = Classroom.open(cfg);
        room.runWeeks(60, 120);
        AtomicReference<Point> target = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            NarcoModelWithUI gui = room.gui();
            PlaceView v = gui.map().placeViews().stream().filter(p -> p.place().id().equals(placeId)).findFirst()
                    .orElseThrow();
            // Where MASON draws the place, in the inner display's coordinates, then on the screen.
            var info = gui.display().getDrawInfo2D(gui.placePortrayal(), new java.awt.geom.Point2D.Double(0, 0));
            java.awt.geom.Point2D.Double at = gui.placePortrayal().getObjectPosition(v, info);
            Point origin = gui.display().insideDisplay.getLocationOnScreen();
            target.set(new Point(origin.x + (int) Math.round(at.x), origin.y + (int) Math.round(at.y)));
        });
        System.out.println("clicking at " + target.get());
        Robot robot = new Robot();
        robot.mouseMove(target.get().x, target.get().y);
        robot.delay(300);
        for (int i = 0; i < 2; i++) {
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            robot.delay(60);
        }
        robot.delay(1500);
        if (args.length > 1) room.screenshot(Path.of(args[1]));
        List<String> texts = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            for (Object inspector : room.console().getAllInspectors()) collect((Component) inspector, texts);
        });
        System.out.println("inspected: " + String.join(" | ", texts));
        room.close();
        System.exit(texts.isEmpty() ? 1 : 0);
    }

    private static void collect(Component c, List<String> out) {
        if (c instanceof JLabel l && l.getText() != null && !l.getText().isBlank()) out.add(l.getText().strip());
        if (c instanceof JTextComponent t && !t.getText().isBlank()) out.add(t.getText().strip());
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) collect(child, out);
        }
    }
}
