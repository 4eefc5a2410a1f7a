package dev.probebook.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.history.RecordedRuns;
import dev.probebook.history.RunQuery;
import dev.probebook.history.RunRecord;
import dev.probebook.history.RunStores;
import dev.probebook.history.StepKey;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.settings.Settings;
import dev.probebook.step.Admission;
import dev.probebook.step.RunPlace;
import dev.probebook.step.StepCommands;
import dev.probebook.step.StepListener;
import dev.probebook.step.StepRequest;
import dev.probebook.step.StepRunner;
import dev.probebook.testing.Browsers;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.PackagedApp;
import dev.probebook.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark of the run history (run with {@code bench/history}; not a test). For the embedded H2 store and for
 * PostgreSQL (Debian's server, started on loopback as the tests do), each holding N stored runs (default 100,000:
 * 30 runbooks, the seed runbook's steps among them, 40 people, a year of Run-all sessions and single runs, about
 * 600 bytes of output each), it prints
 *
 * <ul>
 *   <li>the cost a record adds to a run: the same TCP step against a loopback listener run through the step runner
 *       with the history observer and without it, alternating in one run, median and p95 of Run → verdict;
 *   <li>{@code GET /api/runs} latency (p50, p95) over a mix of filters (none, runbook, person, verdict, target), on the
 *       packaged app;
 *   <li>the library's load (every card with its freshness) and the seed runbook's page load (every step with its
 *       last runs), in Chromium, first and median of ten fresh signed-in contexts.
 * </ul>
 *
 * Arguments: {@code [runs] [pairs]} (defaults 100000 and 200). Everything is loopback.
 */
public final class HistoryBenchmark {

    private static final PackagedApp.User ADMIN = new PackagedApp.User("bench-admin", "bench-admin-password", "admin");
    private static final Path SEED = Path.of("runbooks/network-connectivity.ko.md");
    private static final int RUNBOOKS = 30;
    private static final int PEOPLE = 40;

    private HistoryBenchmark() {}

    public static void main(String[] argv) throws Exception {
        int runs = argv.length > 0 ? Integer.parseInt(argv[0]) : 100_000;
        int pairs = argv.length > 1 ? Integer.parseInt(argv[1]) : 200;
        System.out.printf(
                Locale.ROOT,
                "java %s, %d cores, %,d stored runs, %d record pairs%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                runs,
                pairs);
        Path runbooks = Files.createTempDirectory("probebook-bench-history-runbooks");
        Files.copy(SEED, runbooks.resolve("seed.md"));
        for (int i = 1; i < RUNBOOKS; i++) {
            Files.writeString(
                    runbooks.resolve("book-" + i + ".md"),
                    "# Book " + i + "\n\n## Port\n\n```\nnc -zv 127.0.0.1 " + (1000 + i) + "\n```\n\n## Web\n\n```\n"
                            + "curl -I http://127.0.0.1:" + (2000 + i) + "/\n```\n",
                    StandardCharsets.UTF_8);
        }
        RunbookPlan seedPlan =
                new Planner(ProbeRegistry.standard()).plan(new MarkdownParser().parse(Files.readString(SEED), "seed"));

        bench("embedded H2", null, null, runbooks, seedPlan, runs, pairs);
        if (PostgresServer.binaries() == null) {
            System.out.println("PostgreSQL: not installed (apt-get install postgresql), skipped");
            return;
        }
        try (PostgresServer postgres = PostgresServer.start()) {
            bench(
                    "PostgreSQL " + PostgresServer.binaries().getParent().getFileName(),
                    postgres.newDatabase("bench"),
                    postgres.user(),
                    runbooks,
                    seedPlan,
                    runs,
                    pairs);
        }
    }

    private static void bench(
            String name, String url, String user, Path runbooks, RunbookPlan seedPlan, int runs, int pairs)
            throws Exception {
        System.out.println("== " + name);
        Path data = Files.createTempDirectory("probebook-bench-history-data");
        try (RunStores.Opened history = RunStores.open(url, user, "", data)) {
            long t0 = System.nanoTime();
            fill(history, seedPlan, runs);
            System.out.printf(Locale.ROOT, "filled %,d runs in %.1f s%n", runs, (System.nanoTime() - t0) / 1e9);
            storeQueries(history, seedPlan);
            recordCost(history, pairs);
        }
        List<String> args = new ArrayList<>(List.of(
                "--probebook.runbooks-dir=" + runbooks,
                "--probebook.data-dir=" + data,
                "--probebook.limits.per-user-runs-per-minute=100000"));
        if (url != null) {
            args.add("--spring.datasource.url=" + url);
            args.add("--spring.datasource.username=" + user);
        }
        try (PackagedApp app = PackagedApp.start("history-bench-app", List.of(ADMIN), args.toArray(String[]::new));
                Playwright pw = Playwright.create();
                Browser browser = Browsers.chromium(pw)) {
            apiRuns(app);
            pageLoads(browser, app.base(), "library (" + RUNBOOKS + " runbooks with freshness)", "/");
            pageLoads(
                    browser,
                    app.base(),
                    "seed runbook page (" + seedPlan.steps().size() + " steps with their last runs)",
                    "/runbook/seed");
        }
    }

