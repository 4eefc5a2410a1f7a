package dev.probebook.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A "virtual IP" in front of the open service, like a load balancer with one good and one bad backend taking turns:
 * it accepts every connection; the 1st, 3rd, 5th... are relayed byte for byte to the backend, the 2nd, 4th... are
 * reset (SO_LINGER 0, no byte sent) as soon as the client sends its first bytes, as a balancer does when the backend
 * it picked for the request is dead, or after {@value #SILENT_RESET_MILLIS} ms of silence. The kernel completes every
 * handshake before the VIP decides, so a TCP check (tcping, nc -z, telnet) always connects; only a client that talks
 * (curl) sees every other attempt fail.
 *
 * <p>Why not reset right after accept: the RST can then reach the client before its own connect has completed from
 * its point of view (a non-blocking connect polled a moment later reads "connection reset"), so TCP checks would fail
 * now and then and blur the lesson.
 *
 * <p>Threads: one virtual thread accepts; each connection to reset waits on a virtual thread of its own; each relayed
 * connection has two, one per direction, and closing either side closes both. {@link #close()} closes the listener
 * and every open connection.
 */
final class FlakyVip implements AutoCloseable {

    /** How long a connection to be reset may stay silent before it is reset anyway. */
    static final int SILENT_RESET_MILLIS = 2000;

    private final ServerSocket server;
    private final InetSocketAddress backend;
    private final AtomicLong connections = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private FlakyVip(ServerSocket server, InetSocketAddress backend) {
        this.server = server;
        this.backend = backend;
    }

    /** Binds {@code address:port} (0: any free port) and starts accepting; relayed connections go to {@code backend}. */
    static FlakyVip start(InetAddress address, int port, InetSocketAddress backend) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(address, port), 50);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        FlakyVip vip = new FlakyVip(server, backend);
        Thread.ofVirtual().name("lab-vip-accept").start(vip::acceptLoop);
        return vip;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    long connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            long n = connections.incrementAndGet();
            open.add(client);
            if (n % 2 == 0) {
                Thread.ofVirtual().name("lab-vip-reset-" + n).start(() -> resetOnFirstBytes(client));
            } else {
                Thread.ofVirtual().name("lab-vip-relay-" + n).start(() -> relay(client));
            }
        }
    }

    /**
     * Waits for the client's first bytes (or its close, or {@link #SILENT_RESET_MILLIS} of silence), then closes with
     * SO_LINGER 0: the kernel sends a RST instead of a FIN and discards anything unread.
     */
    private void resetOnFirstBytes(Socket client) {
        try (client) {
            client.setSoTimeout(SILENT_RESET_MILLIS);
            try {
                client.getInputStream().read();
            } catch (IOException silentOrGone) {
                // silent for too long, or already gone: reset now either way
            }
            client.setSoLinger(true, 0);
        } catch (IOException e) {
            // the client left first: nothing to reset
        } finally {
            open.remove(client);
        }
    }

    private void relay(Socket client) {
        Socket upstream = new Socket();
        open.add(upstream);
        try {
            upstream.connect(backend, 2000);
            Thread back = Thread.ofVirtual().name("lab-vip-relay-back").start(() -> pump(upstream, client));
            pump(client, upstream);
            back.join();
        } catch (IOException e) {
            // backend gone (the lab is closing): the client sees the connection close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
            open.remove(client);
            open.remove(upstream);
        }
    }

    /** Copies until either side ends, then closes both so the other direction ends too. */
    private static void pump(Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or reset
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }
}
