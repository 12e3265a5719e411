package narcosim.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

import narcosim.metrics.Outcome.Change;
import narcosim.metrics.Outcome.Kind;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Network;

/**
 * The outcome catalogue: every outcome declared once, with its unit, kind, label, display scale and
 * description, and for a weekly flow the event that feeds it (Mesa's named reporters). The collector, run
 * summaries, the terminal tables, report.html, sweep and live charts and the manifest all read it; nothing
 * guesses a unit from a name. Adding a flow outcome fed by an existing event is one entry in
 * {@link #weekly}.
 */
public final class Outcomes {

    private Outcomes() {
    }

    /** What adds a weekly flow up: events of one type, those that pass {@code when}, by {@code amount}. */
    public record Feed<E extends Event>(Class<E> type, Predicate<E> when, ToDoubleFunction<E> amount) {
    }

    /** Reads a level at the week's end, from the model or from the collector's per-link sums. */
    @FunctionalInterface
    public interface Probe {
        double read(ModelState model, LinkFlows links);
    }

    /**
     * A weekly outcome: its declaration, and either the feed of a flow or the probe that reads a level at
     * the week's end.
     */
    public record Weekly(Outcome outcome, Feed<?> feed, Probe probe) {
    }

    /**
     * A family of weekly flows, one member per region: an event feeds the member {@code member} names
     * (or none, for -1).
     */
    public record Family<E extends Event>(int first, int size, Class<E> type, ToIntFunction<E> member,
                                          ToDoubleFunction<E> amount) {
    }

    // ------------------------------------------------------------------ declarations

    private static final double T = 1e-3;
    private static final double MILLION = 1e-6;

    private static Outcome flow(String name, String unit, String label, String description, double scale,
                                String shown) {
        return new Outcome(name, Kind.FLOW, unit, label, description, scale, shown, Change.RELATIVE);
    }

    private static Outcome level(String name, String unit, String label, String description, double scale,
                                 String shown, Change change) {
        return new Outcome(name, Kind.LEVEL, unit, label, description, scale, shown, change);
    }

    private static <E extends Event> Weekly fed(Outcome o, Class<E> type, ToDoubleFunction<E> amount) {
        return new Weekly(o, new Feed<>(type, e -> true, amount), null);
    }

    private static <E extends Event> Weekly fed(Outcome o, Class<E> type, Predicate<E> when, ToDoubleFunction<E> amount) {
        return new Weekly(o, new Feed<>(type, when, amount), null);
    }

    private static Weekly probed(Outcome o, ToDoubleFunction<ModelState> probe) {
        return new Weekly(o, null, (m, links) -> probe.applyAsDouble(m));
    }

    private static Weekly linkProbed(Outcome o, ToDoubleFunction<LinkFlows> probe) {
        return new Weekly(o, null, (m, links) -> probe.applyAsDouble(links));
    }

