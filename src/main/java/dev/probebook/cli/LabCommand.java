package dev.probebook.cli;

import dev.probebook.lab.LabTarget;
import dev.probebook.lab.PracticeLab;
import dev.probebook.lab.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code probebook lab}: starts the practice lab in {@code DATA_DIR/lab}, prints what it holds and how to run the
 * shipped runbook against it, and keeps it running until Ctrl+C (or SIGTERM), then stops it cleanly.
 */
final class LabCommand {

    /** The runbook the example command line runs. */
    static final String RUNBOOK = "runbooks/network-connectivity.en.md";

    /** How long the lab runs once it has been described; returns when it should stop. Called on the CLI's thread. */
    @FunctionalInterface
    interface Hold {
        void until(PracticeLab lab) throws InterruptedException;
    }

    private LabCommand() {}

    /** Runs the lab in {@code labDir} until {@code hold} returns; the exit status. */
    static int run(Path labDir, PrintStream out, PrintStream err, Hold hold) {
        PracticeLab lab;
        try {
            lab = PracticeLab.start(labDir);
        } catch (IOException | RuntimeException e) {
            err.println("probebook: the practice lab could not start in " + labDir + ": " + e.getMessage());
            return Cli.USAGE;
        }
        try (lab) {
            describe(lab, out);
            out.flush();
            hold.until(lab);
            out.println("probebook: stopping the practice lab");
            return Cli.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Cli.OK;
        }
    }

    /**
     * Holds until the first Ctrl+C (a second one exits at once, as elsewhere in the CLI). SIGTERM and other
     * shutdowns still close the lab through a shutdown hook, so its ports are freed however the JVM ends.
     */
    @SuppressWarnings("removal")
    static Hold untilInterrupted() {
        return lab -> {
            CountDownLatch stop = new CountDownLatch(1);
            Thread closer = new Thread(lab::close, "lab-shutdown");
            Runtime.getRuntime().addShutdownHook(closer);
            try {
                sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                    if (stop.getCount() == 0) {
                        Runtime.getRuntime().halt(130);
                    }
                    stop.countDown();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // no signal support here: Ctrl+C ends the JVM and the shutdown hook closes the lab
            }
            stop.await();
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; closing twice is harmless
            }
        };
    }

    static void describe(PracticeLab lab, PrintStream out) {
        Map<String, String> props = lab.properties();
        out.println(
                "Probebook practice lab: real network faults on loopback (127.0.0.x). Nothing leaves this machine.");
        out.println();
        out.println("Scenarios");
        for (LabTarget t : lab.targets()) {
            out.printf(
                    "  %-15s %-40s %s%n",
                    t.scenario().id(), t.url(), t.scenario().title());
            out.println("  " + " ".repeat(15) + " " + t.description());
        }
        out.println();
        out.println("Lab services");
        out.println("  DNS         " + props.get("probebook.dns.servers")
                + " (UDP and TCP): lab names only, NXDOMAIN for everything else, never forwards");
        out.println("  hosts file  " + props.get("probebook.hosts-file") + " (read instead of /etc/hosts)");
        out.println("  CA          " + props.get("probebook.http.ca-file") + " (trusted by curl in the lab)");
        out.println("  address     " + props.get("probebook.public-ip.url") + " (answers curl ifconfig.me)");
        out.println("  policy      probes may reach " + props.get("probebook.policy.allow") + " only");
        out.println();
        out.println("Notes");
        if (lab.notes().isEmpty()) {
            out.println("  every service is on its preferred port");
        } else {
            lab.notes().forEach(n -> out.println("  " + n));
        }
        out.println();
        out.println("Variables per scenario");
        for (Scenario s : Scenario.values()) {
            out.printf("  %-15s %s%n", s.id(), sets(lab.variables(s)));
        }
        out.println();
        Scenario example = Scenario.HOSTS_OVERRIDE;
        out.println("Run the shipped runbook against a scenario (here " + example.id()
                + "; put another scenario's --set values in its place):");
        out.println("  " + exampleCommand(lab, example));
        out.println();
        out.println("Watch the handshakes (needs root or CAP_NET_RAW):");
        out.println("  tcpdump -i lo -nn " + shellQuote(captureFilter(lab)));
        out.println();
        out.println("The lab runs until Ctrl+C.");
    }

    /**
     * {@code ./probebook run RUNBOOK --set ... --probebook....} for {@code scenario}. The runbook does not use
     * {@code iface}, so that variable is left out (the CLI would warn about it).
     */
    static String exampleCommand(PracticeLab lab, Scenario scenario) {
        List<String> words = new ArrayList<>(List.of("./probebook", "run", RUNBOOK));
        lab.variables(scenario).forEach((name, value) -> {
            if (!name.equals("iface")) {
                words.add("--set");
                words.add(name + "=" + value);
            }
        });
        lab.properties().forEach((key, value) -> words.add("--" + key + "=" + value));
        return words.stream().map(LabCommand::shellQuote).collect(Collectors.joining(" "));
    }

    private static String sets(Map<String, String> variables) {
        return variables.entrySet().stream()
                .map(e -> "--set " + shellQuote(e.getKey() + "=" + e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String captureFilter(PracticeLab lab) {
        return lab.targets().stream()
                .map(LabTarget::port)
                .distinct()
                .map(p -> "tcp port " + p)
                .collect(Collectors.joining(" or "));
    }

    /** A word as a POSIX shell reads it back: as is when plain, else in single quotes. */
    static String shellQuote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:,=@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
