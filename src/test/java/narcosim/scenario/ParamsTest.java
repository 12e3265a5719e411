package narcosim.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The parameter registry: every declaration is consistent, and values are checked against it. */
class ParamsTest {

    /** Sections a scenario file may hold; a new one should be a deliberate, documented change. */
    static final Set<String> KNOWN_SECTIONS = Set.of("run", "residents", "cartel", "shipment", "market", "military",
            "police", "port", "development", "eradication", "partnership", "violence");

    /** Top-level keys of a scenario file that are not parameter sections (see ScenarioLoader). */
    static final Set<String> SCENARIO_KEYS = Set.of("name", "description", "budget", "nations", "places", "links",
            "cartels", "strategies");

    static Stream<Param> params() {
        return Params.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("params")
    void defaultLiesInItsRangeAndCoercesToItself(Param p) {
        Object def = p.defaultValue();
        switch (p.type()) {
            case REAL -> {
                assertTrue(def instanceof Double, p.key() + " default should be a Double, is " + def.getClass());
                double d = (Double) def;
                assertTrue(p.min() <= d && d <= p.max(), p.key() + " default " + d + " outside " + p.expected());
            }
            case INTEGER -> {
                assertTrue(def instanceof Integer, p.key() + " default should be an Integer, is " + def.getClass());
                int i = (Integer) def;
                assertTrue(p.min() <= i && i <= p.max(), p.key() + " default " + i + " outside " + p.expected());
                assertEquals(Math.rint(p.min()), p.min(), p.key() + ": whole-number bounds");
                assertEquals(Math.rint(p.max()), p.max(), p.key() + ": whole-number bounds");
            }
            case BOOLEAN -> assertTrue(def instanceof Boolean, p.key());
            case CHOICE -> {
                assertTrue(p.choices().size() >= 2, p.key() + " offers a choice");
                assertTrue(p.choices().contains(def), p.key() + " default " + def + " not one of " + p.choices());
                assertEquals(p.choices().size(), new HashSet<>(p.choices()).size(), p.key() + ": choices unique");
            }
            case NATION, REGION -> assertEquals("none", def, p.key() + ": no scenario's ids can be assumed by default");
        }
        assertEquals(def, p.coerce(def), p.key() + " default must coerce to itself");
        assertEquals(def, p.coerce(String.valueOf(def)), p.key() + " default written as text (--set) must coerce to itself");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("params")
    void declarationIsComplete(Param p) {
        assertAll(p.key(),
                () -> assertTrue(p.key().matches("[a-z]+\\.[a-z0-9_]+"), "key is section.name in snake case"),
                () -> assertTrue(p.min() <= p.max(), "min <= max"),
                () -> assertFalse(p.description().isBlank(), "has a description"),
                () -> assertTrue(p.description().endsWith(".") || p.description().endsWith(")"),
                        "description is a sentence: " + p.description()),
                () -> assertFalse(p.expected().isBlank()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("params")
    void valuesOutsideTheRangeAreRejected(Param p) {
        switch (p.type()) {
            case REAL, INTEGER -> {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.coerce(p.max() + 1));
                assertTrue(e.getMessage().startsWith("expected " + p.expected()), e.getMessage());
                assertThrows(IllegalArgumentException.class, () -> p.coerce(p.min() - 1));
                assertThrows(IllegalArgumentException.class, () -> p.coerce(Double.NaN));
                assertThrows(IllegalArgumentException.class, () -> p.coerce("lots"));
                assertThrows(IllegalArgumentException.class, () -> p.coerce(true));
                if (p.type() == Param.Type.INTEGER) {
                    assertThrows(IllegalArgumentException.class, () -> p.coerce(p.min() + 0.5));
                }
            }
            case BOOLEAN -> {
                assertThrows(IllegalArgumentException.class, () -> p.coerce("yes please"));
                assertThrows(IllegalArgumentException.class, () -> p.coerce(1));
            }
            case CHOICE -> assertThrows(IllegalArgumentException.class, () -> p.coerce("none-of-these"));
            case NATION, REGION -> {
                assertThrows(IllegalArgumentException.class, () -> p.coerce(""));
                assertThrows(IllegalArgumentException.class, () -> p.coerce(3));
            }
        }
    }

    @Test
    void keysAreUnique() {
        List<String> keys = Params.all().stream().map(Param::key).toList();
        assertEquals(keys.size(), new HashSet<>(keys).size(), "duplicate keys in " + keys);
        assertTrue(keys.size() > 100, "the registry holds the model's parameters, got " + keys.size());
    }

    @Test
    void sectionsAreKnownAndDoNotClashWithScenarioKeys() {
        assertEquals(KNOWN_SECTIONS, new HashSet<>(Params.sections()));
        for (String s : Params.sections()) {
            assertFalse(SCENARIO_KEYS.contains(s), s + " would clash with a scenario key");
            assertFalse(Params.keysIn(s).isEmpty(), s);
        }
        int total = Params.sections().stream().mapToInt(s -> Params.keysIn(s).size()).sum();
        assertEquals(Params.all().size(), total, "every parameter is in exactly one section");
    }

    @Test
    void lookupAndSectionSplit() {
        Param p = Params.get("military.targeting");
        assertEquals("military", p.section());
        assertEquals("targeting", p.name());
        assertTrue(Params.has("military.targeting"));
        assertFalse(Params.has("military.targetting"));
        assertEquals(null, Params.get("military"));
        assertTrue(Params.keysIn("military").contains("targeting"));
    }

    @Test
    void defaultMilitaryMixSpendsTheWholeMilitaryBudget() {
        ParamValues d = ParamValues.defaults();
        double mix = d.real("military.mix_boat") + d.real("military.mix_aircraft") + d.real("military.mix_ground")
                + d.real("military.mix_surveillance");
        assertEquals(1.0, mix, 1e-9);
    }

    @Test
    void paramValuesHoldEveryDefaultAndCheckOverrides() {
        ParamValues d = ParamValues.defaults();
        assertEquals(Params.defaults(), d.asMap());
        assertEquals(Params.all().size(), d.asMap().size());
        ParamValues v = d.with("run.years", "3");
        assertEquals(3, v.integer("run.years"));
        assertEquals(10, d.integer("run.years"), "with() returns a copy");
        assertThrows(IllegalArgumentException.class, () -> d.with("run.years", 0));
        assertThrows(IllegalArgumentException.class, () -> d.with(Map.of("run.yeers", 3)));
        assertThrows(IllegalArgumentException.class, () -> d.real("run.yeers"));
        assertThrows(UnsupportedOperationException.class, () -> d.asMap().put("run.years", 5));
    }

    @Test
    void coercionOfTypicalValues() {
        assertEquals(3, Params.get("run.years").coerce(3L));
        assertEquals(3, Params.get("run.years").coerce(3.0));
        assertEquals(0.25, Params.get("military.interdict_prob").coerce(" 0.25 "));
        assertEquals(true, Params.get("police.vetting").coerce("TRUE"));
        assertEquals("intelligence", Params.get("military.targeting").coerce("intelligence"));
        assertEquals("expected a whole number from 1 to 50, got 51",
                assertThrows(IllegalArgumentException.class, () -> Params.get("run.years").coerce(51)).getMessage());
    }

    // ------------------------------------------------------------------ properties

    @Provide
    Arbitrary<Map.Entry<Param, Double>> numericParamAndValueInRange() {
        Arbitrary<Param> ps = Arbitraries.of(Params.all().stream()
                .filter(p -> p.type() == Param.Type.REAL || p.type() == Param.Type.INTEGER).toList());
        return ps.flatMap(p -> Combinators.combine(Arbitraries.just(p),
                Arbitraries.doubles().between(p.min(), p.max()).ofScale(6)).as(Map::entry));
    }

    @Property(tries = 300)
    void anyNumberInRangeIsAccepted(@ForAll("numericParamAndValueInRange") Map.Entry<Param, Double> e) {
        Param p = e.getKey();
        double v = p.type() == Param.Type.INTEGER ? Math.rint(e.getValue()) : e.getValue();
        Object c = p.coerce(v);
        assertEquals(v, ((Number) c).doubleValue(), 0.0, p.key());
        assertEquals(c, p.coerce(Double.toString(v)), p.key() + ": as text");
    }

    @Property(tries = 300)
    void editDistanceIsAMetric(@ForAll("words") String a, @ForAll("words") String b, @ForAll("words") String c) {
        assertEquals(0, YamlNodes.distance(a, a));
        assertEquals(YamlNodes.distance(a, b), YamlNodes.distance(b, a));
        assertTrue(YamlNodes.distance(a, c) <= YamlNodes.distance(a, b) + YamlNodes.distance(b, c));
        assertTrue(YamlNodes.distance(a, b) <= Math.max(a.length(), b.length()));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcde_.").ofMaxLength(8);
    }

    @Test
    void suggestionFindsOneTypoButNotNonsense() {
        List<String> keys = Params.all().stream().map(Param::key).toList();
        for (String k : keys) {
            String typo = k.substring(0, k.length() - 1);
            String hint = YamlNodes.suggest(typo, keys);
            assertTrue(hint.matches(" \\(did you mean '[a-z_.0-9]+'\\?\\)"), typo + ": " + hint);
            String suggested = hint.substring(hint.indexOf('\'') + 1, hint.lastIndexOf('\''));
            assertEquals(1, YamlNodes.distance(typo, suggested), typo + " -> " + suggested);
        }
        assertEquals("", YamlNodes.suggest("qqqqqqqqqqqqqqqq", keys));
        assertEquals("", YamlNodes.suggest("x", List.of()));
    }
}
