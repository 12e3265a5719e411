package narcosim.agents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import narcosim.scenario.ParamValues;
import narcosim.util.StateException;
import narcosim.world.Nation;

/**
 * The wholesale market at the gateway, and the prices along the chain, formed by costs (Reuter &amp;
 * Kleiman 1986; Caulkins &amp; Reuter 2010). Each kilogram carries what it has cost ({@link UnitCost});
 * the price of cocaine in a nation is the smoothed value of the kilograms arriving there, and the
 * gateway's supply price is the smoothed value of the kilograms delivered. The gateway price is that
 * supply price C times a short-run scarcity factor, the inverse demand at the supply on offer over it:
 * {@code P = P_ref (S/Q_ref)^(1/e)} with S the smoothed deliveries plus the market's stock over
 * {@code market.stock_weeks}, held within C/c and C c (c = {@code market.supply_factor_cap}).
 * Consumption is what demand takes at that price, {@code D(P) = Q_ref (P/P_ref)^e} (constant elasticity
 * around the reference point, Caulkins et al. 1993); kilograms delivered and not yet consumed are the
 * market's stock. The reference point is the scenario's gateway price P_ref and the burn-in's
 * steady-state delivered flow Q_ref; the traffickers' margin rate is fixed then so that the supply price meets the
 * reference price ({@link #calibrate()}): before the campaign the market is in equilibrium at P_ref.
 */
public final class Market {

    private final double referencePrice;
    private final double elasticity;
    private final double smoothing;
    private final double scarcityCap;
    private final double cap;
    private final double stockWeeks;

    /** Smoothed parts of the delivered kilograms' cost ({@link UnitCost#addTo} order); NaN before any. */
    private final double[] parts = new double[UnitCost.SUMS];
    private final double[] weekParts = new double[UnitCost.SUMS];
    private long weekKg;
    private boolean partsKnown;
    /** Per nation: smoothed value of the kilograms arriving there, and this week's kg-weighted sums. */
    private final double[] chain;
    private final double[] chainWeekUsd;
    private final long[] chainWeekKg;

    /** The calibration window (the burn-in's second half): the kilograms delivered in it, and weeks. */
    private final List<UnitCost> windowCosts = new ArrayList<>();
    /** The window's arrivals in every nation, as their records stood on arrival, to revalue chain prices. */
    private final List<UnitCost> windowArrivals = new ArrayList<>();
    private final List<Long> windowArrivalKg = new ArrayList<>();
    private final List<Integer> windowArrivalNation = new ArrayList<>();
    /** Per nation: the chain price at the calibrated margin over the chain price without it (1 before). */
    private final double[] revalued;
    private final List<Long> windowKgs = new ArrayList<>();
    private long windowKg;
    private int windowWeeks;
    private boolean windowOpen;
    private double marginRate;
    private double supplyEma = Double.NaN;
    private double referenceSupply = Double.NaN;
    private boolean calibrated;
    private double supplyPrice;
    private double scarcity = 1;
    private double price;
    private boolean capped;
    private long stockKg;
    private long deliveredThisWeek;
    private long consumedLastWeek;
    private double demandLastWeek;

    public Market(double referencePrice, int nations, ParamValues p) {
        this.referencePrice = referencePrice;
        this.elasticity = p.real("market.demand_elasticity");
        this.smoothing = p.real("market.supply_smoothing");
        this.scarcityCap = p.real("market.supply_factor_cap");
        this.cap = p.real("market.price_cap_factor");
        this.stockWeeks = p.real("market.stock_weeks");
        this.price = referencePrice;
        this.supplyPrice = referencePrice;
        this.chain = new double[nations];
        Arrays.fill(chain, Double.NaN);
        this.chainWeekUsd = new double[nations];
        this.chainWeekKg = new long[nations];
        this.revalued = new double[nations];
        Arrays.fill(revalued, 1);
    }

    // ------------------------------------------------------------------ during the week

    /** Kilograms arrived in a nation (not at the gateway), worth {@code cost} each. */
    public void arrived(Nation nation, long kg, UnitCost cost) {
        chainWeekUsd[nation.index] += kg * cost.value(marginRate);
        chainWeekKg[nation.index] += kg;
        if (windowOpen) {
            windowArrivals.add(cost.copy());
            windowArrivalKg.add(kg);
            windowArrivalNation.add(nation.index);
        }
    }

