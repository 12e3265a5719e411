package narcosim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every model parameter, declared once with its default, range, unit and a one-line description
 * (with its source where the literature gives one). Scenario files set them in sections named by the
 * part before the dot; {@code --set section.name=value} overrides them last.
 */
public final class Params {

    private static final Map<String, Param> ALL = new LinkedHashMap<>();

    private static void real(String key, double def, double min, double max, String unit, String desc) {
        put(new Param(key, Param.Type.REAL, def, min, max, List.of(), unit, desc));
    }

    private static void integer(String key, int def, int min, int max, String unit, String desc) {
        put(new Param(key, Param.Type.INTEGER, def, min, max, List.of(), unit, desc));
    }

    private static void bool(String key, boolean def, String desc) {
        put(new Param(key, Param.Type.BOOLEAN, def, 0, 1, List.of(), "", desc));
    }

    private static void choice(String key, String def, List<String> choices, String desc) {
        put(new Param(key, Param.Type.CHOICE, def, 0, 0, choices, "", desc));
    }

    private static void put(Param p) {
        if (ALL.put(p.key(), p) != null) throw new IllegalStateException("declared twice: " + p.key());
    }

    /** Marks a declared parameter as a policy lever, with its label and the headline measures it should move. */
    private static void lever(String key, String label, String... moves) {
        Param p = ALL.get(key);
        if (p == null) throw new IllegalStateException("no parameter " + key);
        ALL.put(key, p.as(Param.Role.LEVER, label, List.of(moves)));
    }

    /**
     * Marks a lever as conditional: it acts only where a strategy sets it up (names the shipped scenario file and
     * strategy where it does, and what it needs there).
     */
    private static void conditional(String key, String where) {
        ALL.put(key, ALL.get(key).conditional(where));
    }

    /** Marks declared parameters as settings of the run (not the world's properties, not levers). */
    private static void settings(String... keys) {
        for (String key : keys) {
            Param p = ALL.get(key);
            if (p == null) throw new IllegalStateException("no parameter " + key);
            ALL.put(key, p.as(Param.Role.SETTING, p.label(), List.of()));
        }
    }