    /**
     * The weekly outcomes of a model on this network, in the order of timeseries.csv: the declared ones,
     * the trust of each nation with residents after mean trust, and the flows into and through each region
     * last (their feeds are the {@link #regionFamilies}). With no network, the declared ones alone.
     */
    public static List<Weekly> weekly(Network net) {
        List<Weekly> w = new ArrayList<>();
        w.add(fed(flow("produced_kg", "kg", "Cocaine produced", "Cocaine harvested in production places", T, "t"),
                Event.Produced.class, Event.Produced::kg));
        w.add(fed(flow("departed_kg", "kg", "Cocaine departed", "Kg leaving production places in shipments", T, "t"),
                Event.Departed.class, Event.Departed::kg));
        w.add(fed(flow("seized_kg", "kg", "Cocaine seized", "Kg seized, all agencies", T, "t"),
                Event.Seized.class, Event.Seized::kg));
        w.add(fed(flow("seized_military_kg", "kg", "Seized by the military", "Kg seized by military units", T, "t"),
                Event.Seized.class, s -> s.by() == Event.Agency.MILITARY, Event.Seized::kg));
        boolean[] seaLink = new boolean[net == null ? 0 : net.links.size()];
        for (Link l : net == null ? List.<Link>of() : net.links) seaLink[l.index] = l.mode == narcosim.scenario.Specs.Mode.SEA;
        w.add(fed(flow("seized_military_sea_kg", "kg", "Seized by the military at sea",
                "Kg seized by military units on sea links (the transit zone; Operation Martillo: about 131 t in 2013)",
                T, "t"), Event.Seized.class, x -> x.by() == Event.Agency.MILITARY && seaLink[x.link()], Event.Seized::kg));
        w.add(fed(flow("seized_police_kg", "kg", "Seized by police",
                "Kg seized by police (campaign units and routine enforcement)", T, "t"),
                Event.Seized.class, s -> s.by() == Event.Agency.POLICE, Event.Seized::kg));
        // Customs at container ports (ODD 7.24): a column only where the scenario has a place with a port.
        if (net != null && net.places.stream().anyMatch(p -> p.spec.port() != null)) {
            w.add(fed(portSeized(), Event.Seized.class, s -> s.by() == Event.Agency.PORT, Event.Seized::kg));
        }
        w.add(fed(flow("lost_kg", "kg", "Cocaine lost in transit", "Kg lost in transit (jettisoned, sunk, crashed)", T,
                "t"), Event.Lost.class, Event.Lost::kg));
        w.add(fed(flow("delivered_kg", "kg", "Cocaine delivered to market", "Kg reaching the market gateway", T, "t"),
                Event.Delivered.class, Event.Delivered::kg));
        w.add(probed(level("in_transit_kg", "kg", "Cocaine in transit",
                "Kg in shipments on the way at the week's end", T, "t", Change.RELATIVE), ModelState::inTransitKg));
        w.add(probed(level("stock_kg", "kg", "Cocaine in stock",
                "Kg in stock at production places (unsold, or bought by cartels) at the week's end", T, "t",
                Change.RELATIVE), ModelState::stockKg));
        w.add(probed(level("price_usd_kg", "US$/kg", "Wholesale price", "Wholesale price at the market gateways (with "
                + "several markets, their demand-weighted mean)", 1,
                "US$/kg", Change.RELATIVE), ModelState::price));
        w.add(probed(level("risk_premium", "", "Risk premium",
                "Supply price over the supply price without compensation for risk (loss replacement, crews' risk pay)", 1, "x",
                Change.ABSOLUTE), ModelState::riskPremium));
        for (String[] part : PRICE_PARTS) {
            w.add(probed(pricePart(part[0], part[1]), m -> m.pricePart(part[0])));
        }
        w.add(probed(flow("consumed_kg", "kg", "Cocaine consumed", "Kg consumed at the market (what demand takes at "
                + "the price, from what was delivered)", T, "t"), ModelState::consumedKg));
        w.add(probed(level("market_stock_kg", "kg", "Market stock", "Delivered kg not yet consumed at the week's end", T,
                "t", Change.RELATIVE), ModelState::marketStockKg));
        w.add(probed(level("source_factor", "", "Farm-gate factor",
                "What cartels want of the harvest over the harvest (farm-gate price and growers' income factor)", 1,
                "x", Change.ABSOLUTE), ModelState::sourceFactor));
        for (Nation n : net == null ? List.<Nation>of() : net.nations) {
            if (!n.spec.international() && net.places.stream().anyMatch(p -> p.nation == n && !p.isMarket())) {
                w.add(probed(chainPrice(n.id(), n.spec.name()), m -> m.chainPrice(n)));
            }
        }
        // With several markets (ODD 7.14), each market's price and the kilograms delivered to its gateways.
        if (net != null && net.markets.size() > 1) {
            for (int k = 0; k < net.markets.size(); k++) {
                narcosim.scenario.Specs.Market mk = net.markets.get(k);
                int market = k;
                w.add(probed(marketPrice(mk.id(), mk.name()), m -> m.marketPrice(market)));
                w.add(fed(marketDelivered(mk.id(), mk.name()), Event.Delivered.class,
                        e -> net.marketOf(net.places.get(e.place())) == market, Event.Delivered::kg));
            }
            w.add(probed(carriedBetweenMarkets(), ModelState::carriedBetweenMarketsKg));
        }
        w.add(fed(flow("cartel_revenue_usd", "US$", "Cartel revenue", "Cartels' revenue from deliveries", MILLION,
                "US$M"), Event.Delivered.class, Event.Delivered::revenueUsd));
        w.add(linkProbed(level("active_links", "links", "Active links", "Links that carried flow this week", 1, "links",
                Change.RELATIVE), LinkFlows::activeLinks));
        w.add(linkProbed(level("active_places", "places", "Active places", "Places that traffic passed through this week",
                1, "places", Change.RELATIVE), LinkFlows::activePlaces));
        w.add(probed(level("network_places", "places", "Places per cartel network",
                "Mean number of places in a cartel's network", 1, "places", Change.RELATIVE),
                ModelState::meanNetworkPlaces));
        w.add(linkProbed(level("flow_entropy", "bits", "Dispersion of flow",
                "Dispersion of flow over links (Shannon entropy of kg entering links)", 1, "bits", Change.ABSOLUTE),
                LinkFlows::entropy));
        w.add(fed(flow("violent_incidents", "incidents", "Violent incidents",
                "Violent incidents (cartel rivalry and clashes with forces)", 1, ""), Event.Violence.class, v -> 1));
        w.add(fed(flow("clashes", "incidents", "Clashes with forces", "Violent incidents between forces and traffickers",
                1, ""), Event.Violence.class, Event.Violence::clash, v -> 1));
        w.add(fed(flow("collateral_harm", "incidents", "Collateral harm", "Incidents in which forces harmed residents",
                1, ""), Event.CollateralHarm.class, h -> 1));
        w.add(probed(level("mean_trust", "0-1", "Trust in the state", "Mean trust of residents in the state (0-1)", 1,
                "0-1", Change.ABSOLUTE), ModelState::meanTrust));
        for (Nation n : net == null ? List.<Nation>of() : net.nations) {
            if (net.places.stream().anyMatch(p -> p.nation == n && p.isPopulated())) {
                w.add(probed(nationTrust(n.id(), n.spec.name()), m -> m.meanTrust(n)));
            }
        }
        w.add(probed(level("mean_fear", "0-1", "Fear of cartels", "Mean fear of cartels (0-1)", 1, "0-1",
                Change.ABSOLUTE), ModelState::meanFear));
        w.add(fed(flow("tips", "tips", "Tips to police", "Residents' reports to the police", 1, ""),
                Event.Tips.class, Event.Tips::count));
        w.add(fed(flow("recruits", "agents", "Recruits to trafficking",
                "Resident agents who joined trafficking (each stands for residents.people_per_agent people)", 1,
                "agents"), Event.Recruited.class, Event.Recruited::count));
        w.add(probed(level("active_smugglers", "agents", "Smugglers", "Resident agents working for cartels", 1, "agents",
                Change.RELATIVE), ModelState::smugglers));
        w.add(probed(level("crew_capacity_in_use", "", "Crew capacity in use",
                "Kg moved out of a populated place over what its smugglers can move in a week (smugglers x "
                        + "cartel.kg_per_smuggler_week), mean over places with crews and traffic; above 1 when the last "
                        + "shipment overshoots", 1, "", Change.ABSOLUTE), ModelState::crewCapacityInUse));
        w.add(probed(level("growers", "agents", "Coca growers", "Resident agents growing coca", 1, "agents",
                Change.RELATIVE), ModelState::growers));
        w.add(probed(level("coca_ha", "ha", "Coca area", "Coca area", 1, "ha", Change.RELATIVE), ModelState::cocaHa));
        w.add(fed(flow("arrests", "arrests", "Arrests", "Arrests of smugglers, cartel members and leaders", 1, ""),
                Event.Arrested.class, Event.Arrested::count));
        w.add(fed(flow("leader_arrests", "arrests", "Arrests of leaders", "Arrests of cartel leaders", 1, ""),
                Event.Arrested.class, a -> a.kind() == Event.ArrestKind.LEADER, Event.Arrested::count));
        w.add(probed(level("corrupt_units", "units", "Corrupt police units", "Campaign police units working for cartels",
                1, "units", Change.RELATIVE), ModelState::corruptUnits));
        w.add(probed(level("protection_mean", "0-1", "Protection bought with bribes",
                "Mean chance, weighted by the kg entering links this week, that officials bribed where the link is "
                        + "policed let the payer's shipment pass routine enforcement (0-1)", 1, "0-1", Change.ABSOLUTE),
                ModelState::protectionMean));
        w.add(fed(flow("corruption_seen", "events", "Corruption seen", "Times residents saw officials' corruption", 1,
                ""), Event.CorruptionSeen.class, c -> 1));
        w.add(fed(flow("corruption_punished", "events", "Corruption punished",
                "Times residents saw a corrupt police unit purged (more often where the nation is transparent)", 1, ""),
                Event.CorruptionPunished.class, c -> 1));
        w.add(fed(flow("incursions", "seizures", "Incursions without agreement",
                "Seizures made across a border into a nation that had not agreed (no coordinated operations)", 1, ""),
                Event.Incursion.class, i -> 1));
        w.add(fed(flow("bribes_usd", "US$", "Bribes", "Bribes paid by cartels", MILLION, "US$M"),
                Event.Bribe.class, Event.Bribe::usd));
        w.add(fed(flow("eradicated_ha", "ha", "Coca eradicated", "Coca area destroyed by eradication", 1, "ha"),
                Event.Eradicated.class, Event.Eradicated::ha));
        w.add(fed(flow("sprayed_ha", "ha", "Coca sprayed",
                "Coca area treated by eradication (sprayed or pulled), destroyed or not", 1, "ha"),
                Event.Eradicated.class, Event.Eradicated::sprayedHa));
        w.add(fed(flow("spend_usd", "US$", "Campaign spend", "Campaign spending", MILLION, "US$M"),
                Event.Spent.class, Event.Spent::usd));
        w.add(fed(flow("national_spend_usd", "US$", "Nations' own spend",
                "Spending of the nations' own security budgets on their units alongside the campaign (not campaign spend)",
                MILLION, "US$M"), Event.NationSpent.class, Event.NationSpent::nationalUsd));
        for (Nation n : net == null ? List.<Nation>of() : net.nations) {
            if (!n.spec.international()) {
                w.add(fed(nationSpend(n.id(), n.spec.name()), Event.NationSpent.class, s -> s.nation() == n.index,
                        s -> s.donorUsd() + s.nationalUsd()));
            }
        }
        // The budget split the campaign runs on this week: fixed for a fixed strategy, moved by an adaptive one's
        // yearly rules (ODD 7.22).
        for (String part : narcosim.scenario.Fields.SHARE_KEYS) {
            w.add(probed(budgetShare(part), m -> m.budgetShare(part)));
        }
        w.add(probed(level("cartels", "cartels", "Cartels", "Trafficking organisations operating", 1, "cartels",
                Change.RELATIVE), ModelState::cartels));
        w.add(fed(flow("cartel_splits", "splits", "Cartel splits", "Cartels splitting into rivals", 1, ""),
                Event.CartelSplit.class, s -> 1));
        w.add(fed(flow("cartel_exits", "exits", "Cartel exits",
                "Bankrupt cartels leaving the market, a rival absorbing their places", 1, ""),
                Event.CartelExit.class, x -> 1));
        w.add(fed(flow("cartel_mergers", "mergers", "Cartel mergers",
                "Splinters merging back into their parent or into a rival", 1, ""), Event.CartelMerged.class, x -> 1));
        w.add(fed(flow("partner_suspensions", "events", "Partner suspensions",
                "Partners suspending or leaving cooperation", 1, ""), Event.PartnerSuspended.class, s -> 1));
        w.add(fed(flow("detections", "events", "Detections",
                "Shipments detected on a link: cued (surveillance, intelligence, a partner) or found by a unit there", 1, ""),
                Event.Detected.class, d -> 1));
        w.add(fed(flow("detections_acted", "events", "Detections acted on",
                "Detections a unit with capacity left took on (pursuit, boarding; not always a seizure)", 1, ""),
                Event.Detected.class, Event.Detected::acted, d -> 1));
        w.add(fed(flow("detected_not_acted", "events", "Detected, not acted on",
                "Detections no unit took on: no unit there to act, or all at their weekly capacity", 1, ""),
                Event.Detected.class, d -> !d.acted(), d -> 1));
        w.add(fed(flow("detections_sea", "events", "Detections at sea",
                "Detections on sea links (the transit zone's suspected maritime events)", 1, ""),
                Event.Detected.class, d -> seaLink[d.link()], d -> 1));
        w.add(fed(flow("detections_sea_acted", "events", "Detections at sea acted on",
                "Detections on sea links that a boat with capacity left took on", 1, ""),
                Event.Detected.class, d -> seaLink[d.link()] && d.acted(), d -> 1));
        w.add(fed(flow("cues", "cues", "Cues held", "Cues nations held on shipments (own, shared, or from shared assets)",
                1, ""), Event.Cued.class, Event.Cued::nations));
        w.add(fed(flow("cues_shared", "cues", "Cues shared",
                "Cues a nation held only because a partner passed it on or a shared partnership asset made it", 1, ""),
                Event.Cued.class, Event.Cued::shared));
        w.add(fed(flow("handovers", "seizures", "Crews taken into custody",
                "Military seizures at populated places whose crew was arrested: by a military that may arrest, or by "
                        + "police taking over within the hand-over window", 1, ""),
                Event.HandOver.class, Event.HandOver::taken, h -> 1));
        w.add(fed(flow("handovers_lost", "seizures", "Hand-overs lost",
                "Military seizures at populated places whose crew went free: the military may not arrest and no police "
                        + "took over within the window, so the arrest and its evidence were lost", 1, ""),
                Event.HandOver.class, h -> !h.taken(), h -> 1));
        w.add(fed(flow("cross_border_pursuits", "seizures", "Cross-border pursuits",
                "Seizures by a unit pursuing into a partner's territory under coordinated operations", 1, ""),
                Event.CrossBorderPursuit.class, c -> 1));
        w.add(probed(level("partnership_training_level", "0-1", "Training bought",
                "Level of joint training the partnership money buys: 1 - exp(-spend / scale)", 1, "0-1",
                Change.ABSOLUTE), ModelState::partnershipTrainingLevel));
        w.add(probed(level("partnership_liaison_level", "0-1", "Liaison bought",
                "Level of liaison the partnership money buys: partners pass on cues with intel_share x this", 1, "0-1",
                Change.ABSOLUTE), ModelState::partnershipLiaisonLevel));
        w.add(probed(level("shared_surveillance_units", "units", "Shared surveillance assets",
                "Surveillance assets bought with partnership money, their cues reaching every cooperating partner", 1,
                "units", Change.ABSOLUTE), ModelState::sharedSurveillanceUnits));
        w.add(probed(level("partners_active", "nations", "Partners cooperating", "Partner nations cooperating this week",
                1, "nations", Change.RELATIVE), ModelState::partnersCooperating));
        List<String> regions = net == null ? List.of() : net.regions();
        for (String r : regions) w.add(new Weekly(regionFlow(tag(r), r), null, null));
        for (String r : regions) w.add(new Weekly(regionThrough(tag(r), r), null, null));
        return w;
    }

