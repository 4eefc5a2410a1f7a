package dev.probebook.probe.sockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.testing.RecordingContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.DatagramChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lsof -i against this JVM's own loopback sockets, read from the real /proc, printed as lsof -nP prints them. */
class LsofProbeTest {

    private static final long PID = ProcessHandle.current().pid();

    private static ProbeResult lsof(RecordingContext ctx, String... args) throws Exception {
        LsofProbe probe = new LsofProbe();
        assertThat(probe.claims("lsof", List.of(args))).isTrue();
        return probe.run(probe.parse("lsof", Args.run(List.of(args))), ctx);
    }

    @Test
    void aListenerAndItsConnectionAsLsofPrintsThem() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            int port = server.getLocalPort();
            RecordingContext ctx = new RecordingContext();
            ProbeResult r = lsof(ctx, "-nP", "-i", ":" + port);
            assertThat(ctx.lines().getFirst()).matches("COMMAND +PID USER +FD +TYPE +DEVICE SIZE/OFF NODE NAME");
            assertThat(ctx.lines())
                    .anySatisfy(l -> assertThat(l)
                            .matches("\\S+ +" + PID
                                    + " \\S+ +\\d+u  IPv[46] +\\d+ +0t0  TCP (\\[::ffff:)?127\\.0\\.0\\.1]?:" + port
                                    + " \\(LISTEN\\)"))
                    .anySatisfy(l -> assertThat(l)
                            .matches(".* TCP (\\[::ffff:)?127\\.0\\.0\\.1]?:" + client.getLocalPort()
                                    + "->(\\[::ffff:)?127\\.0\\.0\\.1]?:" + port + " \\(ESTABLISHED\\)"));
            // header and rows line up: every row's NODE column ends where the header's does
            int node = ctx.lines().getFirst().indexOf("NODE") + 4;
            assertThat(ctx.lines().subList(1, ctx.lines().size()))
                    .allSatisfy(l -> assertThat(l.substring(node - 3, node)).isEqualTo("TCP"));
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary()).startsWith("port " + port + " is open: ").contains("(pid " + PID + ")");

            RecordingContext listening = new RecordingContext();
            lsof(listening, "-i", "TCP:" + port, "-sTCP:LISTEN", "-t");
            assertThat(listening.lines()).containsExactly(String.valueOf(PID));

            RecordingContext clientSide = new RecordingContext();
            ProbeResult talk = lsof(clientSide, "-nP", "-i", ":" + client.getLocalPort());
            assertThat(talk.verdict()).isEqualTo(Verdict.WARN);
            assertThat(talk.summary()).startsWith("nothing here listens on port " + client.getLocalPort());
        }
    }

    @Test
    void aUdpSocketAndAPortNobodyHolds() throws Exception {
        try (DatagramChannel udp = DatagramChannel.open()) {
            udp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) udp.getLocalAddress()).getPort();
            RecordingContext ctx = new RecordingContext();
            lsof(ctx, "-nP", "-iUDP:" + port);
            assertThat(ctx.lines()).hasSize(2);
            assertThat(ctx.lines().get(1)).matches(".* UDP (\\[::ffff:)?127\\.0\\.0\\.1]?:" + port + " ");

            RecordingContext none = new RecordingContext();
            ProbeResult r = lsof(none, "-nP", "-iTCP:" + port);
            assertThat(none.lines())
                    .as("lsof prints nothing, not even its header")
                    .isEmpty();
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).startsWith("no process has port " + port + " open");
        }
    }

    @Test
    void onlyTheInternetFormIsClaimedAndOddFormsAreRefused() throws Exception {
        LsofProbe probe = new LsofProbe();
        assertThat(probe.claims("lsof", List.of("/var/log/syslog"))).isFalse();
        assertThat(probe.claims("lsof", List.of("-p", "123"))).isFalse();
        assertThat(probe.claims("lsof", List.of("-nPi", ":22"))).isTrue();
        assertThat(ProbeRegistry.standard().recognise(List.of("lsof", "-i", ":8080"), Args.Mode.RUN))
                .hasValueSatisfying(r -> assertThat(r.command().probe().name()).isEqualTo("lsof"));
        assertThatThrownBy(() -> probe.parse("lsof", Args.run(List.of("-i", ":8080-8090"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("one port");
        assertThatThrownBy(() -> probe.parse("lsof", Args.run(List.of("-i", ":80", "/tmp/x"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("internet sockets only");
        assertThat(probe.parse("lsof", Args.run(List.of("-i4TCP@127.0.0.1:22"))))
                .isEqualTo(new LsofCommand(4, "tcp", "127.0.0.1", 22, null, false));
    }
}
