package narcosim.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol (a WebSocket; no ChromeDriver needed): opens a
 * page, evaluates JavaScript in it, and collects console errors and uncaught exceptions. JSON messages are
 * read with SnakeYAML (JSON is YAML). Skipped (assumption) when chromium is not installed.
 */
final class Cdp implements AutoCloseable {

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());
    /** Console errors, uncaught exceptions and failed loads, as text. */
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    private Cdp(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts headless Chromium with a window of the given size and attaches to its page. */
    static Cdp start(Path tmp, int width, int height) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Chromium.EXE),
                "chromium not installed: interactive report.html browser check skipped");
        Path profile = Files.createTempDirectory(tmp, "cdp-profile");
        List<String> cmd = List.of(Chromium.EXE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "about:blank");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("cdp-chromium.log")
                .toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.isRegularFile(portFile) && Files.size(portFile) > 0)) {
            if (!p.isAlive() || System.nanoTime() > until) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not open its debugging port: "
                        + Files.readString(tmp.resolve("cdp-chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        String ws = null;
        for (int tries = 0; ws == null && tries < 50; tries++) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            for (Object o : (List<?>) parse(body)) {
                Map<?, ?> t = (Map<?, ?>) o;
                if ("page".equals(t.get("type"))) ws = String.valueOf(t.get("webSocketDebuggerUrl"));
            }
            if (ws == null) Thread.sleep(100);
        }
        if (ws == null) throw new AssertionError("chromium has no page to attach to");
        Cdp[] self = new Cdp[1];
        StringBuilder partial = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(ws), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String msg = partial.toString();
                            partial.setLength(0);
                            self[0].receive(msg);
                        }
                        w.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        self[0] = new Cdp(p, socket);
        self[0].call("Runtime.enable", Map.of());
        self[0].call("Log.enable", Map.of());
        self[0].call("Page.enable", Map.of());
        return self[0];
    }

    private static Object parse(String json) {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(256 * 1024 * 1024);
        return new Yaml(o).load(json);
    }

    @SuppressWarnings("unchecked")
    private void receive(String msg) {
        Map<String, Object> m = (Map<String, Object>) parse(msg);
        Object id = m.get("id");
        if (id instanceof Integer i) {
            CompletableFuture<Map<String, Object>> f = pending.remove(i);
            if (f != null) f.complete(m);
            return;
        }
        events.add(m);
        String method = String.valueOf(m.get("method"));
        Map<String, Object> params = (Map<String, Object>) m.getOrDefault("params", Map.of());
        if (method.equals("Runtime.exceptionThrown")) {
            errors.add("uncaught: " + params.get("exceptionDetails"));
        } else if (method.equals("Runtime.consoleAPICalled") && "error".equals(params.get("type"))) {
            errors.add("console.error: " + params.get("args"));
        } else if (method.equals("Log.entryAdded")) {
            Map<String, Object> e = (Map<String, Object>) params.get("entry");
            if (e != null && "error".equals(e.get("level"))) errors.add("log: " + e.get("text") + " " + e.get("url"));
        }
    }

    /** Sends a command and waits for its result (an error reply fails the test). */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
        pending.put(id, f);
        StringBuilder json = new StringBuilder("{\"id\":").append(id).append(",\"method\":")
                .append(Interactive.str(method)).append(",\"params\":").append(json(params)).append('}');
        socket.sendText(json, true).get(30, TimeUnit.SECONDS);
        Map<String, Object> reply = f.get(120, TimeUnit.SECONDS);
        if (reply.get("error") != null) throw new AssertionError(method + ": " + reply.get("error"));
        return (Map<String, Object>) reply.getOrDefault("result", Map.of());
    }

    private static String json(Object o) {
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (b.length() > 1) b.append(',');
                b.append(Interactive.str(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (o instanceof Number || o instanceof Boolean) return String.valueOf(o);
        return Interactive.str(String.valueOf(o));
    }

    /** Opens a page and waits for its load event. */
    void open(Path html) throws Exception {
        int before = events.size();
        call("Page.navigate", Map.of("url", html.toAbsolutePath().toUri().toString()));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            synchronized (events) {
                for (int i = before; i < events.size(); i++) {
                    if ("Page.loadEventFired".equals(events.get(i).get("method"))) return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("page did not load within 120 s: " + html);
    }

    /** Evaluates an expression (awaiting a promise) and returns its value. */
    @SuppressWarnings("unchecked")
    Object eval(String expression) throws Exception {
        Map<String, Object> r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.get("exceptionDetails") != null) throw new AssertionError("JavaScript failed: " + r.get("exceptionDetails"));
        return ((Map<String, Object>) r.get("result")).get("value");
    }

    /** Sets the viewport to a phone or desktop width. */
    void viewport(int width, int height) throws Exception {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", width < 600));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
