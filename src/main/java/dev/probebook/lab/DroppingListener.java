package dev.probebook.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener that never accepts, with its accept queue filled by the lab's own connections: the kernel then drops
 * every further SYN (it neither answers nor resets), so a connect waits and times out exactly as behind a firewall
 * that drops. The fillers stay connected for the lab's lifetime, so the queue stays full. No thread.
 */
final class DroppingListener implements AutoCloseable {

    /** How long a filler may take to connect before the queue counts as full. */
    private static final int FILL_WAIT_MILLIS = 250;

    private final ServerSocket server;
    private final List<Socket> fillers;

    private DroppingListener(ServerSocket server, List<Socket> fillers) {
        this.server = server;
        this.fillers = fillers;
    }

    /** Binds {@code address:port} (0: any free port) with a backlog of one and fills the queue. */
    static DroppingListener start(InetAddress address, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        List<Socket> fillers = new ArrayList<>();
        try {
            server.bind(new InetSocketAddress(address, port), 1);
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket();
                try {
                    s.connect(server.getLocalSocketAddress(), FILL_WAIT_MILLIS);
                    fillers.add(s);
                } catch (SocketTimeoutException full) {
                    s.close();
                    return new DroppingListener(server, fillers); // SYNs are dropped from now on
                }
            }
            throw new IOException("the accept queue of port " + server.getLocalPort()
                    + " never filled: this kernel does not drop SYNs to a full queue");
        } catch (IOException e) {
            for (Socket s : fillers) {
                s.close();
            }
            server.close();
            throw e;
        }
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        server.close();
    }
}
