package narcosim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import narcosim.scenario.ScenarioException;
import narcosim.scenario.YamlNodes;

/**
 * {@link YamlNodes#load} reads what {@link ExperimentDir} writes as a manifest exactly as SnakeYAML's own
 * loader does, and refuses what the loader would choke on (a recursive alias) with one message.
 */
class ManifestYamlTest {

    @TempDir
    Path tmp;

    @Test
    void readsAWrittenManifestAsSnakeYamlDoes() throws IOException, ScenarioException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("narcosim_version", "0.1.0");
        m.put("name", "sobol-core");
        m.put("request", Map.of("kind", "sweep", "replicates", 3, "seed", 9007199254740993L, "sets", List.of("run.years=5")));
        m.put("design", Map.of("type", "lhs", "points", 40, "parameters",
                List.of(Map.of("key", "military.interdict_prob", "min", 0.05, "max", 0.4),
                        Map.of("key", "partnership.withdrawal_nation", "levels", List.of("NO", "007", "none", "true")))));
        m.put("done", true);
        m.put("note", null);
        Path f = tmp.resolve("manifest.yaml");
        Files.writeString(f, ExperimentDir.yaml(m), StandardCharsets.UTF_8);
        Object expected = new Yaml(new LoaderOptions()).load(Files.readString(f, StandardCharsets.UTF_8));
        assertEquals(expected, YamlNodes.load(f));
        assertEquals(m, YamlNodes.load(f));
    }

    @Test
    void refusesARecursiveManifestWithOneMessage() throws IOException {
        Path f = tmp.resolve("manifest.yaml");
        Files.writeString(f, "name: x\nrequest: &r {again: *r}\n", StandardCharsets.UTF_8);
        ScenarioException e = assertThrows(ScenarioException.class, () -> YamlNodes.load(f));
        assertEquals(f + ":2: request.again: recursive alias *r: it refers to the mapping anchored &r on line 2, "
                + "which contains it", e.getMessage());
        Files.writeString(f, "", StandardCharsets.UTF_8);
        assertEquals(null, assertDoesNotThrow(f));
        assertTrue(assertThrows(ScenarioException.class, () -> YamlNodes.load(tmp.resolve("none.yaml")))
                .getMessage().endsWith(": no such file"));
    }

    private static Object assertDoesNotThrow(Path f) {
        try {
            return YamlNodes.load(f);
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
