package dev.probebook.probe.interfaces;

import java.util.ArrayList;
import java.util.List;

/**
 * Interface flags ({@code IFF_*} from linux/if.h) and the two ways tools print them: ifconfig's
 * {@code flags=4163<UP,BROADCAST,RUNNING,MULTICAST>} and ip's {@code <BROADCAST,MULTICAST,UP,LOWER_UP>}.
 */
public final class LinkFlags {

    public static final int UP = 0x1;
    public static final int BROADCAST = 0x2;
    public static final int DEBUG = 0x4;
    public static final int LOOPBACK = 0x8;
    public static final int POINTOPOINT = 0x10;
    public static final int NOTRAILERS = 0x20;
    public static final int RUNNING = 0x40;
    public static final int NOARP = 0x80;
    public static final int PROMISC = 0x100;
    public static final int ALLMULTI = 0x200;
    public static final int MASTER = 0x400;
    public static final int SLAVE = 0x800;
    public static final int MULTICAST = 0x1000;
    public static final int PORTSEL = 0x2000;
    public static final int AUTOMEDIA = 0x4000;
    public static final int DYNAMIC = 0x8000;
    public static final int LOWER_UP = 0x10000;
    public static final int DORMANT = 0x20000;
    public static final int ECHO = 0x40000;

    private static final Flag[] IFCONFIG_ORDER = {
        new Flag(UP, "UP"),
        new Flag(BROADCAST, "BROADCAST"),
        new Flag(DEBUG, "DEBUG"),
        new Flag(LOOPBACK, "LOOPBACK"),
        new Flag(POINTOPOINT, "POINTOPOINT"),
        new Flag(NOTRAILERS, "NOTRAILERS"),
        new Flag(RUNNING, "RUNNING"),
        new Flag(NOARP, "NOARP"),
        new Flag(PROMISC, "PROMISC"),
        new Flag(ALLMULTI, "ALLMULTI"),
        new Flag(SLAVE, "SLAVE"),
        new Flag(MASTER, "MASTER"),
        new Flag(MULTICAST, "MULTICAST"),
        new Flag(DYNAMIC, "DYNAMIC")
    };

    private static final Flag[] IP_ORDER = {
        new Flag(LOOPBACK, "LOOPBACK"),
        new Flag(BROADCAST, "BROADCAST"),
        new Flag(POINTOPOINT, "POINTOPOINT"),
        new Flag(MULTICAST, "MULTICAST"),
        new Flag(NOARP, "NOARP"),
        new Flag(ALLMULTI, "ALLMULTI"),
        new Flag(PROMISC, "PROMISC"),
        new Flag(MASTER, "MASTER"),
        new Flag(SLAVE, "SLAVE"),
        new Flag(DEBUG, "DEBUG"),
        new Flag(DYNAMIC, "DYNAMIC"),
        new Flag(AUTOMEDIA, "AUTOMEDIA"),
        new Flag(PORTSEL, "PORTSEL"),
        new Flag(NOTRAILERS, "NOTRAILERS"),
        new Flag(UP, "UP"),
        new Flag(LOWER_UP, "LOWER_UP"),
        new Flag(DORMANT, "DORMANT"),
        new Flag(ECHO, "ECHO")
    };

    private record Flag(int bit, String name) {}

    private LinkFlags() {}

    /** {@code flags=4163<UP,BROADCAST,RUNNING,MULTICAST>}: the 16-bit flag word SIOCGIFFLAGS returns. */
    public static String ifconfig(int flags) {
        int word = flags & 0xffff;
        List<String> names = new ArrayList<>();
        for (Flag f : IFCONFIG_ORDER) {
            if ((word & f.bit()) != 0) {
                names.add(f.name());
            }
        }
        // net-tools turns the trailing comma into '>'; with no flag at all the '>' is lost
        return "flags=" + word + "<" + String.join(",", names) + (names.isEmpty() ? "" : ">");
    }

    /** {@code <BROADCAST,MULTICAST,UP,LOWER_UP>}, with {@code NO-CARRIER} first for an up link that is not running. */
    public static String ip(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & UP) != 0 && (flags & RUNNING) == 0) {
            names.add("NO-CARRIER");
        }
        int rest = flags & ~RUNNING;
        for (Flag f : IP_ORDER) {
            if ((rest & f.bit()) != 0) {
                names.add(f.name());
                rest &= ~f.bit();
            }
        }
        if (rest != 0) {
            names.add(Integer.toHexString(rest));
        }
        return "<" + String.join(",", names) + ">";
    }
}
