package dev.probebook.probe.neighbours;

/**
 * {@code arp [-n] [-a] [-i IFACE] [ADDRESS]}.
 *
 * @param bsd {@code -a}: the BSD style ({@code ? (192.0.2.1) at 02:.. [ether] on eth0}), else net-tools' table
 * @param iface {@code -i IFACE}: only that interface's entries, else null
 * @param address only this neighbour (a runbook's placeholder until bound), else null
 */
public record NeighboursCommand(boolean bsd, String iface, String address) {}
