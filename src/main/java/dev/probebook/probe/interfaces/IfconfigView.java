package dev.probebook.probe.interfaces;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * net-tools 2.10 ifconfig's long format. Like ifconfig it shows one IPv4 address per interface, the
 * primary one (aliases and secondaries need {@code ip addr}), every IPv6 address, and lists interfaces
 * in natural name order ({@code eth2} before {@code eth10}).
 */
final class IfconfigView {

    private IfconfigView() {}

    /** Interfaces in the order ifconfig lists them. */
    static List<NetInterface> order(List<NetInterface> all) {
        List<NetInterface> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(NetInterface::name, IfconfigView::naturalCompare));
        return sorted;
    }

    static List<String> block(NetInterface ni) {
        List<String> out = new ArrayList<>();
        out.add(ni.name() + ": " + LinkFlags.ifconfig(ni.flags()) + "  mtu " + ni.mtu());
        ni.addresses().stream().filter(a -> !a.v6()).findFirst().ifPresent(a -> {
            String line = "        inet " + a.address() + "  netmask " + Ipv4.netmask(a.prefix());
            if ((ni.flags() & LinkFlags.BROADCAST) != 0) {
                line += "  broadcast " + (a.broadcast() != null ? a.broadcast() : "0.0.0.0");
            }
            out.add(line);
        });
        for (IfAddress a : ni.addresses()) {
            if (a.v6()) {
                out.add("        inet6 " + a.address() + "  prefixlen " + a.prefix() + "  scopeid 0x"
                        + Integer.toHexString(a.kernelScope()) + scopeFlags(a.kernelScope()));
            }
        }
        out.add(hardware(ni));
        InterfaceStats s = ni.stats();
        if (s != null) {
            out.add("        RX packets " + s.rxPackets() + "  bytes " + s.rxBytes() + " (" + human(s.rxBytes()) + ")");
            out.add("        RX errors " + s.rxErrors() + "  dropped " + s.rxDropped() + "  overruns " + s.rxFifo()
                    + "  frame " + s.rxFrame());
            out.add("        TX packets " + s.txPackets() + "  bytes " + s.txBytes() + " (" + human(s.txBytes()) + ")");
            out.add("        TX errors " + s.txErrors() + "  dropped " + s.txDropped() + " overruns " + s.txFifo()
                    + "  carrier " + s.txCarrier() + "  collisions " + s.collisions());
        }
        out.add("");
        return out;
    }

    /** {@code <link>}, {@code <global>}, {@code <host>}, {@code <compat,global>}. */
    static String scopeFlags(int scope) {
        List<String> names = new ArrayList<>();
        int rest = scope;
        if ((rest & IfAddress.SCOPE_COMPAT) != 0) {
            names.add("compat");
            rest -= IfAddress.SCOPE_COMPAT;
        }
        if (rest == 0) {
            names.add("global");
        }
        if ((rest & IfAddress.SCOPE_LINK) != 0) {
            names.add("link");
        }
        if ((rest & IfAddress.SCOPE_SITE) != 0) {
            names.add("site");
        }
        if ((rest & IfAddress.SCOPE_HOST) != 0) {
            names.add("host");
        }
        return "<" + String.join(",", names) + (names.isEmpty() ? "" : ">");
    }

    /** The hardware line: {@code ether MAC  txqueuelen 1000  (Ethernet)}, {@code loop  txqueuelen 1000  (Local Loopback)}. */
    static String hardware(NetInterface ni) {
        String head = switch (ni.linkType()) {
            case 1 -> "ether " + ni.mac();
            case 772 -> "loop";
            case 512 -> "ppp";
            case 776 -> "sit";
            case 768 -> "tunnel";
            default -> "unspec 00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00";
        };
        String title = switch (ni.linkType()) {
            case 1 -> "Ethernet";
            case 772 -> "Local Loopback";
            case 512 -> "Point-to-Point Protocol";
            case 776 -> "IPv6-in-IPv4";
            case 768 -> "IPIP Tunnel";
            default -> "UNSPEC";
        };
        return "        " + head + (ni.txQueueLen() >= 0 ? "  txqueuelen " + ni.txQueueLen() : "") + "  (" + title
                + ")";
    }

    /** ifconfig's byte count in binary units with one (truncated) decimal: {@code 233.3 MiB}. */
    static String human(long bytes) {
        String[] units = {"PiB", "TiB", "GiB", "MiB", "KiB"};
        long[] sizes = {1L << 50, 1L << 40, 1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes > sizes[i]) {
                long tenths = bytes > Long.MAX_VALUE / 10 ? bytes / (sizes[i] / 10) : bytes * 10 / sizes[i];
                return String.format(Locale.ROOT, "%d.%d %s", tenths / 10, tenths % 10, units[i]);
            }
        }
        return String.format(Locale.ROOT, "%d.%d B", bytes, 0);
    }

    /** Compares names with digit runs as numbers, as net-tools' nstrcmp does. */
    static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = new BigInteger(a.substring(si, i)).compareTo(new BigInteger(b.substring(sj, j)));
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
