package narcosim.model;

import narcosim.agents.Population;
import narcosim.util.Shuffled;
import java.util.ArrayList;
import java.util.List;

import narcosim.agents.Cartel;
import narcosim.agents.Community;
import narcosim.agents.Market;
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
            return new WorldRules(p.real("market.yield_kg_per_ha_year") * p.real("market.north_share") / 52.0,
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
    private Market market;
    private Campaign campaign;
    private EventBus events;
    private KgTotals totals;
    private WeeklyCollector collector;
    private Readings readings;
    private Shuffled<Cartel> cartels;
    private Transit transit;
    private Population population;
    private int burnIn;
    private WorldRules world;
    private double planting;
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
        events.register(totals);
        double marketPrice = network.places.stream().filter(Place::isMarket).findFirst().orElseThrow()
                .nation.spec.priceUsdKg();
        market = new Market(marketPrice, params);
        world = WorldRules.of(params);
        planting = 1;
        priceCapWeeks = areaCapWeeks = 0;
        contestRivalsSum = contestStakeSum = 0;

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
        campaign = new Campaign(this, config.strategy().shares(), config.scenario().budgetMusdPerYear(), params);

        events.register(population);
        events.register(this::arrestLeader);
        // The collector adds a trust column per nation with residents (populated places).
        readings = new Readings(this);
        collector = new WeeklyCollector(network, readings);
        events.register(collector);

        // One steppable per phase (so MASON draws no random numbers to order them), each guarded: a run that
        // leaves the valid state stops with a ModelStateException naming the week and the parameters.
        schedule.scheduleRepeating(Schedule.EPOCH, WORLD, guarded(s -> worldPhase()), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, CARTELS, guarded(cartels), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, SHIPMENTS, guarded(transit), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, CAMPAIGN, guarded(campaign), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, RESIDENTS, guarded(population), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, METRICS, guarded(s -> {
            checkState();
            collector.step(s);
        }), 1.0);
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
        double price = market.price();
        if (!(price > 0 && price <= market.priceCap() * (1 + 1e-12))) {
            throw new ModelStateException("the market price is " + ModelStateException.show(price)
                    + " US$/kg (valid: above 0, at most " + ModelStateException.show(market.priceCap())
                    + " = market.price_cap_factor x the reference price)");
        }
        double rp = market.riskPremium();
        double phi = market.chainPriceFactor();
        if (!(rp >= 1 && Double.isFinite(rp) && phi >= 0 && Double.isFinite(phi))) {
            throw new ModelStateException("the risk premium is " + ModelStateException.show(rp)
                    + " and the chain price factor " + ModelStateException.show(phi) + " (valid: finite, premium >= 1)");
        }
        if (!(planting >= 0 && Double.isFinite(planting))) {
            throw new ModelStateException("the area per grower (planting) is " + ModelStateException.show(planting)
                    + " (valid: finite, >= 0)");
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
        if (market.capped()) priceCapWeeks++;
        if (areaCapped) areaCapWeeks++;
        transit.closeWeek();
    }

    // ------------------------------------------------------------------ phase 0: the world

    private void worldPhase() {
        if (stepsSoFar() == burnIn) {
            market.calibrate();
            campaign.deploy();
        }
        long deliveredLastWeek = totals.deliveredThisWeekKg();
        totals.newWeek();
        transit.newWeek();
        for (Link l : network.links) l.newWeek();

        if (stepsSoFar() > burnIn) {
            // Supply response: growers plant more per head when the farm-gate price is up, with a lag.
            double target = Math.pow(market.chainPriceFactor(), world.plantingElasticity());
            planting += (target - planting) / world.plantingWeeks();
        }
        for (Place p : network.places) {
            p.closeWeek(world.eradicationMemoryWeeks());
            if (p.isProduction()) {
                p.resprout(world.resproutWeeks());
                Community growing = population.at(p);
                p.growTowards(growing == null ? 0 : growing.growers(), planting, world.replantWeeks());
                long kg = p.harvest(world.yieldKgHaWeek());
                if (kg > 0) events.emit(new Event.Produced(p.index, kg));
            }
        }
        market.update(deliveredLastWeek, transit.riskLastWeek());
        contests();
        exits();
        mergers();
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
        }
        // Calibrate over the burn-in's last weeks (and after it, until some value was ever contested).
        // Before the window the scale is provisional (the burn-in so far); the window starts the sums afresh.
        if (stepsSoFar() == burnIn - CONTEST_CALIBRATION_WEEKS) contestRivalsSum = contestStakeSum = 0;
        if (stepsSoFar() < burnIn || contestStakeSum <= 0) {
            contestRivalsSum += rivalsThisWeek;
            contestStakeSum += stakeThisWeek;
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
        // Value at stake (kg x price in the place's nation) x (1 - Herfindahl index of the rivals' kg shares).
        return total * market.priceIn(p.nation) * (1 - hhi);
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

    public Market market() {
        return market;
    }

    public Campaign campaign() {
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

    /** Weeks in which the price or the risk premium was held at market.price_cap_factor (burn-in included). */
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
            held.add("the price or risk premium at market.price_cap_factor (" + Fmt.num(params.real("market.price_cap_factor"))
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

    /** Area each grower tends relative to the start: follows the farm-gate price with a lag (ODD 7.6). */
    public double planting() {
        return planting;
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