    /** The parts of the gateway price (column part, label), in the order they add up to the price. */
    public static final List<String[]> PRICE_PARTS = List.of(new String[] {"source", "Price at the source"},
            new String[] {"transport", "Transport"}, new String[] {"crew_wages", "Crews' wages"},
            new String[] {"crew_risk", "Crews' risk compensation"},
            new String[] {"loss_replacement", "Replacing loads lost"}, new String[] {"margin", "Traffickers' margin"},
            new String[] {"scarcity", "Scarcity (short supply)"});

    private static Outcome pricePart(String part, String label) {
        return level("price_" + part + "_usd_kg", "US$/kg", "Price part: " + label,
                "Part of the gateway price: " + label.toLowerCase(java.util.Locale.ROOT)
                        + " (the parts add up to the price)", 1, "US$/kg", Change.ABSOLUTE);
    }

    private static Outcome chainPrice(String id, String name) {
        return level("chain_price_" + id + "_usd_kg", "US$/kg", "Price of cocaine, " + name,
                "Price of cocaine in " + name + ": the smoothed value of the kg arriving there (costs and margin so far)",
                1, "US$/kg", Change.RELATIVE);
    }

    /** The names of the weekly columns of the budget split, in the order of the shares: share_military, ... */
    public static final List<String> SHARE_COLUMNS = narcosim.scenario.Fields.SHARE_KEYS.stream()
            .map(k -> "share_" + k).toList();

