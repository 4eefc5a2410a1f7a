package dev.probebook.probe.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.RecordingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing tables as /proc/net/route gives them, printed as ip, route and netstat print them, and what they mean. */
class RoutesProbeTest {

    /** A host on 192.0.2.0/24 with its gateway at .1, a static route to 10.8.0.0/16 and a metric on the default. */
    static final String PROC = """
            Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
            eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0
            eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
            eth0\t0000080A\t FE0200C0\t0003\t0\t0\t0\t0000FFFF\t0\t0\t0
            """.replace("\t FE", "\tFE");

    static final String NO_DEFAULT = """
            Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
            eth1\t0010A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
            """;

    private static final RoutesProbe.LocalAddresses HOST = new RoutesProbe.LocalAddresses() {
        @Override
        public String of(String iface) {
            return Map.of("eth0", "192.0.2.5", "eth1", "192.168.16.9").get(iface);
        }

        @Override
        public boolean isLocal(int address) {
            return address == RoutesParser.parse("192.0.2.5");
        }
    };

    private static RoutesProbe probe(String proc) {
        return new RoutesProbe(() -> RouteTable.parse(proc), HOST);
    }

    private static ProbeResult run(String proc, RecordingContext ctx, String... line) throws Exception {
        RoutesProbe p = probe(proc);
        List<String> words = Arrays.asList(line);
        assertThat(p.claims(words.getFirst(), words.subList(1, words.size()))).isTrue();
        RoutesCommand cmd = p.parse(words.getFirst(), Args.run(words.subList(1, words.size())));
        return p.run(cmd, ctx);
    }

    @Test
    void procAddressesAreLittleEndianHex() {
        RouteTable t = RouteTable.parse(PROC);
        assertThat(t.routes()).hasSize(3);
        assertThat(Route.dotted(t.routes().get(0).gateway())).isEqualTo("192.0.2.1");
        assertThat(Route.dotted(t.routes().get(2).destination())).isEqualTo("10.8.0.0");
        assertThat(t.routes().get(2).prefix()).isEqualTo(16);
        assertThat(Route.dotted(t.defaultRoute().orElseThrow().gateway())).isEqualTo("192.0.2.1");
    }

    @Test
    void ipRouteAsIproute2PrintsIt() throws Exception {
        RecordingContext ctx = new RecordingContext();
        ProbeResult r = run(PROC, ctx, "ip", "route");
        assertThat(ctx.lines())
                .containsExactly(
                        "default via 192.0.2.1 dev eth0 metric 100 ",
                        "192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.5 ",
                        "10.8.0.0/16 via 192.0.2.254 dev eth0 ");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).isEqualTo("default route via 192.0.2.1 on eth0; 3 route(s) in the table");
        assertThat(r.details().facts()).containsEntry("default gateway", "192.0.2.1");

