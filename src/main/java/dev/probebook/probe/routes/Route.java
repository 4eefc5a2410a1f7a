package dev.probebook.probe.routes;

import dev.probebook.net.KernelHex;
import java.nio.ByteBuffer;

/**
 * One IPv4 route of the kernel's main table, as {@code /proc/net/route} gives it.
 *
 * @param iface the interface the route sends through
 * @param destination the network, as an address in host order ({@code 0} for the default route)
 * @param gateway the next hop, {@code 0} when the network is on the link itself
 * @param flags the kernel's RTF_* flags
 * @param mask the netmask, host order
 */
record Route(
        String iface,
        int destination,
        int gateway,
        int flags,
        int refCount,
        int use,
        int metric,
        int mask,
        int mtu,
        int window,
        int irtt) {

    static final int RTF_UP = 0x1;
    static final int RTF_GATEWAY = 0x2;
    static final int RTF_HOST = 0x4;
    static final int RTF_REINSTATE = 0x8;
    static final int RTF_DYNAMIC = 0x10;
    static final int RTF_MODIFIED = 0x20;
    static final int RTF_REJECT = 0x200;

    boolean isDefault() {
        return destination == 0 && mask == 0;
    }

    boolean viaGateway() {
        return (flags & RTF_GATEWAY) != 0;
    }

    boolean reject() {
        return (flags & RTF_REJECT) != 0;
    }

    /** The prefix length of the mask (a contiguous mask, as routes have). */
    int prefix() {
        return Integer.bitCount(mask);
    }

    boolean matches(int address) {
        return (address & mask) == destination;
    }

    /** The flags as route and netstat print them: U, G, H, R, D, M, !. */
    String flagLetters() {
        StringBuilder f = new StringBuilder();
        if ((flags & RTF_UP) != 0) {
            f.append('U');
        }
        if (viaGateway()) {
            f.append('G');
        }
        if ((flags & RTF_REJECT) != 0) {
            f.append('!');
        }
        if ((flags & RTF_HOST) != 0) {
            f.append('H');
        }
        if ((flags & RTF_REINSTATE) != 0) {
            f.append('R');
        }
        if ((flags & RTF_DYNAMIC) != 0) {
            f.append('D');
        }
        if ((flags & RTF_MODIFIED) != 0) {
            f.append('M');
        }
        return f.toString();
    }

    static String dotted(int address) {
        return KernelHex.toText(ByteBuffer.allocate(4).putInt(address).array());
    }
}
