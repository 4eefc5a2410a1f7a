package dev.probebook.probe.interfaces;

import dev.probebook.net.AddressClass;
import dev.probebook.net.KernelHex;
import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the host's interfaces the way ifconfig and ip see them: links from {@code /sys/class/net/IF}
 * (flags, operstate, mtu, MAC, queue length), IPv6 addresses from {@code /proc/net/if_inet6}, counters
 * from {@code /proc/net/dev} and IPv4 addresses from an {@link AddressSource}. Without {@code /sys}
 * (not Linux) everything comes from {@link NetworkInterface}.
 *
 * <p>Flags are computed as the kernel reports them through SIOCGIFFLAGS: RUNNING when the link is up and
 * its operstate up or unknown, LOWER_UP when it has carrier. PROMISC and ALLMULTI are left out: the sysfs
 * word also counts promiscuous mode that capture programs switch on, which the tools do not show.
 */
public final class InterfaceReader {

    private final Path sysClassNet;
    private final Path procRoot;
    private final AddressSource addresses;

    public InterfaceReader() {
        this(Path.of("/sys/class/net"), Path.of("/proc"), new JavaAddressSource());
    }

    InterfaceReader(Path sysClassNet, Path procRoot, AddressSource addresses) {
        this.sysClassNet = sysClassNet;
        this.procRoot = procRoot;
        this.addresses = addresses;
    }

