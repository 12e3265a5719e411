package narcosim.gui;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import narcosim.scenario.RunConfig;
import narcosim.scenario.ScenarioLoader;

/**
 * Run by {@link GuiXvfbTest} in its own JVM on a virtual screen: opens the window as {@code narcosim gui
 * --weeks N --screenshot FILE} does, and prints, one a line, every week number the window then shows, with
 * where it shows it: the Console's time readout, the Model tab, the map's corner, each chart's last point,
 * and the line the command prints; then the Model tab's labels with their tooltips.
 */
public final class WeekProbe {

    private static final Pattern WEEK = Pattern.compile("(?i)\\bweek (-?\\d+)");

    private WeekProbe() {
    }

    public static void main(String[] args) throws Exception {
        long weeks = Long.parseLong(args[0]);
        RunConfig cfg = ScenarioLoader.load(Path.of("scenarios", "classroom-balloon.yaml"), List.of())
                .forStrategy("corridor-crackdown", 11);
        Classroom room = Classroom.open(cfg);
        room.showModelTab();
        room.runWeeks(weeks, 240);
        room.screenshot(Path.of(args[1]));
        List<String> shown = new ArrayList<>();
        List<String> tooltips = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            NarcoModelWithUI gui = room.gui();
            shown.add("console=" + number(room.console().timeText()));
            List<String> texts = new ArrayList<>();
            collect((Component) room.console().getModelInspector(), texts);
            for (String t : texts) {
                if (WEEK.matcher(t).find()) shown.add("model tab=" + number(t));
            }
            shown.add("map=" + number(gui.weekPortrayal().drawn()));
            for (LiveCharts.Chart c : LiveCharts.CHARTS) {
                shown.add("chart " + c.column() + "=" + Math.round(gui.charts().series(c.column()).getMaxX()));
            }
            shown.add("printed=" + number(Classroom.outcomes(gui.model())));
            tips((Component) room.console().getModelInspector(), tooltips);
        });
        for (String s : shown) System.out.println("shown: " + s);
        for (String s : tooltips) System.out.println("tooltip: " + s);
        room.close();
        System.exit(0);
    }

    /** The number after "week" in a text, or the text itself when it has none (so that the test fails saying it). */
    private static String number(String text) {
        Matcher m = WEEK.matcher(text == null ? "" : text);
        return m.find() ? m.group(1) : "'" + text + "'";
    }

    /** The Model tab's labels with the tooltip each shows ("label=tooltip"). */
    private static void tips(Component c, List<String> out) {
        if (c instanceof JLabel l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l.getText().strip() + "=" + (l.getToolTipText() == null ? "" : l.getToolTipText()));
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) tips(child, out);
        }
    }

    private static void collect(Component c, List<String> out) {
        if (c instanceof JLabel l && l.getText() != null && !l.getText().isBlank()) out.add(l.getText().strip());
        if (c instanceof JTextComponent t && !t.getText().isBlank()) out.add(t.getText().strip());
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) collect(child, out);
        }
    }
}
