package narcosim.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntSupplier;

import ec.util.MersenneTwisterFast;
import narcosim.agents.Community;
import narcosim.agents.MilitaryUnit;
import narcosim.agents.Posts;
import narcosim.metrics.Event;
import narcosim.metrics.EventBus;
import narcosim.agents.Population;
import narcosim.scenario.ParamValues;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Network;
import narcosim.world.Place;

/**
 * The campaign's military command: the units bought; where they are posted (chokepoints at deployment,
 * intelligence-led retargeting, home when a post becomes unlawful: ODD 7.17); the nations' intelligence
 * from signals, tips included; and the encounters of shipments with the units on a link (detection,
 * collateral harm, clashes, interdiction and hand-over: ODD 7.9).
 */
final class MilitaryCommand {

    /** The military parameters, read once per run. */
    record Rules(double detectBoat, double detectAircraft, double detectGround, double detectMax,
                 double surveillanceBoost, double intelDetectionBoost, double interdictProb, double permissiveBonus,
                 double noPursuitFactor, double collateralStrict, double collateralPermissive,
                 double harmCapabilityFactor, double clashViolence, double contactSignal, double tipsPerSignal,
                 double tipSignalMax, double intelUpdate, double intelPercentile, int reassignWeeks,
                 int staticChokepoints, int staticUnitsPerChokepoint) {

        static Rules of(ParamValues p) {
            return new Rules(p.real("military.detect_boat"), p.real("military.detect_aircraft"),
                    p.real("military.detect_ground"), p.real("military.detect_max"),
                    p.real("military.surveillance_boost"), p.real("partnership.intel_detection_boost"),
                    p.real("military.interdict_prob"), p.real("military.permissive_bonus"),
                    p.real("military.no_pursuit_factor"), p.real("military.collateral_strict"),
                    p.real("military.collateral_permissive"), p.real("military.harm_capability_factor"),
                    p.real("military.clash_violence"), p.real("military.contact_signal"),
                    p.real("military.tips_per_signal"), p.real("military.tip_signal_max"),
                    p.real("military.intel_update"), p.real("military.intel_percentile"),
                    p.integer("military.reassign_weeks"), p.integer("military.static_chokepoints"),
                    p.integer("military.static_units_per_chokepoint"));
        }

        /** Chance that a unit of this type detects a shipment on its link (surveillance assets detect none). */
        double detect(MilitaryUnit.Type t) {
            return switch (t) {
                case BOAT -> detectBoat;
                case AIRCRAFT -> detectAircraft;
                case GROUND -> detectGround;
                case SURVEILLANCE -> 0;
            };
        }
    }

    private final Rules rules;
    private final Doctrine doctrine;
    private final Partnership partnership;
    private final Police police;
    private final Network net;
    private final Population population;
    private final IntSupplier week;
    private final EventBus events;
    private final List<MilitaryUnit> units = new ArrayList<>();
    private final Posts posts;

    MilitaryCommand(Rules rules, Doctrine doctrine, Partnership partnership, Police police, Network net,
                    Population population, IntSupplier week, EventBus events) {
        this.rules = rules;
        this.doctrine = doctrine;
        this.partnership = partnership;
        this.police = police;
        this.net = net;
        this.posts = new Posts(net);
        this.population = population;
        this.week = week;
        this.events = events;
        events.register(this::hear);
    }

    // ------------------------------------------------------------------ posting

    /** A unit bought for a nation, not yet posted. */
    void field(MilitaryUnit.Type type, Nation nation) {
        units.add(new MilitaryUnit(units.size(), type, nation));
    }

    /** Whether the nation has any link where a unit of this type could be posted at deployment. */
    boolean canPost(Nation n, MilitaryUnit.Type type) {
        return net.links.stream().anyMatch(l -> mayPost(n, type, l));
    }

