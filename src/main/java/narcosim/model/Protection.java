package narcosim.model;

import java.util.ArrayList;
import java.util.List;

import narcosim.metrics.Event;
import narcosim.metrics.EventBus;
import narcosim.scenario.ParamValues;
import narcosim.world.Network;
import narcosim.world.Place;

/**
 * Protection bought with bribes (ODD 7.5): an observer of the {@link Event.Bribe} events that keeps, per
 * cartel and place, the exponentially smoothed weekly bribe B̄ and turns it into the chance that officials
 * there let that cartel's shipment pass, π = π_max · corruption · (1 − exp(−B̄ / B_s)). Police (routine
 * enforcement in {@link Transit}, campaign searches) read it; it draws no random numbers and changes nothing
 * but its own ledger. Military units are not bribed.
 */
public final class Protection implements EventBus.Observer, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final double max;
    private final double scaleUsd;
    private final double smoothing;
    private final Network net;
    /** Per cartel (by index; splinters are appended), per place: smoothed weekly bribes, US$. */
    private final List<double[]> smoothed = new ArrayList<>();
    /** Per cartel, per place: bribes heard this week, US$. */
    private final List<double[]> thisWeek = new ArrayList<>();

    Protection(ParamValues params, Network net) {
        this(params.real("police.protection_max"), params.real("police.bribe_scale_usd"),
                params.real("police.protection_smoothing"), net);
    }

    Protection(double max, double scaleUsd, double smoothing, Network net) {
        this.max = max;
        this.scaleUsd = scaleUsd;
        this.smoothing = smoothing;
        this.net = net;
    }

    @Override
    public void on(Event e) {
        if (e instanceof Event.Bribe b) row(thisWeek, b.cartel())[b.place()] += b.usd();
    }

    /** At the start of a week: last week's bribes enter the smoothed level, B̄ ← (1 − λ)·B̄ + λ·b. */
    void newWeek() {
        for (int c = 0; c < thisWeek.size(); c++) {
            double[] b = thisWeek.get(c);
            double[] s = row(smoothed, c);
            for (int p = 0; p < b.length; p++) {
                s[p] += smoothing * (b[p] - s[p]);
                b[p] = 0;
            }
        }
    }

    private double[] row(List<double[]> rows, int cartel) {
        while (rows.size() <= cartel) rows.add(new double[net.places.size()]);
        return rows.get(cartel);
    }

    /** Smoothed weekly bribes a cartel pays at a place, US$. */
    public double smoothedBribesUsd(int cartel, int place) {
        return cartel < smoothed.size() ? smoothed.get(cartel)[place] : 0;
    }

    /** Chance that officials at a place let the cartel's shipment pass (0 where it pays nothing). */
    public double at(int cartel, Place place) {
        double b = smoothedBribesUsd(cartel, place.index);
        if (b <= 0) return 0;
        return max * place.nation.spec.corruption() * (1 - Math.exp(-b / scaleUsd));
    }
}
