package narcosim.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import ec.util.MersenneTwisterFast;
import narcosim.agents.Community;
import narcosim.agents.MilitaryUnit;
import narcosim.agents.PoliceUnit;
import narcosim.agents.Shipment;
import narcosim.metrics.Event;
import narcosim.model.ModelStateException;
import narcosim.model.NarcoModel;
import narcosim.scenario.ParamValues;
import narcosim.scenario.Specs;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Network;
import narcosim.world.Place;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A strategy put to work: the budget bought as military units, police units, development programmes,
 * eradication and partnership, each of them owned by a nation; their weekly work (targeting,
 * investigations, arrests, corruption, training, development, eradication, partner instability); and
 * the encounters of shipments with forces.
 */
public final class Campaign implements Steppable {

    private static final long serialVersionUID = 1L;

    private final NarcoModel model;
    private final Network net;
    private final Doctrine doctrine;
    private Specs.Shares shares;
    private final double budgetUsdYear;

    private final List<MilitaryUnit> military = new ArrayList<>();
    private final List<PoliceUnit> police = new ArrayList<>();
    private final List<List<PoliceUnit>> policeAt = new ArrayList<>();
    private final int[] programmesAt;
    private final double[] eradicationHaWeek;
    private double partnershipLevel;
    private boolean deployed;
    private int startStep = -1;

    private double militarySpendYear;
    private double policeSpendYear;
    private double developmentSpendYear;
    private double eradicationBudgetYear;
    private double partnershipSpendYear;

    public Campaign(NarcoModel model, Specs.Shares shares, double budgetMusdYear, ParamValues params) {
        this.model = model;
        this.net = model.network();
        this.shares = shares;
        this.budgetUsdYear = budgetMusdYear * 1e6;
        this.doctrine = new Doctrine(params);
        this.programmesAt = new int[net.places.size()];
        this.eradicationHaWeek = new double[net.places.size()];
        for (int i = 0; i < net.places.size(); i++) policeAt.add(new ArrayList<>());
        model.events().register(this::hear);
    }

    /** Residents' tips and cartels' bribes reach the police at the place; tips also reach intelligence. */
    private void hear(Event e) {
        if (e instanceof Event.Tips t) {
            Place at = net.places.get(t.place());
            tips(at, t.count());
            double strength = Math.min(0.5, t.count() / 10.0);
            for (int l : net.out(at.index)) at.nation.signal(l, strength);
        } else if (e instanceof Event.Bribe b) {
            bribe(net.places.get(b.place()), b.usd());
        }
    }

    public Doctrine doctrine() {
        return doctrine;
    }

    // ------------------------------------------------------------------ deployment

    /** Buys and posts the forces and programmes the strategy's budget pays for. Called once, at week 0. */
    public void deploy() {
        deployed = true;
        startStep = (int) model.stepsSoFar();
        buy();
    }

    /** The budget split the campaign runs on. */
    public Specs.Shares shares() {
        return shares;
    }

    /**
     * Re-apportions the budget while a run goes on (the classroom window's sliders): before the campaign
     * starts the new split is simply what deployment will buy; afterwards every unit and programme is
     * withdrawn and the new split bought and posted as at deployment. Headless runs never call this.
     * Development programmes keep the campaign's start as their start, so their lag is not restarted.
     */
    public void reshare(Specs.Shares newShares) {
        shares = newShares;
        if (!deployed) return;
        for (MilitaryUnit u : military) u.moveTo(null, net);
        military.clear();
        police.clear();
        for (List<PoliceUnit> here : policeAt) here.clear();
        for (Place pl : net.places) {
            if (programmesAt[pl.index] > 0 && pl.community() != null) pl.community().setDevelopment(0, 0);
        }
        Arrays.fill(programmesAt, 0);
        Arrays.fill(eradicationHaWeek, 0);
        partnershipLevel = 0;
        militarySpendYear = policeSpendYear = developmentSpendYear = eradicationBudgetYear = partnershipSpendYear = 0;
        buy();
    }

