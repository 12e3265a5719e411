package narcosim.experiment.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sobol indices against functions whose indices are known analytically. */
class SobolTest {

    private static final double A = 7;
    private static final double B = 0.1;
    private static SaltelliDesign ishigami;
    private static double[] ishigamiY;

    @BeforeAll
    static void runIshigami() {
        List<Factor> factors = List.of(Factor.range("x1", -Math.PI, Math.PI, false),
                Factor.range("x2", -Math.PI, Math.PI, false), Factor.range("x3", -Math.PI, Math.PI, false));
        ishigami = Designs.saltelli(factors, 1024);
        // Ishigami & Homma 1990
        ishigamiY = outputs(ishigami, p -> {
            double x1 = (Double) p.get("x1");
            double x2 = (Double) p.get("x2");
            double x3 = (Double) p.get("x3");
            return Math.sin(x1) + A * Math.pow(Math.sin(x2), 2) + B * Math.pow(x3, 4) * Math.sin(x1);
        });
    }

    private static double[] outputs(SaltelliDesign d, ToDoubleFunction<Map<String, Object>> f) {
        return d.points().stream().mapToDouble(f).toArray();
    }

    @Test
    void ishigamiIndicesMatchTheAnalyticValues() {
        // Analytic partial variances, e.g. Sobol' & Levitan 1999.
        double pi4 = Math.pow(Math.PI, 4);
        double pi8 = Math.pow(Math.PI, 8);
        double v1 = 0.5 * Math.pow(1 + B * pi4 / 5, 2);
        double v2 = A * A / 8;
        double v13 = 8 * B * B * pi8 / 225;
        double v = v1 + v2 + v13;
        double[] first = {v1 / v, v2 / v, 0};
        double[] total = {(v1 + v13) / v, v2 / v, v13 / v};
        assertEquals(0.314, first[0], 1e-3);
        assertEquals(0.558, total[0], 1e-3);

        List<SobolIndex> s = Sobol.indices(ishigami, ishigamiY, 500, 0.95, 1);
        assertEquals(List.of("x1", "x2", "x3"), s.stream().map(SobolIndex::factor).toList());
        for (int i = 0; i < 3; i++) {
            SobolIndex si = s.get(i);
            assertEquals(first[i], si.first(), 0.03, "S1 of " + si.factor());
            assertEquals(total[i], si.total(), 0.03, "ST of " + si.factor());
            assertTrue(si.firstLow() <= first[i] && first[i] <= si.firstHigh(), "S1 interval " + si);
            assertTrue(si.totalLow() <= total[i] && total[i] <= si.totalHigh(), "ST interval " + si);
            assertTrue(si.firstHigh() - si.firstLow() < 0.3 && si.totalHigh() - si.totalLow() < 0.3, "wide interval " + si);
        }
    }

    @Test
    void additiveFunctionHasFirstOrderEqualToTotal() {
        SaltelliDesign d = Designs.saltelli(List.of(Factor.range("x1", 0, 1, false), Factor.range("x2", 0, 1, false)), 512);
        double[] y = outputs(d, p -> (Double) p.get("x1") + 2 * (Double) p.get("x2"));
        List<SobolIndex> s = Sobol.indices(d, y, 200, 0.9, 5);
        double[] expected = {0.2, 0.8}; // variances 1/12 and 4/12 of 5/12
        for (int i = 0; i < 2; i++) {
            assertEquals(expected[i], s.get(i).first(), 0.02, s.get(i).toString());
            assertEquals(expected[i], s.get(i).total(), 0.02, s.get(i).toString());
            assertEquals(s.get(i).first(), s.get(i).total(), 0.02, s.get(i).toString());
        }
    }

    @Test
    void bootstrapIsDeterministicForASeed() {
        assertEquals(Sobol.indices(ishigami, ishigamiY, 100, 0.95, 9), Sobol.indices(ishigami, ishigamiY, 100, 0.95, 9));
        List<SobolIndex> other = Sobol.indices(ishigami, ishigamiY, 100, 0.95, 10);
        assertTrue(other.get(0).firstLow() != Sobol.indices(ishigami, ishigamiY, 100, 0.95, 9).get(0).firstLow());
        assertEquals(other.get(0).first(), Sobol.indices(ishigami, ishigamiY, 100, 0.95, 9).get(0).first(), 0);
    }

    @Test
    void constantOutputGivesNaNIndices() {
        SaltelliDesign d = Designs.saltelli(List.of(Factor.range("x1", 0, 1, false), Factor.range("x2", 0, 1, false)), 8);
        SobolIndex s = Sobol.indices(d, new double[d.points().size()], 20, 0.95, 1).get(0);
        assertTrue(Double.isNaN(s.first()) && Double.isNaN(s.totalHigh()), s.toString());
    }

    @Test
    void mismatchedOutputsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Sobol.indices(ishigami, new double[10], 10, 0.95, 1));
        assertTrue(e.getMessage().contains("points"), e.getMessage());
        double[] withNaN = ishigamiY.clone();
        withNaN[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> Sobol.indices(ishigami, withNaN, 10, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> Sobol.indices(ishigami, ishigamiY, 10, 1.5, 1));
    }
}
