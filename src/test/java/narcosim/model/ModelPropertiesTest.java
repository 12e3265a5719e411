package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import narcosim.agents.Cartel;
import narcosim.agents.Community;
import narcosim.scenario.RunConfig;
import narcosim.scenario.Scenario;
import narcosim.world.Place;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants over random parameter draws: mass is conserved exactly every week, trust and fear stay in
 * [0,1], and no stock, area, population or count goes negative.
 */
class ModelPropertiesTest {

    private static final String[] SCENARIOS = {"classroom-balloon.yaml", "classroom-hearts-and-minds.yaml"};

    @Property(tries = 40)
    void invariantsHoldEveryWeek(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                 @ForAll @IntRange(min = 0, max = 1) int scenario,
                                 @ForAll @IntRange(min = 0, max = 3) int strategy,
                                 @ForAll @DoubleRange(min = 0, max = 0.6) double lossTolerance,
                                 @ForAll @DoubleRange(min = 0, max = 100) double sweepBoat,
                                 @ForAll @DoubleRange(min = 0, max = 0.3) double searchProb,
                                 @ForAll @DoubleRange(min = 10, max = 600) double peoplePerAgent,
                                 @ForAll @DoubleRange(min = 0, max = 0.3) double lossSea,
                                 @ForAll @DoubleRange(min = 1, max = 20) double negativity,
                                 @ForAll @DoubleRange(min = -2, max = -0.2) double elasticity,
                                 @ForAll boolean eradication, @ForAll boolean permissive,
                                 @ForAll @IntRange(min = 0, max = 30) int burnIn) throws Exception {
        List<String> sets = new ArrayList<>(List.of(
                "cartel.loss_tolerance=" + lossTolerance, "military.sweep_width_boat_km=" + sweepBoat,
                "police.search_prob=" + searchProb, "residents.people_per_agent=" + peoplePerAgent,
                "shipment.loss_sea=" + lossSea, "residents.negativity_ratio=" + negativity,
                "market.demand_elasticity=" + elasticity, "eradication.enabled=" + eradication,
                "military.rules_of_engagement=" + (permissive ? "permissive" : "strict"),
                "run.burn_in_weeks=" + burnIn, "run.years=1", "cartel.split_probability=1",
                "police.leader_share_targeted=0.5", "police.leadership_targeting=true"));
        Scenario sc = Runs.scenario(SCENARIOS[scenario], sets.toArray(new String[0]));
        RunConfig cfg = sc.forStrategy(sc.strategyIds().get(strategy % sc.strategyIds().size()), seed);
        NarcoModel m = new NarcoModel(cfg);
        m.start();
        for (int w = 0; w < burnIn + 52; w++) {
            m.schedule.step(m);
            assertEquals(0, m.massImbalanceKg(), "mass imbalance in week " + w);
            for (Community c : m.communities()) {
                assertTrue(c.smugglers() >= 0 && c.growers() >= 0 && c.jailed() >= 0, "negative count");
                assertTrue(c.smugglers() + c.growers() + c.jailed() <= c.agents(), "more occupied than residents");
                for (int i = 0; i < c.agents(); i++) {
                    float t = c.trust(i);
                    float f = c.fear(i);
                    assertTrue(t >= 0 && t <= 1, "trust out of [0,1]: " + t);
                    assertTrue(f >= 0 && f <= 1, "fear out of [0,1]: " + f);
                }
            }
            for (Place p : m.network().places) {
                assertTrue(p.stockKg() >= 0 && p.cocaHa() >= 0 && p.backlogKg() >= 0, "negative stock at " + p);
            }
            for (Cartel c : m.cartels()) assertTrue(c.stockKg() >= 0 && c.leaders() >= 0, "negative cartel stock");
            double price = m.markets().price();
            assertTrue(price > 0 && Double.isFinite(price), "price " + price);
            assertTrue(m.transit().inTransitKg() >= 0, "negative transit");
        }
    }
}
