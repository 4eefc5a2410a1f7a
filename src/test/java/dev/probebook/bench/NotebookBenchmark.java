package dev.probebook.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the web notebook (run with {@code bench/notebook}; not a test): starts the packaged app
 * ({@code target/probebook.jar}) on a free loopback port with a temporary runbooks folder, drives Debian's
 * Chromium with Playwright and prints
 * <ul>
 *   <li>Run → verdict: time from clicking Run on a TCP step ({@code nc -zv}) against a loopback listener to
 *   the verdict badge getting its {@code data-verdict}, measured inside the page (MutationObserver,
 *   {@code performance.now()}), median and p95 over N runs after a warm-up;</li>
 *   <li>the seed runbook's page load: from {@code page.navigate} to the last step widget being in the DOM,
 *   first (cold) load and median of the following loads, each in a fresh browser context;</li>
 *   <li>server memory: RSS of the app process ({@code VmRSS} in {@code /proc/PID/status}) when idle and
 *   with 20 seed-runbook pages open at once, each in its own browser context (its own session).</li>
 * </ul>
 * Arguments: {@code [runs] [seed runbook]} (defaults 50 and /work/shared/seed/network-connectivity.ko.md).
 * All traffic is loopback.
 */
public final class NotebookBenchmark {

    private static final Path JAR = Path.of("target/probebook.jar");
    private static final String CLICK_RUN_AND_WAIT = """
            ([sel, expected]) => new Promise((resolve) => {
              const root = document.querySelector(sel);
              const badge = root.querySelector('.status .badge');
              const run = [...root.querySelectorAll('vaadin-button')].find(b => b.getAttribute('aria-label') === 'Run');
              let t0;
              const obs = new MutationObserver(() => {
                if (badge.getAttribute('data-verdict') === expected) {
                  obs.disconnect();
                  resolve({ms: performance.now() - t0, verdict: badge.getAttribute('data-verdict')});
                }
              });
              obs.observe(badge, {attributes: true, attributeFilter: ['data-verdict']});
              setTimeout(() => { obs.disconnect(); resolve({ms: -1, verdict: badge.getAttribute('data-verdict')}); }, 15000);
              t0 = performance.now();
              run.click();
            })""";

