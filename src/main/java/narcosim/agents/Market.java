package narcosim.agents;

import narcosim.scenario.ParamValues;
import narcosim.world.Nation;

/**
 * The wholesale market at the gateway. Price responds to smoothed supply with a constant demand
 * elasticity (Caulkins et al. 1993) and to traffickers' risk premium (NarcoLogic:
 * {@code RP_t = max((1-d) RP_{t-1} + d (r/r_base)^m, 1)}). Prices along the chain, and farm-gate
 * income, follow the market price with a partial pass-through.
 */
public final class Market {

    private final double referencePrice;
    private final double elasticity;
    private final double smoothing;
    private final double riskBase;
    private final double riskExponent;
    private final double riskDelta;
    private final double passThrough;

    private double supplyEma = Double.NaN;
    private double referenceSupply = Double.NaN;
    private boolean calibrating;
    private double riskPremium = 1;
    private double price;
    private double chainFactor = 1;

    public Market(double referencePrice, ParamValues p) {
        this.referencePrice = referencePrice;
        this.elasticity = p.real("market.demand_elasticity");
        this.smoothing = p.real("market.supply_smoothing");
        this.riskBase = p.real("market.risk_base");
        this.riskExponent = p.real("market.risk_exponent");
        this.riskDelta = p.real("market.risk_delta");
        this.passThrough = p.real("market.price_pass_through");
        this.price = referencePrice;
    }

    /** Weekly update from last week's deliveries and traffickers' flow-weighted perceived risk. */
    public void update(long deliveredKg, double perceivedRisk) {
        supplyEma = Double.isNaN(supplyEma) ? deliveredKg : (1 - smoothing) * supplyEma + smoothing * deliveredKg;
        if (calibrating && supplyEma > 0) {
            referenceSupply = supplyEma;
            calibrating = false;
        }
        // NarcoLogic: RP_t = max((1 - delta) RP_{t-1} + delta (r / r_base)^m, 1)
        riskPremium = Math.max((1 - riskDelta) * riskPremium + riskDelta * Math.pow(perceivedRisk / riskBase,
                riskExponent), 1);
        double supplyFactor = 1;
        double ref = Double.isNaN(referenceSupply) ? supplyEma : referenceSupply;
        if (ref > 0 && supplyEma > 0) {
            // Constant-elasticity demand: Q/Q_ref = (P/P_ref)^e  =>  P = P_ref (Q/Q_ref)^(1/e)
            supplyFactor = Math.pow(supplyEma / ref, 1 / elasticity);
        } else if (ref > 0) {
            supplyFactor = 4;
        }
        double factor = Math.min(4.0, Math.max(0.25, supplyFactor)) * riskPremium;
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
