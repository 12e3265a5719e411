package narcosim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import narcosim.model.NarcoModel;
import sim.util.Interval;
import sim.util.SimpleProperties;

/** What MASON's inspectors will show: read through MASON's own property reader, as the Console does. */
class InspectorsTest {

    private static Map<String, Integer> byName(SimpleProperties p) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < p.numProperties(); i++) m.put(p.getName(i), i);
        return m;
    }

    @Test
    void modelInspectorHasShareSlidersAndDoctrineCheckBoxes() throws Exception {
        NarcoModelWithUI gui = new NarcoModelWithUI(new NarcoModel(
                SameModelTest.config("classroom-hearts-and-minds.yaml", "heavy-handed", 1, "run.years=1")));
        SimpleProperties p = new SimpleProperties(gui.getSimulationInspectedObject());
        Map<String, Integer> at = byName(p);
        for (String share : new String[] {"Military share of budget", "Police share of budget",
            "Development share of budget", "Partnership share of budget"}) {
            int i = at.get(share);
            assertTrue(p.isReadWrite(i), share);
            Interval d = (Interval) p.getDomain(i);
            assertEquals(0.0, d.getMin().doubleValue());
            assertEquals(1.0, d.getMax().doubleValue());
            assertTrue(p.getDescription(i).startsWith("Share of the budget for"), "a tooltip: " + p.getDescription(i));
        }
        for (String key : new String[] {"military.targeting", "military.rules_of_engagement", "eradication.enabled",
            "police.leadership_targeting"}) {
            narcosim.scenario.Param lever = narcosim.scenario.Params.get(key);
            int i = at.get(lever.label());
            assertTrue(p.isReadWrite(i), key);
            assertEquals(boolean.class, p.getType(i), key);
            assertEquals(lever.description(), p.getDescription(i), "the registry's description is the tooltip");
        }
        assertEquals(0.9, (Double) p.getValue(at.get("Military share of budget")), 1e-12);
        assertEquals(Boolean.TRUE, p.getValue(at.get("Permissive rules of engagement")));
        assertFalse(p.isReadWrite(at.get("Week")));
        assertEquals("before campaign week -52", p.getValue(at.get("Week")), "nothing has run yet");

        // Changed before the run starts, a switch is applied when it starts.
        p.setValue(at.get("Permissive rules of engagement"), Boolean.FALSE);
        gui.start();
        assertFalse(gui.model().campaign().doctrine().permissive());
        assertEquals(Boolean.FALSE, p.getValue(at.get("Permissive rules of engagement")));
        // A share moved while running: the others keep their proportions and all add up to 1.
        p.setValue(at.get("Police share of budget"), 0.5);
        var s = gui.model().campaign().shares();
        assertEquals(0.5, s.police(), 1e-12);
        assertEquals(1.0, s.military() + s.police() + s.development() + s.partnership(), 1e-9);
    }

    @Test
    void clickingAPlaceShowsItsCommunityFlowsAndForces() throws Exception {
        NarcoModelWithUI gui = new NarcoModelWithUI(new NarcoModel(
                SameModelTest.config("classroom-hearts-and-minds.yaml", "hearts-and-minds", 1, "run.years=1")));
        gui.start();
        for (int w = 0; w < 70; w++) gui.step();
        PlaceView guapi = gui.map().placeViews().stream().filter(v -> v.place().id().equals("guapi")).findFirst()
                .orElseThrow();
        SimpleProperties p = new SimpleProperties(guapi);
        Map<String, Integer> at = byName(p);
        for (String name : new String[] {"Place", "Resident agents", "Trust in the state (0-1)", "Fear of cartels (0-1)",
            "Recruits to trafficking, last week", "Tips to police, last week", "Kg through it, last week",
            "Kg inbound, this week", "Kg outbound, this week", "Police units", "Honest police units",
            "Military units on its routes", "Development programmes"}) {
            assertTrue(at.containsKey(name), name + " in " + at.keySet());
            assertFalse(p.isReadWrite(at.get(name)), name + " is read-only");
        }
        assertEquals(guapi.community().meanTrust(), (Double) p.getValue(at.get("Trust in the state (0-1)")));
        assertTrue((Integer) p.getValue(at.get("Police units")) > 0, "hearts and minds posts police in Guapi");
        assertLabelledForPeople(p);

        LinkView route = gui.map().linkViews().get(0);
        SimpleProperties r = new SimpleProperties(route);
        Map<String, Integer> rat = byName(r);
        for (String name : new String[] {"Flow, kg a week (recent)", "Military units watching it", "Seized, kg a week (recent)",
            "Seizure risk the traffickers see", "Capacity, kg a week"}) {
            assertTrue(rat.containsKey(name), name + " in " + rat.keySet());
        }
        assertEquals(route.getUnitsWatching(), r.getValue(rat.get("Military units watching it")));
        assertLabelledForPeople(r);
    }

    /** Every property has a name in words (not a Java property name like "MeanTrust") and a tooltip. */
    private static void assertLabelledForPeople(SimpleProperties p) {
        for (int i = 0; i < p.numProperties(); i++) {
            String name = p.getName(i);
            assertFalse(name.matches("([A-Z][a-z]+){2,}"), "a Java property name: " + name);
            assertTrue(p.getDescription(i) != null && p.getDescription(i).length() > 10, name + " has a tooltip");
        }
    }

    @Test
    void preferencesGoToTheCacheUnlessSet() {
        String before = System.getProperty("java.util.prefs.userRoot");
        try {
            System.clearProperty("java.util.prefs.userRoot");
            Classroom.keepPreferencesInCache();
            String root = System.getProperty("java.util.prefs.userRoot");
            assertTrue(root.endsWith("narcosim/prefs") && !root.equals(System.getProperty("user.home")), root);
            System.setProperty("java.util.prefs.userRoot", "/elsewhere");
            Classroom.keepPreferencesInCache();
            assertEquals("/elsewhere", System.getProperty("java.util.prefs.userRoot"));
        } finally {
            if (before == null) System.clearProperty("java.util.prefs.userRoot");
            else System.setProperty("java.util.prefs.userRoot", before);
        }
    }
}
