package dev.probebook.bench;

import com.sun.net.httpserver.HttpServer;
import dev.probebook.testing.PackagedApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of the HTTP API (run with {@code bench/load}; not a test, no JUnit): N simulated users, each
 * its own configured {@code operator}, drive {@code POST /api/run} of the packaged app for a fixed time.
 * <p>Everything is loopback (127.0.0.1): it starts a TCP listener (accepts and closes), a small HTTP server
 * ({@code com.sun.net.httpserver}, 200 "ok") and the packaged app ({@link PackagedApp}, temporary runbooks
 * folder and data dir, the app's default limits). Each user is a virtual thread that, until the deadline,
 * posts one of {@code nc -zv}, {@code curl -s -o /dev/null -w "%{http_code}"} and {@code tcping -n 1}
 * (in rotation) with HTTP Basic, then thinks for {@code thinkMillis} (plus up to 10 % jitter, never less:
 * with 1 s a user starts fewer than 60 runs a minute, under the default per-user limit). Another thread
 * gets {@code /login} every second (responsiveness during the load) and samples the app's RSS.
 * <p>Prints completed runs, runs/s, time to verdict as the client sees it (request latency of answered runs:
 * median, p95, p99, max; per command; and the server's own {@code elapsedMs}), errors (status other than
 * 200, verdict other than ok, exceptions; all expected 0), the app's peak RSS ({@code VmHWM}) and RSS at
 * the end, its CPU time, and the {@code /login} latency.
 * <p>Bounded: the users stop at the deadline, every request has a timeout, and a watchdog ends the whole
 * run (app included) if it takes longer than startup + duration + timeouts.
 * <p>Arguments: {@code [users] [seconds] [thinkMillis]} (defaults 50, 60, 1000).
 */
public final class LoadBenchmark {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);
    /** App start (PackagedApp waits up to 90 s) plus hashing the users' passwords, generously. */
    private static final Duration STARTUP_ALLOWANCE = Duration.ofSeconds(180);

    private static final Pattern VERDICT = Pattern.compile("\"verdict\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ELAPSED = Pattern.compile("\"elapsedMs\"\\s*:\\s*(\\d+)");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One kind of command the users post, with its client-side latencies. */
    private record Kind(String name, String command, ConcurrentLinkedQueue<Double> ms) {
        Kind(String name, String command) {
            this(name, command, new ConcurrentLinkedQueue<>());
        }
    }

    /** What the users saw; every field is safe to update from many threads. */
    private static final class Tally {
        final LongAdder attempted = new LongAdder();
        final LongAdder completed = new LongAdder();
        final ConcurrentLinkedQueue<Double> latencyMs = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Double> serverElapsedMs = new ConcurrentLinkedQueue<>();
        final Map<String, LongAdder> badStatus = new ConcurrentHashMap<>();
        final Map<String, LongAdder> badVerdict = new ConcurrentHashMap<>();
        final Map<String, LongAdder> exceptions = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        final AtomicLong lastDoneNanos = new AtomicLong();

        void count(Map<String, LongAdder> map, String key, String sample) {
            map.computeIfAbsent(key, k -> new LongAdder()).increment();
            if (samples.size() < 5) {
                samples.add(key + ": " + sample);
            }
        }

        long errors() {
            return sum(badStatus) + sum(badVerdict) + sum(exceptions);
        }
    }

    private LoadBenchmark() {}

    public static void main(String[] argv) throws Exception {
        int users = argv.length > 0 ? Integer.parseInt(argv[0]) : 50;
        int seconds = argv.length > 1 ? Integer.parseInt(argv[1]) : 60;
        int thinkMillis = argv.length > 2 ? Integer.parseInt(argv[2]) : 1000;
        if (users < 1 || users > 1000 || seconds < 1 || seconds > 3600 || thinkMillis < 0) {
            throw new IllegalArgumentException(
                    "usage: bench/load [users 1..1000] [seconds 1..3600] [thinkMillis >= 0]");
        }
        if (!Files.isRegularFile(Path.of("target/probebook.jar"))) {
            throw new IllegalStateException("needs target/probebook.jar (bench/load builds it)");
        }
        // the app's handle while it runs (a ProcessHandle checks the start time: never another process with a reused
        // pid)
        AtomicReference<ProcessHandle> appHandle = new AtomicReference<>();
        Thread.ofPlatform()
                .daemon()
                .name("load-watchdog")
                .start(() -> watchdog(
                        STARTUP_ALLOWANCE
                                .plusSeconds(seconds)
                                .plus(REQUEST_TIMEOUT.multipliedBy(2))
                                .plusSeconds(30),
                        appHandle));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> killApp(appHandle.get())));

        InetAddress lo = InetAddress.getByName("127.0.0.1");
        HttpServer web = HttpServer.create(new InetSocketAddress(lo, 0), 1000);
        web.createContext("/", ex -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        web.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        web.start();
        long errors;
        try (ServerSocket listener = new ServerSocket(0, 1000, lo)) {
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try {
                        listener.accept().close();
                    } catch (IOException e) {
                        if (listener.isClosed()) {
                            return;
                        }
                    }
                }
            });
            int tcpPort = listener.getLocalPort();
            int httpPort = web.getAddress().getPort();
            List<Kind> kinds = List.of(
                    new Kind("nc", "nc -zv 127.0.0.1 " + tcpPort),
                    new Kind("curl", "curl -s -o /dev/null -w \"%{http_code}\" http://127.0.0.1:" + httpPort + "/"),
                    new Kind("tcping", "tcping -n 1 127.0.0.1 " + tcpPort));

            // real hashes, as ./probebook hash-password makes them: the API checks Basic credentials per request
            System.setProperty("probebook.test.bcrypt-cost", System.getProperty("probebook.test.bcrypt-cost", "10"));
            List<PackagedApp.User> accounts = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                accounts.add(new PackagedApp.User(
                        String.format(Locale.ROOT, "load-user-%03d", i),
                        "load-password-" + i + "-"
                                + Long.toHexString(ThreadLocalRandom.current().nextLong()),
                        "operator"));
            }
            Path runbooks = Files.createTempDirectory("probebook-load-runbooks");
            Path data = Files.createTempDirectory("probebook-load-data");
            long t0 = System.nanoTime();
            try (PackagedApp app = PackagedApp.start(
                    "load-bench-app",
                    accounts,
                    "--probebook.runbooks-dir=" + runbooks,
                    "--probebook.data-dir=" + data)) {
                appHandle.set(ProcessHandle.of(app.pid()).orElse(null));
                System.out.printf(
                        Locale.ROOT,
                        "app pid %d up in %.1f s, java %s, %d cores (shared with this load generator)%n",
                        app.pid(),
                        (System.nanoTime() - t0) / 1e9,
                        Runtime.version(),
                        Runtime.getRuntime().availableProcessors());
                System.out.printf(
                        Locale.ROOT,
                        "load: %d users (operator each, own Basic credentials, bcrypt cost %d hashes),"
                                + " %d s, think %d ms (+0..10 %%), request timeout %d s; all loopback: TCP %d, HTTP %d, app %d%n",
                        users,
                        PackagedApp.User.hashCost(),
                        seconds,
                        thinkMillis,
                        REQUEST_TIMEOUT.toSeconds(),
                        tcpPort,
                        httpPort,
                        app.port());
                System.out.println("limits: the app's defaults, none overridden (per-user-concurrent 4,"
                        + " per-user-runs-per-minute 60, max-concurrent-probes 32)"
                        + (thinkMillis < 1000
                                ? "; think < 1000 ms: expect 403 from the per-user runs-per-minute limit"
                                : ""));
                long idleRss = statusKb(app.pid(), "VmRSS:");
                long cpuBefore = cpuTicks(app.pid());
                errors = run(app, accounts, kinds, seconds, thinkMillis, idleRss, cpuBefore);
            } finally {
                appHandle.set(null);
            }
        } finally {
            web.stop(0);
        }
        System.exit(errors > 0 ? 1 : 0);
    }

    /** Runs the load and prints the report; answers the number of errors. */
    private static long run(
            PackagedApp app,
            List<PackagedApp.User> accounts,
            List<Kind> kinds,
            int seconds,
            int thinkMillis,
            long idleRss,
            long cpuBefore)
            throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI runUri = URI.create(app.base() + "/api/run");
        Tally tally = new Tally();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);

        List<Double> loginMs = Collections.synchronizedList(new ArrayList<>());
        LongAdder loginFailures = new LongAdder();
        AtomicLong maxRssKb = new AtomicLong(idleRss);
        Thread monitor = Thread.ofPlatform()
                .name("load-monitor")
                .start(() -> monitor(app, deadline, loginMs, loginFailures, maxRssKb));

        try (ExecutorService userThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < accounts.size(); u++) {
                PackagedApp.User user = accounts.get(u);
                int first = u;
                userThreads.submit(() -> user(client, runUri, user, kinds, first, deadline, thinkMillis, tally));
            }
            userThreads.shutdown();
            long grace =
                    TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + REQUEST_TIMEOUT.toMillis() + 10_000;
            if (!userThreads.awaitTermination(grace, TimeUnit.MILLISECONDS)) {
                System.out.println("WARNING: users still busy after the deadline + request timeout; interrupting them");
                userThreads.shutdownNow();
            }
        }
        monitor.join(LOGIN_TIMEOUT.toMillis() + 2_000);
        long end = Math.max(tally.lastDoneNanos.get(), start + 1);
        long rssEnd = statusKb(app.pid(), "VmRSS:");
        long hwm = statusKb(app.pid(), "VmHWM:");
        double cpuSeconds = (cpuTicks(app.pid()) - cpuBefore) / 100.0; // USER_HZ is 100 on Linux
        double wall = (end - start) / 1e9;

        long completed = tally.completed.sum();
        System.out.printf(
                Locale.ROOT,
                "runs: %d completed (HTTP 200) of %d posted in %.1f s: %.1f runs/s%n",
                completed,
                tally.attempted.sum(),
                wall,
                completed / wall);
        if (!tally.latencyMs.isEmpty()) {
            List<Double> ms = new ArrayList<>(tally.latencyMs);
            System.out.printf(
                    Locale.ROOT,
                    "time to verdict (client, POST -> response): median %.1f ms, p95 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms%n",
                    percentile(ms, 50),
                    percentile(ms, 95),
                    percentile(ms, 99),
                    Collections.max(ms));
            StringBuilder per = new StringBuilder("  per command (median/p95 ms):");
            for (Kind k : kinds) {
                if (!k.ms().isEmpty()) {
                    List<Double> km = new ArrayList<>(k.ms());
                    per.append(String.format(
                            Locale.ROOT,
                            " %s %.1f/%.1f (%d)",
                            k.name(),
                            percentile(km, 50),
                            percentile(km, 95),
                            km.size()));
                }
            }
            List<Double> srv = new ArrayList<>(tally.serverElapsedMs);
            if (!srv.isEmpty()) {
                per.append(String.format(
                        Locale.ROOT,
                        "; probe's own elapsedMs median %.0f, p95 %.0f",
                        percentile(srv, 50),
                        percentile(srv, 95)));
            }
            System.out.println(per);
        }
        System.out.printf(
                Locale.ROOT,
                "errors: %d (expected 0): non-200 %s, verdict not ok %s, exceptions %s%n",
                tally.errors(),
                describe(tally.badStatus),
                describe(tally.badVerdict),
                describe(tally.exceptions));
        for (String s : tally.samples) {
            System.out.println("  e.g. " + s);
        }
        System.out.printf(
                Locale.ROOT,
                "server memory: RSS idle after start %.0f MB, max sampled during load %.0f MB,"
                        + " at the end %.0f MB, peak VmHWM %.0f MB; app CPU during load %.1f s (%.0f %% of one core)%n",
                idleRss / 1024.0,
                maxRssKb.get() / 1024.0,
                rssEnd / 1024.0,
                hwm / 1024.0,
                cpuSeconds,
                100 * cpuSeconds / wall);
        if (loginMs.isEmpty()) {
            System.out.printf(
                    Locale.ROOT,
                    "responsiveness (GET /login every 1 s): no answer, %d failures%n",
                    loginFailures.sum());
        } else {
            List<Double> lm = new ArrayList<>(loginMs);
            System.out.printf(
                    Locale.ROOT,
                    "responsiveness (GET /login every 1 s during the load, %d probes): median %.1f ms,"
                            + " p95 %.1f ms, max %.1f ms, failures %d%n",
                    lm.size(),
                    percentile(lm, 50),
                    percentile(lm, 95),
                    Collections.max(lm),
                    loginFailures.sum());
        }
        if (!app.alive()) {
            System.out.println("WARNING: the app exited during the load; see target/load-bench-app.log");
        }
        return tally.errors();
    }

    /** One simulated user: post, think, until the deadline. */
    private static void user(
            HttpClient client,
            URI runUri,
            PackagedApp.User user,
            List<Kind> kinds,
            int first,
            long deadline,
            int thinkMillis,
            Tally tally) {
        String auth = user.basic();
        try {
            // spread the users' first requests over one think time instead of all at once
            Thread.sleep(ThreadLocalRandom.current().nextLong(Math.max(1, thinkMillis)));
            for (int i = first; System.nanoTime() < deadline; i++) {
                Kind kind = kinds.get(i % kinds.size());
                post(client, runUri, auth, kind, tally);
                long think = thinkMillis + ThreadLocalRandom.current().nextLong(thinkMillis / 10 + 1);
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= think) {
                    return;
                }
                Thread.sleep(think);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void post(HttpClient client, URI runUri, String auth, Kind kind, Tally tally)
            throws InterruptedException {
        String json = "{\"command\": \"" + kind.command().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(runUri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        tally.attempted.increment();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long t1 = System.nanoTime();
            tally.lastDoneNanos.accumulateAndGet(t1, Math::max);
            String body = response.body();
            if (response.statusCode() != 200) {
                Matcher m = ERROR.matcher(body);
                tally.count(
                        tally.badStatus,
                        String.valueOf(response.statusCode()),
                        kind.name() + " " + (m.find() ? m.group(1) : abbreviate(body)));
                return;
            }
            double ms = (t1 - t0) / 1e6;
            tally.completed.increment();
            tally.latencyMs.add(ms);
            kind.ms().add(ms);
            Matcher e = ELAPSED.matcher(body);
            if (e.find()) {
                tally.serverElapsedMs.add(Double.parseDouble(e.group(1)));
            }
            Matcher v = VERDICT.matcher(body);
            String verdict = v.find() ? v.group(1) : "(none)";
            if (!"ok".equals(verdict)) {
                tally.count(tally.badVerdict, verdict, kind.name() + " " + abbreviate(body));
            }
        } catch (IOException e) {
            tally.lastDoneNanos.accumulateAndGet(System.nanoTime(), Math::max);
            tally.count(tally.exceptions, e.getClass().getSimpleName(), kind.name() + " " + e.getMessage());
        }
    }

    /** Every second until the deadline: GET /login (its own client and connection) and the app's RSS. */
    private static void monitor(
            PackagedApp app, long deadline, List<Double> loginMs, LongAdder failures, AtomicLong maxRssKb) {
        HttpClient probe = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest login = HttpRequest.newBuilder(URI.create(app.base() + "/login"))
                .timeout(LOGIN_TIMEOUT)
                .GET()
                .build();
        long next = System.nanoTime();
        while (true) {
            next += TimeUnit.SECONDS.toNanos(1);
            long pause = next - System.nanoTime();
            if (next >= deadline) {
                return;
            }
            try {
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause);
                }
                long t0 = System.nanoTime();
                int status = probe.send(login, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                double ms = (System.nanoTime() - t0) / 1e6;
                if (status == 200) {
                    loginMs.add(ms);
                } else {
                    failures.increment();
                }
            } catch (IOException e) {
                failures.increment();
            } catch (InterruptedException e) {
                return;
            }
            try {
                maxRssKb.accumulateAndGet(statusKb(app.pid(), "VmRSS:"), Math::max);
            } catch (IOException | RuntimeException e) {
                // the app is gone; the report says so
            }
        }
    }

    private static void watchdog(Duration cap, AtomicReference<ProcessHandle> app) {
        try {
            Thread.sleep(cap.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        System.out.println(
                "load benchmark: total runtime cap of " + cap.toSeconds() + " s reached; stopping the app and exiting");
        killApp(app.get());
        Runtime.getRuntime().halt(3);
    }

    private static void killApp(ProcessHandle p) {
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
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

    /** utime + stime of the process in clock ticks ({@code /proc/PID/stat} fields 14 and 15). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String describe(Map<String, LongAdder> map) {
        if (map.isEmpty()) {
            return "0";
        }
        Map<String, Long> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted.toString();
    }

    private static long sum(Map<String, LongAdder> map) {
        return map.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
