package narcosim.scenario;

import static narcosim.scenario.YamlNodes.kindOf;
import static narcosim.scenario.YamlNodes.line;
import static narcosim.scenario.YamlNodes.scalar;
import static narcosim.scenario.YamlNodes.suggest;
import static narcosim.scenario.YamlNodes.tuple;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import narcosim.util.Geo;

/**
 * Reads a scenario file into a validated {@link Scenario}. It works on SnakeYAML's node tree so that
 * every error can name the file, the line and the key path, and says what was expected.
 * {@code --set key.path=value} overrides are applied to the tree before validation (geography,
 * budget, strategies), or, for declared parameters, kept to be applied last.
 */
public final class ScenarioLoader {

    private static final String SET_PREFIX = YamlNodes.SET_PREFIX;
    /** The budget mixes whose shares must add up to 1: section, key prefix, what the shares are. */
    private record Mix(String section, List<String> parts, String what) {

        String prefix() {
            return section + ".mix_";
        }

        double sum(ParamValues pv) {
            double s = 0;
            for (String part : parts) s += pv.real(prefix() + part);
            return s;
        }

        String expected(double sum) {
            return "expected the " + what + " mix (" + String.join(", ", parts) + ") to add up to 1, got " + round(sum);
        }
    }

    private static final List<Mix> MIXES = List.of(
            new Mix("military", List.of("boat", "aircraft", "ground", "surveillance"), "military budget"),
            new Mix("partnership", List.of("training", "surveillance", "liaison"), "partnership budget"));
    static final List<String> TOP_KEYS = List.of("name", "description", "budget", "nations", "places",
            "links", "cartels", "markets", "strategies", "burn_in");

    private final String file;
    private final YamlNodes y;
    private final Set<String> regions = new HashSet<>();

    private ScenarioLoader(String file) {
        this.file = file;
        this.y = new YamlNodes(file);
    }

    public static Scenario load(Path path) throws ScenarioException {
        return load(path, List.of());
    }

    /** Loads a scenario and applies {@code key.path=value} overrides. */
    public static Scenario load(Path path, List<String> sets) throws ScenarioException {
        return new ScenarioLoader(path.toString()).parse(YamlNodes.read(path), sets);
    }

    /**
     * Loads a scenario from a file read once ({@link YamlNodes#parse}) and applies {@code key.path=value}
     * overrides: the same scenario as {@link #load(Path, List)} on that file, without reading it again.
     */
    public static Scenario load(YamlNodes.Parsed file, List<String> sets) throws ScenarioException {
        return new ScenarioLoader(file.name()).parse(file.tree(), sets);
    }

    /** Loads a scenario from text (tests, resources); {@code name} is used in messages. */
    public static Scenario load(String name, String text, List<String> sets) throws ScenarioException {
        return new ScenarioLoader(name).parse(YamlNodes.read(name, text), sets);
    }

    private Scenario parse(Node root, List<String> sets) throws ScenarioException {
        if (!(root instanceof MappingNode rootMap)) {
            throw new ScenarioException(file, root == null ? 0 : line(root), "",
                    "expected a mapping of scenario sections (name, nations, places, links, ...), got "
                            + (root == null ? "an empty file" : kindOf(root)));
        }
        Map<String, Object> late = new LinkedHashMap<>();
        for (String s : sets) SetOverrides.apply(rootMap, s, late, y, TOP_KEYS);
        return build(rootMap, late);
    }

    // ------------------------------------------------------------------ building

    private Scenario build(MappingNode root, Map<String, Object> late) throws ScenarioException {
        List<String> allowedTop = new ArrayList<>(TOP_KEYS);
        allowedTop.addAll(Params.sections());
        y.checkKeys(root, "", allowedTop);

        String name = y.str(root, "", "name", null);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw y.err(tuple(root, "name").getValueNode(), "name",
                    "expected a short name of letters, digits, '-', '_' or '.', got '" + name + "'");
        }
        String description = y.str(root, "", "description", "");

        MappingNode budget = y.map(y.req(root, "", "budget"), "budget");
        y.checkKeys(budget, "budget", List.of("total_musd_per_year"));
        double total = y.num(budget, "budget", "total_musd_per_year", null, 0.001, 1e7);

