package dev.probebook.probe.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Plain sockets that tell the transfer when their TCP connect really starts: okhttp announces a connect
 * ({@code connectStart}) before it creates and configures the socket, which in a fresh JVM takes milliseconds of the
 * client's own time. curl's {@code time_connect} is the network's handshake, so that time is left out of the phase
 * clock just before the system call, and after it the time past the handshake as the kernel measured it (the JVM
 * waking up to the connected socket). Confined to the run thread, as {@link Transfer} is.
 */
final class TimedSockets extends SocketFactory {

    private final Transfer transfer;

    TimedSockets(Transfer transfer) {
        this.transfer = transfer;
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                transfer.connectSyscall();
                super.connect(endpoint, timeout);
                if (endpoint instanceof InetSocketAddress remote) {
                    transfer.connected(this, remote);
                }
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new UnsupportedOperationException("okhttp creates unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new UnsupportedOperationException("okhttp creates unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw new UnsupportedOperationException("okhttp creates unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new UnsupportedOperationException("okhttp creates unconnected sockets");
    }
}
