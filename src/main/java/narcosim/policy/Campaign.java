package narcosim.policy;

import java.util.List;

import ec.util.MersenneTwisterFast;
import narcosim.agents.MilitaryUnit;
import narcosim.agents.PoliceUnit;
import narcosim.agents.Posts;
import narcosim.agents.Shipment;
import narcosim.metrics.EventBus;
import narcosim.model.NarcoModel;
import narcosim.agents.Population;
import narcosim.scenario.ParamValues;
import narcosim.scenario.Specs;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Network;
import narcosim.world.Place;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A strategy put to work. Its parts, each with the rules it reads once from the run's parameters:
 * {@link Procurement} turns the budget into units and programmes; {@link Partnership} sets where forces may
 * act, shares intelligence, trains and may break down; {@link MilitaryCommand} posts and retargets the
 * military units and meets shipments on their links; {@link Police} investigates, searches and can be
 * bribed; {@link Programmes} runs development and eradication. The {@link Doctrine}'s switches steer them.
 * An adaptive strategy's {@link Adaptation} reviews the split once a year and re-plans when a rule fires.
 */
public final class Campaign implements Steppable {

    private static final long serialVersionUID = 1L;

    private final NarcoModel model;
    private final Doctrine doctrine;
    private final Partnership partnership;
    private final Police police;
    private final MilitaryCommand military;
    private final Programmes programmes;
    private final Procurement procurement;
    private Specs.Shares shares;
    private final List<Specs.Rule> rules;
    /** The strategy's yearly rules; made at deployment, when the collector they read exists. */
    private Adaptation adaptation;
    private boolean deployed;
    private int startStep = -1;

    /** A campaign of the given split and yearly rules (none: a fixed strategy, or an anchored burn-in's, ODD 7.23). */
    public Campaign(NarcoModel model, Specs.Shares shares, List<Specs.Rule> rules, double budgetMusdYear,
                    ParamValues params) {
        this.model = model;
        this.shares = shares;
        this.rules = List.copyOf(rules);
        Network net = model.network();
        Population population = model.population();
        EventBus events = model.events();
        this.doctrine = new Doctrine(params);
        this.partnership = new Partnership(Partnership.Rules.of(params), net, model::week, events);
        // The police hear residents' tips before the military's intelligence does.
        this.police = new Police(Police.Rules.of(params), doctrine, net, population, events);
        this.military = new MilitaryCommand(MilitaryCommand.Rules.of(params), doctrine, partnership, police, net,
                population, model::week, events);
        this.programmes = new Programmes(Programmes.Rules.of(params), doctrine, net, population, events);
        this.procurement = new Procurement(Procurement.Rules.of(params), budgetMusdYear * 1e6, doctrine, partnership,
                military, police, programmes, net, events);
    }

    public Doctrine doctrine() {
        return doctrine;
    }

    // ------------------------------------------------------------------ deployment

    /** Buys and posts the forces and programmes the strategy's budget pays for. Called once, at week 0. */
    public void deploy() {
        deployed = true;
        startStep = (int) model.stepsSoFar();
        // Events another campaign caused before this one started (an anchored burn-in, ODD 7.23) strain no
        // partnership of this one; without such a campaign nothing has been counted.
        partnership.forget();
        adaptation = new Adaptation(rules, model.collector().columns());
        procurement.buy(shares);
    }

    /**
     * Ends the campaign for good (the burn-in's campaign, when the run's own starts, ODD 7.23): every unit and
     * programme is withdrawn, nothing more is bought or spent, and its step does nothing. What it did to the
     * world stays: routes, trust, coca area, nations' capability and any suspensions.
     */
    public void retire() {
        military.clear();
        police.clear();
        programmes.clear();
        partnership.clear();
        deployed = false;
    }

    /** The budget split the campaign runs on. */
    public Specs.Shares shares() {
        return shares;
    }

