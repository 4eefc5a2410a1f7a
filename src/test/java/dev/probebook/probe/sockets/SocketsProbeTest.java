package dev.probebook.probe.sockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs netstat and ss against this JVM's own loopback sockets, read from the real /proc. */
class SocketsProbeTest {

    private final ProbeHarness harness = new ProbeHarness();
    private final long pid = ProcessHandle.current().pid();
    private ServerSocketChannel tcp4;
    private DatagramChannel udp4;
    private int tcpPort;
    private int udpPort;

    @BeforeEach
    void openSockets() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc");
        // INET channels are AF_INET sockets, so they appear in /proc/net/tcp and udp (not as ::ffff: in tcp6)
        tcp4 = ServerSocketChannel.open(StandardProtocolFamily.INET);
        tcp4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        tcpPort = tcp4.socket().getLocalPort();
        udp4 = DatagramChannel.open(StandardProtocolFamily.INET);
        udp4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        udpPort = udp4.socket().getLocalPort();
    }

    @AfterEach
    void closeSockets() throws IOException {
        if (tcp4 != null) {
            tcp4.close();
        }
        if (udp4 != null) {
            udp4.close();
        }
    }

    @Test
    void netstatTlnpGrepPortFindsThisJvmsListener() throws Exception {
        RunResult r = harness.run("netstat -tnlp | grep " + tcpPort);
        String row = String.format(
                "tcp        0      0 %-23s 0.0.0.0:*               LISTEN      %-20s",
                "127.0.0.1:" + tcpPort, pid + "/java");
        assertThat(r.output()).contains(row);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).contains("port " + tcpPort + " is open", pid + "/java", "loopback only");
        SocketsDetails d = (SocketsDetails) r.details();
        assertThat(d.listeningPorts()).contains(tcpPort);
        assertThat(d.sockets()).anySatisfy(s -> {
            assertThat(s.proto()).isEqualTo("tcp");
            assertThat(s.localAddress()).isEqualTo("127.0.0.1");
            assertThat(s.localPort()).isEqualTo(tcpPort);
            assertThat(s.state()).isEqualTo("LISTEN");
            assertThat(s.pid()).isEqualTo(pid);
            assertThat(s.program()).isEqualTo("java");
        });
    }

    @Test
    void netstatHeadersAndUdpRow() throws Exception {
        RunResult r = harness.run("netstat -tulpn");
        assertThat(r.output())
                .startsWith(
                        "Active Internet connections (only servers)",
                        "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ");
        assertThat(r.output())
                .contains(String.format(
                        "udp        0      0 %-23s 0.0.0.0:*                           %-20s",
                        "127.0.0.1:" + udpPort, pid + "/java"));
        assertThat(r.summary()).contains("listening TCP port", "bound UDP port");
    }

    @Test
    void ssTlnpShowsTheListenerWithItsProcess() throws Exception {
        RunResult r = harness.run("ss -tlnp");
        assertThat(r.output().get(0))
                .startsWith("State  Recv-Q Send-Q ")
                .contains("Local Address:Port", "Peer Address:Port", "Process");
        Pattern row = Pattern.compile("LISTEN 0 +\\d+ +127\\.0\\.0\\.1:" + tcpPort
                + " +0\\.0\\.0\\.0:\\* +users:\\(\\(\"java\",pid=" + pid + ",fd=\\d+\\)\\)\\s*");
        assertThat(r.output()).anyMatch(l -> row.matcher(l).matches());
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void ssColumnsLineUp() throws Exception {
        RunResult r = harness.run("ss -tln");
        int headerPort = r.output().get(0).indexOf("Address:Port") + "Address:".length();
        String mine = r.output().stream()
                .filter(l -> l.contains("127.0.0.1:" + tcpPort + " "))
                .findFirst()
                .orElseThrow();
        // the Local Address column is right-aligned on the ':' before the port, like the header
        assertThat(mine.indexOf(":" + tcpPort) + 1).isEqualTo(headerPort);
    }

    @Test
    void netstatWithoutAllOrListeningHidesListeners() throws Exception {
        RunResult all = harness.run("netstat -tn");
        assertThat(all.output().get(0)).isEqualTo("Active Internet connections (w/o servers)");
        assertThat(all.output()).noneMatch(l -> l.contains("127.0.0.1:" + tcpPort + " ") && l.contains("LISTEN"));
        RunResult grep = harness.run("netstat -tn | grep " + tcpPort);
        assertThat(grep.verdict()).isEqualTo(Verdict.WARN);
        assertThat(grep.summary()).contains("does listen", "add -l or -a");
    }

    @Test
    void establishedConnectionShowsBothEnds() throws Exception {
        try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
            client.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), tcpPort));
            try (SocketChannel accepted = tcp4.accept()) {
                int clientPort = client.socket().getLocalPort();
                RunResult r = harness.run("netstat -antp | grep " + tcpPort);
                assertThat(r.output())
                        .contains(String.format(
                                "tcp        0      0 %-23s %-23s ESTABLISHED %-20s",
                                "127.0.0.1:" + clientPort, "127.0.0.1:" + tcpPort, pid + "/java"));
                assertThat(r.output())
                        .contains(String.format(
                                "tcp        0      0 %-23s %-23s ESTABLISHED %-20s",
                                "127.0.0.1:" + tcpPort, "127.0.0.1:" + clientPort, pid + "/java"));
                assertThat(r.verdict()).isEqualTo(Verdict.OK);
                RunResult ss = harness.run("ss -tn");
                assertThat(ss.output())
                        .anyMatch(l -> l.matches(
                                "ESTAB +0 +0 +127\\.0\\.0\\.1:" + clientPort + " +127\\.0\\.0\\.1:" + tcpPort + " *"));
            }
        }
    }

    @Test
    void ipv6ListenerOnLoopback() throws Exception {
        ServerSocketChannel v6;
        try {
            v6 = ServerSocketChannel.open(StandardProtocolFamily.INET6);
            v6.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "no IPv6 loopback here: " + e);
            return;
        }
        try (v6) {
            int port = v6.socket().getLocalPort();
            RunResult r = harness.run("netstat -tlnp | grep " + port);
            assertThat(r.output())
                    .contains(String.format(
                            "tcp6       0      0 %-23s :::*                    LISTEN      %-20s",
                            "::1:" + port, pid + "/java"));
            // bound to an IPv6 address, the socket takes no IPv4: ss names the peer wildcard [::], as the kernel's
            // socket diagnostics tell it
            RunResult ss = harness.run("ss -tln");
            assertThat(ss.output()).anyMatch(l -> l.matches("LISTEN +0 +\\d+ +\\[::1]:" + port + " +\\[::]:\\* *"));
        }
    }

    @Test
    void ssShowsAListenersAcceptQueueLimitAsSendQ() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 7);
            int port = listener.socket().getLocalPort();
            RunResult ss = harness.run("ss -tln");
            assertThat(ss.output())
                    .anyMatch(l -> l.matches("LISTEN +0 +7 +127\\.0\\.0\\.1:" + port + " +0\\.0\\.0\\.0:\\* *"));
            // netstat reads /proc, as the real one does: a listener's Send-Q stays 0 there
            RunResult netstat = harness.run("netstat -tln | grep " + port);
            assertThat(netstat.output()).anyMatch(l -> l.startsWith("tcp        0      0 127.0.0.1:" + port + " "));
        }
    }

    @Test
    void grepForAClosedPortFails() throws Exception {
        int closed = LoopbackServers.closedPort();
        RunResult r = harness.run("netstat -nap | grep " + closed);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("nothing listens on port " + closed);
        RunResult ss = harness.run("ss -tlnp sport = :" + closed);
        assertThat(ss.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ss.summary()).contains("nothing listens on port " + closed);
    }

    @Test
    void aListenerWhoseAcceptQueueIsFullFailsAsTheKernelDropsSyns() throws Exception {
        try (var drop = new LoopbackServers.Drop()) {
            // backlog 1: the kernel takes two connections into the queue, then drops SYNs
            RunResult r = harness.run("ss -tlnp | grep " + drop.port());
            assertThat(r.output())
                    .anyMatch(l -> l.matches("LISTEN +2 +1 +\\S*127\\.0\\.0\\.1]?:" + drop.port() + " .*"));
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .startsWith("port " + drop.port() + " listens")
                    .contains("its accept queue is full (2 connection(s) waiting in Recv-Q, limit 1 in Send-Q)")
                    .contains("clients time out");
            RunResult netstat = harness.run("netstat -tlnp | grep " + drop.port());
            assertThat(netstat.verdict()).isEqualTo(Verdict.FAIL);
            RunResult all = harness.run("ss -tln");
            assertThat(all.verdict()).isEqualTo(Verdict.WARN);
            assertThat(all.summary())
                    .contains("the accept queue of port " + drop.port() + " is full (2 waiting, limit 1)");
        }
    }

    @Test
    void aListenerWithConnectionsWaitingBelowItsLimitIsAWarning() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            try (SocketChannel waiting = SocketChannel.open(listener.getLocalAddress())) {
                int port = listener.socket().getLocalPort();
                RunResult r = harness.run("ss -tln | grep " + port);
                assertThat(r.verdict()).isEqualTo(Verdict.WARN);
                assertThat(r.summary())
                        .contains("1 connection(s) wait in its accept queue (Recv-Q)")
                        .contains("not accepting");
            }
        }
    }

    @Test
    void grepForPartOfAPortNumberWarnsThatItMatchedAnotherListener() throws Exception {
        String part =
                String.valueOf(tcpPort).substring(0, String.valueOf(tcpPort).length() - 1);
        RunResult r = harness.run("ss -tlnp | grep " + part);
        assertThat(r.output()).anyMatch(l -> l.contains("127.0.0.1:" + tcpPort));
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary())
                .startsWith("nothing listens on port " + part + " itself")
                .contains(String.valueOf(tcpPort))
                .contains("grep ':" + part + " '");
    }

    @Test
    void grepListenKeepsOnlyListeners() throws Exception {
        RunResult r = harness.run("netstat -nap | grep LISTEN");
        assertThat(r.output()).isNotEmpty().allMatch(l -> l.contains("LISTEN"));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).contains("listening TCP port");
    }

    @Test
    void netstatNapAlsoListsUnixSockets() throws Exception {
        RunResult r = harness.run("netstat -nap");
        assertThat(r.output())
                .contains(
                        "Active Internet connections (servers and established)",
                        "Active UNIX domain sockets (servers and established)",
                        "Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path");
    }
}
