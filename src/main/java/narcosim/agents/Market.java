package narcosim.agents;

import narcosim.scenario.ParamValues;
import narcosim.scenario.Specs;
import narcosim.util.StateException;

/**
 * One wholesale market of the scenario's list (ODD 7.14): the price at its gateways, formed by costs (Reuter &amp;
 * Kleiman 1986; Caulkins &amp; Reuter 2010) and by its own demand. Its supply price C is the smoothed value of the
 * kilograms delivered to its gateways; its price is C times a short-run scarcity factor, the inverse demand at the
 * supply on offer over it: {@code P = P_ref (S/Q_ref)^(1/e)} with S the smoothed deliveries plus the market's stock
 * over {@code market.stock_weeks}, held within C/c and C c (c = {@code market.supply_factor_cap}). Consumption is
 * what demand takes at that price, {@code D(P) = Q_ref (P/P_ref)^e} (constant elasticity around the reference
 * point, Caulkins et al. 1993); kilograms delivered and not yet consumed are the market's stock. The reference point
 * is the market's reference price P_ref and its share of the burn-in's steady-state delivered flow Q_ref; the
 * trade's margin rate ({@link Markets}) is fixed then so that the supply price meets the reference price: before
 * the campaign the market is in equilibrium at P_ref.
 */
public final class Market {

    private final Specs.Market spec;
    private final double referencePrice;
    private final double demandShare;
    private final double elasticity;
    private final double smoothing;
    private final double scarcityCap;
    private final double cap;
    private final double stockWeeks;

    /** Smoothed parts of the delivered kilograms' cost ({@link UnitCost#addTo} order). */
    private final double[] parts = new double[UnitCost.SUMS];
    private final double[] weekParts = new double[UnitCost.SUMS];
    private long weekKg;
    private boolean partsKnown;
    private double supplyEma = Double.NaN;
    private double referenceSupply = Double.NaN;
    private boolean calibrated;
    private double supplyPrice;
    private double scarcity = 1;
    private double price;
    private boolean capped;
    private long stockKg;
    private long deliveredThisWeek;
    /** Kg carried in (negative: out) by wholesalers this week: deliveries moved between markets. */
    private long carriedThisWeek;
    private long consumedLastWeek;
    private double demandLastWeek;

    public Market(Specs.Market spec, ParamValues p) {
        this.spec = spec;
        this.referencePrice = spec.priceUsdKg();
        this.demandShare = spec.demandShare();
        this.elasticity = p.real("market.demand_elasticity");
        this.smoothing = p.real("market.supply_smoothing");
        this.scarcityCap = p.real("market.supply_factor_cap");
        this.cap = p.real("market.price_cap_factor");
        this.stockWeeks = p.real("market.stock_weeks");
        this.price = referencePrice;
        this.supplyPrice = referencePrice;
    }

    // ------------------------------------------------------------------ during the week

    /** Kilograms delivered to a gateway, worth {@code cost} each at the trade's margin rate; they join the stock. */
    void delivered(long kg, UnitCost cost, double marginRate) {
        cost.addTo(weekParts, kg, marginRate);
        weekKg += kg;
        deliveredThisWeek += kg;
        stockKg = StateException.addKg(stockKg, kg, "the stock of market ", spec.id());
    }

    // ------------------------------------------------------------------ the weekly update

    /** Smoothed cost parts, supply and supply price from last week's deliveries; returns last week's delivered kg. */
    long smooth() {
        long delivered = deliveredThisWeek;
        deliveredThisWeek = 0;
        // Smoothed cost parts of the delivered kilograms (exponential smoothing, as the supply).
        if (weekKg > 0) {
            for (int i = 0; i < parts.length; i++) {
                double mean = weekParts[i] / weekKg;
                parts[i] = partsKnown ? (1 - smoothing) * parts[i] + smoothing * mean : mean;
                weekParts[i] = 0;
            }
            partsKnown = true;
            weekKg = 0;
        }
        supplyEma = Double.isNaN(supplyEma) ? delivered : (1 - smoothing) * supplyEma + smoothing * delivered;
        supplyPrice = cost();
        return delivered;
    }

    /**
     * Before the reference point is known (the burn-in) the market pays its reference price times {@code factor}
     * (1 with one market; with several, what splits the supply among them by their demand, {@link Markets}) and
     * takes whatever arrives.
     */
    void burnIn(double factor) {
        price = factor == 1 ? referencePrice : referencePrice * factor;
        scarcity = 1;
        capped = false;
        consumedLastWeek = stockKg;
        demandLastWeek = stockKg;
        stockKg = 0;
    }

    /** Once the reference point is known: the supply price, the price that clears, last week's consumption. */
    void clear(long delivered) {
        scarcity = scarcity(0, delivered);
        carriedThisWeek = 0;
        double raw = supplyPrice * scarcity;
        price = Math.min(raw, cap * referencePrice);
        capped = raw > cap * referencePrice;
        demandLastWeek = demand(price);
        long take = (long) Math.min(stockKg, Math.floor(demandLastWeek));
        consumedLastWeek = take;
        stockKg -= take;
    }

    /**
     * The scarcity factor at the supply on offer with {@code extraKg} more in stock: the smoothed deliveries plus
     * the stock left from before last week's deliveries, run down over market.stock_weeks (last week's deliveries
     * are in the smoothed supply already).
     */
    private double scarcity(double extraKg, long delivered) {
        // Stock carried in by wholesalers counts as deliveries moved here: in the smoothed supply (this week, weight
        // σ), not in the stock left from before; they carry no more than sells here this week ({@link Markets}).
        double offered = supplyEma + smoothing * extraKg + (stockKg - delivered - carriedThisWeek) / stockWeeks;
        // Inverse demand at the supply on offer: P = P_ref (S/Q_ref)^(1/e), a factor on the supply price held
        // within [1/c, c]: above 1 in a shortage (a rent), below 1 in a glut (stock sold off below cost).
        double clearing = offered > 0 ? referencePrice * Math.pow(offered / referenceSupply, 1 / elasticity)
                : Double.POSITIVE_INFINITY;
        return Math.min(scarcityCap, Math.max(1 / scarcityCap, clearing / supplyPrice));
    }

