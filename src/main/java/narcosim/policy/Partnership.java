package narcosim.policy;

import java.util.function.Consumer;
import java.util.function.IntSupplier;

import ec.util.MersenneTwisterFast;
import narcosim.metrics.Event;
import narcosim.metrics.EventBus;
import narcosim.scenario.ParamValues;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Network;

/**
 * The partnership the campaign funds (ODD 7.13): what its money buys (training, liaison, shared
 * surveillance), where it lets forces act (coordinated operations), the intelligence partners pass on,
 * joint training, and its instability: suspensions and a scripted withdrawal.
 */
final class Partnership {

    /** The partnership's parameters, read once per run. */
    record Rules(double intelShare, boolean coordinatedOperations, double mixTraining, double mixSurveillance,
                 double mixLiaison, double trainingRate, double trainingScaleUsdYear, double liaisonScaleUsdYear,
                 int suspensionWeeks, String withdrawalNation, int withdrawalWeek, double suspensionPerHarm,
                 double suspensionPerIncursion, double suspensionPerScandal) {

        static Rules of(ParamValues p) {
            return new Rules(p.real("partnership.intel_share"), p.bool("partnership.coordinated_operations"),
                    p.real("partnership.mix_training"), p.real("partnership.mix_surveillance"),
                    p.real("partnership.mix_liaison"), p.real("partnership.training_rate"),
                    p.real("partnership.training_scale_musd_year") * 1e6,
                    p.real("partnership.liaison_scale_musd_year") * 1e6, p.integer("partnership.suspension_weeks"),
                    p.text("partnership.withdrawal_nation"), p.integer("partnership.withdrawal_week"),
                    p.real("partnership.suspension_per_harm"), p.real("partnership.suspension_per_incursion"),
                    p.real("partnership.suspension_per_scandal"));
        }
    }

    /** What a year's partnership money bought (ODD 7.13): training and liaison levels in [0, 1). */
    record Bought(double spendUsdYear, double trainingLevel, double liaisonLevel) {

        static final Bought NOTHING = new Bought(0, 0, 0);
    }

    private final Rules rules;
    private final Network net;
    private final IntSupplier week;
    private final EventBus events;
    private Bought bought = Bought.NOTHING;
    /** This week's collateral harm, incursions without agreement and corruption scandals, per nation. */
    private final int[] harm;
    private final int[] incursions;
    private final int[] scandals;

    Partnership(Rules rules, Network net, IntSupplier week, EventBus events) {
        this.rules = rules;
        this.net = net;
        this.week = week;
        this.events = events;
        this.harm = new int[net.nations.size()];
        this.incursions = new int[net.nations.size()];
        this.scandals = new int[net.nations.size()];
        events.register(this::hear, Event.CollateralHarm.class, Event.Incursion.class, Event.CorruptionSeen.class);
    }

    /**
     * A yearly spend is split by the partnership mix: training and liaison each buy a level with diminishing
     * returns, 1 - exp(-spend / scale) (the partners' capacity to absorb them; assumption), and the surveillance
     * share is returned to buy shared assets at their unit cost (no cap: overlapping search gives its own
     * diminishing returns, Koopman's exponential). Nothing is dropped on the floor.
     */
    double fund(double spendYear) {
        double training = spendYear * rules.mixTraining();
        double liaison = spendYear * rules.mixLiaison();
        double surveillance = spendYear * rules.mixSurveillance();
        bought = new Bought(spendYear, 1 - Math.exp(-training / rules.trainingScaleUsdYear()),
                1 - Math.exp(-liaison / rules.liaisonScaleUsdYear()));
        return surveillance;
    }

    /** What whole surveillance units left of their share goes to liaison (no money dropped on the floor). */
    void topUpLiaison(double usdYear) {
        if (usdYear <= 0) return;
        double liaison = bought.spendUsdYear() * rules.mixLiaison() + usdYear;
        bought = new Bought(bought.spendUsdYear(), bought.trainingLevel(),
                1 - Math.exp(-liaison / rules.liaisonScaleUsdYear()));
    }