    /**
     * The weekly outcomes of several markets (ODD 7.14): each market's price and deliveries, and the carrying;
     * labelled with the markets' ids ({@code byId}, short: the terminal's table) or names.
     */
    public static List<Outcome> marketOutcomes(List<narcosim.scenario.Specs.Market> markets, boolean byId) {
        List<Outcome> out = new ArrayList<>();
        for (narcosim.scenario.Specs.Market m : markets) {
            out.add(marketPrice(m.id(), byId ? m.id() : m.name()));
            out.add(marketDelivered(m.id(), byId ? m.id() : m.name()));
        }
        out.add(carriedBetweenMarkets());
        return out;
    }

    /** Their column names. */
    public static List<String> marketColumns(List<narcosim.scenario.Specs.Market> markets) {
        return marketOutcomes(markets, true).stream().map(Outcome::name).toList();
    }

    private static Outcome carriedBetweenMarkets() {
        return flow("carried_between_markets_kg", "kg", "Cocaine carried between markets",
                "Wholesale stock carried from a cheaper market to a dearer one where their prices differ by more than "
                        + "carrying it costs (ODD 7.14)", T, "t");
    }

    /** The weekly column of a market's price: market_&lt;id&gt;_price_usd_kg, the id tagged as regions are. */
    public static String marketPriceColumn(String id) {
        return "market_" + tag(id) + "_price_usd_kg";
    }

