package dev.probebook.policy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The other spellings of the host an address reaches, so that a deny rule written for one catches them
 * all: the unspecified address ({@code 0.0.0.0}, {@code ::}) connects to this machine, so it counts as
 * loopback; an IPv6 address that embeds an IPv4 one (IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) also counts as that IPv4 address. (IPv4-mapped
 * {@code ::ffff:a.b.c.d} is already an IPv4 address in Java.)
 */
final class AddressAliases {

    private AddressAliases() {}

    static List<InetAddress> of(InetAddress address) {
        List<InetAddress> out = new ArrayList<>();
        out.add(address);
        if (address.isAnyLocalAddress()) {
            out.add(v4(new byte[] {127, 0, 0, 1}));
            out.add(InetAddress.getLoopbackAddress());
            try {
                out.add(InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 15); // ::a.b.c.d, not :: or ::1
            boolean nat64 = (b[0] & 0xff) == 0x00
                    && (b[1] & 0xff) == 0x64
                    && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b
                    && allZero(b, 4, 12);
            if (compatible || nat64) {
                out.add(v4(Arrays.copyOfRange(b, 12, 16)));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                out.add(v4(Arrays.copyOfRange(b, 2, 6)));
            }
        }
        return out;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] four) {
        try {
            return Inet4Address.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
