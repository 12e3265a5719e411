package narcosim.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The fields of the entities of a scenario file (nations, places, links, cartels), each declared once.
 * Where the same number is checked again elsewhere (a production place must have coca), the loader says so.
 */
public final class Fields {

    private Fields() {
    }

    private static <T> Field<T> id(String description, Function<T, Object> get) {
        return new Field<>("id", Field.Kind.ID, null, 0, 0, "", "", false, description, get);
    }

    private static <T> Field<T> name(Function<T, Object> get) {
        return new Field<>("name", Field.Kind.TEXT, null, 0, 0, "", "the id", false,
                "Name shown in reports and the classroom window", get);
    }

    private static <T> Field<T> number(String key, Double def, double min, double max, String unit, String description,
                                       Function<T, Object> get) {
        return new Field<>(key, Field.Kind.NUMBER, def, min, max, unit, "", false, description, get);
    }

    private static <T> Field<T> flag(String key, boolean def, String description, Function<T, Object> get) {
        return new Field<>(key, Field.Kind.BOOLEAN, def, 0, 0, "", "", false, description, get);
    }

    private static <T> Field<T> of(String key, Field.Kind kind, String allowed, String description,
                                   Function<T, Object> get) {
        return new Field<>(key, kind, null, 0, 0, allowed, "", false, description, get);
    }

    public static final List<Field<Specs.Nation>> NATION = List.of(
            id("Nation id, named by places and by parameters that take a nation", Specs.Nation::id),
            name(Specs.Nation::name),
            number("price_usd_kg", null, 1, 1e7, "US$/kg",
                    "Price of cocaine: at the source for a nation with production places, the default reference price "
                            + "P_ref of a market whose first gateway is in the nation; elsewhere a reference figure the model's chain price is "
                            + "compared with, not an input (press figures of 2017; see the scenario's header)",
                    Specs.Nation::priceUsdKg),
            number("legal_income_usd_week", null, 0, 1e6, "US$/week",
                    "Legal weekly income of a poor rural or coastal household (World Bank poverty data)",
                    Specs.Nation::legalIncomeUsdWeek),
            number("corruption", 0.3, 0, 1, "0-1",
                    "How readily officials take bribes: scales the bribes cartels pay there, the chance that a "
                            + "bribed police unit turns and the protection bribes buy (0.85 - CPI/100 in the default scenario)", Specs.Nation::corruption),
            number("transparency", 0.5, 0, 1, "0-1",
                    "Chance each week that residents see a corrupt police unit's corruption (CPI/100 + 0.10 in the "
                            + "default scenario)", Specs.Nation::transparency),
            number("force_share", 0.0, 0, 1, "0-1",
                    "Share of the campaign's forces based in the nation; the nations' shares add up to 1",
                    Specs.Nation::forceShare),
            flag("military_can_arrest", false,
                    "The nation's military may arrest; where it may not, it hands seizures over to police",
                    Specs.Nation::militaryCanArrest),
            flag("partner", true, "The nation takes part in the partnership (shared intelligence, coordinated operations)",
                    Specs.Nation::partner),
            number("instability_hazard_per_year", 0.0, 0, 52, "per year",
                    "Base hazard of a political shock that suspends the nation's cooperation", Specs.Nation::instabilityHazardPerYear),
            flag("international", false, "International waters: no residents, no police, no jurisdiction",
                    Specs.Nation::international),
            number("security_budget_musd_year", 0.0, 0, 1e5, "US$M/year",
                    "The nation's own counter-narcotics security money alongside a campaign: it buys the nation's own "
                            + "units with the strategy's military/police split (none under the baseline)",
                    Specs.Nation::securityBudgetMusdYear),
            number("capability_factor", 1.0, 0.05, 20, "x",
                    "The nation's forces' initial capability relative to military.capability_initial (capped at 1)",
                    Specs.Nation::capabilityFactor));

