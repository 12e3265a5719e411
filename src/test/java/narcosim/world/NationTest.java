package narcosim.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import narcosim.scenario.Specs;

/** A nation's intelligence estimate (NarcoLogic's p), its signals, training and cooperation. */
class NationTest {

    private static Specs.Nation spec(boolean partner) {
        return new Specs.Nation("AAA", "Aland", 2000, 50, 0.3, 0.5, 1.0, false, partner, 0.0, false, 1);
    }

    private static Nation nation(int links) {
        return new Nation(0, spec(true), links, 0.6);
    }

    @Test
    void intelStartsAtZero() {
        Nation n = nation(3);
        assertArrayEquals(new double[3], n.intelView());
    }

    @Test
    void updateIntelIsTheExponentialUpdateOfNarcoLogic() {
        Nation n = nation(3);
        double u = 0.6;
        double[][] signals = {{1, 0, 0.5}, {1, 1, 0}, {0, 0.7, 0}, {0, 0, 0}};
        double[] p = new double[3];
        for (double[] s : signals) {
            n.updateIntel(u, s);
            for (int l = 0; l < 3; l++) p[l] = (1 - u) * p[l] + u * s[l];
            assertArrayEquals(p, n.intelView(), 0.0, "p <- (1-u) p + u s, exactly");
        }
        // By hand: link 0 saw 1, 1, 0, 0 -> 0.6, 0.84, 0.336, 0.1344.
        assertEquals(0.1344, n.intel(0), 1e-12);
        // Link 1 saw 0, 1, 0.7, 0 -> 0, 0.6, 0.66, 0.264.
        assertEquals(0.264, n.intel(1), 1e-12);
    }

    @Test
    void intelWithUpdateWeightOneOrZero() {
        Nation n = nation(2);
        n.updateIntel(1.0, new double[] {0.3, 0.9});
        assertArrayEquals(new double[] {0.3, 0.9}, n.intelView(), 0.0, "u = 1 keeps only the signal");
        n.updateIntel(0.0, new double[] {1, 1});
        assertArrayEquals(new double[] {0.3, 0.9}, n.intelView(), 0.0, "u = 0 ignores it");
    }

    @Test
    void signalsKeepTheStrongestUntilCleared() {
        Nation n = nation(2);
        n.signal(0, 0.3);
        n.signal(0, 0.7);
        n.signal(0, 0.5);
        assertEquals(0.7, n.signalOf(0));
        assertEquals(0, n.signalOf(1));
        n.clearSignals();
        assertEquals(0, n.signalOf(0));
    }

    @Test
    void lastMonthSuccessIsASeizureSignal() {
        Nation n = nation(3);
        n.lastMonthSuccess(new double[] {1.0, 0.7, 0});
        assertTrue(n.succeededOn(0));
        assertFalse(n.succeededOn(1), "a detection is not a success");
        assertFalse(n.succeededOn(2));
    }

    @Test
    void trainingMovesCapabilityTowardsOne() {
        Nation n = nation(1);
        n.train(0.1);
        assertEquals(0.6 + 0.1 * 0.4, n.capability(), 1e-12);
        for (int i = 0; i < 500; i++) n.train(0.1);
        assertTrue(n.capability() <= 1.0 && n.capability() > 0.999);
    }

    @Test
    void suspensionEndsAtTheGivenWeekButWithdrawalIsForGood() {
        Nation n = nation(1);
        assertTrue(n.cooperates(0));
        n.suspendUntil(10);
        assertFalse(n.cooperates(0));
        assertFalse(n.cooperates(9));
        assertTrue(n.cooperates(10));
        assertTrue(n.cooperates(100));
        assertFalse(n.withdrawn());
        n.withdraw();
        assertTrue(n.withdrawn());
        assertFalse(n.cooperates(10));
        assertFalse(n.cooperates(1000));
        n.suspendUntil(0);
        assertFalse(n.cooperates(1000), "a withdrawn nation does not come back");
    }

    @Test
    void aNationOutsideThePartnershipNeverCooperates() {
        Nation n = new Nation(0, spec(false), 1, 0.6);
        assertFalse(n.cooperates(0));
        assertFalse(n.cooperates(1000));
    }
}
