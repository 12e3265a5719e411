package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import narcosim.agents.Cartel;
import narcosim.agents.Shipment;
import narcosim.metrics.Event;
import narcosim.world.Link;
import narcosim.world.Place;

/**
 * Corruption buys protection (ODD 7.5): bribes a cartel pays at a place, smoothed week to week, lower the
 * chance that police there seize its shipments; a cartel that pays nothing there, or a nation with no
 * corruption, buys none.
 */
class ProtectionTest {

    /** The tiny line with routine enforcement on the sea link off the port (policed by the port's nation). */
    private static NarcoModel tiny(String... sets) {
        String[] all = new String[sets.length + 4];
        all[0] = "links.port>open_sea.detectability=0.5";
        all[1] = "shipment.loss_sea=0";
        all[2] = "nations.AAA.corruption=0.8";
        all[3] = "run.burn_in_weeks=2";
        System.arraycopy(sets, 0, all, 4, sets.length);
        return TestModels.started(TestModels.tiny(all), "baseline", 1);
    }

    @Test
    void protectionFollowsSmoothedBribesPerCartelAndPlace() {
        NarcoModel m = tiny("police.protection_max=0.7", "police.bribe_scale_usd=1000", "police.protection_smoothing=0.25");
        Protection p = m.protection();
        Place port = TestModels.place(m, "port");
        Place sea = TestModels.place(m, "open_sea");
        p.on(new Event.Bribe(0, port.index, 2000));
        assertEquals(0, p.at(0, port), 0, "bribes count from the next week");
        p.newWeek();
        assertEquals(500, p.smoothedBribesUsd(0, port.index), 1e-9, "0.25 x 2000");
        assertEquals(0.7 * 0.8 * (1 - Math.exp(-0.5)), p.at(0, port), 1e-12);
        assertEquals(0, p.at(1, port), 0, "a cartel that paid nothing there");
        assertEquals(0, p.at(0, sea), 0, "nor where it paid nothing");
        p.newWeek();
        assertEquals(375, p.smoothedBribesUsd(0, port.index), 1e-9, "decays by 0.75 a week without bribes");
        NarcoModel clean = tiny("nations.AAA.corruption=0");
        clean.protection().on(new Event.Bribe(0, port.index, 1e9));
        clean.protection().newWeek();
        assertEquals(0, clean.protection().at(0, TestModels.place(clean, "port")), 0, "no corruption, no protection");
    }

    /** Share of n shipments of the cartel entering the link that police seize there. */
    private static double seizedShare(NarcoModel m, Link l, int n) {
        Cartel c = m.cartels().get(0);
        int[] seized = new int[1];
        m.events().register(e -> {
            if (e instanceof Event.Seized s && s.by() == Event.Agency.POLICE) seized[0]++;
        });
        for (int i = 0; i < n; i++) m.transit().depart(new Shipment(-1 - i, c, 1, l.from, narcosim.agents.UnitCost.bought(2000), m.transit()), l);
        return seized[0] / (double) n;
    }

    @Test
    void routineEnforcementSeizesThePayersShipmentsLessWhereItBribed() {
        int n = 20_000;
        double[] share = new double[2];
        double pi = 0;
        for (int k = 0; k < 2; k++) {
            NarcoModel m = tiny(k == 0 ? "police.protection_max=0.7" : "police.protection_max=0",
                    "police.protection_smoothing=1");
            Link l = TestModels.link(m, "port", "open_sea");
            m.protection().on(new Event.Bribe(0, l.from.index, 1e8));
            m.protection().newWeek();
            if (k == 0) pi = m.protection().at(0, l.from);
            share[k] = seizedShare(m, l, n);
        }
        assertEquals(0.7 * 0.8, pi, 1e-3, "protection bought at the port, where the sea link is policed");
        assertEquals(0.5, share[1], 0.02, "no protection: the link's detectability");
        assertEquals(0.5 * (1 - pi), share[0], 0.02, "protected: detectability x (1 - protection)");
        assertTrue(share[0] < share[1] * 0.6, share[0] + " vs " + share[1]);
    }
}
