package narcosim.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import narcosim.experiment.RunResult;
import narcosim.experiment.Seeds;

/**
 * The lesson docs/teaching.md builds on the new classroom scenario holds: when Panama leaves the
 * partnership in week 104, final-year seizures fall and deliveries rise against the partnership that
 * holds (6 paired seeds, common random numbers).
 */
class LessonsTest {

    @Test
    void aPartnerWithdrawingOpensAGap() throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        List<Future<RunResult>> stays = new ArrayList<>();
        List<Future<RunResult>> leaves = new ArrayList<>();
        try {
            // The seeds of `narcosim compare scenarios/classroom-partnership-gap.yaml --replicates 6`, as the doc cites.
            for (int r = 0; r < 6; r++) {
                long seed = Seeds.derive(1, 0, r);
                var a = SameModelTest.config("classroom-partnership-gap.yaml", "partnership", seed, "run.years=5");
                var b = SameModelTest.config("classroom-partnership-gap.yaml", "partner-withdraws", seed, "run.years=5");
                stays.add(ex.submit(() -> RunResult.run(a)));
                leaves.add(ex.submit(() -> RunResult.run(b)));
            }
            double seizedStays = 0, seizedLeaves = 0, deliveredStays = 0, deliveredLeaves = 0;
            for (int i = 0; i < stays.size(); i++) {
                seizedStays += stays.get(i).get().outcome("seized_kg_final_year");
                seizedLeaves += leaves.get(i).get().outcome("seized_kg_final_year");
                deliveredStays += stays.get(i).get().outcome("delivered_kg_final_year");
                deliveredLeaves += leaves.get(i).get().outcome("delivered_kg_final_year");
            }
            assertTrue(seizedLeaves < 0.8 * seizedStays, "seizures fall: " + seizedLeaves + " vs " + seizedStays);
            assertTrue(deliveredLeaves > deliveredStays, "deliveries rise: " + deliveredLeaves + " vs " + deliveredStays);
        } finally {
            ex.shutdownNow();
        }
    }
}
