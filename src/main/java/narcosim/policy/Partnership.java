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
 * The partnership the campaign funds (ODD 7.13): its level, where it lets forces act (coordinated
 * operations), the intelligence it shares, joint training, and its instability: suspensions and a
 * scripted withdrawal.
 */
final class Partnership {

    /** The partnership's parameters, read once per run. */
    record Rules(double fullCostUsdYear, double trainingRate, double intelShare, boolean coordinatedOperations,
                 int suspensionWeeks, String withdrawalNation, int withdrawalWeek) {

        static Rules of(ParamValues p) {
            return new Rules(p.real("partnership.full_cost_musd_year") * 1e6, p.real("partnership.training_rate"),
                    p.real("partnership.intel_share"), p.bool("partnership.coordinated_operations"),
                    p.integer("partnership.suspension_weeks"), p.text("partnership.withdrawal_nation"),
                    p.integer("partnership.withdrawal_week"));
        }
    }

    private final Rules rules;
    private final Network net;
    private final IntSupplier week;
    private final EventBus events;
    private double level;

    Partnership(Rules rules, Network net, IntSupplier week, EventBus events) {
        this.rules = rules;
        this.net = net;
        this.week = week;
        this.events = events;
    }

    /** A yearly spend buys a level λ, saturating at the full cost. */
    void fund(double spendYear) {
        level = Math.min(1.0, spendYear / rules.fullCostUsdYear());
    }

    void clear() {
        level = 0;
    }

    double level() {
        return level;
    }

    /** Share of partners' signals a cooperating nation receives: intel_share · λ. */
    double intelShare() {
        return rules.intelShare() * level;
    }

    /** Whether partners pursue across borders and act on each other's links. */
    boolean coordinated() {
        return rules.coordinatedOperations() && level > 0;
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
            double hazard = n.spec.instabilityHazardPerYear();
            if (level > 0 && hazard > 0 && n.cooperates(week) && random.nextDouble() < hazard / 52.0) {
                n.suspendUntil(week + rules.suspensionWeeks());
                events.emit(new Event.PartnerSuspended(n.index, false));
            }
        }
    }

    /** Joint training: each cooperating nation's capability grows at training_rate · λ. */
    void train(int week) {
        if (level <= 0) return;
        double rate = rules.trainingRate() * level;
        for (Nation n : net.nations) {
            if (n.cooperates(week)) n.train(rate);
        }
    }
}