    /**
     * Re-apportions the budget while a run goes on (the classroom window's sliders, an adaptive strategy's
     * yearly review): before the campaign starts the new split is simply what deployment will buy; afterwards
     * every unit and programme is withdrawn and the new split bought and posted as at deployment (ODD 7.22 says
     * what this does to police corruption and evidence and to the units' posts). Development programmes keep
     * the campaign's start as their start, so their lag is not restarted. The forces of a nation that left the
     * partnership for good stay off duty.
     */
    public void reshare(Specs.Shares newShares) {
        shares = newShares;
        if (!deployed) return;
        military.clear();
        police.clear();
        programmes.clear();
        partnership.clear();
        procurement.buy(shares);
        for (Nation n : model.network().nations) {
            if (n.withdrawn()) withdraw(n);
        }
    }

    /** The rules an adaptive strategy's reviews fired so far, in order (none for a fixed strategy). */
    List<Adaptation.Fired> fired() {
        return adaptation == null ? List.of() : adaptation.fired();
    }

    /** Whether a nation's forces may act on a link this week. */
    public boolean mayAct(Nation n, Link l) {
        return partnership.mayAct(n, l);
    }

    // ------------------------------------------------------------------ the week

    @Override
    public void step(SimState state) {
        if (!deployed) return;
        int week = model.week();
        int weeksIn = (int) model.stepsSoFar() - startStep;
        // The yearly review (ODD 7.22): after each whole campaign year, before the week's work.
        if (weeksIn > 0 && weeksIn % Adaptation.WEEKS_PER_YEAR == 0 && !adaptation.isEmpty()) {
            Specs.Shares next = adaptation.review(shares, model.collector().rows());
            if (next != shares) reshare(next);
        }
        partnership.instability(week, model.random, this::withdraw);
        partnership.train(week);
        military.command(week, weeksIn);
        police.work(model.random);
        programmes.develop(weeksIn);
        boolean eradicating = programmes.eradicate(week);
        procurement.payWeek(eradicating);
    }

    /** A nation leaving the partnership for good takes its forces off duty. */
    private void withdraw(Nation n) {
        military.standDown(n);
        police.standDown(n);
    }

    // ------------------------------------------------------------------ encounters

    /** A shipment enters a watched link: returns the unit that seizes it, or null (ODD 7.9). */
    public MilitaryUnit interdict(Shipment s, Link l, MersenneTwisterFast random) {
        return military.interdict(l, random);
    }

    /**
     * Honest police units at a place search a passing shipment, less the protection its cartel bought there
     * (ODD 7.5); returns true if they seize it.
     */
    public boolean search(Shipment s, Place at, MersenneTwisterFast random) {
        return police.search(at, model.protection().at(s.cartel.index(), at), random);
    }

    // ------------------------------------------------------------------ reading

    public int honestPoliceAt(Place at) {
        return police.honestAt(at);
    }

    public List<MilitaryUnit> military() {
        return military.units();
    }

    /** Which military units are posted on each link, in posting order. */
    public Posts posts() {
        return military.posts();
    }

    public List<PoliceUnit> police() {
        return police.units();
    }

    public int programmesAt(Place pl) {
        return programmes.at(pl);
    }

    /** Level of joint training the partnership money bought, in [0, 1) (ODD 7.13). */
    public double partnershipTrainingLevel() {
        return partnership.bought().trainingLevel();
    }

    /** Level of liaison the partnership money bought, in [0, 1): the share of intel_share partners pass on. */
    public double partnershipLiaisonLevel() {
        return partnership.bought().liaisonLevel();
    }

    /** Surveillance assets bought with partnership money, their cues shared with every cooperating partner. */
    public int sharedSurveillanceUnits() {
        return procurement.sharedSurveillance();
    }

    public int corruptUnits() {
        return police.corruptUnits();
    }

    public boolean deployed() {
        return deployed;
    }

    /** Yearly cost of what was bought, US$. */
    public double spendPerYear() {
        return procurement.bill().total();
    }
}
