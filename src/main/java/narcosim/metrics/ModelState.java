package narcosim.metrics;

import narcosim.world.Nation;

/**
 * What the collector reads from the model at the end of a week for the levels of the outcome catalogue:
 * a narrow, read-only view, so that metrics depend on no model class (the model builds the view).
 */
public interface ModelState {

    /** Campaign week (negative during the burn-in). */
    int week();

    double inTransitKg();

    double stockKg();

    double price();

    double riskPremium();

    /** A part of the gateway price, US$/kg, by its column name's part (source, transport, ..., scarcity). */
    double pricePart(String part);

    /** The wholesale price of one of the scenario's markets (by its index in the list), US$/kg. */
    double marketPrice(int market);

    /** Kilograms of wholesale stock carried between markets this week (ODD 7.14). */
    double carriedBetweenMarketsKg();

    /** Price of cocaine in a nation (smoothed value of the kilograms arriving there), NaN before any. */
    double chainPrice(Nation nation);

    /** Kilograms consumed at the market this week. */
    double consumedKg();

    /** Delivered kilograms not yet consumed. */
    double marketStockKg();

    /** Farm-gate factor (what buyers want of the harvest), mean over production places weighted by harvest. */
    double sourceFactor();

    double meanNetworkPlaces();

    double meanTrust();

    double meanTrust(Nation nation);

    double meanFear();

    double smugglers();

    /**
     * Crew capacity in use this week: kg moved out of a populated place over its crews' capacity, mean over the
     * populated places with crews and traffic (kg moved or waiting); 0 if there are none (ODD 7.7).
     */
    double crewCapacityInUse();

    double growers();

    double cocaHa();

    double corruptUnits();

    /** Kg-weighted mean protection from routine enforcement of the kg that entered links this week (0-1). */
    double protectionMean();

    double cartels();

    double partnersCooperating();

    /** Level of joint training the partnership money bought (ODD 7.13). */
    double partnershipTrainingLevel();

    /** Level of liaison the partnership money bought (ODD 7.13). */
    double partnershipLiaisonLevel();

    /** Surveillance assets bought with partnership money. */
    double sharedSurveillanceUnits();

    /** The share of the campaign's budget on a part (military, police, development, partnership) this week. */
    double budgetShare(String part);
}