    /** The weekly column of the kilograms delivered to a market's gateways. */
    public static String marketDeliveredColumn(String id) {
        return "market_" + tag(id) + "_delivered_kg";
    }

    private static Outcome marketPrice(String id, String name) {
        return level(marketPriceColumn(id), "US$/kg", "Wholesale price, " + name,
                "Wholesale price at the gateways of " + name + " (its own supply and demand)", 1, "US$/kg",
                Change.RELATIVE);
    }

    private static Outcome marketDelivered(String id, String name) {
        return flow(marketDeliveredColumn(id), "kg", "Cocaine delivered to " + name,
                "Kg reaching the gateways of " + name, T, "t");
    }

    private static Outcome budgetShare(String part) {
        return level("share_" + part, "fraction", "Budget share: " + part,
                "Share of the campaign's budget on " + part + " this week (an adaptive strategy's rules move it at "
                        + "yearly reviews; all 0 without a campaign)", 100, "%", Change.ABSOLUTE);
    }

    private static Outcome nationSpend(String id, String name) {
        return flow("spend_" + id + "_usd", "US$", "Forces' spend in " + name,
                "Cost of the forces based in " + name + ", from the campaign's and the nation's own money", MILLION, "US$M");
    }

    /** Kg seized by port inspection: a column of scenarios with a place with a port (ODD 7.24). */
    private static Outcome portSeized() {
        return flow(SEIZED_PORT, "kg", "Seized at ports",
                "Kg seized by customs inspecting containers at places with a port (only in scenarios with one)", T, "t");
    }

