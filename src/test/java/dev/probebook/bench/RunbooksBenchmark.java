package dev.probebook.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.probebook.library.Change;
import dev.probebook.library.GitRunbooks;
import dev.probebook.library.LibrarySettings;
import dev.probebook.library.RunbookFolder;
import dev.probebook.library.RunbookSearch;
import dev.probebook.library.RunbookStore;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.search.SearchFilter;
import dev.probebook.testing.Browsers;
import dev.probebook.testing.PackagedApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.jgit.api.Git;

/**
 * Benchmark of runbooks in git at team scale (run with {@code bench/runbooks}; not a test). With N generated runbooks
 * (default 2,000, Korean and English), it prints: turning the plain folder into a repository; save-to-commit time
 * without a remote; with a local bare repository as the shared remote, clone time, save-to-push time and a pull (a
 * second server's sync) with and without news; the library's listing in-process; search p50/p95 through the app's
 * search (index kept level with the store); and the library page's load in Chromium on the packaged app.
 */
public final class RunbooksBenchmark {

    private static final PackagedApp.User ADMIN = new PackagedApp.User("bench-admin", "bench-admin-password", "admin");
    private static final Change WHO = new Change("Bench", "bench@example.test", null);

    private RunbooksBenchmark() {}

    public static void main(String[] argv) throws Exception {
        int count = argv.length > 0 ? Integer.parseInt(argv[0]) : 2_000;
        int saves = argv.length > 1 ? Integer.parseInt(argv[1]) : 50;
        boolean pageOnly = argv.length > 2 && argv[2].equals("page"); // only the library page in Chromium
        System.out.printf(
                Locale.ROOT,
                "java %s, %d cores, %,d runbooks, %d saves%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                count,
                saves);
        Path root = Files.createTempDirectory("probebook-bench-runbooks");
        Path east = Files.createDirectories(root.resolve("east"));
        Random random = new Random(7);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            String text = SearchBenchmark.runbook(i, random);
            bytes += text.length();
            Files.writeString(east.resolve("rb-" + i + ".md"), text, StandardCharsets.UTF_8);
        }
        System.out.printf(Locale.ROOT, "generated %.1f MB of Markdown%n", bytes / 1e6);

