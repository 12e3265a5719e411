package narcosim.validation;

import java.util.List;

import narcosim.agents.Community;
import narcosim.experiment.RunResult;
import narcosim.metrics.Event;
import narcosim.metrics.EventBus;
import narcosim.model.NarcoModel;
import narcosim.scenario.RunConfig;
import narcosim.world.Link;
import narcosim.world.Network;

/**
 * One run of a pattern experiment: the run's result; the kilograms that entered each nation week by week
 * (a small observer on the model's events; the weekly collector counts regions, not nations); and the mean
 * trust of residents of coca-growing places week by week (read from the communities at each week's end).
 */
public record PatternRun(RunResult result, List<String> nations, double[][] nationKg, double[] cocaZoneTrust) {

    /** Runs a configuration to the end of its horizon. */
    public static PatternRun run(RunConfig config) {
        NarcoModel model = new NarcoModel(config);
        model.start();
        Network net = model.network();
        int weeks = config.weeks();
        double[][] kg = new double[weeks][net.nations.size()];
        int[] nationOfTarget = new int[net.links.size()];
        for (Link l : net.links) nationOfTarget[l.index] = net.nations.indexOf(l.to.nation);
        EventBus.Observer entered = e -> {
            int w = model.week();
            if (e instanceof Event.Entered en && w >= 0 && w < weeks) kg[w][nationOfTarget[en.link()]] += en.kg();
        };
        model.events().register(entered);
        long total = (long) model.burnInWeeks() + weeks;
        double[] trust = new double[weeks];
        while (model.schedule.getSteps() < total) {
            if (!model.schedule.step(model)) break;
            int w = model.week();
            if (w >= 0 && w < weeks) trust[w] = cocaZoneTrust(model);
        }
        model.finish();
        List<String> ids = net.nations.stream().map(n -> n.id()).toList();
        return new PatternRun(RunResult.of(model), ids, kg, trust);
    }

    private static double cocaZoneTrust(NarcoModel model) {
        double sum = 0;
        long n = 0;
        for (Community c : model.communities()) {
            if (!c.place.isProduction()) continue;
            sum += c.sumTrust();
            n += c.agents();
        }
        return n > 0 ? sum / n : Double.NaN;
    }

    /** Mean trust in coca-growing places over campaign weeks [from, to). */
    public double cocaZoneTrust(int from, int to) {
        double s = 0;
        for (int w = from; w < to; w++) s += cocaZoneTrust[w];
        return s / (to - from);
    }

    public double outcome(String name) {
        return result.outcome(name);
    }

    /** Column index of a weekly outcome, or -1. */
    public int column(String name) {
        for (int i = 0; i < result.columns().size(); i++) {
            if (result.columns().get(i).name().equals(name)) return i;
        }
        return -1;
    }

    /** Mean of a weekly outcome over campaign weeks [from, to). */
    public double weekly(String name, int from, int to) {
        int c = column(name);
        if (c < 0) throw new IllegalArgumentException("no weekly outcome " + name);
        to = Math.min(to, result.rows().size());
        double s = 0;
        for (int w = from; w < to; w++) s += result.rows().get(w)[c];
        return s / (to - from);
    }

    /** A weekly outcome over the whole campaign. */
    public double[] series(String name) {
        int c = column(name);
        if (c < 0) throw new IllegalArgumentException("no weekly outcome " + name);
        double[] s = new double[result.rows().size()];
        for (int w = 0; w < s.length; w++) s[w] = result.rows().get(w)[c];
        return s;
    }

    /** Kg that entered a nation's places over campaign weeks [from, to), per week. */
    public double nationWeekly(String nation, int from, int to) {
        int n = nations.indexOf(nation);
        if (n < 0) throw new IllegalArgumentException("no nation " + nation);
        to = Math.min(to, nationKg.length);
        double s = 0;
        for (int w = from; w < to; w++) s += nationKg[w][n];
        return s / (to - from);
    }

    public double[] nationSeries(String nation) {
        int n = nations.indexOf(nation);
        double[] s = new double[nationKg.length];
        for (int w = 0; w < s.length; w++) s[w] = nationKg[w][n];
        return s;
    }

    public int weeks() {
        return result.rows().size();
    }
}
