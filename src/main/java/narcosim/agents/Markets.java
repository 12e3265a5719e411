package narcosim.agents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import narcosim.scenario.ParamValues;
import narcosim.scenario.Specs;
import narcosim.world.Nation;

/**
 * The scenario's wholesale markets (ODD 7.14) and the prices along the chain. Each kilogram carries what it has
 * cost ({@link UnitCost}); the price of cocaine in a nation is the smoothed value of the kilograms arriving there;
 * each {@link Market} forms its own price from the kilograms delivered to its gateways and its own demand. The
 * traffickers' margin rate is one for the trade: fixed at the end of the burn-in ({@link #calibrate(double)}) so
 * that the value of the kilograms delivered meets the markets' reference prices (their mean over the kilograms
 * each took, with several). With several markets, during the burn-in each pays its reference price times the
 * inverse demand of its share of the current supply, {@code (S_m / (w_m S))^(1/e)} (held within [1/c, c]): where
 * more arrives than its share of demand the price is lower, so cargo is routed to where it is wanted before the
 * reference point is fixed (a spatial equilibrium, Samuelson 1952; Takayama &amp; Judge 1971).
 */
public final class Markets {

    private final List<Market> markets = new ArrayList<>();
    /** What carrying a kg of wholesale stock from market a to market b costs, US$ (0 on the diagonal). */
    private final double[][] carry;
    private long carriedLastWeekKg;
    /** Last week's kilograms delivered to each market (filled by each weekly update). */
    private final long[] delivered;
    private final double smoothing;
    private final double elasticity;
    private final double scarcityCap;

    /** Per nation: smoothed value of the kilograms arriving there, and this week's kg-weighted sums. */
    private final double[] chain;
    private final double[] chainWeekUsd;
    private final long[] chainWeekKg;

    /** The calibration window (the burn-in's second half): the kilograms delivered in it, where, and weeks. */
    private final List<UnitCost> windowCosts = new ArrayList<>();
    private final List<Long> windowKgs = new ArrayList<>();
    private final List<Integer> windowMarkets = new ArrayList<>();
    /** The window's arrivals in every nation, as their records stood on arrival, to revalue chain prices. */
    private final List<UnitCost> windowArrivals = new ArrayList<>();
    private final List<Long> windowArrivalKg = new ArrayList<>();
    private final List<Integer> windowArrivalNation = new ArrayList<>();
    /** Per nation: the chain price at the calibrated margin over the chain price without it (1 before). */
    private final double[] revalued;
    private long windowKg;
    private int windowWeeks;
    private boolean windowOpen;
    private double marginRate;
    private boolean calibrated;
    private double steadySupply = Double.NaN;

    /**
     * @param places the scenario's places by id (the gateways' positions give what carrying stock between markets
     *               costs); may be null with one market
     */
    public Markets(List<Specs.Market> specs, java.util.function.Function<String, Specs.Place> places, int nations,
                   ParamValues p) {
        for (Specs.Market s : specs) markets.add(new Market(s, p));
        carry = new double[specs.size()][specs.size()];
        for (int a = 0; a < specs.size(); a++) {
            for (int b = 0; b < specs.size(); b++) {
                if (a != b) carry[a][b] = Specs.Market.carryUsdKg(specs.get(a), specs.get(b), places,
                        p.real("shipment.cost_land_usd_kg_km"));
            }
        }
        this.delivered = new long[specs.size()];
        this.smoothing = p.real("market.supply_smoothing");
        this.elasticity = p.real("market.demand_elasticity");
        this.scarcityCap = p.real("market.supply_factor_cap");
        this.chain = new double[nations];
        Arrays.fill(chain, Double.NaN);
        this.chainWeekUsd = new double[nations];
        this.chainWeekKg = new long[nations];
        this.revalued = new double[nations];
        Arrays.fill(revalued, 1);
    }

    /** One market of all the demand at a reference price (tests). */
    public static Markets single(double referencePrice, int nations, ParamValues p) {
        return new Markets(List.of(new Specs.Market("market", "Market", List.of(), referencePrice, 1.0, 0)), null,
                nations, p);
    }

    // ------------------------------------------------------------------ during the week

    /** Kilograms arrived in a nation (not at a gateway), worth {@code cost} each. */
    public void arrived(Nation nation, long kg, UnitCost cost) {
        chainWeekUsd[nation.index] += kg * cost.value(marginRate);
        chainWeekKg[nation.index] += kg;
        if (windowOpen) {
            windowArrivals.add(cost.copy());
            windowArrivalKg.add(kg);
            windowArrivalNation.add(nation.index);
        }
    }

