package narcosim.experiment.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** Morris designs and elementary-effect statistics, checked against values worked out by hand. */
class MorrisTest {

    static final List<Factor> THREE = List.of(Factor.range("a", 0, 10, false), Factor.range("b", -1, 1, false),
            Factor.range("c", 100, 200, false));

    @Test
    void trajectoriesMoveOneFactorAtATimeByDeltaOnTheGrid() {
        MorrisDesign d = Morris.design(THREE, 8, 4, 40, 7);
        assertEquals(2.0 / 3, d.delta(), 1e-15);
        assertEquals(8 * 4, d.points().size());
        for (int t = 0; t < 8; t++) {
            boolean[] moved = new boolean[3];
            for (int j = 0; j <= 3; j++) {
                double[] u = d.unit()[t * 4 + j];
                for (double x : u) {
                    double level = x * 3;
                    assertEquals(Math.rint(level), level, 1e-9, "on the 4-level grid: " + x);
                }
                if (j == 0) continue;
                double[] prev = d.unit()[t * 4 + j - 1];
                int changes = 0;
                for (int i = 0; i < 3; i++) {
                    if (u[i] != prev[i]) {
                        changes++;
                        assertEquals(2.0 / 3, Math.abs(u[i] - prev[i]), 1e-12);
                        assertTrue(!moved[i], "each factor moves once per trajectory");
                        moved[i] = true;
                    }
                }
                assertEquals(1, changes);
            }
        }
        Map<String, Object> first = d.points().get(0);
        assertEquals(d.unit()[0][0] * 10, (Double) first.get("a"), 1e-9, "unit values scaled to the range");
        assertEquals(Morris.design(THREE, 8, 4, 40, 7).points(), d.points(), "seeded");
    }