    /** The column of {@link #portSeized}, in scenarios with a place with a port. */
    public static final String SEIZED_PORT = "seized_port_kg";

    private static Outcome nationTrust(String id, String name) {
        return level("trust_" + id, "0-1", "Trust in the state, " + name, "Mean trust of residents in " + name, 1,
                "0-1", Change.ABSOLUTE);
    }

    private static Outcome regionFlow(String tag, String region) {
        return flow("flow_" + tag + "_kg", "kg", "Cocaine sent into " + region,
                "Kg sent into region " + region + " from elsewhere (traffickers' routing)", T, "t");
    }

    private static Outcome regionThrough(String tag, String region) {
        return flow("through_" + tag + "_kg", "kg", "Cocaine through " + region,
                "Kg that came through region " + region + " (arrived outside it from inside)", T, "t");
    }

    /**
     * A member of a family of weekly outcomes (a nation's trust, a region's flows) or an outcome of scenarios with
     * ports, by its column name, or null.
     */
    private static Outcome familyMember(String name) {
        if (name.equals(SEIZED_PORT)) return portSeized();
        if (name.startsWith("trust_")) return nationTrust(name.substring(6), name.substring(6));
        if (name.startsWith("spend_") && name.endsWith("_usd") && name.length() > 10) {
            String id = name.substring(6, name.length() - 4);
            return nationSpend(id, id);
        }
        if (name.startsWith("chain_price_") && name.endsWith("_usd_kg")) {
            String id = name.substring(12, name.length() - 7);
            return chainPrice(id, id);
        }
        if (name.equals("carried_between_markets_kg")) return carriedBetweenMarkets();
        if (name.startsWith("market_") && name.endsWith("_price_usd_kg") && name.length() > 20) {
            String id = name.substring(7, name.length() - 13);
            return marketPrice(id, id);
        }
        if (name.startsWith("market_") && name.endsWith("_delivered_kg") && name.length() > 20) {
            String id = name.substring(7, name.length() - 13);
            return marketDelivered(id, id);
        }
        if (name.startsWith("flow_") && name.endsWith("_kg")) {
            String tag = name.substring(5, name.length() - 3);
            return regionFlow(tag, tag.replace('_', ' '));
        }
        if (name.startsWith("through_") && name.endsWith("_kg")) {
            String tag = name.substring(8, name.length() - 3);
            return regionThrough(tag, tag.replace('_', ' '));
        }
        return null;
    }

