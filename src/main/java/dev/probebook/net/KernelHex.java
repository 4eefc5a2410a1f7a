package dev.probebook.net;

import java.util.HexFormat;

/**
 * Decodes the hex addresses of {@code /proc/net/tcp*} and friends into numeric text.
 *
 * <p>The kernel prints each 32-bit word of an address with {@code %08X} in host byte order, so on the
 * little-endian machines Linux servers run on (x86-64, arm64) {@code 0100007F} is 127.0.0.1 and the
 * IPv6 loopback is {@code 00000000000000000000000001000000}. Ports are plain hex numbers.
 */
public final class KernelHex {

    private KernelHex() {}

    /** Network-order bytes of a /proc/net address field (8 hex digits for IPv4, 32 for IPv6). */
    public static byte[] addressBytes(String hex) {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("not a /proc/net address: " + hex);
        }
        byte[] out = new byte[hex.length() / 2];
        for (int word = 0; word < hex.length() / 8; word++) {
            long v = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            for (int b = 0; b < 4; b++) {
                out[word * 4 + b] = (byte) (v >>> (8 * b));
            }
        }
        return out;
    }

    /** Numeric text of a /proc/net address field. */
    public static String address(String hex) {
        return toText(addressBytes(hex));
    }

    /** Numeric text of network-order address bytes, IPv6 as glibc's {@code inet_ntop} writes it. */
    public static String toText(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        // Longest run of zero words (at least two; the first wins a tie) is written as "::".
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (words[i] == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
                if (curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
            } else {
                curBase = -1;
                curLen = 0;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses end in dotted form.
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
                sb.append(a[12] & 0xff)
                        .append('.')
                        .append(a[13] & 0xff)
                        .append('.')
                        .append(a[14] & 0xff)
                        .append('.')
                        .append(a[15] & 0xff);
                return sb.toString();
            }
            sb.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    /** Bytes of plain network-order hex ({@code /proc/net/if_inet6} writes addresses this way). */
    public static byte[] plainBytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
