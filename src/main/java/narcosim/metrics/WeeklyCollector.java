package narcosim.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import narcosim.model.NarcoModel;
import narcosim.world.Link;
import narcosim.world.Nation;
import narcosim.world.Network;
import narcosim.world.Place;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The model's data collector (Mesa style): named weekly outcomes, each either a flow summed from
 * events over the week or a level read from the model's state at the week's end. Charts, CSV files
 * and the classroom window read from here, never from agents.
 */
public final class WeeklyCollector implements EventBus.Observer, Steppable {

    private static final long serialVersionUID = 1L;

    /** How an outcome adds up over a period: flows are summed, levels averaged. */
    public enum Kind { FLOW, LEVEL }

    /** One named outcome. */
    public record Column(String name, String unit, Kind kind, String description) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<ToDoubleFunction<NarcoModel>> probes = new ArrayList<>();
    private final List<Integer> probeColumns = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private double[] week;

    // Column positions of event-fed outcomes.
    private final int produced;
    private final int departed;
    private final int seized;
    private final int seizedMilitary;
    private final int seizedPolice;
    private final int lost;
    private final int delivered;
    private final int revenue;
    private final int violence;
    private final int clashes;
    private final int harm;
    private final int tips;
    private final int recruits;
    private final int arrests;
    private final int leaderArrests;
    private final int corruptionSeen;
    private final int bribes;
    private final int eradicated;
    private final int sprayed;
    private final int spend;
    private final int splits;
    private final int suspensions;
    private final int regionStart;
    private final int regions;

    private final long[] linkKg;
    // Kg per link or place summed over the campaign weeks (the route map draws them); cleared while in burn-in.
    private final long[] campaignLinkKg;
    private final long[] campaignLinkArrived;
    private final long[] campaignLinkSeized;
    private final long[] campaignLinkLost;
    private final long[] campaignPlaceSeized;
    private final int[] regionOfLinkTarget;
    private final int[] regionOfLinkSource;
    private final Network net;

