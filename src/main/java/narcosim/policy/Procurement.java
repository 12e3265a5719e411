package narcosim.policy;

import java.util.List;

import narcosim.agents.MilitaryUnit;
import narcosim.metrics.Event;
import narcosim.metrics.EventBus;
import narcosim.util.StateException;
import narcosim.scenario.ParamValues;
import narcosim.scenario.Specs;
import narcosim.world.Nation;
import narcosim.world.Network;

/**
 * What the budget buys (ODD 7.16): the partnership level, military units of each type for the nations
 * that can post them, police units for the nations where people live, development programmes and the
 * eradication effort, each handed to the part that runs it; and the weekly spending that this costs.
 */
final class Procurement {

    /**
     * Most units (or programmes) of one kind a budget may buy: each is an object, so this bounds memory
     * (ODD 7.21); the shipped scenarios buy a few hundred at most.
     */
    static final int MAX_UNITS = 1_000_000;

    /** One kind of military asset: its name in the parameter keys, yearly cost (US$) and share of the budget. */
    record Asset(String key, double costUsdYear, double mix) {
    }

    /** Prices and mixes, read once per run; {@code assets} in the order of {@link MilitaryUnit.Type}. */
    record Rules(List<Asset> assets, double policeUnitCostUsdYear, double vettingCost, double programmeCostUsdYear,
                 double eradicationBudgetShare) {

        static Rules of(ParamValues p) {
            List<Asset> assets = List.of(asset(p, "boat"), asset(p, "aircraft"), asset(p, "ground"),
                    asset(p, "surveillance"));
            return new Rules(assets, p.real("police.cost_unit_musd_year") * 1e6, p.real("police.vetting_cost"),
                    p.real("development.cost_programme_musd_year") * 1e6, p.real("eradication.budget_share"));
        }

        private static Asset asset(ParamValues p, String key) {
            return new Asset(key, p.real("military.cost_" + key + "_musd_year") * 1e6, p.real("military.mix_" + key));
        }
    }

    /** The yearly cost of what was bought, US$, by kind. */
    record Bill(double military, double police, double development, double eradication, double partnership) {

        static final Bill NONE = new Bill(0, 0, 0, 0, 0);

        double total() {
            return military + police + development + eradication + partnership;
        }
    }

    private final Rules rules;
    private final double budgetUsdYear;
    private final Doctrine doctrine;
    private final Partnership partnership;
    private final MilitaryCommand military;
    private final Police police;
    private final Programmes programmes;
    private final Network net;
    private final EventBus events;
    private Bill bill = Bill.NONE;
    /** Yearly cost of the forces based in each nation: bought with the campaign's money, and with its own. */
    private final double[] donorYear;
    private final double[] nationalYear;
    private int sharedSurveillance;

    Procurement(Rules rules, double budgetUsdYear, Doctrine doctrine, Partnership partnership, MilitaryCommand military,
                Police police, Programmes programmes, Network net, EventBus events) {
        this.rules = rules;
        this.budgetUsdYear = budgetUsdYear;
        this.doctrine = doctrine;
        this.partnership = partnership;
        this.military = military;
        this.police = police;
        this.programmes = programmes;
        this.net = net;
        this.events = events;
        this.donorYear = new double[net.nations.size()];
        this.nationalYear = new double[net.nations.size()];
    }

