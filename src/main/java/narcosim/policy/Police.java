package narcosim.policy;

import java.util.ArrayList;
import java.util.List;

import ec.util.MersenneTwisterFast;
import narcosim.agents.Community;
import narcosim.agents.PoliceUnit;
import narcosim.metrics.Event;
import narcosim.metrics.EventBus;
import narcosim.agents.Population;
import narcosim.scenario.ParamValues;
import narcosim.util.Geo;
import narcosim.world.Nation;
import narcosim.world.Network;
import narcosim.world.Place;

/**
 * The campaign's police (ODD 7.10): units posted where people live, the evidence residents' tips give
 * them, their investigations and arrests, searches of passing shipments, and the bribes that corrupt
 * them. Tips and bribes arrive as events; an arrest that falls on cartel leadership goes out as one.
 */
final class Police {

    /** The police parameters, read once per run. */
    record Rules(double arrestRate, double arrestSaturation, double leaderShareTargeted, double leaderShareUntargeted,
                 double evidenceDecay, double evidencePerTip, double searchProb, double searchEvidenceGain,
                 double corruptionRate, double bribeScaleUsd, double purgeRate, double vettingFactor,
                 double postingThroughputKg, double transparencyPurgeGain) {

        static Rules of(ParamValues p) {
            return new Rules(p.real("police.arrest_rate"), p.real("police.arrest_saturation"),
                    p.real("police.leader_share_targeted"), p.real("police.leader_share_untargeted"),
                    p.real("police.evidence_decay"), p.real("police.evidence_per_tip"), p.real("police.search_prob"),
                    p.real("police.search_evidence_gain"), p.real("police.corruption_rate"),
                    p.real("police.bribe_scale_usd"), p.real("police.purge_rate"), p.real("police.vetting_factor"),
                    p.real("police.posting_throughput_kg"), p.real("police.transparency_purge_gain"));
        }
    }

    private final Rules rules;
    private final Doctrine doctrine;
    private final Network net;
    private final Population population;
    private final EventBus events;
    private final List<PoliceUnit> units = new ArrayList<>();
    private final List<List<PoliceUnit>> unitsAt = new ArrayList<>();

    Police(Rules rules, Doctrine doctrine, Network net, Population population, EventBus events) {
        this.rules = rules;
        this.doctrine = doctrine;
        this.net = net;
        this.population = population;
        this.events = events;
        for (int i = 0; i < net.places.size(); i++) unitsAt.add(new ArrayList<>());
        events.register(this::hear, Event.Tips.class, Event.Bribe.class);
    }

    // ------------------------------------------------------------------ posting

    /** Posts a nation's units at its populated, non-market places. */
    void post(Nation nation, int count) {
        List<Place> posts = net.places.stream()
                .filter(pl -> pl.nation == nation && pl.isPopulated() && !pl.isMarket()).toList();
        if (posts.isEmpty() || count == 0) return;
        // Where people live and where traffic passes (known after the burn-in).
        double[] w = posts.stream().mapToDouble(pl -> Math.sqrt(pl.spec.population())
                * (1 + pl.throughputLastWeekKg() / rules.postingThroughputKg())).toArray();
        int[] n = Apportion.largestRemainder(count, w);
        for (int i = 0; i < posts.size(); i++) {
            for (int j = 0; j < n[i]; j++) {
                PoliceUnit u = new PoliceUnit(units.size(), posts.get(i), doctrine.vetting());
                units.add(u);
                unitsAt.get(posts.get(i).index).add(u);
            }
        }
    }

    /** A withdrawing nation's units stand down. */
    void standDown(Nation n) {
        for (PoliceUnit u : units) {
            if (u.place.nation == n) u.standDown();
        }
    }

    void clear() {
        units.clear();
        for (List<PoliceUnit> here : unitsAt) here.clear();
    }

    // ------------------------------------------------------------------ the week