    private void buy() {
        if (!shares.isCampaign()) return;
        ParamValues p = doctrine.params();
        // Partnership first: coordinated operations widen where forces may act.
        partnershipSpendYear = budgetUsdYear * shares.partnership();
        partnershipLevel = Math.min(1.0, partnershipSpendYear / (p.real("partnership.full_cost_musd_year") * 1e6));
        double mil = budgetUsdYear * shares.military();
        if (doctrine.eradication()) {
            eradicationBudgetYear = mil * p.real("eradication.budget_share");
            mil -= eradicationBudgetYear;
        }
        MilitaryUnit.Type[] types = MilitaryUnit.Type.values();
        String[] mixKeys = {"boat", "aircraft", "ground", "surveillance"};
        List<Nation> fielding = net.nations.stream().filter(n -> n.spec.forceShare() > 0).toList();
        double[] weights = fielding.stream().mapToDouble(n -> n.spec.forceShare()).toArray();
        // Police serve where people live: nations without populated places field none.
        List<Nation> policing = fielding.stream().filter(n -> net.places.stream()
                .anyMatch(pl -> pl.nation == n && pl.isPopulated() && !pl.isMarket())).toList();
        double[] policeWeights = policing.stream().mapToDouble(n -> n.spec.forceShare()).toArray();
        for (int t = 0; t < types.length; t++) {
            double cost = p.real("military.cost_" + mixKeys[t] + "_musd_year") * 1e6;
            int count = units(mil * p.real("military.mix_" + mixKeys[t]) / cost,
                    mixKeys[t] + " units at military.cost_" + mixKeys[t] + "_musd_year");
            // Only nations with a link this kind of unit may watch field it.
            MilitaryUnit.Type type = types[t];
            double[] w = new double[fielding.size()];
            for (int k = 0; k < fielding.size(); k++) {
                Nation n = fielding.get(k);
                boolean any = net.links.stream().anyMatch(l -> mayPost(n, type, l));
                w[k] = any ? weights[k] : 0;
            }
            int[] perNation = Apportion.largestRemainder(count, w);
            for (int k = 0; k < fielding.size(); k++) {
                for (int j = 0; j < perNation[k]; j++) {
                    military.add(new MilitaryUnit(military.size(), types[t], fielding.get(k)));
                }
            }
            militarySpendYear += count * cost;
        }
        double unitCost = p.real("police.cost_unit_musd_year") * 1e6 * (doctrine.vetting()
                ? 1 + p.real("police.vetting_cost") : 1);
        int policeUnits = units(budgetUsdYear * shares.police() / unitCost, "police units at police.cost_unit_musd_year");
        policeSpendYear = policeUnits * unitCost;
        int[] perNation = Apportion.largestRemainder(policeUnits, policeWeights);
        for (int k = 0; k < policing.size(); k++) postPolice(policing.get(k), perNation[k]);

        double programmeCost = p.real("development.cost_programme_musd_year") * 1e6;
        int programmes = units(budgetUsdYear * shares.development() / programmeCost,
                "development programmes at development.cost_programme_musd_year");
        developmentSpendYear = placeProgrammes(programmes, p.integer("development.programmes_per_place"))
                * programmeCost;


        if (eradicationBudgetYear > 0) {
            double haWeek = eradicationBudgetYear / p.real("eradication.cost_usd_ha") / 52.0;
            double total = net.places.stream().filter(Place::isProduction).mapToDouble(Place::cocaHa).sum();
            for (Place pl : net.places) {
                if (pl.isProduction() && total > 0) eradicationHaWeek[pl.index] = haWeek * pl.cocaHa() / total;
            }
        }
        postStatic();
    }

    /**
     * Most units (or programmes) of one kind a budget may buy: each is an object, so this bounds memory
     * (ODD 7.21); the shipped scenarios buy a few hundred at most.
     */
    public static final int MAX_UNITS = 1_000_000;

    /** Whole units a budget buys, or a model-state failure if that is more than {@link #MAX_UNITS}. */
    private int units(double affordable, String what) {
        double n = Math.floor(affordable);
        if (!(n >= 0 && n <= MAX_UNITS)) {
            throw new ModelStateException("the budget buys " + ModelStateException.show(n) + " " + what
                    + " (valid: at most " + MAX_UNITS + " of a kind)");
        }
        return (int) n;
    }

    private void postPolice(Nation nation, int units) {
        List<Place> posts = net.places.stream()
                .filter(pl -> pl.nation == nation && pl.isPopulated() && !pl.isMarket()).toList();
        if (posts.isEmpty() || units == 0) return;
        // Where people live and where traffic passes (known after the burn-in).
        double[] w = posts.stream().mapToDouble(pl -> Math.sqrt(pl.spec.population())
                * (1 + pl.throughputLastWeekKg() / 1000.0)).toArray();
        int[] n = Apportion.largestRemainder(units, w);
        for (int i = 0; i < posts.size(); i++) {
            for (int j = 0; j < n[i]; j++) {
                PoliceUnit u = new PoliceUnit(police.size(), posts.get(i), doctrine.vetting());
                police.add(u);
                policeAt.get(posts.get(i).index).add(u);
            }
        }
    }

