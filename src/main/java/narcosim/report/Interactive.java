package narcosim.report;

import static narcosim.report.HtmlReport.esc;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import narcosim.experiment.Statistics;
import narcosim.metrics.Outcomes;

/**
 * The interactive part of report.html, still one file: Apache ECharts (from the Maven webjar
 * {@code org.webjars.npm:echarts}, its minified common build inlined at report time, so the page makes no
 * request), the data as one JSON block, and a short script. Two charts — each strategy's mean or change against
 * the baseline with its 95% interval, outcome chosen in a list; the headline outcomes over time, one panel per
 * strategy with the others in grey — with hover values and strategies toggled in the legend; the route-map
 * viewers' zoom and pan. Labels, units and change statistics come from the outcome catalogue.
 */
final class Interactive {

    /** The webjar's version (pom.xml) and the file inlined. */
    static final String ECHARTS_VERSION = "5.3.1";
    static final String ECHARTS = "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.common.min.js";

    private Interactive() {
    }

    /** The weekly outcomes drawn over time: the catalogue's time-series charts and every weekly headline outcome. */
    static List<Outcome> overTime() {
        return Outcome.OVER_TIME;
    }

    /** The outcomes in the "by strategy" chart: the headline, then the other final charts. */
    private static List<String> byStrategy() {
        Set<String> cols = new LinkedHashSet<>(Outcomes.HEADLINE);
        cols.addAll(Outcomes.FINAL_CHARTS);
        return new ArrayList<>(cols);
    }

    /** The section: controls, chart containers and the data. */
    static void section(StringBuilder h, Results r, Paired p, Function<String, String> label) throws IOException {
        h.append("<p>Hover a point or a line for its values; click a strategy in a legend to hide or show it; choose "
                + "the outcome in the list. The charts need JavaScript (inlined here, no network).</p>\n");
        h.append("<h3>By strategy</h3>\n<div class=\"controls\"><label>Outcome <select id=\"ix-outcome-pick\">");
        List<String> cols = byStrategy();
        boolean first = true;
        for (String c : cols) {
            if (!p.has(c)) continue;
            h.append("<option value=\"").append(esc(c)).append("\"").append(first ? " selected" : "").append(">")
                    .append(esc(Outcome.of(c).name())).append("</option>");
            first = false;
        }
        if (r.baseline() != null && p.has("spend_usd_total") && p.has("delivered_kg_total")) {
            h.append("<option value=\"").append(esc(Outcomes.COST_PER_KG_KEPT_OFF.name())).append("\">")
                    .append(esc(Outcomes.COST_PER_KG_KEPT_OFF.label())).append("</option>");
        }
        h.append("</select></label>");
        if (r.baseline() != null) {
            h.append("<label>Show <select id=\"ix-outcome-view\"><option value=\"mean\">mean [95% CI]</option>"
                    + "<option value=\"change\" selected>change vs " + r.referenceWord() + " [95% CI]</option></select></label>");
        }
        h.append("</div>\n<div class=\"chart\" id=\"ix-outcome\" role=\"img\" aria-label=\"Outcome by strategy\"></div>\n");
        if (r.hasTimeseries()) {
            h.append("<h3>Over time</h3>\n<div class=\"controls\"><label>Outcome <select id=\"ix-time-pick\">");
            for (Outcome o : overTime()) {
                h.append("<option value=\"").append(esc(o.column())).append("\">").append(esc(o.name()))
                        .append("</option>");
            }
            h.append("</select></label></div>\n<p class=\"muted\">One panel per strategy: its mean over replicates of "
                    + "each ").append(Results.WEEKS_PER_PERIOD).append("-week period with the 95% band in colour, the "
                    + "other strategies in grey; every panel on the same scale.</p>\n"
                    + "<div class=\"chart tall\" id=\"ix-time\" role=\"img\" aria-label=\"Outcomes over time\"></div>\n");
        } else {
            h.append("<p class=\"ns\">No weekly time series were recorded (compare --no-timeseries), so the outcomes over "
                    + "time are left out.</p>\n");
        }
        h.append("<script type=\"application/json\" id=\"ix-data\">").append(json(r, p, label).replace("</", "<\\/"))
                .append("</script>\n");
    }