    public static final List<Field<Specs.Place>> PLACE = List.of(
            id("Place id, named by links and cartels' homes", Specs.Place::id),
            name(Specs.Place::name),
            number("lat", null, -90, 90, "degrees", "Latitude", Specs.Place::lat),
            number("lon", null, -180, 180, "degrees", "Longitude", Specs.Place::lon),
            of("kind", Field.Kind.CHOICE, String.join("/", Arrays.stream(Specs.PlaceKind.values()).map(Specs.PlaceKind::yaml)
                    .toList()), "What the place is in the trade (production places grow coca; markets end routes)",
                    p -> p.kind().yaml()),
            of("nation", Field.Kind.REFERENCE, "nation id", "Nation whose jurisdiction the place is in", Specs.Place::nation),
            number("population", 0.0, 0, 1e9, "people",
                    "Residents exposed to the trade (a port's or border's community, not a metropolis)",
                    Specs.Place::population),
            new Field<>("coca_ha", Field.Kind.NUMBER, 0.0, 0, 1e7, "ha", "", true,
                    "Coca area at the start (production places only; above 0 there)", Specs.Place::cocaHa),
            new Field<>("region", Field.Kind.TEXT, "", 0, 0, "", "", true,
                    "Region tag for reporting and targeting (e.g. eastern_pacific)", Specs.Place::region),
            new Field<>("port", Field.Kind.MAPPING, null, 0, 0, "{inspected_share: 0-1}", "", true,
                    "A container port whose customs inspect arriving loads (ODD 7.24): inspected_share, the share of "
                            + "containers on the risky lanes scanned or searched (Europol 2023: about 0.1 of those from "
                            + "South America at the EU's main ports); none: no port inspection",
                    p -> p.port() == null ? null : java.util.Map.of("inspected_share", p.port().inspectedShare())));

    public static final List<Field<Specs.Link>> LINK = List.of(
            of("from", Field.Kind.REFERENCE, "place id", "Place the link starts at", Specs.Link::from),
            of("to", Field.Kind.REFERENCE, "place id", "Place the link leads to", Specs.Link::to),
            of("mode", Field.Kind.CHOICE, String.join("/", Arrays.stream(Specs.Mode.values()).map(Specs.Mode::yaml).toList()),
                    "How cargo travels on it", l -> l.mode().yaml()),
            new Field<>("length_km", Field.Kind.NUMBER, null, 0.001, 1e5, "km",
                    "great-circle distance x 1.3 (land), 1.1 (sea) or 1.0 (air)", false, "Length of the link",
                    Specs.Link::lengthKm),
            new Field<>("cost_usd_kg", Field.Kind.NUMBER, null, 0, 1e7, "US$/kg",
                    "length x shipment.cost_<mode>_usd_kg_km", false, "Transport cost of a kg over the link",
                    Specs.Link::costUsdKg),
            number("detectability", null, 0, 1, "per shipment",
                    "Chance that routine enforcement seizes a shipment on the link", Specs.Link::detectability),
            number("capacity_kg_week", null, 0.001, 1e9, "kg/week", "Kg the link can carry in a week",
                    Specs.Link::capacityKgWeek));

    public static final List<Field<Specs.Cartel>> CARTEL = List.of(
            id("Cartel id", Specs.Cartel::id),
            name(Specs.Cartel::name),
            number("capital_musd", null, 0, 1e6, "US$M", "Capital at the start", Specs.Cartel::capitalMusd),
            of("home", Field.Kind.LIST, "production place ids", "Production places the cartel starts from",
                    Specs.Cartel::home));

    public static final List<Field<Specs.Market>> MARKET = List.of(
            id("Market id", Specs.Market::id),
            name(Specs.Market::name),
            of("gateways", Field.Kind.LIST, "place ids of kind market",
                    "The market's gateways: places of kind market where cargo is sold into it (every place of kind "
                            + "market belongs to one market)", Specs.Market::gateways),
            new Field<>("price_usd_kg", Field.Kind.NUMBER, null, 1, 1e7, "US$/kg",
                    "the first gateway's nation's price_usd_kg", false,
                    "Reference wholesale price P_ref: the price at which the market takes its reference supply",
                    Specs.Market::priceUsdKg),
            new Field<>("demand_share", Field.Kind.NUMBER, null, 0.0001, 1, "share", "1 with one market", false,
                    "The market's share of the demand of the scenario's markets (they add up to 1): its reference "
                            + "supply is this share of the burn-in's steady delivered flow", Specs.Market::demandShare));

