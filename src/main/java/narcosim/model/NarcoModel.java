package narcosim.model;

import narcosim.agents.Population;
import narcosim.util.Shuffled;
import java.util.ArrayList;
import java.util.List;

import narcosim.agents.Cartel;
import narcosim.agents.Community;
import narcosim.agents.Markets;
import narcosim.agents.ResidentRules;
import narcosim.agents.Shipment;
import narcosim.metrics.Event;
import narcosim.metrics.EventBus;
import narcosim.metrics.KgTotals;
import narcosim.metrics.WeeklyCollector;
import narcosim.policy.Campaign;
import narcosim.policy.Poisson;
import narcosim.scenario.ParamValues;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Specs;
import narcosim.util.Fmt;
import narcosim.util.StateException;
import narcosim.world.Displacement;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Network;
import narcosim.world.Place;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The headless counter-narcotics model. One step is one week; the phases of a week are schedule
 * orderings, read in one place here:
 * <ol start="0">
 * <li>world: campaign start, production, market price, rival cartels' contests, exits and mergers;</li>
 * <li>cartels (in random order): risk, route values, expansion or consolidation, bribes, shipments;</li>
 * <li>shipments (in random order, {@link Transit}): move link by link, meet forces and police;</li>
 * <li>campaign: partners, intelligence and targeting, police work, development, eradication;</li>
 * <li>residents, community by community (in random order, {@link Population}): trust, fear, occupation,
 * reporting;</li>
 * <li>metrics: the collector closes the week.</li>
 * </ol>
 * Running kilogram totals come from an observer of the events ({@link KgTotals}). All randomness comes
 * from {@link #random}, so a seed reproduces a run. The first {@code run.burn_in_weeks} weeks run without
 * the campaign and are not reported.
 */
public final class NarcoModel extends SimState {

    private static final long serialVersionUID = 1L;

    public static final int WORLD = 0;
    public static final int CARTELS = 1;
    public static final int SHIPMENTS = 2;
    public static final int CAMPAIGN = 3;
    public static final int RESIDENTS = 4;
    public static final int METRICS = 5;
    /** The phases' names, indexed by their schedule ordering (for {@code narcosim bench --phases}). */
    public static final List<String> PHASE_NAMES = List.of("world", "cartels", "shipments", "campaign", "residents",
            "metrics");

    /**
     * Weeks at the end of the burn-in over which contest violence is calibrated: the last quarter, after the
     * cartels' routes have settled (assumption; ODD 7.15).
     */
    static final int CONTEST_CALIBRATION_WEEKS = 13;

    /** Most resident agents a run may hold (about 25 bytes each): beyond it the run fails at the start. */
    public static final long MAX_RESIDENT_AGENTS = 10_000_000;

    /** The parameters of the world phase (production, planting, rival contests), read once per run. */
    record WorldRules(double yieldKgHaWeek, int replantWeeks, int resproutWeeks, int eradicationMemoryWeeks,
                      double plantingElasticity, int plantingWeeks, double contestViolence, double contestExit,
                      int mergeHalfLifeWeeks, int insolvencyWeeks) {

        static WorldRules of(ParamValues p) {
            return new WorldRules(p.real("market.yield_kg_per_ha_year") * p.real("market.share_of_production") / 52.0,
                    p.integer("eradication.replant_weeks"), p.integer("eradication.resprout_weeks"),
                    p.integer("eradication.memory_weeks"), p.real("market.planting_elasticity"),
                    p.integer("market.planting_weeks"), p.real("cartel.contest_violence"),
                    p.real("cartel.contest_exit"), p.integer("cartel.merge_half_life_weeks"),
                    p.integer("cartel.insolvency_weeks"));
        }
    }

    private final RunConfig config;
    private final ParamValues params;
    private Network network;
    private Markets markets;
    private Campaign campaign;
    /** The burn-in's campaign (scenario section burn_in, ODD 7.23), retired when the run's starts; or null. */
    private Campaign anchor;
    private EventBus events;
    private KgTotals totals;
    private WeeklyCollector collector;
    private Readings readings;
    private Shuffled<Cartel> cartels;
    private Transit transit;
    private Protection protection;
    private Population population;
    private int burnIn;
    private WorldRules world;
    /** Per production place: smoothed harvest and smoothed kg cartels wanted to buy, and the farm-gate factor. */
    private double[] harvestEma;
    private double[] wantedEma;
    private long[] wantedWeek;
    private double[] sourceFactor;
    /** Per production place: the farm-gate factor growers expect (adaptive expectations, ODD 7.6). */
    private double[] expectedFactor;
    private double[] offered;
    private double offeredTotal;
    /** The trade's loss share this week, computed in the world phase. */
    private double tradeLoss;
    private double sourceSmoothing;
    private double sourceCap;
    private double stockWeeks;
    private long consumedKg;
    private Displacement displacement;
    /** Kilograms produced when the market's calibration window opened. */
    private long[] windowStart;
    /** The steady-state delivered flow of the burn-in, the market's reference supply (NaN before its end). */
    private double referenceSupply;
    /** Weeks in which a cap held a quantity (price or premium, coca area), burn-in included. */
    private int priceCapWeeks;
    private int areaCapWeeks;
    /** Index the next splinter gets (indexes are never reused, as cartels leave the roster). */
    private int nextCartelIndex;
    /**
     * Calibration of contest violence over the burn-in's last weeks: sum over weeks and contested places of the rivals
     * (k - 1), and of the value at stake times (1 - HHI). Their ratio scales a place's rate (ODD 7.15).
     */
    private double contestRivalsSum;
    private double contestStakeSum;
    /** Per nation, the value at stake over the contest window (revalued once the market knows its margin). */
    private double[] contestStakeByNation;
    private boolean contestRevalued;

    /**
     * Nanoseconds spent in each phase, added to when set before {@link #start()} ({@code narcosim bench
     * --phases}); null (the default): phases are scheduled without a clock, so a run pays nothing for it.
     */
    private transient long[] phaseNanos;

    public NarcoModel(RunConfig config) {
        super(config.seed());
        this.config = config;
        this.params = config.params();
    }

    @Override
    public void start() {
        super.start();
        burnIn = params.integer("run.burn_in_weeks");
        network = new Network(config.scenario(), params, params.real("military.capability_initial"));
        events = new EventBus();
        totals = new KgTotals();
        events.register(totals, Event.Produced.class, Event.Delivered.class, Event.Seized.class, Event.Lost.class);
        protection = new Protection(params, network);
        events.register(protection, Event.Bribe.class);
        java.util.Map<String, narcosim.scenario.Specs.Place> placeSpecs = new java.util.HashMap<>();
        for (narcosim.scenario.Specs.Place sp : config.scenario().places()) placeSpecs.put(sp.id(), sp);
        markets = new Markets(network.markets, placeSpecs::get, network.nations.size(), params);
        world = WorldRules.of(params);
        int np = network.places.size();
        harvestEma = new double[np];
        wantedEma = new double[np];
        wantedWeek = new long[np];
        sourceFactor = new double[np];
        java.util.Arrays.fill(sourceFactor, 1);
        expectedFactor = new double[np];
        java.util.Arrays.fill(expectedFactor, 1);
        offered = new double[np];
        offeredTotal = 0;
        sourceSmoothing = params.real("market.supply_smoothing");
        sourceCap = params.real("market.supply_factor_cap");
        stockWeeks = params.real("market.stock_weeks");
        consumedKg = 0;
        windowStart = null;
        referenceSupply = Double.NaN;
        displacement = new Displacement(network.places, params.real("eradication.displaced_share"),
                params.real("eradication.cross_border_weight"));
        priceCapWeeks = areaCapWeeks = 0;
        contestRivalsSum = contestStakeSum = 0;
        contestStakeByNation = new double[network.nations.size()];
        contestRevalued = false;

        double ppa = params.real("residents.people_per_agent");
        int minAgents = params.integer("residents.min_agents");
        long totalAgents = Population.agentsNeeded(network, ppa, minAgents);
        if (totalAgents > MAX_RESIDENT_AGENTS) {
            throw ModelStateException.at("the places' populations at residents.people_per_agent = " + Fmt.num(ppa)
                    + " and residents.min_agents = " + minAgents + " make " + totalAgents + " resident agents, more than "
                    + "the " + MAX_RESIDENT_AGENTS + " a run can hold in memory", "at the start", config, null);
        }
        population = new Population(network, ResidentRules.of(params), ppa, minAgents, random);

        transit = new Transit(this, params);
        cartels = new Shuffled<>(c -> false);
        Cartel.Rules cartelRules = Cartel.Rules.of(params);
        for (Specs.Cartel cs : config.scenario().cartels()) {
            int[] homes = cs.home().stream().mapToInt(h -> network.places.stream()
                    .filter(p -> p.id().equals(h)).findFirst().orElseThrow().index).toArray();
            cartels.add(new Cartel(cartels.members().size(), cs.id(), cs.name(), cs.capitalMusd() * 1e6, homes,
                    network, cartelRules, transit));
        }
        nextCartelIndex = cartels.members().size();
        campaign = new Campaign(this, config.strategy().shares(), config.strategy().rules(),
                config.scenario().budgetMusdPerYear(), params);
        Specs.BurnIn anchored = config.scenario().burnIn();
        anchor = anchored == null || burnIn == 0 ? null : new Campaign(this,
                config.scenario().strategy(anchored.strategy()).orElseThrow().shares(), List.of(), anchored.budgetMusdPerYear(),
                config.scenario().burnInParams(params));

        events.register(population, Event.CollateralHarm.class, Event.Violence.class, Event.CorruptionSeen.class,
                Event.CorruptionPunished.class, Event.Eradicated.class);
        events.register(this::arrestLeader, Event.LeaderTargeted.class);
        // The collector adds a trust column per nation with residents (populated places).
        readings = new Readings(this);
        collector = new WeeklyCollector(network, readings);
        events.register(collector);

        // One steppable per phase (so MASON draws no random numbers to order them), each guarded: a run that
        // leaves the valid state stops with a ModelStateException naming the week and the parameters.
        schedule.scheduleRepeating(Schedule.EPOCH, WORLD, timed(WORLD, guarded(s -> worldPhase())), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, CARTELS, timed(CARTELS, guarded(cartels)), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, SHIPMENTS, timed(SHIPMENTS, guarded(transit)), 1.0);
        Steppable campaignPhase = anchor == null ? campaign : s -> {
            anchor.step(s);
            campaign.step(s);
        };
        schedule.scheduleRepeating(Schedule.EPOCH, CAMPAIGN, timed(CAMPAIGN, guarded(campaignPhase)), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, RESIDENTS, timed(RESIDENTS, guarded(population)), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, METRICS, timed(METRICS, guarded(s -> {
            checkState();
            collector.step(s);
        })), 1.0);
    }

    /**
     * The weekly flow the burn-in's supply delivers in steady state: production over the calibration window
     * (the burn-in's second half) times the delivered share of the journeys that ended in the burn-in. When
     * fewer kilograms have ended their journeys than the window produced (a burn-in not much longer than the
     * journeys), the share is estimated from the routine risks instead: production-weighted, the product of
     * 1 - r over the links of each production place's cheapest path to the market. NaN without a window.
     */
    private double steadySupply() {
        if (windowStart == null) return Double.NaN;
        long weeks = stepsSoFar() - burnIn / 2;
        if (weeks <= 0) return Double.NaN;
        double produced = totals.producedKg() - windowStart[0];
        double delivered = totals.deliveredKg();
        double ended = delivered + totals.seizedKg() + totals.lostKg();
        return produced / weeks * (ended >= produced && ended > 0 ? delivered / ended : routineDeliveredShare());
    }

    /** Production-weighted share of a load that survives the routine risks of its cheapest path to market. */
    private double routineDeliveredShare() {
        double sum = 0;
        double weight = 0;
        for (Place p : network.places) {
            if (!p.isProduction() || harvestEma[p.index] <= 0) continue;
            double survive = 1;
            for (int l : network.cheapestPathToMarket(p.index)) survive *= 1 - transit.priorLoss(network.links.get(l));
            sum += harvestEma[p.index] * survive;
            weight += harvestEma[p.index];
        }
        return weight > 0 ? sum / weight : 1;
    }

    /**
     * Measures where a run's time goes, by phase, without changing it: each phase's step adds its wall time
     * (System.nanoTime) to {@code nanosByPhase[phase]} (indexed as {@link #PHASE_NAMES}), summed over the
     * weeks of every run that is given the same array. Call before {@link #start()} (or
     * {@link #runToEnd()}). The clock reads no random numbers and no state, so the run is the same.
     */
    public void timePhases(long[] nanosByPhase) {
        if (nanosByPhase != null && nanosByPhase.length < PHASE_NAMES.size()) {
            throw new IllegalArgumentException("timePhases needs one slot per phase (" + PHASE_NAMES.size() + ")");
        }
        this.phaseNanos = nanosByPhase;
    }

    /** The phase itself when phases are not timed (the default), else the phase with a clock around it. */
    private Steppable timed(int phase, Steppable step) {
        long[] nanos = phaseNanos;
        if (nanos == null) return step;
        return s -> {
            long t0 = System.nanoTime();
            try {
                step.step(s);
            } finally {
                nanos[phase] += System.nanoTime() - t0;
            }
        };
    }

    /** A phase that turns a failure inside it into a located ModelStateException. */
    private Steppable guarded(Steppable phase) {
        return s -> {
            try {
                phase.step(s);
            } catch (ModelStateException e) {
                throw e.located() ? e : located(e.problem(), e);
            } catch (StateException e) {
                throw located(e.problem(), e);
            } catch (ArithmeticException e) {
                throw located("a kilogram total overflowed 64-bit arithmetic (" + e.getMessage() + ")", e);
            }
        };
    }

    private ModelStateException located(String problem, Throwable cause) {
        int w = week();
        String when = w >= 0 ? "in campaign week " + w : "in burn-in week " + (burnIn + w) + " of " + burnIn;
        return ModelStateException.at(problem, when, config, cause);
    }

    /**
     * The state a week must end in: finite, non-negative quantities within their caps and mass conserved
     * exactly. Anything else stops the run (ModelStateException) rather than writing wrong numbers.
     */
    private void checkState() {
        double price = markets.price();
        if (!(price > 0 && price <= markets.priceCap() * (1 + 1e-12))) {
            throw new ModelStateException("the market price is " + ModelStateException.show(price)
                    + " US$/kg (valid: above 0, at most " + ModelStateException.show(markets.priceCap())
                    + " = market.price_cap_factor x the reference price)");
        }
        double rp = markets.riskPremium();
        if (!(rp >= 1 && Double.isFinite(rp))) {
            throw new ModelStateException("the risk share of the price (risk premium) is " + ModelStateException.show(rp)
                    + " (valid: finite, >= 1)");
        }
        for (Place p : network.places) {
            double a = planting(p.index);
            double f = sourceFactor[p.index];
            if (!(a >= 0 && Double.isFinite(a) && f > 0 && Double.isFinite(f))) {
                throw new ModelStateException("at " + p.id() + " the area per grower (planting) is "
                        + ModelStateException.show(a) + " and the farm-gate factor " + ModelStateException.show(f)
                        + " (valid: finite, planting >= 0, factor > 0)");
            }
        }
        if (totals.deliveredKg() != Math.addExact(consumedKg, markets.stockKg())) {
            throw new ModelStateException("the market's balance is off: delivered " + totals.deliveredKg()
                    + " kg, consumed " + consumedKg + " kg, in the market's stock " + markets.stockKg() + " kg");
        }
        boolean areaCapped = false;
        for (Place p : network.places) {
            double ha = p.cocaHa();
            if (!(ha >= 0 && ha <= p.cocaCapHa())) {
                throw new ModelStateException("the coca area at " + p.id() + " is " + ModelStateException.show(ha)
                        + " ha (valid: from 0 to " + ModelStateException.show(p.cocaCapHa())
                        + " = market.coca_area_cap_factor x its scenario area)");
            }
            areaCapped |= p.cocaCapped();
            if (p.stockKg() < 0 || p.backlogKg() < 0) {
                throw new ModelStateException("the stock at " + p.id() + " is " + p.stockKg() + " kg and the kg waiting "
                        + "there or on their way " + p.backlogKg() + " (valid: >= 0)");
            }
        }
        for (Place p : network.places) {
            long held = 0;
            for (Cartel c : cartels.members()) held = StateException.addKg(held, c.stockAt(p.index), "kg held");
            if (held != p.heldKg()) {
                throw new ModelStateException("cartels hold " + held + " kg at " + p.id() + " but the place counts "
                        + p.heldKg() + " kg held (the crews' demand reads it, ODD 7.7)");
            }
        }
        for (Cartel c : cartels.members()) {
            if (c.stockKg() < 0 || !Double.isFinite(c.capitalUsd())) {
                throw new ModelStateException("cartel " + c.id + " holds " + c.stockKg() + " kg and "
                        + ModelStateException.show(c.capitalUsd()) + " US$ (valid: kg >= 0, capital finite)");
            }
        }
        long produced = totals.producedKg();
        long delivered = totals.deliveredKg();
        long seized = totals.seizedKg();
        long lost = totals.lostKg();
        if (produced < 0 || delivered < 0 || seized < 0 || lost < 0) {
            throw new ModelStateException("a kilogram total is negative (produced " + produced + ", delivered "
                    + delivered + ", seized " + seized + ", lost " + lost + ")");
        }
        long imbalance = massImbalanceKg();
        if (imbalance != 0) {
            throw new ModelStateException("mass balance is off by " + imbalance + " kg (produced " + produced
                    + " must equal delivered + seized + lost + in transit + in stock)");
        }
        double trust = population.meanTrust();
        if (!(trust >= 0 && trust <= 1)) {
            throw new ModelStateException("mean trust is " + ModelStateException.show(trust) + " (valid: 0 to 1)");
        }
        if (markets.capped()) priceCapWeeks++;
        if (areaCapped) areaCapWeeks++;
        transit.closeWeek();
    }

    // ------------------------------------------------------------------ phase 0: the world

    private void worldPhase() {
        if (stepsSoFar() == burnIn / 2 || (burnIn == 0 && stepsSoFar() == 0)) {
            markets.openCalibrationWindow();
            windowStart = new long[] {totals.producedKg()};
        }
        if (anchor != null && stepsSoFar() == 0) anchor.deploy();
        if (stepsSoFar() == burnIn) {
            referenceSupply = steadySupply();
            if (anchor != null) anchor.retire();
            campaign.deploy();
        }
        // The market's reference point is fixed at the end of the burn-in, or as soon after it as loads have
        // been delivered (a short burn-in may end before the first load arrives).
        if (stepsSoFar() >= burnIn && !markets.calibrated()) markets.calibrate(referenceSupply);
        totals.newWeek();
        transit.newWeek();
        protection.newWeek();
        for (Link l : network.links) l.newWeek();
        double a = sourceSmoothing;
        for (Place p : network.places) {
            if (p.isProduction() && stepsSoFar() > burnIn) {
                // Growers expect the farm-gate factor adaptively (Nerlove 1958), over market.planting_weeks.
                expectedFactor[p.index] += (sourceFactor[p.index] - expectedFactor[p.index]) / world.plantingWeeks();
            }
        }
        for (Place p : network.places) p.closeWeek(world.eradicationMemoryWeeks());
        // Crews are capacity (ODD 7.7): this week the smugglers living at a place move out at most their kg.
        for (Community c : population.communities()) c.place.openCrews(c.crewCapacityKg());
        // Growers replant part of last week's destroyed area at less-sprayed production places (ODD 7.12).
        displacement.displace(p -> {
            Community c = population.at(p);
            return (c == null ? 0 : c.growers()) * p.haPerGrower() * planting(p.index);
        });
        double total = 0;
        for (Place p : network.places) {
            if (p.isProduction()) {
                int i = p.index;
                p.resprout(world.resproutWeeks());
                Community growing = population.at(p);
                p.growTowards(growing == null ? 0 : growing.growers(), planting(i), world.replantWeeks());
                long unsold = p.stockKg();
                long kg = p.harvest(world.yieldKgHaWeek());
                if (kg > 0) events.emit(new Event.Produced(p.index, kg));
                harvestEma[i] = stepsSoFar() == 0 ? kg : (1 - a) * harvestEma[i] + a * kg;
                // On offer: the smoothed harvest and the stock left unsold, run down over market.stock_weeks.
                offered[i] = harvestEma[i] + unsold / stockWeeks;
                if (cartelsWithHome(i) > 0) total += offered[i];
                // The farm-gate factor: what cartels wanted to buy over what is on offer, smoothed (ODD 7.6).
                wantedEma[i] = (1 - a) * wantedEma[i] + a * wantedWeek[i];
                wantedWeek[i] = 0;
                if (markets.calibrated() && offered[i] > 0) {
                    sourceFactor[i] = Math.min(sourceCap, Math.max(1 / sourceCap, wantedEma[i] / offered[i]));
                }
            }
        }
        offeredTotal = total;
        markets.update();
        consumedKg = Math.addExact(consumedKg, markets.consumedLastWeekKg());
        contests();
        exits();
        mergers();
        tradeLoss = computeTradeLoss();
    }

    /**
     * Places shared by rival cartels see violence in proportion to the value they contest, the kg through the
     * place last week times the local price, times 1 - HHI of the rivals' kg shares (Castillo, Mejia & Restrepo
     * 2020: violence rises with the value at stake; Dell 2015: contests over trafficking places). The scale is
     * calibrated over the burn-in's last {@link #CONTEST_CALIBRATION_WEEKS} weeks so that the expected incidents equal contest_violence x (rivals - 1) summed
     * over the contested places, as the rule this replaced. Then the weaker one may leave (Dell 2015).
     */
    private void contests() {
        double rate = world.contestViolence();
        double exit = world.contestExit();
        List<Place> contested = new ArrayList<>();
        List<List<Cartel>> rivals = new ArrayList<>();
        List<Double> stakes = new ArrayList<>();
        double rivalsThisWeek = 0;
        double stakeThisWeek = 0;
        double[] stakeByNation = new double[network.nations.size()];
        for (Place p : network.places) {
            if (!p.isPopulated()) continue;
            List<Cartel> present = new ArrayList<>();
            for (Cartel c : cartels.members()) {
                if (c.operatesAt(p.index)) present.add(c);
            }
            if (present.size() < 2) continue;
            double stake = stakeAt(p, present);
            contested.add(p);
            rivals.add(present);
            stakes.add(stake);
            rivalsThisWeek += present.size() - 1;
            stakeThisWeek += stake;
            stakeByNation[p.nation.index] += stake;
        }
        // Calibrate over the burn-in's last weeks (and after it, until some value was ever contested).
        // Before the window the scale is provisional (the burn-in so far); the window starts the sums afresh.
        if (stepsSoFar() == burnIn - CONTEST_CALIBRATION_WEEKS) {
            contestRivalsSum = contestStakeSum = 0;
            java.util.Arrays.fill(contestStakeByNation, 0);
        }
        if (stepsSoFar() < burnIn || contestStakeSum <= 0) {
            contestRivalsSum += rivalsThisWeek;
            contestStakeSum += stakeThisWeek;
            for (int n = 0; n < stakeByNation.length; n++) contestStakeByNation[n] += stakeByNation[n];
        }
        // The window's stakes were valued at costs only (the margin is fixed at the end of the burn-in):
        // revalue them once, as the market revalued its chain prices, so violence does not jump then.
        if (markets.calibrated() && !contestRevalued) {
            double sum = 0;
            for (Nation n : network.nations) sum += contestStakeByNation[n.index] * markets.revaluation(n);
            if (sum > 0) contestStakeSum = sum;
            contestRevalued = true;
        }
        // Incidents per unit of value at stake: sum (k - 1) / sum v (1 - HHI) over the burn-in.
        double perStake = contestScale();
        for (int i = 0; i < contested.size(); i++) {
            Place p = contested.get(i);
            List<Cartel> present = rivals.get(i);
            // Mean incidents = contest_violence x scale x value at stake x (1 - HHI).
            int incidents = Poisson.sample(rate * perStake * stakes.get(i), random);
            for (int k = 0; k < incidents; k++) events.emit(new Event.Violence(p.index, false));
            Cartel weakest = present.get(0);
            for (Cartel c : present) {
                if (c.kgAtLastWeek(p.index) < weakest.kgAtLastWeek(p.index)) weakest = c;
            }
            if (random.nextDouble() < exit) weakest.tryDrop(p, network);
        }
    }

    /** Contest incidents per unit of value at stake, per unit of cartel.contest_violence (the calibrated scale s). */
    double contestScale() {
        return contestStakeSum > 0 ? contestRivalsSum / contestStakeSum : 0;
    }

    /**
     * The value contested at a place: kg the rivals moved through it last week times the local price, times
     * 1 - HHI of their kg shares (0 if one cartel moved everything, 1 - 1/k if k moved equal amounts).
     */
    double stakeAt(Place p, List<Cartel> present) {
        double total = 0;
        for (Cartel c : present) total += c.kgAtLastWeek(p.index);
        if (total <= 0) return 0;
        double hhi = 0;
        for (Cartel c : present) {
            double share = c.kgAtLastWeek(p.index) / total;
            hhi += share * share;
        }
        // Value at stake (kg x price of cocaine in the place's nation, 7.14) x (1 - Herfindahl index of the
        // rivals' kg shares). The chain price is known wherever kg arrived last week (the market updated it).
        double price = markets.chainPrice(p.nation);
        return Double.isNaN(price) ? 0 : total * price * (1 - hhi);
    }

    /**
     * Bankrupt cartels (capital below zero for cartel.insolvency_weeks weeks in a row: longer than a journey, so
     * income on its way is waited for) leave the market: the rival operating at most of their places (the
     * richer on a tie) absorbs them. A last cartel stays, its capital rebuilt by what it still delivers.
     */
    private void exits() {
        for (Cartel c : new ArrayList<>(cartels.members())) {
            if (c.weeksInsolvent() < world.insolvencyWeeks() || cartels.members().size() < 2) continue;
            Cartel into = absorber(c);
            events.emit(new Event.CartelExit(c.index(), into.index()));
            c.absorbInto(into, false);
            cartels.members().remove(c);
        }
    }

    /**
     * Splinters merge back into their parent (or, if it has gone, into the rival at most of their places)
     * with a weekly hazard 1 - 2^(-1/half-life) (assumption), so fragmentation subsides.
     */
    private void mergers() {
        // Weekly hazard of a half-life H: 1 - 2^(-1/H).
        double hazard = 1 - Math.pow(0.5, 1.0 / world.mergeHalfLifeWeeks());
        for (Cartel c : new ArrayList<>(cartels.members())) {
            if (c.parent() == null || !c.active() || cartels.members().size() < 2) continue;
            if (random.nextDouble() >= hazard) continue;
            Cartel parent = c.parent().operator();
            Cartel into = parent != c && cartels.members().contains(parent) ? parent : absorber(c);
            events.emit(new Event.CartelMerged(c.index(), into.index()));
            c.absorbInto(into, true);
            cartels.members().remove(c);
        }
    }

    /** The rival that takes a leaving cartel's places: operating at most of them, then the richest. */
    private Cartel absorber(Cartel leaving) {
        Cartel best = null;
        int bestShared = -1;
        for (Cartel c : cartels.members()) {
            if (c == leaving) continue;
            int shared = 0;
            for (Place p : network.places) {
                if (leaving.operatesAt(p.index) && c.operatesAt(p.index)) shared++;
            }
            if (shared > bestShared || (shared == bestShared && c.capitalUsd() > best.capitalUsd())) {
                best = c;
                bestShared = shared;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ what agents call

    /**
     * An arrest that fell on cartel leadership (police emit {@link Event.LeaderTargeted}): a leader of a random
     * cartel operating at the place, or a smuggler if no cartel with leaders is there. The model keeps the
     * roster of cartels, so it takes in the splinter of a split.
     */
    private void arrestLeader(Event e) {
        if (!(e instanceof Event.LeaderTargeted t)) return;
        Place at = network.places.get(t.place());
        List<Cartel> here = new ArrayList<>();
        for (Cartel c : cartels.members()) {
            if (c.operatesAt(at.index) && c.leaders() > 0) here.add(c);
        }
        if (here.isEmpty()) {
            Community residents = population.at(at);
            if (residents != null) residents.requestArrests(1);
            return;
        }
        Cartel c = here.get(random.nextInt(here.size()));
        events.emit(new Event.Arrested(at.index, Event.ArrestKind.LEADER, 1));
        if (c.loseLeader(this)) {
            Cartel child = c.splitOff(nextCartelIndex++);
            cartels.add(child);
            events.emit(new Event.CartelSplit(c.index(), child.index()));
        }
    }

    /**
     * This place's share of what cartels' homes have on offer (smoothed harvest plus unsold stock over
     * market.stock_weeks); 0 if nothing is on offer.
     */
    public double harvestShare(int place) {
        return offeredTotal > 0 ? offered[place] / offeredTotal : 0;
    }

    /**
     * The trade's loss share: kilograms seized or lost over kilograms sent in the cartels' memory, all
     * cartels together, up to last week; computed once a week in the world phase (so it does not depend on
     * the order the cartels step in) and read when cartels plan their purchases; at most 0.9.
     */
    public double tradeLoss() {
        return tradeLoss;
    }

    /** The week's trade loss share (see {@link #tradeLoss()}), from the cartels in business after exits and mergers. */
    private double computeTradeLoss() {
        long departed = 0;
        long lost = 0;
        for (Cartel c : cartels.members()) {
            departed += c.departedRecentKg();
            lost += c.lostRecentKg();
        }
        // l = lost / sent over the memory (Reuter & Kleiman 1986: traffickers replace what they expect to lose).
        return departed == 0 ? 0 : Math.min(narcosim.agents.UnitCost.MAX_LOSS_SHARE, (double) lost / departed);
    }

    /** A cartel wanted to buy this many kg at a production place this week (the farm-gate factor's demand). */
    public void noteWanted(int place, long kg) {
        wantedWeek[place] += kg;
    }

    /** The farm-gate factor at a place: what buyers want of its harvest (1 before the campaign and elsewhere). */
    public double sourceFactor(Place p) {
        return sourceFactor[p.index];
    }

    /** The farm-gate factor growers at a place expect, and decide on (1 before the campaign and elsewhere). */
    public double expectedSourceFactor(Place p) {
        return expectedFactor[p.index];
    }

    /** Price of cocaine at a production place: the nation's price at the source x the farm-gate factor. */
    public double sourcePrice(Place p) {
        return p.nation.spec.priceUsdKg() * sourceFactor[p.index];
    }

    public int cartelsWithHome(int place) {
        int n = 0;
        for (Cartel c : cartels.members()) {
            if (c.isHome(place)) n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ reading

    /** Campaign week: 0 is the week the campaign starts; negative during the burn-in. */
    public int week() {
        return (int) schedule.getSteps() - burnIn;
    }

    public long stepsSoFar() {
        return schedule.getSteps();
    }

    public int burnInWeeks() {
        return burnIn;
    }

    public RunConfig config() {
        return config;
    }

    public Network network() {
        return network;
    }

    public Markets markets() {
        return markets;
    }

    /**
     * The campaign acting now: the run's strategy's, or during an anchored burn-in (ODD 7.23) the burn-in's.
     * Before the run's campaign starts it is the one the classroom's sliders re-share ({@link #strategyCampaign}).
     */
    public Campaign campaign() {
        return anchor != null && anchor.deployed() ? anchor : campaign;
    }

    /** The run's strategy's campaign, deployed when the burn-in ends. */
    public Campaign strategyCampaign() {
        return campaign;
    }

    public EventBus events() {
        return events;
    }

    public WeeklyCollector collector() {
        return collector;
    }

    /** The levels the collector reads at the week's end. */
    public narcosim.metrics.ModelState state() {
        return readings;
    }

    public List<Cartel> cartels() {
        return cartels.members();
    }

    /** Protection cartels have bought with bribes, per cartel and place (ODD 7.5); read-only to police. */
    public Protection protection() {
        return protection;
    }

    /** Shipment movement and encounters (phase 2). */
    public Transit transit() {
        return transit;
    }

    public List<Shipment> shipments() {
        return transit.shipments();
    }

    /** The residents of every populated place (phase 4). */
    public Population population() {
        return population;
    }

    /** The communities in place order. */
    public List<Community> communities() {
        return population.communities();
    }

    public double stockKg() {
        return stockWholeKg();
    }

    private long stockWholeKg() {
        long kg = 0;
        for (Place p : network.places) kg = StateException.addKg(kg, p.stockKg(), "kg in stock");
        for (Cartel c : cartels.members()) kg = StateException.addKg(kg, c.stockKg(), "kg in stock");
        return kg;
    }

    /**
     * Produced minus everything it became (delivered, seized, lost, in transit, in stock): zero at
     * every week's end, since shipments are whole kilograms that only change state.
     */
    public long massImbalanceKg() {
        long ended = Math.subtractExact(Math.subtractExact(Math.subtractExact(
                totals.producedKg(), totals.deliveredKg()), totals.seizedKg()), totals.lostKg());
        return Math.subtractExact(Math.subtractExact(ended, transit.inTransitKg()), stockWholeKg());
    }

    /** The run's kilogram totals (produced, delivered, seized, lost), summed from the events. */
    public KgTotals totals() {
        return totals;
    }

    /** Weeks in which the price was held at market.price_cap_factor (burn-in included). */
    public int priceCapWeeks() {
        return priceCapWeeks;
    }

    /** Weeks in which some production place's coca area was held at market.coca_area_cap_factor. */
    public int areaCapWeeks() {
        return areaCapWeeks;
    }

    /**
     * Which caps held quantities in this run and for how many weeks (burn-in included), as one sentence, or
     * "" if none did. Numbers held at a cap are bounds, not the model's own dynamics.
     */
    public String capsNote() {
        List<String> held = new ArrayList<>();
        if (priceCapWeeks > 0) {
            held.add("the price at market.price_cap_factor (" + Fmt.num(params.real("market.price_cap_factor"))
                    + " x the reference price) in " + priceCapWeeks + " weeks");
        }
        if (areaCapWeeks > 0) {
            held.add("coca area at market.coca_area_cap_factor (" + Fmt.num(params.real("market.coca_area_cap_factor"))
                    + " x a place's scenario area) in " + areaCapWeeks + " weeks");
        }
        if (transit.capWeeks() > 0) {
            held.add("shipments on their way at " + Transit.MAX_SHIPMENTS + " (the rest waited in stock) in "
                    + transit.capWeeks() + " weeks");
        }
        if (held.isEmpty()) return "";
        return "caps held " + String.join("; ", held) + ": outcomes at a cap are bounds, not the model's dynamics. "
                + ModelStateException.changedParameters(config);
    }

    /** Area each grower tends relative to the start, mean over production places (ODD 7.6). */
    public double planting() {
        double s = 0;
        int n = 0;
        for (Place p : network.places) {
            if (p.isProduction()) {
                s += planting(p.index);
                n++;
            }
        }
        return n == 0 ? 1 : s / n;
    }

    /**
     * Area each grower at a place tends against the start: more when growers expect buyers to want more of
     * their harvest, g = f_e^eta (ODD 7.6); 1 before the campaign.
     */
    private double planting(int place) {
        return Math.pow(expectedFactor[place], world.plantingElasticity());
    }

    /** Farm-gate factor, mean over production places weighted by their smoothed harvest (1 with no harvest). */
    public double meanSourceFactor() {
        double s = 0;
        double w = 0;
        for (Place p : network.places) {
            if (p.isProduction()) {
                s += sourceFactor[p.index] * harvestEma[p.index];
                w += harvestEma[p.index];
            }
        }
        return w > 0 ? s / w : 1;
    }

    /** Kilograms consumed at the market so far (burn-in included). */
    public long consumedKg() {
        return consumedKg;
    }

    /** Runs the whole horizon (burn-in plus campaign years) headless. */
    public void runToEnd() {
        start();
        long total = (long) burnIn + config.weeks();
        while (schedule.getSteps() < total) {
            if (!schedule.step(this)) break;
        }
        finish();
    }
}
