package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import narcosim.scenario.Specs;

/** What each type of military unit watches. */
class MilitaryUnitTest {

    @Test
    void eachTypeCoversItsModes() {
        assertTrue(MilitaryUnit.Type.BOAT.covers(Specs.Mode.SEA));
        assertFalse(MilitaryUnit.Type.BOAT.covers(Specs.Mode.LAND));
        assertTrue(MilitaryUnit.Type.AIRCRAFT.covers(Specs.Mode.AIR));
        assertTrue(MilitaryUnit.Type.AIRCRAFT.covers(Specs.Mode.SEA));
        assertFalse(MilitaryUnit.Type.AIRCRAFT.covers(Specs.Mode.LAND));
        assertTrue(MilitaryUnit.Type.GROUND.covers(Specs.Mode.LAND));
        assertFalse(MilitaryUnit.Type.GROUND.covers(Specs.Mode.SEA));
        for (Specs.Mode m : Specs.Mode.values()) assertTrue(MilitaryUnit.Type.SURVEILLANCE.covers(m));
    }
}