    public WeeklyCollector(Network net) {
        this.net = net;
        this.linkKg = new long[net.links.size()];
        this.campaignLinkKg = new long[net.links.size()];
        this.campaignLinkArrived = new long[net.links.size()];
        this.campaignLinkSeized = new long[net.links.size()];
        this.campaignLinkLost = new long[net.links.size()];
        this.campaignPlaceSeized = new long[net.places.size()];
        this.regionOfLinkTarget = new int[net.links.size()];
        this.regionOfLinkSource = new int[net.links.size()];
        // A region's flow is what enters it from elsewhere (each kg counted once per entry).
        for (Link l : net.links) {
            int r = net.region(l.to.index);
            int from = net.region(l.from.index);
            regionOfLinkTarget[l.index] = r == from ? -1 : r;
            regionOfLinkSource[l.index] = r == from ? -1 : from;
        }
        flow("produced_kg", "kg", "Cocaine harvested in production places");
        produced = last();
        flow("departed_kg", "kg", "Kg leaving production places in shipments");
        departed = last();
        flow("seized_kg", "kg", "Kg seized, all agencies");
        seized = last();
        flow("seized_military_kg", "kg", "Kg seized by military units");
        seizedMilitary = last();
        flow("seized_police_kg", "kg", "Kg seized by police (campaign units and routine enforcement)");
        seizedPolice = last();
        flow("lost_kg", "kg", "Kg lost in transit (jettisoned, sunk, crashed)");
        lost = last();
        flow("delivered_kg", "kg", "Kg reaching the market gateway");
        delivered = last();
        level("in_transit_kg", "kg", "Kg in shipments on the way at the week's end", NarcoModel::inTransitKg);
        level("stock_kg", "kg", "Kg in stock at production places (unsold, or bought by cartels) at the week's end", NarcoModel::stockKg);
        level("price_usd_kg", "US$/kg", "Wholesale price at the market gateway", m -> m.market().price());
        level("risk_premium", "", "Traffickers' risk premium on the price (NarcoLogic)", m -> m.market().riskPremium());
        flow("cartel_revenue_usd", "US$", "Cartels' revenue from deliveries");
        revenue = last();
        level("active_links", "links", "Links that carried flow this week", m -> activeLinks());
        level("active_places", "places", "Places that traffic passed through this week", m -> activePlaces());
        level("network_places", "places", "Mean number of places in a cartel's network", NarcoModel::meanNetworkPlaces);
        level("flow_entropy", "bits", "Dispersion of flow over links (Shannon entropy of kg entering links)",
                m -> entropy());
        flow("violent_incidents", "incidents", "Violent incidents (cartel rivalry and clashes with forces)");
        violence = last();
        flow("clashes", "incidents", "Violent incidents between forces and traffickers");
        clashes = last();
        flow("collateral_harm", "incidents", "Incidents in which forces harmed residents");
        harm = last();
        level("mean_trust", "", "Mean trust of residents in the state (0-1)", NarcoModel::meanTrust);
        for (Nation n : net.nations) {
            if (net.places.stream().anyMatch(p -> p.nation == n && p.community() != null)) {
                level("trust_" + n.id(), "", "Mean trust of residents in " + n.spec.name(),
                        m -> m.meanTrust(n));
            }
        }
        level("mean_fear", "", "Mean fear of cartels (0-1)", NarcoModel::meanFear);
        flow("tips", "tips", "Residents' reports to the police");
        tips = last();
        flow("recruits", "agents", "Residents who joined trafficking");
        recruits = last();
        level("active_smugglers", "agents", "Residents working for cartels", NarcoModel::smugglers);
        level("growers", "agents", "Residents growing coca", NarcoModel::growers);
        level("coca_ha", "ha", "Coca area", NarcoModel::cocaHa);
        flow("arrests", "arrests", "Arrests of smugglers, cartel members and leaders");
        arrests = last();
        flow("leader_arrests", "arrests", "Arrests of cartel leaders");
        leaderArrests = last();
        level("corrupt_units", "units", "Campaign police units working for cartels", m -> m.campaign().corruptUnits());
        flow("corruption_seen", "events", "Times residents saw officials' corruption");
        corruptionSeen = last();
        flow("bribes_usd", "US$", "Bribes paid by cartels");
        bribes = last();
        flow("eradicated_ha", "ha", "Coca area destroyed by eradication");
        eradicated = last();
        flow("sprayed_ha", "ha", "Coca area treated by eradication (sprayed or pulled), destroyed or not");
        sprayed = last();
        flow("spend_usd", "US$", "Campaign spending");
        spend = last();
        level("cartels", "cartels", "Trafficking organisations operating", m -> m.cartelCount());
        flow("cartel_splits", "splits", "Cartels splitting into rivals");
        splits = last();
        flow("partner_suspensions", "events", "Partners suspending or leaving cooperation");
        suspensions = last();
        level("partners_active", "nations", "Partner nations cooperating this week", NarcoModel::partnersActive);
        regionStart = columns.size();
        regions = net.regions().size();
        for (String r : net.regions()) {
            flow("flow_" + r.replaceAll("[^A-Za-z0-9]+", "_") + "_kg", "kg",
                    "Kg sent into region " + r + " from elsewhere (traffickers' routing)");
        }
        for (String r : net.regions()) {
            flow("through_" + r.replaceAll("[^A-Za-z0-9]+", "_") + "_kg", "kg",
                    "Kg that came through region " + r + " (arrived outside it from inside)");
        }
        week = new double[columns.size()];
    }

    private void flow(String name, String unit, String description) {
        index.put(name, columns.size());
        columns.add(new Column(name, unit, Kind.FLOW, description));
    }

    private void level(String name, String unit, String description, ToDoubleFunction<NarcoModel> probe) {
        index.put(name, columns.size());
        columns.add(new Column(name, unit, Kind.LEVEL, description));
        probes.add(probe);
        probeColumns.add(columns.size() - 1);
    }

    private int last() {
        return columns.size() - 1;
    }

