package sim.display;

import java.awt.Component;
import java.awt.Dimension;
import java.util.function.Supplier;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JLabel;
import javax.swing.JList;

/**
 * MASON's Console with the classroom window's week in its time readout: where MASON shows the schedule's
 * time (the last step's time, 179 after 180 weeks), this shows the same "campaign week N" as the charts,
 * the Model tab, the map's legend and the command's output (narcosim.gui.Week). The box's "Time" entry reads
 * "Week"; Steps, Rate and None are MASON's. It lives in MASON's package because the Console's time readout
 * ({@code updateTime}) is package-private; it only draws text, and never touches the model.
 */
public class ClassroomConsole extends Console {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<String> week;

    /** A Console whose time readout is {@code week}'s text (read after each step and on refresh). */
    public ClassroomConsole(GUIState gui, Supplier<String> week) {
        super(gui);
        this.week = week;
        timeBox.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                return super.getListCellRendererComponent(list, "Time".equals(value) ? "Week" : value, index, selected,
                        focus);
            }
        });
        Dimension d = new JLabel("campaign week -8888").getPreferredSize();
        time.setPreferredSize(new Dimension(Math.max(d.width, time.getPreferredSize().width), time.getPreferredSize().height));
    }

    @Override
    void updateTime(long steps, double t, double rate) {
        int shown;
        synchronized (this.time) {
            shown = showing;
        }
        if (shown != SHOWING_TIME || week == null) {
            super.updateTime(steps, t, rate);
            return;
        }
        synchronized (this.time) {
            lastRate = rate;
            lastSteps = steps;
            lastTime = t;
        }
        updateTimeText(simulation != null && simulation.state != null ? week.get() : "");
    }

    /** Redraws the time readout now (after a run paused, for instance). */
    public void refreshWeek() {
        updateTime();
    }

    /** The time readout's text as shown. */
    public String timeText() {
        return time.getText();
    }
}
