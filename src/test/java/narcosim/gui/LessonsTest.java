package narcosim.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import narcosim.experiment.RunResult;
import narcosim.experiment.Seeds;

/**
 * Lessons of docs/teaching.md hold on their classroom scenarios, with paired seeds (common random
 * numbers): when Panama leaves the partnership in week 104, final-year seizures fall and deliveries rise
 * against the partnership that holds; heavy-handed raids under permissive rules of engagement cost
 * trust and tips and raise recruitment against the same raids under strict rules, and leave trust far
 * below hearts and minds.
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

    @Test
    void heavyHandedRaidsCostTrustAndRaiseRecruitment() throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        List<Future<RunResult>> permissive = new ArrayList<>();
        List<Future<RunResult>> strict = new ArrayList<>();
        List<Future<RunResult>> hearts = new ArrayList<>();
        try {
            // The seeds of `narcosim compare scenarios/classroom-hearts-and-minds.yaml --replicates 4 --years 6`.
            for (int r = 0; r < 4; r++) {
                long seed = Seeds.derive(1, 0, r);
                var a = SameModelTest.config("classroom-hearts-and-minds.yaml", "heavy-handed", seed, "run.years=6");
                var b = SameModelTest.config("classroom-hearts-and-minds.yaml", "heavy-handed", seed, "run.years=6",
                        "military.rules_of_engagement=strict");
                var c = SameModelTest.config("classroom-hearts-and-minds.yaml", "hearts-and-minds", seed, "run.years=6");
                permissive.add(ex.submit(() -> RunResult.run(a)));
                strict.add(ex.submit(() -> RunResult.run(b)));
                hearts.add(ex.submit(() -> RunResult.run(c)));
            }
            // Means over the paired replicates.
            double[] harm = new double[2], trust = new double[3], recruits = new double[2], tips = new double[3];
            for (int i = 0; i < permissive.size(); i++) {
                RunResult[] arms = {permissive.get(i).get(), strict.get(i).get(), hearts.get(i).get()};
                for (int a = 0; a < 3; a++) {
                    double n = permissive.size();
                    if (a < 2) harm[a] += arms[a].outcome("collateral_harm_total") / n;
                    if (a < 2) recruits[a] += arms[a].outcome("recruits_total") / n;
                    trust[a] += arms[a].outcome("mean_trust_final_year") / n;
                    tips[a] += arms[a].outcome("tips_total") / n;
                }
            }
            String all = "permissive, strict, hearts and minds: harm " + Arrays.toString(harm) + ", trust "
                    + Arrays.toString(trust) + ", recruits " + Arrays.toString(recruits) + ", tips " + Arrays.toString(tips);
            assertTrue(harm[0] > 2 * harm[1], "permissive rules harm residents more often; " + all);
            assertTrue(trust[0] < trust[1] - 0.03, "harm costs trust; " + all);
            assertTrue(recruits[0] > 1.2 * recruits[1], "harm raises recruitment; " + all);
            assertTrue(tips[0] < tips[1], "less trust, fewer tips; " + all);
            assertTrue(trust[0] < trust[2] - 0.15 && tips[0] < tips[2],
                    "heavy-handed ends far below hearts and minds in trust and tips; " + all);
        } finally {
            ex.shutdownNow();
        }
    }
}
