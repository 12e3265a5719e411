package narcosim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import narcosim.model.NarcoModel;

/**
 * Lesson 1 at a glance (issue 15): the corridor crackdown's watched east corridor is drawn in a pressure
 * colour on the map, the unwatched west corridor beyond the Tumaco watch in the no-pressure grey, whatever the
 * traffic does; and the colour scale darkens with every unit up to its full colour.
 */
class RouteColourTest {

    @Test
    void theWatchedCorridorStandsOutFromTheUnwatchedOne() throws Exception {
        NarcoModelWithUI gui = new NarcoModelWithUI(new NarcoModel(
                SameModelTest.config("classroom-balloon.yaml", "corridor-crackdown", 1, "run.years=1")));
        gui.start();
        long weeks = gui.model().config().params().integer("run.burn_in_weeks") + 20;
        while (gui.state.schedule.getSteps() < weeks) gui.step();
        Map<String, LinkView> byId = new HashMap<>();
        for (LinkView v : gui.map().linkViews()) byId.put(v.link().from.id() + ">" + v.link().to.id(), v);
        Color none = Palette.pressure(0);
        for (String east : new String[] {"tumaco>off_gorgona", "off_gorgona>off_cabo_marzo", "off_cabo_marzo>jaque",
            "jaque>colon"}) {
            LinkView v = byId.get(east);
            assertTrue(v.getUnitsWatching() >= 2, east + " is watched: " + v.getUnitsWatching());
            assertNotEquals(none, Palette.pressure(v.getUnitsWatching()), east);
        }
        for (String west : new String[] {"off_malpelo>off_punta_mala", "off_punta_mala>tonosi", "tonosi>colon"}) {
            LinkView v = byId.get(west);
            assertEquals(0, v.getUnitsWatching(), west + " is not watched");
            assertEquals(none, Palette.pressure(v.getUnitsWatching()), west);
            assertTrue(v.getRecentFlowKgWeek() > byId.get("off_gorgona>off_cabo_marzo").getRecentFlowKgWeek(),
                    "by week 19 the traffic has moved west: " + west);
        }
    }

    @Test
    void moreUnitsDarkerUpToFull() {
        double previous = brightness(Palette.pressure(0));
        for (int units = 1; units <= Palette.PRESSURE_FULL; units++) {
            double b = brightness(Palette.pressure(units));
            assertTrue(b < previous, units + " units darker than " + (units - 1));
            previous = b;
        }
        assertEquals(Palette.pressure(Palette.PRESSURE_FULL), Palette.pressure(Palette.PRESSURE_FULL + 3));
    }

    private static double brightness(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }
}
