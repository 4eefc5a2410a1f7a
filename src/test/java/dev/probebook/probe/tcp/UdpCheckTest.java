package dev.probebook.probe.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.ProbeHarness;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * {@code nc -zu} against UDP sockets on 127.0.0.1: one bound (silent: nc calls it succeeded) and one port where
 * nothing is bound (the kernel answers ICMP port unreachable: refused). Compared with OpenBSD nc 1.219 here: the
 * success line with -v, nothing printed when refused.
 */
class UdpCheckTest {

    private final ProbeHarness harness = new ProbeHarness();

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            return s.getLocalPort();
        }
    }

    @Test
    void aBoundPortIsSilentAndNcCallsItSucceeded() throws Exception {
        try (DatagramSocket bound = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            int port = bound.getLocalPort();
            RunResult r = harness.run("nc -zuv -w 0.3 127.0.0.1 " + port);

            assertThat(r.output()).containsExactly("Connection to 127.0.0.1 " + port + " port [udp/*] succeeded!");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .isEqualTo("no ICMP port unreachable from 127.0.0.1 for UDP port " + port + " within 300 ms:"
                            + " something may listen there, or a firewall drops UDP silently; UDP cannot tell these"
                            + " apart. Ask the service itself (dig @127.0.0.1 for DNS)");
        }
    }

    @Test
    void aPortWhereNothingIsBoundIsRefusedAndNcPrintsNothing() throws Exception {
        int port = freeUdpPort();
        RunResult r = harness.run("nc -zuv 127.0.0.1 " + port);

        assertThat(r.output()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .isEqualTo("nothing listens on UDP port " + port + " of 127.0.0.1: it answered ICMP port unreachable."
                        + " Start the service, or check the port it uses");
        assertThat(r.elapsedMs())
                .as("the refusal comes at once, not after the wait")
                .isLessThan(900);
    }

    @Test
    void severalPortsAreSummedUp() throws Exception {
        try (DatagramSocket bound = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            int closed = freeUdpPort();
            RunResult r = harness.run("nc -zu -w 0.2 127.0.0.1 " + bound.getLocalPort() + " " + closed);
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .isEqualTo("1 of 2 UDP ports on 127.0.0.1 did not refuse: [" + bound.getLocalPort()
                            + "]. Refused (nothing listens): [" + closed + "]");
        }
    }
}
