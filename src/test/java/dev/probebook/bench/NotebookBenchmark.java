package dev.probebook.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.probebook.testing.PackagedApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark of the web notebook (run with {@code bench/notebook}; not a test): starts the packaged app
 * ({@code target/probebook.jar}, via {@link PackagedApp}) on a free loopback port with one admin user, a
 * temporary runbooks folder and a temporary data dir, drives Debian's Chromium with Playwright, signs every
 * browser context in through the login form before measuring anything, and prints
 * <ul>
 *   <li>Run → verdict: time from clicking Run on a TCP step ({@code nc -zv}) against a loopback listener to
 *   the verdict badge getting its {@code data-verdict}, measured inside the page (MutationObserver,
 *   {@code performance.now()}), median and p95 over N runs after a warm-up;</li>
 *   <li>the seed runbook's page load: from {@code page.navigate} to the last step widget being in the DOM,
 *   first (cold) load and median of the following loads, each in a fresh browser context that has just
 *   signed in (the sign-in is not part of the time);</li>
 *   <li>server memory: RSS of the app process ({@code VmRSS} in {@code /proc/PID/status}) when idle and
 *   with 20 seed-runbook pages open at once, each in its own browser context (its own session).</li>
 * </ul>
 * Arguments: {@code [runs] [seed runbook]} (defaults 50 and /work/shared/seed/network-connectivity.ko.md).
 * All traffic is loopback. The per-user runs-per-minute limit is raised for the benchmark's user: the Run →
 * verdict series starts about 2 × (runs + 10) runs within a minute or so, more than the default 60.
 */
public final class NotebookBenchmark {

    private static final Path JAR = Path.of("target/probebook.jar");
    private static final PackagedApp.User ADMIN = new PackagedApp.User("bench-admin", "bench-admin-password", "admin");
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

    private NotebookBenchmark() {}

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
            Path data = Files.createTempDirectory("probebook-bench-data");
            try (PackagedApp app = PackagedApp.start(
                            "notebook-bench-app",
                            List.of(ADMIN),
                            "--probebook.runbooks-dir=" + runbooks,
                            "--probebook.data-dir=" + data,
                            "--probebook.limits.per-user-runs-per-minute=100000");
                    Playwright pw = Playwright.create()) {
                String base = app.base();
                Browser browser = pw.chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(Path.of("/usr/bin/chromium"))
                                .setHeadless(true)
                                .setArgs(List.of(
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-quic",
                                        "--no-first-run",
                                        "--disable-background-networking",
                                        "--disable-component-update",
                                        "--disable-sync")));
                System.out.printf(
                        Locale.ROOT,
                        "app pid %d, java %s, %d cores, jar %s, signed in as %s (%s)%n",
                        app.pid(),
                        Runtime.version(),
                        Runtime.getRuntime().availableProcessors(),
                        JAR,
                        ADMIN.name(),
                        ADMIN.role());
                long idleRss = rssKb(app.pid());

                int closedPort;
                try (ServerSocket s = new ServerSocket(0, 1, lo)) {
                    closedPort = s.getLocalPort();
                }
                runToVerdict(browser, base, listener.getLocalPort(), closedPort, runs);
                pageLoad(browser, base);
                memory(browser, base, app.pid(), idleRss);
                browser.close();
            }
        }
    }

    private static void runToVerdict(Browser browser, String base, int listenerPort, int closedPort, int runs) {
        try (BrowserContext ctx = browser.newContext()) {
            Page page = signedIn(ctx.newPage(), base);
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
            System.out.printf(
                    Locale.ROOT,
                    "Run -> verdict (TCP step, loopback listener, %d runs): median %.1f ms, p95 %.1f ms,"
                            + " min %.1f ms, max %.1f ms%n",
                    runs,
                    percentile(ms, 50),
                    percentile(ms, 95),
                    Collections.min(ms),
                    Collections.max(ms));
        }
    }

    /**
     * Signs the page's browser context in through the Vaadin login form and waits until the app shows the
     * signed-in user (the session cookie then serves every page of that context).
     */
    private static Page signedIn(Page page, String base) {
        page.setDefaultTimeout(20_000);
        page.navigate(base + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(ADMIN.name());
        page.locator("vaadin-login-form input[name=password]").fill(ADMIN.password());
        page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form [part=vaadin-login-submit]")
                .first()
                .click();
        page.locator("[data-user='" + ADMIN.name() + "']").waitFor();
        return page;
    }

    private static void setPort(Page page, int port) {
        Locator input = page.locator("[data-variable=port] input");
        input.fill(String.valueOf(port));
        input.press("Enter");
    }

    private static double clickRun(Page page, String sel, String expected) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate(CLICK_RUN_AND_WAIT, List.of(sel, expected));
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
                Page page = signedIn(ctx.newPage(), base);
                long t0 = System.nanoTime(); // after sign-in: only the runbook's load is timed
                page.navigate(base + "/runbook/seed");
                page.locator(".terminal[data-step]").last().waitFor();
                ms.add((System.nanoTime() - t0) / 1e6);
                widgets = page.locator(".terminal[data-step]").count();
            }
        }
        double first = ms.remove(0);
        System.out.printf(
                Locale.ROOT,
                "seed runbook page load (%d step widgets): first %.0f ms, then median %.0f ms,"
                        + " p95 %.0f ms over %d loads%n",
                widgets,
                first,
                percentile(ms, 50),
                percentile(ms, 95),
                ms.size());
    }

    private static void memory(Browser browser, String base, long pid, long idleRss) throws IOException {
        List<BrowserContext> open = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BrowserContext ctx = browser.newContext();
            Page page = signedIn(ctx.newPage(), base);
            page.navigate(base + "/runbook/seed");
            page.locator(".terminal[data-step]").last().waitFor();
            open.add(ctx);
        }
        long rss = rssKb(pid);
        System.out.printf(
                Locale.ROOT,
                "server RSS: idle after start %.0f MB, with 20 seed-runbook pages open %.0f MB"
                        + " (peak VmHWM %.0f MB)%n",
                idleRss / 1024.0,
                rss / 1024.0,
                statusKb(pid, "VmHWM:") / 1024.0);
        open.forEach(BrowserContext::close);
    }

    private static long rssKb(long pid) throws IOException {
        return statusKb(pid, "VmRSS:");
    }

    private static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(
                        line.substring(field.length()).replace("kB", "").strip());
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
}
