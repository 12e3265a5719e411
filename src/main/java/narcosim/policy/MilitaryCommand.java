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
import narcosim.scenario.Specs;
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

    /** A searcher's sweep: width W (km), speed v (km/h), hours on station a week H (ODD 7.9). */
    record Sweep(double widthKm, double speedKmh, double hoursWeek) {

        /** Area swept per hour on average over the week, W v H / 168 (km2/h). */
        double rateKm2PerHour() {
            return widthKm * speedKmh * hoursWeek / 168.0;
        }
    }

    /**
     * Koopman's (1946) random-search detection: a searcher sweeping {@code rateKm2PerHour} (W v, averaged over
     * the week) for {@code hours} over {@code areaKm2} finds a target with probability 1 - exp(-W v t / A).
     */
    static double koopman(double rateKm2PerHour, double hours, double areaKm2) {
        return 1 - Math.exp(-rateKm2PerHour * hours / areaKm2);
    }

    /** The military parameters, read once per run. */
    record Rules(Sweep[] sweeps, int[] targetsWeek, double[] searchWidthKm, double[] speedKmh, double cueAreaSeaKm2,
                 double cueAreaLandKm2, double cueHours, double intelCueMax, double interdictProb,
                 double permissiveBonus, double noPursuitFactor, double collateralStrict, double collateralPermissive,
                 double harmCapabilityFactor, double clashViolence, double contactSignal, double tipsPerSignal,
                 double tipSignalMax, double intelUpdate, double intelPercentile, int reassignWeeks,
                 int staticChokepoints, int staticUnitsPerChokepoint, double handoverHours, double policeResponseKmh,
                 double evidencePerHandover) {

        static Rules of(ParamValues p) {
            MilitaryUnit.Type[] types = MilitaryUnit.Type.values();
            Sweep[] sweeps = new Sweep[types.length];
            int[] targets = new int[types.length];
            for (MilitaryUnit.Type t : types) {
                String k = t.name().toLowerCase(java.util.Locale.ROOT);
                sweeps[t.ordinal()] = new Sweep(p.real("military.sweep_width_" + k + "_km"),
                        p.real("military.search_speed_" + k + "_kmh"), p.real("military.hours_on_station_" + k));
                targets[t.ordinal()] = t == MilitaryUnit.Type.SURVEILLANCE ? 0 : p.integer("military.targets_week_" + k);
            }
            Specs.Mode[] modes = Specs.Mode.values();
            double[] width = new double[modes.length];
            double[] speed = new double[modes.length];
            for (Specs.Mode m : modes) {
                width[m.ordinal()] = p.real("military.search_width_" + m.yaml() + "_km");
                speed[m.ordinal()] = p.real("shipment.speed_" + m.yaml() + "_km_week") / 168.0;
            }
            return new Rules(sweeps, targets, width, speed, p.real("military.cue_area_sea_km2"),
                    p.real("military.cue_area_land_km2"), p.real("military.cue_hours"),
                    p.real("military.intel_cue_max"), p.real("military.interdict_prob"),
                    p.real("military.permissive_bonus"), p.real("military.no_pursuit_factor"),
                    p.real("military.collateral_strict"), p.real("military.collateral_permissive"),
                    p.real("military.harm_capability_factor"), p.real("military.clash_violence"),
                    p.real("military.contact_signal"), p.real("military.tips_per_signal"),
                    p.real("military.tip_signal_max"), p.real("military.intel_update"),
                    p.real("military.intel_percentile"), p.integer("military.reassign_weeks"),
                    p.integer("military.static_chokepoints"), p.integer("military.static_units_per_chokepoint"),
                    p.real("military.handover_hours"), p.real("police.response_speed_kmh"),
                    p.real("police.evidence_per_handover"));
        }

        /** Hours a shipment spends crossing a link: length over its mode's speed. */
        double exposureHours(Link l) {
            return l.lengthKm / speedKmh[l.mode.ordinal()];
        }

        /** The link's search area, length x its mode's corridor width (km2). */
        double searchAreaKm2(Link l) {
            return l.lengthKm * searchWidthKm[l.mode.ordinal()];
        }

        /** The area left to search once a cue is held, never more than the link's own {@code areaKm2}. */
        double cueAreaKm2(Link l, double areaKm2) {
            return Math.min(areaKm2, l.mode == Specs.Mode.LAND ? cueAreaLandKm2 : cueAreaSeaKm2);
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
    /**
     * Search effort for cues on each link, by nation, and of the shared (partnership) assets: the sum over the
     * cue-making assets watching the link of W x capability x v x H/168 (km2/h), refreshed weekly.
     */
    private final double[][] cueEffort;
    private final double[] sharedEffort;
    /** Nations fielding any unit (they hold and act on cues), in index order; refreshed weekly. */
    private final List<Nation> fielding = new ArrayList<>();
    /** Scratch: which nations hold a cue on the shipment being met. */
    private final boolean[] cued;
    /** Whether each fielding nation may act on each link, for the week {@link #mayActWeek} (a cache of mayAct). */
    private final boolean[][] mayActNow;
    private int mayActWeek = Integer.MIN_VALUE;
    /**
     * Per link, for the week and posting it was computed in ({@link #cueWeek}, {@link #cueGeneration}): the fielding
     * nations that may act on it, in fielding order, and each one's own chance of a cue, 1 - (1 - Koopman)(1 - intel).
     * Its inputs (search effort, postings, intelligence, who may act) change only in the campaign's weekly command,
     * which bumps {@link #generation}; so the values are the ones each shipment computed before, in the same order.
     */
    private final int[][] cueNations;
    private final double[][] cueChance;
    private final int[] cueCount;
    private final int[] cueWeek;
    private final int[] cueGeneration;
    private int generation;

    MilitaryCommand(Rules rules, Doctrine doctrine, Partnership partnership, Police police, Network net,
                    Population population, IntSupplier week, EventBus events) {
        this.rules = rules;
        this.doctrine = doctrine;
        this.partnership = partnership;
        this.police = police;
        this.net = net;
        this.posts = new Posts(net);
        this.cueEffort = new double[net.links.size()][net.nations.size()];
        this.sharedEffort = new double[net.links.size()];
        this.cued = new boolean[net.nations.size()];
        this.mayActNow = new boolean[net.links.size()][net.nations.size()];
        this.cueNations = new int[net.links.size()][net.nations.size()];
        this.cueChance = new double[net.links.size()][net.nations.size()];
        this.cueCount = new int[net.links.size()];
        this.cueWeek = new int[net.links.size()];
        this.cueGeneration = new int[net.links.size()];
        Arrays.fill(cueWeek, Integer.MIN_VALUE);
        this.population = population;
        this.week = week;
        this.events = events;
        events.register(this::hear, Event.Tips.class);
    }

    // ------------------------------------------------------------------ posting

    /** A unit bought for a nation, not yet posted; {@code shared} if bought with partnership money. */
    void field(MilitaryUnit.Type type, Nation nation, boolean shared) {
        units.add(new MilitaryUnit(units.size(), type, nation, shared));
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
        refresh();
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
        refresh();
    }

    void clear() {
        for (MilitaryUnit u : units) posts.move(u, null);
        units.clear();
        refresh();
    }

    // ------------------------------------------------------------------ the week

    /** Every few weeks intelligence is updated and units retargeted; otherwise units only keep to the law. */
    void command(int week, int weeksIn) {
        if (weeksIn % rules.reassignWeeks() == 0) updateIntelAndTargets(week);
        else keepJurisdiction();
        for (MilitaryUnit u : units) u.newWeek();
        refresh();
    }

    /**
     * Who fields forces, and the cue-making effort on each link: a surveillance asset watches its link and the
     * links touching either end, a patrol aircraft its sea link; each adds W x capability x v x H/168 (ODD 7.9).
     */
    private void refresh() {
        for (double[] e : cueEffort) Arrays.fill(e, 0);
        Arrays.fill(sharedEffort, 0);
        boolean[] fields = new boolean[net.nations.size()];
        for (MilitaryUnit u : units) {
            if (u.post() == null) continue;
            fields[u.nation.index] = true;
            Sweep sw = rules.sweeps()[u.type.ordinal()];
            double rate = sw.rateKm2PerHour() * u.nation.capability();
            if (rate <= 0) continue;
            if (u.type == MilitaryUnit.Type.SURVEILLANCE) {
                java.util.BitSet seen = posts.watchedFrom(u.post());
                for (int k = seen.nextSetBit(0); k >= 0; k = seen.nextSetBit(k + 1)) addEffort(u, k, rate);
            } else if (u.type.cues(u.post().mode)) {
                addEffort(u, u.post().index, rate);
            }
        }
        fielding.clear();
        for (Nation n : net.nations) {
            if (fields[n.index]) fielding.add(n);
        }
        mayActWeek = Integer.MIN_VALUE;
        generation++;
    }

    /** Whether a fielding nation may act on a link this week: {@link Partnership#mayAct}, computed once a week. */
    private boolean mayActNow(Nation n, Link l, int week) {
        if (week != mayActWeek) {
            for (Link k : net.links) {
                for (Nation m : fielding) mayActNow[k.index][m.index] = partnership.mayAct(m, k);
            }
            mayActWeek = week;
        }
        return mayActNow[l.index][n.index];
    }

    private void addEffort(MilitaryUnit u, int link, double rate) {
        if (u.shared) sharedEffort[link] += rate;
        else cueEffort[link][u.nation.index] += rate;
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
        if (n.withdrawn()) return;
        MilitaryUnit.Type[] types = MilitaryUnit.Type.values();
        List<List<MilitaryUnit>> byType = new ArrayList<>(types.length);
        for (int t = 0; t < types.length; t++) byType.add(new ArrayList<>());
        for (MilitaryUnit u : units) {
            if (u.nation == n) byType.get(u.type.ordinal()).add(u);
        }
        boolean[] isTarget = new boolean[net.links.size()];
        for (MilitaryUnit.Type type : types) {
            List<MilitaryUnit> ofType = byType.get(type.ordinal());
            if (ofType.isEmpty()) continue;
            List<Link> allowed = new ArrayList<>();
            for (Link l : net.links) {
                if (type.covers(l.mode) && partnership.mayAct(n, l)) allowed.add(l);
            }
            if (allowed.isEmpty()) continue;
            double[] est = new double[allowed.size()];
            for (int i = 0; i < est.length; i++) est[i] = n.intel(allowed.get(i).index);
            double cut = percentile(est, rules.intelPercentile());
            List<Link> targets = new ArrayList<>();
            Arrays.fill(isTarget, false);
            for (Link l : allowed) {
                if (n.succeededOn(l.index)) {
                    targets.add(l);
                    isTarget[l.index] = true;
                }
            }
            List<Link> busy = new ArrayList<>();
            for (Link l : allowed) {
                if (!isTarget[l.index] && n.intel(l.index) > 0 && n.intel(l.index) >= cut) busy.add(l);
            }
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
     * A shipment enters a link (ODD 7.9). First the cues: each nation fielding forces may hold one — its own
     * cue-making assets on or next to the link find the shipment (Koopman's random search over the link's
     * area), or its intelligence names it (chance intel_cue_max x its estimate of the link's use); the shared
     * partnership assets' cues reach every cooperating partner, and a cooperating partner passes its cue on
     * with the sharing chance. Then the units posted on the link that act on its mode search, in posting
     * order: over the cue's small area if their nation holds a cue, else over the whole link; a unit that
     * finds the shipment acts on it if it has capacity left this week, and the action ends in a seizure with
     * the interdiction chance, less if the shipment crosses into a nation that does not coordinate (it escapes
     * at the line). A contact in a populated place may harm residents or turn into a clash. A detection that
     * no unit acts on is counted (detected, not acted on). Returns the seizing unit, or null.
     */
    MilitaryUnit interdict(Link l, MersenneTwisterFast random) {
        if (fielding.isEmpty()) return null;
        double hours = rules.exposureHours(l);
        double area = rules.searchAreaKm2(l);
        int week = this.week.getAsInt();
        int cues = 0;
        int sharedCues = 0;
        boolean sharedCue = sharedEffort[l.index] > 0
                && random.nextDouble() < koopman(sharedEffort[l.index], hours, area);
        if (cueWeek[l.index] != week || cueGeneration[l.index] != generation) cueChances(l, week, hours, area);
        int[] actors = cueNations[l.index];
        double[] chance = cueChance[l.index];
        int acting = cueCount[l.index];
        for (Nation n : fielding) cued[n.index] = false;
        for (int j = 0; j < acting; j++) {
            Nation n = net.nations.get(actors[j]);
            double c = chance[j];
            boolean own = c > 0 && random.nextDouble() < c;
            boolean given = !own && sharedCue && n.cooperates(week);
            cued[n.index] = own || given;
            if (own || given) {
                cues++;
                if (given) sharedCues++;
            }
        }
        double share = partnership.intelShare();
        if (cues > 0 && share > 0) {
            // Cued nations that cooperate: a partner not yet cued gets the cue passed on if any of them is not itself.
            int cuedPartners = 0;
            for (Nation m : fielding) {
                if (cued[m.index] && m.cooperates(week)) cuedPartners++;
            }
            for (int j = 0; j < acting; j++) {
                Nation n = net.nations.get(actors[j]);
                if (cued[n.index] || !n.cooperates(week)) continue;
                if (cuedPartners > 0 && random.nextDouble() < share) {
                    cued[n.index] = true;
                    cues++;
                    sharedCues++;
                    cuedPartners++;
                }
            }
        }
        if (cues > 0) events.emit(new Event.Cued(l.index, cues, sharedCues));
        // A cue tells a nation that traffic uses the link, whether or not anyone acts on it (intelligence, 7.17).
        for (Nation n : fielding) {
            if (cued[n.index]) n.signal(l.index, rules.contactSignal());
        }

        List<MilitaryUnit> here = posts.on(l);
        boolean detected = cues > 0;
        boolean acted = false;
        MilitaryUnit seizing = null;
        double cueArea = rules.cueAreaKm2(l, area);
        double cueHours = Math.min(hours, rules.cueHours());
        Place populated = population.at(l.to) != null ? l.to : (population.at(l.from) != null ? l.from : null);
        for (int i = 0; i < here.size(); i++) {
            MilitaryUnit u = here.get(i);
            if (!u.type.acts(l.mode)) continue;
            // Koopman (1946): P = 1 - exp(-W v (H/168) t / A), W scaled by the nation's capability.
            double rate = rules.sweeps()[u.type.ordinal()].rateKm2PerHour() * u.nation.capability();
            double find = cued[u.nation.index] ? koopman(rate, cueHours, cueArea) : koopman(rate, hours, area);
            if (random.nextDouble() >= find) continue;
            detected = true;
            if (!u.hasCapacity(rules.targetsWeek()[u.type.ordinal()])) continue;
            u.act();
            acted = true;
            u.nation.signal(l.index, rules.contactSignal());
            if (populated != null) {
                double harm = collateral() * (1 - rules.harmCapabilityFactor() * u.nation.capability());
                if (random.nextDouble() < harm) events.emit(new Event.CollateralHarm(populated.index, u.nation.index));
                if (random.nextDouble() < rules.clashViolence()) {
                    events.emit(new Event.Violence(populated.index, true));
                }
            }
            double interdict = interdictProb();
            boolean pursuit = l.crossBorder && l.to.nation != u.nation;
            boolean incursion = false;
            if (pursuit && !(partnership.coordinated() && l.to.nation.cooperates(week))) {
                interdict *= rules.noPursuitFactor();
                pursuit = false;
                incursion = true;
            }
            if (random.nextDouble() < Math.min(1.0, interdict)) {
                if (pursuit) events.emit(new Event.CrossBorderPursuit(l.index, u.nation.index));
                // Caught across the line without an agreement: the neighbour's sovereignty was crossed.
                if (incursion) events.emit(new Event.Incursion(l.to.nation.index, u.nation.index));
                if (populated != null) handOver(u.nation, populated);
                seizing = u;
                break;
            }
        }
        if (detected) events.emit(new Event.Detected(l.index, acted));
        return seizing;
    }

    /** The fielding nations that may act on {@code l} this week and their own chances of a cue there (see {@link #cueNations}). */
    private void cueChances(Link l, int week, double hours, double area) {
        int count = 0;
        for (Nation n : fielding) {
            // Only a nation whose forces may act on the link holds cues there (its waters, international
            // waters, or a partner's under coordinated operations).
            if (!mayActNow(n, l, week)) continue;
            double found = koopman(cueEffort[l.index][n.index], hours, area);
            // Informants and wiretaps are domestic: a nation's intelligence names shipments on legs that start or
            // end on its territory; elsewhere it learns of them only from partners (assumption).
            boolean informed = l.from.nation == n || l.to.nation == n;
            double intel = informed ? rules.intelCueMax() * n.intel(l.index) : 0;
            cueNations[l.index][count] = n.index;
            cueChance[l.index][count] = 1 - (1 - found) * (1 - intel);
            count++;
        }
        cueCount[l.index] = count;
        cueWeek[l.index] = week;
        cueGeneration[l.index] = generation;
    }

    private double interdictProb() {
        return rules.interdictProb() * (doctrine.permissive() ? 1 + rules.permissiveBonus() : 1);
    }

    private double collateral() {
        return doctrine.permissive() ? rules.collateralPermissive() : rules.collateralStrict();
    }

    /**
     * Legal authority (ODD 7.9): the crew is arrested by the military where the law lets it arrest; otherwise
     * honest police of the place's nation must take over within the hand-over window — those posted at the
     * place, or the nearest posted within window x response speed — or the crew goes free and the evidence it
     * carried is lost. The police who take over (and those at the place, after a military arrest) gain the
     * seizure's evidence for their investigations.
     */
    private void handOver(Nation n, Place where) {
        Community residents = population.at(where);
        if (residents == null) return;
        Place taker = police.honestWithin(where, rules.handoverHours() * rules.policeResponseKmh());
        boolean taken = n.spec.militaryCanArrest() || taker != null;
        if (taken) residents.requestArrests(1);
        if (taker != null) police.addEvidence(taker, rules.evidencePerHandover());
        events.emit(new Event.HandOver(where.index, n.index, taken));
    }

    // ------------------------------------------------------------------ reading

    List<MilitaryUnit> units() {
        return units;
    }

    Posts posts() {
        return posts;
    }
}
