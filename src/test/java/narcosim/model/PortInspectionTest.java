package narcosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import narcosim.agents.Cartel;
import narcosim.agents.Shipment;
import narcosim.agents.UnitCost;
import narcosim.experiment.RunResult;
import narcosim.metrics.Event;
import narcosim.scenario.Scenario;
import narcosim.world.Link;

/**
 * Port inspection (ODD 7.24): a load arriving at a place with a port is seized by customs with chance
 * min(1, inspected_share x targeting_lift) x detection, before it is delivered at a market gateway, unless
 * bought insiders take it out first (a rip-off, chance rip_off_max x the nation's corruption), for which the
 * cartel pays the extraction crew per kg and the price carries it.
 */
class PortInspectionTest {

    /** The tiny line with a port at the market gateway (city) and nothing else that seizes or loses loads. */
    private static NarcoModel tiny(String... sets) {
        List<String> all = new ArrayList<>(List.of("places.city.port={inspected_share: 0.2}", "port.targeting_lift=2",
                "port.detection_given_inspection=0.5", "shipment.loss_sea=0", "run.burn_in_weeks=2"));
        all.addAll(List.of(sets));
        return TestModels.started(TestModels.tiny(all.toArray(String[]::new)), "baseline", 1);
    }

    /**
     * n one-kg shipments cross the link into the gateway: the share seized by customs, and the mean crews' risk pay
     * per kg as a share of the load's value on arrival.
     */
    private static double[] crossInto(NarcoModel m, Link l, int n) {
        Cartel c = m.cartels().get(0);
        int[] seized = new int[2];
        m.events().register(e -> {
            if (e instanceof Event.Seized s) seized[s.by() == Event.Agency.PORT ? 0 : 1]++;
        });
        double risk = 0;
        for (int i = 0; i < n; i++) {
            Shipment s = new Shipment(-1 - i, c, 1, l.from, UnitCost.bought(2000), m.transit());
            m.transit().depart(s, l);
            double mu = m.markets().marginRate();
            double value = s.cost.value(mu);
            m.transit().arrive(s, l);
            double[] parts = new double[UnitCost.SUMS];
            s.cost.addTo(parts, 1, mu);
            risk += parts[UnitCost.Part.CREW_RISK.ordinal()] / value;
        }
        assertEquals(0, seized[1], "nothing but customs seizes on this line");
        return new double[] {seized[0] / (double) n, risk / n};
    }

    @Test
    void customsSeizeTheTargetedShareTimesDetectionBeforeDelivery() {
        NarcoModel m = tiny("nations.BBB.corruption=0");
        Link l = TestModels.link(m, "open_sea", "city");
        double[] r = crossInto(m, l, 20_000);
        assertEquals(0.2 * 2 * 0.5, r[0], 0.01, "min(1, 0.2 x 2) x 0.5");
        assertEquals(0, r[1], 0, "no corruption: no rip-off, no extraction pay");
        NarcoModel capped = tiny("nations.BBB.corruption=0", "port.targeting_lift=10");
        assertEquals(0.5, crossInto(capped, TestModels.link(capped, "open_sea", "city"), 20_000)[0], 0.015,
                "every load inspected (0.2 x 10 capped at 1): detection alone");
    }

    @Test
    void corruptInsidersRipLoadsOffBeforeInspectionAndThePriceCarriesTheirPay() {
        NarcoModel m = tiny("nations.BBB.corruption=0.8", "port.rip_off_max=0.5", "port.extraction_share=0.12");
        Link l = TestModels.link(m, "open_sea", "city");
        double[] r = crossInto(m, l, 20_000);
        double rho = 0.5 * 0.8;
        assertEquals((1 - rho) * 0.2, r[0], 0.01, "(1 - rip-off) x inspection x detection");
        assertEquals(rho * 0.12, r[1], 0.004,
                "the extraction pay of the loads ripped off, 0.12 of their value, in the crews' risk part of the price");
    }

    @Test
    void theRoutineRiskTradersPriceOnTheLegIntoAPortIncludesItsCustoms() {
        NarcoModel m = tiny("nations.BBB.corruption=0.5", "port.rip_off_max=0.4");
        // (1 - 0.4 x 0.5) x min(1, 0.2 x 2) x 0.5: what is not ripped off, times the inspection's seizure chance.
        assertEquals(0.8 * 0.2, m.transit().priorLoss(TestModels.link(m, "open_sea", "city")), 1e-12);
        assertEquals(0, m.transit().priorLoss(TestModels.link(m, "port", "open_sea")), 0, "no port at the open sea");
    }

    @Test
    void aRunCountsPortSeizuresApartAndTheNationsCorruptionLetsMoreThrough() throws Exception {
        double[] port = new double[2];
        for (int k = 0; k < 2; k++) {
            Scenario sc = TestModels.tiny("places.city.port={inspected_share: 0.2}", "port.targeting_lift=2",
                    "port.detection_given_inspection=0.5", "nations.BBB.corruption=" + (k == 0 ? "0" : "0.9"),
                    "port.rip_off_max=0.9", "run.years=1", "run.burn_in_weeks=10");
            RunResult res = RunResult.run(sc.forStrategy("baseline", 3));
            port[k] = res.outcome("seized_port_kg_total");
            double seized = res.outcome("seized_kg_total");
            assertEquals(seized, port[k] + res.outcome("seized_police_kg_total")
                    + res.outcome("seized_military_kg_total"), 1e-6, "each seizure counted for one agency");
        }
        assertTrue(port[0] > 0, "customs seize at the gateway");
        // Without corruption 0.2 of the loads are seized, with 0.9 x 0.9 ripped off only 0.2 x 0.19.
        assertTrue(port[1] < 0.4 * port[0], "corrupt port insiders let loads through: " + port[1] + " vs " + port[0]);
    }
}
