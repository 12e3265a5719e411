package narcosim.agents;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.scenario.ParamValues;
import narcosim.util.StateException;
import narcosim.world.Link;
import narcosim.world.Network;
import narcosim.world.Place;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A trafficking organisation. It buys cocaine at its home production places, values routes by expected
 * profit under the seizure risk it perceives from its own recent losses (NarcoLogic), sends shipments
 * link by link towards the market, expands its network when losses exceed its tolerance and drops
 * the riskiest places when they do not, pays bribes and wages along the way, and can split into rivals
 * when it loses leaders (Dell 2015). A leader's arrest disrupts it for a while (its transport and handling
 * cost more); it keeps a working capital of some weeks of its spending and pays the rest out; when it goes
 * bankrupt or merges it hands its homes, places, stock and shipments on to a rival ({@link #absorbInto}).
 */
public final class Cartel implements Steppable {

    private static final long serialVersionUID = 1L;

    public final String id;
    public final String name;
    private final int index;
    private final Shipping shipping;
    private int[] homes;
    private final BitSet places;
    private final Rules rules;

    /** Seizure history per link: bit t set if one of our shipments was seized there t weeks ago. */
    private final long[] seizureBits;
    private final double[] risk;
    private final double[] value;
    private final double[] valueFull;
    /** Per place, refreshed with the values: value kept after congestion, and handling cost per kg. */
    private final double[] keep;
    private final double[] handle;
    private final long[] departedHistory;
    private final long[] seizedHistory;
    /** Per link: kg we sent into it and kg of ours seized or lost on it, both fading with our memory. */
    private final double[] enteredKg;
    private final double[] lossKg;
    private final long[] stockAt;
    private final double[] marginAt;
    private final long[] kgAt;
    /** Kg through each place since the last review. */
    private final long[] kgWindow;
    private final Deque<Integer> leaderLosses = new ArrayDeque<>();
    private final Deque<Integer> replacements = new ArrayDeque<>();

    private double capitalUsd;
    private int leaders;
    private long departedThisWeek;
    private long seizedThisWeek;
    private long lostThisWeek;
    private final long[] lostHistory;
    private int splinters;
    /** Disruption D after leader arrests: costs are multiplied by 1 + D; D decays with a half-life. */
    private double disruption;
    /** Spending (buying, transport, handling, bribes) in each of the last capital_weeks weeks, newest first. */
    private final double[] spentWeeks;
    private double spentThisWeek;
    private int weeksSpending;
    /** Weeks in a row that the cartel started with capital below zero. */
    private int weeksInsolvent;
    /** The cartel this one split from (null for a scenario's cartel); splinters may merge back into it. */
    private final Cartel parent;
    /** The rival that absorbed this cartel when it left (null while it operates); its shipments go on under it. */
    private Cartel successor;

    /** The cartels' parameters, read once per run. */
    public record Rules(double alpha, double beta, double w, int memory, double lossTolerance, int expansionMax,
                        int reviewWeeks, double bribeShare, double temperature, int shipmentKg, int leaders,
                        int replacementWeeks, int splitLosses, int splitWindow, double splitProbability,
                        double waitDiscount, double splitShare, double blockedValueShare,
                        double disruptionPerArrest, double disruptionHalfLifeWeeks, int capitalWeeks) {

        public static Rules of(ParamValues p) {
            return new Rules(p.real("cartel.risk_alpha"), p.real("cartel.risk_beta"), p.real("cartel.risk_w"),
                    p.integer("cartel.risk_memory_weeks"), p.real("cartel.loss_tolerance"),
                    p.integer("cartel.expansion_max_places"), p.integer("cartel.review_weeks"),
                    p.real("cartel.bribe_share"), p.real("cartel.route_temperature"), p.integer("cartel.shipment_kg"),
                    p.integer("cartel.leaders"), p.integer("cartel.leader_replacement_weeks"),
                    p.integer("cartel.split_leader_losses"), p.integer("cartel.split_window_weeks"),
                    p.real("cartel.split_probability"), p.real("cartel.wait_discount"), p.real("cartel.split_share"),
                    p.real("cartel.blocked_value_share"), p.real("cartel.disruption_per_arrest"),
                    p.integer("cartel.disruption_half_life_weeks"), p.integer("cartel.capital_weeks"));
        }

        /** Perceived risk with no seizures in memory: alpha / (sum w^t + alpha + beta). */
        double priorRisk() {
            return alpha / (weightSum() + alpha + beta);
        }

        /** Weekly weight kept by past kilograms in the loss estimates: 1 - 1/memory. */
        double fade() {
            return 1 - 1.0 / memory;
        }

        double weightSum() {
            double s = 0;
            for (int t = 0; t < memory; t++) s += Math.pow(w, t);
            return s;
        }
    }

    public Cartel(int index, String id, String name, double capitalUsd, int[] homes, Network net, Rules rules,
                  Shipping shipping) {
        this.index = index;
        this.shipping = shipping;
        this.id = id;
        this.name = name;
        this.capitalUsd = capitalUsd;
        this.homes = homes.clone();
        this.rules = rules;
        int nl = net.links.size();
        int np = net.places.size();
        this.places = new BitSet(np);
        this.seizureBits = new long[nl];
        this.risk = new double[nl];
        this.value = new double[np];
        this.valueFull = new double[np];
        this.keep = new double[np];
        this.handle = new double[np];
        this.departedHistory = new long[rules.memory];
        this.seizedHistory = new long[rules.memory];
        this.lostHistory = new long[rules.memory];
        this.enteredKg = new double[nl];
        this.lossKg = new double[nl];
        this.stockAt = new long[np];
        this.marginAt = new double[np];
        this.kgAt = new long[np];
        this.kgWindow = new long[np];
        this.leaders = rules.leaders;
        this.spentWeeks = new double[rules.capitalWeeks];
        this.parent = null;
        Arrays.fill(risk, rules.priorRisk());
        // Start on the cheapest path from each home to the market.
        for (int h : homes) {
            places.set(h);
            for (int l : net.cheapestPathToMarket(h)) {
                places.set(net.links.get(l).from.index);
                places.set(net.links.get(l).to.index);
            }
        }
    }

    /** A splinter: its share of the capital and leaders, the same network and memory, some of the homes. */
    private Cartel(Cartel parent, int index, int[] homes) {
        this.index = index;
        this.shipping = parent.shipping;
        this.id = parent.id + "-" + parent.splinters;
        this.name = parent.name + " splinter " + parent.splinters;
        this.capitalUsd = parent.capitalUsd * parent.rules.splitShare;
        this.homes = homes;
        this.rules = parent.rules;
        this.places = (BitSet) parent.places.clone();
        this.seizureBits = parent.seizureBits.clone();
        this.risk = parent.risk.clone();
        this.value = parent.value.clone();
        this.valueFull = parent.valueFull.clone();
        this.keep = parent.keep.clone();
        this.handle = parent.handle.clone();
        this.departedHistory = parent.departedHistory.clone();
        this.seizedHistory = parent.seizedHistory.clone();
        this.lostHistory = parent.lostHistory.clone();
        this.enteredKg = parent.enteredKg.clone();
        this.lossKg = parent.lossKg.clone();
        this.stockAt = new long[parent.stockAt.length];
        this.marginAt = new double[parent.marginAt.length];
        this.kgAt = new long[parent.kgAt.length];
        this.kgWindow = new long[parent.kgWindow.length];
        this.leaders = Math.max(1, (int) (parent.leaders * parent.rules.splitShare));
        this.parent = parent;
        // The splinter shares its parent's disruption, and its share of the spending that sets the capital kept.
        this.disruption = parent.disruption;
        this.spentWeeks = parent.spentWeeks.clone();
        for (int t = 0; t < spentWeeks.length; t++) spentWeeks[t] *= parent.rules.splitShare;
        this.weeksSpending = parent.weeksSpending;
    }

    // ------------------------------------------------------------------ the week

    @Override
    public void step(SimState state) {
        NarcoModel model = (NarcoModel) state;
        int week = model.week();
        while (!replacements.isEmpty() && replacements.peekFirst() <= week) {
            replacements.pollFirst();
            leaders++;
        }
        // Exponential decay with the stated half-life (Calderon et al. 2015; Lindo & Padilla-Romo 2018: months).
        disruption *= Math.pow(0.5, 1.0 / rules.disruptionHalfLifeWeeks);
        payOut();
        weeksInsolvent = capitalUsd < 0 ? weeksInsolvent + 1 : 0;
        updateRisk();
        computeValues(model, false);
        if (model.stepsSoFar() > 0 && model.stepsSoFar() % rules.reviewWeeks == 0) {
            computeValues(model, true);
            review(model);
            computeValues(model, false);
        }
        payBribes(model);
        buyAndDispatch(model);
    }

    /**
     * Profits taken out of the business: capital above the spending of the last capital_weeks weeks is paid
     * out (assumption: a working capital of that many weeks; ODD 7.15). Not before the cartel has spent for
     * that many weeks, so a new cartel is not stripped of its start-up capital.
     */
    private void payOut() {
        System.arraycopy(spentWeeks, 0, spentWeeks, 1, spentWeeks.length - 1);
        spentWeeks[0] = spentThisWeek;
        spentThisWeek = 0;
        weeksSpending++;
        if (weeksSpending < spentWeeks.length) return;
        double keepUsd = spentRecentlyUsd();
        // K = sum of the last capital_weeks weeks' spending (assumption).
        if (capitalUsd > keepUsd) capitalUsd = keepUsd;
    }

    /** NarcoLogic: r = (sum_{t=0..12} w^t e_{t} + alpha) / (sum w^t + alpha + beta), from our own seizures. */
    private void updateRisk() {
        long mask = rules.memory >= 64 ? -1L : (1L << rules.memory) - 1;
        double denom = rules.weightSum() + rules.alpha + rules.beta;
        for (int l = 0; l < risk.length; l++) {
            long bits = seizureBits[l];
            double s = 0;
            if (bits != 0) {
                for (int t = 0; t < rules.memory; t++) {
                    if ((bits & (1L << t)) != 0) s += Math.pow(rules.w, t);
                }
            }
            risk[l] = (s + rules.alpha) / denom;
            seizureBits[l] = (bits << 1) & mask;
            // Experience fades over the same memory (a kg sent m weeks ago weighs (1 - 1/m)^weeks).
            enteredKg[l] *= rules.fade();
            lossKg[l] *= rules.fade();
        }
        System.arraycopy(departedHistory, 0, departedHistory, 1, departedHistory.length - 1);
        System.arraycopy(seizedHistory, 0, seizedHistory, 1, seizedHistory.length - 1);
        System.arraycopy(lostHistory, 0, lostHistory, 1, lostHistory.length - 1);
        departedHistory[0] = departedThisWeek;
        seizedHistory[0] = seizedThisWeek;
        lostHistory[0] = lostThisWeek;
        departedThisWeek = 0;
        seizedThisWeek = 0;
        lostThisWeek = 0;
    }

    /**
     * Value of a kg at each place: V(gateway) = its market's price; V(p) = max over links p->q of (1 - r) V(q) - cost -
     * handling at q (expected profit under perceived risk). {@code value} uses our network only;
     * {@code valueFull} every link, to rank places we might expand into (needed at reviews only).
     */
    private void computeValues(NarcoModel model, boolean full) {
        Network net = model.network();
        Markets markets = model.markets();
        for (Place q : net.places) {
            keep[q.index] = waitFactor(net, q);
            handle[q.index] = handling(model, q);
        }
        bellman(net, markets, value, true);
        if (full) bellman(net, markets, valueFull, false);
    }

    private void bellman(Network net, Markets markets, double[] v, boolean ownOnly) {
        Arrays.fill(v, Double.NEGATIVE_INFINITY);
        for (Place p : net.places) {
            // A gateway is worth its own market's price (ODD 7.14).
            if (p.isMarket() && (!ownOnly || places.get(p.index))) v[p.index] = markets.price(net.marketOf(p));
        }
        boolean changed = true;
        List<Link> order = net.linksTowardsMarketFirst();
        for (int iter = 0; changed && iter < net.places.size(); iter++) {
            changed = false;
            for (int k = 0; k < order.size(); k++) {
                Link l = order.get(k);
                if (ownOnly && !(places.get(l.from.index) && places.get(l.to.index))) continue;
                double vq = v[l.to.index];
                if (vq == Double.NEGATIVE_INFINITY || l.from.isMarket()) continue;
                int q = l.to.index;
                // Expected value of going on via q; our disruption multiplies our costs (ODD 7.2, 7.15).
                double cand = (1 - risk[l.index]) * vq * keep[q] - costFactor() * (l.costUsdKg + handle[q]);
                if (cand > v[l.from.index] + 1e-9) {
                    v[l.from.index] = cand;
                    changed = true;
                }
            }
        }
    }

    /** Value kept after the wait a congested place imposes. */
    private double waitFactor(Network net, Place q) {
        double w = net.expectedWaitWeeks(q);
        return w <= 0 ? 1 : Math.pow(rules.waitDiscount, w);
    }

    private static double handling(NarcoModel model, Place q) {
        Community residents = model.population().at(q);
        return residents == null ? 0 : residents.handlingCostUsdKg();
    }

    /** Losses above tolerance: expand; otherwise consolidate (NarcoLogic). */
    private void review(NarcoModel model) {
        long departed = 0;
        long seized = 0;
        for (int t = 0; t < departedHistory.length; t++) {
            departed += departedHistory[t];
            seized += seizedHistory[t];
        }
        double losses = departed == 0 ? 0 : (double) seized / departed;
        // Also expand when our network has no route or is so congested that it is worth less than a share
        // (half) of what the wider network offers.
        boolean blocked = false;
        for (int h : homes) {
            // Only where the wider network is worth something: with every route worthless (cargo waiting for crews
            // everywhere, ODD 7.2) there is nothing to expand into, and negative values would read as blocked.
            if (valueFull[h] > 0 && value[h] < rules.blockedValueShare * valueFull[h]) blocked = true;
        }
        if (losses > rules.lossTolerance || blocked) {
            expand(model);
        } else if (departed > 0) {
            consolidate(model);
        }
        java.util.Arrays.fill(kgWindow, 0);
    }

    private void expand(NarcoModel model) {
        Network net = model.network();
        for (int added = 0; added < rules.expansionMax; added++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Link l : net.links) {
                int q = l.to.index;
                if (!places.get(l.from.index) || places.get(q) || valueFull[q] == Double.NEGATIVE_INFINITY) continue;
                // Margin of going through q, against what the place we come from earns now.
                double via = (1 - risk[l.index]) * valueFull[q] * keep[q] - costFactor() * (l.costUsdKg + handle[q]);
                double now = value[l.from.index] == Double.NEGATIVE_INFINITY ? 0 : value[l.from.index];
                double score = via - now;
                if (score > bestScore) {
                    bestScore = score;
                    best = q;
                }
            }
            if (best < 0) break;
            places.set(best);
        }
    }

    private void consolidate(NarcoModel model) {
        Network net = model.network();
        Integer[] order = new Integer[net.links.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(risk[b], risk[a]));
        double prior = rules.priorRisk();
        for (int l : order) {
            if (risk[l] <= prior + 1e-12) break;
            Link link = net.links.get(l);
            if (!places.get(link.from.index) || !places.get(link.to.index)) continue;
            for (Place candidate : new Place[] {link.to, link.from}) {
                if (tryDrop(candidate, net)) return;
            }
        }
        // No risky link: give up a place that carried nothing since the last review.
        for (Place p : net.places) {
            if (places.get(p.index) && kgWindow[p.index] == 0 && tryDrop(p, net)) return;
        }
    }

    /** Drops a place from the network if every home still reaches the market without it. */
    public boolean tryDrop(Place p, Network net) {
        if (p.isMarket() || isHome(p.index) || !places.get(p.index)) return false;
        places.clear(p.index);
        if (net.allReachMarket(homes, places)) return true;
        places.set(p.index);
        return false;
    }

    public boolean isHome(int place) {
        for (int h : homes) {
            if (h == place) return true;
        }
        return false;
    }

    /** Pays bribes, 30% of last week's gross margin at each place where officials can be bought (NarcoLogic). */
    private void payBribes(NarcoModel model) {
        for (int p = 0; p < marginAt.length; p++) {
            double margin = marginAt[p];
            marginAt[p] = 0;
            kgAt[p] = 0;
            if (margin <= 0) continue;
            Place place = model.network().places.get(p);
            double bribe = rules.bribeShare * margin * place.nation.spec.corruption();
            if (bribe <= 0) continue;
            capitalUsd -= bribe;
            spentThisWeek += bribe;
            model.events().emit(new Event.Bribe(index, place.index, bribe));
        }
    }

    /**
     * Buys at the homes and sends shipments, no more than the home's crews can move this week (ODD 7.7). Once the market's reference point is known the trade plans to
     * send what the market will take times 1/(1 - l), l the trade's loss share of the last weeks (traffickers
     * replace what they expect to lose: Reuter &amp; Kleiman 1986), and a cartel buys its homes' share of that;
     * what it does not buy stays in the growers' stock. (A cartel that loses less than the trade lands more
     * than its share: the cheaper trafficker gains the market.) In the burn-in it buys what is harvested.
     */
    private void buyAndDispatch(NarcoModel model) {
        Network net = model.network();
        double wanted = model.markets().wanted();
        double loss = model.tradeLoss();
        for (int h : homes) {
            Place home = net.places.get(h);
            int sharing = Math.max(1, model.cartelsWithHome(h));
            long want;
            if (Double.isNaN(wanted)) {
                want = home.stockKg() / sharing;
            } else {
                double plan = wanted * model.harvestShare(h) / sharing / (1 - loss);
                want = Math.max(0, Math.round(plan) - stockAt[h]);
            }
            model.noteWanted(h, want);
            double price = model.sourcePrice(home);
            if (price > 0 && capitalUsd < want * price) want = (long) Math.max(0, capitalUsd / price);
            long got = home.takeStock(want);
            capitalUsd -= got * price;
            spentThisWeek += got * price;
            stockAt[h] = StateException.addKg(stockAt[h], got, "a cartel's stock at ", home.id());
            home.addHeld(got);
            if (value[h] == Double.NEGATIVE_INFINITY) continue; // no route at the moment: keep the stock
            // Shipments on their way are bounded (ODD 7.7): beyond the bound the cargo waits in stock. Loads are
            // launched only while the home's crews have room this week (crews are capacity, ODD 7.7): what they
            // cannot move stays in stock, and since the plan above nets out the stock, buying stops.
            while (stockAt[h] > 0 && shipping.hasRoom() && home.crewsHaveRoomForNewLoad()) {
                long kg = Math.min(stockAt[h], rules.shipmentKg);
                stockAt[h] -= kg;
                home.addHeld(-kg);
                departedThisWeek += kg;
                shipping.launch(this, kg, home);
            }
        }
    }

    /**
     * Kilograms we sent in the last weeks (our memory), as the memory stands once this week's step has moved it
     * on: last week's kilograms and the weeks before them. Read in the world phase, before any cartel steps, so
     * that every cartel is read at the same point of its week (ODD 7.7).
     */
    public long departedRecentKg() {
        long departed = departedThisWeek;
        for (int t = 0; t < departedHistory.length - 1; t++) departed += departedHistory[t];
        return departed;
    }

    /** Kilograms of ours seized or lost in the last weeks (our memory), read as {@link #departedRecentKg()}. */
    public long lostRecentKg() {
        long ended = seizedThisWeek + lostThisWeek;
        for (int t = 0; t < seizedHistory.length - 1; t++) ended += seizedHistory[t] + lostHistory[t];
        return ended;
    }

    /**
     * The loss share we expect on a link: our kilograms seized or lost there over those we sent, fading
     * with our memory, shrunk toward {@code prior} (the link's known routine risks) by one shipment's worth
     * of prior experience; with no recent experience of the link, the prior.
     */
    public double expectedLoss(Link l, double prior) {
        if (successor != null) return operator().expectedLoss(l, prior);
        double k = rules.shipmentKg;
        return (lossKg[l.index] + prior * k) / (enteredKg[l.index] + k);
    }

    // ------------------------------------------------------------------ what shipments ask and report

    /**
     * The next link for a shipment at a place: a logit choice over our links by expected value, among
     * links with room this week. Returns null when there is none.
     */
    public Link chooseNext(Place at, long kg, Place cameFrom, NarcoModel model) {
        if (successor != null) return operator().chooseNext(at, kg, cameFrom, model);
        Network net = model.network();
        int[] out = net.out(at.index);
        double[] u = new double[out.length];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < out.length; i++) {
            Link l = net.links.get(out[i]);
            u[i] = Double.NEGATIVE_INFINITY;
            if (!places.get(l.to.index) || value[l.to.index] == Double.NEGATIVE_INFINITY || l.to == cameFrom
                    || !l.hasRoomFor(kg)) {
                continue;
            }
            u[i] = (1 - risk[l.index]) * value[l.to.index] * waitFactor(net, l.to)
                    - costFactor() * (l.costUsdKg + handling(model, l.to));
            best = Math.max(best, u[i]);
        }
        if (best == Double.NEGATIVE_INFINITY) return null;
        double temp = rules.temperature * Math.max(1.0, Math.abs(best));
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            u[i] = u[i] == Double.NEGATIVE_INFINITY ? 0 : Math.exp((u[i] - best) / temp);
            sum += u[i];
        }
        double r = model.random.nextDouble() * sum;
        for (int i = 0; i < out.length; i++) {
            r -= u[i];
            if (r <= 0 && u[i] > 0) return net.links.get(out[i]);
        }
        for (int i = out.length - 1; i >= 0; i--) {
            if (u[i] > 0) return net.links.get(out[i]);
        }
        return null;
    }

    public void paid(double usd) {
        if (successor != null) {
            operator().paid(usd);
            return;
        }
        capitalUsd -= usd;
        spentThisWeek += usd;
    }

    public void earned(double usd) {
        if (successor != null) {
            operator().earned(usd);
            return;
        }
        capitalUsd += usd;
    }

    /**
     * What a leader's arrest does to the costs: transport and handling cost 1 + D times as much, D rising by
     * cartel.disruption_per_arrest with each arrest and halving every cartel.disruption_half_life_weeks
     * (ODD 7.15). An absorbed cartel's shipments pay at their new operator's factor.
     */
    public double costFactor() {
        if (successor != null) return operator().costFactor();
        // 1 + D: lost contacts and routes make moving a kg dearer (assumption on the size, ODD 7.15).
        return 1 + disruption;
    }

    public double disruption() {
        return disruption;
    }

    /** A shipment of ours arrived at a place: gross margin there is the price difference along the link. */
    public void arrived(Place at, Place from, long kg, NarcoModel model) {
        if (successor != null) {
            operator().arrived(at, from, kg, model);
            return;
        }
        double margin = model.markets().chainPrice(at.nation) - model.markets().chainPrice(from.nation);
        if (margin > 0 && !at.isMarket()) marginAt[at.index] += margin * kg;
        kgAt[at.index] += kg;
        kgWindow[at.index] += kg;
    }

    /** A shipment of ours entered a link. */
    public void entered(Link link, long kg) {
        if (successor != null) {
            operator().entered(link, kg);
            return;
        }
        enteredKg[link.index] += kg;
    }

    public void seized(Link link, long kg) {
        if (successor != null) {
            operator().seized(link, kg);
            return;
        }
        seizureBits[link.index] |= 1L;
        seizedThisWeek += kg;
        lossKg[link.index] += kg;
    }

    /** A shipment of ours was lost on a link (jettisoned, sunk, crashed). */
    public void lost(Link link, long kg) {
        if (successor != null) {
            operator().lost(link, kg);
            return;
        }
        lostThisWeek += kg;
        lossKg[link.index] += kg;
    }

    /**
     * An arrested leader: after enough losses within the window the organisation may split into two
     * rivals (Dell 2015). Returns true if it split.
     */
    public boolean loseLeader(NarcoModel model) {
        if (leaders <= 0) return false;
        int week = model.week();
        leaders--;
        // Each arrest adds to the disruption (assumption on its size; ODD 7.15).
        disruption += rules.disruptionPerArrest;
        replacements.addLast(week + rules.replacementWeeks);
        leaderLosses.addLast(week);
        while (!leaderLosses.isEmpty() && leaderLosses.peekFirst() <= week - rules.splitWindow) {
            leaderLosses.pollFirst();
        }
        // A split needs at least two leaders left to head the two halves.
        if (leaderLosses.size() >= rules.splitLosses && leaders >= 2
                && model.random.nextDouble() < rules.splitProbability) {
            leaderLosses.clear();
            return true;
        }
        return false;
    }

    /** Splits off a rival with its share of the capital and leaders, sharing the network (so every place is contested). */
    public Cartel splitOff(int newIndex) {
        splinters++;
        int[] childHomes;
        int[] keep;
        if (homes.length >= 2) {
            childHomes = new int[homes.length / 2];
            keep = new int[homes.length - childHomes.length];
            for (int i = 0, c = 0, k = 0; i < homes.length; i++) {
                if (i % 2 == 1) childHomes[c++] = homes[i];
                else keep[k++] = homes[i];
            }
        } else {
            childHomes = homes.clone();
            keep = homes;
        }
        Cartel child = new Cartel(this, newIndex, childHomes);
        capitalUsd *= 1 - rules.splitShare;
        for (int t = 0; t < spentWeeks.length; t++) spentWeeks[t] *= 1 - rules.splitShare;
        leaders = Math.max(1, leaders - child.leaders);
        homes = keep;
        return child;
    }

    /**
     * This cartel leaves the market and {@code rival} takes over: its homes and places join the rival's
     * network, its stock becomes the rival's (kg for kg), and its shipments on their way go on under the
     * rival (every call a shipment makes is passed on). In a merger ({@code merger} true) the rival also takes
     * its capital, leaders (those due to be replaced too) and recent spending; after a bankruptcy the
     * capital, negative, is lost with the organisation.
     */
    public void absorbInto(Cartel rival, boolean merger) {
        if (successor != null || rival == this || rival.successor != null) {
            throw new IllegalStateException(id + " cannot be absorbed into " + rival.id);
        }
        int[] union = Arrays.copyOf(rival.homes, rival.homes.length + homes.length);
        int n = rival.homes.length;
        for (int h : homes) {
            if (!rival.isHome(h)) union[n++] = h;
        }
        rival.homes = Arrays.copyOf(union, n);
        rival.places.or(places);
        for (int p = 0; p < stockAt.length; p++) {
            rival.stockAt[p] = StateException.addKg(rival.stockAt[p], stockAt[p], "a cartel's stock");
            stockAt[p] = 0;
            rival.kgAt[p] += kgAt[p];
            rival.kgWindow[p] += kgWindow[p];
        }
        if (merger) {
            rival.capitalUsd += capitalUsd;
            rival.leaders += leaders;
            List<Integer> due = new java.util.ArrayList<>(rival.replacements);
            due.addAll(replacements);
            due.sort(null);
            rival.replacements.clear();
            rival.replacements.addAll(due);
            for (int t = 0; t < spentWeeks.length; t++) rival.spentWeeks[t] += spentWeeks[t];
            rival.spentThisWeek += spentThisWeek;
        }
        capitalUsd = 0;
        leaders = 0;
        replacements.clear();
        successor = rival;
    }

    /** The cartel that runs this one's business: itself while it operates, else the rival that absorbed it. */
    public Cartel operator() {
        Cartel c = this;
        while (c.successor != null) c = c.successor;
        return c;
    }

    /** The cartel this one split from, or null. */
    public Cartel parent() {
        return parent;
    }

    public boolean active() {
        return successor == null;
    }

    // ------------------------------------------------------------------ reading

    /** Our index; an absorbed cartel's shipments report under their new operator's. */
    public int index() {
        return successor == null ? index : operator().index();
    }

    public boolean operatesAt(int place) {
        return places.get(place);
    }

    public int placeCount() {
        return places.cardinality();
    }

    public double perceivedRisk(int link) {
        return successor == null ? risk[link] : operator().perceivedRisk(link);
    }

    public double capitalUsd() {
        return capitalUsd;
    }

    /** Spending over the last capital_weeks weeks: the most capital kept at this week's payout. */
    public double spentRecentlyUsd() {
        double s = 0;
        for (double v : spentWeeks) s += v;
        return s;
    }

    /** Weeks in a row that the cartel's capital has been below zero (at the start of its week). */
    public int weeksInsolvent() {
        return weeksInsolvent;
    }

    public int leaders() {
        return leaders;
    }

    public int[] homes() {
        return homes.clone();
    }

    public long stockKg() {
        long s = 0;
        for (long v : stockAt) s = StateException.addKg(s, v, "a cartel's stock");
        return s;
    }

    /** Kg we hold in stock at a place (bought, not launched). */
    public long stockAt(int place) {
        return stockAt[place];
    }

    public long kgAtLastWeek(int place) {
        return kgAt[place];
    }

    @Override
    public String toString() {
        return name;
    }
}
