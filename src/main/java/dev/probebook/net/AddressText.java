package dev.probebook.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses printed as the C library's {@code inet_ntop} prints them, which is what ping, getent, dig,
 * nslookup and tcpdump show: dotted IPv4, IPv6 in the RFC 5952 short form ({@code 2001:db8::1}, the
 * longest run of two or more zero groups becomes {@code ::}, the first one on a tie), and IPv4-mapped
 * IPv6 as {@code ::ffff:192.0.2.1}.
 *
 * <p>Java unwraps IPv4-mapped addresses it parses or builds from bytes into {@link Inet4Address}; only
 * {@code Inet6Address.getByAddress(host, bytes, scope)} keeps them as IPv6, hence {@link #asIpv6} for
 * callers that know an address came from IPv6 data (an AAAA record, getent ahostsv6).
 */
public final class AddressText {

    private AddressText() {}

    /** The numeric address without a scope ({@code fe80::1}, as tcpdump, dig and getent print it). */
    public static String of(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        return ipv6(a.getAddress());
    }

    /** The numeric address with its scope, interface name or else number ({@code fe80::1%eth0}, as ping prints it). */
    public static String withScope(InetAddress a) {
        if (!(a instanceof Inet6Address v6)) {
            return a.getHostAddress();
        }
        String text = ipv6(v6.getAddress());
        if (v6.getScopedInterface() != null) {
            return text + "%" + v6.getScopedInterface().getName();
        }
        return v6.getScopeId() != 0 ? text + "%" + v6.getScopeId() : text;
    }

    /** {@code 192.0.2.1:443} or {@code [2001:db8::1]:443}, the way tcpdump-style endpoints are written. */
    public static String withPort(InetAddress a, int port) {
        String text = of(a);
        return (text.contains(":") ? "[" + text + "]" : text) + ":" + port;
    }

    /** The address as IPv6 text: an IPv4 address becomes its IPv4-mapped form {@code ::ffff:192.0.2.1}. */
    public static String asIpv6(InetAddress a) {
        return a instanceof Inet4Address ? "::ffff:" + a.getHostAddress() : of(a);
    }

    private static String ipv6(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        if (groups[0] == 0
                && groups[1] == 0
                && groups[2] == 0
                && groups[3] == 0
                && groups[4] == 0
                && groups[5] == 0xffff) {
            return "::ffff:" + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
