package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import narcosim.scenario.Scenario;
import narcosim.scenario.ScenarioLoader;
import narcosim.scenario.Specs;

/** report.html: self-contained, complete, deterministic, and it renders in headless Chromium. */
class HtmlReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\bsrc=\"([^\"]*)\"");

    @TempDir
    static Path tmp;

    static Path dir;
    static String html;

    @BeforeAll
    static void makeResults() throws IOException {
        dir = ReportFixture.compare(tmp.resolve("c"), true);
        html = Files.readString(dir.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void isOneSelfContainedHtmlDocument() {
        assertEquals(1, count(html, "<html"));
        assertEquals(1, count(html, "</html>"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("http://"), "no http:// references");
        assertFalse(html.contains("https://"), "no https:// references");
        assertFalse(html.toLowerCase().contains("<script"), "no scripts");
        assertFalse(html.toLowerCase().contains("<link"), "no linked stylesheets");
        Matcher m = IMG.matcher(html);
        int images = 0;
        while (m.find()) {
            Matcher src = SRC.matcher(m.group());
            assertTrue(src.find(), "img without src: " + m.group().substring(0, Math.min(80, m.group().length())));
            assertTrue(src.group(1).startsWith("data:image/png;base64,"), "img src must be a data: URI");
            Base64.getDecoder().decode(src.group(1).substring("data:image/png;base64,".length()));
            images++;
        }
        // trade-off + 6 final bars + 6 time series
        assertEquals(13, images, "every chart is embedded");
    }

    @Test
    void statesTheScenarioStrategiesTableFindingsAndSeeds() throws Exception {
        Scenario sc = ScenarioLoader.load(ReportFixture.BALLOON);
        assertTrue(html.contains(HtmlReport.esc(sc.name())));
        assertTrue(html.contains("Comparison table"));
        assertTrue(html.contains("Appendix: parameters"));
        assertTrue(html.contains("SplitMix64"), "the seeds text from the manifest");
        assertTrue(html.contains("Base seed</th><td>1</td>"));
        assertTrue(html.contains("Replicates per strategy</th><td>2</td>"));
        int campaigns = 0;
        for (Specs.Strategy s : sc.strategies()) {
            assertTrue(html.contains(HtmlReport.esc(s.name())), s.id());
            if (!s.shares().isCampaign()) continue;
            campaigns++;
            String finding = HtmlReport.finding(Results.open(dir), sc, s.id());
            assertTrue(finding.contains("cocaine delivered to market ") && finding.contains("(95% CI "), finding);
            int colon = finding.indexOf(": ");
            assertTrue(html.contains("<li><b>" + HtmlReport.esc(finding.substring(0, colon + 1)) + "</b>"
                    + HtmlReport.esc(finding.substring(colon + 1)) + "</li>"), "finding for " + s.id());
        }
        assertTrue(campaigns >= 3);
    }

    @Test
    void sameResultsGiveSameBytes() throws Exception {
        byte[] first = Files.readAllBytes(dir.resolve(HtmlReport.FILE));
        HtmlReport.write(Results.open(dir));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve(HtmlReport.FILE)));
        HtmlReport.write(Results.open(dir));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve(HtmlReport.FILE)));
    }

    @Test
    void escapesText() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", HtmlReport.esc("a <b> & \"c\" 'd'"));
    }

    @Test
    void findingMarksIntervalsThatCrossZero() {
        assertTrue(html.contains("not distinguishable from no change") || !html.contains("(n.s.)"),
                "a table cell marked n.s. has a matching sentence");
    }

    /** Runs headless Chromium on the report; returns stdout, with stderr (the log) in {@code log}. */
    private static String chromium(Path profile, Path log, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(dir.resolve(HtmlReport.FILE).toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile(tmp, "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + String.join(" ", cmd));
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(log));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void rendersInHeadlessChromiumWithoutBrokenImagesOrConsoleErrors() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed: report.html browser check skipped");
        Path shot = tmp.resolve("shot.png");
        Path log = tmp.resolve("chromium-shot.log");
        chromium(Files.createTempDirectory(tmp, "profile"), log, "--screenshot=" + shot, "--window-size=1200,3000");
        assertTrue(Files.isRegularFile(shot) && Files.size(shot) > 0, "no screenshot");
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1200, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) colours.add(img.getRGB(x, y));
        }
        assertTrue(colours.size() > 50, "screenshot looks blank: " + colours.size() + " colours");
        Path keep = Path.of("target", "report-html-screenshot.png");
        Files.createDirectories(keep.getParent());
        Files.copy(shot, keep, StandardCopyOption.REPLACE_EXISTING);
        assertNoConsoleErrors(log);

        Path domLog = tmp.resolve("chromium-dom.log");
        String dom = chromium(Files.createTempDirectory(tmp, "profile"), domLog, "--dump-dom");
        assertNoConsoleErrors(domLog);
        assertTrue(dom.contains("Comparison table"), "DOM dump lacks the report");
        Matcher m = IMG.matcher(dom);
        int images = 0;
        while (m.find()) {
            Matcher src = SRC.matcher(m.group());
            assertTrue(src.find() && src.group(1).startsWith("data:image/png;base64,"), "broken or external image");
            images++;
        }
        assertEquals(count(html, "<img"), images, "every image is in the rendered DOM");
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
