package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;

/** Opens a report.html in headless Chromium (Debian's chromium): no broken images, no console errors, a screenshot. */
final class Chromium {

    static final Path EXE = Path.of("/usr/bin/chromium");
    static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    static final Pattern SRC = Pattern.compile("\\bsrc=\"([^\"]*)\"");

    private Chromium() {
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    /**
     * Renders {@code html} to a screenshot (kept as target/{@code keepAs}) and dumps its DOM; checks the
     * screenshot is not blank, the log has no console errors, and every image of the file is in the DOM
     * as a data: URI. Returns the DOM. Skipped (assumption) when chromium is not installed.
     */
    static String check(Path html, Path tmp, String keepAs) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(EXE), "chromium not installed: report.html browser check skipped");
        Path shot = tmp.resolve("shot-" + keepAs);
        Path log = tmp.resolve("chromium-shot.log");
        run(html, tmp, Files.createTempDirectory(tmp, "profile"), log, "--screenshot=" + shot, "--window-size=1200,3000");
        assertTrue(Files.isRegularFile(shot) && Files.size(shot) > 0, "no screenshot");
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1200, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) colours.add(img.getRGB(x, y));
        }
        assertTrue(colours.size() > 50, "screenshot looks blank: " + colours.size() + " colours");
        Path keep = Path.of("target", keepAs);
        Files.createDirectories(keep.getParent());
        Files.copy(shot, keep, StandardCopyOption.REPLACE_EXISTING);
        assertNoConsoleErrors(log);

        Path domLog = tmp.resolve("chromium-dom.log");
        String dom = run(html, tmp, Files.createTempDirectory(tmp, "profile"), domLog, "--dump-dom");
        assertNoConsoleErrors(domLog);
        // ECharts (inlined in report.html) builds image tags in its code: look at the page, not at it
        String echarts = Interactive.echarts();
        dom = dom.replace(echarts, "");
        Matcher m = IMG.matcher(dom);
        int images = 0;
        while (m.find()) {
            Matcher src = SRC.matcher(m.group());
            assertTrue(src.find() && src.group(1).startsWith("data:image/png;base64,"), "broken or external image");
            images++;
        }
        assertEquals(count(Files.readString(html, StandardCharsets.UTF_8).replace(echarts, ""), "<img"), images,
                "every image is in the rendered DOM");
        return dom;
    }

    /** Runs headless Chromium on the page; returns stdout, with stderr (the log) in {@code log}. */
    private static String run(Path html, Path tmp, Path profile, Path log, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(EXE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(html.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile(tmp, "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + String.join(" ", cmd));
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(log));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static void assertNoConsoleErrors(Path log) throws IOException {
        List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains("Uncaught") || line.contains("CONSOLE") || line.contains("net::ERR")
                    || (line.contains("report.html") && line.contains("ERROR"))) {
                bad.add(line);
            }
        }
        assertTrue(bad.isEmpty(), "console errors in chromium's log:\n" + String.join("\n", bad));
    }
}