    void clear() {
        bought = Bought.NOTHING;
    }

    /** Forgets the events counted since the last instability draw (a campaign starting after another one). */
    void forget() {
        java.util.Arrays.fill(harm, 0);
        java.util.Arrays.fill(incursions, 0);
        java.util.Arrays.fill(scandals, 0);
    }

    /** What the partnership money bought. */
    Bought bought() {
        return bought;
    }

    /** Whether the campaign funds a partnership at all (suspensions happen only then). */
    boolean funded() {
        return bought.spendUsdYear() > 0;
    }

    /** Chance that a partner's cue or signal reaches a cooperating nation: intel_share x the liaison level. */
    double intelShare() {
        return rules.intelShare() * bought.liaisonLevel();
    }

    /** Whether partners pursue across borders and act on each other's links: agreements need liaison. */
    boolean coordinated() {
        return rules.coordinatedOperations() && bought.liaisonLevel() > 0;
    }

    /** Whether a nation's forces may act on a link this week. */
    boolean mayAct(Nation n, Link l) {
        if (n.withdrawn()) return false;
        if (l.inJurisdictionOf(n)) return true;
        int w = week.getAsInt();
        return coordinated() && n.cooperates(w) && l.from.nation.cooperates(w) && l.to.nation.cooperates(w);
    }

    /**
     * The scripted withdrawal (for good: {@code withdraw} takes the nation's forces off duty) and, while the
     * partnership is funded, suspensions with each partner's yearly hazard.
     */
    void instability(int week, MersenneTwisterFast random, Consumer<Nation> withdraw) {
        for (Nation n : net.nations) {
            if (n.withdrawn()) continue;
            int when = rules.withdrawalWeek();
            if (n.id().equals(rules.withdrawalNation()) && week >= when && when >= 0) {
                n.withdraw();
                withdraw.accept(n);
                events.emit(new Event.PartnerSuspended(n.index, true));
                continue;
            }
            // The base hazard, and the events of the last week on its territory: each may be the one that breaks
            // cooperation (Ahuas 2012, civilians killed in a joint raid; Angostura 2008, a raid across the border
            // without agreement; corruption scandals). P = 1 - (1 - h/52) Π_e (1 - p_e)^(count_e).
            double keep = (1 - n.spec.instabilityHazardPerYear() / 52.0)
                    * Math.pow(1 - rules.suspensionPerHarm(), harm[n.index])
                    * Math.pow(1 - rules.suspensionPerIncursion(), incursions[n.index])
                    * Math.pow(1 - rules.suspensionPerScandal(), scandals[n.index]);
            if (funded() && keep < 1 && n.cooperates(week) && random.nextDouble() < 1 - keep) {
                n.suspendUntil(week + rules.suspensionWeeks());
                events.emit(new Event.PartnerSuspended(n.index, false));
            }
        }
        java.util.Arrays.fill(harm, 0);
        java.util.Arrays.fill(incursions, 0);
        java.util.Arrays.fill(scandals, 0);
    }

    /** Events on a nation's territory that strain cooperation, counted until the next week's instability draw. */
    private void hear(Event e) {
        if (e instanceof Event.CollateralHarm h) harm[net.places.get(h.place()).nation.index]++;
        else if (e instanceof Event.Incursion i) incursions[i.nation()]++;
        else if (e instanceof Event.CorruptionSeen c) scandals[net.places.get(c.place()).nation.index]++;
    }

    /** Joint training: each cooperating nation's capability grows at training_rate x the training level. */
    void train(int week) {
        if (bought.trainingLevel() <= 0) return;
        double rate = rules.trainingRate() * bought.trainingLevel();
        for (Nation n : net.nations) {
            if (n.cooperates(week)) n.train(rate);
        }
    }
}
