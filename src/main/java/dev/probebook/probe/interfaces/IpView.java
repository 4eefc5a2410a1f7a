package dev.probebook.probe.interfaces;

import java.util.ArrayList;
import java.util.List;

/**
 * iproute2 {@code ip addr} / {@code ip link} output, normal and {@code -br}. Interfaces come in index order;
 * with {@code -4}/{@code -6} only interfaces having an address of that family are listed, without their
 * link line, as ip does.
 *
 * <p>Differences from ip, because they need netlink: no {@code qdisc} word in the link line; IPv4
 * addresses are always shown as permanent ({@code valid_lft forever}), so a DHCP lease's remaining time
 * is not shown; a dynamic IPv6 address (SLAAC) is marked {@code dynamic} but its lifetimes are left out.
 */
final class IpView {

    private static final int[] V6_FLAG_BITS = {
        0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800
    };
    private static final String[] V6_FLAG_NAMES = {
        "temporary",
        "nodad",
        "optimistic",
        "dadfailed",
        "home",
        "deprecated",
        "tentative",
        "permanent",
        "mngtmpaddr",
        "noprefixroute",
        "autojoin",
        "stable-privacy"
    };

    private IpView() {}

    /** The addresses of {@code ni} this command shows. */
    static List<IfAddress> addresses(IpCommand cmd, NetInterface ni) {
        return ni.addresses().stream()
                .filter(a -> cmd.family() == 0 || (cmd.family() == 6) == a.v6())
                .toList();
    }

    /** Whether the interface appears at all (a family filter hides interfaces without such an address). */
    static boolean listed(IpCommand cmd, NetInterface ni) {
        return cmd.object() == IpCommand.Object.LINK
                || cmd.family() == 0
                || !addresses(cmd, ni).isEmpty();
    }

    static List<String> block(IpCommand cmd, NetInterface ni) {
        List<String> out = new ArrayList<>();
        if (cmd.brief()) {
            StringBuilder line = new StringBuilder(String.format("%-16s %-14s ", ni.name(), ni.ipState()));
            if (cmd.object() == IpCommand.Object.LINK) {
                if (!ni.mac().isEmpty()) {
                    line.append(ni.mac()).append(' ');
                }
                line.append(LinkFlags.ip(ni.flags())).append(' ');
            } else {
                for (IfAddress a : addresses(cmd, ni)) {
                    line.append(a.cidr()).append(' ');
                }
            }
            out.add(line.toString());
            return out;
        }
        out.add(header(cmd, ni));
        if (cmd.object() == IpCommand.Object.LINK || cmd.family() == 0) {
            out.add(linkLine(ni));
        }
        if (cmd.object() == IpCommand.Object.ADDRESS) {
            for (IfAddress a : addresses(cmd, ni)) {
                out.add(a.v6() ? inet6(a) : inet(a));
                if ((a.flags() & IfAddress.PERMANENT) != 0) {
                    out.add("       valid_lft forever preferred_lft forever");
                }
            }
        }
        return out;
    }

    private static String header(IpCommand cmd, NetInterface ni) {
        StringBuilder sb = new StringBuilder();
        sb.append(ni.index())
                .append(": ")
                .append(ni.name())
                .append(": ")
                .append(LinkFlags.ip(ni.flags()))
                .append(" mtu ")
                .append(ni.mtu())
                .append(' ');
        if (cmd.object() == IpCommand.Object.ADDRESS && cmd.family() == 6) {
            sb.append("state ").append(ni.ipState()).append(' ');
        } else {
            if (ni.master() != null) {
                sb.append("master ").append(ni.master()).append(' ');
            }
            sb.append("state ").append(ni.ipState()).append(' ');
            if (cmd.object() == IpCommand.Object.LINK) {
                sb.append("mode ")
                        .append(ni.linkMode() == 1 ? "DORMANT" : "DEFAULT")
                        .append(' ');
            }
            sb.append("group ")
                    .append(ni.group() == 0 ? "default" : Integer.toString(ni.group()))
                    .append(' ');
        }
        if (ni.txQueueLen() >= 0) {
            sb.append("qlen ").append(ni.txQueueLen());
        }
        return sb.toString().stripTrailing();
    }

    static String linkLine(NetInterface ni) {
        String type = switch (ni.linkType()) {
            case 1 -> "ether";
            case 772 -> "loopback";
            case 65534 -> "none";
            case 512 -> "ppp";
            case 776 -> "sit";
            case 768 -> "ipip";
            case 778 -> "gre";
            case 32 -> "infiniband";
            default -> "[" + ni.linkType() + "]";
        };
        if (ni.mac().isEmpty()) {
            return "    link/" + type + " ";
        }
        return "    link/" + type + " " + ni.mac() + (ni.broadcastMac().isEmpty() ? "" : " brd " + ni.broadcastMac());
    }

    static String inet(IfAddress a) {
        return "    inet " + a.cidr() + " " + (a.broadcast() != null ? "brd " + a.broadcast() + " " : "")
                + "scope " + a.scope() + " " + ((a.flags() & IfAddress.SECONDARY) != 0 ? "secondary " : "")
                + (a.label() != null ? a.label() : "");
    }

    static String inet6(IfAddress a) {
        StringBuilder sb = new StringBuilder("    inet6 " + a.cidr() + " scope " + a.scope() + " ");
        int rest = a.flags();
        for (int i = 0; i < V6_FLAG_BITS.length; i++) {
            int bit = V6_FLAG_BITS[i];
            if (bit == IfAddress.PERMANENT) {
                if ((rest & bit) == 0) {
                    sb.append("dynamic ");
                }
            } else if ((rest & bit) != 0) {
                sb.append(V6_FLAG_NAMES[i]).append(' ');
            }
            rest &= ~bit;
        }
        if (rest != 0) {
            sb.append(String.format("flags %02x ", rest));
        }
        return sb.toString();
    }
}