        RecordingContext only = new RecordingContext();
        run(PROC, only, "ip", "r", "show", "default");
        assertThat(only.lines()).containsExactly("default via 192.0.2.1 dev eth0 metric 100 ");
    }

    @Test
    void routeAndNetstatPrintNetToolsTables() throws Exception {
        RecordingContext route = new RecordingContext();
        run(PROC, route, "route", "-n");
        assertThat(route.lines())
                .containsExactly(
                        "Kernel IP routing table",
                        "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface",
                        "0.0.0.0         192.0.2.1       0.0.0.0         UG    100    0        0 eth0",
                        "192.0.2.0       0.0.0.0         255.255.255.0   U     0      0        0 eth0",
                        "10.8.0.0        192.0.2.254     255.255.0.0     UG    0      0        0 eth0");
        RecordingContext named = new RecordingContext();
        run(PROC, named, "route");
        assertThat(named.lines().get(2)).startsWith("default         192.0.2.1");

        RecordingContext netstat = new RecordingContext();
        run(PROC, netstat, "netstat", "-rn");
        assertThat(netstat.lines())
                .containsExactly(
                        "Kernel IP routing table",
                        "Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface",
                        "0.0.0.0         192.0.2.1       0.0.0.0         UG        0 0          0 eth0",
                        "192.0.2.0       0.0.0.0         255.255.255.0   U         0 0          0 eth0",
                        "10.8.0.0        192.0.2.254     255.255.0.0     UG        0 0          0 eth0");
    }

    @Test
    void ipRouteGetPicksTheLongestPrefixAndSaysWhereTheAddressGoes() throws Exception {
        RecordingContext far = new RecordingContext();
        ProbeResult viaDefault = run(PROC, far, "ip", "route", "get", "203.0.113.7");
        assertThat(far.lines().getFirst())
                .matches("203\\.0\\.113\\.7 via 192\\.0\\.2\\.1 dev eth0 src 192\\.0\\.2\\.5 uid -?\\d+ ");
        assertThat(viaDefault.summary())
                .startsWith("203.0.113.7 is reached via gateway 192.0.2.1 on eth0")
                .contains("the default route");

        RecordingContext vpn = new RecordingContext();
        ProbeResult viaStatic = run(PROC, vpn, "ip", "route", "get", "10.8.3.4");
        assertThat(vpn.lines().getFirst()).startsWith("10.8.3.4 via 192.0.2.254 dev eth0 src 192.0.2.5");
        assertThat(viaStatic.summary()).contains("route 10.8.0.0/16");

        RecordingContext near = new RecordingContext();
        ProbeResult onLink = run(PROC, near, "ip", "route", "get", "192.0.2.77");
        assertThat(near.lines().getFirst()).startsWith("192.0.2.77 dev eth0 src 192.0.2.5");
        assertThat(onLink.summary()).startsWith("192.0.2.77 is on eth0's own network (192.0.2.0/24): sent directly");
        assertThat(onLink.details().facts()).containsEntry("route to 192.0.2.77", "dev eth0");

        RecordingContext own = new RecordingContext();
        assertThat(run(PROC, own, "ip", "route", "get", "192.0.2.5").summary()).contains("this host's own address");
        assertThat(own.lines().getFirst()).startsWith("local 192.0.2.5 dev lo src 192.0.2.5");
    }

    @Test
    void withoutADefaultRouteOtherNetworksAreUnreachable() throws Exception {
        RecordingContext ctx = new RecordingContext();
        ProbeResult table = run(NO_DEFAULT, ctx, "ip", "route");
        assertThat(table.verdict()).isEqualTo(Verdict.WARN);
        assertThat(table.summary())
                .startsWith("no default route: only the networks listed are reachable (192.168.16.0/24)");

        RecordingContext get = new RecordingContext();
        ProbeResult none = run(NO_DEFAULT, get, "ip", "route", "get", "198.51.100.1");
        assertThat(get.lines()).containsExactly("RTNETLINK answers: Network is unreachable");
        assertThat(none.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(none.summary()).startsWith("no route to 198.51.100.1: connecting there fails at once");

        ProbeResult empty = run(
                "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n",
                new RecordingContext(),
                "route",
                "-n");
        assertThat(empty.summary()).startsWith("the routing table is empty");
    }

    @Test
    void onlyTheRouteFormsAreClaimedAndChangesAreRefused() {
        RoutesProbe p = probe(PROC);
        assertThat(p.claims("ip", List.of("addr"))).isFalse();
        assertThat(p.claims("ip", List.of("-4", "route", "get", "10.0.0.1"))).isTrue();
        assertThat(p.claims("netstat", List.of("-tlnp"))).isFalse();
        assertThat(p.claims("netstat", List.of("-nr"))).isTrue();
        assertThat(p.claims("netstat", List.of("--route"))).isTrue();
        assertThatThrownBy(() -> p.parse("ip", Args.run(List.of("route", "add", "default", "via", "192.0.2.9"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("only reads it");
        assertThatThrownBy(() -> p.parse("route", Args.run(List.of("del", "default"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("only reads it");
        assertThatThrownBy(() -> p.parse("ip", Args.run(List.of("route", "get", "db.internal"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("any valid prefix is expected rather than \"db.internal\"");
        assertThatThrownBy(() -> p.parse("ip", Args.run(List.of("-6", "route"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("IPv4 routing table only");
    }

    @Test
    void thisMachinesOwnTableReads() throws Exception {
        RouteTable real = RouteTable.read(RouteTable.PROC);
        assertThat(real.routes()).allSatisfy(r -> assertThat(r.iface()).isNotBlank());
        RecordingContext ctx = new RecordingContext();
        ProbeResult r =
                new RoutesProbe().run(new RoutesCommand(RoutesCommand.Form.ROUTE, true, null, false, null), ctx);
        assertThat(ctx.lines()).hasSize(2 + real.routes().size());
        assertThat(r.verdict()).isIn(Verdict.OK, Verdict.WARN);
    }
}
