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

    public record Place(String id, String name, double lat, double lon, PlaceKind kind, String nation,
                       double population, double cocaHa, String region, int line) {
    }

    /** A directed link; length and cost are filled in by the loader when the file omits them. */
    public record Link(String from, String to, Mode mode, double lengthKm, double costUsdKg, double detectability,
                       double capacityKgWeek, int line) {
    }

    public record Cartel(String id, String name, double capitalMusd, List<String> home, int line) {
    }

    /** Budget shares of a strategy; they add up to 1, or all are 0 for the do-nothing baseline. */
    public record Shares(double military, double police, double development, double partnership) {
        public double sum() {
            return military + police + development + partnership;
        }

        public boolean isCampaign() {
            return sum() > 0;
        }
    }

    /**
     * The campaign the burn-in runs under (ODD 7.22): a strategy of the scenario at its own budget, so that the
     * market's reference point is the world under that effort (today's), not a world without a campaign.
     */
    public record BurnIn(String strategy, double budgetMusdPerYear, int line) {
    }

    /** A named budget split plus doctrine switches (parameter values the strategy sets). */
    public record Strategy(String id, String name, String description, Shares shares, Map<String, Object> doctrine,
                           int line) {
    }
}