    /** N runs over a year: Run-all sessions of whole runbooks and single step runs, mostly ok. */
    private static void fill(RunStores.Opened history, RunbookPlan seedPlan, int runs) throws Exception {
        Random random = new Random(42);
        Instant now = Instant.now();
        String output = ("* Trying 127.0.0.1:443...\n* Connected to 127.0.0.1 (127.0.0.1) port 443\n"
                        + "> HEAD / HTTP/1.1\n> Host: 127.0.0.1\n< HTTP/1.1 200 OK\n< Content-Length: 512\n")
                .repeat(3);
        List<RunRecord> batch = new ArrayList<>();
        int made = 0;
        while (made < runs) {
            int book = random.nextInt(RUNBOOKS);
            String runbook = book == 0 ? "seed" : "book-" + book;
            // the steps as the pages know them: line and section heading
            List<StepKey> lines = book == 0
                    ? seedPlan.steps().stream().map(HistoryBenchmark::key).toList()
                    : List.of(new StepKey(5, "Port"), new StepKey(11, "Web"));
            boolean session = random.nextInt(3) == 0;
            String sessionId = session ? UUID.randomUUID().toString() : null;
            List<StepKey> steps = session ? lines : List.of(lines.get(random.nextInt(lines.size())));
            Instant at = now.minusSeconds(random.nextLong(365L * 86_400));
            String person = "person-" + random.nextInt(PEOPLE);
            for (StepKey step : steps) {
                if (made++ >= runs) {
                    break;
                }
                int roll = random.nextInt(100);
                String verdict = roll < 85 ? "ok" : roll < 95 ? "fail" : "warn";
                String target = "127.0.0." + (1 + random.nextInt(20)) + ":" + (400 + random.nextInt(100));
                batch.add(new RunRecord(
                        UUID.randomUUID().toString(),
                        sessionId,
                        at,
                        at.plusMillis(40),
                        person,
                        person,
                        null,
                        runbook,
                        "v" + (book % 3),
                        step.line(),
                        step.heading(),
                        "nc -zv {{host}} {{port}}",
                        "nc -zv " + target.replace(':', ' '),
                        "tcp",
                        Map.of("host", "127.0.0.1"),
                        verdict,
                        "port " + target + " is " + (verdict.equals("fail") ? "refused" : "open"),
                        output,
                        false,
                        null,
                        null,
                        Map.of("port", verdict.equals("fail") ? "refused" : "open"),
                        target,
                        40,
                        List.of("RUN"),
                        false));
                at = at.plusMillis(50);
            }
            if (batch.size() >= 1000) {
                store(history, batch);
                batch = new ArrayList<>();
            }
        }
        store(history, batch);
    }

