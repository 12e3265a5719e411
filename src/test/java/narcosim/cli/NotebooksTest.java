package narcosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The notebooks as committed: no outputs (CI executes them on fresh results, scripts/ci/notebooks-test.sh), and
 * names and units read from the results' outcome catalogue (outcomes.csv), not written into the notebook.
 */
class NotebooksTest {

    @Test
    @SuppressWarnings("unchecked")
    void notebooksAreCommittedWithoutOutputsAndReadTheCatalogue() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertEquals(2, notebooks.size(), notebooks.toString());
        for (Path nb : notebooks) {
            String text = Files.readString(nb, StandardCharsets.UTF_8);
            Map<String, Object> json = new Yaml().load(text); // JSON is YAML
            int code = 0;
            for (Map<String, Object> cell : (List<Map<String, Object>>) json.get("cells")) {
                if (!"code".equals(cell.get("cell_type"))) continue;
                code++;
                assertEquals(List.of(), cell.get("outputs"), nb + ": a code cell has outputs");
                assertEquals(null, cell.get("execution_count"), nb + ": a code cell was executed");
            }
            assertTrue(code >= 4, nb + ": code cells");
            assertTrue(text.contains("outcomes.csv"), nb + " reads the catalogue");
            assertTrue(text.contains("ci_low"), nb + " draws intervals");
        }
        assertTrue(Files.readString(Path.of("notebooks", "sweep-sensitivity.ipynb")).contains("Heat maps"));
    }
}
