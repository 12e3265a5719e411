package narcosim.world;

import java.util.List;
import java.util.function.ToDoubleFunction;

import narcosim.util.Geo;

/**
 * Eradication moves cultivation (ODD 7.12): growers whose fields were destroyed replant part of them at other
 * production places that are sprayed less, nearer ones more, across a border less (the Andean "balloon":
 * Rincón-Ruiz and Kallis 2013; Dion and Russler 2008; UNODC coca surveys). What moves is planting, not area out
 * of nothing: the hectares that leave a place are destroyed hectares that no longer resprout there, and the
 * area its growers tend falls by as much as the area the receivers' growers tend rises.
 */
public final class Displacement {

    private final double share;
    private final Place[] production;
    /** proximity[s][r]: share of s's displaced planting that r's distance alone would draw (1/km, normalised). */
    private final double[][] proximity;
    /** borderWeight[s][r]: 1 within a nation, the cross-border weight between nations. */
    private final double[][] borderWeight;

    /**
     * @param places      every place (only production places take part)
     * @param share       most of a week's destroyed area that growers replant elsewhere (eradication.displaced_share)
     * @param crossBorder weight of a production place across a border against one in the same nation
     *                    (eradication.cross_border_weight)
     */
    public Displacement(List<Place> places, double share, double crossBorder) {
        this.share = share;
        this.production = places.stream().filter(Place::isProduction).toArray(Place[]::new);
        int n = production.length;
        proximity = new double[n][n];
        borderWeight = new double[n][n];
        for (int s = 0; s < n; s++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
                if (r == s) continue;
                Place a = production[s];
                Place b = production[r];
                // Gravity-type spillover: nearer places draw more (Abadie et al. 2014: spraying shifts coca to
                // neighbouring municipalities); 1 km floor for places at the same point.
                double km = Math.max(1.0, Geo.greatCircleKm(a.spec.lat(), a.spec.lon(), b.spec.lat(), b.spec.lon()));
                proximity[s][r] = 1.0 / km;
                sum += proximity[s][r];
                borderWeight[s][r] = a.nation == b.nation ? 1.0 : crossBorder;
            }
            for (int r = 0; r < n; r++) {
                if (sum > 0) proximity[s][r] /= sum;
            }
        }
    }

    /**
     * Moves this week's displaced planting, from risks as they stand at the start of the pass (so the order of
     * places does not matter). {@code tended} gives the area a place's own growers tend before relocation
     * (growers x ha per grower x planting). Returns the hectares moved.
     */
    public double displace(ToDoubleFunction<Place> tended) {
        int n = production.length;
        if (share <= 0 || n < 2) return 0;
        double[] risk = new double[n];
        for (int i = 0; i < n; i++) risk[i] = production[i].eradicationRisk();
        double[] moved = new double[n];
        double[][] to = new double[n][n];
        for (int s = 0; s < n; s++) {
            Place from = production[s];
            double destroyed = from.eradicatedLastWeekHa();
            if (destroyed <= 0 || risk[s] <= 0) continue;
            // Pull of each other place: proximity x border weight x how much safer it is, relative to here.
            double pull = 0;
            for (int r = 0; r < n; r++) {
                if (r == s || risk[r] >= risk[s]) continue;
                to[s][r] = proximity[s][r] * borderWeight[s][r] * (risk[s] - risk[r]) / risk[s];
                pull += to[s][r];
            }
            if (pull <= 0) continue;
            // m = sigma x destroyed x pull (pull <= 1), no more than is left to resprout or than the growers here tend.
            double m = Math.min(share * destroyed * pull, Math.min(from.resproutingHa(),
                    Math.max(0, tended.applyAsDouble(from) + from.relocatedHa())));
            moved[s] = m;
            for (int r = 0; r < n; r++) to[s][r] *= m / pull;
        }
        double total = 0;
        for (int s = 0; s < n; s++) {
            if (moved[s] <= 0) continue;
            production[s].displaceFrom(moved[s]);
            for (int r = 0; r < n; r++) {
                if (to[s][r] > 0) production[r].displaceTo(to[s][r]);
            }
            total += moved[s];
        }
        return total;
    }
}