    /**
     * Investigations (arrests saturating in evidence, MADTOR), corruption and purges, and the honest
     * presence residents see.
     */
    void work(MersenneTwisterFast random) {
        double leaderShare = doctrine.leadershipTargeting() ? rules.leaderShareTargeted()
                : rules.leaderShareUntargeted();
        int[] honestAt = new int[net.places.size()];
        for (PoliceUnit u : units) {
            if (!u.active()) continue;
            Place at = u.place;
            if (u.honest()) {
                // Diminishing returns to arrests (MADTOR): expected arrests saturate in evidence.
                double e = u.evidence();
                double expected = rules.arrestRate() * e / (1 + e / rules.arrestSaturation());
                int arrests = Poisson.sample(expected, random);
                if (arrests > 0) {
                    u.useEvidence(arrests);
                    for (int a = 0; a < arrests; a++) {
                        if (random.nextDouble() < leaderShare) events.emit(new Event.LeaderTargeted(at.index));
                        else arrestSmuggler(at);
                    }
                }
            }
            double turn = rules.corruptionRate() * at.nation.spec.corruption()
                    * (1 - Math.exp(-u.bribesThisWeek() / rules.bribeScaleUsd()))
                    * (u.vetted ? rules.vettingFactor() : 1);
            // Transparency is accountability (Klitgaard 1988: corruption = monopoly + discretion - accountability):
            // corrupt units are found and purged more often, and residents see the punishment.
            double transparency = at.nation.spec.transparency();
            boolean wasCorrupt = u.corrupt();
            u.closeWeek(turn, rules.purgeRate() * (1 + rules.transparencyPurgeGain() * transparency),
                    rules.evidenceDecay(), random);
            if (u.corrupt() && random.nextDouble() < transparency) {
                events.emit(new Event.CorruptionSeen(at.index));
            }
            if (wasCorrupt && !u.corrupt() && random.nextDouble() < transparency) {
                events.emit(new Event.CorruptionPunished(at.index));
            }
            if (u.honest()) honestAt[at.index]++;
        }
        for (Community c : population.communities()) c.setHonestUnits(honestAt[c.place.index]);
    }

    /** An arrest that falls on a smuggler among the place's residents, if anyone lives there. */
    private void arrestSmuggler(Place at) {
        Community residents = population.at(at);
        if (residents != null) residents.requestArrests(1);
    }

    /**
     * Honest units at a place search a passing shipment; returns true if they seize it. The protection its
     * cartel bought there (ODD 7.5) lowers each unit's chance by (1 - protection), a vetted unit's by
     * (1 - vetting_factor x protection).
     */
    boolean search(Place at, double protection, MersenneTwisterFast random) {
        List<PoliceUnit> here = unitsAt.get(at.index);
        if (here.isEmpty()) return false;
        for (PoliceUnit u : here) {
            if (!u.honest()) continue;
            double e = u.evidence();
            double looksAway = u.vetted ? rules.vettingFactor() * protection : protection;
            if (random.nextDouble() < rules.searchProb()
                    * (1 + rules.searchEvidenceGain() * e / (e + rules.arrestSaturation())) * (1 - looksAway)) {
                arrestSmuggler(at);
                return true;
            }
        }
        return false;
    }

    private void hear(Event e) {
        if (e instanceof Event.Tips t) tips(t.place(), t.count());
        else if (e instanceof Event.Bribe b) bribe(b.place(), b.usd());
    }

    /** Tips from residents become evidence for the honest units at the place (corrupt ones ignore them). */
    private void tips(int place, int count) {
        addEvidence(net.places.get(place), count * rules.evidencePerTip());
    }

    /** A bribe paid at a place goes to the active units there (if any). */
    private void bribe(int place, double usd) {
        List<PoliceUnit> here = unitsAt.get(place);
        int active = 0;
        for (PoliceUnit u : here) {
            if (u.active()) active++;
        }
        for (PoliceUnit u : here) {
            if (u.active()) u.takeBribe(usd / active);
        }
    }

    /**
     * The place where honest units can take over a seized crew from {@code at} (ODD 7.9): {@code at} itself if
     * honest units are posted there, else the nearest place of the same nation with honest units within
     * {@code reachKm} (great circle), or null.
     */
    Place honestWithin(Place at, double reachKm) {
        if (honestAt(at) > 0) return at;
        Place best = null;
        double bestKm = reachKm;
        for (Place p : net.places) {
            if (p == at || p.nation != at.nation || honestAt(p) == 0) continue;
            double km = Geo.greatCircleKm(at.spec.lat(), at.spec.lon(), p.spec.lat(), p.spec.lon());
            if (km <= bestKm) {
                best = p;
                bestKm = km;
            }
        }
        return best;
    }

    /** Evidence (from tips, or a seizure handed over) goes to the honest units at the place, shared among them. */
    void addEvidence(Place at, double evidence) {
        List<PoliceUnit> here = unitsAt.get(at.index);
        int honest = honestAt(at);
        if (honest == 0 || evidence <= 0) return;
        for (PoliceUnit u : here) {
            if (u.honest()) u.addEvidence(evidence / honest);
        }
    }

    // ------------------------------------------------------------------ reading

    List<PoliceUnit> units() {
        return units;
    }

    int honestAt(Place at) {
        int n = 0;
        for (PoliceUnit u : unitsAt.get(at.index)) {
            if (u.honest()) n++;
        }
        return n;
    }

    int corruptUnits() {
        int n = 0;
        for (PoliceUnit u : units) {
            if (u.active() && u.corrupt()) n++;
        }
        return n;
    }
}
