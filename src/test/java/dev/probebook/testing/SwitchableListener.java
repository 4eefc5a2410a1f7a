package dev.probebook.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A listener on one fixed 127.0.0.1 port that a test switches on and off while a probe runs (a service that
 * stops or comes up mid-run). It never accepts: the kernel completes handshakes into its backlog, which is
 * all a connect check sees. Off, connects to the port are refused.
 */
public final class SwitchableListener implements AutoCloseable {

    private final int port;
    private ServerSocket socket;

    /** Off, on a port nothing listens on. */
    public SwitchableListener() throws IOException {
        this.port = LoopbackServers.closedPort();
    }

    public int port() {
        return port;
    }

    public synchronized SwitchableListener on() {
        if (socket == null) {
            try {
                socket = new ServerSocket(port, 50, LoopbackServers.loopback());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    public synchronized void off() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        off();
    }
}
