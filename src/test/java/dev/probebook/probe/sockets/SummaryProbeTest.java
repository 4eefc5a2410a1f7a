package dev.probebook.probe.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Args;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ss -s from /proc fixtures written here, and from this machine's own counters. */
class SummaryProbeTest {

    @TempDir
    Path proc;

    private ProbeResult summary(RecordingContext ctx, int timeWait) throws Exception {
        Path net = Files.createDirectories(proc.resolve("net"));
        Files.writeString(net.resolve("sockstat"), """
                sockets: used 412
                TCP: inuse 25 orphan 1 tw %d alloc 31 mem 9
                UDP: inuse 6 mem 2
                UDPLITE: inuse 0
                RAW: inuse 1
                FRAG: inuse 0 memory 0
                """.formatted(timeWait));
        Files.writeString(net.resolve("sockstat6"), """
                TCP6: inuse 4
                UDP6: inuse 2
                UDPLITE6: inuse 0
                RAW6: inuse 1
                FRAG6: inuse 0 memory 0
                """);
        Files.writeString(net.resolve("snmp"), """
                Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs
                Tcp: 1 200 120000 -1 150840 41649 107653 10424 17 2575326
                """);
        SummaryProbe probe = new SummaryProbe(proc);
        assertThat(probe.claims("ss", List.of("-s"))).isTrue();
        return probe.run(probe.parse("ss", Args.run(List.of("-s"))), ctx);
    }

    @Test
    void theCountersAsSsPrintsThem() throws Exception {
        RecordingContext ctx = new RecordingContext();
        ProbeResult r = summary(ctx, 40);
        assertThat(ctx.lines())
                .containsExactly(
                        "Total: 412",
                        "TCP:   71 (estab 17, closed 42, orphaned 1, timewait 40)",
                        "",
                        "Transport Total     IP        IPv6",
                        "RAW\t  2         1         1        ",
                        "UDP\t  8         6         2        ",
                        "TCP\t  29        25        4        ",
                        "INET\t  39        32        7        ",
                        "FRAG\t  0         0         0        ",
                        "");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary())
                .isEqualTo("17 TCP connection(s) established, 40 in TIME-WAIT, 1 orphaned; 412 socket(s) in all");
    }

    @Test
    void timeWaitPilingUpWarnsOfPortExhaustion() throws Exception {
        ProbeResult r = summary(new RecordingContext(), 20_000);
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary()).contains("20000 in TIME-WAIT").contains("run out of local ports");
    }

    @Test
    void onlyTheSummaryIsClaimedAndThisMachinesCountersRead() throws Exception {
        SummaryProbe real = new SummaryProbe();
        assertThat(real.claims("ss", List.of("-tlnp"))).isFalse();
        assertThat(real.claims("ss", List.of("--summary"))).isTrue();
        RecordingContext ctx = new RecordingContext();
        ProbeResult r = real.run(new SummaryProbe.Command(), ctx);
        assertThat(ctx.lines().getFirst()).matches("Total: \\d+");
        assertThat(r.verdict()).isIn(Verdict.OK, Verdict.WARN);
    }
}
