package dev.probebook.probe.interfaces;

import java.util.List;
import java.util.Locale;

/**
 * One network interface as ifconfig and ip show it.
 *
 * @param flags {@link LinkFlags} bits as the kernel reports them to tools (RUNNING, LOWER_UP included)
 * @param operstate RFC 2863 state in lower case ({@code up}, {@code down}, {@code unknown}, ...)
 * @param txQueueLen -1 when unknown
 * @param linkType ARPHRD type (1 ethernet, 772 loopback, 65534 none, ...)
 * @param mac hardware address, empty when the link has none
 * @param master the bridge or bond the interface belongs to, null when none
 * @param stats counters, null when unavailable
 */
public record NetInterface(
        int index,
        String name,
        int flags,
        int mtu,
        String operstate,
        int txQueueLen,
        int group,
        int linkMode,
        int linkType,
        String mac,
        String broadcastMac,
        String master,
        List<IfAddress> addresses,
        InterfaceStats stats) {

    public NetInterface {
        addresses = List.copyOf(addresses);
    }

    public boolean up() {
        return (flags & LinkFlags.UP) != 0;
    }

    public boolean loopback() {
        return (flags & LinkFlags.LOOPBACK) != 0;
    }

    /** The state word ip prints ({@code UP}, {@code DOWN}, {@code UNKNOWN}). */
    public String ipState() {
        return operstate.toUpperCase(Locale.ROOT);
    }
}