    /**
     * The feeds of the region flows, which {@link #weekly} lists last: a kg entering a link that crosses into
     * a region counts for that region ({@code flow_}), a kg arriving over a link that leaves one for the
     * region it came through ({@code through_}); each kg once per crossing.
     */
    public static List<Family<?>> regionFamilies(Network net, int first) {
        int regions = net.regions().size();
        int[] into = new int[net.links.size()];
        int[] outOf = new int[net.links.size()];
        for (Link l : net.links) {
            int to = net.region(l.to.index);
            int from = net.region(l.from.index);
            into[l.index] = to == from ? -1 : to;
            outOf[l.index] = to == from ? -1 : from;
        }
        return List.of(new Family<>(first, regions, Event.Entered.class, e -> into[e.link()], Event.Entered::kg),
                new Family<>(first + regions, regions, Event.Arrived.class, a -> outOf[a.link()], Event.Arrived::kg));
    }

    /** A region's name as it appears in column names (flow_&lt;tag&gt;_kg). */
    public static String tag(String region) {
        return region.replaceAll("[^A-Za-z0-9]+", "_");
    }

    // ------------------------------------------------------------------ run measures

    /** Shares of flows over a period: numerator over the sum of denominators (run summaries). */
    public record Share(Outcome outcome, String numerator, List<String> denominators) {
    }

    public static final List<Share> SHARES = List.of(
            new Share(new Outcome("seized_share", Kind.SHARE, "fraction", "Seized share of departed",
                    "Kg seized over kg departed in the period", 100, "%", Change.ABSOLUTE), "seized_kg",
                    List.of("departed_kg")),
            new Share(new Outcome("delivered_share", Kind.SHARE, "fraction", "Delivered share of ended journeys",
                    "Kg delivered over kg whose journey ended in the period (delivered, seized or lost); cannot exceed 1",
                    100, "%", Change.ABSOLUTE), "delivered_kg", List.of("delivered_kg", "seized_kg", "lost_kg")),
            new Share(new Outcome("acted_on_share", Kind.SHARE, "fraction", "Detections acted on",
                    "Detections a unit took on over all detections in the period (US Southern Command 2014: about "
                            + "a quarter of suspected maritime events)", 100, "%", Change.ABSOLUTE), "detections_acted",
                    List.of("detections")),
            new Share(new Outcome("acted_on_share_sea", Kind.SHARE, "fraction", "Detections at sea acted on",
                    "Detections on sea links a boat took on over all detections there in the period (US Southern Command "
                            + "2014: about 26% of suspected maritime drug smuggling events)", 100, "%", Change.ABSOLUTE),
                    "detections_sea_acted", List.of("detections_sea")));

    /** Extra spend over the baseline per kg of delivered flow kept off the market (comparisons only). */
    public static final Outcome COST_PER_KG_KEPT_OFF = new Outcome("cost_per_kg_kept_off_usd", Kind.SHARE, "US$/kg",
            "Cost per kg kept off the market", "Extra spend over the baseline / kg less delivered than the baseline",
            1, "US$/kg", Change.RELATIVE, Outcome.Window.WHOLE_CAMPAIGN);

    /** The statistics of a weekly outcome over a run, as summary.csv names them. */
    public enum Period {
        TOTAL("_total", Outcome.Window.WHOLE_CAMPAIGN), MEAN("_mean", Outcome.Window.CAMPAIGN_MEAN),
        FINAL_YEAR("_final_year", Outcome.Window.FINAL_YEAR);

        public final String suffix;
        public final String words;
        public final Outcome.Window window;

