package dev.probebook.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real TCP peers on 127.0.0.1 for probe tests: an open port (optionally greeting with a banner), a
 * closed port (connects are refused) and a "drop" port whose accept queue is full, so the kernel drops
 * new SYNs and connects time out exactly as behind a dropping firewall.
 */
public final class LoopbackServers {

    private LoopbackServers() {}

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /** A listener that accepts connections, writes {@code banner} (may be null) and keeps them open briefly. */
    public static final class Open implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;
        private final List<Socket> accepted = new ArrayList<>();

        public Open(String banner) throws IOException {
            server = new ServerSocket(0, 50, loopback());
            thread = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                Socket s = server.accept();
                                synchronized (accepted) {
                                    accepted.add(s);
                                }
                                if (banner != null) {
                                    OutputStream out = s.getOutputStream();
                                    out.write(banner.getBytes(StandardCharsets.UTF_8));
                                    out.flush();
                                }
                            } catch (IOException e) {
                                return;
                            }
                        }
                    },
                    "open-listener");
            thread.setDaemon(true);
            thread.start();
        }

        public int port() {
            return server.getLocalPort();
        }

        /** Connections accepted so far. */
        public int accepted() {
            synchronized (accepted) {
                return accepted.size();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    /** A port on which nothing listens: connects get RST (refused). */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, loopback())) {
            return s.getLocalPort();
        }
    }

    /**
     * A listener that never accepts, with its accept queue filled by our own clients: the kernel then
     * drops further SYNs, so a connect times out instead of being refused.
     */
    public static final class Drop implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> fillers = new ArrayList<>();

        public Drop() throws IOException {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(loopback(), 0), 1);
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket();
                try {
                    s.connect(server.getLocalSocketAddress(), 300);
                    fillers.add(s);
                } catch (SocketTimeoutException e) {
                    s.close();
                    return; // queue is full: SYNs are being dropped now
                }
            }
            throw new IllegalStateException("accept queue never filled; SYNs are not dropped on this kernel");
        }

        public int port() {
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
}