    static {
        // ---- run
        integer("run.years", 10, 1, 50, "years", "Campaign horizon reported in the outputs (one step = one week).");
        integer("run.burn_in_weeks", 52, 0, 520, "weeks",
                "Weeks simulated before the campaign starts, so cartels settle their routes; not reported.");

        // ---- residents (Epstein 2002; GLODERS; Oliveira et al. 2020)
        real("residents.people_per_agent", 250, 1, 1e6, "people",
                "People that one resident agent stands for (a household group); sets the number of agents.");
        integer("residents.min_agents", 10, 1, 100000, "agents", "Fewest resident agents in a populated place.");
        real("residents.epstein_k", 2.3, 0, 20, "", "Arrest-probability constant k in P = 1 - exp(-k C/A) (Epstein 2002).");
        real("residents.threshold", 0.1, 0, 1, "", "Threshold T: a resident acts if G - N > T (Epstein 2002).");
        real("residents.quit_margin", 0.05, 0, 1, "", "A smuggler or grower quits only when G - N < T - margin (hysteresis).");
        real("residents.decision_rate", 0.25, 0.01, 1, "1/week", "Chance per week that a resident reconsiders its occupation.");
        real("residents.trust_mean", 0.4, 0, 1, "", "Mean initial trust in the state (legitimacy L).");
        real("residents.trust_spread", 0.15, 0, 0.5, "", "Spread (half-width) of initial trust around its mean.");
        real("residents.fear_initial", 0.2, 0, 1, "", "Mean initial fear of cartels.");
        real("residents.positive_step", 0.02, 0, 1, "", "Share of the distance to full trust that a positive contact closes.");
        real("residents.negativity_ratio", 4, 1, 20, "",
                "How much more a negative contact moves trust than a positive one (Oliveira et al. 2020; Skogan 2006).");
        real("residents.event_reach_agents", 15, 0, 1e6, "agents",
                "Resident agents touched by one violent incident or one case of corruption seen in their place.");
        real("residents.harm_reach_agents", 400, 0, 1e6, "agents",
                "Resident agents who learn of one incident of collateral harm by forces (word of mouth, media; Bennett 2008).");
        real("residents.harm_grievance", 0.3, 0, 1, "",
                "Share of the way to full hardship a resident goes when forces harm its community (Bennett 2008).");
        real("residents.state_contact", 0.015, 0, 1, "1/week",
                "Weekly chance of a positive contact with the ordinary state (schools, clinics, services), campaign or not.");
        real("residents.fear_step", 0.15, 0, 1, "", "Share of the distance to full fear closed by exposure to violence.");
        real("residents.fear_decay", 0.02, 0, 1, "1/week", "Weekly decay of fear without violence.");
        real("residents.witness_rate", 0.6, 0, 10, "",
                "Chance of witnessing trafficking per week at full local activity (smugglers and shipments).");
        real("residents.norm_salience_initial", 0.3, 0, 1, "", "Initial norm salience S of reporting (GLODERS).");
        real("residents.norm_salience_rate", 0.1, 0, 1, "1/week", "Rate at which norm salience follows the observed share of reporting.");
        real("residents.trafficking_wage_usd_week", 150, 0, 1e5, "US$/week",
                "Base wage a cartel pays a smuggler, before compensation for risk.");
        real("residents.wage_arrest_weight", 1, 0, 10, "",
                "Crews' risk pay per unit of arrest risk: the wage is w0 (1 + this x P_arrest + wage_fear_weight x fear) "
                        + "(Reuter & Kleiman 1986: traffickers are paid for the risk of prison; size an assumption: "
                        + "the wage doubles where arrest is certain).");
        real("residents.wage_fear_weight", 0.5, 0, 10, "",
                "Crews' risk pay per unit of residents' fear of cartel violence (Reuter, MacCoun & Murphy 1990: dealers' "
                        + "pay compensates the risk of injury and death; size an assumption).");
        real("residents.coca_income_ratio", 2.5, 0, 50, "",
                "Weekly income from growing coca as a multiple of the nation's legal rural income, at a farm-gate "
                        + "factor of 1.");
        real("residents.income_spread", 0.5, 0, 0.95, "", "Spread (half-width, relative) of individual legal income.");
        integer("residents.sentence_weeks", 104, 1, 2080, "weeks", "Weeks an arrested smuggler spends in prison.");
        real("residents.throughput_smoothing", 0.3, 0.01, 1, "",
                "Weight of the latest week in a place's smoothed throughput, which sets the smugglers its traffic calls "
                        + "for and the activity residents witness (about a month of memory; assumption).");
        real("residents.handling_shortage_cap", 4, 1, 100, "",
                "Most the handling cost per kg at a place, and the wage on offer to recruits there, rise as a multiple "
                        + "of the smugglers' wages where fewer residents smuggle than its traffic calls for (ODD 7.7, "
                        + "7.18; assumption).");
        real("residents.activity_smuggler_weight", 3, 0, 100, "",
                "Trafficking activity residents witness rises by this times the share of them who smuggle: activity = "
                        + "min(1, this x smugglers / residents + T / (T + residents.activity_half_kg)), T the smoothed "
                        + "throughput; full activity when a third smuggle (assumption).");
        real("residents.activity_half_kg", 2000, 1, 1e9, "kg/week",
                "Smoothed weekly throughput at which the traffic through a place makes half of full activity for "
                        + "witnessing (assumption).");
        real("residents.report_drive_weight", 0.2, 0, 1, "",
                "Weight of the individual drive IG in the chance that a witness reports, (this x IG + (1 - this) x S)^2, "
                        + "the rest going to norm salience S (GLODERS: 0.2).");
        real("residents.drive_trust_weight", 0.5, 0, 1, "",
                "Weight of trust in the state in the individual drive IG to report; the rest is freedom from fear "
                        + "(assumption).");
        real("residents.salience_observed_weight", 0.5, 0, 1, "",
                "Weight of the observed share of witnesses who report in what norm salience moves towards; the rest "
                        + "is the state's signal (assumption).");
        real("residents.signal_without_police", 0.5, 0, 1, "",
                "Share of the state's normative signal (residents' mean trust) that they see where no honest campaign "
                        + "police unit is present (assumption).");

        // ---- cartels (NarcoLogic: Magliocca et al. 2019)
        real("cartel.risk_alpha", 2, 0, 100, "", "Prior alpha of perceived risk r = (sum w^t e + a)/(sum w^t + a + b) (NarcoLogic).");
        real("cartel.risk_beta", 0.5, 0, 100, "", "Prior beta of perceived risk (NarcoLogic).");
        real("cartel.risk_w", 1, 0, 1, "", "Memory weight w of past seizures (NarcoLogic).");
        integer("cartel.risk_memory_weeks", 13, 1, 52, "weeks", "Weeks of seizure memory (tau = 0..12 in NarcoLogic).");
        real("cartel.loss_tolerance", 0.12, 0, 1, "",
                "Share of departed kg seized over the memory window above which a cartel expands its network.");
        integer("cartel.expansion_max_places", 8, 1, 50, "places", "Most new places added in one expansion (NarcoLogic).");
        integer("cartel.review_weeks", 4, 1, 52, "weeks", "Weeks between a cartel's expansion/consolidation reviews.");
        real("cartel.bribe_share", 0.3, 0, 1, "", "Share of a place's gross margin paid in bribes (NarcoLogic), times the nation's corruption; it corrupts campaign police there.");
        real("cartel.route_temperature", 0.005, 0.001, 1, "",
                "Logit temperature of next-link choice, relative to the route's value (lower = greedier).");
        integer("cartel.shipment_kg", 800, 1, 100000, "kg", "Size of one shipment.");
        real("cartel.kg_per_smuggler_week", 250, 1, 1e6, "kg/week",
                "Kg one smuggler agent moves out of a populated place per week: the crews' capacity there is smugglers x "
                        + "this, and the smugglers a place calls for are (throughput + kg waiting) / this (ODD 7.7; assumption).");
        integer("cartel.leaders", 5, 1, 100, "", "Leaders of a cartel at the start.");
        integer("cartel.leader_replacement_weeks", 26, 1, 520, "weeks", "Weeks to replace an arrested leader.");
        integer("cartel.split_leader_losses", 2, 1, 100, "", "Leaders lost within the split window that can split a cartel (Dell 2015).");
        integer("cartel.split_window_weeks", 26, 1, 520, "weeks", "Window over which leader losses are counted.");
        real("cartel.split_probability", 0.5, 0, 1, "", "Chance that enough leader losses split the cartel into two rivals.");
        real("cartel.split_share", 0.5, 0.05, 0.95, "",
                "Share of the capital, and of the leaders (at least one), that a splinter takes from its parent; the "
                        + "homes are shared out alternately (Dell 2015 describes splits, not their shares: assumption).");
        real("cartel.blocked_value_share", 0.5, 0, 1, "",
                "A cartel also expands when, from some home, its own network is worth less than this share of what the "
                        + "whole map offers (no route, or one so congested or risky; assumption).");
        real("cartel.contest_violence", 0.4, 0, 100, "incidents/week",
                "Expected violent incidents per week per rival at a contested place, on average over the burn-in's "
                        + "last 13 weeks: a place's rate is this x the value at stake there (kg x local price) x (1 - HHI "
                        + "of the rivals' kg), over its mean per rival then (Castillo, Mejia & Restrepo 2020; Dell 2015).");
        real("cartel.contest_exit", 0.03, 0, 1, "1/week", "Weekly chance the weaker cartel leaves a contested place.");
        real("cartel.disruption_per_arrest", 0.25, 0, 10, "",
                "Rise in a cartel's transport and handling costs (as a share) right after one of its leaders is arrested: "
                        + "lost contacts and routes (no source sizes it: assumption).");
        integer("cartel.disruption_half_life_weeks", 26, 1, 520, "weeks",
                "Half-life of that disruption: effects of leader captures last months to about a year (Calderon et al. "
                        + "2015; Lindo & Padilla-Romo 2018).");
        integer("cartel.capital_weeks", 26, 1, 520, "weeks",
                "A cartel keeps as capital at most its spending of this many recent weeks and pays out the rest "
                        + "(profits taken out of the business; assumption).");
        integer("cartel.insolvency_weeks", 13, 1, 520, "weeks",
                "A cartel whose capital stays below zero this many weeks in a row goes bankrupt and leaves the market: "
                        + "longer than a journey, so income on its way counts (a quarter; assumption).");
        integer("cartel.merge_half_life_weeks", 104, 1, 5200, "weeks",
                "Half-life of a splinter before it merges back into its parent or is absorbed by a rival (Mexico's "
                        + "fragmentation lasted years: assumption).");

        // ---- shipments
        real("shipment.speed_land_km_week", 700, 1, 1e5, "km/week", "Overland speed of a shipment, stops included.");
        real("shipment.speed_sea_km_week", 2000, 1, 1e5, "km/week", "Speed at sea (go-fast boats, semi-submersibles).");
        real("shipment.speed_air_km_week", 20000, 1, 1e6, "km/week", "Speed by light aircraft.");
        real("shipment.loss_land", 0.001, 0, 1, "", "Chance per traversal that a land shipment is lost (theft, accident).");
        real("shipment.loss_sea", 0.004, 0, 1, "", "Chance per traversal that a sea shipment is lost (jettisoned, sunk).");
        real("shipment.loss_air", 0.01, 0, 1, "", "Chance per traversal that an air shipment is lost (crash).");
        real("shipment.cost_land_usd_kg_km", 0.9, 0, 100, "US$/kg/km", "Default transport cost per kg and km over land.");
        real("shipment.cost_sea_usd_kg_km", 0.5, 0, 100, "US$/kg/km", "Default transport cost per kg and km at sea.");
        real("shipment.cost_air_usd_kg_km", 0.8, 0, 100, "US$/kg/km", "Default transport cost per kg and km by air.");

        // ---- market (Caulkins et al. 1993; NarcoLogic)
        real("market.yield_kg_per_ha_year", 7.0, 0, 100, "kg/ha/year", "Cocaine produced per hectare of coca per year (UNODC).");
        real("market.share_of_production", 0.6, 0, 1, "",
                "Share of Andean production bound for the scenario's markets (all of them; each market's part is its "
                        + "demand_share); the rest goes to markets the scenario does not model.");
        real("cartel.wait_discount", 0.97, 0.5, 1, "1/week",
                "Value kept per week a shipment expects to wait at a congested place (backlog over outgoing capacity).");
        real("market.demand_elasticity", -0.7, -2.5, -0.2, "",
                "Price elasticity of demand at the market (-0.5 to -1 in the brief; published estimates for cocaine span "
                        + "-0.2 (participation) to -2.5: NRC 2001, Informing America's Policy on Illegal Drugs).");
        real("market.supply_smoothing", 0.15, 0.001, 1, "",
                "Weight of the latest week in the market's smoothed supply, in the smoothed costs of the kilograms "
                        + "arriving (the prices along the chain) and in the farm-gate factor.");
        real("market.supply_factor_cap", 4, 1, 100, "",
                "The scarcity factor of the gateway price (inverse demand at the supply on offer over the supply price) "
                        + "and the farm-gate factor (wanted over harvested) are held between 1/this and this (a bound; "
                        + "assumption).");
        real("market.stock_weeks", 4, 1, 52, "weeks",
                "Weeks over which the market runs down a stock of delivered, unconsumed cocaine: the stock adds "
                        + "stock/this to the supply on offer, and traffickers plan that much less (assumption: "
                        + "wholesalers hold about a month's sales).");
        real("market.planting_elasticity", 0.6, 0, 1.2, "",
                "Elasticity of the coca area each grower tends to the farm-gate factor (growers plant more when buyers "
                        + "want more of their harvest); "
                        + "crop acreage elasticities are 0 to 0.8 in the short run and 0.3 to 1.2 in the long run "
                        + "(Rao 1989, survey of agricultural supply response).");
        integer("market.planting_weeks", 52, 1, 520, "weeks",
                "Time constant with which the farm-gate factor growers expect, and plant by, follows the observed one "
                        + "(adaptive expectations, Nerlove 1958; new bushes take about a year to yield).");
        real("market.price_cap_factor", 25, 4, 100, "",
                "Most the market price may reach as a multiple of the reference price (a bound, not a behaviour; "
                        + "assumption): far above any US price since 1981 (ONDCP 2004).");
        real("market.coca_area_cap_factor", 10, 2, 50, "",
                "Most coca area a production place may reach as a multiple of its scenario area (a bound; assumption): "
                        + "about twice Colombia's fastest decade of expansion, 48,000 ha in 2013 to 253,000 ha in 2023 "
                        + "(UNODC coca surveys).");

        // ---- military
        choice("military.targeting", "static", List.of("static", "intelligence"),
                "Static chokepoints, or intelligence-led targeting of last month's successful and busiest links (NarcoLogic).");
        choice("military.rules_of_engagement", "strict", List.of("strict", "permissive"),
                "Rules of engagement: permissive ones interdict a little more and harm residents far more often.");
        put(new Param("military.focus_region", Param.Type.REGION, "none", 0, 0, List.of(), "",
                "Static doctrine: post forces only on links into or within this region (a corridor crackdown), or none."));
        real("military.cost_boat_musd_year", 30, 0.01, 1e4, "US$M/year", "Cost of one patrol boat (cutter, crew, fuel).");
        real("military.cost_aircraft_musd_year", 45, 0.01, 1e4, "US$M/year", "Cost of one maritime patrol aircraft.");
        real("military.cost_ground_musd_year", 12, 0.01, 1e4, "US$M/year", "Cost of one ground unit (battalion task force).");
        real("military.cost_surveillance_musd_year", 25, 0.01, 1e4, "US$M/year", "Cost of one surveillance asset (radar, drone).");
        real("military.mix_boat", 0.4, 0, 1, "", "Share of the military budget spent on patrol boats.");
        real("military.mix_aircraft", 0.2, 0, 1, "", "Share spent on aircraft.");
        real("military.mix_ground", 0.3, 0, 1, "", "Share spent on ground units.");
        real("military.mix_surveillance", 0.1, 0, 1, "", "Share spent on surveillance.");
        // Search and cueing (Koopman 1946; ODD 7.9): a searcher of sweep width W, speed v and hours on station H a
        // week finds a target crossing a search area A in T hours with probability 1 - exp(-W v (H/168) T / A).
        sweep("boat", 20, 25, 120, "a cutter or patrol vessel with its radar and embarked helicopter");
        sweep("aircraft", 15, 450, 30, "a maritime patrol aircraft's radar against small, low craft (sorties of 8-10 h)");
        sweep("ground", 0.2, 10, 100, "a ground unit's checkpoints and patrols along a road or river");
        sweep("surveillance", 20, 150, 60, "a radar, aerostat or long-endurance drone (EO/IR and radar)");
        real("military.search_width_sea_km", 200, 0.1, 1e5, "km",
                "Width of a sea link's search area: area = length x width. The Eastern Pacific transit zone (several "
                        + "million km2) spread over the scenario's lanes; straits and coastal legs are short, so small (assumption).");
        real("military.search_width_land_km", 2, 0.01, 1e4, "km",
                "Width of a land link's search area: a road or river corridor and its tracks (assumption).");
        real("military.search_width_air_km", 100, 0.1, 1e5, "km",
                "Width of an air link's search area: the band light aircraft fly without flight plans (assumption).");
        real("military.cue_area_sea_km2", 2500, 1, 1e7, "km2",
                "Area left to search at sea or in the air once a cue is held: a track's or tip's position error, "
                        + "about 28 km around the reported position (assumption).");
        real("military.cue_area_land_km2", 20, 0.01, 1e6, "km2",
                "Area left to search on land once a cue is held: the stretch of road or river a tip names (assumption).");
        real("military.cue_hours", 12, 0.1, 1000, "h",
                "Hours a cue stays good enough to act on: the end-game unit must reach and find the target within it "
                        + "(a track ages without re-acquisition; assumption).");
        real("military.intel_cue_max", 0.3, 0, 1, "",
                "Chance that a nation holds a cue on a shipment crossing a link its intelligence marks as fully used "
                        + "(estimate 1): informants, tips and wiretaps name a boat or truck; cue chance = this x estimate. "
                        + "Most transit-zone seizures start from such law-enforcement cues (Munsing & Lamb 2011); the value "
                        + "is an assumption.");
        real("military.handover_hours", 12, 0, 1000, "h",
                "Hours within which police must take over a crew seized by a military that may not arrest, or the arrest "
                        + "and its evidence are lost (detention without charge is short: assumption).");
        integer("military.targets_week_boat", 2, 0, 1000, "targets/week",
                "Targets one boat can act on in a week: transit, pursuit, boarding, evidence and detainees take "
                        + "days (US Southern Command 2014: detected events far outnumber the ships to act; assumption).");
        integer("military.targets_week_ground", 5, 0, 1000, "targets/week",
                "Targets one ground unit can act on in a week: stops, searches and arrests (assumption).");
        integer("military.targets_week_aircraft", 1, 0, 1000, "targets/week",
                "Targets one aircraft can act on in a week on air links, as an interceptor tracking a flight to its "
                        + "landing (assumption).");
        real("military.interdict_prob", 0.5, 0, 1, "", "Chance that a detection ends in a seizure (high power per contact).");
        real("military.permissive_bonus", 0.15, 0, 1, "", "Relative rise in interdiction under permissive rules of engagement.");
        real("military.no_pursuit_factor", 0.3, 0, 1, "",
                "Interdiction chance kept on a cross-border link when the next nation does not coordinate operations.");
        real("military.collateral_strict", 0.02, 0, 1, "", "Chance of collateral harm per contact in a populated place, strict rules.");
        real("military.collateral_permissive", 0.15, 0, 1, "", "Chance of collateral harm per contact, permissive rules (Bennett 2008).");
        real("military.harm_capability_factor", 0.5, 0, 1, "",
                "Share of collateral harm that fully trained forces avoid: harm chance x (1 - this x capability) "
                        + "(Bennett 2008: accuracy matters more than effectiveness; the value is an assumption).");
        real("military.clash_violence", 0.1, 0, 1, "", "Chance that a contact in a populated place turns into a violent clash.");
        real("military.capability_initial", 0.6, 0.05, 1, "", "Initial capability (training) of forces; scales detection, lowers harm.");
        real("military.intel_update", 0.6, 0, 1, "", "Update weight of estimated link use p <- (1-u) p + u 1[signal] (NarcoLogic).");
        real("military.contact_signal", 0.7, 0, 1, "",
                "Signal of traffic a nation takes on a link from a detection by its units, against 1 for a seizure "
                        + "(NarcoLogic's signal is 1 for an interdiction; a sighting without seizure counts less: assumption).");
        real("military.tips_per_signal", 10, 1, 1000, "tips",
                "Tips at a place that would give its nation a signal of 1 on each link leaving it: strength = tips / this, "
                        + "at most military.tip_signal_max (assumption).");
        real("military.tip_signal_max", 0.5, 0, 1, "",
                "Strongest signal residents' tips give on a link, below a detection's: tips tell that traffic leaves "
                        + "a place, not by which link (assumption).");
        real("military.intel_percentile", 0.75, 0, 1, "", "Percentile of estimated use above which links are targeted (NarcoLogic).");
        integer("military.reassign_weeks", 4, 1, 52, "weeks", "Weeks between intelligence-led reassignments.");
        integer("military.static_chokepoints", 3, 1, 100, "links",
                "Chokepoints over which a static doctrine spreads each nation's units of one type, plus one per "
                        + "military.static_units_per_chokepoint units, so as not to pile every unit on one link (assumption).");
        integer("military.static_units_per_chokepoint", 10, 1, 10000, "units",
                "Military units fielded (all nations and types) per extra chokepoint in a static doctrine's spread "
                        + "(assumption).");

        // ---- police (MADTOR; GLODERS)
        real("police.cost_unit_musd_year", 4, 0.01, 1e4, "US$M/year", "Cost of one police unit (about 50 officers with investigators).");
        real("police.posting_throughput_kg", 1000, 1, 1e9, "kg/week",
                "Weekly throughput at which a place draws twice the police its population alone would: posting weight "
                        + "sqrt(population) x (1 + throughput / this) (assumption).");
        real("police.officers_per_unit", 50, 1, 10000, "officers", "Officers in one police unit (the C of Epstein's C/A).");
        real("police.background_officers_per_10k", 30, 0, 10000, "officers",
                "Officers of ordinary local policing per 10,000 residents, campaign or not.");
        real("police.response_speed_kmh", 30, 0.1, 1000, "km/h",
                "Speed at which police reach a military seizure to take over the crew (roads, rivers; assumption).");
        real("police.evidence_per_handover", 2, 0, 100, "",
                "Evidence an investigation gains from a crew handed over or arrested at its place (phones, testimony; "
                        + "assumption, against 1 per tip).");
        real("police.evidence_per_tip", 1, 0, 100, "", "Evidence an investigation gains from one tip.");
        real("police.evidence_decay", 0.15, 0, 1, "1/week", "Weekly decay of evidence not acted on.");
        real("police.arrest_rate", 0.03, 0, 100, "arrests/week", "Arrests per week per unit at one unit of evidence.");
        real("police.arrest_saturation", 3, 0.01, 1e4, "",
                "Evidence at which arrests reach half their maximum: diminishing returns (MADTOR, Manzi & Calderoni 2024).");
        real("police.search_prob", 0.006, 0, 1, "", "Chance a unit searches a shipment passing its place and seizes it.");
        real("police.search_evidence_gain", 1.0, 0, 100, "", "Relative rise of the search chance with evidence, saturating at the arrest saturation (at most 1 + gain).");
        real("police.presence_contact", 0.02, 0, 1, "", "Weekly chance a resident has a positive contact per honest unit present.");
        real("police.corruption_rate", 0.04, 0, 1, "1/week", "Weekly chance an unvetted unit in a fully corrupt nation turns, when bribed.");
        real("police.bribe_scale_usd", 2e5, 1, 1e9, "US$/week",
                "Weekly bribe at which a unit is 63% of the way to its corruption chance, and at which a cartel's smoothed "
                        + "weekly bribes at a place buy 63% of the protection there.");
        real("police.protection_max", 0.7, 0, 1, "",
                "Largest share of a bribing cartel's shipments that police at a place let pass in a fully corrupt nation: "
                        + "protection = this x corruption x (1 - exp(-smoothed bribes / bribe_scale_usd)) (assumption; "
                        + "NarcoLogic's bribes secure territory, Reuter & Trautmann 2009).");
        real("police.protection_smoothing", 0.25, 0.001, 1, "1/week",
                "Weight of last week's bribes in the smoothed weekly bribes that buy protection (assumption: about a month's memory).");
        real("police.transparency_purge_gain", 1, 0, 100, "",
                "Relative rise of the purge rate with the nation's transparency: purge x (1 + this x transparency); "
                        + "accountability finds corruption (Klitgaard 1988; the value is an assumption).");
        real("police.purge_rate", 0.02, 0, 1, "1/week", "Weekly chance a corrupt unit is purged and replaced.");
        bool("police.vetting", false, "Vetted units (polygraph, salary top-up) resist bribes; they cost more.");
        real("police.vetting_factor", 0.15, 0, 1, "", "Multiplier on corruption chance, and on the protection bribes buy, for vetted units.");
        real("police.vetting_cost", 0.25, 0, 10, "", "Extra cost of a vetted unit, relative.");
        bool("police.leadership_targeting", false, "Investigations aim at cartel leaders (kingpin strategy).");
        real("police.leader_share_targeted", 0.02, 0, 1, "", "Share of arrests that hit leaders when leadership targeting is on.");
        real("police.leader_share_untargeted", 0.001, 0, 1, "", "Share of arrests that hit leaders otherwise.");

        // ---- port inspection at places with a port: mapping (ODD 7.24; data/targets/port-inspection-research.md)
        real("port.targeting_lift", 2.5, 0, 20, "x",
                "How much likelier customs' risk analysis selects a loaded container than a random one: the chance a load is "
                        + "inspected is min(1, inspected_share x this) (UNODC-WCO Container Control Programme: high-risk "
                        + "containers are targeted; no hit rate is published, so the value is judgement, 1-5).");
        real("port.detection_given_inspection", 0.7, 0, 1, "",
                "Chance that an inspected loaded container's cocaine is found (concealment in machinery or structure "
                        + "defeats some searches, Hamburg customs 2019; judgement, 0.5-0.9).");
        real("port.rip_off_max", 0.7, 0, 1, "",
                "Chance, in a fully corrupt nation, that a load is taken out of the port by bought insiders before "
                        + "inspection (rip-off); times the port's nation's corruption (Europol 2023: corrupted port "
                        + "workers and extraction teams; the share is judgement, 0.5-0.9).");
        real("port.extraction_share", 0.1, 0, 1, "",
                "Pay to the insiders and extraction crew of a load taken out by rip-off, as a share of its value there "
                        + "(its costs and margin so far, ODD 7.14), carried in the price as crews' risk pay (Europol 2023: "
                        + "7-15% of the shipment's value; BBC via InSight Crime: about EUR 2,000/kg at Rotterdam).");

        // ---- development (Borrero & Parada 2022)
        real("development.cost_programme_musd_year", 10, 0.01, 1e4, "US$M/year",
                "Cost of one community programme (alternative livelihoods, roads, schooling).");
        integer("development.lag_weeks", 104, 0, 520, "weeks", "Lag to first harvest of alternative crops (coffee, cacao: about 24 months).");
        integer("development.ramp_weeks", 52, 1, 520, "weeks", "Weeks from first harvest to full effect.");
        real("development.income_gain", 0.6, 0, 10, "", "Relative rise of legal income in a community at full effect.");
        real("development.security_dependency", 0.6, 0, 1, "",
                "Share of the income gain lost where residents fear cartels (development works best with security).");
        integer("development.services_lag_weeks", 52, 0, 156, "weeks",
                "Lag before a programme's roads, schools and services are in use (assumption: about a year to build them).");
        real("development.services_contact", 0.02, 0, 1, "",
                "Weekly chance of a positive contact per programme whose services are in use (0.02 per programme, as the contact it replaced).");
        real("development.consultation_contact", 0, 0, 1, "",
                "Weekly chance of a positive contact from consultation and visible works, from week 1 (no source sizes it; 0 = off).");
        integer("development.programmes_per_place", 3, 1, 100, "", "Most programmes in one community.");

        // ---- eradication (Mejia; Colombia's spraying record)
        bool("eradication.enabled", false, "Forced eradication of coca fields (paid from the military budget).");
        real("eradication.budget_share", 0.15, 0, 1, "", "Share of the military budget spent on eradication when enabled.");
        real("eradication.cost_usd_ha", 2500, 1, 1e6, "US$/ha", "Cost of eradicating one hectare.");
        real("eradication.kill_fraction", 0.6, 0, 1, "", "Share of a sprayed hectare really destroyed.");
        integer("eradication.replant_weeks", 20, 1, 520, "weeks", "Time constant of replanting after eradication (quick reversal).");
        integer("eradication.resprout_weeks", 8, 1, 520, "weeks",
                "Time constant in which destroyed bushes that growers pruned come back, besides replanting; calibrated towards Colombia's record.");
        integer("eradication.memory_weeks", 13, 1, 520, "weeks",
                "Weeks over which growers remember eradication at their place: the eradication risk in their growing "
                        + "decision is the area eradicated over about this many weeks (a sum with weekly weight "
                        + "1 - 1/this) over the coca area (about a quarter; assumption).");
        real("eradication.displaced_share", 0.5, 0, 1, "",
                "Most of the area eradication destroys at a place that growers replant at less-sprayed production "
                        + "places instead of letting it resprout there (Dion and Russler 2008; Rincon-Ruiz and Kallis 2013: "
                        + "spraying displaces cultivation; no study measures the share: 0.5 is an assumption).");
        real("eradication.cross_border_weight", 0.5, 0, 1, "",
                "Weight of a production place across a border against one in the same nation in where displaced "
                        + "planting goes (UNODC coca surveys: the Andean balloon crossed borders over years, within "
                        + "Colombia within a year or two; 0.5 is an assumption).");
        integer("eradication.end_week", -1, -1, 2600, "week",
                "Campaign week from which eradication stops and its budget is no longer spent (-1: never).");

        // ---- partnership
        real("partnership.intel_share", 0.8, 0, 1, "",
                "Chance that a cue or signal one partner holds reaches another, with liaison fully funded (x the liaison level).");
        bool("partnership.coordinated_operations", true, "Partners pursue across borders and operate in each other's waters.");
        real("partnership.mix_training", 0.3, 0, 1, "", "Share of the partnership money spent on joint training.");
        real("partnership.mix_surveillance", 0.4, 0, 1, "",
                "Share of the partnership money spent on shared surveillance assets (at military.cost_surveillance_musd_year; "
                        + "their cues reach every cooperating partner).");
        real("partnership.mix_liaison", 0.3, 0, 1, "",
                "Share of the partnership money spent on liaison officers, secure communications and agreements (sets how much "
                        + "intelligence partners pass on).");
        real("partnership.training_rate", 0.01, 0, 1, "1/week", "Weekly growth of forces' capability towards 1 at saturated training spend.");
        real("partnership.training_scale_musd_year", 40, 0.01, 1e4, "US$M/year",
                "Training spend that buys 63% of the saturated training rate: level = 1 - exp(-spend / this); partners' "
                        + "academies and units absorb only so much (assumption).");
        real("partnership.liaison_scale_musd_year", 30, 0.01, 1e4, "US$M/year",
                "Liaison spend that buys 63% of full sharing: level = 1 - exp(-spend / this) (assumption).");
        real("partnership.suspension_per_harm", 0.01, 0, 1, "",
                "Chance that one collateral-harm incident on a partner's territory makes it suspend cooperation (Ahuas, "
                        + "Honduras, 2012: civilians killed in a joint counter-drug raid strained the partnership; assumption).");
        real("partnership.suspension_per_incursion", 0.05, 0, 1, "",
                "Chance that a seizure made in a nation's territory without its agreement makes it suspend cooperation "
                        + "(Angostura 2008: a raid across the Ecuadorian border broke relations; assumption).");
        real("partnership.suspension_per_scandal", 0.002, 0, 1, "",
                "Chance that a corruption scandal residents see makes the nation suspend cooperation (assumption).");
        integer("partnership.suspension_weeks", 52, 1, 520, "weeks", "Weeks a partner suspends cooperation after an instability shock.");
        integer("partnership.withdrawal_week", -1, -1, 2600, "week",
                "Campaign week at which partnership.withdrawal_nation leaves for good (-1: never).");
        put(new Param("partnership.withdrawal_nation", Param.Type.NATION, "none", 0, 0, List.of(), "",
                "Nation (id) that withdraws from the partnership at partnership.withdrawal_week, or none."));

        // ---- violence
        real("violence.trust_effect", 1.0, 0, 10, "", "Weight of violence among negative contacts (the state fails to protect).");

        // ---- what each parameter is: the levers a strategy sets (with the headline measures they are meant to
        // move), the settings of a run; every other parameter is an uncertain property of the model's world.
        String flow = "delivered_kg_total";
        String seized = "seized_kg_total";
        String price = "price_usd_kg_final_year";
        String violence = "violent_incidents_total";
        String harm = "collateral_harm_total";
        String trust = "mean_trust_final_year";
        String recruits = "recruits_total";
        String coca = "coca_ha_final_year";
        lever("military.targeting", "Intelligence-led targeting", flow, seized);
        lever("military.rules_of_engagement", "Permissive rules of engagement", seized, harm, trust);
        lever("military.focus_region", "Military focus region", flow, seized);
        lever("military.mix_boat", "Share of military money for patrol boats", flow, seized);
        lever("military.mix_aircraft", "Share of military money for aircraft", flow, seized);
        lever("military.mix_ground", "Share of military money for ground units", flow, seized, harm);
        lever("military.mix_surveillance", "Share of military money for surveillance", flow, seized);
        lever("police.vetting", "Vetted police units", flow, price, trust);
        lever("police.leadership_targeting", "Leadership targeting (kingpin strategy)", flow, price, violence);
        lever("eradication.enabled", "Forced eradication", coca, trust, recruits);
        lever("eradication.budget_share", "Share of military money for eradication", coca, trust);
        lever("development.programmes_per_place", "Development programmes per community", recruits, coca, trust);
        lever("partnership.intel_share", "Share of intelligence passed to partners", flow, seized);
        lever("partnership.coordinated_operations", "Coordinated operations across borders", flow, seized);
        // The focus region is a lever only where a strategy focuses its military on a region (the default
        // scenario's strategies do not); the classroom corridor crackdown does.
        conditional("military.focus_region", "classroom-balloon.yaml:corridor-crackdown");
        settings("run.years", "run.burn_in_weeks", "residents.people_per_agent", "residents.min_agents",
                "partnership.withdrawal_week", "partnership.withdrawal_nation", "eradication.end_week");
    }

