package dev.probebook.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitUntilState;
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
              const run = root.querySelector("[aria-label=Run]");
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
        int loads = argv.length > 0 ? Integer.parseInt(argv[0]) : 30;
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
        Files.writeString(runbooks.resolve("big.md"), bigRunbook(BIG_STEPS), StandardCharsets.UTF_8);

        List<String> rows = new ArrayList<>();
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket listener = new ServerSocket(0, 400, lo)) {
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
            String[] args = {
                "--probebook.runbooks-dir=" + runbooks,
                "--probebook.data-dir=" + data,
                "--probebook.limits.per-user-runs-per-minute=100000",
                "--probebook.limits.run-all-max-steps=" + BIG_STEPS
            };
            List<Double> starts = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // fresh processes, each timed to its sign-in page
                try (PackagedApp app = PackagedApp.start("notebook-bench-start", List.of(ADMIN), args)) {
                    starts.add((double) app.startMs());
                }
            }
            try (PackagedApp app = PackagedApp.start("notebook-bench-app", List.of(ADMIN), args);
                    Playwright pw = Playwright.create()) {
                starts.add((double) app.startMs());
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
                System.out.printf(
                        Locale.ROOT,
                        "app start to the sign-in page answering: %s ms (4 fresh processes)%n",
                        starts.stream()
                                .map(d -> String.format(Locale.ROOT, "%.0f", d))
                                .toList());

                int closedPort;
                try (ServerSocket s = new ServerSocket(0, 1, lo)) {
                    closedPort = s.getLocalPort();
                }
                runToVerdict(browser, base, listener.getLocalPort(), closedPort, 20);

                int seedWidgets = widgetCount(browser, base, "/runbook/seed");
                Loads seedLoads = pageLoads(browser, base, "/runbook/seed", WIDGETS_USABLE, seedWidgets, loads);
                System.out.printf(
                        Locale.ROOT,
                        "seed runbook page (%d step widgets), navigation to every widget usable: first %.0f ms,"
                                + " then median %.0f ms, p95 %.0f ms over %d loads%n  %s%n",
                        seedWidgets,
                        seedLoads.first(),
                        seedLoads.p50(),
                        seedLoads.p95(),
                        loads,
                        seedLoads.phaseLine());

                Loads oneStep = pageLoads(browser, base, "/runbook/tcp", WIDGETS_USABLE, 1, loads);
                System.out.printf(
                        Locale.ROOT,
                        "for comparison, a one-step runbook (Vaadin's page start alone, nearly): median %.0f ms,"
                                + " p95 %.0f ms%n",
                        oneStep.p50(),
                        oneStep.p95());
                List<Double> inApp = inAppLoads(browser, base, "seed", seedWidgets, loads);
                System.out.printf(
                        Locale.ROOT,
                        "seed runbook opened from the library (a link in the app, no page load): median %.0f ms,"
                                + " p95 %.0f ms%n",
                        percentile(inApp, 50),
                        percentile(inApp, 95));

                String bigPath = "/runbook/big?host=127.0.0.1&port=" + listener.getLocalPort();
                Loads bigFirst = pageLoads(browser, base, bigPath, WIDGETS_USABLE, null, loads);
                System.out.printf(
                        Locale.ROOT,
                        "%d-step runbook, navigation to the first screen usable: first %.0f ms, then median %.0f ms,"
                                + " p95 %.0f ms over %d loads%n  %s%n",
                        BIG_STEPS,
                        bigFirst.first(),
                        bigFirst.p50(),
                        bigFirst.p95(),
                        loads,
                        bigFirst.phaseLine());
                double[] rest = restOfBig(browser, base, bigPath);
                System.out.printf(
                        Locale.ROOT,
                        "%d-step runbook: every step on the page %.0f ms after navigation (sent in parts after the"
                                + " first screen); the last step's widget built %.0f ms after scrolling to it%n",
                        BIG_STEPS,
                        rest[0],
                        rest[1]);
                double runAllSeconds = runAllBig(browser, base, bigPath);
                System.out.printf(
                        Locale.ROOT,
                        "Run all on the %d-step runbook: every step reached a verdict in %.1f s%n",
                        BIG_STEPS,
                        runAllSeconds);

                long pagesRss = memory(browser, base, app.pid(), idleRss, PAGES_OPEN);
                browser.close();

                rows.add(row(
                        "seed runbook page, every widget usable, p95",
                        String.format(Locale.ROOT, "%.0f ms", seedLoads.p95()),
                        "< 500 ms",
                        seedLoads.p95() < 500));
                rows.add(row(
                        "  the same, opened from the library, p95",
                        String.format(Locale.ROOT, "%.0f ms", percentile(inApp, 95)),
                        "< 500 ms",
                        percentile(inApp, 95) < 500));
                rows.add(row(
                        BIG_STEPS + "-step runbook, first screen usable, p95",
                        String.format(Locale.ROOT, "%.0f ms", bigFirst.p95()),
                        "< 500 ms",
                        bigFirst.p95() < 500));
                double startP50 = percentile(starts, 50);
                rows.add(row(
                        "app start to the sign-in page, median of 4",
                        String.format(Locale.ROOT, "%.1f s", startP50 / 1000),
                        "< 4 s",
                        startP50 < 4000));
                rows.add(row(
                        "server RSS with " + PAGES_OPEN + " seed pages open",
                        String.format(Locale.ROOT, "%.0f MB", pagesRss / 1024.0),
                        "< 600 MB",
                        pagesRss < 600 * 1024));
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-48s %12s %10s  %s%n", "figure", "measured", "target", "");
        rows.forEach(System.out::println);
    }

    private static final int BIG_STEPS = 300;
    private static final int PAGES_OPEN = 50;

    private static String row(String figure, String measured, String target, boolean met) {
        return String.format(Locale.ROOT, "%-48s %12s %10s  %s", figure, measured, target, met ? "met" : "MISSED");
    }

    /** A runbook of {@code steps} TCP steps under their own headings, each with prose and an example output. */
    static String bigRunbook(int steps) {
        StringBuilder md = new StringBuilder("""
                ---
                title: Three hundred checks
                ---
                # Three hundred checks

                A generated runbook for the notebook benchmark: every section checks the same loopback port.

                """);
        for (int i = 1; i <= steps; i++) {
            md.append("## Check ").append(i).append("\n\n");
            md.append("Check ").append(i).append(" asks whether the service still accepts connections. ");
            md.append("A refusal means nothing listens or a firewall rejects; a timeout means SYNs are dropped.\n\n");
            md.append("```\nnc -zv {{host}} {{port}}\n```\n\n");
            md.append(
                    "<mark>When it works</mark>\n\n```\nConnection to 127.0.0.1 80 port [tcp/http] succeeded!\n```\n\n");
        }
        return md.toString();
    }

    /** The number of step widgets the page has once it has settled (scrolled through, so lazy ones are built). */
    private static int widgetCount(Browser browser, String base, String path) {
        try (BrowserContext ctx = browser.newContext()) {
            Page page = signedIn(ctx.newPage(), base);
            page.navigate(base + path);
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.locator(".terminal[data-step]").last().waitFor();
            return page.locator(".terminal[data-step]").count();
        }
    }

    /**
     * Opens runbook {@code name} by its link on the library page, {@code loads} times: from the click to every step
     * widget usable, measured in the page (the document stays; Vaadin only fetches the view).
     */
    private static List<Double> inAppLoads(Browser browser, String base, String name, int widgets, int loads) {
        List<Double> ms = new ArrayList<>();
        try (BrowserContext ctx = browser.newContext()) {
            Page page = signedIn(ctx.newPage(), base);
            for (int i = 0; i <= loads; i++) {
                page.navigate(base + "/");
                Locator link = page.locator("[data-runbook=" + name + "] a.runbook-title");
                link.waitFor();
                double t0 = ((Number) page.evaluate(
                                "(a) => { const t = performance.now(); a.click(); return t; }", link.elementHandle()))
                        .doubleValue();
                double t1 =
                        ((Number) page.waitForFunction(WIDGETS_USABLE, widgets).jsonValue()).doubleValue();
                if (i > 0) { // the first warms the view up
                    ms.add(t1 - t0);
                }
            }
        }
        return ms;
    }

    /**
     * The big runbook after its first screen: when all its steps are on the page (navigation start to the last
     * step's element), and how long the last step's widget takes to build once scrolled into view.
     */
    private static double[] restOfBig(Browser browser, String base, String path) {
        try (BrowserContext ctx = browser.newContext()) {
            Page page = signedIn(ctx.newPage(), base);
            page.navigate(base + path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
            double all = ((Number) page.waitForFunction(
                                    "(n) => document.querySelectorAll('.terminal[data-step]').length >= n"
                                            + " && performance.now()",
                                    BIG_STEPS)
                            .jsonValue())
                    .doubleValue();
            double built = ((Number) page.evaluate("""
                            () => new Promise((resolve) => {
                              const ws = document.querySelectorAll('.terminal[data-step]');
                              const last = ws[ws.length - 1];
                              const t0 = performance.now();
                              const poll = () => last.hasAttribute('data-lazy')
                                  ? requestAnimationFrame(poll) : resolve(performance.now() - t0);
                              last.scrollIntoView();
                              poll();
                            })""")).doubleValue();
            return new double[] {all, built};
        }
    }

    /** Clicks Run all on the big runbook (every step included) and waits until every step has a verdict. */
    private static double runAllBig(Browser browser, String base, String path) {
        try (BrowserContext ctx = browser.newContext()) {
            Page page = signedIn(ctx.newPage(), base);
            page.setDefaultTimeout(180_000);
            page.navigate(base + path);
            page.locator(".terminal[data-step]").first().waitFor();
            long t0 = System.nanoTime();
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Run all").setExact(true))
                    .click();
            page.waitForFunction(
                    "(n) => document.querySelectorAll('.terminal[data-step] [data-verdict]').length >= n",
                    BIG_STEPS,
                    new Page.WaitForFunctionOptions().setPollingInterval(200));
            double s = (System.nanoTime() - t0) / 1e9;
            long ok = page.locator(".terminal[data-step] [data-verdict=ok]").count();
            if (ok != BIG_STEPS) {
                throw new IllegalStateException("Run all: " + ok + " of " + BIG_STEPS + " steps ended ok");
            }
            return s;
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
            page.locator(sel + " [aria-label=Run]").click();
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

    /**
     * In the page: the time once the step widgets are usable (each one's Run button there and, if a web component,
     * defined): with {@code count}, once there are that many and all are usable; with null, once those at least
     * partly on the first screen are.
     */
    private static final String WIDGETS_USABLE = """
            (count) => {
              let ws = [...document.querySelectorAll('.terminal[data-step]')];
              if (count != null && ws.length < count) return false;
              if (count == null) {
                if (ws.length === 0) return false;
                ws = ws.filter(w => w.getBoundingClientRect().top < window.innerHeight);
              }
              for (const w of ws) {
                if (w.hasAttribute('data-lazy')) return false;
                const b = w.querySelector('[aria-label=Run], .not-runnable');
                if (!b) return false;
                if (b.localName.includes('-') && !customElements.get(b.localName)) return false;
              }
              return performance.now();
            }""";

    /** In the page: where the time of this load went (navigation and Vaadin's requests, ms from navigation start). */
    private static final String PHASES = """
            () => {
              const n = performance.getEntriesByType('navigation')[0];
              const uidl = performance.getEntriesByType('resource').filter(e => e.name.includes('v-r='));
              const js = performance.getEntriesByType('resource').filter(e => e.initiatorType === 'script' || e.name.endsWith('.js'));
              return {
                htmlServer: n.responseStart - n.requestStart,
                htmlDone: n.responseEnd,
                domReady: n.domContentLoadedEventEnd,
                scriptsFetched: js.reduce((a, e) => Math.max(a, e.responseEnd), 0),
                scriptBytes: js.reduce((a, e) => a + e.transferSize, 0),
                uidlCount: uidl.length,
                uidlServer: uidl.reduce((a, e) => a + (e.responseStart - e.requestStart), 0),
                uidlDone: uidl.reduce((a, e) => Math.max(a, e.responseEnd), 0),
                uidlBytes: uidl.reduce((a, e) => a + e.encodedBodySize, 0)
              };
            }""";

    /**
     * Loads {@code path} {@code loads + 1} times, each in a fresh signed-in browser context, and returns the
     * times from navigation start to {@code ready} (the first load is reported apart: cold server caches).
     */
    private static Loads pageLoads(Browser browser, String base, String path, String ready, Object arg, int loads) {
        List<Double> ms = new ArrayList<>();
        List<Map<String, Object>> phases = new ArrayList<>();
        for (int i = 0; i <= loads; i++) {
            try (BrowserContext ctx = browser.newContext()) {
                Page page = signedIn(ctx.newPage(), base);
                page.navigate(base + path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
                Object t = page.waitForFunction(ready, arg).jsonValue();
                ms.add(((Number) t).doubleValue());
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) page.evaluate(PHASES);
                phases.add(p);
            }
        }
        double first = ms.remove(0);
        phases.remove(0);
        return new Loads(first, ms, phases);
    }

    record Loads(double first, List<Double> ms, List<Map<String, Object>> phases) {
        double p50() {
            return percentile(ms, 50);
        }

        double p95() {
            return percentile(ms, 95);
        }

        /** The median of one phase over the loads. */
        double phase(String key) {
            return percentile(
                    phases.stream()
                            .map(p -> ((Number) p.get(key)).doubleValue())
                            .toList(),
                    50);
        }

        String phaseLine() {
            return String.format(
                    Locale.ROOT,
                    "HTML from server %.0f ms (done at %.0f), scripts done at %.0f ms (%.0f kB fetched),"
                            + " DOM ready at %.0f ms, %.0f Vaadin request(s): %.0f ms in the server, done at %.0f ms"
                            + " (%.0f kB), widgets usable at %.0f ms (medians)",
                    phase("htmlServer"),
                    phase("htmlDone"),
                    phase("scriptsFetched"),
                    phase("scriptBytes") / 1024,
                    phase("domReady"),
                    phase("uidlCount"),
                    phase("uidlServer"),
                    phase("uidlDone"),
                    phase("uidlBytes") / 1024,
                    p50());
        }
    }

    private static long memory(Browser browser, String base, long pid, long idleRss, int pages) throws IOException {
        List<BrowserContext> open = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            BrowserContext ctx = browser.newContext();
            Page page = signedIn(ctx.newPage(), base);
            page.navigate(base + "/runbook/seed");
            page.locator(".terminal[data-step]").last().waitFor();
            open.add(ctx);
        }
        long rss = rssKb(pid);
        System.out.printf(
                Locale.ROOT,
                "server RSS: idle after start %.0f MB, with %d seed-runbook pages open %.0f MB"
                        + " (peak VmHWM %.0f MB)%n",
                idleRss / 1024.0,
                pages,
                rss / 1024.0,
                statusKb(pid, "VmHWM:") / 1024.0);
        open.forEach(BrowserContext::close);
        return rss;
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
