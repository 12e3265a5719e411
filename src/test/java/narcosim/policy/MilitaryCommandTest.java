package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import narcosim.agents.MilitaryUnit;
import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.world.Link;

/** Constants of the military command that live in the parameter registry act as declared. */
class MilitaryCommandTest {

    private static NarcoModel crackdown(String... sets) {
        return PolicyModels.started(TestModels.BALLOON, "corridor-crackdown", 4, sets);
    }

    /** Military seizures over half a year of a crackdown whose units see everything they may. */
    private static int militarySeizures(String detectMax) {
        NarcoModel m = crackdown("military.detect_boat=1", "military.detect_aircraft=1", "military.detect_ground=1",
                "military.interdict_prob=1", "military.detect_max=" + detectMax);
        int[] n = new int[1];
        m.events().register(e -> {
            if (e instanceof Event.Seized s && s.by() == Event.Agency.MILITARY) n[0]++;
        });
        TestModels.steps(m, 4 + 26);
        return n[0];
    }

    @Test
    void detectionNeverExceedsItsCap() {
        assertEquals(0, militarySeizures("0"), "a cap of 0 detects nothing");
        assertTrue(militarySeizures("0.95") > 0, "the default cap lets units seize");
    }

    /** Distinct links the units of each nation and type are posted on, after deployment. */
    private static Map<String, Set<Link>> postsByGroup(NarcoModel m) {
        TestModels.steps(m, 5);
        List<MilitaryUnit> units = m.campaign().military();
        assertTrue(units.size() > 2, "units bought");
        return units.stream().filter(u -> u.post() != null).collect(Collectors.groupingBy(
                u -> u.nation.id() + " " + u.type, Collectors.mapping(MilitaryUnit::post, Collectors.toSet())));
    }

    @Test
    void aStaticDoctrineSpreadsEachGroupOverTheDeclaredChokepoints() {
        Map<String, Set<Link>> one = postsByGroup(crackdown("military.static_chokepoints=1",
                "military.static_units_per_chokepoint=10000"));
        assertTrue(one.values().stream().allMatch(s -> s.size() == 1), "one chokepoint per group: " + one);
        Map<String, Set<Link>> spread = postsByGroup(crackdown());
        assertTrue(spread.values().stream().anyMatch(s -> s.size() > 1), "the default spreads a group: " + spread);
    }
}
