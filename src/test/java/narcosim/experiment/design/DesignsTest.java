package narcosim.experiment.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Full factorial order, Latin hypercube stratification and seeding, Saltelli structure. */
class DesignsTest {

    private static final List<Factor> RANGES = List.of(
            Factor.range("a", 0, 1, false), Factor.range("b", -5, 5, false), Factor.range("c", 1, 20, true));

    @Test
    void fullFactorialListsEveryCombinationFirstFactorSlowest() {
        List<Map<String, Object>> grid = Designs.fullFactorial(List.of(
                Factor.levels("x", List.of(1, 2)), Factor.levels("y", List.of("p", "q", "r"))));
        assertEquals(6, grid.size());
        assertEquals(List.of(
                Map.of("x", 1, "y", "p"), Map.of("x", 1, "y", "q"), Map.of("x", 1, "y", "r"),
                Map.of("x", 2, "y", "p"), Map.of("x", 2, "y", "q"), Map.of("x", 2, "y", "r")), grid);
        assertEquals(List.of("x", "y"), new ArrayList<>(grid.get(0).keySet()));
        assertEquals(24, Designs.fullFactorial(List.of(Factor.levels("a", List.of(1, 2)),
                Factor.levels("b", List.of(1, 2, 3)), Factor.levels("c", List.of(1, 2, 3, 4)))).size());
    }

    @Test
    void fullFactorialRefusesRanges() {
        var e = assertThrows(IllegalArgumentException.class, () -> Designs.fullFactorial(List.of(
                Factor.levels("x", List.of(1, 2)), Factor.range("police.search_prob", 0, 0.3, false))));
        assertTrue(e.getMessage().contains("give levels for police.search_prob in a grid design"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Designs.latinHypercube(List.of(
                Factor.range("x", 0, 1, false), Factor.range("x", 0, 2, false)), 5, 1));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
    }

    @Test
    void latinHypercubePutsOnePointInEveryStratumOfEveryFactor() {
        int n = 50;
        double[][] u = Designs.unitLatinHypercube(4, n, 11);
        assertStratified(u, n, 4);
        // Through the public API: a factor with n levels takes each level exactly once.
        List<Map<String, Object>> design = Designs.latinHypercube(List.of(
                Factor.levels("s", IntStream.range(0, n).boxed().map(i -> (Object) i).toList()),
                Factor.range("b", -5, 5, false)), n, 11);
        assertEquals(n, design.size());
        assertEquals(n, design.stream().map(p -> p.get("s")).distinct().count());
        assertEquals(List.of("s", "b"), new ArrayList<>(design.get(0).keySet()));
    }

    @Property(tries = 150)
    void latinHypercubeIsStratifiedForAnySize(@ForAll @IntRange(min = 1, max = 200) int n,
                                              @ForAll @IntRange(min = 1, max = 6) int k,
                                              @ForAll long seed) {
        assertStratified(Designs.unitLatinHypercube(k, n, seed), n, k);
    }

    private static void assertStratified(double[][] u, int n, int k) {
        assertEquals(n, u.length);
        for (int j = 0; j < k; j++) {
            Set<Integer> strata = new HashSet<>();
            for (double[] row : u) {
                assertTrue(row[j] >= 0 && row[j] < 1, "unit coordinate " + row[j]);
                strata.add((int) Math.floor(row[j] * n));
            }
            assertEquals(n, strata.size(), "factor " + j + " misses a stratum");
        }
    }

    @Test
    void latinHypercubeIsReproducibleForASeedAndDiffersAcrossSeeds() {
        assertEquals(Designs.latinHypercube(RANGES, 20, 42), Designs.latinHypercube(RANGES, 20, 42));
        assertNotEquals(Designs.latinHypercube(RANGES, 20, 42), Designs.latinHypercube(RANGES, 20, 43));
    }

    @Test
    void latinHypercubeValuesAreInRangeAndTyped() {
        for (Map<String, Object> p : Designs.latinHypercube(RANGES, 100, 3)) {
            double a = (Double) p.get("a");
            double b = (Double) p.get("b");
            long c = (Long) p.get("c");
            assertTrue(a >= 0 && a <= 1 && b >= -5 && b <= 5 && c >= 1 && c <= 20, p.toString());
        }
    }

    @Test
    void designSizesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Designs.latinHypercube(RANGES, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Designs.saltelli(RANGES, 0));
        var one = assertThrows(IllegalArgumentException.class, () -> Designs.saltelli(RANGES.subList(0, 1), 8));
        assertTrue(one.getMessage().contains("a Sobol design needs at least 2 parameters"), one.getMessage());
    }

    @Test
    void saltelliHasNTimesKPlusTwoPointsWithTheABStructure() {
        int n = 64;
        SaltelliDesign d = Designs.saltelli(RANGES, n);
        int k = d.k();
        assertEquals(3, k);
        assertEquals(n * (k + 2), d.points().size());
        Set<Map<String, Object>> distinctA = new HashSet<>();
        for (int j = 0; j < n; j++) {
            Map<String, Object> a = d.points().get(j * (k + 2));
            Map<String, Object> b = d.points().get(j * (k + 2) + k + 1);
            distinctA.add(a);
            for (int i = 0; i < k; i++) {
                Map<String, Object> abi = d.points().get(j * (k + 2) + 1 + i);
                for (int c = 0; c < k; c++) {
                    String key = RANGES.get(c).key();
                    assertEquals(c == i ? b.get(key) : a.get(key), abi.get(key), "AB_" + i + " row " + j + " column " + key);
                }
            }
        }
        assertEquals(n, distinctA.size(), "A rows repeat");
        // The all-zero first Sobol point is skipped.
        assertNotEquals(0.0, d.points().get(0).get("a"));
        assertEquals(d.points(), Designs.saltelli(RANGES, n).points());
    }

    @Test
    void saltelliAcceptsLevelFactors() {
        SaltelliDesign d = Designs.saltelli(List.of(Factor.range("a", 0, 1, false),
                Factor.levels("roe", List.of("strict", "permissive"))), 16);
        assertEquals(16 * 4, d.points().size());
        assertEquals(Set.of("strict", "permissive"), new HashSet<>(d.points().stream().map(p -> p.get("roe")).toList()));
    }
}