    private NotebookBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        int runs = argv.length > 0 ? Integer.parseInt(argv[0]) : 50;
        Path seed = Path.of(argv.length > 1 ? argv[1] : "/work/shared/seed/network-connectivity.ko.md");
        if (!Files.isRegularFile(JAR) || !Files.isRegularFile(seed)) {
            throw new IllegalStateException("needs " + JAR + " and the seed runbook " + seed);
        }
        Path runbooks = Files.createTempDirectory("probebook-bench-runbooks");
        Files.copy(seed, runbooks.resolve("seed.md"));
        Files.writeString(runbooks.resolve("tcp.md"), """
                # TCP

                ```
                nc -zv {{host}} {{port}}
                ```
                """, StandardCharsets.UTF_8);

        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket listener = new ServerSocket(0, 200, lo)) {
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        s.getInputStream().available();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, lo)) {
                port = s.getLocalPort();
            }
            String base = "http://127.0.0.1:" + port;
            String javaCmd = ProcessHandle.current().info().command().orElse("java");
            Path log = Files.createTempFile("probebook-bench-app", ".log");
            ProcessBuilder pb = new ProcessBuilder(javaCmd, "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString(),
                    "--server.port=" + port, "--probebook.runbooks-dir=" + runbooks)
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
            Process app = pb.start();
            try (Playwright pw = Playwright.create()) {
                waitForHttp(app, base + "/", Duration.ofSeconds(90), log);
                Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
                System.out.printf(Locale.ROOT, "app pid %d, java %s, %d cores, jar %s%n", app.pid(),
                        Runtime.version(), Runtime.getRuntime().availableProcessors(), JAR);
                long idleRss = rssKb(app.pid());

                int closedPort;
                try (ServerSocket s = new ServerSocket(0, 1, lo)) {
                    closedPort = s.getLocalPort();
                }
                runToVerdict(browser, base, listener.getLocalPort(), closedPort, runs);
                pageLoad(browser, base);
                memory(browser, base, app.pid(), idleRss);
                browser.close();
            } finally {
                app.destroy();
                if (!app.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    private static void runToVerdict(Browser browser, String base, int listenerPort, int closedPort, int runs) {
        try (BrowserContext ctx = browser.newContext()) {
            Page page = ctx.newPage();
            page.navigate(base + "/runbook/tcp?host=127.0.0.1&port=" + listenerPort);
            page.locator(".terminal[data-probe=tcp]").waitFor();
            String sel = ".terminal[data-probe=tcp]";
            // The badge reaches the page with the first run (hidden components are not sent to the browser).
            // Every measured run (port = listener, verdict ok) follows an unmeasured one against a closed port
            // (verdict fail): Flow sends only changed state, so a verdict equal to the last one might produce
            // no change in the page to observe.
            page.locator(sel + " vaadin-button[aria-label=Run]").click();
            page.locator(sel + " [data-verdict]").waitFor();
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < runs + 10; i++) {
                setPort(page, closedPort);
                clickRun(page, sel, "fail");
                setPort(page, listenerPort);
                double t = clickRun(page, sel, "ok");
                if (i >= 10) { // the first 10 warm up the JIT and the push connection
                    ms.add(t);
                }
            }
            System.out.printf(Locale.ROOT, "Run -> verdict (TCP step, loopback listener, %d runs): median %.1f ms, p95 %.1f ms,"
                    + " min %.1f ms, max %.1f ms%n", runs, percentile(ms, 50), percentile(ms, 95),
                    Collections.min(ms), Collections.max(ms));
        }
    }

    private static void setPort(Page page, int port) {
        Locator input = page.locator("[data-variable=port] input");
        input.fill(String.valueOf(port));
        input.press("Enter");
    }

    private static double clickRun(Page page, String sel, String expected) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> r = (java.util.Map<String, Object>) page.evaluate(CLICK_RUN_AND_WAIT, List.of(sel, expected));
        if (!expected.equals(r.get("verdict"))) {
            throw new IllegalStateException("TCP step ended " + r.get("verdict"));
        }
        return ((Number) r.get("ms")).doubleValue();
    }

    private static void pageLoad(Browser browser, String base) {
        List<Double> ms = new ArrayList<>();
        int widgets = 0;
        for (int i = 0; i < 11; i++) {
            try (BrowserContext ctx = browser.newContext()) {
                Page page = ctx.newPage();
                long t0 = System.nanoTime();
                page.navigate(base + "/runbook/seed");
                page.locator(".terminal[data-step]").last().waitFor();
                ms.add((System.nanoTime() - t0) / 1e6);
                widgets = page.locator(".terminal[data-step]").count();
            }
        }
        double first = ms.remove(0);
        System.out.printf(Locale.ROOT, "seed runbook page load (%d step widgets): first %.0f ms, then median %.0f ms,"
                + " p95 %.0f ms over %d loads%n", widgets, first, percentile(ms, 50), percentile(ms, 95), ms.size());
    }

    private static void memory(Browser browser, String base, long pid, long idleRss) throws IOException {
        List<BrowserContext> open = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BrowserContext ctx = browser.newContext();
            Page page = ctx.newPage();
            page.navigate(base + "/runbook/seed");
            page.locator(".terminal[data-step]").last().waitFor();
            open.add(ctx);
        }
        long rss = rssKb(pid);
        System.out.printf(Locale.ROOT, "server RSS: idle after start %.0f MB, with 20 seed-runbook pages open %.0f MB"
                + " (peak VmHWM %.0f MB)%n", idleRss / 1024.0, rss / 1024.0, statusKb(pid, "VmHWM:") / 1024.0);
        open.forEach(BrowserContext::close);
    }

    private static long rssKb(long pid) throws IOException {
        return statusKb(pid, "VmRSS:");
    }

    private static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static void waitForHttp(Process app, String url, Duration max, Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!app.isAlive()) {
                throw new IllegalStateException("app exited: see " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("app did not answer on " + url);
    }
}
