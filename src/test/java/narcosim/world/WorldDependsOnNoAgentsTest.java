package narcosim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The geography knows nothing of who acts on it (issue 11.2): communities are found through the population,
 * posted units through the military command's posts. Checked on the source, imports and qualified names alike.
 */
class WorldDependsOnNoAgentsTest {

    private static final Pattern USE = Pattern.compile("narcosim\\.(agents|model|metrics|policy)\\.");

    @Test
    void worldUsesNothingFromAgentsModelMetricsOrPolicy() throws IOException {
        List<String> uses = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/narcosim/world"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "no sources found");
        for (Path f : sources) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = USE.matcher(lines.get(i));
                if (m.find()) uses.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
            }
        }
        assertEquals(List.of(), uses);
    }
}
