package dev.probebook.probe.neighbours;

/**
 * One entry of the kernel's ARP cache, as {@code /proc/net/arp} gives it.
 *
 * @param address the neighbour's IPv4 address
 * @param hwType the hardware type ({@code 0x1} is Ethernet)
 * @param flags the kernel's ATF_* flags: complete, permanent, published
 * @param mac the link-layer address ({@code 00:00:00:00:00:00} while unresolved)
 * @param device the interface it was seen on
 */
record ArpEntry(String address, int hwType, int flags, String mac, String device) {

    static final int ATF_COM = 0x2;
    static final int ATF_PERM = 0x4;
    static final int ATF_PUBL = 0x8;

    /** Resolved: the neighbour answered (or the entry was set by hand). */
    boolean complete() {
        return (flags & ATF_COM) != 0;
    }

    boolean permanent() {
        return (flags & ATF_PERM) != 0;
    }

    boolean published() {
        return (flags & ATF_PUBL) != 0;
    }

    /** The hardware type's name as arp prints it. */
    String hwName() {
        return switch (hwType) {
            case 0x1 -> "ether";
            case 0x18 -> "ieee1394";
            case 0x20 -> "infiniband";
            case 0x304 -> "loop";
            default -> "unspec";
        };
    }

    /** net-tools' Flags column: C complete, M permanent, P published. */
    String flagLetters() {
        return (complete() ? "C" : "") + (permanent() ? "M" : "") + (published() ? "P" : "");
    }
}