    /** ECharts and the page's script, at the end of the body. */
    static void scripts(StringBuilder h) throws IOException {
        h.append("<script>\n").append(echarts()).append("\n</script>\n<script>\n").append(SCRIPT).append("</script>\n");
    }

    /** ECharts' minified common build, from the webjar on the classpath. */
    static String echarts() throws IOException {
        try (InputStream in = Interactive.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) throw new IOException("ECharts is missing from the classpath (" + ECHARTS + ")");
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (js.toLowerCase(Locale.ROOT).contains("</script")) throw new IOException(ECHARTS + " cannot be inlined");
            return js;
        }
    }

    // ------------------------------------------------------------------ data

    private static String json(Results r, Paired p, Function<String, String> label) throws IOException {
        StringBuilder j = new StringBuilder(256 * 1024);
        j.append("{\"baseline\":").append(str(r.baseline())).append(",\"strategies\":[");
        for (int i = 0; i < r.strategies().size(); i++) {
            String s = r.strategies().get(i);
            Color c = ChartStyle.colour(i);
            if (i > 0) j.append(',');
            j.append("{\"id\":").append(str(s)).append(",\"name\":").append(str(label.apply(s))).append(",\"colour\":")
                    .append(str(String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue())))
                    .append('}');
        }
        j.append("],\"outcomes\":{");
        boolean firstOutcome = true;
        for (String c : byStrategy()) {
            if (!p.has(c)) continue;
            Outcome o = Outcome.of(c);
            if (!firstOutcome) j.append(',');
            firstOutcome = false;
            j.append(str(c)).append(":{\"name\":").append(str(o.name())).append(",\"unit\":").append(str(o.unit()))
                    .append(",\"mean\":{");
            boolean f = true;
            for (String s : r.strategies()) {
                Statistics.Estimate e = p.estimate(s, c);
                if (!f) j.append(',');
                f = false;
                j.append(str(s)).append(':').append(point(o.shown(e.mean()), o.shown(e.low()), o.shown(e.high()),
                        HtmlReport.num(o.shown(e.mean())) + (Double.isNaN(e.low()) ? "" : " [" + HtmlReport.num(
                                o.shown(e.low())) + ", " + HtmlReport.num(o.shown(e.high())) + "]")
                                + (o.unit().isEmpty() ? "" : " " + o.unit())));
            }
            j.append('}');
            if (r.baseline() != null) {
                Headline.Goal g = Headline.GOALS.stream().filter(x -> x.column().equals(c)).findFirst()
                        .orElse(new Headline.Goal(c, 0, ""));
                j.append(",\"change\":{");
                f = true;
                String axis = null;
                for (String s : r.strategies()) {
                    if (s.equals(r.baseline())) continue;
                    Headline.Change ch = Headline.change(p, r.baseline(), s, g);
                    if (axis == null) axis = ch.text().contains("%") && !o.unit().equals("%") ? "change vs " + r.referenceWord() + " (%)"
                            : "change vs " + r.referenceWord() + (Headline.unitOfDifference(o).isEmpty() ? ""
                                    : " (" + Headline.unitOfDifference(o).strip() + ")");
                    if (!f) j.append(',');
                    f = false;
                    j.append(str(s)).append(':').append(point(ch.value(), ch.low(), ch.high(), ch.text()
                            + (ch.noDifference() ? " (no measurable difference)" : "")));
                }
                j.append("},\"changeAxis\":").append(str(axis == null ? "change vs " + r.referenceWord() : axis));
            }
            j.append('}');
        }
        if (r.baseline() != null && p.has("spend_usd_total") && p.has("delivered_kg_total")) {
            narcosim.metrics.Outcome co = Outcomes.COST_PER_KG_KEPT_OFF;
            Headline.Goal g = Headline.GOALS.get(Headline.GOALS.size() - 1);
            j.append(firstOutcome ? "" : ",").append(str(co.name())).append(":{\"name\":").append(str(co.label()))
                    .append(",\"unit\":").append(str(co.displayUnit())).append(",\"note\":")
                    .append(str("extra spend over the baseline / kg kept off the market, paired; bootstrap interval; "
                            + "a strategy that keeps nothing off has no point")).append(",\"mean\":{");
            boolean f = true;
            for (String s : r.strategies()) {
                if (s.equals(r.baseline())) continue;
                Headline.Change ch = Headline.change(p, r.baseline(), s, g);
                if (!f) j.append(',');
                f = false;
                j.append(str(s)).append(':').append(point(ch.value(), ch.low(), ch.high(), ch.text()));
            }
            j.append("}}");
        }
        j.append('}');
        if (r.hasTimeseries()) {
            List<String> columns = overTime().stream().map(Outcome::column).toList();
            Map<String, Map<String, Results.Band>> bands = r.weeklyBands(columns);
            j.append(",\"periodYears\":").append(num(Results.WEEKS_PER_PERIOD / 52.0)).append(",\"time\":{");
            boolean fo = true;
            for (Outcome o : overTime()) {
                if (!fo) j.append(',');
                fo = false;
                j.append(str(o.column())).append(":{\"name\":").append(str(o.name())).append(",\"unit\":")
                        .append(str(o.unit())).append(",\"series\":{");
                boolean fs = true;
                for (String s : r.strategies()) {
                    Results.Band b = bands.getOrDefault(s, Map.of()).get(o.column());
                    if (b == null) continue;
                    if (!fs) j.append(',');
                    fs = false;
                    j.append(str(s)).append(":[").append(array(b.mean(), o)).append(',').append(array(b.low(), o))
                            .append(',').append(array(b.high(), o)).append(']');
                }
                j.append("}}");
            }
            j.append('}');
        }
        return j.append('}').toString();
    }

    private static String point(double v, double lo, double hi, String text) {
        return "[" + num(v) + "," + num(lo) + "," + num(hi) + "," + str(text) + "]";
    }

    private static String array(double[] x, Outcome o) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < x.length; i++) {
            if (i > 0) b.append(',');
            b.append(num(o.shown(x[i])));
        }
        return b.append(']').toString();
    }

    /** A JSON number to 4 significant digits (null for NaN), the same bytes for the same value. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "null";
        if (v == 0) return "0";
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    static String str(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    // ------------------------------------------------------------------ script

    /** Builds the charts from #ix-data, wires the controls and the route-map viewers. */
    private static final String SCRIPT = """
            (function () {
              'use strict';
              var el = document.getElementById('ix-data');
              if (!el || typeof echarts === 'undefined') return;
              var D = JSON.parse(el.textContent);
              var S = D.strategies, byId = {};
              S.forEach(function (s) { byId[s.id] = s; });
              var names = S.map(function (s) { return s.name; });
              var grey = '#c8c8c8';
              function num(v) {
                if (v === null || v === undefined || isNaN(v)) return 'n/a';
                var a = Math.abs(v), t;
                if (a >= 100 || v === Math.round(v)) t = Math.round(v).toLocaleString('en-US');
                else if (a >= 10) t = v.toFixed(1);
                else if (a >= 1) t = v.toFixed(2);
                else t = v.toFixed(3);
                return t.replace('-', '\\u2212');
              }
              // on a phone the legend wraps onto lines (every strategy stays one tap away); wider, it is one line
              function legendFor(w) {
                return w < 640 ? { type: 'plain', top: 0, left: 0, itemGap: 8, itemWidth: 18, data: names,
                  textStyle: { fontSize: 12 } } : { type: 'scroll', top: 0, data: names, textStyle: { fontSize: 13 } };
              }
              function legendHeight(w) { return w < 640 ? 22 * Math.ceil(names.length / 2) + 8 : 30; }
              var charts = window.narcosimCharts = {};

              // ---- by strategy: a forest plot of means or changes with their intervals
              var pick = document.getElementById('ix-outcome-pick');
              var view = document.getElementById('ix-outcome-view');
              var outcomeEl = document.getElementById('ix-outcome');
              var oc = charts.outcome = echarts.init(outcomeEl, null, { renderer: 'canvas' });
              function drawOutcome() {
                var o = D.outcomes[pick.value];
                var change = view && view.value === 'change' && o.change;
                var data = change ? o.change : o.mean;
                var ids = S.map(function (s) { return s.id; }).filter(function (id) { return data[id]; });
                var cats = ids.map(function (id) { return byId[id].name; }).reverse();
                var series = [];
                ids.forEach(function (id) {
                  var s = byId[id], p = data[id];
                  if (p[1] !== null && p[2] !== null) {
                    series.push({ name: s.name, type: 'line', data: [[p[1], s.name, p[3]], [p[2], s.name, p[3]]],
                      symbol: 'none', lineStyle: { width: 4, color: s.colour }, itemStyle: { color: s.colour },
                      tooltip: { show: false }, z: 2 });
                  }
                  series.push({ name: s.name, type: 'scatter', data: p[0] === null ? [] : [[p[0], s.name, p[3]]],
                    symbolSize: 14, itemStyle: { color: s.colour, borderColor: '#fff', borderWidth: 1 }, z: 3 });
                });
                if (change) {
                  series.push({ name: '', type: 'line', data: [], markLine: { silent: true, symbol: 'none',
                    lineStyle: { color: '#555', type: 'dashed' }, label: { formatter: 'baseline' },
                    data: [{ xAxis: 0 }] } });
                }
                var w = outcomeEl.clientWidth, narrow = w < 560;
                oc.setOption({
                  animation: false,
                  legend: legendFor(w),
                  tooltip: { trigger: 'item', confine: true, formatter: function (q) {
                    return '<b>' + q.seriesName + '</b><br>' + o.name + ': ' + q.data[2]; } },
                  grid: { left: narrow ? 4 : 24, right: 24, top: legendHeight(w) + 20, bottom: 56, containLabel: true },
                  xAxis: { type: 'value', scale: !change, name: change ? o.changeAxis : (o.name + (o.unit ? ' (' + o.unit + ')' : '')),
                    nameLocation: 'middle', nameGap: 30, axisLabel: { formatter: num } },
                  yAxis: { type: 'category', data: cats, axisLabel: { width: narrow ? 100 : 220,
                    overflow: narrow ? 'truncate' : 'break', lineHeight: 14 } },
                  series: series
                }, { notMerge: true });
              }
              pick.addEventListener('change', drawOutcome);
              if (view) view.addEventListener('change', drawOutcome);
              drawOutcome();

              // ---- over time: one panel per strategy, the strategy in colour with its band, the others in grey
              var tpick = document.getElementById('ix-time-pick');
              var timeEl = document.getElementById('ix-time');
              if (tpick && timeEl && D.time) {
                var tc = charts.time = echarts.init(timeEl, null, { renderer: 'canvas' });
                var cols = 0;
                var drawTime = function () {
                  var o = D.time[tpick.value];
                  var ids = S.map(function (s) { return s.id; }).filter(function (id) { return o.series[id]; });
                  var w = timeEl.clientWidth;
                  cols = w >= 1000 ? 3 : w >= 640 ? 2 : 1;
                  var rows = Math.ceil(ids.length / cols);
                  var panelH = cols === 1 ? 190 : 210, top0 = legendHeight(w) + 28, gap = 46;
                  timeEl.style.height = (top0 + rows * (panelH + gap) + 10) + 'px';
                  tc.resize();
                  var max = 0, n = 0;
                  ids.forEach(function (id) {
                    var b = o.series[id];
                    n = Math.max(n, b[0].length);
                    b[2].concat(b[0]).forEach(function (v) { if (v !== null && v > max) max = v; });
                  });
                  if (max > 0) {
                    var mag = Math.pow(10, Math.floor(Math.log10(max))), f = max / mag;
                    var steps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
                    max = steps.filter(function (x) { return x >= f - 1e-9; })[0] * mag;
                  }
                  var x = [];
                  for (var i = 0; i < n; i++) x.push(((i + 0.5) * D.periodYears).toFixed(2));
                  var grids = [], xs = [], ys = [], titles = [], series = [], grays = [];
                  var pw = 100 / cols;
                  ids.forEach(function (id, k) {
                    var c = k % cols, r = Math.floor(k / cols);
                    var top = top0 + r * (panelH + gap);
                    grids.push({ left: (c * pw + 1) + '%', width: (pw - 2) + '%', top: top + 22, height: panelH - 22,
                      containLabel: true });
                    titles.push({ text: byId[id].name, left: (c * pw + 1) + '%', top: top,
                      textStyle: { fontSize: 13, color: byId[id].colour === '#000000' ? '#222' : byId[id].colour } });
                    xs.push({ type: 'category', gridIndex: k, data: x, boundaryGap: false,
                      name: k + cols >= ids.length ? 'year' : '', nameLocation: 'middle', nameGap: 22,
                      axisLabel: { interval: Math.max(0, Math.round(1 / D.periodYears) - 1),
                        formatter: function (v) { return Math.floor(v); } } });
                    ys.push({ type: 'value', gridIndex: k, min: 0, max: max > 0 ? max : null,
                      axisLabel: { formatter: num, fontSize: 11 } });
                    var b = o.series[id], s = byId[id];
                    series.push({ name: s.name, id: 'main-' + id, type: 'line', xAxisIndex: k, yAxisIndex: k,
                      data: b[0], showSymbol: false, lineStyle: { width: 2.2, color: s.colour },
                      itemStyle: { color: s.colour }, z: 4 });
                    series.push({ name: s.name, id: 'low-' + id, type: 'line', xAxisIndex: k, yAxisIndex: k,
                      data: b[1], showSymbol: false, stack: 'band' + k, lineStyle: { opacity: 0 }, silent: true,
                      tooltip: { show: false }, z: 2 });
                    series.push({ name: s.name, id: 'band-' + id, type: 'line', xAxisIndex: k, yAxisIndex: k,
                      data: b[2].map(function (v, i) { return v === null || b[1][i] === null ? null : v - b[1][i]; }),
                      showSymbol: false, stack: 'band' + k, lineStyle: { opacity: 0 }, silent: true,
                      areaStyle: { color: s.colour, opacity: 0.22 }, tooltip: { show: false }, z: 2 });
                    ids.forEach(function (other) {
                      if (other === id) return;
                      grays.push({ name: byId[other].name, id: 'grey-' + id + '-' + other, type: 'line', xAxisIndex: k,
                        yAxisIndex: k, data: o.series[other][0], showSymbol: false, silent: true,
                        lineStyle: { width: 1, color: grey }, itemStyle: { color: grey }, z: 1, tooltip: { show: false } });
                    });
                  });
                  tc.setOption({
                    animation: false, legend: legendFor(w), title: titles, grid: grids, xAxis: xs, yAxis: ys,
                    tooltip: { trigger: 'axis', confine: true, formatter: function (ps) {
                      var p = ps.filter(function (q) { return q.seriesId.indexOf('main-') === 0; })[0];
                      if (!p) return '';
                      var id = p.seriesId.substring(5), b = o.series[id], i = p.dataIndex;
                      return '<b>' + byId[id].name + '</b>, year ' + Math.floor(i * D.periodYears) + ', weeks '
                        + (i * Math.round(52 * D.periodYears) + 1) + '&ndash;' + ((i + 1) * Math.round(52 * D.periodYears))
                        + '<br>' + o.name + ': ' + num(b[0][i]) + ' [' + num(b[1][i]) + ', ' + num(b[2][i]) + '] '
                        + o.unit;
                    } },
                    series: series.concat(grays)
                  }, { notMerge: true });
                };
                tpick.addEventListener('change', drawTime);
                drawTime();
                window.addEventListener('resize', function () {
                  var w = timeEl.clientWidth, c = w >= 1000 ? 3 : w >= 640 ? 2 : 1;
                  if (c !== cols) drawTime(); else tc.resize();
                });
              }
              var lastW = outcomeEl.clientWidth;
              window.addEventListener('resize', function () {
                if ((outcomeEl.clientWidth < 560) !== (lastW < 560) || (outcomeEl.clientWidth < 640) !== (lastW < 640)) {
                  drawOutcome();
                }
                lastW = outcomeEl.clientWidth;
                oc.resize();
              });
            })();
            (function () {
              'use strict';
              // route-map viewers: zoom (wheel, pinch, buttons), pan (drag), switch strategy at the same view
              Array.prototype.forEach.call(document.querySelectorAll('.viewer'), function (v) {
                var box = v.querySelector('.zoom'), imgs = v.querySelectorAll('.zoom img');
                var caption = v.querySelector('.caption'), texts = v.querySelectorAll('template');
                var pick = v.querySelector('.pick');
                var k = 1, x = 0, y = 0, cur = 0;
                function img() { return imgs[cur]; }
                function apply() {
                  Array.prototype.forEach.call(imgs, function (im) {
                    im.style.transform = 'translate(' + x + 'px,' + y + 'px) scale(' + k + ')';
                  });
                }
                function fit() {
                  var im = img(), w = im.naturalWidth || 1, h = im.naturalHeight || 1;
                  k = Math.min(box.clientWidth / w, box.clientHeight / h);
                  x = (box.clientWidth - w * k) / 2; y = (box.clientHeight - h * k) / 2; apply();
                }
                function zoom(f, cx, cy) {
                  var nk = Math.max(0.05, Math.min(20, k * f));
                  x = cx - (cx - x) * nk / k; y = cy - (cy - y) * nk / k; k = nk; apply();
                }
                function show(i) {
                  imgs[cur].hidden = true; cur = i; imgs[cur].hidden = false;
                  if (caption && texts[i]) caption.textContent = texts[i].innerHTML.replace(/&amp;/g, '&')
                    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
                }
                if (pick) pick.addEventListener('change', function () { show(+pick.value); });
                v.querySelector('.zin').addEventListener('click', function () { zoom(1.4, box.clientWidth / 2, box.clientHeight / 2); });
                v.querySelector('.zout').addEventListener('click', function () { zoom(1 / 1.4, box.clientWidth / 2, box.clientHeight / 2); });
                v.querySelector('.zfit').addEventListener('click', fit);
                box.addEventListener('wheel', function (e) {
                  e.preventDefault();
                  var r = box.getBoundingClientRect();
                  zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
                }, { passive: false });
                var pts = {}, last = null;
                box.addEventListener('pointerdown', function (e) { box.setPointerCapture(e.pointerId); pts[e.pointerId] = e; });
                box.addEventListener('pointermove', function (e) {
                  if (!pts[e.pointerId]) return;
                  var ids = Object.keys(pts);
                  if (ids.length === 1) {
                    x += e.clientX - pts[e.pointerId].clientX; y += e.clientY - pts[e.pointerId].clientY; apply();
                  } else if (ids.length === 2) {
                    var o = pts[ids[0] == e.pointerId ? ids[1] : ids[0]];
                    var d = Math.hypot(e.clientX - o.clientX, e.clientY - o.clientY);
                    if (last) {
                      var r = box.getBoundingClientRect();
                      zoom(d / last, (e.clientX + o.clientX) / 2 - r.left, (e.clientY + o.clientY) / 2 - r.top);
                    }
                    last = d;
                  }
                  pts[e.pointerId] = e;
                });
                function up(e) { delete pts[e.pointerId]; last = null; }
                box.addEventListener('pointerup', up);
                box.addEventListener('pointercancel', up);
                var first = img();
                if (first.complete) fit(); else first.addEventListener('load', fit);
                window.addEventListener('resize', fit);
              });
            })();
            """;
}