    /** A searcher's sweep width, search speed and hours on station a week (Koopman 1946; ODD 7.9; assumptions). */
    private static void sweep(String type, double widthKm, double speedKmh, double hoursWeek, String what) {
        real("military.sweep_width_" + type + "_km", widthKm, 0, 1e4, "km", "Sweep width of " + what + ".");
        real("military.search_speed_" + type + "_kmh", speedKmh, 0, 1e5, "km/h", "Search speed of " + what + ".");
        real("military.hours_on_station_" + type, hoursWeek, 0, 168, "h/week", "Hours a week on station of " + what + ".");
    }

    private Params() {
    }

    public static Param get(String key) {
        return ALL.get(key);
    }

    /**
     * Parameters an earlier version had under another name: the old key, and what to write instead (a file or a
     * --set with the old key gets this as its error, not a guess).
     */
    private static final Map<String, String> RENAMED = Map.of("market.north_share",
            "was renamed market.share_of_production: the share of production bound for the scenario's markets, all "
                    + "of them (a scenario lists its markets under markets:, each with its demand_share)");

    /** Why an old parameter key is no longer read, or null if the key was never renamed. */
    public static String renamed(String key) {
        return RENAMED.get(key);
    }

    public static boolean has(String key) {
        return ALL.containsKey(key);
    }

    public static List<Param> all() {
        return Collections.unmodifiableList(new ArrayList<>(ALL.values()));
    }

    public static List<String> sections() {
        return ALL.values().stream().map(Param::section).distinct().toList();
    }

    public static List<String> keysIn(String section) {
        return ALL.values().stream().filter(p -> p.section().equals(section)).map(Param::name).toList();
    }

    /** The defaults of every parameter. */
    public static Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Param p : ALL.values()) m.put(p.key(), p.defaultValue());
        return m;
    }
}
