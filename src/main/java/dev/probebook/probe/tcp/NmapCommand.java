package dev.probebook.probe.tcp;

import java.util.List;

/**
 * {@code nmap [-sT] [-Pn] [-n] [--open] [-v] [-T0-5] -p PORTS HOST}: a TCP connect scan of one host.
 *
 * @param ports    the ports to try, in the order nmap lists them (ascending, no repeats)
 * @param skipPing {@code -Pn}: report the ports even when none answered (nmap would first decide the host is down)
 * @param openOnly {@code --open}: list only the open ports
 */
public record NmapCommand(String host, List<Integer> ports, boolean skipPing, boolean openOnly) {

    public NmapCommand {
        ports = List.copyOf(ports);
    }
}