    private int placeProgrammes(int programmes, int perPlace) {
        List<Place> eligible = new ArrayList<>(net.places.stream()
                .filter(pl -> pl.isPopulated() && !pl.isMarket() && pl.nation.spec.partner()
                        && !pl.nation.spec.international())
                .toList());
        // Most need first: the share of residents who grow coca or smuggle.
        eligible.sort(Comparator.comparingDouble((Place pl) -> -need(pl.community()))
                .thenComparingInt(pl -> pl.index));
        int placed = 0;
        for (int round = 0; round < perPlace && placed < programmes; round++) {
            for (Place pl : eligible) {
                if (placed == programmes) break;
                programmesAt[pl.index]++;
                placed++;
            }
        }
        return placed;
    }

    private static double need(Community c) {
        return (double) (c.growers() + c.smugglers()) / c.agents();
    }

    /** Static doctrine: chokepoints on the cheapest corridors (intelligence-led units start there too). */
    private void postStatic() {
        double[] score = net.chokepointScores();
        Integer[] order = new Integer[net.links.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer l) -> -score[l])
                .thenComparingDouble(l -> -net.links.get(l).capacityKgWeek).thenComparingInt(l -> l));
        int[] next = new int[net.nations.size() * MilitaryUnit.Type.values().length];
        for (MilitaryUnit u : military) {
            List<Link> allowed = new ArrayList<>();
            for (int l : order) {
                Link link = net.links.get(l);
                if (mayPost(u.nation, u.type, link)) allowed.add(link);
            }
            if (allowed.isEmpty()) continue;
            int slot = u.nation.index * MilitaryUnit.Type.values().length + u.type.ordinal();
            // Spread over the best few chokepoints rather than piling every unit on one link.
            int spread = Math.max(1, Math.min(allowed.size(), 3 + military.size() / 10));
            u.moveTo(allowed.get(next[slot]++ % spread), net);
        }
    }

    /**
     * Whether a unit of this nation and type can be posted on a link at deployment: a mode it watches, a
     * link where its nation may act, and, for a static doctrine with a focus region, in that region.
     */
    private boolean mayPost(Nation n, MilitaryUnit.Type type, Link l) {
        if (!type.covers(l.mode) || !mayAct(n, l)) return false;
        int focus = net.regions().indexOf(doctrine.focusRegion());
        if (doctrine.intelligenceLed() || focus < 0) return true;
        return net.region(l.to.index) == focus || net.region(l.from.index) == focus;
    }

    /** Whether a nation's forces may act on a link this week. */
    public boolean mayAct(Nation n, Link l) {
        if (n.withdrawn()) return false;
        if (l.inJurisdictionOf(n)) return true;
        int week = model.week();
        return coordinated() && n.cooperates(week) && l.from.nation.cooperates(week) && l.to.nation.cooperates(week);
    }

    private boolean coordinated() {
        return doctrine.coordinatedOperations() && partnershipLevel > 0;
    }

    // ------------------------------------------------------------------ the week

    @Override
    public void step(SimState state) {
        if (!deployed) return;
        MersenneTwisterFast random = model.random;
        int week = model.week();
        ParamValues p = doctrine.params();

        partnerInstability(week, p, random);
        if (partnershipLevel > 0) {
            double rate = p.real("partnership.training_rate") * partnershipLevel;
            for (Nation n : net.nations) {
                if (n.cooperates(week)) n.train(rate);
            }
        }
        int weeksIn = (int) model.stepsSoFar() - startStep;
        if (weeksIn % doctrine.reassignWeeks() == 0) updateIntelAndTargets(week, p);
        else keepJurisdiction();

        policeWork(p, random);
        development(weeksIn, p);
        boolean eradicating = doctrine.eradication() && !eradicationOver(week, p);
        if (eradicating) eradication();
        spend(eradicating);
    }

    /** Eradication has stopped for good (eradication.end_week), so that its reversal can be studied. */
    private static boolean eradicationOver(int week, ParamValues p) {
        int end = p.integer("eradication.end_week");
        return end >= 0 && week >= end;
    }

    private void partnerInstability(int week, ParamValues p, MersenneTwisterFast random) {
        String leaver = p.text("partnership.withdrawal_nation");
        int when = p.integer("partnership.withdrawal_week");
        for (Nation n : net.nations) {
            if (n.withdrawn()) continue;
            if (n.id().equals(leaver) && week >= when && when >= 0) {
                n.withdraw();
                for (MilitaryUnit u : military) {
                    if (u.nation == n) u.moveTo(null, net);
                }
                for (PoliceUnit u : police) {
                    if (u.place.nation == n) u.standDown();
                }
                model.events().emit(new Event.PartnerSuspended(n.index, true));
                continue;
            }
            double hazard = n.spec.instabilityHazardPerYear();
            if (partnershipLevel > 0 && hazard > 0 && n.cooperates(week) && random.nextDouble() < hazard / 52.0) {
                n.suspendUntil(week + p.integer("partnership.suspension_weeks"));
                model.events().emit(new Event.PartnerSuspended(n.index, false));
            }
        }
    }

    /**
     * Monthly: each nation updates its estimate of link use from its own signals and what cooperating
     * partners share (NarcoLogic p <- (1-0.6) p + 0.6 s); intelligence-led units then go to last
     * month's successful links, then to links above the 75th percentile of estimated use.
     */
    private void updateIntelAndTargets(int week, ParamValues p) {
        double share = doctrine.intelShare() * partnershipLevel;
        int nl = net.links.size();
        for (Nation n : net.nations) {
            double[] combined = new double[nl];
            for (int l = 0; l < nl; l++) combined[l] = n.signalOf(l);
            if (share > 0 && n.cooperates(week)) {
                for (Nation m : net.nations) {
                    if (m == n || !m.cooperates(week)) continue;
                    for (int l = 0; l < nl; l++) combined[l] = Math.max(combined[l], share * m.signalOf(l));
                }
            }
            n.lastMonthSuccess(combined);
            n.updateIntel(doctrine.intelUpdate(), combined);
        }
        for (Nation n : net.nations) n.clearSignals();
        if (!doctrine.intelligenceLed()) {
            keepJurisdiction();
            return;
        }
        for (Nation n : net.nations) retarget(n);
    }

    private void retarget(Nation n) {
        List<MilitaryUnit> units = military.stream().filter(u -> u.nation == n).toList();
        if (units.isEmpty() || n.withdrawn()) return;
        for (MilitaryUnit.Type type : MilitaryUnit.Type.values()) {
            List<MilitaryUnit> ofType = units.stream().filter(u -> u.type == type).toList();
            if (ofType.isEmpty()) continue;
            List<Link> allowed = net.links.stream().filter(l -> type.covers(l.mode) && mayAct(n, l)).toList();
            if (allowed.isEmpty()) continue;
            double[] est = allowed.stream().mapToDouble(l -> n.intel(l.index)).toArray();
            double cut = percentile(est, doctrine.intelPercentile());
            List<Link> targets = new ArrayList<>();
            for (Link l : allowed) {
                if (n.succeededOn(l.index)) targets.add(l);
            }
            List<Link> busy = new ArrayList<>(allowed.stream()
                    .filter(l -> !targets.contains(l) && n.intel(l.index) > 0 && n.intel(l.index) >= cut).toList());
            busy.sort(Comparator.comparingDouble((Link l) -> -n.intel(l.index)).thenComparingInt(l -> l.index));
            targets.addAll(busy);
            if (targets.isEmpty()) continue;
            for (int i = 0; i < ofType.size(); i++) ofType.get(i).moveTo(targets.get(i % targets.size()), net);
        }
    }

    private static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
        return s[i];
    }

    /** Units posted where their nation may no longer act (a host suspended cooperation) go home. */
    private void keepJurisdiction() {
        for (MilitaryUnit u : military) {
            Link post = u.post();
            if (post == null || mayAct(u.nation, post)) continue;
            Link best = null;
            for (Link l : net.links) {
                if (u.type.covers(l.mode) && mayAct(u.nation, l)
                        && (best == null || u.nation.intel(l.index) > u.nation.intel(best.index))) {
                    best = l;
                }
            }
            u.moveTo(best, net);
        }
    }

    private void policeWork(ParamValues p, MersenneTwisterFast random) {
        double rate = p.real("police.arrest_rate");
        double sat = p.real("police.arrest_saturation");
        double leaderShare = doctrine.leadershipTargeting() ? p.real("police.leader_share_targeted")
                : p.real("police.leader_share_untargeted");
        double decay = p.real("police.evidence_decay");
        double corruptRate = p.real("police.corruption_rate");
        double scale = p.real("police.bribe_scale_usd");
        double purge = p.real("police.purge_rate");
        double vetFactor = p.real("police.vetting_factor");
        int[] honestAt = new int[net.places.size()];
        for (PoliceUnit u : police) {
            if (!u.active()) continue;
            Place at = u.place;
            if (u.honest()) {
                // Diminishing returns to arrests (MADTOR): expected arrests saturate in evidence.
                double e = u.evidence();
                double expected = rate * e / (1 + e / sat);
                int arrests = Poisson.sample(expected, random);
                if (arrests > 0) {
                    u.useEvidence(arrests);
                    for (int a = 0; a < arrests; a++) {
                        if (random.nextDouble() < leaderShare) model.events().emit(new Event.LeaderTargeted(at.index));
                        else if (at.community() != null) at.community().requestArrests(1);
                    }
                }
            }
            double turn = corruptRate * at.nation.spec.corruption() * (1 - Math.exp(-u.bribesThisWeek() / scale))
                    * (u.vetted ? vetFactor : 1);
            u.closeWeek(turn, purge, decay, random);
            if (u.corrupt() && random.nextDouble() < at.nation.spec.transparency()) {
                model.events().emit(new Event.CorruptionSeen(at.index));
            }
            if (u.honest()) honestAt[at.index]++;
        }
        for (Place pl : net.places) {
            if (pl.community() != null) pl.community().setHonestUnits(honestAt[pl.index]);
        }
    }

    private void development(int weeksIn, ParamValues p) {
        int lag = p.integer("development.lag_weeks");
        int ramp = p.integer("development.ramp_weeks");
        double gain = p.real("development.income_gain");
        double dependency = p.real("development.security_dependency");
        int perPlace = p.integer("development.programmes_per_place");
        double maturity = Math.min(1.0, Math.max(0.0, (double) (weeksIn - lag) / ramp));
        for (Place pl : net.places) {
            int n = programmesAt[pl.index];
            if (n == 0 || pl.community() == null) continue;
            if (pl.nation.withdrawn()) n = 0;
            // Alternative livelihoods pay off after the first harvest, and less where cartels rule by fear.
            double g = gain * Math.min(1.0, (double) n / perPlace) * maturity
                    * (1 - dependency * pl.community().meanFear());
            pl.community().setDevelopment(n, g);
        }
    }

    private void eradication() {
        for (Place pl : net.places) {
            double ha = eradicationHaWeek[pl.index];
            if (ha <= 0 || pl.nation.withdrawn()) continue;
            double sprayed = pl.treatable(ha);
            double destroyed = pl.eradicate(ha, doctrine.params().real("eradication.kill_fraction"));
            if (destroyed > 0) model.events().emit(new Event.Eradicated(pl.index, sprayed, destroyed));
        }
    }

    private void spend(boolean eradicating) {
        emitSpend(Event.SpendKind.MILITARY, militarySpendYear);
        emitSpend(Event.SpendKind.POLICE, policeSpendYear);
        emitSpend(Event.SpendKind.DEVELOPMENT, developmentSpendYear);
        if (eradicating) emitSpend(Event.SpendKind.ERADICATION, eradicationBudgetYear);
        emitSpend(Event.SpendKind.PARTNERSHIP, partnershipSpendYear);
    }

    private void emitSpend(Event.SpendKind kind, double perYear) {
        if (perYear > 0) model.events().emit(new Event.Spent(kind, perYear / 52.0));
    }

    // ------------------------------------------------------------------ encounters

    /**
     * A shipment enters a link watched by units: each may detect it (type, capability, surveillance and
     * intelligence on the link), and a detection becomes a seizure with the interdiction chance, less if the
     * shipment is crossing into a nation that does not coordinate (it escapes pursuit). A contact in a
     * populated place may harm residents (rules of engagement) or turn into a clash. Returns the seizing
     * unit, or null.
     */
    public MilitaryUnit interdict(Shipment s, Link l, MersenneTwisterFast random) {
        if (l.units().isEmpty()) return null;
        ParamValues p = doctrine.params();
        double surveillance = l.surveillance() > 0 ? 1 + p.real("military.surveillance_boost") : 1;
        Place populated = l.to.community() != null ? l.to : (l.from.community() != null ? l.from : null);
        List<MilitaryUnit> units = l.units();
        for (int i = 0; i < units.size(); i++) {
            MilitaryUnit u = units.get(i);
            if (u.type == MilitaryUnit.Type.SURVEILLANCE) continue;
            double base = doctrine.detect(u.type);
            double intel = 1 + doctrine.intelBoost() * u.nation.intel(l.index);
            double detect = Math.min(0.95, base * u.nation.capability() * surveillance * intel);
            if (random.nextDouble() >= detect) continue;
            u.nation.signal(l.index, 0.7);
            if (populated != null) {
                double harm = doctrine.collateral() * (1 - 0.5 * u.nation.capability());
                if (random.nextDouble() < harm) model.events().emit(new Event.CollateralHarm(populated.index,
                        u.nation.index));
                if (random.nextDouble() < p.real("military.clash_violence")) {
                    model.events().emit(new Event.Violence(populated.index, true));
                }
            }
            double interdict = doctrine.interdictProb();
            if (l.crossBorder && l.to.nation != u.nation && !(coordinated() && l.to.nation.cooperates(model.week()))) {
                interdict *= p.real("military.no_pursuit_factor");
            }
            if (random.nextDouble() < Math.min(1.0, interdict)) {
                if (populated != null) handOver(u.nation, populated);
                return u;
            }
        }
        return null;
    }

    /** The crew is arrested by the military where the law allows, else handed over to police if present. */
    private void handOver(Nation n, Place where) {
        if (where.community() == null) return;
        if (n.spec.militaryCanArrest() || honestPoliceAt(where) > 0) where.community().requestArrests(1);
    }

    /** Honest police units at a place search a passing shipment; returns true if they seize it. */
    public boolean search(Shipment s, Place at, MersenneTwisterFast random) {
        List<PoliceUnit> here = policeAt.get(at.index);
        if (here.isEmpty()) return false;
        double base = doctrine.params().real("police.search_prob");
        double gain = doctrine.params().real("police.search_evidence_gain");
        double sat = doctrine.params().real("police.arrest_saturation");
        for (PoliceUnit u : here) {
            if (!u.honest()) continue;
            double e = u.evidence();
            if (random.nextDouble() < base * (1 + gain * e / (e + sat))) {
                if (at.community() != null) at.community().requestArrests(1);
                return true;
            }
        }
        return false;
    }

    /** Tips from residents become evidence for the honest units at the place (corrupt ones ignore them). */
    private void tips(Place at, int count) {
        List<PoliceUnit> here = policeAt.get(at.index);
        int honest = 0;
        for (PoliceUnit u : here) {
            if (u.honest()) honest++;
        }
        if (honest == 0) return;
        double e = count * doctrine.params().real("police.evidence_per_tip") / honest;
        for (PoliceUnit u : here) {
            if (u.honest()) u.addEvidence(e);
        }
    }

    /** A bribe paid at a place goes to the campaign's police units there (if any). */
    private void bribe(Place at, double usd) {
        List<PoliceUnit> here = policeAt.get(at.index);
        int active = 0;
        for (PoliceUnit u : here) {
            if (u.active()) active++;
        }
        for (PoliceUnit u : here) {
            if (u.active()) u.takeBribe(usd / active);
        }
    }

    // ------------------------------------------------------------------ reading

    public int honestPoliceAt(Place at) {
        int n = 0;
        for (PoliceUnit u : policeAt.get(at.index)) {
            if (u.honest()) n++;
        }
        return n;
    }

    public List<MilitaryUnit> military() {
        return military;
    }

    public List<PoliceUnit> police() {
        return police;
    }

    public int programmesAt(Place pl) {
        return programmesAt[pl.index];
    }

    public double partnershipLevel() {
        return partnershipLevel;
    }

    public int corruptUnits() {
        int n = 0;
        for (PoliceUnit u : police) {
            if (u.active() && u.corrupt()) n++;
        }
        return n;
    }

    public boolean deployed() {
        return deployed;
    }

    /** Yearly cost of what was bought, US$. */
    public double spendPerYear() {
        return militarySpendYear + policeSpendYear + developmentSpendYear + eradicationBudgetYear + partnershipSpendYear;
    }
}