    /** Kilograms delivered to a gateway of market {@code market} in a nation, worth {@code cost} each. */
    public void delivered(int market, Nation nation, long kg, UnitCost cost) {
        arrived(nation, kg, cost);
        markets.get(market).delivered(kg, cost, marginRate);
        if (windowOpen) {
            windowCosts.add(cost);
            windowKgs.add(kg);
            windowMarkets.add(market);
            windowKg += kg;
        }
    }

    // ------------------------------------------------------------------ the weekly update

    /**
     * Weekly update at the start of a week, from last week's deliveries: the chain prices, then each market's
     * smoothed costs, supply price, price and last week's consumption.
     */
    public void update() {
        if (windowOpen) windowWeeks++;
        for (int n = 0; n < chain.length; n++) {
            if (chainWeekKg[n] > 0) {
                double mean = chainWeekUsd[n] / chainWeekKg[n];
                chain[n] = Double.isNaN(chain[n]) ? mean : (1 - smoothing) * chain[n] + smoothing * mean;
            }
            chainWeekUsd[n] = 0;
            chainWeekKg[n] = 0;
        }
        long[] delivered = this.delivered;
        for (int k = 0; k < markets.size(); k++) delivered[k] = markets.get(k).smooth();
        if (!calibrated) {
            if (markets.size() == 1) {
                markets.get(0).burnIn(1);
                return;
            }
            // Each market's share of the supply against its share of demand: P_m = P_ref,m (S_m / (w_m S))^(1/e)
            // (held within [1/c, c]), with supply carried between markets as stock is after the burn-in.
            double total = 0;
            for (Market m : markets) total += m.smoothedSupply();
            double[] supply = new double[markets.size()];
            for (int k = 0; k < supply.length; k++) supply[k] = markets.get(k).smoothedSupply();
            double all = total;
            PriceOf price = (k, extra) -> {
                Market m = markets.get(k);
                if (!(all > 0)) return m.referencePrice();
                double s = (supply[k] + extra) / (m.demandShare() * all);
                double factor = s > 0 ? Math.pow(s, 1 / elasticity) : Double.POSITIVE_INFINITY;
                return m.referencePrice() * Math.min(scarcityCap, Math.max(1 / scarcityCap, factor));
            };
            double[] extra = arbitrage(price, supply, null);
            for (int k = 0; k < markets.size(); k++) {
                markets.get(k).burnIn(price.at(k, extra[k]) / markets.get(k).referencePrice());
            }
            return;
        }
        if (markets.size() > 1) {
            double[] stock = new double[markets.size()];
            for (int k = 0; k < stock.length; k++) stock[k] = markets.get(k).stockKg();
            double[] extra = arbitrage((k, x) -> markets.get(k).priceWith(x, delivered[k]), stock,
                    (a, b, pb, xa) -> markets.get(a).room(pb + carry[b][a], xa));
            long carried = 0;
            for (int k = 0; k < markets.size(); k++) {
                markets.get(k).carry((long) extra[k]);
                if (extra[k] > 0) carried += (long) extra[k];
            }
            carriedLastWeekKg = carried;
        }
        for (int k = 0; k < markets.size(); k++) markets.get(k).clear(delivered[k]);
    }

    /** A market's price with {@code extra} kg more on offer (negative: fewer). */
    private interface PriceOf {
        double at(int market, double extra);
    }

    /**
     * The most market a sells this week of stock carried from b, its price being b's price {@code pb} plus the
     * carrying cost and {@code extraA} kg carried in already.
     */
    private interface Room {
        double at(int a, int b, double pb, double extraA);
    }