        Period(String suffix, Outcome.Window window) {
            this.suffix = suffix;
            this.words = window.suffix;
            this.window = window;
        }
    }

    /**
     * A run measure of summary.csv or runs.csv by its column name: a weekly outcome with a period suffix
     * ({@code delivered_kg_total}, {@code price_usd_kg_final_year}), a share, or the cost per kg kept off.
     * Null for a column the catalogue does not know.
     */
    private static Outcome measure(String column, List<Weekly> weekly) {
        for (Share s : SHARES) {
            // A share over the run is the ratio of the campaign's totals: stated as the whole campaign's.
            if (column.equals(s.outcome().name())) return renamed(s.outcome(), column, Period.TOTAL);
            if (column.equals(s.outcome().name() + Period.FINAL_YEAR.suffix)) {
                return renamed(s.outcome(), column, Period.FINAL_YEAR);
            }
        }
        if (column.equals(COST_PER_KG_KEPT_OFF.name())) return COST_PER_KG_KEPT_OFF;
        for (Period p : Period.values()) {
            if (!column.endsWith(p.suffix)) continue;
            String base = column.substring(0, column.length() - p.suffix.length());
            for (Weekly w : weekly) {
                if (w.outcome().name().equals(base)) return renamed(w.outcome(), column, p);
            }
            Outcome member = familyMember(base);
            if (member != null) return renamed(member, column, p);
        }
        return null;
    }

    private static Outcome renamed(Outcome o, String column, Period p) {
        return new Outcome(column, o.kind(), o.unit(), o.label() + p.words, o.description(), o.displayScale(),
                o.displayUnit(), o.change(), p.window);
    }

    /** The measure of a run by its column name (any scenario), or null. */
    public static Outcome measure(String column) {
        return measure(column, DECLARED);
    }

    /** The declared weekly outcomes, without the members of families (a scenario's nations and regions). */
    private static final List<Weekly> DECLARED = weekly(null);

    /** The names of the declared weekly outcomes, without the members of families (a scenario's nations, regions). */
    public static List<String> declaredWeekly() {
        return DECLARED.stream().map(w -> w.outcome().name()).toList();
    }

    /** A weekly outcome by its column name (any scenario), or null. */
    public static Outcome weeklyOutcome(String name) {
        for (Weekly w : DECLARED) {
            if (w.outcome().name().equals(name)) return w.outcome();
        }
        return familyMember(name);
    }

    // ------------------------------------------------------------------ what each view shows

    /**
     * The headline measures of a comparison, in order: the terminal table after {@code compare} and the
     * table of report.html show these, under the same names, units and change statistics.
     */
    public static final List<String> HEADLINE = List.of("delivered_kg_total", "seized_share", "price_usd_kg_final_year",
            "violent_incidents_total", "collateral_harm_total", "mean_trust_final_year", "tips_total", "recruits_total",
            "active_smugglers_final_year", "coca_ha_final_year", "spend_usd_total");

    /** Final measures drawn as bars per strategy (charts/final-*.png). */
    public static final List<String> FINAL_CHARTS = List.of("delivered_kg_total", "seized_kg_total",
            "price_usd_kg_final_year", "mean_trust_final_year", "violent_incidents_total", "recruits_total");

    /** Weekly outcomes drawn over time (charts/timeseries-*.png and the classroom window's live charts). */
    public static final List<String> WEEKLY_CHARTS = List.of("delivered_kg", "seized_kg", "price_usd_kg", "mean_trust",
            "violent_incidents", "recruits");

    /** The rows of the table printed after {@code run}: whole run and final year. */
    public static final List<String> RUN_TABLE = List.of("produced_kg", "departed_kg", "delivered_kg", "seized_kg",
            "seized_military_kg", "seized_police_kg", "lost_kg", "price_usd_kg", "risk_premium", "active_links",
            "flow_entropy", "violent_incidents", "collateral_harm", "mean_trust", "tips", "recruits", "active_smugglers",
            "coca_ha", "arrests", "leader_arrests", "cartels", "spend_usd");

    /** Units of the measures a plan records, for the manifest: name to "label (unit)". */
    public static Map<String, String> describe(List<String> measures) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : measures) {
            Outcome o = measure(c);
            if (o != null) m.put(c, o.label() + " (" + (o.unit().isEmpty() ? "ratio" : o.unit()) + ")");
        }
        return m;
    }
}
