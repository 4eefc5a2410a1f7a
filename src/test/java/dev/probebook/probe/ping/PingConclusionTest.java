package dev.probebook.probe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.net.ConnectOutcome;
import dev.probebook.net.IcmpErrors;
import dev.probebook.net.IcmpMessage;
import dev.probebook.net.IcmpSocket;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict knowledge, fed with outcomes instead of packets (100% loss cannot be made on loopback). */
class PingConclusionTest {

    private static final InetAddress HOST = InetAddress.getLoopbackAddress();

    private static NoReplyDiagnosis.PortOutcome port(int port, ConnectOutcome o) {
        return new NoReplyDiagnosis.PortOutcome(port, o);
    }

    @Test
    void aRefusalOrHandshakeProvesTheHostIsUp() {
        assertThat(NoReplyDiagnosis.of(List.of(
                        port(443, new ConnectOutcome.TimedOut(HOST, 300_000_000)),
                        port(80, new ConnectOutcome.Refused(HOST, 1000)))))
                .isEqualTo(new NoReplyDiagnosis.TcpAnswered(80, false));
        assertThat(NoReplyDiagnosis.of(List.of(port(443, new ConnectOutcome.Open(HOST, 1000)))))
                .isEqualTo(new NoReplyDiagnosis.TcpAnswered(443, true));
        assertThat(NoReplyDiagnosis.of(List.of(
                        port(443, new ConnectOutcome.TimedOut(HOST, 1)),
                        port(80, new ConnectOutcome.Failed(HOST, 1, "No route to host")),
                        port(22, new ConnectOutcome.TimedOut(HOST, 1)))))
                .isEqualTo(new NoReplyDiagnosis.Silent(List.of(443, 80, 22)));
        assertThat(NoReplyDiagnosis.of(List.of())).isInstanceOf(NoReplyDiagnosis.NotChecked.class);
    }

    @Test
    void totalLossWithTcpAnswerMeansIcmpIsBlocked() {
        ProbeResult r = PingConclusion.conclude(
                "web.example", "192.0.2.10", lost(4, 4), new NoReplyDiagnosis.TcpAnswered(443, true), null);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .startsWith(
                        "no echo replies from web.example (192.0.2.10) (4 sent), but the host answers on TCP 443 (open)")
                .contains("ICMP is blocked by a firewall; use tcping/telnet/curl to test the service port");
    }

    @Test
    void totalLossWithSilenceMeansDownOrFiltered() {
        ProbeResult r = PingConclusion.conclude(
                "192.0.2.10", "192.0.2.10", lost(4, 4), new NoReplyDiagnosis.Silent(List.of(443, 80, 22)), null);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .startsWith("no reply at all from 192.0.2.10: host down, or everything is filtered on the way")
                .contains("TCP 443/80/22 did not answer within 300 ms");
    }

    @Test
    void allRepliesOkSomeLossWarn() {
        PingStatistics all = new PingStatistics();
        for (int i = 0; i < 4; i++) {
            all.sent();
            all.reply(500, false);
        }
        ProbeResult ok = PingConclusion.conclude(
                "127.0.0.1", "127.0.0.1", run(all, List.of(), false, 0), new NoReplyDiagnosis.NotChecked(), null);
        assertThat(ok.verdict()).isEqualTo(Verdict.OK);
        assertThat(ok.summary()).startsWith("4/4 echo replies from 127.0.0.1, 0% packet loss, avg rtt 0.500 ms");

        ProbeResult warn =
                PingConclusion.conclude("h", "10.0.0.9", lost(4, 1), new NoReplyDiagnosis.NotChecked(), null);
        assertThat(warn.verdict()).isEqualTo(Verdict.WARN);
        assertThat(warn.summary())
                .startsWith("25% packet loss (3/4 replies from h (10.0.0.9)")
                .contains("congestion or rate-limited ICMP");
    }

    @Test
    void aStopDoesNotCountRequestsStillInFlightAsLost() {
        PingStatistics s = new PingStatistics();
        s.sent();
        s.reply(100, false);
        s.sent();
        ProbeResult r = PingConclusion.conclude(
                "h", "10.0.0.9", run(s, List.of(), true, 1), new NoReplyDiagnosis.NotChecked(), null);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        PingStatistics none = new PingStatistics();
        none.sent();
        assertThat(PingConclusion.conclude(
                                "h", "10.0.0.9", run(none, List.of(), true, 1), new NoReplyDiagnosis.NotChecked(), null)
                        .verdict())
                .isEqualTo(Verdict.SKIPPED);
        assertThat(PingConclusion.conclude(
                                "h",
                                "10.0.0.9",
                                run(new PingStatistics(), List.of(), true, 0),
                                new NoReplyDiagnosis.NotChecked(),
                                null)
                        .verdict())
                .isEqualTo(Verdict.SKIPPED);
    }

    @Test
    void icmpErrorsNameWhereThePathEnds() throws Exception {
        PingStatistics s = new PingStatistics();
        s.sent();
        s.error();
        var unreachable =
                new IcmpMessage.ErrorReport(InetAddress.getByName("10.0.0.1"), 1, 1, IcmpErrors.icmp4(3, 1, 0));
        ProbeResult r = PingConclusion.conclude(
                "10.0.0.2",
                "10.0.0.2",
                run(s, List.of(unreachable), false, 0),
                new NoReplyDiagnosis.NotChecked(),
                null);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .startsWith("From 10.0.0.1 icmp_seq=1 Destination Host Unreachable: nothing answers at 10.0.0.2");

        var prohibited =
                new IcmpMessage.ErrorReport(InetAddress.getByName("10.0.0.1"), 1, 1, IcmpErrors.icmp4(3, 13, 0));
        assertThat(PingConclusion.conclude(
                                "10.0.0.2",
                                "10.0.0.2",
                                run(s, List.of(prohibited), false, 0),
                                new NoReplyDiagnosis.NotChecked(),
                                null)
                        .summary())
                .contains("Packet filtered: a router or firewall at 10.0.0.1 rejects traffic");

        var local = new IcmpMessage.ErrorReport(
                null, 1, 1, new IcmpErrors.Description("Network is unreachable", IcmpErrors.Cause.UNREACHABLE));
        assertThat(PingConclusion.conclude(
                                "10.0.0.2",
                                "10.0.0.2",
                                run(s, List.of(local), false, 0),
                                new NoReplyDiagnosis.NotChecked(),
                                null)
                        .summary())
                .startsWith("cannot send to 10.0.0.2: Network is unreachable: this machine has no route there");
    }

    private static EchoRun lost(int sent, int lost) {
        PingStatistics s = new PingStatistics();
        for (int i = 0; i < sent; i++) {
            s.sent();
            if (i >= lost) {
                s.reply(2000, false);
            }
        }
        return run(s, List.of(), false, 0);
    }

    private static EchoRun run(PingStatistics s, List<IcmpMessage.ErrorReport> errors, boolean stopped, int inFlight) {
        return new EchoRun(IcmpSocket.Kind.RAW, s, List.of(), errors, stopped, inFlight, 1000);
    }
}
