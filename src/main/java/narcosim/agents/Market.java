package narcosim.agents;

import narcosim.scenario.ParamValues;
import narcosim.world.Nation;

/**
 * The wholesale market at the gateway. Price responds to smoothed supply with a constant demand
 * elasticity (Caulkins et al. 1993) and to traffickers' risk premium (NarcoLogic:
 * {@code RP_t = max((1-d) RP_{t-1} + d (r/r_base)^m, 1)}). Prices along the chain, and farm-gate
 * income, follow the market price with a partial pass-through. The supply factor is held between
 * 1/c and c ({@code market.supply_factor_cap}). The risk premium and the price factor are
 * each capped at {@code market.price_cap_factor} (ODD 7.14): a bound that NarcoLogic's r_base and m never
 * reach, and that keeps the price finite where other values of them would make it explode.
 */
public final class Market {

    private final double referencePrice;
    private final double elasticity;
    private final double smoothing;
    private final double supplyCap;
    private final double riskBase;
    private final double riskExponent;
    private final double riskDelta;
    private final double passThrough;
    private final double cap;

    private double supplyEma = Double.NaN;
    private double referenceSupply = Double.NaN;
    private boolean calibrating;
    private double riskPremium = 1;
    private double price;
    private double chainFactor = 1;
    private boolean capped;

    public Market(double referencePrice, ParamValues p) {
        this.referencePrice = referencePrice;
        this.elasticity = p.real("market.demand_elasticity");
        this.smoothing = p.real("market.supply_smoothing");
        this.supplyCap = p.real("market.supply_factor_cap");
        this.riskBase = p.real("market.risk_base");
        this.riskExponent = p.real("market.risk_exponent");
        this.riskDelta = p.real("market.risk_delta");
        this.passThrough = p.real("market.price_pass_through");
        this.cap = p.real("market.price_cap_factor");
        this.price = referencePrice;
    }

    /** Weekly update from last week's deliveries and traffickers' flow-weighted perceived risk. */
    public void update(long deliveredKg, double perceivedRisk) {
        supplyEma = Double.isNaN(supplyEma) ? deliveredKg : (1 - smoothing) * supplyEma + smoothing * deliveredKg;
        if (calibrating && supplyEma > 0) {
            referenceSupply = supplyEma;
            calibrating = false;
        }
        // NarcoLogic: RP_t = max((1 - delta) RP_{t-1} + delta (r / r_base)^m, 1), held at the price cap so that
        // the premium too stays a finite number the price can follow.
        riskPremium = Math.min(cap, Math.max((1 - riskDelta) * riskPremium + riskDelta * Math.pow(perceivedRisk / riskBase,
                riskExponent), 1));
        double supplyFactor = 1;
        double ref = Double.isNaN(referenceSupply) ? supplyEma : referenceSupply;
        if (ref > 0 && supplyEma > 0) {
            // Constant-elasticity demand: Q/Q_ref = (P/P_ref)^e  =>  P = P_ref (Q/Q_ref)^(1/e)
            supplyFactor = Math.pow(supplyEma / ref, 1 / elasticity);
        } else if (ref > 0) {
            supplyFactor = supplyCap;
        }
        double raw = Math.min(supplyCap, Math.max(1 / supplyCap, supplyFactor)) * riskPremium;
        double factor = Math.min(cap, raw);
        capped = raw > cap || riskPremium >= cap;
        price = referencePrice * factor;
        chainFactor = Math.pow(factor, passThrough);
    }

    /**
     * Fixes the reference supply at the smoothed deliveries of the burn-in (the pre-campaign market), or,
     * if nothing has been delivered yet, at the first smoothed deliveries to come.
     */
    public void calibrate() {
        if (!Double.isNaN(supplyEma) && supplyEma > 0) referenceSupply = supplyEma;
        else calibrating = true;
    }

    public double price() {
        return price;
    }

    /** True if last week's price or risk premium was held at {@code market.price_cap_factor}. */
    public boolean capped() {
        return capped;
    }

    /** The most the price may reach, in US$/kg. */
    public double priceCap() {
        return referencePrice * cap;
    }

    public double riskPremium() {
        return riskPremium;
    }

    public double referencePrice() {
        return referencePrice;
    }

    /** Relative change of prices along the chain (and of farm-gate income) against the reference. */
    public double chainPriceFactor() {
        return chainFactor;
    }

    /** Wholesale price in a nation now. */
    public double priceIn(Nation n) {
        return n.spec.priceUsdKg() * chainFactor;
    }
}