    private static Field<Specs.Shares> share(String key, String label, String description,
                                             Function<Specs.Shares, Object> get) {
        return new Field<>(key, Field.Kind.NUMBER, 0.0, 0, 1, "share", "", false, description, get, label);
    }

    /**
     * The budget shares of a strategy ({@code strategies[].shares}): they add up to 1, or are all 0 for a
     * baseline with no campaign.
     */
    public static final List<Field<Specs.Shares>> SHARES = List.of(
            share("military", "Military share of budget",
                    "Share of the budget for military interdiction (boats, aircraft, ground units, surveillance)",
                    Specs.Shares::military),
            share("police", "Police share of budget",
                    "Share of the budget for civilian police units (investigations, arrests, searches)",
                    Specs.Shares::police),
            share("development", "Development share of budget",
                    "Share of the budget for development programmes (alternative livelihoods)", Specs.Shares::development),
            share("partnership", "Partnership share of budget",
                    "Share of the budget for partnership (training, intelligence sharing, coordinated operations)",
                    Specs.Shares::partnership));

    /** The names of the budget shares, in declaration order: what a rule moves money from and to. */
    public static final List<String> SHARE_KEYS = SHARES.stream().map(Field::key).toList();

    /**
     * The fields of a strategy's yearly rule ({@code strategies[].rules[]}, ODD 7.22); a rule gives exactly one of
     * {@code below} and {@code above}.
     */
    public static final List<Field<Specs.Rule>> RULE = List.of(
            new Field<>("id", Field.Kind.ID, null, 0, 0, "", "none", true,
                    "Optional name of the rule: --set strategies.<strategy>.rules.<id or position from 0>.<key>=<value>",
                    r -> r.id().isEmpty() ? null : r.id()),
            of("indicator", Field.Kind.CHOICE, "a weekly outcome",
                    "The column of timeseries.csv the rule watches (narcosim outcomes lists them): at a review, a "
                            + "flow's total over the year just ended, a level's mean over it",
                    Specs.Rule::indicator),
            new Field<>("of", Field.Kind.CHOICE, "value", 0, 0, "value, change", "", true,
                    "value: the year's reading; change: its relative change on the year before "
                            + "((this - last) / |last|, none when last is 0)", r -> r.reading().yaml()),
            new Field<>("below", Field.Kind.NUMBER, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "indicator's unit", "or above", false,
                    "Threshold: the condition holds when the reading is strictly below it", Specs.Rule::belowOrNull),
            new Field<>("above", Field.Kind.NUMBER, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "indicator's unit", "or below", false,
                    "Threshold: the condition holds when the reading is strictly above it", Specs.Rule::aboveOrNull),
            new Field<>("years", Field.Kind.NUMBER, 1L, 1, 100, "reviews", "", false,
                    "Reviews running the condition must hold before the rule fires (its lag); firing starts the "
                            + "count again", r -> (long) r.years()),
            number("move", null, 0, 1, "share of budget",
                    "Share of the whole budget the rule moves when it fires (no more than the from share holds)",
                    Specs.Rule::move),
            of("from", Field.Kind.CHOICE, "military, police, development, partnership",
                    "The share the money comes from", Specs.Rule::from),
            of("to", Field.Kind.CHOICE, "military, police, development, partnership",
                    "The share the money goes to", Specs.Rule::to));

    /** The YAML keys of an entity's fields, in declaration order. */
    public static List<String> keys(List<? extends Field<?>> fields) {
        return fields.stream().map(Field::key).toList();
    }

    /** A field by its key. */
    public static <T> Field<T> get(List<Field<T>> fields, String key) {
        for (Field<T> f : fields) {
            if (f.key().equals(key)) return f;
        }
        throw new IllegalArgumentException("no field " + key);
    }

    /** The entities, by the scenario file's section name. */
    public static final List<String> SECTIONS = List.of("nations", "places", "links", "cartels", "markets");

    public static List<? extends Field<?>> of(String section) {
        return switch (section) {
            case "nations" -> NATION;
            case "places" -> PLACE;
            case "links" -> LINK;
            case "cartels" -> CARTEL;
            case "markets" -> MARKET;
            default -> throw new IllegalArgumentException(section);
        };
    }
}