    /** All interfaces, ordered by interface index. */
    public List<NetInterface> read() {
        if (!Files.isDirectory(sysClassNet)) {
            return fromJava();
        }
        Map<String, List<IfAddress>> v6 = readIfInet6();
        Map<String, InterfaceStats> stats = readNetDev();
        List<NetInterface> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sysClassNet)) {
            for (Path dir : dirs) {
                NetInterface ni = link(dir, v6, stats);
                if (ni != null) {
                    out.add(ni);
                }
            }
        } catch (IOException e) {
            return fromJava();
        }
        out.sort(Comparator.comparingInt(NetInterface::index));
        return out;
    }

    private NetInterface link(Path dir, Map<String, List<IfAddress>> v6, Map<String, InterfaceStats> stats) {
        String name = dir.getFileName().toString();
        int index = intValue(dir.resolve("ifindex"), -1);
        if (index < 0) {
            return null; // not an interface directory (e.g. bonding_masters)
        }
        String operstate = text(dir.resolve("operstate"), "unknown");
        int flags = (int) longValue(dir.resolve("flags"), 0)
                & ~(LinkFlags.PROMISC
                        | LinkFlags.ALLMULTI
                        | LinkFlags.RUNNING
                        | LinkFlags.LOWER_UP
                        | LinkFlags.DORMANT);
        if ((flags & LinkFlags.UP) != 0) {
            if (operstate.equals("up") || operstate.equals("unknown")) {
                flags |= LinkFlags.RUNNING;
            }
            if (intValue(dir.resolve("carrier"), 0) == 1) {
                flags |= LinkFlags.LOWER_UP;
            }
            if (intValue(dir.resolve("dormant"), 0) == 1) {
                flags |= LinkFlags.DORMANT;
            }
        }
        int addrLen = intValue(dir.resolve("addr_len"), 6);
        String master = null;
        Path masterLink = dir.resolve("master");
        if (Files.isSymbolicLink(masterLink)) {
            try {
                master = Files.readSymbolicLink(masterLink).getFileName().toString();
            } catch (IOException e) {
                master = null;
            }
        }
        List<IfAddress> all = new ArrayList<>(addresses.ipv4(name));
        all.addAll(v6 != null ? v6.getOrDefault(name, List.of()) : addresses.ipv6(name));
        return new NetInterface(
                index,
                name,
                flags,
                intValue(dir.resolve("mtu"), 0),
                operstate,
                intValue(dir.resolve("tx_queue_len"), -1),
                intValue(dir.resolve("netdev_group"), 0),
                intValue(dir.resolve("link_mode"), 0),
                intValue(dir.resolve("type"), 1),
                addrLen == 0 ? "" : text(dir.resolve("address"), ""),
                addrLen == 0 ? "" : text(dir.resolve("broadcast"), ""),
                master,
                all,
                stats.get(name));
    }

    /** {@code /proc/net/if_inet6}: address, ifindex, prefix length, scope, flags, name (all hex but the name). */
    Map<String, List<IfAddress>> readIfInet6() {
        List<String> lines = lines(procRoot.resolve("net/if_inet6"));
        if (lines == null) {
            return null;
        }
        Map<String, List<IfAddress>> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 6 || f[0].length() != 32) {
                continue;
            }
            try {
                byte[] bytes = KernelHex.plainBytes(f[0]);
                int scope = Integer.parseInt(f[3], 16);
                out.computeIfAbsent(f[5], k -> new ArrayList<>())
                        .add(new IfAddress(
                                true,
                                KernelHex.toText(bytes),
                                Integer.parseInt(f[2], 16),
                                null,
                                IfAddress.scopeName(scope),
                                scope,
                                Integer.parseInt(f[4], 16),
                                null,
                                AddressClass.of(bytes)));
            } catch (IllegalArgumentException e) {
                // skip a line we cannot read
            }
        }
        return out;
    }

    /** {@code /proc/net/dev}: two header lines, then {@code name: rx(8 fields) tx(8 fields)}. */
    Map<String, InterfaceStats> readNetDev() {
        Map<String, InterfaceStats> out = new HashMap<>();
        List<String> lines = lines(procRoot.resolve("net/dev"));
        if (lines == null) {
            return out;
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue;
            }
            String[] f = line.substring(colon + 1).strip().split("\\s+");
            if (f.length < 16) {
                continue;
            }
            try {
                long[] v = new long[16];
                for (int i = 0; i < 16; i++) {
                    v[i] = Long.parseLong(f[i]);
                }
                out.put(
                        line.substring(0, colon).strip(),
                        new InterfaceStats(
                                v[0], v[1], v[2], v[3], v[4], v[5], v[8], v[9], v[10], v[11], v[12], v[13], v[14]));
            } catch (NumberFormatException e) {
                // skip
            }
        }
        return out;
    }

    /** Without sysfs: what the JDK knows (no counters, no queue length, operstate from up/down). */
    private List<NetInterface> fromJava() {
        List<NetInterface> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (ni.isVirtual()) {
                    continue;
                }
                List<IfAddress> all = new ArrayList<>(addresses.ipv4(ni.getName()));
                all.addAll(addresses.ipv6(ni.getName()));
                int flags = 0;
                if (ni.isUp()) {
                    flags |= LinkFlags.UP | LinkFlags.RUNNING | LinkFlags.LOWER_UP;
                }
                if (ni.isLoopback()) {
                    flags |= LinkFlags.LOOPBACK;
                }
                if (ni.isPointToPoint()) {
                    flags |= LinkFlags.POINTOPOINT;
                }
                if (ni.supportsMulticast()) {
                    flags |= LinkFlags.MULTICAST;
                }
                if (all.stream().anyMatch(a -> a.broadcast() != null)) {
                    flags |= LinkFlags.BROADCAST;
                }
                byte[] hw = ni.getHardwareAddress();
                String mac = hw == null ? "" : mac(hw);
                int type = ni.isLoopback() ? 772 : hw != null && hw.length == 6 ? 1 : 65534;
                String operstate = !ni.isUp() ? "down" : ni.isLoopback() ? "unknown" : "up";
                out.add(new NetInterface(
                        ni.getIndex(),
                        ni.getName(),
                        flags,
                        ni.getMTU(),
                        operstate,
                        -1,
                        0,
                        0,
                        type,
                        ni.isLoopback() ? "00:00:00:00:00:00" : mac,
                        ni.isLoopback() ? "00:00:00:00:00:00" : mac.isEmpty() ? "" : "ff:ff:ff:ff:ff:ff",
                        null,
                        all,
                        null));
            }
        } catch (SocketException e) {
            return out;
        }
        out.sort(Comparator.comparingInt(NetInterface::index));
        return out;
    }

    private static String mac(byte[] hw) {
        StringBuilder sb = new StringBuilder();
        for (byte b : hw) {
            if (!sb.isEmpty()) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        return sb.toString();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(Path file, String fallback) {
        List<String> l = lines(file);
        return l == null || l.isEmpty() ? fallback : l.get(0).strip();
    }

    private static long longValue(Path file, long fallback) {
        String t = text(file, null);
        if (t == null) {
            return fallback;
        }
        try {
            return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int intValue(Path file, int fallback) {
        return (int) longValue(file, fallback);
    }
}