    /** The price this week's clearing would give with {@code extraKg} more (negative: fewer) kg carried in. */
    double priceWith(double extraKg, long delivered) {
        return Math.min(supplyPrice * scarcity(extraKg, delivered), cap * referencePrice);
    }

    /** What demand takes at a price beyond the stock here and {@code extraKg} carried in, kg (0 if none). */
    double room(double priceUsdKg, double extraKg) {
        return Math.max(0, Math.floor(demand(priceUsdKg) - stockKg - extraKg));
    }

    /**
     * Wholesale stock carried in (positive) or out (negative) by arbitrage between markets: it joins (leaves) the
     * stock, and counts as this week's deliveries here (elsewhere) in the smoothed supply.
     */
    void carry(long kg) {
        stockKg = StateException.addKg(stockKg, kg, "the stock of market ", spec.id());
        carriedThisWeek += kg;
        supplyEma = Math.max(0, supplyEma + smoothing * kg);
    }

    private double cost() {
        if (!partsKnown) return referencePrice;
        double c = 0;
        for (double part : parts) c += part;
        return c;
    }

    /** Kilograms a week demand takes at a price: Q_ref (P/P_ref)^e. */
    public double demand(double priceUsdKg) {
        return referenceSupply * Math.pow(priceUsdKg / referencePrice, elasticity);
    }

    // ------------------------------------------------------------------ the reference point

    /** Whether kilograms have been delivered here (the smoothed supply and cost parts are known). */
    boolean supplied() {
        return !Double.isNaN(supplyEma) && supplyEma > 0 && partsKnown;
    }

    /** The smoothed weekly deliveries (0 before any). */
    double smoothedSupply() {
        return Double.isNaN(supplyEma) ? 0 : supplyEma;
    }

    /** The cost parts, to be refilled from the calibration window's deliveries at the calibrated margin. */
    double[] partsToRefill() {
        java.util.Arrays.fill(parts, 0);
        return parts;
    }

    /**
     * Fixes the reference point: the reference supply, and the cost parts as the window's deliveries here (refilled
     * through {@link #partsToRefill()}) over their {@code windowKg} kilograms, or the trade's parts if none came here.
     */
    void fix(double referenceSupply, double[] tradeParts, long windowKg) {
        this.referenceSupply = referenceSupply;
        if (tradeParts != null) {
            if (windowKg > 0) {
                for (int i = 0; i < parts.length; i++) parts[i] /= windowKg;
            } else {
                System.arraycopy(tradeParts, 0, parts, 0, parts.length);
            }
            partsKnown = true;
        }
        calibrated = true;
        supplyPrice = cost();
    }

    // ------------------------------------------------------------------ reading

    public double price() {
        return price;
    }

    public boolean capped() {
        return capped;
    }

    /** {@code market.price_cap_factor}: the most the price may reach as a multiple of the reference price. */
    double capFactor() {
        return cap;
    }

    /** The most the price may reach, US$/kg. */
    public double priceCap() {
        return referencePrice * cap;
    }

    public double referencePrice() {
        return referencePrice;
    }

    /** The market's share of the demand of the scenario's markets. */
    public double demandShare() {
        return demandShare;
    }

    /** Kilograms a week the market takes at its reference price (NaN before the end of the burn-in). */
    public double referenceSupply() {
        return referenceSupply;
    }

    public double supplyPrice() {
        return supplyPrice;
    }

    /** What demand takes at the supply price (kg a week); NaN before the reference point is known. */
    double wanted() {
        return calibrated ? demand(supplyPrice) : Double.NaN;
    }

    /** The parts of the supply price that compensate risk (crews' risk pay, loss replacement), US$/kg; 0 before any. */
    double riskPart() {
        return partsKnown ? parts[3] + parts[4] : 0;
    }

    boolean partsKnown() {
        return partsKnown;
    }

    /**
     * How much of the supply price is compensation for risk: the supply price over the supply price without it,
     * 1 with none (ODD 7.14).
     */
    public double riskPremium() {
        if (!partsKnown) return 1;
        double risk = parts[3] + parts[4];
        double rest = supplyPrice - risk;
        return rest > 0 && risk > 0 ? supplyPrice / rest : 1;
    }

    /** A part of the price, US$/kg; the parts add up to the price (0 before any delivery). */
    public double part(UnitCost.Part part) {
        if (!partsKnown) return part == UnitCost.Part.SCARCITY ? price : 0;
        double f = price / (supplyPrice * scarcity); // below 1 only when the price is capped
        return switch (part) {
            case SOURCE -> parts[0] * f;
            case TRANSPORT -> parts[1] * f;
            case CREW_WAGES -> parts[2] * f;
            case CREW_RISK -> parts[3] * f;
            case LOSS_REPLACEMENT -> parts[4] * f;
            case MARGIN -> parts[5] * f;
            case SCARCITY -> supplyPrice * (scarcity - 1) * f;
        };
    }

    public long consumedLastWeekKg() {
        return consumedLastWeek;
    }

    public double demandLastWeekKg() {
        return demandLastWeek;
    }

    public long stockKg() {
        return stockKg;
    }

    /** The short-run scarcity factor on the supply price (1 when supply meets demand). */
    public double scarcity() {
        return scarcity;
    }
}
