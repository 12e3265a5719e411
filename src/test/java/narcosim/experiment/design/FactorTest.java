package narcosim.experiment.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Mapping unit coordinates to values, and the validation messages. */
class FactorTest {

    @Test
    void rangeMapsLinearly() {
        Factor f = Factor.range("cartel.loss_tolerance", 0.1, 0.5, false);
        assertTrue(f.isRange());
        assertEquals(0.1, (Double) f.at(0), 1e-15);
        assertEquals(0.3, (Double) f.at(0.5), 1e-15);
        assertEquals(0.5, (Double) f.at(1), 1e-15);
    }

    @Test
    void integerRangeRoundsToTheNearestInteger() {
        Factor f = Factor.range("run.years", 1, 10, true);
        assertEquals(1L, f.at(0));
        assertEquals(6L, f.at(0.5)); // 5.5 rounds up
        assertEquals(10L, f.at(0.999));
    }

    @Property(tries = 200)
    void integerRoundingStaysWithinTheRange(@ForAll @DoubleRange(min = -50, max = 50) double min,
                                            @ForAll @DoubleRange(min = 1, max = 30) double width,
                                            @ForAll @DoubleRange(min = 0, max = 1) double u) {
        Factor f = Factor.range("x", min, min + width, true);
        long v = (Long) f.at(u);
        assertTrue(v >= min && v <= min + width, v + " outside [" + min + ", " + (min + width) + "]");
    }

    @Test
    void levelFactorPicksTheLevelOfTheUnitInterval() {
        Factor f = Factor.levels("military.rules_of_engagement", List.of("strict", "permissive", "lax"));
        assertFalse(f.isRange());
        assertEquals("strict", f.at(0));
        assertEquals("strict", f.at(0.333));
        assertEquals("permissive", f.at(0.34));
        assertEquals("lax", f.at(0.9999));
        assertEquals("lax", f.at(1));
    }

    @Test
    void invalidFactorsAreRefusedWithTheKey() {
        var empty = assertThrows(IllegalArgumentException.class, () -> Factor.range("a.b", 2, 2, false));
        assertTrue(empty.getMessage().contains("empty range for a.b: min must be below max"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Factor.range("a.b", 3, 1, false));
        assertThrows(IllegalArgumentException.class, () -> Factor.range("a.b", 0, Double.NaN, false));
        var noInt = assertThrows(IllegalArgumentException.class, () -> Factor.range("a.b", 0.2, 0.8, true));
        assertTrue(noInt.getMessage().contains("a.b"), noInt.getMessage());
        var noLevels = assertThrows(IllegalArgumentException.class, () -> Factor.levels("c", List.of()));
        assertTrue(noLevels.getMessage().contains("no levels for c"), noLevels.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Factor.range("a.b", 0, 1, false).at(1.5));
    }
}
