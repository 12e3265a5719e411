package narcosim.scenario;

import java.util.List;
import java.util.Map;

/** The immutable pieces a scenario file is made of. */
public final class Specs {

    private Specs() {
    }

    public enum PlaceKind {
        PRODUCTION, DEPARTURE, TRANSIT, COASTAL, SEA, AIRSTRIP, BORDER, MARKET;

        public String yaml() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Mode {
        LAND, SEA, AIR;

        public String yaml() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Nation(String id, String name, double priceUsdKg, double legalIncomeUsdWeek, double corruption,
                         double transparency, double forceShare, boolean militaryCanArrest, boolean partner,
                         double instabilityHazardPerYear, boolean international, double securityBudgetMusdYear,
                         double capabilityFactor, int line) {

        /** A nation without its own security budget and with the default capability. */
        public Nation(String id, String name, double priceUsdKg, double legalIncomeUsdWeek, double corruption,
                      double transparency, double forceShare, boolean militaryCanArrest, boolean partner,
                      double instabilityHazardPerYear, boolean international, int line) {
            this(id, name, priceUsdKg, legalIncomeUsdWeek, corruption, transparency, forceShare, militaryCanArrest,
                    partner, instabilityHazardPerYear, international, 0, 1, line);
        }
    }

    /**
     * A place's container port (ODD 7.24): loads arriving there may be inspected. {@code inspectedShare} is the
     * share of containers on the risky lanes that customs scan or search.
     */
    public record Port(double inspectedShare) {
    }

    /** A place; {@code port} is null where the place has no port inspection. */
    public record Place(String id, String name, double lat, double lon, PlaceKind kind, String nation,
                       double population, double cocaHa, String region, Port port, int line) {

        /** A place without port inspection. */
        public Place(String id, String name, double lat, double lon, PlaceKind kind, String nation,
                     double population, double cocaHa, String region, int line) {
            this(id, name, lat, lon, kind, nation, population, cocaHa, region, null, line);
        }
    }

    /** A directed link; length and cost are filled in by the loader when the file omits them. */
    public record Link(String from, String to, Mode mode, double lengthKm, double costUsdKg, double detectability,
                       double capacityKgWeek, int line) {
    }

    public record Cartel(String id, String name, double capitalMusd, List<String> home, int line) {
    }

    /**
     * A wholesale market (ODD 7.14): the gateway places where cargo is sold into it, its reference price and its
     * share of the demand of the scenario's markets (their shares add up to 1).
     *
     * @param priceUsdKg the reference price P_ref; the file may leave it to its first gateway's nation's price
     */
    public record Market(String id, String name, List<String> gateways, double priceUsdKg, double demandShare,
                         int line) {

        /**
         * What it costs to carry a kg of wholesale stock from one market to another by road: the land rate
         * (shipment.cost_land_usd_kg_km) over the road distance between their nearest gateways (great circle x 1.3,
         * as a land link's default length). Wholesalers carry stock from one to the other when their prices differ
         * by more (the law of one price between connected markets, net of transport: Samuelson 1952).
         */
        public static double carryUsdKg(Market a, Market b, java.util.function.Function<String, Place> places,
                                        double landUsdKgKm) {
            double km = Double.POSITIVE_INFINITY;
            for (String x : a.gateways()) {
                for (String y : b.gateways()) {
                    Place p = places.apply(x);
                    Place q = places.apply(y);
                    km = Math.min(km, narcosim.util.Geo.greatCircleKm(p.lat(), p.lon(), q.lat(), q.lon()) * 1.3);
                }
            }
            return landUsdKgKm * km;
        }
    }

    /** Budget shares of a strategy; they add up to 1, or all are 0 for the do-nothing baseline. */
    public record Shares(double military, double police, double development, double partnership) {
        public double sum() {
            return military + police + development + partnership;
        }

        public boolean isCampaign() {
            return sum() > 0;
        }

        /** The shares in the order of {@link Fields#SHARE_KEYS}: military, police, development, partnership. */
        public double[] values() {
            return new double[] {military, police, development, partnership};
        }

        /** Shares from values in the order of {@link #values()}. */
        public static Shares of(double[] v) {
            return new Shares(v[0], v[1], v[2], v[3]);
        }

        /** One share by its key (military, police, development or partnership). */
        public double get(String key) {
            int i = Fields.SHARE_KEYS.indexOf(key);
            if (i < 0) throw new IllegalArgumentException("no budget share " + key);
            return values()[i];
        }
    }

    /**
     * The campaign the burn-in runs under (ODD 7.23): a strategy of the scenario at its own budget, so that the
     * market's reference point is the world under that effort (today's), not a world without a campaign.
     */
    public record BurnIn(String strategy, double budgetMusdPerYear, int line) {
    }

    /** What a rule reads of its indicator at a yearly review: the year's value, or its change on the year before. */
    public enum Reading {
        VALUE, CHANGE;

        public String yaml() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A yearly rule of an adaptive strategy (ODD 7.22): at each yearly review, when the reading of the indicator
     * (a weekly outcome: a flow's total over the year, a level's mean; or its relative change on the year
     * before) has been below (or above) the threshold at {@code years} reviews running, {@code move} of the
     * budget goes from one share to another (no more than the share holds).
     *
     * @param id         optional name ("" if none): a --set can address the rule by it or by its position
     * @param indicator  the column of timeseries.csv the rule reads
     * @param below      true: the condition is reading &lt; threshold; false: reading &gt; threshold
     * @param years      reviews running the condition must hold before the rule fires (its lag)
     * @param move       share of the whole budget moved, in [0, 1]
     * @param from       the share it comes from (military, police, development or partnership)
     * @param to         the share it goes to
     */
    public record Rule(String id, String indicator, Reading reading, boolean below, double threshold, int years,
                       double move, String from, String to, int line) {

        /** The threshold as the scenario file gives it: under {@code below} or {@code above}. */
        public Double belowOrNull() {
            return below ? threshold : null;
        }

        public Double aboveOrNull() {
            return below ? null : threshold;
        }
    }

    /**
     * A named budget split plus doctrine switches (parameter values the strategy sets), and the yearly rules
     * that re-allocate the split while the campaign runs (none for a fixed strategy).
     */
    public record Strategy(String id, String name, String description, Shares shares, Map<String, Object> doctrine,
                           List<Rule> rules, int line) {

        /** A fixed strategy: no rules. */
        public Strategy(String id, String name, String description, Shares shares, Map<String, Object> doctrine,
                        int line) {
            this(id, name, description, shares, doctrine, List.of(), line);
        }

        public boolean adaptive() {
            return !rules.isEmpty();
        }
    }
}
