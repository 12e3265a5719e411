package narcosim.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** NSGA-II on problems whose Pareto front is known, and the map from the unit cube to candidate strategies. */
class NsgaTest {

    /** Every point evaluated, in order. */
    private static final class Recorder implements Nsga.Batch {
        final List<double[]> points = new ArrayList<>();
        final List<Nsga.Score> scores = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();
        final boolean constrained;

        Recorder(boolean constrained) {
            this.constrained = constrained;
        }

        @Override
        public List<Nsga.Score> evaluate(int generation, List<double[]> batch) {
            assertEquals(batchSizes.size(), generation, "generations come in order");
            batchSizes.add(batch.size());
            List<Nsga.Score> out = new ArrayList<>();
            for (double[] x : batch) {
                // ZDT1 (Zitzler, Deb & Thiele 2000): front f2 = 1 - sqrt(f1), f1 in [0, 1], where x1..xn = 0.
                double g = 1;
                for (int i = 1; i < x.length; i++) g += 9 * x[i] / (x.length - 1);
                double f1 = x[0];
                double f2 = g * (1 - Math.sqrt(f1 / g));
                // Constrained variant: f1 >= 0.5 (the front keeps only its right half).
                Nsga.Score s = new Nsga.Score(new double[] {f1, f2}, constrained ? new double[] {Math.max(0, 0.5 - f1)}
                        : new double[0]);
                points.add(x.clone());
                scores.add(s);
                out.add(s);
            }
            return out;
        }
    }

    private static List<Nsga.Score> front(Recorder r) {
        List<Nsga.Score> out = new ArrayList<>();
        for (int k : Nsga.front(r.scores)) out.add(r.scores.get(k));
        return out;
    }

    @Test
    void findsTheKnownFrontOfZdt1() throws Exception {
        Recorder r = new Recorder(false);
        int generations = Nsga.run(4, 2, 0, 40, 4000, 7, r);
        assertEquals(100, generations);
        assertTrue(r.batchSizes.stream().allMatch(n -> n == 40), "each generation one batch of the population");
        List<Nsga.Score> front = front(r);
        double lo = 1;
        double hi = 0;
        for (Nsga.Score s : front) {
            double f1 = s.objectives()[0];
            double f2 = s.objectives()[1];
            assertTrue(Math.abs(f2 - (1 - Math.sqrt(f1))) < 0.02, "on the known front: f1 " + f1 + ", f2 " + f2);
            lo = Math.min(lo, f1);
            hi = Math.max(hi, f1);
        }
        assertTrue(front.size() >= 30, "the front is covered, not one point: " + front.size());
        assertTrue(lo < 0.05 && hi > 0.95, "the whole front, from " + lo + " to " + hi);
    }

    @Test
    void keepsToTheConstraint() throws Exception {
        Recorder r = new Recorder(true);
        Nsga.run(4, 2, 1, 20, 1000, 3, r);
        List<Nsga.Score> front = front(r);
        assertTrue(!front.isEmpty());
        for (Nsga.Score s : front) assertTrue(s.objectives()[0] >= 0.5, "feasible only: " + s.objectives()[0]);
        double lo = front.stream().mapToDouble(s -> s.objectives()[0]).min().getAsDouble();
        assertTrue(lo < 0.55, "reaches the constraint's edge: " + lo);
    }

    @Test
    void theSameSeedSearchesTheSameWay() throws Exception {
        Recorder a = new Recorder(false);
        Recorder b = new Recorder(false);
        Recorder c = new Recorder(false);
        Nsga.run(4, 2, 0, 8, 80, 11, a);
        Nsga.run(4, 2, 0, 8, 80, 11, b);
        Nsga.run(4, 2, 0, 8, 80, 12, c);
        assertEquals(a.points.size(), b.points.size());
        for (int i = 0; i < a.points.size(); i++) assertTrue(java.util.Arrays.equals(a.points.get(i), b.points.get(i)));
        assertTrue(!java.util.Arrays.equals(a.points.get(0), c.points.get(0)), "another seed, another search");
    }

    @Test
    void sharesAreOnTheSimplexInWholeThousandths() {
        Space space = new Space("t", List.of(new Space.Switch("police.vetting", List.of("false", "true"))));
        java.util.Random rnd = new java.util.Random(5);
        double[] mean = new double[4];
        int n = 20000;
        for (int i = 0; i < n; i++) {
            double[] u = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            Space.Candidate c = space.decode(u);
            assertEquals(1000, c.thousandths().stream().mapToInt(Integer::intValue).sum());
            assertTrue(c.thousandths().stream().allMatch(t -> t >= 0));
            assertEquals(u[3] < 0.5 ? "false" : "true", c.options().get(0));
            for (int p = 0; p < 4; p++) mean[p] += c.share(p) / n;
        }
        // Uniform on the simplex: every part's mean share is 1/4 (Dirichlet(1,1,1,1)).
        for (double m : mean) assertEquals(0.25, m, 0.01);
        // The corners: all to one part.
        assertEquals(List.of(1000, 0, 0, 0), space.decode(new double[] {1, 0, 0, 0}).thousandths());
        assertEquals(List.of(0, 1000, 0, 0), space.decode(new double[] {0, 1, 0, 0}).thousandths());
        assertEquals(List.of(0, 0, 0, 1000), space.decode(new double[] {0, 0, 0, 0}).thousandths());
        Space.Candidate c = space.decode(new double[] {0.5, 0.5, 0.5, 0.9});
        assertEquals("{military: " + Space.decimal(c.thousandths().get(0)) + ", police: "
                + Space.decimal(c.thousandths().get(1)) + ", development: " + Space.decimal(c.thousandths().get(2))
                + ", partnership: " + Space.decimal(c.thousandths().get(3)) + "}", c.sharesYaml());
        assertEquals("{police.vetting: true}", c.values(space).get("strategies.t.doctrine"));
    }
}