    /** Kilograms delivered to the gateway, worth {@code cost} each; they join the market's stock. */
    public void delivered(Nation nation, long kg, UnitCost cost) {
        arrived(nation, kg, cost);
        cost.addTo(weekParts, kg, marginRate);
        weekKg += kg;
        if (windowOpen) {
            windowCosts.add(cost);
            windowKgs.add(kg);
            windowKg += kg;
        }
        deliveredThisWeek += kg;
        stockKg = StateException.addKg(stockKg, kg, "the market's stock");
    }

    // ------------------------------------------------------------------ the weekly update

    /**
     * Weekly update at the start of a week, from last week's deliveries: smoothed costs, the supply price,
     * the gateway price and last week's consumption.
     */
    public void update() {
        long delivered = deliveredThisWeek;
        deliveredThisWeek = 0;
        if (windowOpen) windowWeeks++;
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
        for (int n = 0; n < chain.length; n++) {
            if (chainWeekKg[n] > 0) {
                double mean = chainWeekUsd[n] / chainWeekKg[n];
                chain[n] = Double.isNaN(chain[n]) ? mean : (1 - smoothing) * chain[n] + smoothing * mean;
            }
            chainWeekUsd[n] = 0;
            chainWeekKg[n] = 0;
        }
        supplyEma = Double.isNaN(supplyEma) ? delivered : (1 - smoothing) * supplyEma + smoothing * delivered;
        if (!calibrated) {
            // Before the reference point is known (the burn-in) the market pays the reference price and takes
            // whatever arrives.
            supplyPrice = partsKnown ? cost() : referencePrice;
            price = referencePrice;
            scarcity = 1;
            capped = false;
            consumedLastWeek = stockKg;
            demandLastWeek = stockKg;
            stockKg = 0;
            return;
        }
        supplyPrice = cost();
        // Supply on offer: the smoothed deliveries plus the stock left from before last week's deliveries, run
        // down over market.stock_weeks (last week's deliveries are in the smoothed supply already).
        double offered = supplyEma + (stockKg - delivered) / stockWeeks;
        // Inverse demand at the supply on offer: P = P_ref (S/Q_ref)^(1/e), a factor on the supply price held
        // within [1/c, c]: above 1 in a shortage (a rent), below 1 in a glut (stock sold off below cost).
        double clearing = offered > 0 ? referencePrice * Math.pow(offered / referenceSupply, 1 / elasticity)
                : Double.POSITIVE_INFINITY;
        scarcity = Math.min(scarcityCap, Math.max(1 / scarcityCap, clearing / supplyPrice));
        double raw = supplyPrice * scarcity;
        price = Math.min(raw, cap * referencePrice);
        capped = raw > cap * referencePrice;
        demandLastWeek = demand(price);
        long take = (long) Math.min(stockKg, Math.floor(demandLastWeek));
        consumedLastWeek = take;
        stockKg -= take;
    }

    private double cost() {
        double c = 0;
        for (double part : parts) c += part;
        return c;
    }

    /** Kilograms a week demand takes at a price: Q_ref (P/P_ref)^e. */
    public double demand(double priceUsdKg) {
        return referenceSupply * Math.pow(priceUsdKg / referencePrice, elasticity);
    }

    /**
     * Fixes the reference point at the end of the burn-in: the reference supply at the calibration window's
     * mean weekly deliveries, and the margin rate at what makes the delivered kilograms' value meet the
     * reference price. Does nothing until kilograms have been delivered; call again.
     */
    public void calibrate() {
        calibrate(Double.NaN);
    }

    /**
     * As {@link #calibrate()}, with the reference supply given: the flow the burn-in's supply delivers in
     * steady state (the model's figure: production times the delivered share of ended journeys, which,
     * unlike the window's deliveries, does not depend on how far the pipeline had filled). NaN: the window's
     * mean deliveries. Does nothing until kilograms have been delivered; call again.
     */
    public void calibrate(double steadySupply) {
        this.steadySupply = steadySupply;
        if (!Double.isNaN(supplyEma) && supplyEma > 0 && partsKnown) fix();
    }

    private double steadySupply = Double.NaN;

    /**
     * Opens the calibration window: the reference point is fixed from the mean deliveries and costs from
     * now until {@link #calibrate()} (weekly deliveries are lumpy; a mean over months is not).
     */
    public void openCalibrationWindow() {
        windowOpen = true;
    }

