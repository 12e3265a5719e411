package narcosim.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A rule threshold as a coordinate of the search: its grain, its ends, and the overrides and key it makes. */
class SpaceThresholdTest {

    @Test
    void aThresholdIsOnItsGrainAndReachesBothEnds() {
        Space.Threshold t = Space.Threshold.of("trust-low", "below", 0, 1, "test");
        assertEquals("0.001", t.step().toPlainString());
        assertEquals("0", t.at(0).toPlainString());
        assertEquals("1", t.at(1).toPlainString());
        assertEquals("0.123", t.at(0.12345).toPlainString());
        assertEquals("0.5", t.at(0.5).toPlainString());
        // A flow's range: the grain follows the range's order of magnitude; the ends move onto it, inwards.
        Space.Threshold f = Space.Threshold.of("r", "above", 25000.4, 74999.6, "test");
        assertEquals("10", f.step().toPlainString());
        assertEquals("25010", f.low().toPlainString());
        assertEquals("74990", f.high().toPlainString());
        assertEquals("50000", f.at(0.5).toPlainString());
        Space.Threshold c = Space.Threshold.of("1", "above", -0.5, 0.5, "test");
        assertEquals("-0.5", c.at(-3).toPlainString(), "outside the cube: clamped");
        assertEquals("-0.1", c.at(0.4).toPlainString());
        assertThrows(IllegalArgumentException.class, () -> Space.Threshold.of("r", "below", 1, 1, "test"));
    }

    @Test
    void aCandidateSetsItsRulesThresholdsAndIsKnownByThem() {
        Space space = new Space("adaptive", List.of(new Space.Switch("police.vetting", List.of("false", "true"))),
                List.of(Space.Threshold.of("trust-low", "below", 0, 1, "test"),
                        Space.Threshold.of("1", "above", -0.5, 0.5, "test")));
        assertEquals(6, space.dimensions());
        Space.Candidate a = space.decode(new double[] {0.5, 0.5, 0.5, 0.9, 0.25, 0.75});
        assertEquals("0.25", a.threshold(0));
        assertEquals("0.25", a.threshold(1));
        Map<String, Object> v = a.values(space);
        assertEquals("0.25", v.get("strategies.adaptive.rules.trust-low.below"));
        assertEquals("0.25", v.get("strategies.adaptive.rules.1.above"));
        assertEquals("{police.vetting: true}", v.get("strategies.adaptive.doctrine"));
        assertEquals(true, a.key(space).endsWith(";police.vetting=true;rules.trust-low.below=0.25;rules.1.above=0.25"),
                a.key(space));
        // Another threshold is another candidate; the same one after rounding onto the grain is the same.
        Space.Candidate b = space.decode(new double[] {0.5, 0.5, 0.5, 0.9, 0.2504, 0.75});
        Space.Candidate c = space.decode(new double[] {0.5, 0.5, 0.5, 0.9, 0.26, 0.75});
        assertEquals(a.key(space), b.key(space));
        assertEquals(false, a.key(space).equals(c.key(space)));
        // Without thresholds, the space and its candidates are as they always were.
        Space plain = new Space("t", space.switches());
        assertEquals(4, plain.dimensions());
        assertEquals(2, plain.decode(new double[] {0.5, 0.5, 0.5, 0.9}).values(plain).size());
    }
}
