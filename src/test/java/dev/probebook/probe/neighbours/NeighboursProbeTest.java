package dev.probebook.probe.neighbours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.RecordingContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ARP cache as /proc/net/arp gives it, printed as net-tools' arp prints it, and what it means. */
class NeighboursProbeTest {

    /** The gateway resolved, a host that never answered, and an entry set by hand on a second interface. */
    static final String PROC = """
            IP address       HW type     Flags       HW address            Mask     Device
            192.0.2.1        0x1         0x2         02:fc:00:00:00:05     *        eth0
            192.0.2.9        0x1         0x0         00:00:00:00:00:00     *        eth0
            198.51.100.7     0x1         0x6         52:54:00:12:34:56     *        eth1
            """;

    private static ProbeResult run(String proc, RecordingContext ctx, String... line) throws Exception {
        NeighboursProbe p = new NeighboursProbe(() -> ArpTable.parse(proc));
        List<String> words = Arrays.asList(line);
        assertThat(p.claims(words.getFirst(), words.subList(1, words.size()))).isTrue();
        return p.run(p.parse(words.getFirst(), Args.run(words.subList(1, words.size()))), ctx);
    }

    @Test
    void arpNPrintsNetToolsTable() throws Exception {
        RecordingContext ctx = new RecordingContext();
        ProbeResult r = run(PROC, ctx, "arp", "-n");
        assertThat(ctx.lines())
                .containsExactly(
                        "Address                  HWtype  HWaddress           Flags Mask            Iface",
                        "192.0.2.1                ether   02:fc:00:00:00:05   C                     eth0",
                        "192.0.2.9                        (incomplete)                              eth0",
                        "198.51.100.7             ether   52:54:00:12:34:56   CM                    eth1");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).startsWith("no ARP answer from 192.0.2.9 (eth0): the host is down");
        assertThat(r.details().facts())
                .containsEntry("neighbour 192.0.2.1", "02:fc:00:00:00:05 on eth0")
                .containsEntry("neighbour 192.0.2.9", "incomplete on eth0");
    }

    @Test
    void arpAPrintsTheBsdStyle() throws Exception {
        RecordingContext ctx = new RecordingContext();
        run(PROC, ctx, "arp", "-a");
        assertThat(ctx.lines())
                .containsExactly(
                        "? (192.0.2.1) at 02:fc:00:00:00:05 [ether] on eth0",
                        "? (192.0.2.9) at <incomplete> on eth0",
                        "? (198.51.100.7) at 52:54:00:12:34:56 [ether] PERM on eth1");
    }

    @Test
    void oneNeighbourFoundMissingOrOnOneInterface() throws Exception {
        RecordingContext found = new RecordingContext();
        ProbeResult ok = run(PROC, found, "arp", "-n", "192.0.2.1");
        assertThat(found.lines()).hasSize(2);
        assertThat(ok.verdict()).isEqualTo(Verdict.OK);
        assertThat(ok.summary())
                .isEqualTo("192.0.2.1 is at 02:fc:00:00:00:05 on eth0: the link layer works, so look"
                        + " higher (ping, tcping)");

        RecordingContext missing = new RecordingContext();
        ProbeResult none = run(PROC, missing, "arp", "-n", "192.0.2.50");
        assertThat(missing.lines()).containsExactly("192.0.2.50 (192.0.2.50) -- no entry");
        assertThat(none.verdict()).isEqualTo(Verdict.WARN);
        assertThat(none.summary()).startsWith("no ARP entry for 192.0.2.50");
        RecordingContext missingBsd = new RecordingContext();
        run(PROC, missingBsd, "arp", "-a", "192.0.2.50");
        assertThat(missingBsd.lines()).containsExactly("arp: in 3 entries no match found.");

        RecordingContext eth1 = new RecordingContext();
        ProbeResult second = run(PROC, eth1, "arp", "-n", "-i", "eth1");
        assertThat(eth1.lines()).hasSize(2).last().asString().endsWith("eth1");
        assertThat(second.summary()).isEqualTo("1 neighbour(s) resolved: 198.51.100.7 (eth1)");

        ProbeResult empty = run(
                "IP address       HW type     Flags       HW address            Mask     Device\n",
                new RecordingContext(),
                "arp",
                "-n");
        assertThat(empty.verdict()).isEqualTo(Verdict.OK);
        assertThat(empty.summary()).startsWith("the ARP cache is empty");
    }

    @Test
    void changesAreRefusedAndIpNeighSaysWhatToRunInstead() {
        NeighboursProbe p = new NeighboursProbe(() -> ArpTable.parse(PROC));
        assertThat(p.claims("ip", List.of("addr"))).isFalse();
        assertThat(p.claims("ip", List.of("route"))).isFalse();
        assertThat(p.claims("ip", List.of("-4", "neigh", "show"))).isTrue();
        assertThatThrownBy(() -> p.parse("arp", Args.run(List.of("-d", "192.0.2.1"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("only reads it");
        assertThatThrownBy(() -> p.parse("arp", Args.run(List.of("-s", "192.0.2.1", "02:00:00:00:00:01"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("only reads it");
        assertThatThrownBy(() -> p.parse("arp", Args.run(List.of("-n", "gateway.internal"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("IPv4 address, not 'gateway.internal'");
        assertThatThrownBy(() -> p.parse("ip", Args.run(List.of("neigh"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'arp -n'");
    }

    @Test
    void thisMachinesOwnCacheReads() throws Exception {
        ArpTable real = ArpTable.read(ArpTable.PROC);
        RecordingContext ctx = new RecordingContext();
        new NeighboursProbe().run(new NeighboursCommand(false, null, null), ctx);
        assertThat(ctx.lines()).hasSize(1 + real.entries().size());
        assertThat(real.entries()).allSatisfy(e -> assertThat(e.device()).isNotBlank());
    }
}
