package dev.probebook.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What to tell someone whose process may not send ICMP (ping, traceroute): which privilege is missing, the
 * current {@code net.ipv4.ping_group_range}, and the three ways to grant it.
 */
public final class IcmpPermission {

    private IcmpPermission() {}

    /** The summary of a step that could open neither kind of ICMP socket. */
    public static String advice() {
        String range = pingGroupRange();
        return "no permission to send ICMP: raw sockets need root or CAP_NET_RAW, and "
                + "unprivileged ICMP sockets are not allowed for this group"
                + (range == null ? "" : " (net.ipv4.ping_group_range = \"" + range + "\")")
                + ". Grant it: run as root, or sudo setcap cap_net_raw+ep $(readlink -f $(which java)), or allow "
                + "unprivileged ICMP with sudo sysctl -w net.ipv4.ping_group_range=\"0 2147483647\"";
    }

    /** The current sysctl, to show why unprivileged ICMP was refused; null when unreadable. */
    private static String pingGroupRange() {
        try {
            // readAllLines, not readString: the latter trusts procfs' size and returns a truncated value here
            List<String> lines = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ping_group_range"));
            return lines.isEmpty() ? null : lines.get(0).trim().replaceAll("\\s+", " ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