    /** Static doctrine: chokepoints on the cheapest corridors (intelligence-led units start there too). */
    void postStatic() {
        double[] score = net.chokepointScores();
        Integer[] order = new Integer[net.links.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer l) -> -score[l])
                .thenComparingDouble(l -> -net.links.get(l).capacityKgWeek).thenComparingInt(l -> l));
        int[] next = new int[net.nations.size() * MilitaryUnit.Type.values().length];
        for (MilitaryUnit u : units) {
            List<Link> allowed = new ArrayList<>();
            for (int l : order) {
                Link link = net.links.get(l);
                if (mayPost(u.nation, u.type, link)) allowed.add(link);
            }
            if (allowed.isEmpty()) continue;
            int slot = u.nation.index * MilitaryUnit.Type.values().length + u.type.ordinal();
            // Spread over the best few chokepoints rather than piling every unit on one link.
            int spread = Math.max(1, Math.min(allowed.size(),
                    rules.staticChokepoints() + units.size() / rules.staticUnitsPerChokepoint()));
            posts.move(u, allowed.get(next[slot]++ % spread));
        }
    }

    /**
     * Whether a unit of this nation and type can be posted on a link at deployment: a mode it watches, a
     * link where its nation may act, and, for a static doctrine with a focus region, in that region.
     */
    private boolean mayPost(Nation n, MilitaryUnit.Type type, Link l) {
        if (!type.covers(l.mode) || !partnership.mayAct(n, l)) return false;
        int focus = net.regions().indexOf(doctrine.focusRegion());
        if (doctrine.intelligenceLed() || focus < 0) return true;
        return net.region(l.to.index) == focus || net.region(l.from.index) == focus;
    }

    /** A withdrawing nation's units go off duty. */
    void standDown(Nation n) {
        for (MilitaryUnit u : units) {
            if (u.nation == n) posts.move(u, null);
        }
    }

    void clear() {
        for (MilitaryUnit u : units) posts.move(u, null);
        units.clear();
    }

    // ------------------------------------------------------------------ the week

    /** Every few weeks intelligence is updated and units retargeted; otherwise units only keep to the law. */
    void command(int week, int weeksIn) {
        if (weeksIn % rules.reassignWeeks() == 0) updateIntelAndTargets(week);
        else keepJurisdiction();
    }

    /**
     * Each nation updates its estimate of link use from its own signals and what cooperating partners
     * share (NarcoLogic p <- (1-u) p + u s); intelligence-led units then go to last month's successful
     * links, then to links above a percentile of estimated use.
     */
    private void updateIntelAndTargets(int week) {
        double share = partnership.intelShare();
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
            n.updateIntel(rules.intelUpdate(), combined);
        }
        for (Nation n : net.nations) n.clearSignals();
        if (!doctrine.intelligenceLed()) {
            keepJurisdiction();
            return;
        }
        for (Nation n : net.nations) retarget(n);
    }

    private void retarget(Nation n) {
        List<MilitaryUnit> own = units.stream().filter(u -> u.nation == n).toList();
        if (own.isEmpty() || n.withdrawn()) return;
        for (MilitaryUnit.Type type : MilitaryUnit.Type.values()) {
            List<MilitaryUnit> ofType = own.stream().filter(u -> u.type == type).toList();
            if (ofType.isEmpty()) continue;
            List<Link> allowed = net.links.stream().filter(l -> type.covers(l.mode) && partnership.mayAct(n, l))
                    .toList();
            if (allowed.isEmpty()) continue;
            double[] est = allowed.stream().mapToDouble(l -> n.intel(l.index)).toArray();
            double cut = percentile(est, rules.intelPercentile());
            List<Link> targets = new ArrayList<>();
            for (Link l : allowed) {
                if (n.succeededOn(l.index)) targets.add(l);
            }
            List<Link> busy = new ArrayList<>(allowed.stream()
                    .filter(l -> !targets.contains(l) && n.intel(l.index) > 0 && n.intel(l.index) >= cut).toList());
            busy.sort(Comparator.comparingDouble((Link l) -> -n.intel(l.index)).thenComparingInt(l -> l.index));
            targets.addAll(busy);
            if (targets.isEmpty()) continue;
            for (int i = 0; i < ofType.size(); i++) posts.move(ofType.get(i), targets.get(i % targets.size()));
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
        for (MilitaryUnit u : units) {
            Link post = u.post();
            if (post == null || partnership.mayAct(u.nation, post)) continue;
            Link best = null;
            for (Link l : net.links) {
                if (u.type.covers(l.mode) && partnership.mayAct(u.nation, l)
                        && (best == null || u.nation.intel(l.index) > u.nation.intel(best.index))) {
                    best = l;
                }
            }
            posts.move(u, best);
        }
    }

    /** Residents' tips tell their nation that traffic leaves from the place. */
    private void hear(Event e) {
        if (!(e instanceof Event.Tips t)) return;
        Place at = net.places.get(t.place());
        double strength = Math.min(rules.tipSignalMax(), t.count() / rules.tipsPerSignal());
        for (int l : net.out(at.index)) at.nation.signal(l, strength);
    }

    // ------------------------------------------------------------------ encounters

    /**
     * A shipment enters a link watched by units: each may detect it (type, capability, surveillance and
     * intelligence on the link), and a detection becomes a seizure with the interdiction chance, less if the
     * shipment is crossing into a nation that does not coordinate (it escapes pursuit). A contact in a
     * populated place may harm residents (rules of engagement) or turn into a clash. Returns the seizing
     * unit, or null.
     */
    MilitaryUnit interdict(Link l, MersenneTwisterFast random) {
        List<MilitaryUnit> here = posts.on(l);
        if (here.isEmpty()) return null;
        double surveillance = posts.surveillance(l) > 0 ? 1 + rules.surveillanceBoost() : 1;
        Place populated = population.at(l.to) != null ? l.to : (population.at(l.from) != null ? l.from : null);
        for (int i = 0; i < here.size(); i++) {
            MilitaryUnit u = here.get(i);
            if (u.type == MilitaryUnit.Type.SURVEILLANCE) continue;
            double base = rules.detect(u.type);
            double intel = 1 + rules.intelDetectionBoost() * u.nation.intel(l.index);
            double detect = Math.min(rules.detectMax(), base * u.nation.capability() * surveillance * intel);
            if (random.nextDouble() >= detect) continue;
            u.nation.signal(l.index, rules.contactSignal());
            if (populated != null) {
                double harm = collateral() * (1 - rules.harmCapabilityFactor() * u.nation.capability());
                if (random.nextDouble() < harm) events.emit(new Event.CollateralHarm(populated.index, u.nation.index));
                if (random.nextDouble() < rules.clashViolence()) {
                    events.emit(new Event.Violence(populated.index, true));
                }
            }
            double interdict = interdictProb();
            if (l.crossBorder && l.to.nation != u.nation
                    && !(partnership.coordinated() && l.to.nation.cooperates(week.getAsInt()))) {
                interdict *= rules.noPursuitFactor();
            }
            if (random.nextDouble() < Math.min(1.0, interdict)) {
                if (populated != null) handOver(u.nation, populated);
                return u;
            }
        }
        return null;
    }

    private double interdictProb() {
        return rules.interdictProb() * (doctrine.permissive() ? 1 + rules.permissiveBonus() : 1);
    }

    private double collateral() {
        return doctrine.permissive() ? rules.collateralPermissive() : rules.collateralStrict();
    }

    /** The crew is arrested by the military where the law allows, else handed over to police if present. */
    private void handOver(Nation n, Place where) {
        Community residents = population.at(where);
        if (residents == null) return;
        if (n.spec.militaryCanArrest() || police.honestAt(where) > 0) residents.requestArrests(1);
    }

    // ------------------------------------------------------------------ reading

    List<MilitaryUnit> units() {
        return units;
    }

    Posts posts() {
        return posts;
    }
}
