package narcosim.agents;

/**
 * What one kilogram of a shipment has cost by the time it reaches a place, by component (Reuter &amp;
 * Kleiman 1986, "Risks and prices"; Caulkins &amp; Reuter 2010): the price paid at the source, transport,
 * crews' wages, crews' compensation for risk, the replacement of loads lost on the way (at their cost
 * where they were lost, Caulkins, Crawford &amp; Reuter 1993), and the traffickers' margin. The margin is
 * counted in kilometres (it is a price per kg and km set by the market, {@link Market#marginPerKm()}), so
 * that a load's value can be read at any margin; the loss replacement of margin is kept apart likewise.
 */
public final class UnitCost {

    /** The parts of a price, in the order of the price decomposition outputs. */
    public enum Part {
        SOURCE("source", "Price at the source"),
        TRANSPORT("transport", "Transport"),
        CREW_WAGES("crew_wages", "Crews' wages"),
        CREW_RISK("crew_risk", "Crews' risk compensation"),
        LOSS_REPLACEMENT("loss_replacement", "Replacing loads lost"),
        MARGIN("margin", "Traffickers' margin"),
        SCARCITY("scarcity", "Scarcity (short supply)");

        public final String column;
        public final String label;

        Part(String column, String label) {
            this.column = column;
            this.label = label;
        }
    }

    /** Cost parts in US$/kg: source, transport, wages, risk compensation, loss replacement of these. */
    double source;
    double transport;
    double wages;
    double crewRisk;
    double replacement;
    /** Margin-bearing distance (km) and the loss replacement of margin (in km too). */
    double marginKm;
    double replacementKm;

    private UnitCost() {
    }

    /** A kilogram bought at the source for {@code priceUsdKg}. */
    public static UnitCost bought(double priceUsdKg) {
        UnitCost c = new UnitCost();
        c.source = priceUsdKg;
        return c;
    }

    /**
     * Enters a link: pays its transport, adds its length to the margin-bearing distance, then the expected
     * replacement of loads lost on it. To land one kg the trafficker sends 1/(1 - l) kg, so the survivors
     * carry everything spent on the load so far times l/(1 - l) (Reuter &amp; Kleiman 1986; Caulkins, Crawford
     * &amp; Reuter 1993: a loss is replaced at its cost where it happened).
     */
    public void enter(double transportUsdKg, double km, double lossShare) {
        transport += transportUsdKg;
        marginKm += km;
        double l = Math.min(Math.max(lossShare, 0), MAX_LOSS_SHARE);
        double f = l / (1 - l);
        replacement += f * (source + transport + wages + crewRisk + replacement);
        replacementKm += f * (marginKm + replacementKm);
    }

    /** Most loss share a leg is priced at (a bound that keeps l/(1 - l) finite; never reached in shipped runs). */
    public static final double MAX_LOSS_SHARE = 0.9;

    /** Crews handle the load at a place: their wage and their compensation for risk, US$/kg. */
    public void handled(double wagesUsdKg, double riskUsdKg) {
        wages += wagesUsdKg;
        crewRisk += riskUsdKg;
    }

    /** Value of a kg here at a margin of {@code marginPerKm} US$/kg/km. */
    public double value(double marginPerKm) {
        return source + transport + wages + crewRisk + replacement + marginPerKm * (marginKm + replacementKm);
    }

    /** Adds {@code kg} times this cost's parts into {@code sums} (source, transport, wages, risk, replacement, km, replacement km). */
    public void addTo(double[] sums, double kg) {
        sums[0] += kg * source;
        sums[1] += kg * transport;
        sums[2] += kg * wages;
        sums[3] += kg * crewRisk;
        sums[4] += kg * replacement;
        sums[5] += kg * marginKm;
        sums[6] += kg * replacementKm;
    }

    /** Entries of the sums {@link #addTo} fills. */
    public static final int SUMS = 7;

    public double sourceUsdKg() {
        return source;
    }
}
