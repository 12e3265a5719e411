package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.scenario.ScenarioException;
import narcosim.scenario.ScenarioLoader;
import narcosim.util.StateException;
import narcosim.world.Place;

/**
 * Issue 10, item 2: in-range parameters must not overflow or exhaust memory. The two reported cases, the
 * caps that bound price, premium and coca area, the bound on shipments, checked kilogram arithmetic, and
 * the clear failure of a run that leaves the valid state.
 */
class ModelStateTest {

    private static NarcoModel run(String... sets) throws Exception {
        NarcoModel m = new NarcoModel(TestModels.load(TestModels.BALLOON, sets).forStrategy("integrated", 1));
        m.runToEnd();
        return m;
    }

    // ------------------------------------------------------------------ the reported cases

    /**
     * Reported: risk_base 0.05, risk_exponent 8, planting_elasticity 5, pass-through 1 gave a price of
     * $1.6e12/kg, 1e29 ha and a wrapped stock. NarcoLogic's risk premium has since been replaced by the price
     * chain (ODD 7.14), so its parameters are refused as unknown; the planting elasticity outside what the
     * literature supports (ODD 8.4) is refused naming its range, before anything runs.
     */
    @Test
    void theReportedValuesAreRefusedAsInput() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(TestModels.BALLOON,
                List.of("run.years=2", "market.risk_base=0.05", "market.planting_elasticity=5")));
        assertTrue(e.getMessage().contains("market.risk_base"), e.getMessage());
        for (String bad : new String[] {"market.risk_exponent=8", "market.price_pass_through=1",
            "market.planting_elasticity=5", "market.demand_elasticity=-3"}) {
            assertThrows(ScenarioException.class, () -> ScenarioLoader.load(TestModels.BALLOON, List.of(bad)), bad);
        }
    }

    /** The planting elasticity at the edge of its range runs to sane numbers, and no cap is needed. */
    @Test
    void theReportedCasesAtTheEdgesOfTheNewRangesRunToSaneNumbers() throws Exception {
        NarcoModel m = run("run.years=2", "market.planting_elasticity=1.2");
        ParameterSpaceTest.assertSane(m);
        assertEquals("", m.capsNote(), "no cap held");
        double ref = m.markets().referencePrice();
        // The price is the supply price (costs along the chain, which a campaign raises) times a scarcity factor held
        // within market.supply_factor_cap (4); it is not bounded by 4 times the reference price: over seeds 1-160 this
        // run's final price exceeded 4 x reference at 112 seeds before issue 16's resident event streams and 124 after
        // (Welch p = 0.16, KS p = 0.33: no change), at most 8.2 x and 7.8 x. Seed 1 had passed 4 x by chance (1.7 x).
        assertTrue(m.markets().scarcity() <= 4 + 1e-9, "scarcity within its factor: " + m.markets().scarcity());
        assertTrue(m.markets().price() <= 10 * ref, "price sane: " + m.markets().price() / ref + " x reference");
        for (Place p : m.network().places) {
            if (p.isProduction()) assertTrue(p.cocaHa() < 2 * p.spec.cocaHa(), p + ": " + p.cocaHa() + " ha");
        }
    }

    /**
     * Within the ranges the price can reach a low cap when demand is at its least elastic (-0.2: a 10%
     * shortage doubles the clearing price) under a campaign: the cap holds the price, the run completes with
     * bounded numbers, and it says which caps held.
     */
    @Test
    void capsHoldThePriceWhenItWouldRunAway() throws Exception {
        NarcoModel m = run("run.years=2", "market.demand_elasticity=-0.2", "market.price_cap_factor=4");
        ParameterSpaceTest.assertSane(m);
        assertTrue(m.markets().price() <= 4 * m.markets().referencePrice() * (1 + 1e-12));
        assertTrue(m.priceCapWeeks() > 0, "the price cap held");
        String note = m.capsNote();
        assertTrue(note.contains("market.price_cap_factor") && note.contains("market.demand_elasticity=-0.2"), note);
    }

    /** The caps are registry parameters; lower ones bind sooner and still leave a valid run. */
    @Test
    void capsAreParameters() throws Exception {
        NarcoModel m = run("run.years=1", "market.price_cap_factor=4", "market.coca_area_cap_factor=2",
                "market.demand_elasticity=-0.2");
        ParameterSpaceTest.assertSane(m);
        assertTrue(m.markets().price() <= 4 * m.markets().referencePrice());
        Place narino = TestModels.place(m, "narino");
        assertTrue(narino.cocaHa() <= 2 * narino.spec.cocaHa());
    }

    // ------------------------------------------------------------------ memory is bounded by design

    /**
     * One-kilogram shipments that take years to cross a link (the ranges' corners) used to pile up one
     * object per kilogram; shipments on their way are bounded and the rest of the cargo waits in stock.
     */
    @Test
    void shipmentsInFlightAreBounded() throws Exception {
        NarcoModel m = new NarcoModel(TestModels.load(TestModels.BALLOON, "run.years=1", "run.burn_in_weeks=0",
                "cartel.shipment_kg=1", "shipment.speed_land_km_week=1", "shipment.speed_sea_km_week=1",
                "market.yield_kg_per_ha_year=100", "market.share_of_production=1", "cartels.pacific_network.capital_musd=1000000")
                .forStrategy("baseline", 3));
        m.start();
        int most = 0;
        for (int w = 0; w < 52; w++) {
            m.schedule.step(m);
            most = Math.max(most, m.shipments().size());
            assertTrue(m.shipments().size() <= Transit.MAX_SHIPMENTS);
            assertEquals(0, m.massImbalanceKg());
        }
        assertEquals(Transit.MAX_SHIPMENTS, most, "the bound is reached here");
        assertTrue(m.transit().capWeeks() > 0 && m.stockKg() > 0, "the rest waits in stock");
        assertTrue(m.capsNote().contains("shipments on their way"), m.capsNote());
    }

    /** Resident agents are bounded too: a population that would need more fails at the start, clearly. */
    @Test
    void tooManyResidentAgentsFailAtTheStart() throws Exception {
        NarcoModel m = new NarcoModel(TestModels.load(TestModels.BALLOON, "places.narino.population=1000000000",
                "residents.people_per_agent=1").forStrategy("baseline", 1));
        ModelStateException e = assertThrows(ModelStateException.class, m::start);
        ParameterSpaceTest.assertClear(e);
        assertTrue(e.getMessage().contains("at the start") && e.getMessage().contains("residents.people_per_agent=1"),
                e.getMessage());
    }

    /** So are units: a budget that would buy hundreds of millions of boats fails when the campaign deploys. */
    @Test
    void tooManyUnitsFailWhenTheCampaignDeploys() throws Exception {
        NarcoModel m = new NarcoModel(TestModels.load(TestModels.BALLOON, "run.years=1", "run.burn_in_weeks=2",
                "budget.total_musd_per_year=10000000", "military.cost_boat_musd_year=0.01")
                .forStrategy("corridor-crackdown", 1));
        ModelStateException e = assertThrows(ModelStateException.class, m::runToEnd);
        ParameterSpaceTest.assertClear(e);
        assertTrue(e.getMessage().startsWith("the run left the model's valid state in campaign week 0: the budget buys "
                + "400000000 boat units at military.cost_boat_musd_year"), e.getMessage());
        assertTrue(e.getMessage().contains("military.cost_boat_musd_year=0.01"), e.getMessage());
    }

    // ------------------------------------------------------------------ leaving the valid state

    /** A broken invariant stops the run in the week it happens, naming the quantity and the changed parameters. */
    @Test
    void aBrokenStateStopsTheRunNamingTheWeekQuantityAndParameters() throws Exception {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "run.burn_in_weeks=10",
                "market.demand_elasticity=-0.9", "cartel.loss_tolerance=0.2"), "integrated", 1);
        TestModels.steps(m, 15);
        TestModels.place(m, "tumaco").addPresent(-1_000_000); // as if shipments left that never arrived
        ModelStateException e = assertThrows(ModelStateException.class, () -> m.schedule.step(m));
        ParameterSpaceTest.assertClear(e);
        String msg = e.getMessage();
        assertTrue(msg.startsWith("the run left the model's valid state in campaign week 5: "), msg);
        assertTrue(msg.contains("tumaco"), msg);
        assertTrue(msg.contains("Parameters set away from their defaults in this run: run.burn_in_weeks=10, "
                + "residents.people_per_agent=25, cartel.loss_tolerance=0.2, market.demand_elasticity=-0.9"), msg);
        assertTrue(msg.contains("scenario classroom-balloon, strategy integrated, seed 1"), msg);
    }

    @Test
    void everyParameterAtItsDefaultIsSaidSo() throws Exception {
        NarcoModel m = TestModels.started(TestModels.tiny(), "baseline", 1);
        TestModels.steps(m, 3);
        TestModels.place(m, "port").addIncoming(-1_000_000_000);
        ModelStateException e = assertThrows(ModelStateException.class, () -> m.schedule.step(m));
        assertTrue(e.getMessage().startsWith("the run left the model's valid state in burn-in week 3 of 52: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Every parameter is at its default (scenario tiny, strategy baseline, seed 1)"),
                e.getMessage());
    }

    /** The checked arithmetic throws the unlocated StateException; the model locates it (next test). */
    @Test
    void kilogramArithmeticIsChecked() throws Exception {
        assertEquals(5, StateException.addKg(2, 3, "x"));
        StateException over = assertThrows(StateException.class,
                () -> StateException.addKg(Long.MAX_VALUE, 1, "kg produced", ""));
        assertTrue(over.problem().startsWith("kg produced overflowed 64-bit arithmetic"), over.problem());
        assertFalse(over instanceof ModelStateException, "not located yet");
        assertEquals(7, StateException.wholeKg(7.9, "harvest", ""));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1, 1e30}) {
            assertThrows(StateException.class, () -> StateException.wholeKg(bad, "harvest at ", "narino"));
        }
    }

    @Test
    void anOverflowInsideAWeekBecomesALocatedFailure() throws Exception {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "market.yield_kg_per_ha_year=20"),
                "baseline", 1);
        TestModels.steps(m, 2);
        // A harvest that cannot be whole kilograms in a long: the place names it, and since its carried-over
        // remainder is now broken, the next week's harvest fails too, located by the model.
        Place narino = TestModels.place(m, "narino");
        StateException raw = assertThrows(StateException.class, () -> narino.harvest(Double.MAX_VALUE));
        assertFalse(raw instanceof ModelStateException, "not located yet");
        assertTrue(raw.problem().startsWith("the week's harvest at narino is "), raw.problem());
        ModelStateException e = assertThrows(ModelStateException.class, () -> m.schedule.step(m));
        ParameterSpaceTest.assertClear(e);
        assertTrue(e.getMessage().contains("burn-in week 2 of 52: the week's harvest at narino is "), e.getMessage());
        assertTrue(e.getMessage().contains("market.yield_kg_per_ha_year=20"), e.getMessage());
    }
}
