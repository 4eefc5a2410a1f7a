package dev.probebook.probe.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Args;
import dev.probebook.net.AddressClass;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.RecordingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact ifconfig / ip output and verdicts for hand-built interface snapshots, and the sysfs reader on fixtures. */
class InterfacesFixtureTest {

    private static final int ETH_FLAGS =
            LinkFlags.UP | LinkFlags.BROADCAST | LinkFlags.RUNNING | LinkFlags.MULTICAST | LinkFlags.LOWER_UP;
    private static final int LO_FLAGS = LinkFlags.UP | LinkFlags.LOOPBACK | LinkFlags.RUNNING | LinkFlags.LOWER_UP;

    private static IfAddress v4(String address, int prefix, String broadcast, String scope, int flags, String label) {
        return new IfAddress(
                false, address, prefix, broadcast, scope, 0, flags, label, AddressClass.of(bytes(address)));
    }

    private static IfAddress v6(String address, int prefix, int scope, int flags) {
        return new IfAddress(
                true,
                address,
                prefix,
                null,
                IfAddress.scopeName(scope),
                scope,
                flags,
                null,
                AddressClass.of(bytes(address)));
    }

    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress(); // literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final NetInterface LO = new NetInterface(
            1,
            "lo",
            LO_FLAGS,
            65536,
            "unknown",
            1000,
            0,
            0,
            772,
            "00:00:00:00:00:00",
            "00:00:00:00:00:00",
            null,
            List.of(
                    v4("127.0.0.1", 8, null, "host", IfAddress.PERMANENT, "lo"),
                    v6("::1", 128, IfAddress.SCOPE_HOST, 0x80)),
            new InterfaceStats(7118, 96, 0, 0, 0, 0, 7118, 96, 0, 0, 0, 0, 0));

    private static final NetInterface ETH0 = new NetInterface(
            2,
            "eth0",
            ETH_FLAGS,
            1500,
            "up",
            1000,
            0,
            0,
            1,
            "02:42:ac:11:00:02",
            "ff:ff:ff:ff:ff:ff",
            null,
            List.of(
                    v4("10.0.0.5", 24, "10.0.0.255", "global", IfAddress.PERMANENT, "eth0"),
                    v4("10.0.0.6", 24, "10.0.0.255", "global", IfAddress.PERMANENT | IfAddress.SECONDARY, "eth0:1"),
                    v6("2600:1f18::5", 64, 0, 0x00),
                    v6("fe80::42:acff:fe11:2", 64, IfAddress.SCOPE_LINK, 0x80)),
            new InterfaceStats(244679985, 6620, 0, 0, 0, 0, 843485, 4707, 0, 0, 0, 0, 0));

    private static final NetInterface ETH1 = new NetInterface(
            3,
            "eth1",
            LinkFlags.BROADCAST | LinkFlags.MULTICAST,
            1500,
            "down",
            1000,
            0,
            0,
            1,
            "02:42:ac:11:00:03",
            "ff:ff:ff:ff:ff:ff",
            null,
            List.of(),
            null);

    private ProbeResult result;

    private List<String> run(List<NetInterface> host, String line) throws Exception {
        InterfacesProbe probe = new InterfacesProbe(() -> host);
        List<String> words = Arrays.asList(line.split(" "));
        RecordingContext ctx = new RecordingContext();
        result = probe.run(probe.parse(words.get(0), Args.run(words.subList(1, words.size()))), ctx);
        return ctx.lines();
    }

    @Test
    void ifconfigBlockLikeNetTools() throws Exception {
        assertThat(run(List.of(LO, ETH0, ETH1), "ifconfig"))
                .containsExactly(
                        "eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500",
                        "        inet 10.0.0.5  netmask 255.255.255.0  broadcast 10.0.0.255",
                        "        inet6 2600:1f18::5  prefixlen 64  scopeid 0x0<global>",
                        "        inet6 fe80::42:acff:fe11:2  prefixlen 64  scopeid 0x20<link>",
                        "        ether 02:42:ac:11:00:02  txqueuelen 1000  (Ethernet)",
                        "        RX packets 6620  bytes 244679985 (233.3 MiB)",
                        "        RX errors 0  dropped 0  overruns 0  frame 0",
                        "        TX packets 4707  bytes 843485 (823.7 KiB)",
                        "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0",
                        "",
                        "lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536",
                        "        inet 127.0.0.1  netmask 255.0.0.0",
                        "        inet6 ::1  prefixlen 128  scopeid 0x10<host>",
                        "        loop  txqueuelen 1000  (Local Loopback)",
                        "        RX packets 96  bytes 7118 (6.9 KiB)",
                        "        RX errors 0  dropped 0  overruns 0  frame 0",
                        "        TX packets 96  bytes 7118 (6.9 KiB)",
                        "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0",
                        "");
        assertThat(result.verdict()).isEqualTo(Verdict.OK);
        assertThat(result.summary())
                .startsWith("public: 2600:1f18::5 (eth0); private: 10.0.0.5 (eth0);")
                .contains("public address of its own")
                .doesNotContain("10.0.0.6"); // ifconfig shows only the primary
    }

    @Test
    void ifconfigAllIncludesDownInterfaces() throws Exception {
        List<String> out = run(List.of(LO, ETH0, ETH1), "ifconfig -a");
        assertThat(out)
                .contains(
                        "eth1: flags=4098<BROADCAST,MULTICAST>  mtu 1500",
                        "        ether 02:42:ac:11:00:03  txqueuelen 1000  (Ethernet)");
        List<String> one = run(List.of(LO, ETH0, ETH1), "ifconfig eth1");
        assertThat(one).hasSize(3).startsWith("eth1: flags=4098<BROADCAST,MULTICAST>  mtu 1500");
        assertThat(result.summary())
                .isEqualTo("no address on eth1. eth1 is down: it carries no traffic until brought up"
                        + " (ip link set eth1 up)");
    }

    @Test
    void ipAddrLikeIproute() throws Exception {
        assertThat(run(List.of(LO, ETH0, ETH1), "ip addr"))
                .containsExactly(
                        "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN group default qlen 1000",
                        "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                        "    inet 127.0.0.1/8 scope host lo",
                        "       valid_lft forever preferred_lft forever",
                        "    inet6 ::1/128 scope host ",
                        "       valid_lft forever preferred_lft forever",
                        "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP group default qlen 1000",
                        "    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff",
                        "    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0",
                        "       valid_lft forever preferred_lft forever",
                        "    inet 10.0.0.6/24 brd 10.0.0.255 scope global secondary eth0:1",
                        "       valid_lft forever preferred_lft forever",
                        "    inet6 2600:1f18::5/64 scope global dynamic ",
                        "    inet6 fe80::42:acff:fe11:2/64 scope link ",
                        "       valid_lft forever preferred_lft forever",
                        "3: eth1: <BROADCAST,MULTICAST> mtu 1500 state DOWN group default qlen 1000",
                        "    link/ether 02:42:ac:11:00:03 brd ff:ff:ff:ff:ff:ff");
        assertThat(result.summary()).contains("private: 10.0.0.5 (eth0), 10.0.0.6 (eth0)");
    }

    @Test
    void ipFamilyBriefAndLink() throws Exception {
        assertThat(run(List.of(LO, ETH0, ETH1), "ip -4 a"))
                .containsExactly(
                        "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN group default qlen 1000",
                        "    inet 127.0.0.1/8 scope host lo",
                        "       valid_lft forever preferred_lft forever",
                        "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP group default qlen 1000",
                        "    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0",
                        "       valid_lft forever preferred_lft forever",
                        "    inet 10.0.0.6/24 brd 10.0.0.255 scope global secondary eth0:1",
                        "       valid_lft forever preferred_lft forever");
        assertThat(run(List.of(LO, ETH0), "ip -6 addr show eth0"))
                .startsWith("2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP qlen 1000");
        assertThat(run(List.of(LO, ETH0, ETH1), "ip -br a"))
                .containsExactly(
                        "lo               UNKNOWN        127.0.0.1/8 ::1/128 ",
                        "eth0             UP             10.0.0.5/24 10.0.0.6/24 2600:1f18::5/64 fe80::42:acff:fe11:2/64 ",
                        "eth1             DOWN           ");
        assertThat(run(List.of(LO, ETH0, ETH1), "ip -br link"))
                .containsExactly(
                        "lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> ",
                        "eth0             UP             02:42:ac:11:00:02 <BROADCAST,MULTICAST,UP,LOWER_UP> ",
                        "eth1             DOWN           02:42:ac:11:00:03 <BROADCAST,MULTICAST> ");
        assertThat(result.summary())
                .isEqualTo("links: lo UNKNOWN, eth0 UP, eth1 DOWN; down: eth1"
                        + " (no traffic until brought up; ip addr shows the addresses)");
        assertThat(run(List.of(LO, ETH0, ETH1), "ip link show up"))
                .containsExactly(
                        "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN mode DEFAULT group default qlen 1000",
                        "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                        "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP mode DEFAULT group default qlen 1000",
                        "    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff");
    }

    @Test
    void privateHostSummaryPointsToNat() throws Exception {
        NetInterface ens5 = new NetInterface(
                2,
                "ens5",
                ETH_FLAGS,
                9001,
                "up",
                1000,
                0,
                0,
                1,
                "0a:00:00:00:00:01",
                "ff:ff:ff:ff:ff:ff",
                null,
                List.of(
                        v4("172.31.5.9", 20, "172.31.15.255", "global", IfAddress.PERMANENT, "ens5"),
                        v6("fe80::1", 64, IfAddress.SCOPE_LINK, 0x80)),
                null);
        run(List.of(LO, ens5), "ip a");
        assertThat(result.summary())
                .isEqualTo(
                        "private: 172.31.5.9 (ens5); no public address on any interface: this host is"
                                + " in a private network — its public IP, if any, comes from NAT (check with curl ifconfig.me)");
        InterfacesDetails d = (InterfacesDetails) result.details();
        assertThat(d.interfaces()).extracting(InterfacesDetails.Iface::name).containsExactly("lo", "ens5");
        assertThat(d.interfaces().get(1).addresses())
                .containsExactly(
                        new InterfacesDetails.Addr("inet", "172.31.5.9", 20, "global", "private"),
                        new InterfacesDetails.Addr("inet6", "fe80::1", 64, "link", "link-local"));
    }

    @Test
    void cgnatAndDhcpFailureAreExplained() throws Exception {
        NetInterface wlan = new NetInterface(
                3,
                "wlan0",
                ETH_FLAGS,
                1500,
                "up",
                1000,
                0,
                0,
                1,
                "0a:00:00:00:00:02",
                "ff:ff:ff:ff:ff:ff",
                null,
                List.of(v4("100.72.1.2", 10, null, "global", IfAddress.PERMANENT, "wlan0")),
                null);
        NetInterface eth = new NetInterface(
                4,
                "eth2",
                ETH_FLAGS,
                1500,
                "up",
                1000,
                0,
                0,
                1,
                "0a:00:00:00:00:03",
                "ff:ff:ff:ff:ff:ff",
                null,
                List.of(v4("169.254.10.20", 16, "169.254.255.255", "link", IfAddress.PERMANENT, "eth2")),
                null);
        run(List.of(LO, wlan, eth), "ip -4 addr");
        assertThat(result.summary())
                .startsWith("cgnat: 100.72.1.2 (wlan0); link-local: 169.254.10.20 (eth2); no public address")
                .endsWith("A 169.254.x.x address is self-assigned: DHCP got no answer on that interface");
    }

    @Test
    void missingInterface() throws Exception {
        assertThat(run(List.of(LO, ETH0), "ip a show dev eth9")).containsExactly("Device \"eth9\" does not exist.");
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.summary()).startsWith("there is no interface eth9 on this host; its interfaces are lo, eth0");
    }

    @Test
    void formattingHelpers() {
        assertThat(IfconfigView.human(0)).isEqualTo("0.0 B");
        assertThat(IfconfigView.human(1024)).isEqualTo("1024.0 B");
        assertThat(IfconfigView.human(1536)).isEqualTo("1.5 KiB");
        assertThat(IfconfigView.human(5L * 1024 * 1024 * 1024 + 1)).isEqualTo("5.0 GiB");
        assertThat(IfconfigView.naturalCompare("eth2", "eth10")).isNegative();
        assertThat(IfconfigView.naturalCompare("eth0", "lo")).isNegative();
        assertThat(LinkFlags.ip(LinkFlags.UP | LinkFlags.BROADCAST | LinkFlags.MULTICAST))
                .isEqualTo("<NO-CARRIER,BROADCAST,MULTICAST,UP>");
        assertThat(LinkFlags.ifconfig(LinkFlags.UP | LinkFlags.LOOPBACK | LinkFlags.RUNNING | LinkFlags.LOWER_UP))
                .isEqualTo("flags=73<UP,LOOPBACK,RUNNING>");
        assertThat(Ipv4.netmask(20)).isEqualTo("255.255.240.0");
    }

    @Test
    void readerBuildsInterfacesFromSysfsAndProc(@TempDir Path root) throws Exception {
        Path sys = root.resolve("sys/class/net");
        writeLink(
                sys.resolve("lo"),
                Map.of(
                        "ifindex",
                        "1",
                        "flags",
                        "0x109",
                        "operstate",
                        "unknown",
                        "mtu",
                        "65536",
                        "tx_queue_len",
                        "1000",
                        "type",
                        "772",
                        "address",
                        "00:00:00:00:00:00",
                        "broadcast",
                        "00:00:00:00:00:00",
                        "carrier",
                        "1",
                        "addr_len",
                        "6"));
        writeLink(
                sys.resolve("eth0"),
                Map.of(
                        "ifindex",
                        "4",
                        "flags",
                        "0x1003",
                        "operstate",
                        "up",
                        "mtu",
                        "1400",
                        "tx_queue_len",
                        "1000",
                        "type",
                        "1",
                        "address",
                        "02:fc:00:00:00:01",
                        "broadcast",
                        "ff:ff:ff:ff:ff:ff",
                        "carrier",
                        "1",
                        "addr_len",
                        "6"));
        writeLink(
                sys.resolve("ifb0"),
                Map.of(
                        "ifindex",
                        "2",
                        "flags",
                        "0x82",
                        "operstate",
                        "down",
                        "mtu",
                        "1500",
                        "tx_queue_len",
                        "32",
                        "type",
                        "1",
                        "address",
                        "aa:de:f1:46:37:d9",
                        "broadcast",
                        "ff:ff:ff:ff:ff:ff",
                        "addr_len",
                        "6"));
        Files.writeString(sys.resolve("bonding_masters"), "\n");
        Path net = Files.createDirectories(root.resolve("proc/net"));
        Files.writeString(
                net.resolve("if_inet6"),
                String.join(
                        "\n",
                        "00000000000000000000000000000001 01 80 10 80       lo",
                        "fd000000000000000000000000000002 04 40 00 82     eth0",
                        "fe8000000000000000fc00fffe000001 04 40 20 80     eth0",
                        ""));
        Files.writeString(
                net.resolve("dev"),
                String.join(
                        "\n",
                        "Inter-|   Receive                                                |  Transmit",
                        " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
                        "    lo:    6070      79    0    0    0     0          0         0     6070      79    0    0    0     0       0          0",
                        "  eth0: 244678684    6607    1    2    3     4          0         0   842184    4694    5    6    7     8       9          0",
                        ""));
        AddressSource v4 = new AddressSource() {
            @Override
            public List<IfAddress> ipv4(String iface) {
                return iface.equals("eth0")
                        ? List.of(v4("192.0.2.2", 24, "192.0.2.255", "global", IfAddress.PERMANENT, "eth0"))
                        : List.of();
            }

            @Override
            public List<IfAddress> ipv6(String iface) {
                throw new AssertionError("IPv6 comes from if_inet6 when it exists");
            }
        };
        List<NetInterface> read = new InterfaceReader(sys, root.resolve("proc"), v4).read();
        assertThat(read).extracting(NetInterface::name).containsExactly("lo", "ifb0", "eth0");
        NetInterface lo = read.get(0);
        assertThat(LinkFlags.ifconfig(lo.flags())).isEqualTo("flags=73<UP,LOOPBACK,RUNNING>"); // sysfs PROMISC left out
        NetInterface ifb = read.get(1);
        assertThat(LinkFlags.ip(ifb.flags())).isEqualTo("<BROADCAST,NOARP>");
        assertThat(ifb.stats()).isNull();
        NetInterface eth0 = read.get(2);
        assertThat(LinkFlags.ifconfig(eth0.flags())).isEqualTo("flags=4163<UP,BROADCAST,RUNNING,MULTICAST>");
        assertThat(LinkFlags.ip(eth0.flags())).isEqualTo("<BROADCAST,MULTICAST,UP,LOWER_UP>");
        assertThat(eth0.addresses())
                .extracting(IfAddress::cidr)
                .containsExactly("192.0.2.2/24", "fd00::2/64", "fe80::fc:ff:fe00:1/64");
        assertThat(IpView.inet6(eth0.addresses().get(1))).isEqualTo("    inet6 fd00::2/64 scope global nodad ");
        assertThat(eth0.addresses().get(2).scope()).isEqualTo("link");
        assertThat(eth0.stats())
                .isEqualTo(new InterfaceStats(244678684, 6607, 1, 2, 3, 4, 842184, 4694, 5, 6, 7, 8, 9));
    }

    private static void writeLink(Path dir, Map<String, String> files) throws Exception {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue() + "\n");
        }
    }
}
