package dev.probebook.cli;

import dev.probebook.lab.LabTarget;
import dev.probebook.lab.PracticeLab;
import dev.probebook.lab.Scenario;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run that {@code ./probebook build} records the CLI's AOT cache with ({@code -XX:AOTCacheOutput}):
 * the CLI's own code paths, as operators use them, so that a fresh {@code exec} finds its classes loaded and linked
 * and its timings measure the network rather than the JVM's first steps. It plans the seed runbooks (as
 * {@code steps}) and runs the common probes through {@link Cli#main} against a practice lab on loopback (ports the
 * kernel picks, its own DNS, hosts file and CA): nothing leaves the machine. Its output is discarded; a probe that
 * cannot run here (ping without the privilege) only trains its error path.
 *
 * <p>Not a CLI command: the script starts this class directly, with the jar as the class path.
 */
public final class StartUpTraining {

    private StartUpTraining() {}

    /** With {@code steps}: the planning part only, for the cache that {@code steps} starts with. */
    public static void main(String[] args) throws IOException {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
        if (args.length == 1 && args[0].equals("steps")) {
            planSeeds(discard, new java.util.LinkedHashMap<>());
        } else {
            train(discard);
        }
    }

    /** {@code steps} of the seed runbooks: what planning a runbook loads. */
    private static void planSeeds(PrintStream discard, Map<String, Integer> codes) {
        for (String seed : List.of("runbooks/network-connectivity.ko.md", "runbooks/network-connectivity.en.md")) {
            if (Files.exists(Path.of(seed))) {
                codes.put("steps " + seed, Cli.main(new String[] {"steps", seed}, discard, discard));
            }
        }
    }

    /** Runs the training; returns each command line with the CLI's exit code (2: it did not parse). */
    static Map<String, Integer> train(PrintStream discard) throws IOException {
        Map<String, Integer> codes = new java.util.LinkedHashMap<>();
        planSeeds(discard, codes);
        Path dir = Files.createTempDirectory("probebook-training");
        try (PracticeLab lab = PracticeLab.start(dir.resolve("lab"), true)) {
            List<String> settings = new ArrayList<>();
            for (Map.Entry<String, String> p : lab.properties().entrySet()) {
                settings.add("--probebook." + p.getKey().replaceFirst("^probebook\\.", "") + "=" + p.getValue());
            }
            LabTarget open = lab.target(Scenario.OPEN);
            String hostPort = open.host() + ":" + open.port();
            int refused = lab.target(Scenario.REFUSED).port();
            for (String line : List.of(
                    "nc -zv " + open.host() + " " + open.port(),
                    "nc -zv 127.0.0.1 " + refused,
                    "tcping -n 1 " + open.host() + " " + open.port(),
                    "telnet " + open.host() + " " + open.port(),
                    "curl -v " + open.url(),
                    "curl -I " + open.url(),
                    "curl -o /dev/null -s -w '%{http_code} %{time_connect} %{time_total}\\n' " + open.url(),
                    "nslookup " + open.host(),
                    "dig " + open.host(),
                    "openssl s_client -connect " + hostPort + " -servername " + open.host(),
                    "ping -c 1 127.0.0.1",
                    "traceroute -n -q 1 -w 0.2 -m 1 127.0.0.1",
                    "nmap -p " + open.port() + "," + refused + " 127.0.0.1",
                    "ss -tlnp",
                    "netstat -tnlp",
                    "cat /etc/hosts",
                    "getent hosts " + open.host(),
                    "ip addr",
                    "ip route")) {
                List<String> words = new ArrayList<>(List.of("exec"));
                words.addAll(settings);
                words.add("--");
                words.add(line);
                codes.put(line, Cli.main(words.toArray(String[]::new), discard, discard));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return codes;
    }
}
