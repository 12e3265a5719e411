package narcosim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html's interactive charts in headless Chromium, driven over the DevTools protocol: the page loads
 * with no console error and no request outside the file, ECharts draws both charts, a strategy toggled in the
 * legend changes the drawn chart, choosing another outcome redraws it, and at 420 px the page does not scroll
 * sideways (tables scroll in their own box, charts fit).
 */
class InteractiveReportTest {

    @TempDir
    static Path tmp;

    static Path dir;
    static String html;

    @BeforeAll
    static void makeResults() throws Exception {
        // the default of compare: weekly time series kept
        dir = tmp.resolve("c");
        narcosim.cli.InProcess.Result r = ReportFixture.cli("compare", ReportFixture.BALLOON.toString(), "--replicates",
                "2", "--years", "1", "--out", dir.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        html = Files.readString(dir.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
    }

    @Test
    void compareKeepsTheTimeSeriesByDefaultAndTheReportDrawsThem() {
        assertTrue(Files.isRegularFile(dir.resolve("timeseries.csv.gz")), "compare keeps the weekly outcomes");
        assertTrue(Files.isRegularFile(dir.resolve("charts").resolve("timeseries-delivered_kg.png")));
        assertTrue(html.contains("id=\"ix-time\""), "the over-time chart");
        for (Outcome o : Outcome.OVER_TIME) {
            assertTrue(html.contains("<option value=\"" + o.column() + "\">" + HtmlReport.esc(o.name()) + "</option>"),
                    o.column());
        }
    }

    @Test
    void echartsIsInlinedFromTheWebjarAndNothingIsFetched() throws Exception {
        assertTrue(html.contains(Interactive.echarts()), "the webjar's echarts.common.min.js, inlined");
        String outside = html.replace(Interactive.echarts(), "");
        assertFalse(outside.matches("(?s).*<script[^>]*\\bsrc=.*"), "no script loaded from elsewhere");
        assertFalse(outside.contains("http://") || outside.contains("https://"), "no web address outside ECharts");
        assertEquals(3, Chromium.count(html.toLowerCase(), "<script"), "ECharts, the data and the page's script");
    }

    @Test
    void chartsRenderToggleAndSwitchInHeadlessChromium() throws Exception {
        try (Cdp b = Cdp.start(tmp, 1400, 1000)) {
            b.viewport(1400, 1000);
            b.open(dir.resolve(HtmlReport.FILE));
            assertEquals("object", b.eval("typeof echarts"));
            assertEquals(Boolean.TRUE, b.eval("!!(window.narcosimCharts && narcosimCharts.outcome && narcosimCharts.time)"));
            assertTrue(((Number) b.eval("document.querySelectorAll('#ix-outcome canvas, #ix-time canvas').length"))
                    .intValue() >= 2, "both charts drew on a canvas");
            // every strategy is in the legend, and hiding one changes what is drawn
            String frame = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))";
            for (String chart : List.of("outcome", "time")) {
                String c = "narcosimCharts." + chart;
                Object names = b.eval(c + ".getOption().legend[0].data");
                assertTrue(names instanceof List<?> l && l.size() >= 3, chart + " legend: " + names);
                String name = String.valueOf(((List<?>) names).get(1));
                String before = (String) b.eval(c + ".getDataURL({type: 'png'})");
                b.eval(c + ".dispatchAction({type: 'legendUnSelect', name: " + Interactive.str(name) + "}), " + frame);
                assertEquals(Boolean.FALSE, b.eval(c + ".getOption().legend[0].selected[" + Interactive.str(name) + "]"));
                String after = (String) b.eval(c + ".getDataURL({type: 'png'})");
                assertNotEquals(before, after, chart + ": hiding " + name + " changes the chart");
                b.eval(c + ".dispatchAction({type: 'legendSelect', name: " + Interactive.str(name) + "}), " + frame);
                assertEquals(before, b.eval(c + ".getDataURL({type: 'png'})"), chart + ": showing it again restores it");
            }
            // choosing another outcome redraws the charts with its name
            Object axis = b.eval("(() => { const s = document.getElementById('ix-outcome-pick'); s.selectedIndex = 2; "
                    + "s.dispatchEvent(new Event('change')); document.getElementById('ix-outcome-view').value = 'mean'; "
                    + "document.getElementById('ix-outcome-view').dispatchEvent(new Event('change')); "
                    + "return narcosimCharts.outcome.getOption().xAxis[0].name; })()");
            String third = Outcome.of(String.valueOf(b.eval("document.getElementById('ix-outcome-pick').value"))).name();
            assertTrue(String.valueOf(axis).startsWith(third), axis + " names " + third);
            Object title = b.eval("(() => { const s = document.getElementById('ix-time-pick'); s.value = 'mean_trust'; "
                    + "s.dispatchEvent(new Event('change')); return narcosimCharts.time.getOption().series[0].data.length; })()");
            assertTrue(((Number) title).intValue() > 5, "trust over time drawn: " + title);
            // the route-map viewer zooms
            Object zoomed = b.eval("(() => { const v = document.querySelector('#routes-viewer'); const im = v.querySelector('img');"
                    + " const t0 = im.style.transform; v.querySelector('.zin').click(); return [t0, im.style.transform]; })()");
            List<?> t = (List<?>) zoomed;
            assertNotEquals(t.get(0), t.get(1), "zoom in changes the map's transform");

            // at phone width nothing but the tables' own boxes scrolls sideways, and the charts fit
            b.viewport(420, 900);
            b.eval("window.dispatchEvent(new Event('resize')), " + frame);
            Number page = (Number) b.eval("document.documentElement.scrollWidth");
            assertTrue(page.intValue() <= 420, "the page scrolls sideways at 420 px: " + page);
            Number chart = (Number) b.eval("narcosimCharts.time.getWidth()");
            assertTrue(chart.intValue() <= 420, "the time chart fits: " + chart);
            assertTrue(b.errors.isEmpty(), "console errors: " + b.errors);
        }
    }

    @Test
    void eachStrategyHasItsOwnPanelOverTime() throws Exception {
        try (Cdp b = Cdp.start(tmp, 1400, 1000)) {
            b.viewport(1400, 1000);
            b.open(dir.resolve(HtmlReport.FILE));
            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) b.eval("(() => { const o = narcosimCharts.time.getOption();"
                    + " return {grids: o.grid.length, titles: o.title.map(t => t.text)}; })()");
            List<?> names = (List<?>) b.eval("narcosimCharts.time.getOption().legend[0].data");
            assertEquals(names.size(), ((Number) o.get("grids")).intValue(), "one panel per strategy");
            assertEquals(names, o.get("titles"), "each panel named after its strategy");
            assertTrue(b.errors.isEmpty(), "console errors: " + b.errors);
        }
    }
}