    /**
     * Fixes the reference point: the reference supply at the window's mean weekly deliveries, and the margin
     * rate at what makes the mean value of the kilograms delivered in the window meet the reference price
     * (by bisection: the value rises with the rate). Without a window, from the smoothed figures.
     */
    private void fix() {
        if (windowOpen && windowKg > 0 && windowWeeks > 0) {
            referenceSupply = Double.isNaN(steadySupply) || steadySupply <= 0 ? (double) windowKg / windowWeeks
                    : steadySupply;
            marginRate = rateMeeting(referencePrice);
            Arrays.fill(parts, 0);
            for (int i = 0; i < windowCosts.size(); i++) windowCosts.get(i).addTo(parts, windowKgs.get(i), marginRate);
            for (int i = 0; i < parts.length; i++) parts[i] /= windowKg;
        } else {
            referenceSupply = supplyEma;
        }
        revalueChain();
        windowOpen = false;
        windowCosts.clear();
        windowKgs.clear();
        windowArrivals.clear();
        windowArrivalKg.clear();
        windowArrivalNation.clear();
        calibrated = true;
        supplyPrice = cost();
    }

    /**
     * Before the margin is known, kilograms arriving in a nation are valued at costs only; once it is, the
     * smoothed chain prices are revalued by each nation's ratio, over the window's arrivals, of their value
     * at the margin to their value without it, so that prices (and what reads them: bribes, contested value)
     * do not jump when the campaign starts.
     */
    private void revalueChain() {
        double[] atRate = new double[chain.length];
        double[] atCost = new double[chain.length];
        for (int i = 0; i < windowArrivals.size(); i++) {
            int n = windowArrivalNation.get(i);
            long kg = windowArrivalKg.get(i);
            atRate[n] += kg * windowArrivals.get(i).value(marginRate);
            atCost[n] += kg * windowArrivals.get(i).value(0);
        }
        for (int n = 0; n < chain.length; n++) {
            revalued[n] = atCost[n] > 0 ? atRate[n] / atCost[n] : 1;
            if (!Double.isNaN(chain[n])) chain[n] *= revalued[n];
        }
    }

    /** A nation's chain price at the calibrated margin over its price without it (1 before calibration). */
    public double revaluation(Nation n) {
        return revalued[n.index];
    }

    private double meanValue(double rate) {
        double sum = 0;
        for (int i = 0; i < windowCosts.size(); i++) sum += windowKgs.get(i) * windowCosts.get(i).value(rate);
        return sum / windowKg;
    }

    private double rateMeeting(double price) {
        if (meanValue(0) >= price) return 0;
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60 && meanValue(hi) < price; i++) hi *= 2;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (meanValue(mid) < price) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    // ------------------------------------------------------------------ reading

    public double price() {
        return price;
    }

    /** True if last week's price was held at {@code market.price_cap_factor}. */
    public boolean capped() {
        return capped;
    }

    /** The most the price may reach, in US$/kg. */
    public double priceCap() {
        return referencePrice * cap;
    }

    public double referencePrice() {
        return referencePrice;
    }

    /** Traffickers' margin per unit of a leg's routine risk, on the value carried (0 before the end of the burn-in). */
    public double marginRate() {
        return marginRate;
    }

    /** Whether the reference point is fixed (the burn-in is over). */
    public boolean calibrated() {
        return calibrated;
    }

    /**
     * Kilograms a week traffickers plan to land: what demand takes at the supply price (the price without
     * scarcity: a shortage is a rent they move to capture, so supply catches up; a glut is sold off through
     * the price); NaN before the reference point is known.
     */
    public double wanted() {
        if (!calibrated) return Double.NaN;
        return demand(supplyPrice);
    }

    /**
     * How much of the supply price is compensation for risk (loss replacement and crews' risk pay): the supply
     * price over the supply price without them, 1 with none; finite, as the other parts are positive. Replaces
     * NarcoLogic's risk premium (ODD 7.14).
     */
    public double riskPremium() {
        if (!partsKnown) return 1;
        double risk = parts[3] + parts[4];
        double rest = supplyPrice - risk;
        return rest > 0 && risk > 0 ? supplyPrice / rest : 1;
    }

    /** A part of the gateway price, US$/kg; the parts add up to the price (0 before any delivery). */
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

    /** Price of cocaine in a nation: the smoothed value of the kilograms arriving there; NaN if none yet. */
    public double chainPrice(Nation n) {
        return chain[n.index];
    }

    /** Kilograms consumed last week. */
    public long consumedLastWeekKg() {
        return consumedLastWeek;
    }

    /** What demand took at last week's price, kg (consumption is this or the stock, whichever is less). */
    public double demandLastWeekKg() {
        return demandLastWeek;
    }

    /** Delivered kilograms not yet consumed. */
    public long stockKg() {
        return stockKg;
    }

    /** The short-run scarcity factor on the supply price (1 when supply meets demand). */
    public double scarcity() {
        return scarcity;
    }
}
