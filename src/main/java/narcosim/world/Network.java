package narcosim.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import narcosim.scenario.ParamValues;
import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;

/** The geography at run time: places, nations and directed links with their adjacency. */
public final class Network {

    public final List<Nation> nations = new ArrayList<>();
    public final List<Place> places = new ArrayList<>();
    public final List<Link> links = new ArrayList<>();
    private final int[][] out;
    private final int[][] in;
    private final double[] outCapacity;
    private final List<Link> towardsMarket;
    private final List<String> regions;
    private final int[] regionOfPlace;
    /** The scenario's markets, and per place the index of the market it is a gateway of (-1 for other places). */
    public final List<Specs.Market> markets;
    private final int[] marketOfPlace;

    public Network(Scenario sc, ParamValues p, double initialCapability) {
        Map<String, Nation> nationById = new HashMap<>();
        for (Specs.Nation n : sc.nations()) {
            Nation nation = new Nation(nations.size(), n, sc.links().size(),
                    Math.min(1.0, initialCapability * n.capabilityFactor()));
            nations.add(nation);
            nationById.put(n.id(), nation);
        }
        Map<String, Place> placeById = new HashMap<>();
        for (Specs.Place s : sc.places()) {
            Place pl = new Place(places.size(), s, nationById.get(s.nation()));
            pl.capCocaArea(p.real("market.coca_area_cap_factor"));
            places.add(pl);
            placeById.put(s.id(), pl);
        }
        List<List<Integer>> o = new ArrayList<>();
        List<List<Integer>> i = new ArrayList<>();
        for (int k = 0; k < places.size(); k++) {
            o.add(new ArrayList<>());
            i.add(new ArrayList<>());
        }
        for (Specs.Link s : sc.links()) {
            double speed = p.real("shipment.speed_" + s.mode().yaml() + "_km_week");
            int weeks = Math.max(1, (int) Math.round(s.lengthKm() / speed));
            Link l = new Link(links.size(), s, placeById.get(s.from()), placeById.get(s.to()), weeks);
            links.add(l);
            o.get(l.from.index).add(l.index);
            i.get(l.to.index).add(l.index);
        }
        out = new int[places.size()][];
        in = new int[places.size()][];
        for (int k = 0; k < places.size(); k++) {
            out[k] = o.get(k).stream().mapToInt(Integer::intValue).toArray();
            in[k] = i.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
        towardsMarket = orderTowardsMarket();
        outCapacity = new double[places.size()];
        for (Link l : links) outCapacity[l.from.index] += l.capacityKgWeek;
        regions = sc.places().stream().map(Specs.Place::region).filter(r -> !r.isEmpty()).distinct().toList();
        regionOfPlace = new int[places.size()];
        for (Place pl : places) regionOfPlace[pl.index] = regions.indexOf(pl.spec.region());
        markets = sc.markets();
        marketOfPlace = new int[places.size()];
        Arrays.fill(marketOfPlace, -1);
        for (int k = 0; k < markets.size(); k++) {
            for (String g : markets.get(k).gateways()) marketOfPlace[placeById.get(g).index] = k;
        }
    }

    /** Index (in {@link #markets}) of the market a gateway sells into; -1 for a place that is not a gateway. */
    public int marketOf(Place p) {
        return marketOfPlace[p.index];
    }

    public int[] out(int place) {
        return out[place];
    }

    public int[] in(int place) {
        return in[place];
    }

    /**
     * Weeks a shipment sent to a place now would wait there: kg waiting or on their way, beyond one
     * week of the place's outgoing capacity, or, where people live, beyond one week of what its crews can
     * move out (cartels' stock held there for lack of crews waits too), whichever is longer (ODD 7.2, 7.7).
     */
    public double expectedWaitWeeks(Place p) {
        double cap = outCapacity[p.index];
        double links = cap <= 0 ? 0 : Math.max(0, p.backlogKg() / cap - 1);
        double crews = p.crewCapacityKg();
        if (p.isMarket() || crews == Double.POSITIVE_INFINITY) return links;
        // W = B / K - 1 as for the links, with K the crews' weekly capacity (queue: backlog over service rate).
        double waiting = p.backlogKg() + p.heldKg();
        if (waiting <= 0) return links;
        if (crews <= 0) return Double.POSITIVE_INFINITY;
        return Math.max(links, waiting / crews - 1);
    }

    /**
     * Links sorted by how many links their far end is from a market, nearest first: value iteration
     * over them in this order settles in one or two passes on a network without cycles.
     */
    public List<Link> linksTowardsMarketFirst() {
        return towardsMarket;
    }

    private List<Link> orderTowardsMarket() {
        int[] hops = new int[places.size()];
        Arrays.fill(hops, Integer.MAX_VALUE);
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (Place p : places) {
            if (p.isMarket()) {
                hops[p.index] = 0;
                queue.add(p.index);
            }
        }
        while (!queue.isEmpty()) {
            int q = queue.poll();
            for (int l : in[q]) {
                int f = links.get(l).from.index;
                if (hops[f] == Integer.MAX_VALUE) {
                    hops[f] = hops[q] + 1;
                    queue.add(f);
                }
            }
        }
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort(java.util.Comparator.comparingInt((Link l) -> hops[l.to.index]).thenComparingInt(l -> l.index));
        return java.util.Collections.unmodifiableList(sorted);
    }

    /** Region tags used in the scenario, in order of first appearance. */
    public List<String> regions() {
        return regions;
    }

    /** Index into {@link #regions()} of a place's region, or -1. */
    public int region(int place) {
        return regionOfPlace[place];
    }

    /** Coca area of every place, ha. */
    public double cocaHa() {
        double ha = 0;
        for (Place p : places) ha += p.cocaHa();
        return ha;
    }

    /** Partner nations (international waters aside) cooperating in the given campaign week. */
    public long partnersCooperating(int week) {
        return nations.stream().filter(n -> !n.spec.international() && n.cooperates(week)).count();
    }

    /**
     * Whether every one of {@code from} reaches a market using only places in {@code allowed}
     * (a cartel's network stays connected when it consolidates).
     */
    public boolean allReachMarket(int[] from, BitSet allowed) {
        BitSet reach = new BitSet(places.size());
        int[] queue = new int[places.size()];
        int head = 0;
        int tail = 0;
        for (Place pl : places) {
            if (pl.isMarket() && allowed.get(pl.index)) {
                reach.set(pl.index);
                queue[tail++] = pl.index;
            }
        }
        while (head < tail) {
            int q = queue[head++];
            for (int l : in[q]) {
                int f = links.get(l).from.index;
                if (allowed.get(f) && !reach.get(f)) {
                    reach.set(f);
                    queue[tail++] = f;
                }
            }
        }
        for (int f : from) {
            if (!reach.get(f)) return false;
        }
        return true;
    }

    /** Cheapest path (by transport cost) from a place to any market, as link indices; empty if none. */
    public int[] cheapestPathToMarket(int from) {
        double[] dist = new double[places.size()];
        int[] via = new int[places.size()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(via, -1);
        dist[from] = 0;
        PriorityQueue<double[]> pq = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : Double.compare(a[1], b[1]));
        pq.add(new double[] {0, from});
        int target = -1;
        while (!pq.isEmpty()) {
            double[] e = pq.poll();
            int u = (int) e[1];
            if (e[0] > dist[u]) continue;
            if (places.get(u).isMarket()) {
                target = u;
                break;
            }
            for (int l : out[u]) {
                Link lk = links.get(l);
                double d = dist[u] + lk.costUsdKg + 1e-6 * lk.lengthKm;
                if (d < dist[lk.to.index]) {
                    dist[lk.to.index] = d;
                    via[lk.to.index] = l;
                    pq.add(new double[] {d, lk.to.index});
                }
            }
        }
        if (target < 0) return new int[0];
        List<Integer> path = new ArrayList<>();
        for (int v = target; v != from; v = links.get(via[v]).from.index) path.add(0, via[v]);
        return path.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Expected use of each link before any campaign: the cheapest paths from every production place,
     * weighted by its coca area. Static targeting posts forces on the links that score highest.
     */
    public double[] chokepointScores() {
        double[] score = new double[links.size()];
        for (Place pl : places) {
            if (!pl.isProduction()) continue;
            for (int l : cheapestPathToMarket(pl.index)) score[l] += pl.spec.cocaHa();
        }
        return score;
    }
}
