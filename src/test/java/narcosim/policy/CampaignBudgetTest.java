package narcosim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import narcosim.agents.MilitaryUnit;
import narcosim.metrics.Event;
import narcosim.model.NarcoModel;
import narcosim.model.TestModels;
import narcosim.scenario.ParamValues;
import narcosim.scenario.Scenario;
import narcosim.scenario.Specs;
import narcosim.world.Place;

/**
 * What a strategy's budget buys at deployment: whole units, each category costing no more than its
 * share and less than one more unit of it, and the spending the campaign reports week by week.
 */
class CampaignBudgetTest {

    private static final String[] MIX = {"boat", "aircraft", "ground", "surveillance"};

    static Stream<Arguments> campaigns() {
        return Stream.of(TestModels.BALLOON, TestModels.HEARTS).flatMap(file -> {
            Scenario sc = TestModels.load(file);
            return sc.strategies().stream().filter(s -> s.shares().isCampaign())
                    .map(s -> Arguments.of(file.getFileName().toString(), s.id()));
        });
    }

    /** A model two weeks into the campaign, and the spending it reported in its last week, by kind. */
    private record Deployed(NarcoModel model, Map<Event.SpendKind, Double> weeklySpend) {
    }

    private static Deployed deployed(String file, String strategy) {
        NarcoModel m = TestModels.started(TestModels.load(Path.of("scenarios", file), "run.burn_in_weeks=3"),
                strategy, 1);
        TestModels.steps(m, 4);
        Map<Event.SpendKind, Double> spend = new EnumMap<>(Event.SpendKind.class);
        m.events().register(e -> {
            if (e instanceof Event.Spent s) spend.merge(s.kind(), s.usd(), Double::sum);
        });
        TestModels.steps(m, 1);
        return new Deployed(m, spend);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("campaigns")
    void spendingIsWithinTheBudgetAndWithinAUnitOfEachShare(String file, String strategy) {
        Deployed d = deployed(file, strategy);
        NarcoModel m = d.model();
        ParamValues p = m.config().params();
        Specs.Shares shares = m.config().strategy().shares();
        double budget = m.config().scenario().budgetMusdPerYear() * 1e6;
        Campaign c = m.campaign();
        assertTrue(c.spendPerYear() <= budget + 1e-6, "spend " + c.spendPerYear() + " over budget " + budget);

        // Military: each asset type gets its mix share of the military budget (less eradication).
        double military = budget * shares.military();
        double eradication = p.bool("eradication.enabled") ? military * p.real("eradication.budget_share") : 0;
        military -= eradication;
        double militarySpend = 0;
        for (MilitaryUnit.Type t : MilitaryUnit.Type.values()) {
            double cost = p.real("military.cost_" + MIX[t.ordinal()] + "_musd_year") * 1e6;
            double share = military * p.real("military.mix_" + MIX[t.ordinal()]);
            long n = c.military().stream().filter(u -> u.type == t).count();
            assertTrue(n * cost <= share + 1e-6, t + ": " + n + " units cost more than " + share);
            assertTrue((n + 1) * cost > share, t + ": room for one more unit in " + share);
            militarySpend += n * cost;
        }
        assertEquals(militarySpend, 52 * d.weeklySpend().getOrDefault(Event.SpendKind.MILITARY, 0.0), 1e-3);
        assertEquals(eradication, 52 * d.weeklySpend().getOrDefault(Event.SpendKind.ERADICATION, 0.0), 1e-3);

        // Police: whole units at the (vetted) unit cost.
        double unitCost = p.real("police.cost_unit_musd_year") * 1e6
                * (p.bool("police.vetting") ? 1 + p.real("police.vetting_cost") : 1);
        double policeSpend = 52 * d.weeklySpend().getOrDefault(Event.SpendKind.POLICE, 0.0);
        double policeShare = budget * shares.police();
        assertTrue(policeSpend <= policeShare + 1e-6 && policeShare - policeSpend < unitCost,
                "police spend " + policeSpend + " of " + policeShare);

        // Development: whole programmes, as many as were placed.
        double programmeCost = p.real("development.cost_programme_musd_year") * 1e6;
        int programmes = m.network().places.stream().mapToInt(c::programmesAt).sum();
        assertEquals(programmes * programmeCost, 52 * d.weeklySpend().getOrDefault(Event.SpendKind.DEVELOPMENT, 0.0),
                1e-3);
        assertTrue(programmes * programmeCost <= budget * shares.development() + 1e-6);

        // Partnership: its share exactly; training with diminishing returns on its share; shared surveillance as
        // many whole assets as its share buys; liaison on its share plus what the whole assets left (ODD 7.13).
        double partnership = budget * shares.partnership();
        assertEquals(partnership, 52 * d.weeklySpend().getOrDefault(Event.SpendKind.PARTNERSHIP, 0.0), 1e-3);
        assertEquals(1 - Math.exp(-partnership * p.real("partnership.mix_training")
                / (p.real("partnership.training_scale_musd_year") * 1e6)), c.partnershipTrainingLevel(), 1e-12);
        double watchCost = p.real("military.cost_surveillance_musd_year") * 1e6;
        double watchMoney = partnership * p.real("partnership.mix_surveillance");
        boolean canWatch = c.military().stream().anyMatch(u -> u.type == narcosim.agents.MilitaryUnit.Type.SURVEILLANCE)
                || c.sharedSurveillanceUnits() > 0;
        int watchers = c.sharedSurveillanceUnits();
        if (canWatch && partnership > 0) assertEquals((int) Math.floor(watchMoney / watchCost), watchers);
        assertEquals(watchers, c.military().stream().filter(u -> u.shared).count());
        double liaison = partnership * p.real("partnership.mix_liaison") + (watchMoney - watchers * watchCost);
        if (watchers > 0 || partnership == 0) {
            assertEquals(1 - Math.exp(-liaison / (p.real("partnership.liaison_scale_musd_year") * 1e6)),
                    c.partnershipLiaisonLevel(), 1e-12);
        }

        double weekly = d.weeklySpend().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(c.spendPerYear(), 52 * weekly, 1e-3, "reported spend adds up to the yearly cost");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("campaigns")
    void everyPoliceUnitPaidForIsOnDuty(String file, String strategy) {
        Deployed d = deployed(file, strategy);
        ParamValues p = d.model().config().params();
        double unitCost = p.real("police.cost_unit_musd_year") * 1e6
                * (p.bool("police.vetting") ? 1 + p.real("police.vetting_cost") : 1);
        double paid = 52 * d.weeklySpend().getOrDefault(Event.SpendKind.POLICE, 0.0) / unitCost;
        assertEquals(paid, d.model().campaign().police().size(), 1e-6,
                "police units paid for vs units posted at a place (units a nation cannot post, having no populated "
                        + "place outside the market, are still paid for)");
    }

    @Test
    void aCampaignStrategySpendsMostOfItsBudget() {
        Deployed d = deployed("classroom-balloon.yaml", "corridor-crackdown");
        double budget = d.model().config().scenario().budgetMusdPerYear() * 1e6;
        double largestUnit = Stream.of(MIX).mapToDouble(k -> d.model().config().params()
                .real("military.cost_" + k + "_musd_year") * 1e6).max().orElseThrow();
        // All-military: at most one unit's cost left over per asset type.
        assertTrue(budget - d.model().campaign().spendPerYear() < 4 * largestUnit);
        assertTrue(d.model().campaign().spendPerYear() > 0.8 * budget, "spend " + d.model().campaign().spendPerYear());
    }

    @Test
    void theBaselineBuysNothingAndSpendsNothing() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "run.burn_in_weeks=2"), "baseline", 1);
        double[] spent = new double[1];
        m.events().register(e -> {
            if (e instanceof Event.Spent s) spent[0] += s.usd();
        });
        TestModels.steps(m, 12);
        Campaign c = m.campaign();
        assertTrue(c.deployed());
        assertEquals(0, c.spendPerYear());
        assertEquals(0, spent[0]);
        assertTrue(c.military().isEmpty());
        assertTrue(c.police().isEmpty());
        assertEquals(0, c.partnershipTrainingLevel());
        assertEquals(0, c.partnershipLiaisonLevel());
        assertEquals(0, c.sharedSurveillanceUnits());
        for (Place pl : m.network().places) assertEquals(0, c.programmesAt(pl));
        assertTrue(m.network().links.stream().allMatch(l -> m.campaign().posts().on(l).isEmpty()));
    }

    @Test
    void nothingIsBoughtDuringTheBurnIn() {
        NarcoModel m = TestModels.started(TestModels.load(TestModels.BALLOON, "run.burn_in_weeks=5"),
                "corridor-crackdown", 1);
        TestModels.steps(m, 5);
        assertTrue(!m.campaign().deployed() && m.campaign().military().isEmpty());
        TestModels.steps(m, 1);
        assertTrue(m.campaign().deployed() && !m.campaign().military().isEmpty());
    }
}
