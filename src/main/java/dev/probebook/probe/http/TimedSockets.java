package dev.probebook.probe.http;

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
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                transfer.connectSyscall();
                super.connect(endpoint, timeout);
                if (endpoint instanceof InetSocketAddress remote) {
                    transfer.connected(this, remote);
                }
            }

            private InputStream timedIn;
            private OutputStream timedOut;

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (timedIn == null) {
                    timedIn = new FilterInputStream(super.getInputStream()) {
                        @Override
                        public int read() throws IOException {
                            int b = super.read();
                            if (b >= 0) {
                                transfer.read();
                            }
                            return b;
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            int n = super.read(b, off, len);
                            if (n > 0) {
                                transfer.read();
                            }
                            return n;
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
                            transfer.writing();
                            out.write(b);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            transfer.writing();
                            out.write(b, off, len);
                        }
                    };
                }
                return timedOut;
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
