package dev.probebook.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The kernel's arrival time of bytes waiting in a Java socket, on a real loopback connection. */
class ReceiveStampsTest {

    @Test
    void tellsWhenWaitingBytesArrivedWithoutTakingThemFromJavasStream() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
                Socket client = new Socket()) {
            client.connect(new InetSocketAddress(loopback, server.getLocalPort()), 2000);
            try (Socket accepted = server.accept()) {
                ReceiveStamps stamps = stampsOf(client);
                assertThat(stamps.queued(8192)).as("nothing waiting yet").isNull();

                OutputStream out = accepted.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\n".getBytes());
                Thread.sleep(100);
                long before = System.nanoTime();
                out.write("Server: test\r\n".getBytes());
                long after = System.nanoTime();
                Thread.sleep(150); // the reader comes late, as a busy client does
                ReceiveStamps.Queued waiting = stamps.queued(8192);
                assertThat(waiting.bytes()).isEqualTo(31);
                // the newest bytes' arrival, not the first ones' (100 ms earlier)
                assertThat(waiting.arrivalNanos()).isBetween(before - 1_000_000, after + 1_000_000);
                assertThat(System.nanoTime() - waiting.arrivalNanos()).isGreaterThanOrEqualTo(150_000_000L);

                InputStream in = client.getInputStream();
                assertThat(new String(in.readNBytes(31))).isEqualTo("HTTP/1.1 200 OK\r\nServer: test\r\n");
                assertThat(stamps.queued(8192)).as("all read").isNull();
            }
        }
    }

    @Test
    void aResetWithNothingWaitingIsLeftForJavasReadToReport() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
                Socket client = new Socket()) {
            client.connect(new InetSocketAddress(loopback, server.getLocalPort()), 2000);
            Socket accepted = server.accept();
            ReceiveStamps stamps = stampsOf(client);
            accepted.setSoLinger(true, 0);
            accepted.close(); // a reset
            Thread.sleep(100);
            assertThat(stamps.queued(8192)).isNull();
            // a receive would have taken the pending error, and Java's read would then see a plain end of stream
            assertThatThrownBy(() -> client.getInputStream().read())
                    .isInstanceOf(java.net.SocketException.class)
                    .hasMessageContaining("reset");
        }
    }

    /** The client socket's receive stamps, found as the curl probe finds them: by the inode netlink gives. */
    private static ReceiveStamps stampsOf(Socket client) throws Exception {
        long inode = SocketDiagnostics.connection(
                        (InetSocketAddress) client.getLocalSocketAddress(),
                        (InetSocketAddress) client.getRemoteSocketAddress(),
                        1000)
                .orElseThrow()
                .inode();
        return ReceiveStamps.forSocketInode(inode).orElseThrow();
    }

    @Test
    void anInodeThatIsNoSocketOfThisProcessGivesNothing() {
        assertThat(ReceiveStamps.forSocketInode(0)).isEmpty();
        assertThat(ReceiveStamps.forSocketInode(4_000_000_000L)).isEmpty();
    }
}