    @Override
    public void on(Event e) {
        if (e instanceof Event.Produced p) {
            week[produced] += p.kg();
        } else if (e instanceof Event.Departed d) {
            week[departed] += d.kg();
        } else if (e instanceof Event.Entered en) {
            linkKg[en.link()] += en.kg();
            campaignLinkKg[en.link()] += en.kg();
            int r = regionOfLinkTarget[en.link()];
            if (r >= 0) week[regionStart + r] += en.kg();
        } else if (e instanceof Event.Arrived a) {
            campaignLinkArrived[a.link()] += a.kg();
            int r = regionOfLinkSource[a.link()];
            if (r >= 0) week[regionStart + regions + r] += a.kg();
        } else if (e instanceof Event.Seized s) {
            week[seized] += s.kg();
            campaignLinkSeized[s.link()] += s.kg();
            campaignPlaceSeized[s.place()] += s.kg();
            week[s.by() == Event.Agency.MILITARY ? seizedMilitary : seizedPolice] += s.kg();
        } else if (e instanceof Event.Lost l) {
            week[lost] += l.kg();
            campaignLinkLost[l.link()] += l.kg();
        } else if (e instanceof Event.Delivered d) {
            week[delivered] += d.kg();
            week[revenue] += d.revenueUsd();
        } else if (e instanceof Event.Violence v) {
            week[violence]++;
            if (v.clash()) week[clashes]++;
        } else if (e instanceof Event.CollateralHarm) {
            week[harm]++;
        } else if (e instanceof Event.Tips t) {
            week[tips] += t.count();
        } else if (e instanceof Event.Recruited r) {
            week[recruits] += r.count();
        } else if (e instanceof Event.Arrested a) {
            week[arrests] += a.count();
            if (a.kind() == Event.ArrestKind.LEADER) week[leaderArrests] += a.count();
        } else if (e instanceof Event.CorruptionSeen) {
            week[corruptionSeen]++;
        } else if (e instanceof Event.Bribe b) {
            week[bribes] += b.usd();
        } else if (e instanceof Event.Eradicated x) {
            week[eradicated] += x.ha();
            week[sprayed] += x.sprayedHa();
        } else if (e instanceof Event.Spent s) {
            week[spend] += s.usd();
        } else if (e instanceof Event.CartelSplit) {
            week[splits]++;
        } else if (e instanceof Event.PartnerSuspended) {
            week[suspensions]++;
        }
    }

    /** Closes the week: reads the levels, keeps the row if the campaign period has begun, starts afresh. */
    @Override
    public void step(SimState state) {
        NarcoModel m = (NarcoModel) state;
        for (int i = 0; i < probes.size(); i++) week[probeColumns.get(i)] = probes.get(i).applyAsDouble(m);
        if (m.week() >= 0) {
            rows.add(week);
        } else {
            // Burn-in weeks are not reported: the campaign sums start afresh.
            for (long[] sums : new long[][] {campaignLinkKg, campaignLinkArrived, campaignLinkSeized, campaignLinkLost,
                campaignPlaceSeized}) {
                java.util.Arrays.fill(sums, 0);
            }
        }
        latest = week;
        week = new double[columns.size()];
        java.util.Arrays.fill(linkKg, 0);
    }

    private double[] latest;

    private double activePlaces() {
        java.util.BitSet any = new java.util.BitSet();
        for (Link l : net.links) {
            if (linkKg[l.index] > 0) {
                any.set(l.from.index);
                any.set(l.to.index);
            }
        }
        return any.cardinality();
    }

    private double activeLinks() {
        int n = 0;
        for (long kg : linkKg) {
            if (kg > 0) n++;
        }
        return n;
    }

    private double entropy() {
        double total = 0;
        for (long kg : linkKg) total += kg;
        if (total <= 0) return 0;
        double h = 0;
        for (long kg : linkKg) {
            if (kg > 0) {
                double p = kg / total;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    /** Kg that entered each link this week so far (the classroom map draws it). */
    public long linkKg(Link l) {
        return linkKg[l.index];
    }

    /** Kg that entered the link over the campaign weeks (burn-in excluded, like the weekly rows). */
    public long campaignCarriedKg(Link l) {
        return campaignLinkKg[l.index];
    }

    /** Kg that reached the link's far end over the campaign weeks. */
    public long campaignArrivedKg(Link l) {
        return campaignLinkArrived[l.index];
    }

    /** Kg seized on the link or on arrival at its far end over the campaign weeks. */
    public long campaignSeizedKg(Link l) {
        return campaignLinkSeized[l.index];
    }

    /** Kg lost in transit on the link over the campaign weeks. */
    public long campaignLostKg(Link l) {
        return campaignLinkLost[l.index];
    }

    /** Kg seized at the place (or on a link into it) over the campaign weeks. */
    public long campaignSeizedKg(Place p) {
        return campaignPlaceSeized[p.index];
    }

    public List<Column> columns() {
        return Collections.unmodifiableList(columns);
    }

    public int column(String name) {
        Integer i = index.get(name);
        if (i == null) throw new IllegalArgumentException("no outcome " + name);
        return i;
    }

    /** Rows of the campaign weeks so far (week 0 first). */
    public List<double[]> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The last closed week, burn-in included; null before the first. */
    public double[] latest() {
        return latest;
    }

    /** One outcome of the last closed week (0 before the first). */
    public double latest(String name) {
        return latest == null ? 0 : latest[column(name)];
    }

}
