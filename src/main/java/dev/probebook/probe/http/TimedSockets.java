package dev.probebook.probe.http;

import dev.probebook.net.ReceiveStamps;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * waking up to the connected socket). Its streams tell the transfer when a request's bytes go out and an answer's
 * come in ({@link Transfer#answerHeadersRead()}), from whichever thread does the I/O; the connect happens on the run
 * thread.
 */
final class TimedSockets extends SocketFactory {

    private final Transfer transfer;

    TimedSockets(Transfer transfer) {
        this.transfer = transfer;
    }

    @Override
    public Socket createSocket() {
        return new TimedSocket();
    }

    /** One connection's socket: its connect, and streams that report to the transfer. */
    private final class TimedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            transfer.connectSyscall();
            super.connect(endpoint, timeout);
            if (endpoint instanceof InetSocketAddress remote) {
                stamps = ReceiveStamps.forSocketInode(transfer.connected(this, remote))
                        .orElse(null);
            }
        }

        /** The kernel's arrival times of this socket's bytes; null: not available (this thread's clock then). */
        private volatile ReceiveStamps stamps;

        private InputStream timedIn;
        private OutputStream timedOut;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (timedIn == null) {
                timedIn = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        ReceiveStamps.Queued waiting = waiting(1);
                        int b = super.read();
                        if (b >= 0) {
                            transfer.read(TimedSocket.this, arrival(waiting, 1));
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        ReceiveStamps.Queued waiting = waiting(len);
                        int n = super.read(b, off, len);
                        if (n > 0) {
                            transfer.read(TimedSocket.this, arrival(waiting, n));
                        }
                        return n;
                    }

                    /** While the answer is awaited: the bytes already waiting for this read, or null. */
                    private ReceiveStamps.Queued waiting(int len) {
                        ReceiveStamps kernel = stamps;
                        // the descriptor is Java's: once the socket is closed its number may name something else
                        return kernel != null && !isClosed() && transfer.awaitingAnswer(TimedSocket.this)
                                ? kernel.queued(len)
                                : null;
                    }

                    /**
                     * When the {@code n} bytes read arrived: the newest waiting one's time if they were all
                     * waiting, else -1 (some came during the read: now).
                     */
                    private static long arrival(ReceiveStamps.Queued waiting, int n) {
                        return waiting != null && n <= waiting.bytes() ? waiting.arrivalNanos() : -1;
                    }
                };
            }
            return timedIn;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (timedOut == null) {
                timedOut = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        transfer.written(TimedSocket.this);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        transfer.written(TimedSocket.this);
                    }
                };
            }
            return timedOut;
        }
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
