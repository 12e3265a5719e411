package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;

/**
 * Where the law does not let the military arrest, a crew it stops goes free unless police are there to
 * take it over. The all-military corridor crackdown has no police, so its seizures give no arrests.
 */
class HandOverTest {

    /** Military seizures at populated places and arrests over a year of the crackdown. */
    private static long[] seizuresAndArrests(boolean canArrest, long seed) {
        String flag = String.valueOf(canArrest);
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "run.burn_in_weeks=8",
                "nations.COL.military_can_arrest=" + flag, "nations.PAN.military_can_arrest=" + flag,
                "nations.USA.military_can_arrest=" + flag, "military.intel_cue_max=1", "military.targets_week_boat=1000",
                "military.targets_week_ground=1000", "military.interdict_prob=1"), "corridor-crackdown", seed);
        long[] out = new long[2];
        m.events().register(e -> {
            if (e instanceof Event.Seized s && s.by() == Event.Agency.MILITARY) {
                var l = m.network().links.get(s.link());
                if (m.population().at(l.from) != null || m.population().at(l.to) != null) out[0]++;
            } else if (e instanceof Event.Arrested a) {
                out[1] += a.count();
            }
        });
        TestModels.steps(m, 8 + 52);
        assertTrue(m.campaign().police().isEmpty(), "no police in this strategy");
        return out;
    }

    @Test
    void withoutPowersOfArrestAndWithoutPoliceInterdictionsMakeNoArrests() {
        for (long seed = 1; seed <= 3; seed++) {
            long[] r = seizuresAndArrests(false, seed);
            assertTrue(r[0] > 0, "military seizures at populated places, seed " + seed);
            assertEquals(0, r[1], "arrests, seed " + seed);
        }
    }

    @Test
    void withPowersOfArrestTheSameInterdictionsDoArrest() {
        long arrests = 0;
        for (long seed = 1; seed <= 3; seed++) arrests += seizuresAndArrests(true, seed)[1];
        assertTrue(arrests > 0, "the military arrests crews where the law lets it");
    }

    /** Hand-overs taken and lost, and arrests, over a year of the default scenario's partnership, no military arrests. */
    private static long[] handOvers(String hours, long seed) {
        java.util.List<String> sets = new java.util.ArrayList<>(java.util.List.of("run.burn_in_weeks=8",
                "military.handover_hours=" + hours));
        for (var n : TestModels.load(java.nio.file.Path.of("scenarios", "central-america.yaml")).nations()) {
            sets.add("nations." + n.id() + ".military_can_arrest=false");
        }
        NarcoModel m = TestModels.started(TestModels.load(java.nio.file.Path.of("scenarios", "central-america.yaml"),
                sets.toArray(new String[0])), "partnership", seed);
        long[] out = new long[2];
        // Only the run's own campaign: the default scenario's burn-in runs under status-quo (ODD 7.23), whose
        // hand-over window is the file's, not the one set here.
        m.events().register(e -> {
            if (e instanceof Event.HandOver h && m.week() >= 0) out[h.taken() ? 0 : 1]++;
        });
        TestModels.steps(m, 8 + 52);
        return out;
    }

    @Test
    void aShorterHandOverWindowLosesMoreCrews() {
        long[] none = new long[2];
        long[] wide = new long[2];
        for (long seed = 1; seed <= 3; seed++) {
            long[] a = handOvers("0", seed);
            long[] b = handOvers("48", seed);
            for (int i = 0; i < 2; i++) {
                none[i] += a[i];
                wide[i] += b[i];
            }
        }
        assertTrue(none[1] > wide[1], "hand-overs lost: window 0 " + none[1] + " vs 48 h " + wide[1]);
        // The share taken, not the count: how many hand-overs happen follows the run (seizures at populated places),
        // which the window changes too (at seed 1 of the calibrated scenario 48 of them with window 0, 32 with 48 h).
        double shareNone = none[0] / (double) (none[0] + none[1]);
        double shareWide = wide[0] / (double) (wide[0] + wide[1]);
        assertTrue(shareNone < shareWide, "share of hand-overs taken: window 0 " + shareNone + " vs 48 h " + shareWide);
        // The year's total arrests (hand-overs and the investigations their evidence feeds) are not compared: since
        // crews are capacity (ODD 7.7) they differ by less than the noise of 3 seeds (1,468 with no window
        // against 1,445 with 48 h); the crews taken at hand-overs above are the window's own effect.
    }
}
