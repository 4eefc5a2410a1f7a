package dev.probebook.bench;

import com.sun.net.httpserver.HttpServer;
import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.plan.Planner;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.tcp.TcpDetails;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.Runbook;
import dev.probebook.settings.Settings;
import dev.probebook.settings.SettingsLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * Side-by-side benchmark (run with {@code bench/run}): in one run, against the same loopback servers,
 * alternates Probebook's probes with the native tools and prints medians and ratios.
 * <ul>
 *   <li>TCP connect time: Probebook's {@code nc -z} probe (its reported connect time) vs curl's
 *   {@code %{time_connect}} to the same port, and the wall time of one {@code nc -z} process vs one
 *   in-process Probebook {@code nc -z} run;</li>
 *   <li>HTTP: {@code curl -w} timings reported by Probebook's curl vs by the real curl;</li>
 *   <li>parse + plan time of a 5 MB runbook.</li>
 * </ul>
 * No traffic leaves the machine: every target is 127.0.0.1.
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Settings settings = SettingsLoader.load(Map.of("probebook.tcp.banner-wait", "0ms"));
        ProbeRegistry registry = ProbeRegistry.standard();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        byte[] body = "hello from the benchmark\n".getBytes(StandardCharsets.UTF_8);
        http.createContext("/", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        int httpPort = http.getAddress().getPort();
        ServerSocket tcp = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!tcp.isClosed()) {
                try (Socket s = tcp.accept()) {
                    s.getInputStream().read(new byte[1]);
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        int tcpPort = tcp.getLocalPort();
        String url = "http://127.0.0.1:" + httpPort + "/";
        String format = "%{time_namelookup} %{time_connect} %{time_starttransfer} %{time_total}";

        System.out.printf("Probebook benchmark, %d iterations each, loopback only (java %s)%n%n", n, Runtime.version());
        List<Double> pbConnect = new ArrayList<>();
        List<Double> curlConnect = new ArrayList<>();
        List<Double> pbNcWall = new ArrayList<>();
        List<Double> ncWall = new ArrayList<>();
        List<Double> pbTotal = new ArrayList<>();
        List<Double> curlTotal = new ArrayList<>();
        List<Double> pbFirstByte = new ArrayList<>();
        List<Double> curlFirstByte = new ArrayList<>();
        boolean ping = canPing();
        String cold;
        try (ProbeRunner runner = new ProbeRunner(settings, TargetPolicy.from(settings.policy()))) {
            for (int i = 0; i < 20; i++) { // warm-up: JIT and class loading
                probe(runner, registry, "nc -z 127.0.0.1 " + tcpPort);
                probe(runner, registry, "curl -s -o /dev/null -w '" + format + "' " + url);
            }
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                RunResult nc = probe(runner, registry, "nc -z 127.0.0.1 " + tcpPort);
                pbNcWall.add((System.nanoTime() - t0) / 1e6);
                pbConnect.add(((TcpDetails) nc.details()).attempts().get(0).millis());

                long t1 = System.nanoTime();
                native_("nc", "-z", "127.0.0.1", String.valueOf(tcpPort));
                ncWall.add((System.nanoTime() - t1) / 1e6);

                double[] ours = seconds(String.join(
                        " ",
                        probe(runner, registry, "curl -s -o /dev/null -w '" + format + "' " + url)
                                .output()));
                double[] theirs = seconds(native_("curl", "-s", "-o", "/dev/null", "-w", format, url));
                curlConnect.add((theirs[1] - theirs[0]) * 1000);
                pbTotal.add(ours[3] * 1000);
                curlTotal.add(theirs[3] * 1000);
                pbFirstByte.add(ours[2] * 1000);
                curlFirstByte.add(theirs[2] * 1000);
            }
        } finally {
            cold = cold(Math.min(n, 10), url, format, tcpPort, ping); // while the servers still run
            http.stop(0);
            tcp.close();
        }
        List<Double> pbPing = new ArrayList<>();
        List<Double> pingRtt = new ArrayList<>();
        if (ping) {
            try (ProbeRunner runner = new ProbeRunner(settings, TargetPolicy.from(settings.policy()))) {
                for (int i = 0; i < 5; i++) {
                    probe(runner, registry, "ping -c 1 127.0.0.1");
                }
                for (int i = 0; i < Math.min(n, 50); i++) {
                    pbPing.add(rtt(String.join(
                            "\n", probe(runner, registry, "ping -c 1 127.0.0.1").output())));
                    pingRtt.add(rtt(native_("ping", "-c", "1", "127.0.0.1")));
                }
            }
        }
        System.out.println("warm: the probes in this JVM after a warm-up, against the native tools");
        System.out.printf("%-44s %12s %12s %8s%n", "measure (median, ms)", "probebook", "native", "ratio");
        row("TCP connect (nc -z probe vs curl time_connect)", pbConnect, curlConnect);
        row("nc -z, whole run (in-process vs nc process)", pbNcWall, ncWall);
        row("HTTP time_starttransfer (curl -w)", pbFirstByte, curlFirstByte);
        row("HTTP time_total (curl -w)", pbTotal, curlTotal);
        if (ping) {
            row("ping round trip (time=)", pbPing, pingRtt);
        }
        System.out.print(cold);

        realisticParse(new MarkdownParser()); // first, in a parser of its own: the 5 MB runbook's JIT profile differs
        String seedText = Files.readString(Path.of("runbooks/network-connectivity.en.md"));
        StringBuilder big = new StringBuilder();
        while (big.length() < 5 * 1024 * 1024) {
            big.append(seedText).append("\n\n");
        }
        String text = big.toString();
        MarkdownParser parser = new MarkdownParser();
        Planner planner = new Planner(registry);
        List<Double> parse = new ArrayList<>();
        List<Double> plan = new ArrayList<>();
        int blocks = 0;
        for (int i = 0; i < 20; i++) { // the first ten warm the JIT up
            long t = System.nanoTime();
            Runbook runbook = parser.parse(text, "big");
            long parsed = System.nanoTime();
            blocks = planner.plan(runbook).blocks().size();
            if (i >= 10) {
                parse.add((parsed - t) / 1e6);
                plan.add((System.nanoTime() - parsed) / 1e6);
            }
        }
        double mb = text.getBytes(StandardCharsets.UTF_8).length / (1024.0 * 1024.0);
        double parseMs = median(parse);
        double planMs = median(plan);
        System.out.printf(
                Locale.ROOT,
                "%nparse of a %.1f MB runbook (%d code blocks, cut in pieces parsed in parallel): median %.0f ms"
                        + " (%.1f MB/s; target 20 MB/s)%n",
                mb,
                blocks,
                parseMs,
                mb / (parseMs / 1000));
        System.out.printf(
                Locale.ROOT,
                "plan of it: median %.0f ms; parse + plan %.0f ms (%.1f MB/s)%n",
                planMs,
                parseMs + planMs,
                mb / ((parseMs + planMs) / 1000));
    }

    /**
     * Parse throughput on runbooks of the size teams write (this project's own, 1-9 KB each, English and Korean),
     * one after another on one thread: a document's fixed costs count as much as its length. Measured once the JIT
     * has compiled the parser (about 4 s of parsing first: a server that lists and indexes runbooks runs warm).
     */
    private static void realisticParse(MarkdownParser parser) throws Exception {
        List<String> texts = new ArrayList<>();
        long bytes = 0;
        try (var files = Files.list(Path.of("runbooks"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String t = Files.readString(file);
                texts.add(t);
                bytes += t.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < 80; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                for (String runbook : texts) {
                    parser.parse(runbook, "r");
                }
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            if (round >= 60) {
                rates.add(50 * bytes / (1024.0 * 1024.0) / seconds);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "parse of realistic runbooks (%d files, %.1f KB each on average, one thread): median %.1f MB/s"
                        + " (target 20 MB/s)%n",
                texts.size(),
                bytes / 1024.0 / texts.size(),
                median(rates));
    }

    /**
     * Cold: a fresh {@code ./probebook exec} process per measurement (the jar with its CLI start-up cache, as an
     * operator runs it), against a fresh native process. The timings the tools report, the whole run of nc, and the
     * CLI's own start: its first line of output and a whole {@code steps} of the seed runbook.
     */
    private static String cold(int n, String url, String format, int tcpPort, boolean ping) throws Exception {
        List<Double> pbConnect = new ArrayList<>();
        List<Double> curlConnect = new ArrayList<>();
        List<Double> pbTotal = new ArrayList<>();
        List<Double> curlTotal = new ArrayList<>();
        List<Double> pbPing = new ArrayList<>();
        List<Double> pingRtt = new ArrayList<>();
        List<Double> pbNc = new ArrayList<>();
        List<Double> nc = new ArrayList<>();
        List<Double> firstLine = new ArrayList<>();
        List<Double> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] ours = fourNumbers(
                    native_("./probebook", "exec", "--", "curl", "-s", "-o", "/dev/null", "-w", format, url));
            double[] theirs = seconds(native_("curl", "-s", "-o", "/dev/null", "-w", format, url));
            pbConnect.add((ours[1] - ours[0]) * 1000);
            curlConnect.add((theirs[1] - theirs[0]) * 1000);
            pbTotal.add(ours[3] * 1000);
            curlTotal.add(theirs[3] * 1000);
            if (ping) {
                pbPing.add(rtt(native_("./probebook", "exec", "--", "ping", "-c", "1", "127.0.0.1")));
                pingRtt.add(rtt(native_("ping", "-c", "1", "127.0.0.1")));
            }
            long t = System.nanoTime();
            Process p = new ProcessBuilder(
                            "./probebook", "exec", "--", "nc", "-z", "127.0.0.1", String.valueOf(tcpPort))
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().read(); // the first byte of output
            firstLine.add((System.nanoTime() - t) / 1e6);
            p.getInputStream().readAllBytes();
            p.waitFor();
            pbNc.add((System.nanoTime() - t) / 1e6);
            long u = System.nanoTime();
            native_("nc", "-z", "127.0.0.1", String.valueOf(tcpPort));
            nc.add((System.nanoTime() - u) / 1e6);
            long v = System.nanoTime();
            native_("./probebook", "steps", "runbooks/network-connectivity.ko.md");
            steps.add((System.nanoTime() - v) / 1e6);
        }
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%ncold: a fresh ./probebook exec process each time (%d runs), against the native tools%n",
                n));
        out.append(String.format(
                Locale.ROOT, "%-44s %12s %12s %8s%n", "measure (median, ms)", "probebook", "native", "ratio"));
        out.append(rowText("TCP connect (curl time_connect)", pbConnect, curlConnect));
        out.append(rowText("HTTP time_total (curl -w)", pbTotal, curlTotal));
        if (ping) {
            out.append(rowText("ping round trip (time=)", pbPing, pingRtt));
        }
        out.append(rowText("nc -z, whole run (process start to exit)", pbNc, nc));
        out.append(String.format(
                Locale.ROOT,
                "%nCLI start: exec's first line of output %.0f ms, a whole steps of the seed runbook %.0f ms (medians)%n",
                median(firstLine),
                median(steps)));
        return out.toString();
    }

    /** Whether this process may send ICMP with the native ping (root, or ping_group_range) and ping is there. */
    private static boolean canPing() {
        try {
            return native_("ping", "-c", "1", "127.0.0.1").contains("time=");
        } catch (Exception e) {
            return false;
        }
    }

    /** The first {@code time=X ms} of ping's output, in ms. */
    private static double rtt(String output) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("time=([\\d.]+) ms").matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The line of curl -w's four numbers in the CLI's output (its other lines are the command and the verdict). */
    private static double[] fourNumbers(String output) {
        for (String line : output.split("\n")) {
            if (line.trim().matches("[\\d.]+ [\\d.]+ [\\d.]+ [\\d.]+")) {
                return seconds(line);
            }
        }
        throw new IllegalStateException("no write-out line in: " + output);
    }

    private static RunResult probe(ProbeRunner runner, ProbeRegistry registry, String line) throws Exception {
        ShellLine shell = ShellLine.parse(line);
        var parsed = registry.recognise(shell.words(), Args.Mode.RUN).orElseThrow();
        return runner.run(new Invocation(line, parsed.command(), shell.filters()), RunListener.NONE);
    }

    private static String native_(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static double[] seconds(String text) {
        String[] parts = text.trim().split("\\s+");
        double[] out = new double[4];
        for (int i = 0; i < 4 && i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    private static void row(String label, List<Double> ours, List<Double> native_) {
        System.out.print(rowText(label, ours, native_));
    }

    private static String rowText(String label, List<Double> ours, List<Double> native_) {
        double a = median(ours);
        double b = median(native_);
        return String.format(Locale.ROOT, "%-44s %12.3f %12.3f %8.2f%n", label, a, b, b == 0 ? Double.NaN : a / b);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }
}
