package dev.probebook.probe.shell;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runbooks install their tools first ({@code yum install tcping}, {@code apt-get install -y dnsutils}).
 * When every package is one whose tools Probebook has built in, the step has nothing to do: it says so
 * and passes. Any other package makes the step a plain shell command (the {@code none} probe).
 */
public final class InstallProbe implements Probe<InstallCommand> {

    /** Packages whose tools Probebook runs itself, with those tools. */
    private static final Map<String, String> REPLACED = Map.ofEntries(
            Map.entry("tcping", "tcping"),
            Map.entry("telnet", "telnet"),
            Map.entry("nc", "nc"),
            Map.entry("ncat", "ncat"),
            Map.entry("nmap-ncat", "ncat"),
            Map.entry("netcat", "nc"),
            Map.entry("netcat-openbsd", "nc"),
            Map.entry("bind-utils", "nslookup, dig"),
            Map.entry("dnsutils", "nslookup, dig"),
            Map.entry("bind9-dnsutils", "nslookup, dig"),
            Map.entry("net-tools", "netstat"),
            Map.entry("iproute", "ss"),
            Map.entry("iproute2", "ss"),
            Map.entry("iputils", "ping"),
            Map.entry("iputils-ping", "ping"),
            Map.entry("tcpdump", "tcpdump"),
            Map.entry("curl", "curl"));

    private static final Set<String> MANAGERS = Set.of("yum", "dnf", "apt", "apt-get", "apk", "zypper");

    @Override
    public String name() {
        return "install";
    }

    @Override
    public Set<String> commandWords() {
        return MANAGERS;
    }

    @Override
    public boolean claims(String commandWord, List<String> words) {
        return handles(commandWord, words);
    }

    /**
     * True for an install of only replaced packages. Public so that the catch-all {@code none} probe
     * leaves these forms alone whatever the catalogue order.
     */
    public static boolean handles(String commandWord, List<String> words) {
        if (!MANAGERS.contains(commandWord)) {
            return false;
        }
        List<String> operands = words.stream().filter(w -> !w.startsWith("-")).toList();
        if (operands.size() < 2 || !isInstallVerb(commandWord, operands.get(0))) {
            return false;
        }
        return operands.subList(1, operands.size()).stream()
                .allMatch(p -> REPLACED.containsKey(p.toLowerCase(Locale.ROOT)));
    }

    private static boolean isInstallVerb(String manager, String verb) {
        return switch (manager) {
            case "apk" -> verb.equals("add");
            case "zypper" -> verb.equals("install") || verb.equals("in");
            default -> verb.equals("install");
        };
    }

    /** Options ({@code -y}, {@code --assumeyes}, {@code -q}) are accepted and ignored: nothing is installed. */
    @Override
    public InstallCommand parse(String commandWord, Args args) throws UsageException {
        List<String> packages = new ArrayList<>();
        boolean verb = false;
        for (String w : args.rest()) {
            if (w.startsWith("-")) {
                continue;
            }
            if (!verb) {
                verb = true;
                continue;
            }
            packages.add(w.toLowerCase(Locale.ROOT));
        }
        if (packages.isEmpty()) {
            throw new UsageException(
                    commandWord + ": missing package name (usage: " + commandWord + " install PACKAGE...)");
        }
        return new InstallCommand(commandWord, packages);
    }

    @Override
    public ProbeResult run(InstallCommand command, ProbeContext ctx) {
        List<String> described = new ArrayList<>();
        for (String p : command.packages()) {
            String tools = REPLACED.get(p);
            described.add(tools == null || tools.equals(p) ? p : p + " (" + tools + ")");
        }
        String line = listed(described) + (described.size() == 1 ? " is" : " are")
                + " built into Probebook: nothing to install.";
        ctx.out(line);
        return ProbeResult.ok(line, new InstallDetails(command.manager(), command.packages()));
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String listed(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