    /** Buys what the shares of the budget pay for and posts it; the parts hold nothing bought before. */
    void buy(Specs.Shares shares) {
        bill = Bill.NONE;
        sharedSurveillance = 0;
        java.util.Arrays.fill(donorYear, 0);
        java.util.Arrays.fill(nationalYear, 0);
        if (!shares.isCampaign()) return;
        // Partnership first: coordinated operations widen where forces may act.
        double partnershipYear = budgetUsdYear * shares.partnership();
        double sharedSurveillanceYear = partnership.fund(partnershipYear);
        double mil = budgetUsdYear * shares.military();
        double eradicationYear = 0;
        if (doctrine.eradication()) {
            eradicationYear = mil * rules.eradicationBudgetShare();
            mil -= eradicationYear;
        }
        List<Nation> fielding = net.nations.stream().filter(n -> n.spec.forceShare() > 0).toList();
        double[] weights = fielding.stream().mapToDouble(n -> n.spec.forceShare()).toArray();
        // Police serve where people live: nations without populated places field none.
        List<Nation> policing = fielding.stream().filter(n -> net.places.stream()
                .anyMatch(pl -> pl.nation == n && pl.isPopulated() && !pl.isMarket())).toList();
        double[] policeWeights = policing.stream().mapToDouble(n -> n.spec.forceShare()).toArray();

        double militaryYear = 0;
        MilitaryUnit.Type[] types = MilitaryUnit.Type.values();
        for (int t = 0; t < types.length; t++) {
            Asset a = rules.assets().get(t);
            int count = units(mil * a.mix() / a.costUsdYear(),
                    a.key() + " units at military.cost_" + a.key() + "_musd_year");
            // Only nations with a link this kind of unit may watch field it.
            MilitaryUnit.Type type = types[t];
            double[] w = new double[fielding.size()];
            for (int k = 0; k < fielding.size(); k++) w[k] = military.canPost(fielding.get(k), type) ? weights[k] : 0;
            int[] perNation = Apportion.largestRemainder(count, w);
            for (int k = 0; k < fielding.size(); k++) {
                for (int j = 0; j < perNation[k]; j++) military.field(type, fielding.get(k), false);
                donorYear[fielding.get(k).index] += perNation[k] * a.costUsdYear();
            }
            militaryYear += count * a.costUsdYear();
        }
        // Shared surveillance bought with partnership money, operated by the partners that can post it; what the
        // whole units leave over stays with liaison (ODD 7.13), so no money is dropped.
        Asset watch = rules.assets().get(MilitaryUnit.Type.SURVEILLANCE.ordinal());
        int sharedUnits = units(sharedSurveillanceYear / watch.costUsdYear(),
                "shared surveillance units at military.cost_surveillance_musd_year");
        double[] sw = new double[fielding.size()];
        for (int k = 0; k < fielding.size(); k++) {
            sw[k] = fielding.get(k).spec.partner() && military.canPost(fielding.get(k), MilitaryUnit.Type.SURVEILLANCE)
                    ? weights[k] : 0;
        }
        if (sharedUnits > 0 && java.util.Arrays.stream(sw).sum() > 0) {
            int[] perPartner = Apportion.largestRemainder(sharedUnits, sw);
            for (int k = 0; k < fielding.size(); k++) {
                for (int j = 0; j < perPartner[k]; j++) {
                    military.field(MilitaryUnit.Type.SURVEILLANCE, fielding.get(k), true);
                }
            }
            sharedSurveillance = sharedUnits;
        }
        partnership.topUpLiaison(sharedSurveillanceYear - sharedSurveillance * watch.costUsdYear());

        double unitCost = rules.policeUnitCostUsdYear() * (doctrine.vetting() ? 1 + rules.vettingCost() : 1);
        int policeUnits = units(budgetUsdYear * shares.police() / unitCost,
                "police units at police.cost_unit_musd_year");
        int[] perNation = Apportion.largestRemainder(policeUnits, policeWeights);
        for (int k = 0; k < policing.size(); k++) {
            police.post(policing.get(k), perNation[k]);
            donorYear[policing.get(k).index] += perNation[k] * unitCost;
        }
        buyNational(shares, policing, unitCost);

        double programmeCost = rules.programmeCostUsdYear();
        int count = units(budgetUsdYear * shares.development() / programmeCost,
                "development programmes at development.cost_programme_musd_year");
        double developmentYear = programmes.place(count) * programmeCost;

        if (eradicationYear > 0) programmes.fundEradication(eradicationYear);
        military.postStatic();
        bill = new Bill(militaryYear, policeUnits * unitCost, developmentYear, eradicationYear, partnershipYear);
    }

    /**
     * Each nation's own security money (ODD 7.16): alongside a campaign it buys the nation's own units, split
     * between military and police as the strategy splits its money between them (all military where the nation
     * has no police to post, half and half when the strategy funds neither) and by the same military mix; they
     * serve under the same doctrine. A baseline buys none: routine enforcement (link detectability) stands for a
     * state's ordinary work.
     */
    private void buyNational(Specs.Shares shares, List<Nation> policing, double policeUnitCost) {
        double forces = shares.military() + shares.police();
        for (Nation n : net.nations) {
            double budget = n.spec.securityBudgetMusdYear() * 1e6;
            if (budget <= 0) continue;
            double milShare = !policing.contains(n) ? 1 : forces > 0 ? shares.military() / forces : 0.5;
            MilitaryUnit.Type[] types = MilitaryUnit.Type.values();
            for (int t = 0; t < types.length; t++) {
                if (!military.canPost(n, types[t])) continue;
                Asset a = rules.assets().get(t);
                int count = units(budget * milShare * a.mix() / a.costUsdYear(),
                        n.id() + " " + a.key() + " units at military.cost_" + a.key() + "_musd_year");
                for (int j = 0; j < count; j++) military.field(types[t], n, false);
                nationalYear[n.index] += count * a.costUsdYear();
            }
            if (milShare < 1) {
                int count = units(budget * (1 - milShare) / policeUnitCost, n.id() + " police units");
                police.post(n, count);
                nationalYear[n.index] += count * policeUnitCost;
            }
        }
    }

    /** Whole units a budget buys, or a model-state failure if that is more than {@link #MAX_UNITS}. */
    private static int units(double affordable, String what) {
        double n = Math.floor(affordable);
        if (!(n >= 0 && n <= MAX_UNITS)) {
            throw new StateException("the budget buys " + StateException.show(n) + " " + what
                    + " (valid: at most " + MAX_UNITS + " of a kind)");
        }
        return (int) n;
    }

    /** The week's spending: a 52nd of the yearly cost of each kind (eradication only in weeks it works). */
    void payWeek(boolean eradicating) {
        pay(Event.SpendKind.MILITARY, bill.military());
        pay(Event.SpendKind.POLICE, bill.police());
        pay(Event.SpendKind.DEVELOPMENT, bill.development());
        if (eradicating) pay(Event.SpendKind.ERADICATION, bill.eradication());
        pay(Event.SpendKind.PARTNERSHIP, bill.partnership());
        for (Nation n : net.nations) {
            if (donorYear[n.index] > 0 || nationalYear[n.index] > 0) {
                events.emit(new Event.NationSpent(n.index, donorYear[n.index] / 52.0, nationalYear[n.index] / 52.0));
            }
        }
    }

    private void pay(Event.SpendKind kind, double perYear) {
        if (perYear > 0) events.emit(new Event.Spent(kind, perYear / 52.0));
    }

    Bill bill() {
        return bill;
    }

    /** Surveillance assets bought with partnership money. */
    int sharedSurveillance() {
        return sharedSurveillance;
    }
}
