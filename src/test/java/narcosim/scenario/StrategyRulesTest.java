package narcosim.scenario;

import static narcosim.scenario.ScenarioLoaderTest.MINI;
import static narcosim.scenario.ScenarioLoaderTest.assertNames;
import static narcosim.scenario.ScenarioLoaderTest.fails;
import static narcosim.scenario.ScenarioLoaderTest.lineOf;
import static narcosim.scenario.ScenarioLoaderTest.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An adaptive strategy's yearly rules in the scenario file (ODD 7.22): what loads, and one message naming file,
 * line and key for each mistake.
 */
class StrategyRulesTest {

    private static final String AFTER = "      police.vetting: true\n";

    /** The minimal scenario with the campaign strategy given these rules (YAML lines under {@code rules:}). */
    private static String withRules(String rules) {
        assertEquals(1, ScenarioLoaderTest.count(MINI, AFTER));
        return MINI.replace(AFTER, AFTER + "    rules:\n" + rules);
    }

    private static final String GOOD = """
                  - id: trust-low
                    indicator: trust_AAA
                    below: 0.3
                    move: 0.1
                    from: military
                    to: development
                  - indicator: seized_kg
                    of: change
                    above: -0.2
                    years: 2
                    move: 0.05
                    from: police
                    to: partnership
            """;

    @Test
    void rulesLoadWithTheirDefaults() throws ScenarioException {
        Scenario sc = load(withRules(GOOD));
        Specs.Strategy s = sc.strategy("campaign").orElseThrow();
        assertTrue(s.adaptive());
        assertFalse(sc.strategy("baseline").orElseThrow().adaptive());
        String text = withRules(GOOD);
        assertEquals(List.of(
                new Specs.Rule("trust-low", "trust_AAA", Specs.Reading.VALUE, true, 0.3, 1, 0.1, "military",
                        "development", lineOf(text, "- id: trust-low")),
                new Specs.Rule("", "seized_kg", Specs.Reading.CHANGE, false, -0.2, 2, 0.05, "police", "partnership",
                        lineOf(text, "- indicator: seized_kg"))), s.rules());
    }

    @Test
    void aRulesNumbersAreSetByIdOrPosition() throws ScenarioException {
        Scenario sc = load(withRules(GOOD), "strategies.campaign.rules.trust-low.below=0.35",
                "strategies.campaign.rules.1.years=3", "strategies.campaign.rules.1.move=0.2",
                "strategies.campaign.rules.1.above=0.1");
        List<Specs.Rule> r = sc.strategy("campaign").orElseThrow().rules();
        assertEquals(0.35, r.get(0).threshold());
        assertEquals(3, r.get(1).years());
        assertEquals(0.2, r.get(1).move());
        assertEquals(0.1, r.get(1).threshold());
        // Setting the other side of a threshold adds a key, and two thresholds are one mistake.
        ScenarioException e = fails(withRules(GOOD), "strategies.campaign.rules.trust-low.above=0.35");
        assertTrue(e.getMessage().contains("give one threshold, below or above, not both"), e.getMessage());
    }

    @Test
    void anUnknownIndicatorSuggestsTheClosest() {
        String text = withRules(GOOD.replace("trust_AAA", "trust_AAB"));
        assertNames(fails(text), lineOf(text, "trust_AAB"), "strategies.campaign.rules.trust-low.indicator",
                "expected a weekly outcome of this scenario", "got 'trust_AAB'", "did you mean 'trust_AAA'?");
    }

    @Test
    void theTrustOfANationWithoutResidentsIsNoIndicator() {
        // BBB has only the market: no residents, so no trust_BBB column.
        String text = withRules(GOOD.replace("trust_AAA", "trust_BBB"));
        assertNames(fails(text), lineOf(text, "trust_BBB"), "strategies.campaign.rules.trust-low.indicator",
                "got 'trust_BBB'");
    }

    @Test
    void exactlyOneThreshold() {
        String both = withRules(GOOD.replace("    below: 0.3\n", "    below: 0.3\n        above: 0.5\n"));
        assertNames(fails(both), lineOf(both, "above: 0.5"), "strategies.campaign.rules.trust-low.above",
                "give one threshold, below or above, not both");
        String none = withRules(GOOD.replace("        below: 0.3\n", ""));
        assertNames(fails(none), lineOf(none, "- id: trust-low"), "strategies.campaign.rules.trust-low.below",
                "missing; expected a threshold: below: <number> or above: <number>");
    }

    @Test
    void sharesAreNamedAndDifferent() {
        String typo = withRules(GOOD.replace("to: development", "to: developmnt"));
        assertNames(fails(typo), lineOf(typo, "developmnt"), "strategies.campaign.rules.trust-low.to",
                "no budget share 'developmnt'", "did you mean 'development'?");
        String same = withRules(GOOD.replace("to: development", "to: military"));
        assertNames(fails(same), lineOf(same, "to: military"), "strategies.campaign.rules.trust-low.to",
                "expected another share than from (military)");
    }

    @Test
    void numbersOutOfRange() {
        String move = withRules(GOOD.replace("move: 0.1", "move: 1.5"));
        assertNames(fails(move), lineOf(move, "move: 1.5"), "strategies.campaign.rules.trust-low.move",
                "expected a number from 0 to 1, got 1.5");
        String years = withRules(GOOD.replace("years: 2", "years: 0"));
        assertNames(fails(years), lineOf(years, "years: 0"), "strategies.campaign.rules[1].years",
                "expected a whole number from 1 to 100, got 0");
        String of = withRules(GOOD.replace("of: change", "of: trend"));
        assertNames(fails(of), lineOf(of, "of: trend"), "strategies.campaign.rules[1].of",
                "expected one of value, change, got 'trend'");
    }

    @Test
    void anUnknownKeyInARule() {
        String text = withRules(GOOD.replace("move: 0.05", "moves: 0.05"));
        assertNames(fails(text), lineOf(text, "moves: 0.05"), "strategies.campaign.rules[1].moves", "unknown key",
                "did you mean 'move'?");
    }

    @Test
    void aBaselineHasNoBudgetToMove() {
        String rule = "    rules:\n      - {indicator: seized_kg, below: 1, move: 0.1, from: military, to: police}\n";
        String base = "    shares: {military: 0, police: 0, development: 0, partnership: 0}\n";
        String text = MINI.replace(base, base + rule);
        assertNames(fails(text), lineOf(text, "- {indicator: seized_kg"), "strategies.baseline.rules",
                "a strategy without a campaign (all shares 0) has no budget for rules to move");
    }
}
