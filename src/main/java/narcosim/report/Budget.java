package narcosim.report;

import java.util.ArrayList;
import java.util.List;

import narcosim.model.NarcoModel;
import narcosim.scenario.ParamValues;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioException;
import narcosim.scenario.Specs;

/**
 * Why a strategy's spend differs from its allocation: what its budget shares buy, use by use, found by
 * deploying the strategy in a fresh model (the campaign's own procurement, ODD 7.16) and reading the yearly
 * bill. Money is left over because forces and programmes are bought whole (a boat, a police unit, a programme:
 * the rest of each share buys no further one) and because a community takes at most a few development
 * programmes; the partnership share is spent to the dollar (what whole shared surveillance assets leave goes
 * to liaison); eradication money, part of the military share, stops when eradication ends.
 */
final class Budget {

    private Budget() {
    }

    /** One use of the budget: US$ a year allocated and bought. */
    record Use(String name, double allocatedUsdYear, double boughtUsdYear, String why) {
    }

    /** A strategy's allocation and what it bought, use by use, and what the run is expected to spend. */
    record Line(String strategy, double allocatedUsdYear, double boughtUsdYear, List<Use> uses, int years,
                double eradicationUsdYear, int eradicationEndWeek) {

        /** The spend a run records: the yearly bill every campaign year, eradication only until it ends. */
        double expectedRunUsd() {
            int weeks = years * 52;
            int eradicatingWeeks = eradicationEndWeek >= 0 ? Math.min(weeks, eradicationEndWeek) : weeks;
            return (boughtUsdYear - eradicationUsdYear) * years + eradicationUsdYear * eradicatingWeeks / 52.0;
        }
    }

    /** Deploys the strategy (seed 0: procurement draws no random numbers) and reads its bill, use by use. */
    static Line of(Scenario sc, String strategy) throws ScenarioException {
        RunConfig cfg = sc.forStrategy(strategy, 0L);
        ParamValues p = cfg.params();
        Specs.Shares sh = cfg.strategy().shares();
        double budget = sc.budgetMusdPerYear() * 1e6;
        NarcoModel m = new NarcoModel(cfg);
        m.start();
        try {
            m.campaign().deploy();
            double total = m.campaign().spendPerYear();
            boolean eradication = m.campaign().doctrine().eradication();
            boolean vetting = m.campaign().doctrine().vetting();
            List<Use> uses = new ArrayList<>();
            Specs.Shares[] alone = {new Specs.Shares(sh.military(), 0, 0, 0), new Specs.Shares(0, sh.police(), 0, 0),
                new Specs.Shares(0, 0, sh.development(), 0), new Specs.Shares(0, 0, 0, sh.partnership())};
            String[] names = {"Military", "Police", "Development", "Partner nations"};
            double[] shares = {sh.military(), sh.police(), sh.development(), sh.partnership()};
            double eradicationYear = eradication ? budget * sh.military() * p.real("eradication.budget_share") : 0;
            for (int i = 0; i < 4; i++) {
                if (shares[i] <= 0) continue;
                m.campaign().reshare(alone[i]);
                double bought = m.campaign().spendPerYear();
                double allocated = budget * shares[i];
                String why = "";
                if (allocated - bought > 0.5) {
                    why = switch (i) {
                        case 0 -> "boats, aircraft, ground units and surveillance are bought whole (US$"
                                + musd(p.real("military.cost_boat_musd_year")) + "M, "
                                + musd(p.real("military.cost_aircraft_musd_year")) + "M, "
                                + musd(p.real("military.cost_ground_musd_year")) + "M and "
                                + musd(p.real("military.cost_surveillance_musd_year")) + "M a year each)"
                                + ": what is left of each type's money buys no further unit";
                        case 1 -> "police units are bought whole (US$" + musd(p.real("police.cost_unit_musd_year")
                                * (vetting ? 1 + p.real("police.vetting_cost") : 1)) + "M a year each"
                                + (vetting ? ", vetting included" : "") + ")";
                        case 2 -> developmentWhy(m, p, allocated, bought);
                        default -> "";
                    };
                }
                uses.add(new Use(names[i], allocated, bought, why));
            }
            return new Line(strategy, budget * sh.sum(), total, uses, p.integer("run.years"), eradicationYear,
                    eradication ? p.integer("eradication.end_week") : -1);
        } finally {
            m.finish();
        }
    }

    private static String developmentWhy(NarcoModel m, ParamValues p, double allocated, double bought) {
        double cost = p.real("development.cost_programme_musd_year") * 1e6;
        int affordable = (int) Math.floor(allocated / cost);
        int placed = (int) Math.round(bought / cost);
        if (placed < affordable) {
            return "the money would buy " + affordable + " programmes, but only " + placed + " can be placed: at most "
                    + p.integer("development.programmes_per_place") + " in each eligible community";
        }
        return "programmes are bought whole (US$" + musd(cost / 1e6) + "M a year each)";
    }

    private static String musd(double v) {
        return narcosim.metrics.Outcome.number(v);
    }
}