        List<Specs.Nation> nations = nations(root);
        Map<String, Specs.Nation> nationById = new HashMap<>();
        for (Specs.Nation n : nations) nationById.put(n.id(), n);
        List<Specs.Place> places = places(root, nationById);
        for (Specs.Place p : places) {
            if (!p.region().isEmpty()) regions.add(p.region());
        }
        Map<String, Specs.Place> placeById = new LinkedHashMap<>();
        for (Specs.Place p : places) placeById.put(p.id(), p);

        ParamValues params = params(root, nationById.keySet());
        List<Specs.Link> links = links(root, placeById, params);
        checkReachability(places, links, root);
        List<Specs.Cartel> cartels = cartels(root, placeById);
        List<Specs.Market> markets = markets(root, places, links, nationById, params);
        List<Specs.Strategy> strategies = strategies(root, nationById.keySet(), indicators(nations, places, markets));
        for (Map.Entry<String, Object> e : late.entrySet()) {
            checkNationParam(Params.get(e.getKey()), e.getValue(), nationById.keySet(), null, SET_PREFIX + e.getKey());
        }
        for (Specs.Strategy s : strategies) {
            Map<String, Object> m = new LinkedHashMap<>(s.doctrine());
            m.putAll(late);
            for (Mix mx : MIXES) {
                double mix = mx.sum(params.with(m));
                if (Math.abs(mix - 1) > 1e-6) {
                    String msg = mx.expected(mix);
                    String set = late.keySet().stream().filter(k -> k.startsWith(mx.prefix())).findFirst().orElse(null);
                    if (set != null) throw new ScenarioException(SET_PREFIX + set, 0, mx.prefix() + "*", msg);
                    throw new ScenarioException(file, s.line(), "strategies." + s.id() + ".doctrine", msg);
                }
            }
        }
        Specs.BurnIn burnIn = burnIn(root, strategies, total);
        return new Scenario(name, description, file, total, List.copyOf(nations), List.copyOf(places),
                List.copyOf(links), List.copyOf(cartels), markets, List.copyOf(strategies), params, Map.copyOf(late),
                burnIn);
    }

    /**
     * The optional {@code burn_in:} section: the strategy the burn-in runs under, at its own budget (ODD 7.23);
     * {@code burn_in: none} is the same as no section.
     */
    private Specs.BurnIn burnIn(MappingNode root, List<Specs.Strategy> strategies, double total)
            throws ScenarioException {
        NodeTuple t = tuple(root, "burn_in");
        if (t == null) return null;
        // burn_in: none (e.g. --set burn_in=none) turns off an anchored burn-in a file has.
        if (t.getValueNode() instanceof ScalarNode sn && sn.getValue().equals("none")) return null;
        MappingNode m = y.map(t.getValueNode(), "burn_in");
        y.checkKeys(m, "burn_in", List.of("strategy", "budget_musd_per_year"));
        String id = y.str(m, "burn_in", "strategy", null);
        Specs.Strategy s = strategies.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() -> y.err(
                tuple(m, "strategy").getValueNode(), "burn_in.strategy", "expected a strategy of this file ("
                        + String.join(", ", strategies.stream().map(Specs.Strategy::id).toList()) + "), got '" + id
                        + "'"));
        if (!s.shares().isCampaign()) {
            throw y.err(tuple(m, "strategy").getValueNode(), "burn_in.strategy", "strategy '" + id
                    + "' spends nothing: a burn-in without a campaign needs no burn_in section");
        }
        double budget = y.num(m, "burn_in", "budget_musd_per_year", total, 0.001, 1e7);
        return new Specs.BurnIn(id, budget, t.getKeyNode().getStartMark().getLine() + 1);
    }

    private List<Specs.Nation> nations(MappingNode root) throws ScenarioException {
        SequenceNode seq = y.list(y.req(root, "", "nations"), "nations");
        if (seq.getValue().isEmpty()) throw y.err(seq, "nations", "expected at least one nation");
        List<Specs.Nation> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        double shares = 0;
        for (int i = 0; i < seq.getValue().size(); i++) {
            String path = "nations[" + i + "]";
            MappingNode m = y.map(seq.getValue().get(i), path);
            List<Field<Specs.Nation>> f = Fields.NATION;
            y.checkKeys(m, path, Fields.keys(f));
            String id = id(m, path, ids);
            path = "nations." + id;
            Specs.Nation n = new Specs.Nation(id, y.str(m, path, "name", id),
                    num(m, path, f, "price_usd_kg"),
                    num(m, path, f, "legal_income_usd_week"),
                    num(m, path, f, "corruption"),
                    num(m, path, f, "transparency"),
                    num(m, path, f, "force_share"),
                    bool(m, path, f, "military_can_arrest"),
                    bool(m, path, f, "partner"),
                    num(m, path, f, "instability_hazard_per_year"),
                    bool(m, path, f, "international"),
                    num(m, path, f, "security_budget_musd_year"),
                    num(m, path, f, "capability_factor"), line(m));
            shares += n.forceShare();
            out.add(n);
        }
        if (Math.abs(shares - 1) > 1e-6) {
            throw y.err(seq, "nations.*.force_share", "expected the nations' force_share to add up to 1, got "
                    + round(shares));
        }
        return out;
    }

    private List<Specs.Place> places(MappingNode root, Map<String, Specs.Nation> nations) throws ScenarioException {
        SequenceNode seq = y.list(y.req(root, "", "places"), "places");
        List<Specs.Place> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String path = "places[" + i + "]";
            MappingNode m = y.map(seq.getValue().get(i), path);
            List<Field<Specs.Place>> f = Fields.PLACE;
            y.checkKeys(m, path, Fields.keys(f));
            String id = id(m, path, ids);
            path = "places." + id;
            Specs.PlaceKind kind = enumValue(m, path, "kind", Specs.PlaceKind.class);
            String nation = ref(m, path, "nation", nations.keySet(), "nation");
            double coca = num(m, path, f, "coca_ha");
            if (kind == Specs.PlaceKind.PRODUCTION && coca <= 0) {
                throw y.err(m, path + ".coca_ha", "expected a production place to have coca_ha above 0");
            }
            if (kind != Specs.PlaceKind.PRODUCTION && coca > 0) {
                throw y.err(tuple(m, "coca_ha").getValueNode(), path + ".coca_ha",
                        "only production places grow coca; this place is " + kind.yaml());
            }
            out.add(new Specs.Place(id, y.str(m, path, "name", id), num(m, path, f, "lat"),
                    num(m, path, f, "lon"), kind, nation, num(m, path, f, "population"), coca,
                    y.str(m, path, "region", (String) Fields.get(f, "region").defaultValue()), port(m, path), line(m)));
        }
        if (out.stream().noneMatch(p -> p.kind() == Specs.PlaceKind.PRODUCTION)) {
            throw y.err(seq, "places", "expected at least one place of kind production");
        }
        if (out.stream().noneMatch(p -> p.kind() == Specs.PlaceKind.MARKET)) {
            throw y.err(seq, "places", "expected at least one place of kind market");
        }
        return out;
    }

    /** A place's optional {@code port:} mapping (ODD 7.24), or null where it has none. */
    private Specs.Port port(MappingNode place, String path) throws ScenarioException {
        NodeTuple t = tuple(place, "port");
        if (t == null) return null;
        // port: none (e.g. --set places.antwerp.port=none) takes a file's port away, as the field's default says.
        if (t.getValueNode() instanceof ScalarNode sn && sn.getValue().equals("none")) return null;
        String at = path + ".port";
        MappingNode m = y.map(t.getValueNode(), at);
        y.checkKeys(m, at, List.of("inspected_share"));
        return new Specs.Port(y.num(m, at, "inspected_share", null, 0, 1));
    }

    private List<Specs.Link> links(MappingNode root, Map<String, Specs.Place> places, ParamValues params)
            throws ScenarioException {
        SequenceNode seq = y.list(y.req(root, "", "links"), "links");
        List<Specs.Link> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String path = "links[" + i + "]";
            MappingNode m = y.map(seq.getValue().get(i), path);
            List<Field<Specs.Link>> f = Fields.LINK;
            y.checkKeys(m, path, Fields.keys(f));
            String from = ref(m, path, "from", places.keySet(), "place");
            String to = ref(m, path, "to", places.keySet(), "place");
            path = "links." + from + ">" + to;
            if (from.equals(to)) throw y.err(m, path, "a link must join two different places");
            Specs.Mode mode = enumValue(m, path, "mode", Specs.Mode.class);
            if (!seen.add(from + ">" + to + ">" + mode)) {
                throw y.err(m, path, "this link is listed twice (same from, to and mode)");
            }
            Specs.Place a = places.get(from);
            Specs.Place b = places.get(to);
            double detour = switch (mode) {
                case LAND -> 1.3;
                case SEA -> 1.1;
                case AIR -> 1.0;
            };
            double length = num(m, path, f, "length_km", (double) Math.max(1, Math.round(
                    Geo.greatCircleKm(a.lat(), a.lon(), b.lat(), b.lon()) * detour)));
            double perKm = params.real("shipment.cost_" + mode.yaml() + "_usd_kg_km");
            double cost = num(m, path, f, "cost_usd_kg", (double) Math.round(perKm * length));
            out.add(new Specs.Link(from, to, mode, length, cost, num(m, path, f, "detectability"),
                    num(m, path, f, "capacity_kg_week"), line(m)));
        }
        return out;
    }

    private void checkReachability(List<Specs.Place> places, List<Specs.Link> links, MappingNode root)
            throws ScenarioException {
        Set<String> reach = reachable(places, links, Specs.PlaceKind.MARKET, false);
        for (Specs.Place p : places) {
            if (p.kind() == Specs.PlaceKind.PRODUCTION && !reach.contains(p.id())) {
                throw new ScenarioException(file, p.line(), "places." + p.id(),
                        "the market is unreachable from this production place: no chain of links leads from it "
                                + "to a place of kind market");
            }
        }
    }

    /**
     * The places a chain of links joins to a place of the given kind: the places it leads to ({@code forward}), or
     * the places that lead to it; the places of that kind included.
     */
    private static Set<String> reachable(List<Specs.Place> places, List<Specs.Link> links, Specs.PlaceKind from,
                                         boolean forward) {
        Map<String, List<String>> next = new HashMap<>();
        for (Specs.Link l : links) {
            next.computeIfAbsent(forward ? l.from() : l.to(), k -> new ArrayList<>()).add(forward ? l.to() : l.from());
        }
        Set<String> reach = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (Specs.Place p : places) {
            if (p.kind() == from && reach.add(p.id())) todo.add(p.id());
        }
        while (!todo.isEmpty()) {
            for (String q : next.getOrDefault(todo.poll(), List.of())) {
                if (reach.add(q)) todo.add(q);
            }
        }
        return reach;
    }

    /**
     * The optional {@code markets:} list (ODD 7.14): each market's gateways (places of kind market; every such place
     * in exactly one market), its reference price (by default its first gateway's nation's price_usd_kg) and its
     * demand share (the shares add up to 1). Without the list, one market of every gateway, at the first gateway's
     * nation's price.
     */
    private List<Specs.Market> markets(MappingNode root, List<Specs.Place> places, List<Specs.Link> links,
                                       Map<String, Specs.Nation> nations, ParamValues params) throws ScenarioException {
        List<Specs.Place> gateways = places.stream().filter(p -> p.kind() == Specs.PlaceKind.MARKET).toList();
        NodeTuple t = tuple(root, "markets");
        if (t == null) {
            return List.of(new Specs.Market("market", "Market", gateways.stream().map(Specs.Place::id).toList(),
                    nations.get(gateways.get(0).nation()).priceUsdKg(), 1.0, 0));
        }
        SequenceNode seq = y.list(t.getValueNode(), "markets");
        if (seq.getValue().isEmpty()) throw y.err(seq, "markets", "expected at least one market");
        Map<String, Specs.Place> byId = new HashMap<>();
        for (Specs.Place p : places) byId.put(p.id(), p);
        Map<String, String> marketOf = new HashMap<>();
        List<Specs.Market> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        double shares = 0;
        for (int i = 0; i < seq.getValue().size(); i++) {
            String path = "markets[" + i + "]";
            MappingNode m = y.map(seq.getValue().get(i), path);
            List<Field<Specs.Market>> f = Fields.MARKET;
            y.checkKeys(m, path, Fields.keys(f));
            String id = id(m, path, ids);
            String tag = narcosim.metrics.Outcomes.tag(id);
            String same = out.stream().map(Specs.Market::id).filter(o -> narcosim.metrics.Outcomes.tag(o).equals(tag))
                    .findFirst().orElse(null);
            if (same != null) {
                throw y.err(tuple(m, "id").getValueNode(), path + ".id", "'" + id + "' and '" + same + "' would name the "
                        + "same output columns (market_" + tag + "_...): give ids that differ in letters or digits");
            }
            path = "markets." + id;
            SequenceNode gs = y.list(y.req(m, path, "gateways"), path + ".gateways");
            if (gs.getValue().isEmpty()) throw y.err(gs, path + ".gateways", "expected at least one place of kind market");
            List<String> gw = new ArrayList<>();
            for (Node g : gs.getValue()) {
                String gid = scalar(g);
                Specs.Place p = byId.get(gid);
                if (p == null) {
                    throw y.err(g, path + ".gateways", "expected a place id, got '" + gid + "'"
                            + suggest(gid, byId.keySet()));
                }
                if (p.kind() != Specs.PlaceKind.MARKET) {
                    throw y.err(g, path + ".gateways", "expected a place of kind market, got '" + gid + "' of kind "
                            + p.kind().yaml());
                }
                String other = marketOf.put(gid, id);
                if (other != null) {
                    throw y.err(g, path + ".gateways", "'" + gid + "' is already a gateway of market '" + other
                            + "': a gateway belongs to one market");
                }
                gw.add(gid);
            }
            double price = num(m, path, f, "price_usd_kg", nations.get(byId.get(gw.get(0)).nation()).priceUsdKg());
            NodeTuple ds = tuple(m, "demand_share");
            if (ds == null && seq.getValue().size() > 1) {
                throw y.err(m, path + ".demand_share", "expected a demand_share: with several markets each gives its "
                        + "share of the demand (they add up to 1)");
            }
            double share = num(m, path, f, "demand_share", 1.0);
            shares += share;
            out.add(new Specs.Market(id, y.str(m, path, "name", id), List.copyOf(gw), price, share, line(m)));
        }
        for (Specs.Place p : gateways) {
            if (!marketOf.containsKey(p.id())) {
                throw new ScenarioException(file, p.line(), "places." + p.id(), "this place of kind market is a "
                        + "gateway of no market: list it under the gateways of one of markets ("
                        + String.join(", ", ids.stream().sorted().toList()) + ")");
            }
        }
        // A market no route reaches would wait for cargo that never comes (its price at the cap all run).
        Set<String> reach = reachable(places, links, Specs.PlaceKind.PRODUCTION, true);
        for (int i = 0; i < out.size(); i++) {
            Specs.Market mk = out.get(i);
            if (mk.gateways().stream().noneMatch(reach::contains)) {
                throw y.err(seq.getValue().get(i), "markets." + mk.id() + ".gateways", "no chain of links leads from a "
                        + "production place to any gateway of this market");
            }
        }
        // Reference prices further apart than carrying stock between the markets costs are not an equilibrium:
        // wholesalers would carry it (ODD 7.14).
        double land = params.real("shipment.cost_land_usd_kg_km");
        for (int i = 0; i < out.size(); i++) {
            for (int k = 0; k < i; k++) {
                Specs.Market a = out.get(i);
                Specs.Market b = out.get(k);
                double carry = Specs.Market.carryUsdKg(a, b, byId::get, land);
                if (Math.abs(a.priceUsdKg() - b.priceUsdKg()) > carry + 1e-9) {
                    NodeTuple given = seq.getValue().get(i) instanceof MappingNode im ? tuple(im, "price_usd_kg") : null;
                    NodeTuple other = seq.getValue().get(k) instanceof MappingNode om ? tuple(om, "price_usd_kg") : null;
                    Node blame = other != null && fromSet(other.getValueNode()) ? other.getValueNode()
                            : given != null ? given.getValueNode() : seq.getValue().get(i);
                    boolean otherSet = other != null && fromSet(other.getValueNode());
                    Specs.Market x = otherSet ? b : a;
                    Specs.Market z = otherSet ? a : b;
                    throw y.err(blame, "markets." + x.id() + ".price_usd_kg", (given == null && !otherSet
                            ? "(left to its first gateway's nation's price_usd_kg) " : "") + String.format(
                            java.util.Locale.ROOT, "expected a reference price within US$%,.0f/kg of market %s's "
                                    + "(US$%,.0f/kg), what carrying a kg between their nearest gateways by road costs "
                                    + "at shipment.cost_land_usd_kg_km; got US$%,.0f/kg: wholesalers would carry "
                                    + "cocaine from the cheaper market to the dearer", carry, z.id(), z.priceUsdKg(),
                            x.priceUsdKg()));
                }
            }
        }
        if (Math.abs(shares - 1) > 1e-6) {
            // A share given with --set is what made the sum wrong when the file's were right: name the --set.
            Node blame = seq;
            for (Node item : seq.getValue()) {
                NodeTuple ds = item instanceof MappingNode im ? tuple(im, "demand_share") : null;
                if (ds != null && fromSet(ds.getValueNode())) blame = ds.getValueNode();
            }
            throw y.err(blame, "markets.*.demand_share", "expected the markets' demand_share to add up to 1, got "
                    + round(shares) + (blame == seq ? "" : ": set the other markets' shares with --set too"));
        }
        return List.copyOf(out);
    }

    private List<Specs.Cartel> cartels(MappingNode root, Map<String, Specs.Place> places) throws ScenarioException {
        SequenceNode seq = y.list(y.req(root, "", "cartels"), "cartels");
        if (seq.getValue().isEmpty()) throw y.err(seq, "cartels", "expected at least one cartel");
        List<Specs.Cartel> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String path = "cartels[" + i + "]";
            MappingNode m = y.map(seq.getValue().get(i), path);
            y.checkKeys(m, path, Fields.keys(Fields.CARTEL));
            String id = id(m, path, ids);
            path = "cartels." + id;
            SequenceNode homes = y.list(y.req(m, path, "home"), path + ".home");
            if (homes.getValue().isEmpty()) throw y.err(homes, path + ".home", "expected at least one production place");
            List<String> home = new ArrayList<>();
            for (Node h : homes.getValue()) {
                String hid = scalar(h);
                Specs.Place p = places.get(hid);
                if (p == null) {
                    throw y.err(h, path + ".home", "no place '" + hid + "'" + suggest(hid, places.keySet()));
                }
                if (p.kind() != Specs.PlaceKind.PRODUCTION) {
                    throw y.err(h, path + ".home", "expected a production place, '" + hid + "' is " + p.kind().yaml());
                }
                home.add(hid);
            }
            out.add(new Specs.Cartel(id, y.str(m, path, "name", id), num(m, path, Fields.CARTEL, "capital_musd"),
                    List.copyOf(home), line(m)));
        }
        return out;
    }

    private List<Specs.Strategy> strategies(MappingNode root, Set<String> nations, Set<String> indicators)
            throws ScenarioException {
        SequenceNode seq = y.list(y.req(root, "", "strategies"), "strategies");
        if (seq.getValue().isEmpty()) {
            throw y.err(seq, "strategies", "expected at least one strategy (e.g. a baseline with all shares 0)");
        }
        List<Specs.Strategy> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String path = "strategies[" + i + "]";
            MappingNode m = y.map(seq.getValue().get(i), path);
            y.checkKeys(m, path, List.of("id", "name", "description", "shares", "doctrine", "rules"));
            String id = id(m, path, ids);
            path = "strategies." + id;
            MappingNode sh = y.map(y.req(m, path, "shares"), path + ".shares");
            List<Field<Specs.Shares>> sf = Fields.SHARES;
            y.checkKeys(sh, path + ".shares", Fields.keys(sf));
            Specs.Shares shares = new Specs.Shares(num(sh, path + ".shares", sf, "military"),
                    num(sh, path + ".shares", sf, "police"), num(sh, path + ".shares", sf, "development"),
                    num(sh, path + ".shares", sf, "partnership"));
            // A share given with --set is what made the sum wrong when the file's was right: name the --set.
            Node blame = sh.getValue().stream().map(NodeTuple::getValueNode).filter(ScenarioLoader::fromSet)
                    .findFirst().orElse(sh);
            if (shares.sum() > 1 + 1e-9) {
                throw y.err(blame, path + ".shares", "over budget: the shares add up to " + round(shares.sum())
                        + ", more than the whole budget (1)");
            }
            if (shares.sum() > 0 && shares.sum() < 1 - 1e-9) {
                throw y.err(blame, path + ".shares", "the shares add up to " + round(shares.sum())
                        + "; a strategy spends the whole budget (shares adding up to 1), or nothing (all 0, a baseline)");
            }
            Map<String, Object> doctrine = new LinkedHashMap<>();
            NodeTuple dt = tuple(m, "doctrine");
            if (dt != null) {
                MappingNode dm = y.map(dt.getValueNode(), path + ".doctrine");
                for (NodeTuple t : dm.getValue()) {
                    String k = scalar(t.getKeyNode());
                    Param p = Params.get(k);
                    if (p == null) {
                        throw y.err(t.getKeyNode(), path + ".doctrine." + k, "unknown parameter"
                                + suggest(k, Params.all().stream().map(Param::key).toList()));
                    }
                    Object v = y.param(p, t.getValueNode(), path + ".doctrine." + k);
                    checkNationParam(p, v, nations, t.getValueNode(), path + ".doctrine." + k);
                    doctrine.put(k, v);
                }
            }
            List<Specs.Rule> rules = rules(m, path, shares, indicators);
            out.add(new Specs.Strategy(id, y.str(m, path, "name", id), y.str(m, path, "description", ""), shares,
                    Map.copyOf(doctrine), rules, line(m)));
        }
        return out;
    }

    /**
     * A strategy's yearly rules (ODD 7.22), each watching a weekly outcome of this scenario and moving part of the
     * budget between two shares; only a campaign (shares adding up to 1) has a budget to move.
     */
    private List<Specs.Rule> rules(MappingNode strategy, String path, Specs.Shares shares, Set<String> indicators)
            throws ScenarioException {
        NodeTuple rt = tuple(strategy, "rules");
        if (rt == null) return List.of();
        SequenceNode seq = y.list(rt.getValueNode(), path + ".rules");
        if (!seq.getValue().isEmpty() && !shares.isCampaign()) {
            throw y.err(seq, path + ".rules", "a strategy without a campaign (all shares 0) has no budget for rules "
                    + "to move; give it shares adding up to 1, or no rules");
        }
        List<Specs.Rule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Field<Specs.Rule>> f = Fields.RULE;
        for (int i = 0; i < seq.getValue().size(); i++) {
            String at = path + ".rules[" + i + "]";
            MappingNode m = y.map(seq.getValue().get(i), at);
            y.checkKeys(m, at, Fields.keys(f));
            String id = "";
            if (tuple(m, "id") != null) {
                id = id(m, at, ids);
                at = path + ".rules." + id;
            }
            String indicator = y.str(m, at, "indicator", null);
            if (!indicators.contains(indicator)) {
                throw y.err(tuple(m, "indicator").getValueNode(), at + ".indicator", "expected a weekly outcome of "
                        + "this scenario (a column of timeseries.csv: narcosim outcomes lists them), got '" + indicator
                        + "'" + suggest(indicator, indicators));
            }
            Specs.Reading reading = tuple(m, "of") == null ? Specs.Reading.VALUE
                    : enumValue(m, at, "of", Specs.Reading.class);
            NodeTuple below = tuple(m, "below");
            NodeTuple above = tuple(m, "above");
            if ((below == null) == (above == null)) {
                throw y.err(below != null ? above.getKeyNode() : m, at + (below != null ? ".above" : ".below"),
                        below != null ? "give one threshold, below or above, not both"
                                : "missing; expected a threshold: below: <number> or above: <number>");
            }
            String side = below != null ? "below" : "above";
            double threshold = num(m, at, f, side);
            int years = (int) y.whole(m, at, "years", 1L, 1, 100);
            double move = num(m, at, f, "move");
            String from = ref(m, at, "from", Fields.SHARE_KEYS, "budget share");
            String to = ref(m, at, "to", Fields.SHARE_KEYS, "budget share");
            if (from.equals(to)) {
                throw y.err(tuple(m, "to").getValueNode(), at + ".to", "expected another share than from (" + from
                        + "): a rule moves money between two shares");
            }
            out.add(new Specs.Rule(id, indicator, reading, below != null, threshold, years, move, from, to, line(m)));
        }
        return List.copyOf(out);
    }

    /**
     * The weekly outcomes a rule may watch in this scenario: the declared ones, and the members of the
     * families whose nation or region the scenario has (the trust of a nation with residents, the spend of a
     * nation's forces, the price in a nation on the way, the flows into and through a region); the collector
     * makes the same columns (Outcomes.weekly).
     */
    private Set<String> indicators(List<Specs.Nation> nations, List<Specs.Place> places, List<Specs.Market> markets) {
        Set<String> out = new java.util.LinkedHashSet<>(narcosim.metrics.Outcomes.declaredWeekly());
        for (Specs.Nation n : nations) {
            boolean residents = places.stream().anyMatch(p -> p.nation().equals(n.id()) && p.population() > 0
                    && p.kind() != Specs.PlaceKind.MARKET && p.kind() != Specs.PlaceKind.SEA);
            boolean onTheWay = places.stream().anyMatch(p -> p.nation().equals(n.id())
                    && p.kind() != Specs.PlaceKind.MARKET);
            if (residents) out.add("trust_" + n.id());
            if (!n.international()) out.add("spend_" + n.id() + "_usd");
            if (!n.international() && onTheWay) out.add("chain_price_" + n.id() + "_usd_kg");
        }
        if (places.stream().anyMatch(p -> p.port() != null)) out.add(narcosim.metrics.Outcomes.SEIZED_PORT);
        if (markets.size() > 1) out.addAll(narcosim.metrics.Outcomes.marketColumns(markets));
        for (String r : regions) out.add("flow_" + narcosim.metrics.Outcomes.tag(r) + "_kg");
        for (String r : regions) out.add("through_" + narcosim.metrics.Outcomes.tag(r) + "_kg");
        return out;
    }

    private ParamValues params(MappingNode root, Set<String> nations) throws ScenarioException {
        Map<String, Object> set = new LinkedHashMap<>();
        for (String section : Params.sections()) {
            NodeTuple t = tuple(root, section);
            if (t == null) continue;
            MappingNode m = y.map(t.getValueNode(), section);
            for (NodeTuple kv : m.getValue()) {
                String why = Params.renamed(section + "." + scalar(kv.getKeyNode()));
                if (why != null) throw y.err(kv.getKeyNode(), section + "." + scalar(kv.getKeyNode()), why);
            }
            y.checkKeys(m, section, Params.keysIn(section));
            for (NodeTuple kv : m.getValue()) {
                String key = section + "." + scalar(kv.getKeyNode());
                Param p = Params.get(key);
                Object v = y.param(p, kv.getValueNode(), key);
                checkNationParam(p, v, nations, kv.getValueNode(), key);
                set.put(key, v);
            }
        }
        ParamValues pv = ParamValues.defaults().with(set);
        for (Mix mx : MIXES) {
            double mix = mx.sum(pv);
            if (Math.abs(mix - 1) > 1e-6) {
                NodeTuple mt = tuple(root, mx.section());
                throw y.err(mt == null ? root : mt.getValueNode(), mx.prefix() + "*", mx.expected(mix));
            }
        }
        return pv;
    }

    private void checkNationParam(Param p, Object v, Set<String> nations, Node at, String key)
            throws ScenarioException {
        Set<String> known = p.type() == Param.Type.NATION ? nations : p.type() == Param.Type.REGION ? regions : null;
        if (known != null && !"none".equals(v) && !known.contains(v)) {
            String msg = "expected " + p.expected() + ", got '" + v + "'" + suggest((String) v, known);
            if (at == null) throw new ScenarioException(key, 0, "", msg);
            throw y.err(at, key, msg);
        }
    }

    // ------------------------------------------------------------------ scenario-specific reads

    /** A number field, with the default, range and unit of its declaration in {@link Fields}. */
    private <T> double num(MappingNode m, String path, List<Field<T>> fields, String key) throws ScenarioException {
        Field<T> f = Fields.get(fields, key);
        return y.num(m, path, key, (Double) f.defaultValue(), f.min(), f.max());
    }

    /** A number field whose default is worked out from other fields (its declaration says how). */
    private <T> double num(MappingNode m, String path, List<Field<T>> fields, String key, double computed)
            throws ScenarioException {
        Field<T> f = Fields.get(fields, key);
        return y.num(m, path, key, computed, f.min(), f.max());
    }

    private <T> boolean bool(MappingNode m, String path, List<Field<T>> fields, String key) throws ScenarioException {
        return y.bool(m, path, key, (Boolean) Fields.get(fields, key).defaultValue());
    }

    /** Whether a node's value was given with --set (its mark is named after the override). */
    private static boolean fromSet(Node v) {
        return v.getStartMark() != null && v.getStartMark().getName() != null
                && v.getStartMark().getName().startsWith(SET_PREFIX);
    }

    private String id(MappingNode m, String path, Set<String> ids) throws ScenarioException {
        String id = y.str(m, path, "id", null);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw y.err(tuple(m, "id").getValueNode(), path + ".id",
                    "expected an id of letters, digits, '_' or '-', got '" + id + "'");
        }
        if (!ids.add(id)) throw y.err(tuple(m, "id").getValueNode(), path + ".id", "the id '" + id + "' is used twice");
        return id;
    }

    private String ref(MappingNode m, String path, String key, Collection<String> known, String what)
            throws ScenarioException {
        String v = y.str(m, path, key, null);
        if (!known.contains(v)) {
            throw y.err(tuple(m, key).getValueNode(), path + "." + key, "no " + what + " '" + v + "'" + suggest(v, known));
        }
        return v;
    }

    private <E extends Enum<E>> E enumValue(MappingNode m, String path, String key, Class<E> type)
            throws ScenarioException {
        String v = y.str(m, path, key, null);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) return e;
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        throw y.err(tuple(m, key).getValueNode(), path + "." + key,
                "expected one of " + String.join(", ", names) + ", got '" + v + "'" + suggest(v, names));
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
