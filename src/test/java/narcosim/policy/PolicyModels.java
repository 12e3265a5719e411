package narcosim.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import narcosim.model.NarcoModel;
import narcosim.model.TestModels;

/** Started models for the campaign's tests: one strategy of a shipped scenario, seed 1, a short burn-in. */
final class PolicyModels {

    private PolicyModels() {
    }

    static NarcoModel started(Path scenario, String strategy, int burnInWeeks, String... sets) {
        List<String> all = new ArrayList<>(List.of("run.burn_in_weeks=" + burnInWeeks));
        all.addAll(List.of(sets));
        return TestModels.started(TestModels.load(scenario, all.toArray(String[]::new)), strategy, 1);
    }
}
