package narcosim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.model.NarcoModel;
import narcosim.model.TestModels;

/**
 * The residents' week draws its events by geometric skipping (issue 16): who has an event of each kind must
 * still be a binomial draw among the residents it can happen to, with the week's chance. Over 300 weeks of
 * every community of the hearts-and-minds scenario (arrests requested and coca eradicated every week, so
 * that every kind of event occurs), the hits of each kind are checked against their binomial law: the
 * standardised sum of deviations (z, exactly mean 0 and variance 1 whatever the chances) and the mean squared
 * standardised deviation (mean 1), over the weeks where the binomial is not degenerate. The bounds are 5 standard
 * deviations at a fixed seed: a gap drawn one too long (chance p becomes p / (1 + p)), a lost event or a stream
 * that skips a resident moves z by tens. Releases follow arrests by exactly the sentence, and the trust and fear
 * sums kept incrementally and through fear's lazy transform equal a full recount.
 */
class ResidentEventsTest {

    private static final String[] KINDS = {"contact", "decision", "witness", "eradication", "arrest"};

    @Test
    void eventsAreBinomialAmongTheResidentsTheyCanHappenTo() {
        int sentence = 5;
        NarcoModel m = TestModels.started(TestModels.load(TestModels.HEARTS, "run.burn_in_weeks=400",
                "residents.sentence_weeks=" + sentence), "baseline", 12);
        TestModels.steps(m, 10);
        List<Community> cs = m.communities();
        Community busiest = cs.stream().max(Comparator.comparingInt(Community::smugglers)).orElseThrow();
        Community farm = cs.stream().filter(c -> c.place.isProduction())
                .max(Comparator.comparingInt(Community::growers)).orElseThrow();
        assertTrue(busiest.smugglers() > 0 && farm.growers() > 0, "someone smuggles and someone grows");

        double[] dev = new double[KINDS.length];
        double[] var = new double[KINDS.length];
        double[] squares = new double[KINDS.length];
        int[] weeks = new int[KINDS.length];
        int[] squareWeeks = new int[KINDS.length];
        long[] hits = new long[KINDS.length];
        List<Integer> arrests = new ArrayList<>();
        int weeksRun = 300;
        double reportDev = 0;
        double reportVar = 0;
        double reportSquares = 0;
        int reportWeeks = 0;
        long reports = 0;
        for (int w = 0; w < weeksRun; w++) {
            busiest.requestArrests(Math.max(1, busiest.smugglers() / 3));
            farm.noteEradicated(0.05 * farm.place.cocaHa());
            boolean[][] jailedBefore = new boolean[cs.size()][];
            double[] salienceBefore = new double[cs.size()];
            for (int j = 0; j < cs.size(); j++) {
                Community c = cs.get(j);
                jailedBefore[j] = new boolean[c.agents()];
                for (int i = 0; i < c.agents(); i++) jailedBefore[j][i] = c.occupation(i) == Community.Occupation.JAILED;
                salienceBefore[j] = c.normSalience();
            }
            TestModels.steps(m, 1);
            // Reports: each resident who could witness (free at the week's start, neither arrested nor smuggling
            // after it) reports with chance pWitness pr^2, pr from its trust and fear after the week's update and
            // the salience before it; their sum's mean and variance follow (a Poisson-binomial law).
            for (int j = 0; j < cs.size(); j++) {
                Community c = cs.get(j);
                double pWitness = c.chanceLastWeek(Community.WITNESS);
                double mean = 0;
                double v = 0;
                int eligible = 0;
                for (int i = 0; i < c.agents(); i++) {
                    Community.Occupation o = c.occupation(i);
                    if (jailedBefore[j][i] || o == Community.Occupation.JAILED || o == Community.Occupation.SMUGGLER) {
                        continue;
                    }
                    eligible++;
                    double q = pWitness * c.reportChance(i, salienceBefore[j]);
                    mean += q;
                    v += q * (1 - q);
                }
                assertEquals(eligible, c.trialsLastWeek(Community.WITNESS), "residents who could witness");
                int x = c.tipsLastWeek();
                assertTrue(x <= c.hitsLastWeek(Community.WITNESS), "reports are among the witnesses");
                if (v == 0) {
                    assertEquals(0, x, "no chance to report");
                    continue;
                }
                reportDev += x - mean;
                reportVar += v;
                reports += x;
                if (v >= 1) {
                    reportSquares += (x - mean) * (x - mean) / v;
                    reportWeeks++;
                }
            }
            for (Community c : cs) {
                for (int k = 0; k < KINDS.length; k++) {
                    int trials = c.trialsLastWeek(k);
                    double p = c.chanceLastWeek(k);
                    int x = c.hitsLastWeek(k);
                    assertTrue(x >= 0 && x <= trials, KINDS[k] + ": " + x + " of " + trials);
                    if (p <= 0) assertEquals(0, x, KINDS[k] + " without a chance");
                    if (p >= 1) assertEquals(trials, x, KINDS[k] + " with certainty");
                    double v = trials * p * (1 - p);
                    if (trials == 0 || v == 0) continue;
                    dev[k] += x - trials * p;
                    var[k] += v;
                    weeks[k]++;
                    if (v >= 1) {
                        squares[k] += (x - trials * p) * (x - trials * p) / v;
                        squareWeeks[k]++;
                    }
                    hits[k] += x;
                }
                double[] sums = c.recountedSums();
                assertEquals(sums[0] / c.agents(), c.meanTrust(), 1e-6, c.place.id() + " trust sum, week " + w);
                assertEquals(sums[1] / c.agents(), c.meanFear(), 1e-6, c.place.id() + " fear sum, week " + w);
            }
            arrests.add(busiest.arrestsLastWeek());
            if (w >= sentence) {
                assertEquals((int) arrests.get(w - sentence), busiest.releasesLastWeek(),
                        "week " + w + ": the arrested of " + sentence + " weeks before are released");
            }
        }
        StringBuilder report = new StringBuilder();
        for (int k = 0; k < KINDS.length; k++) {
            double z = dev[k] / Math.sqrt(var[k]);
            double meanSquare = squares[k] / squareWeeks[k];
            report.append(String.format("%s: %d hits in %d community-weeks, z %.2f; mean squared standardised "
                    + "deviation %.3f in the %d with variance >= 1%n", KINDS[k], hits[k], weeks[k], z, meanSquare,
                    squareWeeks[k]));
        }
        double reportZ = reportDev / Math.sqrt(reportVar);
        double reportMeanSquare = reportSquares / reportWeeks;
        report.append(String.format("reports: %d, z %.2f; mean squared standardised deviation %.3f in the %d "
                + "community-weeks with variance >= 1%n", reports, reportZ, reportMeanSquare, reportWeeks));
        System.out.print(report);
        assertTrue(reportWeeks >= 100, "reports: enough weeks\n" + report);
        assertTrue(Math.abs(reportZ) < 5, "reports\n" + report);
        // Poisson-binomial terms have variance <= 3 as well when their variance is >= 1 (as for the binomial below).
        assertTrue(Math.abs(reportMeanSquare - 1) < 5 * Math.sqrt(3.0 / reportWeeks), "reports\n" + report);
        for (int k = 0; k < KINDS.length; k++) {
            assertTrue(weeks[k] >= 100, KINDS[k] + " occurs in enough weeks: " + weeks[k] + "\n" + report);
            double z = dev[k] / Math.sqrt(var[k]);
            assertTrue(Math.abs(z) < 5, KINDS[k] + "\n" + report);
            // The mean of squared standardised deviations is 1; a term's variance is 2 + (1 - 6pq) / (Npq) <= 3 when
            // its variance Npq >= 1, so 5 sd of the mean is 5 sqrt(3 / weeks): 0.5 at 300 weeks, less above.
            assertTrue(squareWeeks[k] >= 100, KINDS[k] + " has enough weeks with variance >= 1\n" + report);
            double meanSquare = squares[k] / squareWeeks[k];
            assertTrue(Math.abs(meanSquare - 1) < 5 * Math.sqrt(3.0 / squareWeeks[k]), KINDS[k] + "\n" + report);
        }
    }
}
