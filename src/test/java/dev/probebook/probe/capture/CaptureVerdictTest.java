package dev.probebook.probe.capture;

import static dev.probebook.probe.capture.DecodedPacket.Tcp.ACK;
import static dev.probebook.probe.capture.DecodedPacket.Tcp.RST;
import static dev.probebook.probe.capture.DecodedPacket.Tcp.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.probe.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The runbook's packet pictures, fed as frames into the tracker and judged. */
class CaptureVerdictTest {

    private static final Instant T0 = Instant.parse("2024-05-01T16:13:14Z");
    private static final byte[] NO_OPTIONS = new byte[0];

    private final ConnectionTracker tracker = new ConnectionTracker();
    private int packets;

    private void add(long millis, byte[] frame) {
        tracker.add(T0.plusMillis(millis), PacketDecoder.decode(PacketDecoder.DLT_EN10MB, frame, frame.length));
        packets++;
    }

    private CaptureVerdict judge(long endMillis) {
        return CaptureVerdict.judge(
                packets, tracker.connections(T0.plusMillis(endMillis)), tracker.pairs(), "eth0", "host 10.0.0.2");
    }

    private static byte[] syn(int sport, int dport) {
        return TestPackets.tcp4(
                "10.0.0.1", sport, "10.0.0.2", dport, 79488809L, 0, SYN, 26730, TestPackets.SYN_OPTIONS, 0);
    }

    private void handshake(int sport) {
        add(0, syn(sport, 443));
        add(3, TestPackets.tcp4("10.0.0.2", 443, "10.0.0.1", sport, 500, 79488810L, SYN | ACK, 65160, NO_OPTIONS, 0));
        add(4, TestPackets.tcp4("10.0.0.1", sport, "10.0.0.2", 443, 79488810L, 501, ACK, 209, NO_OPTIONS, 0));
    }

    @Test
    void completedHandshakeIsOk() {
        handshake(35774);
        CaptureVerdict v = judge(100);
        assertThat(v.verdict()).isEqualTo(Verdict.OK);
        assertThat(v.summary()).contains("handshake completed").contains("10.0.0.1:35774 > 10.0.0.2:443");
        var c = tracker.connections(T0).get(0);
        assertThat(c.client()).isEqualTo("10.0.0.1:35774");
        assertThat(c.server()).isEqualTo("10.0.0.2:443");
        assertThat(c.established()).isTrue();
        assertThat(c.outcome()).isEqualTo("established");
    }

    @Test
    void retransmittedSynWithoutReplyIsDropped() {
        for (int i = 0; i < 6; i++) {
            add(i * 1000L, syn(36148, 443));
        }
        CaptureVerdict v = judge(7000);
        assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(v.summary())
                .contains("SYN from 10.0.0.1:36148 to 10.0.0.2:443 retransmitted 5 times with no reply")
                .contains("firewall drops it");
        var c = tracker.connections(T0).get(0);
        assertThat(c.synCount()).isEqualTo(6);
        assertThat(c.outcome()).isEqualTo("dropped");
    }

    @Test
    void severalDroppedAttemptsAreCountedTogether() {
        add(0, syn(36148, 443));
        add(1000, syn(36148, 443));
        add(5000, syn(36149, 443));
        add(6000, syn(36149, 443));
        add(8000, syn(36149, 443));
        CaptureVerdict v = judge(9000);
        assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(v.summary())
                .startsWith("SYN to 10.0.0.2:443 retransmitted 3 times with no reply (2 connection attempts)");
    }

    @Test
    void synAnsweredByRstIsRefused() {
        add(0, syn(40000, 8443));
        add(1, TestPackets.tcp4("10.0.0.2", 8443, "10.0.0.1", 40000, 0, 79488810L, RST | ACK, 0, NO_OPTIONS, 0));
        CaptureVerdict v = judge(10);
        assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(v.summary())
                .contains("10.0.0.2:8443 answered the SYN from 10.0.0.1:40000 with RST: connection refused")
                .contains("nothing listens on port 8443");
        assertThat(tracker.connections(T0).get(0).rstFrom()).isEqualTo("server");
    }

    @Test
    void icmpUnreachableIsRejected() {
        add(0, syn(40001, 443));
        add(1, TestPackets.icmpPortUnreachable4("10.0.0.254", "10.0.0.1", 40001, "10.0.0.2", 443, 6));
        CaptureVerdict v = judge(10);
        assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(tracker.connections(T0).get(0).outcome()).isEqualTo("rejected");
        assertThat(v.summary()).contains("ICMP port unreachable");
    }

    @Test
    void someCompletedSomeDroppedIsIntermittent() {
        handshake(35774);
        add(10, syn(35775, 443));
        add(1010, syn(35775, 443));
        CaptureVerdict v = judge(3000);
        assertThat(v.verdict()).isEqualTo(Verdict.WARN);
        assertThat(v.summary()).contains("10.0.0.2:443 completed, 1 failed");
        assertThat(v.summary()).startsWith("intermittent: 1 of 2 connections").contains("load balancer");
    }

    @Test
    void aSingleSynJustBeforeTheEndIsNotYetJudged() {
        add(0, syn(35000, 443));
        assertThat(judge(200).verdict()).isEqualTo(Verdict.WARN);
        assertThat(judge(200).summary()).contains("no reply yet");
        assertThat(judge(1500).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void noPacketsIsAWarningThatNamesInterfaceAndFilter() {
        CaptureVerdict v = judge(0);
        assertThat(v.verdict()).isEqualTo(Verdict.WARN);
        assertThat(v.summary())
                .startsWith(
                        "no packets matched: nothing was sent to that host during the capture, or the filter or interface is wrong")
                .contains("eth0")
                .contains("host 10.0.0.2");
    }

    @Test
    void trafficOfAnOpenConnectionIsJudgedByDirection() {
        add(0, TestPackets.tcp4("10.0.0.1", 5000, "10.0.0.2", 443, 100, 200, ACK, 10, NO_OPTIONS, 10));
        assertThat(judge(10).verdict()).isEqualTo(Verdict.WARN);
        assertThat(judge(10).summary()).contains("all one way (10.0.0.1 > 10.0.0.2)");
        add(1, TestPackets.tcp4("10.0.0.2", 443, "10.0.0.1", 5000, 200, 110, ACK, 10, NO_OPTIONS, 0));
        assertThat(judge(10).verdict()).isEqualTo(Verdict.OK);
        assertThat(tracker.connections(T0).get(0).outcome()).isEqualTo("in-progress");
    }
}
