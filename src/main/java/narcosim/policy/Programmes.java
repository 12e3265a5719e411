package narcosim.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import narcosim.agents.Community;
import narcosim.metrics.Event;
import narcosim.metrics.EventBus;
import narcosim.agents.Population;
import narcosim.scenario.ParamValues;
import narcosim.world.Network;
import narcosim.world.Place;

/**
 * The campaign's programmes in places: development (alternative livelihoods, ODD 7.11), placed where the
 * need is greatest and paying off after a lag, and forced eradication (ODD 7.12), spread over the
 * production places by coca area.
 */
final class Programmes {

    /** The development and eradication parameters, read once per run. */
    record Rules(int lagWeeks, int rampWeeks, double incomeGain, double securityDependency, int perPlace,
                 int servicesLagWeeks, double servicesContact, double consultationContact,
                 double eradicationCostUsdHa, double killFraction, int eradicationEndWeek) {

        static Rules of(ParamValues p) {
            return new Rules(p.integer("development.lag_weeks"), p.integer("development.ramp_weeks"),
                    p.real("development.income_gain"), p.real("development.security_dependency"),
                    p.integer("development.programmes_per_place"), p.integer("development.services_lag_weeks"),
                    p.real("development.services_contact"), p.real("development.consultation_contact"),
                    p.real("eradication.cost_usd_ha"),
                    p.real("eradication.kill_fraction"), p.integer("eradication.end_week"));
        }
    }

    private final Rules rules;
    private final Doctrine doctrine;
    private final Network net;
    private final Population population;
    private final EventBus events;
    private final int[] programmesAt;
    private final double[] eradicationHaWeek;

    Programmes(Rules rules, Doctrine doctrine, Network net, Population population, EventBus events) {
        this.rules = rules;
        this.doctrine = doctrine;
        this.net = net;
        this.population = population;
        this.events = events;
        this.programmesAt = new int[net.places.size()];
        this.eradicationHaWeek = new double[net.places.size()];
    }

    // ------------------------------------------------------------------ placing

    /**
     * Places development programmes in populated, non-market places of partner nations, most need first,
     * round-robin up to the most per place; returns how many found a place.
     */
    int place(int programmes) {
        List<Place> eligible = new ArrayList<>(net.places.stream()
                .filter(pl -> pl.isPopulated() && !pl.isMarket() && pl.nation.spec.partner()
                        && !pl.nation.spec.international())
                .toList());
        // Most need first: the share of residents who grow coca or smuggle.
        eligible.sort(Comparator.comparingDouble((Place pl) -> -need(population.at(pl)))
                .thenComparingInt(pl -> pl.index));
        int placed = 0;
        for (int round = 0; round < rules.perPlace() && placed < programmes; round++) {
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

    /** A yearly eradication budget becomes hectares a week, spread over production places by coca area. */
    void fundEradication(double budgetYear) {
        double haWeek = budgetYear / rules.eradicationCostUsdHa() / 52.0;
        double total = net.places.stream().filter(Place::isProduction).mapToDouble(Place::cocaHa).sum();
        for (Place pl : net.places) {
            if (pl.isProduction() && total > 0) eradicationHaWeek[pl.index] = haWeek * pl.cocaHa() / total;
        }
    }

    /** Withdraws every programme (residents lose the income gain) and the eradication teams. */
    void clear() {
        for (Community c : population.communities()) {
            if (programmesAt[c.place.index] > 0) c.setDevelopment(0, 0, 0);
        }
        Arrays.fill(programmesAt, 0);
        Arrays.fill(eradicationHaWeek, 0);
    }

    // ------------------------------------------------------------------ the week

    /**
     * Development acts through what it has delivered: income from the first harvest after the lag, and
     * services (roads, schools) in use after their own lag, both with the ramp; consultation, if set, from
     * week 1. A withdrawn nation's programmes stop.
     */
    void develop(int weeksIn) {
        double maturity = maturity(weeksIn, rules.lagWeeks());
        double services = maturity(weeksIn, rules.servicesLagWeeks());
        for (Community c : population.communities()) {
            int n = programmesAt[c.place.index];
            if (n == 0) continue;
            if (c.place.nation.withdrawn()) n = 0;
            double share = Math.min(1.0, (double) n / rules.perPlace());
            // Alternative livelihoods pay off after the first harvest, and less where cartels rule by fear.
            double g = rules.incomeGain() * share * maturity * (1 - rules.securityDependency() * c.meanFear());
            // Residents meet the state through each programme's services once they are in use (and through
            // consultation): per programme, as the contact was before it waited for the services, so that only
            // its timing changed, not its size at full effect.
            double contact = n * (rules.consultationContact() + rules.servicesContact() * services);
            c.setDevelopment(n, g, contact);
        }
    }

    /** Share of full effect w weeks into the campaign for an effect that starts after a lag: 0, a ramp, 1. */
    private double maturity(int weeksIn, int lagWeeks) {
        return Math.min(1.0, Math.max(0.0, (double) (weeksIn - lagWeeks) / rules.rampWeeks()));
    }

    /**
     * Eradication, while the doctrine has it on and its end week (if any) has not come; returns whether it
     * worked this week (and so spent its budget).
     */
    boolean eradicate(int week) {
        int end = rules.eradicationEndWeek();
        boolean on = doctrine.eradication() && !(end >= 0 && week >= end);
        if (!on) return false;
        for (Place pl : net.places) {
            double ha = eradicationHaWeek[pl.index];
            if (ha <= 0 || pl.nation.withdrawn()) continue;
            double sprayed = pl.treatable(ha);
            double destroyed = pl.eradicate(ha, rules.killFraction());
            if (destroyed > 0) events.emit(new Event.Eradicated(pl.index, sprayed, destroyed));
        }
        return true;
    }

    // ------------------------------------------------------------------ reading

    int at(Place pl) {
        return programmesAt[pl.index];
    }
}
