package dev.probebook.probe.tcp;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.util.TreeSet;

/**
 * nmap's options for one TCP connect scan of one host. Probebook scans at most {@link #MAX_PORTS} ports: a scan is a
 * check of the ports a runbook names, not a survey of a network. Scans that need raw packets or other protocols
 * are usage errors that say so; timing templates and verbosity are taken and change nothing.
 */
final class NmapParser {

    static final int MAX_PORTS = 100;

    static final String SUPPORTED = "-p PORTS, -Pn, -n, -sT (and -sS, run as -sT), --open, -v, -T0..-T5";

    private NmapParser() {}

    static NmapCommand parse(Args args) throws UsageException {
        String portList = null;
        boolean skipPing = false;
        boolean openOnly = false;
        String host = null;
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals("-p")) {
                portList = args.valueOf(w);
            } else if (w.startsWith("-p") && w.length() > 2) {
                portList = w.substring(2);
            } else if (w.equals("-Pn") || w.equals("-PN")) {
                skipPing = true;
            } else if (w.equals("--open")) {
                openOnly = true;
            } else if (w.equals("-sT") || w.equals("-sS") || w.equals("-n") || w.matches("-v+|-T[0-5]|--reason")) {
                // connect scan is the one scan; -sS finds the same states with raw SYNs (root only)
            } else if (w.equals("-sU")) {
                throw new UsageException("nmap: UDP scans (-sU) are not built in: an unanswered UDP port tells nothing"
                        + " (check the service itself, e.g. dig @HOST for DNS)");
            } else if (w.startsWith("-o")) {
                throw new UsageException("nmap: " + w + " writes a file; Probebook prints the result here instead");
            } else if (w.startsWith("-")) {
                throw new UsageException("nmap: unsupported option " + w + " (supported: " + SUPPORTED + ")");
            } else if (host == null) {
                if (w.contains("/") || w.matches(".*\\d+-\\d+.*") && w.matches("[\\d.,-]+")) {
                    throw new UsageException(
                            "nmap: " + w + " is more than one host; Probebook scans one host at a time");
                }
                host = args.template() ? w : args.host(w);
            } else {
                throw new UsageException("nmap: one host at a time (got '" + host + "' and '" + w + "')");
            }
        }
        if (host == null) {
            throw new UsageException("nmap: give the host to scan (usage: nmap -p 22,80,443 HOST)");
        }
        if (portList == null) {
            throw new UsageException("nmap: give the ports with -p (e.g. -p 22,80,443): without it nmap scans 1,000"
                    + " ports, and Probebook scans at most " + MAX_PORTS);
        }
        return new NmapCommand(host, ports(args, portList), skipPing, openOnly);
    }

    private static java.util.List<Integer> ports(Args args, String list) throws UsageException {
        if (args.template() && !list.matches("[\\dT:,-]+")) {
            return java.util.List.of(80); // a placeholder for the port list
        }
        TreeSet<Integer> ports = new TreeSet<>();
        for (String part : list.split(",")) {
            String p = part.startsWith("T:") ? part.substring(2) : part;
            if (p.equals("-")) {
                throw new UsageException("nmap: -p- is all 65,535 ports; Probebook scans at most " + MAX_PORTS);
            }
            if (p.matches("\\d*-\\d*")) {
                int lo = p.startsWith("-") ? 1 : Args.parsePort(p.substring(0, p.indexOf('-')));
                int hi = p.endsWith("-") ? 65535 : Args.parsePort(p.substring(p.indexOf('-') + 1));
                if (hi < lo) {
                    throw new UsageException("nmap: port range " + p + " runs backwards (write " + hi + "-" + lo + ")");
                }
                if (hi - lo >= MAX_PORTS) {
                    throw new UsageException("nmap: port range " + p + " has " + (hi - lo + 1) + " ports; Probebook"
                            + " scans at most " + MAX_PORTS + " (name the ports that matter)");
                }
                for (int x = lo; x <= hi; x++) {
                    ports.add(x);
                }
            } else if (p.startsWith("U:")) {
                throw new UsageException("nmap: UDP ports (" + part + ") are not built in");
            } else {
                ports.add(Args.parsePort(p));
            }
            if (ports.size() > MAX_PORTS) {
                throw new UsageException("nmap: " + list + " is more than " + MAX_PORTS + " ports; Probebook scans at"
                        + " most " + MAX_PORTS);
            }
        }
        return java.util.List.copyOf(ports);
    }
}
