package dev.probebook.probe.neighbours;

import dev.probebook.command.Args;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.UsageException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The IPv4 neighbour (ARP) cache: {@code arp [-n|-a] [-i IFACE] [ADDRESS]}, printed as net-tools' arp prints it, with
 * a verdict on whether the neighbours asked about answered ARP (layer 2: nothing above it works without it). Reads
 * {@code /proc/net/arp}: local state, no traffic, no timeout. Names are never looked up (arp without {@code -n} would
 * ask DNS for each; Probebook prints the addresses, and {@code ?} for the name in the {@code -a} style).
 */
public final class NeighboursProbe implements Probe<NeighboursCommand> {

    /** Where the cache comes from (tests pass fixtures). */
    interface CacheSource {
        ArpTable read() throws IOException;
    }

    private final CacheSource cache;

    public NeighboursProbe() {
        this(() -> ArpTable.read(ArpTable.PROC));
    }

    NeighboursProbe(CacheSource cache) {
        this.cache = cache;
    }

    @Override
    public String name() {
        return "neighbours";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("arp", "ip");
    }

    /** {@code arp}, and {@code ip neigh} only to say what to run instead (the rest of ip is other probes'). */
    @Override
    public boolean claims(String word, List<String> words) {
        return word.equals("arp") || (word.equals("ip") && isIpNeigh(words));
    }

    private static boolean isIpNeigh(List<String> words) {
        for (String w : words) {
            if (!w.startsWith("-")) {
                return w.equals("n") || "neighbour".startsWith(w) || "neighbor".startsWith(w);
            }
        }
        return false;
    }

    @Override
    public NeighboursCommand parse(String word, Args args) throws UsageException {
        if (word.equals("ip")) {
            throw new UsageException("ip neigh shows the kernel's neighbour states (REACHABLE, STALE, FAILED) from"
                    + " netlink, which Probebook does not read: 'arp -n' shows the same IPv4 cache, resolved or not");
        }
        boolean bsd = false;
        String iface = null;
        String address = null;
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals("-i") || w.equals("--device")) {
                String raw = args.valueOf(w);
                String checked = args.iface(raw);
                iface = args.template() ? raw : checked;
            } else if (w.startsWith("-") && w.length() > 1 && !w.startsWith("--")) {
                for (char c : w.substring(1).toCharArray()) {
                    switch (c) {
                        case 'n', 'v', 'e' -> {} // numeric always; -v and -e change nothing shown here
                        case 'a' -> bsd = true;
                        case 's', 'd', 'f' ->
                            throw new UsageException(
                                    "arp -" + c + " changes the ARP cache; Probebook only reads it (arp -n, arp -a)");
                        default ->
                            throw new UsageException("arp: unsupported option -" + c
                                    + " (supported: arp -n, arp -a, arp -i IFACE, arp -n ADDRESS)");
                    }
                }
            } else if (w.equals("--numeric") || w.equals("--verbose")) {
                // as -n, -v
            } else if (w.equals("--all")) {
                bsd = true;
            } else if (address == null && !w.startsWith("-")) {
                String host = args.host(w);
                if (!args.template() && !HostSyntax.isIpv4(host)) {
                    throw new UsageException("arp: give the neighbour's IPv4 address, not '" + host
                            + "' (the cache holds addresses; look a name up first: nslookup NAME)");
                }
                address = args.template() ? w : host;
            } else {
                throw new UsageException("arp: unexpected word '" + w + "' (arp -n [ADDRESS])");
            }
        }
        return new NeighboursCommand(bsd, iface, address);
    }

    @Override
    public ProbeResult run(NeighboursCommand cmd, ProbeContext ctx) {
        ArpTable table;
        try {
            table = cache.read();
        } catch (IOException e) {
            return ProbeResult.error("cannot read the ARP cache (" + ArpTable.PROC + "): " + e.getMessage());
        }
        List<ArpEntry> shown = new ArrayList<>();
        for (ArpEntry e : table.entries()) {
            if ((cmd.iface() == null || e.device().equals(cmd.iface()))
                    && (cmd.address() == null || e.address().equals(cmd.address()))) {
                shown.add(e);
            }
        }
        if (cmd.address() != null && shown.isEmpty()) {
            ctx.out(
                    cmd.bsd()
                            ? "arp: in " + table.entries().size() + " entries no match found."
                            : cmd.address() + " (" + cmd.address() + ") -- no entry");
            return NeighboursVerdict.judge(shown, cmd.address());
        }
        if (cmd.bsd()) {
            for (ArpEntry e : shown) {
                ctx.out("? (" + e.address() + ") at "
                        + (e.complete() ? e.mac() + " [" + e.hwName() + "]" : "<incomplete>")
                        + (e.permanent() ? " PERM" : "")
                        + (e.published() ? " PUB" : "") + " on " + e.device());
            }
        } else {
            ctx.out("Address                  HWtype  HWaddress           Flags Mask            Iface");
            for (ArpEntry e : shown) {
                ctx.out(
                        e.complete()
                                ? String.format(
                                        Locale.ROOT,
                                        "%-23.23s  %-8.8s%-20.20s%-6.6s%-15.15s %s",
                                        e.address(),
                                        e.hwName(),
                                        e.mac(),
                                        e.flagLetters(),
                                        "",
                                        e.device())
                                : String.format(
                                        Locale.ROOT,
                                        "%-23.23s  %-8.8s%-20.20s%-6.6s%-15.15s %s",
                                        e.address(),
                                        "",
                                        "(incomplete)",
                                        "",
                                        "",
                                        e.device()));
            }
        }
        return NeighboursVerdict.judge(shown, cmd.address());
    }
}