    @Test
    void linearModelHasItsCoefficientsAsEffectsAndNoSpread() {
        double[] a = {3, -2, 0.5};
        MorrisDesign d = Morris.design(THREE, 10, 4, 50, 1);
        double[] y = new double[d.unit().length];
        for (int p = 0; p < y.length; p++) {
            for (int i = 0; i < 3; i++) y[p] += a[i] * d.unit()[p][i];
        }
        List<Morris.Index> ix = Morris.indices(d, y, 200, 0.95, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.abs(a[i]), ix.get(i).muStar(), 1e-9);
            assertEquals(a[i], ix.get(i).mu(), 1e-9);
            assertEquals(0, ix.get(i).sigma(), 1e-9);
            assertEquals(Math.abs(a[i]), ix.get(i).muStarLow(), 1e-9, "every resample gives the same");
        }
    }

    @Test
    void statisticsOfAHandMadeDesign() {
        // Two factors, p = 4 (delta 2/3), two trajectories written out by hand.
        List<Factor> f = List.of(Factor.range("x", 0, 1, false), Factor.range("z", 0, 1, false));
        double t = 1.0 / 3;
        double[][] unit = {
            {0, t}, {2 * t, t}, {2 * t, 1},          // x up, then z up
            {1, 2 * t}, {1, 0}, {t, 0},             // z down, then x down
        };
        List<Map<String, Object>> pts = new ArrayList<>();
        for (double[] u : unit) pts.add(Map.of("x", u[0], "z", u[1]));
        MorrisDesign d = new MorrisDesign(f, 2, 4, 2 * t, unit, pts);
        double[] y = {1, 3, 2, 5, 4, 0};
        // Trajectory 1: EE_x = (3 - 1) / (2/3) = 3; EE_z = (2 - 3) / (2/3) = -1.5.
        // Trajectory 2: EE_z = (4 - 5) / (-2/3) = 1.5; EE_x = (0 - 4) / (-2/3) = 6.
        double[][] ee = Morris.effects(d, y);
        assertEquals(3, ee[0][0], 1e-12);
        assertEquals(6, ee[0][1], 1e-12);
        assertEquals(-1.5, ee[1][0], 1e-12);
        assertEquals(1.5, ee[1][1], 1e-12);
        List<Morris.Index> ix = Morris.indices(d, y, 100, 0.95, 1);
        assertEquals(4.5, ix.get(0).mu(), 1e-12);
        assertEquals(4.5, ix.get(0).muStar(), 1e-12);
        assertEquals(Math.sqrt(4.5), ix.get(0).sigma(), 1e-12, "sd of 3 and 6 (n - 1)");
        assertEquals(0, ix.get(1).mu(), 1e-12);
        assertEquals(1.5, ix.get(1).muStar(), 1e-12);
        assertEquals(Math.sqrt(4.5), ix.get(1).sigma(), 1e-12, "sd of -1.5 and 1.5");
        assertTrue(ix.get(0).muStarLow() >= 3 - 1e-12 && ix.get(0).muStarHigh() <= 6 + 1e-12, "within the effects");
    }

    @Test
    void interactionShowsAsSpread() {
        List<Factor> f = List.of(Factor.range("x", 0, 1, false), Factor.range("z", 0, 1, false),
                Factor.range("w", 0, 1, false));
        MorrisDesign d = Morris.design(f, 20, 4, 100, 5);
        double[] y = new double[d.unit().length];
        for (int p = 0; p < y.length; p++) y[p] = d.unit()[p][0] * d.unit()[p][1];
        List<Morris.Index> ix = Morris.indices(d, y, 200, 0.95, 2);
        assertTrue(ix.get(0).sigma() > 0.1, "x acts through z: its effect varies");
        assertTrue(ix.get(1).sigma() > 0.1);
        assertEquals(0, ix.get(2).muStar(), 1e-12, "w does nothing");
    }

    @Test
    void chosenTrajectoriesAreMoreSpreadThanTheFirstCandidates() {
        int k = 4;
        MersenneTwister rng = new MersenneTwister(11);
        double[][][] cand = new double[60][][];
        for (int c = 0; c < cand.length; c++) cand[c] = Morris.trajectory(k, 4, 2.0 / 3, rng);
        int[] chosen = Morris.spread(cand, 6);
        assertTrue(sumSquared(cand, chosen) > sumSquared(cand, new int[] {0, 1, 2, 3, 4, 5}));
    }

    private static double sumSquared(double[][][] cand, int[] set) {
        double s = 0;
        for (int a = 0; a < set.length; a++) {
            for (int b = a + 1; b < set.length; b++) {
                double d = Morris.distance(cand[set[a]], cand[set[b]]);
                s += d * d;
            }
        }
        return s;
    }

    @Test
    void levelFactorsFlipAtEveryStep() {
        List<Factor> f = List.of(Factor.levels("police.vetting", List.of(false, true)), Factor.range("x", 0, 1, false));
        MorrisDesign d = Morris.design(f, 6, 4, 30, 9);
        for (int t = 0; t < 6; t++) {
            for (int j = 1; j <= 2; j++) {
                Map<String, Object> a = d.points().get(t * 3 + j - 1);
                Map<String, Object> b = d.points().get(t * 3 + j);
                if (d.unit()[t * 3 + j][0] != d.unit()[t * 3 + j - 1][0]) {
                    assertTrue(!a.get("police.vetting").equals(b.get("police.vetting")), "a step of delta flips a switch");
                }
            }
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Morris.design(THREE, 1, 4, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> Morris.design(THREE, 4, 3, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> Morris.design(THREE, 4, 4, 3, 1));
    }

    @Test
    void noiseFloorIsTheMeanAbsoluteEffectOfPureNoise() {
        List<Factor> f = List.of(Factor.range("x", 0, 1, false), Factor.range("z", 0, 1, false));
        MorrisDesign d = Morris.design(f, 400, 4, 800, 3);
        MersenneTwister rng = new MersenneTwister(5);
        int reps = 4;
        double[][] y = new double[reps][d.unit().length];
        for (double[] row : y) {
            for (int p = 0; p < row.length; p++) row[p] = 2 * d.unit()[p][0] + rng.nextGaussian();
        }
        double[] mean = new double[d.unit().length];
        for (int p = 0; p < mean.length; p++) {
            for (double[] row : y) mean[p] += row[p] / reps;
        }
        double[] floor = Morris.noiseFloor(d, y);
        // An effect's noise: two independent points' means (sd 1/2 each) over delta 2/3: sd = sqrt(1/2) / (2/3).
        double se = Math.sqrt(0.5) / (2.0 / 3);
        assertEquals(se * Math.sqrt(2 / Math.PI), floor[1], 0.08 * se, "the floor from the replicates' spread");
        List<Morris.Index> ix = Morris.indices(d, mean, 200, 0.95, 1);
        assertEquals(floor[1], ix.get(1).muStar(), 0.1 * se, "z does nothing: its mu* is the noise floor");
        assertTrue(ix.get(0).muStarLow() > floor[0], "x's effect (2) stands above the noise");
        assertTrue(Double.isNaN(Morris.noiseFloor(d, new double[][] {mean})[0]), "one replicate: no floor");
    }
}
