package dev.probebook.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The kernel's measure of a connect's handshake, asked by the connection's addresses (loopback only). */
class HandshakeRttTest {

    @Test
    void theKernelsRoundTripOfAConnectIsFoundByItsAddressesAndIsNoLongerThanTheConnect() throws Exception {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        try (ServerSocket server = new ServerSocket(0, 10, loopback);
                Socket socket = new Socket()) {
            InetSocketAddress remote = new InetSocketAddress(loopback, server.getLocalPort());
            long start = System.nanoTime();
            socket.connect(remote, 2000);
            long wall = System.nanoTime() - start;
            InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();

            long micros = SocketDiagnostics.connection(local, remote, 500)
                    .orElseThrow()
                    .handshakeRttMicros();
            assertThat(micros * 1000).isPositive().isLessThanOrEqualTo(wall);
            assertThat(TcpConnector.networkNanos(socket, remote, wall))
                    .isPositive()
                    .isLessThanOrEqualTo(wall);
            // a connect that took a second or more sent its SYN again: the wall time is the answer
            assertThat(TcpConnector.networkNanos(socket, remote, 1_500_000_000L))
                    .isEqualTo(1_500_000_000L);

            InetSocketAddress nobody = new InetSocketAddress(loopback, local.getPort() == 1 ? 2 : 1);
            assertThat(SocketDiagnostics.connection(nobody, remote, 500)).isEmpty();
        }
    }
}