    /**
     * Wholesalers carry stock from a cheaper market to a dearer one while their prices differ by more than the
     * carrying costs (the law of one price net of transport: Samuelson 1952; Takayama &amp; Judge 1971): the widest
     * such gap is closed, by the kilograms (found by bisection; a price falls as supply rises) that bring it to the
     * carrying cost or all the cheaper market has — and, after the burn-in, no more than the dearer market sells
     * this week ({@code room}; wholesalers carry to sell: carried stock left unsold would count twice, in the
     * smoothed supply and in the stock, and go back and forth) — then the next, at most n^2 times. Returns the
     * kilograms each market gained (negative: gave), whole kilograms with a {@code room}.
     */
    private double[] arbitrage(PriceOf price, double[] available, Room room) {
        boolean whole = room != null;
        int n = markets.size();
        double[] extra = new double[n];
        for (int round = 0; round < n * n; round++) {
            int[] pair = null;
            double widest = 1e-6;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (a == b || available[b] + extra[b] < 1) continue;
                    double gap = price.at(a, extra[a]) - price.at(b, extra[b]) - carry[b][a];
                    if (gap > widest) {
                        widest = gap;
                        pair = new int[] {a, b};
                    }
                }
            }
            if (pair == null) break;
            int a = pair[0];
            int b = pair[1];
            double most = available[b] + extra[b];
            if (room != null) most = Math.min(most, room.at(a, b, price.at(b, extra[b]), extra[a]));
            if (most < 1 && room != null) break;
            double kg;
            if (price.at(a, extra[a] + most) - price.at(b, extra[b] - most) - carry[b][a] >= 0) {
                kg = most;
            } else {
                double lo = 0;
                double hi = most;
                for (int i = 0; i < 60; i++) {
                    double mid = (lo + hi) / 2;
                    if (price.at(a, extra[a] + mid) - price.at(b, extra[b] - mid) - carry[b][a] > 0) lo = mid;
                    else hi = mid;
                }
                kg = lo;
            }
            if (whole) kg = Math.floor(kg);
            if (kg <= 0) break;
            extra[a] += kg;
            extra[b] -= kg;
        }
        return extra;
    }

    /** Kilograms of wholesale stock carried between markets last week (0 with one market or in the burn-in). */
    public long carriedLastWeekKg() {
        return carriedLastWeekKg;
    }

    // ------------------------------------------------------------------ the reference point

    /**
     * Opens the calibration window: the reference point is fixed from the mean deliveries and costs from now until
     * {@link #calibrate(double)} (weekly deliveries are lumpy; a mean over months is not).
     */
    public void openCalibrationWindow() {
        windowOpen = true;
    }

    /** As {@link #calibrate(double)} with the window's mean deliveries as the steady flow. */
    public void calibrate() {
        calibrate(Double.NaN);
    }

    /**
     * Fixes the reference point at the end of the burn-in: the reference supply of the markets together at the
     * flow the burn-in's supply delivers in steady state ({@code steadySupply}: the model's figure, production times
     * the delivered share of ended journeys; NaN: the window's mean deliveries), each market's at its demand share
     * of it, and the margin rate at what makes the delivered kilograms' value meet the reference price. Does nothing
     * until kilograms have been delivered; call again.
     */
    public void calibrate(double steadySupply) {
        this.steadySupply = steadySupply;
        boolean supplied = false;
        for (Market m : markets) supplied |= m.supplied();
        if (supplied) fix();
    }

    private void fix() {
        if (windowOpen && windowKg > 0 && windowWeeks > 0) {
            double total = Double.isNaN(steadySupply) || steadySupply <= 0 ? (double) windowKg / windowWeeks
                    : steadySupply;
            marginRate = rateMeeting(targetPrice());
            double[][] refill = new double[markets.size()][];
            for (int k = 0; k < markets.size(); k++) refill[k] = markets.get(k).partsToRefill();
            long[] kgs = new long[markets.size()];
            for (int i = 0; i < windowCosts.size(); i++) {
                windowCosts.get(i).addTo(refill[windowMarkets.get(i)], windowKgs.get(i), marginRate);
                kgs[windowMarkets.get(i)] += windowKgs.get(i);
            }
            // A market nothing reached in the window takes the trade's parts (all the window's deliveries).
            double[] trade = new double[UnitCost.SUMS];
            if (java.util.Arrays.stream(kgs).anyMatch(kg -> kg == 0)) {
                for (int i = 0; i < windowCosts.size(); i++) windowCosts.get(i).addTo(trade, windowKgs.get(i), marginRate);
                for (int i = 0; i < trade.length; i++) trade[i] /= windowKg;
            }
            for (int k = 0; k < markets.size(); k++) {
                Market m = markets.get(k);
                m.fix(m.demandShare() == 1 ? total : m.demandShare() * total, trade, kgs[k]);
            }
        } else {
            double total = 0;
            for (Market m : markets) total += m.smoothedSupply();
            for (Market m : markets) m.fix(m.demandShare() == 1 ? total : m.demandShare() * total, null, 0);
        }
        revalueChain();
        windowOpen = false;
        windowCosts.clear();
        windowKgs.clear();
        windowMarkets.clear();
        windowArrivals.clear();
        windowArrivalKg.clear();
        windowArrivalNation.clear();
        calibrated = true;
    }

    /** The price the window's deliveries are to meet: the reference price, or their kg-weighted mean over markets. */
    private double targetPrice() {
        if (markets.size() == 1) return markets.get(0).referencePrice();
        double usd = 0;
        for (int i = 0; i < windowKgs.size(); i++) {
            usd += windowKgs.get(i) * markets.get(windowMarkets.get(i)).referencePrice();
        }
        return usd / windowKg;
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

    /** The markets, in the scenario's order. */
    public List<Market> list() {
        return markets;
    }

    public Market get(int market) {
        return markets.get(market);
    }

    public int size() {
        return markets.size();
    }

    /** The price at a gateway of market {@code market}. */
    public double price(int market) {
        return markets.get(market).price();
    }

    /**
     * The wholesale price: with one market its price; with several their demand-weighted mean, sum of w_m P_m
     * (a price index at the reference quantities' weights).
     */
    public double price() {
        return weighted(Market::price);
    }

    /** A market figure: the market's, or with several their demand-weighted mean, sum of w_m f_m. */
    private double weighted(java.util.function.ToDoubleFunction<Market> f) {
        if (markets.size() == 1) return f.applyAsDouble(markets.get(0));
        double sum = 0;
        for (Market m : markets) sum += m.demandShare() * f.applyAsDouble(m);
        return sum;
    }

    /** A market figure: the market's, or with several their sum. */
    private double summed(java.util.function.ToDoubleFunction<Market> f) {
        if (markets.size() == 1) return f.applyAsDouble(markets.get(0));
        double sum = 0;
        for (Market m : markets) sum += f.applyAsDouble(m);
        return sum;
    }

    /** True if some market's price was held at {@code market.price_cap_factor} last week. */
    public boolean capped() {
        for (Market m : markets) {
            if (m.capped()) return true;
        }
        return false;
    }

    /** The most the wholesale price may reach, in US$/kg (every market at its cap). */
    public double priceCap() {
        return referencePrice() * markets.get(0).capFactor();
    }

    /** The reference wholesale price: the reference price, or the markets' demand-weighted mean. */
    public double referencePrice() {
        return weighted(Market::referencePrice);
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
     * Kilograms a week traffickers plan to land: what the markets' demand takes at their supply prices (the prices
     * without scarcity: a shortage is a rent they move to capture, so supply catches up; a glut is sold off through
     * the price); NaN before the reference point is known.
     */
    public double wanted() {
        if (!calibrated) return Double.NaN;
        return summed(Market::wanted);
    }

    /** The markets' reference supply together, kg a week (NaN before the end of the burn-in). */
    public double referenceSupply() {
        return summed(Market::referenceSupply);
    }

    /**
     * How much of the supply price is compensation for risk (loss replacement and crews' risk pay): the supply
     * price over the supply price without them, 1 with none; with several markets, of their demand-weighted means.
     * Replaces NarcoLogic's risk premium (ODD 7.14).
     */
    public double riskPremium() {
        if (markets.size() == 1) return markets.get(0).riskPremium();
        double supply = 0;
        double risk = 0;
        for (Market m : markets) {
            if (!m.partsKnown()) continue;
            supply += m.demandShare() * m.supplyPrice();
            risk += m.demandShare() * m.riskPart();
        }
        double rest = supply - risk;
        return rest > 0 && risk > 0 ? supply / rest : 1;
    }

    /** A part of the wholesale price, US$/kg; the parts add up to {@link #price()} (0 before any delivery). */
    public double part(UnitCost.Part part) {
        return weighted(m -> m.part(part));
    }

    /** Price of cocaine in a nation: the smoothed value of the kilograms arriving there; NaN if none yet. */
    public double chainPrice(Nation n) {
        return chain[n.index];
    }

    /** Kilograms consumed last week, all markets. */
    public long consumedLastWeekKg() {
        long kg = 0;
        for (Market m : markets) kg += m.consumedLastWeekKg();
        return kg;
    }

    /** What demand took at last week's prices, kg, all markets. */
    public double demandLastWeekKg() {
        return summed(Market::demandLastWeekKg);
    }

    /** Delivered kilograms not yet consumed, all markets. */
    public long stockKg() {
        long kg = 0;
        for (Market m : markets) kg += m.stockKg();
        return kg;
    }

    /** The scarcity factor: the market's, or the wholesale price over the markets' demand-weighted supply price. */
    public double scarcity() {
        if (markets.size() == 1) return markets.get(0).scarcity();
        double supply = 0;
        for (Market m : markets) supply += m.demandShare() * m.supplyPrice();
        return supply > 0 ? price() / supply : 1;
    }
}
