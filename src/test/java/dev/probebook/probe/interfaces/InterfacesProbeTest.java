package dev.probebook.probe.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.ProbeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ifconfig and ip against this host's real loopback interface. */
class InterfacesProbeTest {

    private final ProbeHarness harness = new ProbeHarness();

    @BeforeEach
    void linux() {
        assumeTrue(Files.isDirectory(Path.of("/sys/class/net/lo")), "needs Linux sysfs with a loopback interface");
    }

    @Test
    void ipAddrShowsLoopbackLikeIproute() throws Exception {
        RunResult r = harness.run("ip addr");
        assertThat(r.output())
                .anyMatch(l ->
                        l.matches("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN group default qlen \\d+"));
        int lo = r.output().indexOf("    inet 127.0.0.1/8 scope host lo");
        assertThat(lo).isPositive();
        assertThat(r.output().get(lo + 1)).isEqualTo("       valid_lft forever preferred_lft forever");
        assertThat(r.output()).contains("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        InterfacesDetails d = (InterfacesDetails) r.details();
        assertThat(d.interfaces()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("lo");
            assertThat(i.addresses()).contains(new InterfacesDetails.Addr("inet", "127.0.0.1", 8, "host", "loopback"));
        });
    }

    @Test
    void ipBriefAndFamilyFilter() throws Exception {
        RunResult brief = harness.run("ip -br a");
        assertThat(brief.output()).anyMatch(l -> l.startsWith("lo               UNKNOWN        127.0.0.1/8 "));
        RunResult v4 = harness.run("ip -4 addr show dev lo");
        assertThat(v4.output()).hasSize(3).doesNotContain("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00");
        assertThat(v4.output()).noneMatch(l -> l.contains("inet6"));
    }

    @Test
    void ifconfigShowsLoopbackLikeNetTools() throws Exception {
        RunResult r = harness.run("ifconfig lo");
        assertThat(r.output().get(0)).isEqualTo("lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536");
        assertThat(r.output().get(1)).isEqualTo("        inet 127.0.0.1  netmask 255.0.0.0");
        assertThat(r.output()).anyMatch(l -> l.matches("        loop  txqueuelen \\d+  \\(Local Loopback\\)"));
        assertThat(r.output())
                .anyMatch(
                        l -> l.matches("        RX packets \\d+  bytes \\d+ \\(\\d+\\.\\d (B|KiB|MiB|GiB|TiB|PiB)\\)"));
        assertThat(r.output())
                .anyMatch(l ->
                        l.matches("        TX errors \\d+  dropped \\d+ overruns \\d+  carrier \\d+  collisions \\d+"));
        assertThat(r.output().get(r.output().size() - 1)).isEmpty();
        assertThat(r.output()).noneMatch(l -> l.startsWith("eth"));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).startsWith("only loopback addresses: 127.0.0.1 (lo)");
    }

    @Test
    void ifconfigListsUpInterfacesIncludingLoopback() throws Exception {
        RunResult r = harness.run("ifconfig");
        assertThat(r.output()).contains("lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void missingInterfaceFailsAndNamesTheRealOnes() throws Exception {
        RunResult ifc = harness.run("ifconfig nosuch9");
        assertThat(ifc.output()).containsExactly("nosuch9: error fetching interface information: Device not found");
        assertThat(ifc.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ifc.summary()).contains("no interface nosuch9", "lo");
        RunResult ip = harness.run("ip addr show dev nosuch9");
        assertThat(ip.output()).containsExactly("Device \"nosuch9\" does not exist.");
        assertThat(ip.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(((InterfacesDetails) ip.details()).missing()).isEqualTo("nosuch9");
    }
}
