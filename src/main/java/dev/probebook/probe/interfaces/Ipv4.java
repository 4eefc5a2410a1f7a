package dev.probebook.probe.interfaces;

/** Small IPv4 arithmetic on dotted text. */
final class Ipv4 {

    private Ipv4() {}

    static long value(String dotted) {
        String[] p = dotted.split("\\.");
        long v = 0;
        for (String part : p) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return v;
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    static long network(String dotted, int prefix) {
        return value(dotted) & mask(prefix);
    }

    static String text(long v) {
        return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }

    /** {@code 255.255.255.0} for 24. */
    static String netmask(int prefix) {
        return text(mask(prefix));
    }
}
