package dev.probebook.net;

/**
 * What kind of network an address belongs to, which decides who can reach it: loopback (this host only),
 * private RFC 1918 and IPv6 ULA (the local network, behind NAT for the internet), CGNAT 100.64/10 (a
 * carrier's NAT), link-local (the local link only; an IPv4 one means DHCP failed), reserved
 * (documentation, benchmarking, multicast and other ranges the internet does not route) and public.
 */
public enum AddressClass {
    LOOPBACK("loopback"),
    PRIVATE("private"),
    CGNAT("cgnat"),
    LINK_LOCAL("link-local"),
    ULA("ula"),
    RESERVED("reserved"),
    PUBLIC("public");

    private final String label;

    AddressClass(String label) {
        this.label = label;
    }

    /** Lower-case name used in summaries and JSON ({@code private}, {@code link-local}, ...). */
    public String label() {
        return label;
    }

    /** Classifies network-order address bytes (4 for IPv4, 16 for IPv6). */
    public static AddressClass of(byte[] a) {
        return a.length == 4 ? ofV4(a) : ofV6(a);
    }

    private static AddressClass ofV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 127) {
            return LOOPBACK;
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return PRIVATE;
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return CGNAT;
        }
        if (b0 == 169 && b1 == 254) {
            return LINK_LOCAL;
        }
        boolean reserved = b0 == 0
                || b0 >= 224 // this network; multicast and 240/4
                || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
                || (b0 == 198 && b1 == 51 && b2 == 100) // TEST-NET-2
                || (b0 == 203 && b1 == 0 && b2 == 113); // TEST-NET-3
        return reserved ? RESERVED : PUBLIC;
    }

    private static AddressClass ofV6(byte[] a) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 15; i++) {
            if (a[i] != 0) {
                zeroPrefix = false;
                break;
            }
        }
        if (zeroPrefix && a[15] == 1) {
            return LOOPBACK;
        }
        if (isV4Mapped(a)) {
            return ofV4(new byte[] {a[12], a[13], a[14], a[15]});
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if ((b0 & 0xfe) == 0xfc) {
            return ULA;
        }
        if (b0 == 0x20 && b1 == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return RESERVED; // 2001:db8::/32 documentation
        }
        if ((b0 & 0xe0) != 0x20) {
            return RESERVED; // outside 2000::/3, the only globally routed unicast block (incl. multicast ff00::/8)
        }
        return PUBLIC;
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }
}
