package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.scenario.Specs;

/**
 * Instability rises with events on a partner's territory, and transparency is accountability (issue 14.6;
 * ODD 7.10, 7.13): collateral harm and incursions can make a partner suspend cooperation besides its base
 * hazard; transparent nations purge corrupt units more often and their residents see the punishment.
 */
class InstabilityAndTransparencyTest {

    static final Path DEFAULT = Path.of("scenarios", "central-america.yaml");

    /** Settings that make every nation's base hazard 0, plus the given ones. */
    private static String[] noBaseHazard(String... more) {
        List<String> sets = new ArrayList<>(List.of("run.burn_in_weeks=8"));
        for (Specs.Nation n : TestModels.load(DEFAULT).nations()) sets.add("nations." + n.id() + ".instability_hazard_per_year=0");
        sets.addAll(List.of(more));
        return sets.toArray(new String[0]);
    }

    /** Suspensions, collateral harm and incursions over a year of the military surge (permissive rules). */
    private static long[] suspensions(String... sets) {
        NarcoModel m = TestModels.started(TestModels.load(DEFAULT, sets), "military-surge", 3);
        long[] n = new long[3];
        m.events().register(e -> {
            if (e instanceof Event.PartnerSuspended s && !s.forGood()) n[0]++;
            else if (e instanceof Event.CollateralHarm) n[1]++;
            else if (e instanceof Event.Incursion) n[2]++;
        });
        TestModels.steps(m, 8 + 52);
        return n;
    }

    @Test
    void withoutBaseHazardOrEventEffectsNoPartnerSuspends() {
        long[] n = suspensions(noBaseHazard("partnership.suspension_per_harm=0", "partnership.suspension_per_incursion=0",
                "partnership.suspension_per_scandal=0"));
        assertTrue(n[1] > 0, "collateral harm happens");
        assertEquals(0, n[0], "suspensions");
    }

    @Test
    void collateralHarmAloneCanBreakCooperation() {
        long[] n = suspensions(noBaseHazard("partnership.suspension_per_harm=1", "partnership.suspension_per_incursion=0",
                "partnership.suspension_per_scandal=0"));
        assertTrue(n[1] > 0, "collateral harm happens");
        assertTrue(n[0] > 0, "a partner suspends after harm on its territory: " + n[0]);
    }

    /** Corrupt units at the end, and punishments residents saw, over two years of the development strategy. */
    private static long[] corruption(String transparency) {
        List<String> sets = new ArrayList<>(List.of("run.burn_in_weeks=8"));
        for (Specs.Nation n : TestModels.load(DEFAULT).nations()) sets.add("nations." + n.id() + ".transparency=" + transparency);
        long[] out = new long[2];
        for (long seed = 1; seed <= 3; seed++) {
            NarcoModel m = TestModels.started(TestModels.load(DEFAULT, sets.toArray(new String[0])), "development", seed);
            m.events().register(e -> {
                if (e instanceof Event.CorruptionPunished) out[1]++;
            });
            TestModels.steps(m, 8 + 104);
            out[0] += m.campaign().corruptUnits();
        }
        return out;
    }

    @Test
    void transparencyPurgesCorruptionAndShowsItsPunishment() {
        long[] opaque = corruption("0");
        long[] open = corruption("1");
        assertEquals(0, opaque[1], "nobody sees punishment where nothing is transparent");
        assertTrue(open[1] > 0, "residents see corrupt units punished where the state is transparent");
        assertTrue(open[0] < opaque[0], "fewer corrupt units where the state is transparent: " + open[0] + " vs " + opaque[0]);
    }
}
