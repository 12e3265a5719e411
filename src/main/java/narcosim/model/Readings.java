package narcosim.model;

import narcosim.agents.Cartel;
import narcosim.agents.UnitCost;
import narcosim.metrics.ModelState;
import narcosim.world.Nation;

/** The model's levels as the collector reads them at the week's end ({@link ModelState}), from where they live. */
final class Readings implements ModelState {

    private final NarcoModel m;

    Readings(NarcoModel m) {
        this.m = m;
    }

    @Override
    public int week() {
        return m.week();
    }

    @Override
    public double inTransitKg() {
        return m.transit().inTransitKg();
    }

    @Override
    public double stockKg() {
        return m.stockKg();
    }

    @Override
    public double price() {
        return m.markets().price();
    }

    @Override
    public double riskPremium() {
        return m.markets().riskPremium();
    }

    @Override
    public double pricePart(String part) {
        return m.markets().part(UnitCost.Part.valueOf(part.toUpperCase(java.util.Locale.ROOT)));
    }

    @Override
    public double marketPrice(int market) {
        return m.markets().price(market);
    }

    @Override
    public double carriedBetweenMarketsKg() {
        return m.markets().carriedLastWeekKg();
    }

    @Override
    public double chainPrice(Nation nation) {
        return m.markets().chainPrice(nation);
    }

    @Override
    public double consumedKg() {
        return m.markets().consumedLastWeekKg();
    }

    @Override
    public double marketStockKg() {
        return m.markets().stockKg();
    }

    @Override
    public double sourceFactor() {
        return m.meanSourceFactor();
    }

    /** Mean number of places in a cartel's network. */
    @Override
    public double meanNetworkPlaces() {
        double sum = 0;
        int n = 0;
        for (Cartel c : m.cartels()) {
            sum += c.placeCount();
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    @Override
    public double meanTrust() {
        return m.population().meanTrust();
    }

    @Override
    public double meanTrust(Nation nation) {
        return m.population().meanTrust(nation);
    }

    @Override
    public double meanFear() {
        return m.population().meanFear();
    }

    @Override
    public double smugglers() {
        return m.population().smugglers();
    }

    @Override
    public double crewCapacityInUse() {
        double sum = 0;
        int n = 0;
        for (narcosim.agents.Community c : m.population().communities()) {
            narcosim.world.Place p = c.place;
            if (p.crewCapacityKg() > 0 && (p.crewUsedKg() > 0 || p.presentKg() > 0)) {
                sum += p.crewUsedKg() / p.crewCapacityKg();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    @Override
    public double growers() {
        return m.population().growers();
    }

    @Override
    public double cocaHa() {
        return m.network().cocaHa();
    }

    @Override
    public double corruptUnits() {
        return m.campaign().corruptUnits();
    }

    @Override
    public double protectionMean() {
        return m.transit().protectionThisWeek();
    }

    @Override
    public double cartels() {
        return m.cartels().size();
    }

    @Override
    public double partnershipTrainingLevel() {
        return m.campaign().partnershipTrainingLevel();
    }

    @Override
    public double partnershipLiaisonLevel() {
        return m.campaign().partnershipLiaisonLevel();
    }

    @Override
    public double sharedSurveillanceUnits() {
        return m.campaign().sharedSurveillanceUnits();
    }

    @Override
    public double budgetShare(String part) {
        return m.campaign().shares().get(part);
    }

    @Override
    public double partnersCooperating() {
        return m.network().partnersCooperating(m.week());
    }
}