    private static void store(RunStores.Opened history, List<RunRecord> batch) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (List<RunRecord> part :
                    List.of(batch.subList(0, batch.size() / 2), batch.subList(batch.size() / 2, batch.size()))) {
                done.add(pool.submit(() -> {
                    for (RunRecord r : part) {
                        history.store().record(r);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    /** The store's own time for what the library and a runbook page ask, without HTTP or a browser. */
    private static void storeQueries(RunStores.Opened history, RunbookPlan seedPlan) throws Exception {
        List<String> all = new ArrayList<>(List.of("seed"));
        for (int i = 1; i < RUNBOOKS; i++) {
            all.add("book-" + i);
        }
        Map<String, StoreCall> calls = new LinkedHashMap<>();
        calls.put(
                "freshness of " + RUNBOOKS + " runbooks", () -> history.store().freshness(all, Instant.now()));
        calls.put(
                "last 5 runs of each seed step",
                () -> history.store()
                        .recentByStep(
                                "seed",
                                seedPlan.steps().stream()
                                        .map(HistoryBenchmark::key)
                                        .toList(),
                                5));
        calls.put("newest 100 runs", () -> history.store().runs(RunQuery.latest(100)));
        for (var call : calls.entrySet()) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long t0 = System.nanoTime();
                call.getValue().call();
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            ms.remove(0);
            System.out.printf(
                    Locale.ROOT,
                    "store: %s: median %.1f ms, max %.1f ms%n",
                    call.getKey(),
                    NotebookBenchmark.percentile(ms, 50),
                    NotebookBenchmark.percentile(ms, 100));
        }
    }

    private interface StoreCall {
        Object call() throws Exception;
    }

    /** The same step with and without the history observer, alternating: the record's own cost on a run. */
    private static void recordCost(RunStores.Opened history, int pairs) throws Exception {
        CommandBinder binder = new CommandBinder(ProbeRegistry.standard());
        RunbookPlan plan = new Planner(ProbeRegistry.standard())
                .plan(new MarkdownParser().parse("# Net\n\n## Port\n\n```\nnc -zv {{host}} {{port}}\n```\n", "net"));
        PlannedBlock step = plan.steps().get(0);
        try (ProbeRunner engine = new ProbeRunner(Settings.defaults(), TargetPolicy.allowAll());
                LoopbackServers.Open open = new LoopbackServers.Open(null)) {
            StepRunner recorded = new StepRunner(
                    engine, List.of(new RecordedRuns(history.store(), Clock.systemUTC())), Clock.systemUTC());
            StepRunner bare = new StepRunner(engine, List.of(), Clock.systemUTC());
            Map<String, String> values = Map.of("host", "127.0.0.1", "port", String.valueOf(open.port()));
            List<Double> with = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            for (int i = 0; i < pairs + 20; i++) {
                StepRequest request = new StepRequest(
                        "bench",
                        "bench",
                        RunPlace.step("net", "v1", step.line(), step.code().section()),
                        null,
                        StepCommands.forStep(binder, plan, step, values),
                        values);
                double a = time(recorded, request);
                double b = time(bare, request);
                if (i >= 20) { // warm-up
                    with.add(a);
                    without.add(b);
                }
            }
            double mw = NotebookBenchmark.percentile(with, 50);
            double mo = NotebookBenchmark.percentile(without, 50);
            System.out.printf(
                    Locale.ROOT,
                    "Run -> verdict, TCP step on loopback, %d pairs: recorded median %.2f ms p95 %.2f ms;"
                            + " not recorded median %.2f ms p95 %.2f ms; a record adds %.2f ms (ratio %.2f)%n",
                    pairs,
                    mw,
                    NotebookBenchmark.percentile(with, 95),
                    mo,
                    NotebookBenchmark.percentile(without, 95),
                    mw - mo,
                    mw / mo);
        }
    }

    private static double time(StepRunner runner, StepRequest request) throws Exception {
        long t0 = System.nanoTime();
        String verdict = runner.start(request, Admission.ALL, StepListener.NONE)
                .await()
                .verdict()
                .label();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!verdict.equals("ok")) {
            throw new IllegalStateException("the step ended " + verdict);
        }
        return ms;
    }

    private static void apiRuns(PackagedApp app) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> queries = List.of(
                "/api/runs",
                "/api/runs?runbook=seed",
                "/api/runs?user=person-7",
                "/api/runs?verdict=fail",
                "/api/runs?target=127.0.0.5",
                "/api/runs?runbook=book-3&verdict=warn&limit=20");
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.base() + queries.get(i % queries.size())))
                    .header("Authorization", ADMIN.basic())
                    .build();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            double t = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            if (i >= 30) {
                ms.add(t);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "GET /api/runs (%d requests, %d filters, up to 100 runs each): p50 %.1f ms, p95 %.1f ms%n",
                ms.size(),
                queries.size(),
                NotebookBenchmark.percentile(ms, 50),
                NotebookBenchmark.percentile(ms, 95));
    }

    private static void pageLoads(Browser browser, String base, String what, String path) {
        List<Double> ms = new ArrayList<>();
        List<Double> signIns = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            try (BrowserContext ctx = browser.newContext()) {
                long s0 = System.nanoTime();
                Page page = Browsers.signIn(ctx.newPage(), base, ADMIN);
                signIns.add((System.nanoTime() - s0) / 1e6);
                long t0 = System.nanoTime();
                page.navigate(base + path);
                if (path.equals("/")) {
                    page.locator("[data-freshness]").nth(RUNBOOKS - 1).waitFor();
                } else {
                    page.locator("[data-history]").last().waitFor();
                }
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        double first = ms.remove(0);
        System.out.printf(
                Locale.ROOT,
                "%s: first %.0f ms, then median %.0f ms, p95 %.0f ms (sign-in to the library before each: first"
                        + " %.0f ms, median %.0f ms)%n",
                what,
                first,
                NotebookBenchmark.percentile(ms, 50),
                NotebookBenchmark.percentile(ms, 95),
                signIns.get(0),
                NotebookBenchmark.percentile(signIns, 50));
    }

    private static StepKey key(PlannedBlock b) {
        return new StepKey(b.line(), b.code().section());
    }
}