        if (!pageOnly) {
            Path bare = root.resolve("shared.git");
            Git.init()
                    .setBare(true)
                    .setDirectory(bare.toFile())
                    .setInitialBranch("main")
                    .call()
                    .close();
            String remote = bare.toUri().toString();
            long t0 = System.nanoTime();
            try (GitRunbooks store = open(east, "")) {
                report("import the plain folder into a repository", List.of(ms(t0)));
                saves(store, count, saves, random, "save to commit (no remote)");
            }
            t0 = System.nanoTime();
            try (GitRunbooks eastShared = open(east, remote)) {
                report("first push of the whole history to the bare remote (at open)", List.of(ms(t0)));
                t0 = System.nanoTime();
                try (GitRunbooks westShared = open(root.resolve("west"), remote)) {
                    report("clone into a second server's empty folder", List.of(ms(t0)));
                    saves(eastShared, count, saves, random, "save to commit and push (local bare remote)");
                    List<Double> quiet = new ArrayList<>();
                    List<Double> news = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        long q = System.nanoTime();
                        eastShared.sync();
                        quiet.add(ms(q));
                        saves(westShared, count, 1, random, null);
                        long n = System.nanoTime();
                        eastShared.sync();
                        news.add(ms(n));
                    }
                    report("pull with nothing new (fetch, no merge)", quiet);
                    report("pull after the other server saved one runbook (fetch, fast-forward)", news);
                }
            }
            try (GitRunbooks store = open(east, "");
                    RunbookSearch search = new RunbookSearch(store)) {
                long first = System.nanoTime();
                store.list();
                report("library listing in-process, the first (every runbook read and parsed)", List.of(ms(first)));
                List<Double> kept = new ArrayList<>();
                List<Double> touched = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    long l = System.nanoTime();
                    store.list();
                    kept.add(ms(l));
                    // one file's time changed: every file stat-ed again, that one read again (same bytes: not parsed)
                    Path file = east.resolve("rb-" + i + ".md");
                    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
                    l = System.nanoTime();
                    store.list();
                    touched.add(ms(l));
                }
                report("library listing in-process, nothing changed (the kept listing)", kept);
                report("library listing in-process, after one file was touched (2,000 stat-ed)", touched);
                long b = System.nanoTime();
                search.refresh();
                report("search index built from the store", List.of(ms(b)));
                List<Double> searches = new ArrayList<>();
                for (int i = 0; i < 600; i++) {
                    String q = SearchBenchmark.QUERIES[i % SearchBenchmark.QUERIES.length];
                    long s = System.nanoTime();
                    search.search(q, SearchFilter.NONE, 50);
                    if (i >= 100) {
                        searches.add(ms(s));
                    }
                }
                report("search (" + SearchBenchmark.QUERIES.length + " Korean and English queries)", searches);
                List<Double> appear = new ArrayList<>();
                List<Double> findable = new ArrayList<>();
                for (int i = 0; i < 5; i++) { // a file written by something else (git pull, an editor) shows up
                    String word = "zyxwordbench" + i;
                    long w = System.nanoTime();
                    Files.writeString(
                            east.resolve("new-" + i + ".md"),
                            "# New " + i + "\n\nMentions " + word + ".\n\n```\nnc -zv 127.0.0.1 9\n```\n",
                            StandardCharsets.UTF_8);
                    while (store.list().stream().noneMatch(e -> e.name().startsWith("new-"))) {
                        Thread.sleep(1);
                    }
                    appear.add(ms(w));
                    while (search.search(word, SearchFilter.NONE, 5).isEmpty()) {
                        Thread.sleep(5);
                    }
                    findable.add(ms(w));
                    Files.delete(east.resolve("new-" + i + ".md"));
                }
                report("a file changed on disk: listed", appear);
                report("a file changed on disk: found by search", findable);
            }
        }
        Path accessLogs = Files.createTempDirectory("probebook-bench-access-log");
        try (PackagedApp app = PackagedApp.start(
                        "runbooks-bench-app",
                        List.of(ADMIN),
                        "--probebook.runbooks-dir=" + east,
                        "--probebook.data-dir=" + Files.createTempDirectory("probebook-bench-runbooks-data"),
                        // the server's part of each load, apart from the browser's: Tomcat's time per request, in µs
                        "--server.tomcat.accesslog.enabled=true",
                        "--server.tomcat.accesslog.directory=" + accessLogs,
                        "--server.tomcat.accesslog.buffered=false",
                        "--server.tomcat.accesslog.pattern=%m %U %q %D %b");
                Playwright pw = Playwright.create();
                Browser browser = Browsers.chromium(pw)) {
            List<Double> loads = new ArrayList<>();
            List<Double> searches = new ArrayList<>();
            // the app indexes every runbook for search in the background after it starts (tens of seconds of CPU for
            // 2,000 on two cores); an operator's visit meets a settled app, so the loads wait until it is idle
            System.out.printf(
                    Locale.ROOT,
                    "the app settled (start-up indexing done) %.1f s after it started%n",
                    untilIdle(app.pid()) / 1000.0);
            try (BrowserContext ctx = browser.newContext()) {
                Page page = Browsers.signIn(ctx.newPage(), app.base(), ADMIN);
                page.setDefaultTimeout(120_000);
                List<Double> light = new ArrayList<>();
                long logStart = accessLogSize(accessLogs);
                // the library and the light page in turn, so that both meet the same moments of the machine
                for (int i = 0; i < 41; i++) {
                    long l = System.nanoTime();
                    page.navigate(app.base() + "/");
                    page.locator("[data-more]").waitFor(); // the first screen of cards, usable
                    if (i > 0) {
                        loads.add(ms(l));
                    }
                    l = System.nanoTime();
                    page.navigate(app.base() + "/lab");
                    page.locator("[data-lab-state]").waitFor();
                    if (i > 0) {
                        light.add(ms(l));
                    }
                }
                report(
                        "library page, first screen of " + count + " runbooks in Chromium (after the first visit)",
                        loads);
                report("for comparison, a light page (/lab) in the same browser, loaded after each", light);
                reportServerTimes(accessLogs, logStart);
                List<Double> inApp = new ArrayList<>();
                for (int i = 0; i < 21; i++) { // the way operators mostly come back to it: the header's link
                    page.locator("header a[router-link][href='lab']").click();
                    page.locator("[data-lab-state]").waitFor();
                    long l = System.nanoTime();
                    page.locator("header a[router-link][href='']").click();
                    page.locator("[data-more]").waitFor();
                    if (i > 0) {
                        inApp.add(ms(l));
                    }
                }
                report("library page, first screen, reached by the header's link (no page reload)", inApp);
                page.navigate(app.base() + "/");
                Locator list = page.locator(".runbook-list");
                list.locator("[data-more]").waitFor();
                String firstScreen = list.getAttribute("data-shown"); // e.g. 20/2000
                for (int i = 0; i < 20; i++) {
                    String q = SearchBenchmark.QUERIES[i % SearchBenchmark.QUERIES.length];
                    page.locator("[data-search] input").fill("");
                    page.waitForCondition(() -> firstScreen.equals(list.getAttribute("data-shown")));
                    long l = System.nanoTime();
                    page.locator("[data-search] input").fill(q);
                    page.waitForCondition(() -> !firstScreen.equals(list.getAttribute("data-shown")));
                    searches.add(ms(l) - 300); // less the search field's typing pause (LAZY, 300 ms)
                }
            }
            // the same visits in a browser with a profile on disk, as operators' own browsers are: scripts seen
            // before run from V8's code cache, which the incognito context above never keeps
            try (BrowserContext own =
                    Browsers.chromiumWithProfile(pw, Files.createTempDirectory("probebook-bench-chromium-profile"))) {
                Page page = Browsers.signIn(own.newPage(), app.base(), ADMIN);
                page.setDefaultTimeout(120_000);
                List<Double> profiled = new ArrayList<>();
                List<Double> light = new ArrayList<>();
                for (int i = 0; i < 44; i++) {
                    long l = System.nanoTime();
                    page.navigate(app.base() + "/");
                    page.locator("[data-more]").waitFor();
                    if (i > 3) { // the code cache takes a script's third load
                        profiled.add(ms(l));
                    }
                    l = System.nanoTime();
                    page.navigate(app.base() + "/lab");
                    page.locator("[data-lab-state]").waitFor();
                    if (i > 3) {
                        light.add(ms(l));
                    }
                }
                report("library page, first screen, in a browser with a profile on disk (code cache)", profiled);
                report("for comparison, the light page (/lab) in that browser", light);
            }
            // the first search after start also loads the search code and warms the index's readers: told apart
            System.out.printf(
                    Locale.ROOT,
                    "library search in Chromium, the first after start: %.0f ms%n",
                    searches.removeFirst());
            report("library search in Chromium, typed to snippets shown (less the 300 ms typing pause)", searches);
        }
    }

    private static long accessLogSize(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /**
     * The server's time for each kind of request made since {@code from} bytes of the access log (one file: the loads
     * take seconds), by method, path, Vaadin's request type and the page it was for (the location of the page's last
     * {@code v-r=init}); the tiny message a page sends as it is left is told apart.
     */
    private static void reportServerTimes(Path folder, long from) throws Exception {
        List<Path> logs;
        try (var files = Files.list(folder)) {
            logs = files.toList();
        }
        if (logs.size() != 1) {
            System.out.println("  (the access log was split into " + logs.size() + " files: no server times)");
            return;
        }
        String text = Files.readString(logs.get(0), StandardCharsets.UTF_8).substring((int) from);
        Map<String, List<Double>> byKind = new TreeMap<>();
        String page = "";
        for (String line : text.split("\\n")) {
            String[] f = line.strip().split(" ");
            if (f.length != 5) {
                continue;
            }
            String type = "";
            for (String param : f[2].replaceFirst("^\\?", "").split("&")) {
                if (param.startsWith("location=")) {
                    page = "/" + param.substring("location=".length());
                } else if (param.startsWith("v-r=")) {
                    type = " " + param;
                }
            }
            String kind = f[0] + " " + f[1] + type;
            if (kind.equals("POST / v-r=uidl") && (f[4].equals("-") || Long.parseLong(f[4]) < 100)) {
                kind += " (a page left)";
            } else if (kind.equals("POST / v-r=uidl") || kind.equals("GET / v-r=init")) {
                kind += " (page " + page + ")";
            }
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(Long.parseLong(f[3]) / 1000.0);
        }
        byKind.forEach((kind, ms) -> {
            if (ms.size() >= 10) {
                report("  in the server: " + kind, ms);
            }
        });
    }

    private static GitRunbooks open(Path folder, String remote) {
        RunbookFolder files = new RunbookFolder(
                folder, 2 << 20, Duration.ofSeconds(10), ProbeRegistry.standard(), null, Clock.systemUTC());
        return GitRunbooks.open(
                files,
                2 << 20,
                new LibrarySettings(remote, "", "", Duration.ofHours(1), Duration.ofSeconds(30)),
                Clock.systemUTC());
    }

    private static void saves(GitRunbooks store, int count, int n, Random random, String label) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "rb-" + random.nextInt(count);
            RunbookStore.Source source = store.source(name);
            String text = source.text() + "\nEdited " + System.nanoTime() + "\n";
            long t = System.nanoTime();
            store.save(name, text, source.hash(), WHO);
            times.add(ms(t));
        }
        if (label != null) {
            report(label, times);
        }
    }

    /**
     * Waits until the process has used less than 20 ms of CPU in a second (its start-up work done), at most two
     * minutes; returns how long that took, in milliseconds.
     */
    private static long untilIdle(long pid) throws Exception {
        long start = System.nanoTime();
        long last = LoadBenchmark.cpuTicks(pid);
        while (System.nanoTime() - start < 120_000_000_000L) {
            Thread.sleep(1000);
            long now = LoadBenchmark.cpuTicks(pid);
            if (now - last < 2) { // clock ticks of 10 ms
                break;
            }
            last = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> ms) {
        Supplier<String> figures = () -> ms.size() == 1
                ? String.format(Locale.ROOT, "%.0f ms", ms.get(0))
                : String.format(
                        Locale.ROOT,
                        "p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d)",
                        NotebookBenchmark.percentile(ms, 50),
                        NotebookBenchmark.percentile(ms, 95),
                        NotebookBenchmark.percentile(ms, 100),
                        ms.size());
        System.out.println(what + ": " + figures.get());
    }
}
