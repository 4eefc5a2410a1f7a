package dev.probebook.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A port on which nothing listens, held for the lab's lifetime: a socket is bound to it but never listens (nor
 * connects). The kernel answers SYNs to it with a RST, so connects are refused, and no other program can start
 * listening there while the lab runs (the socket is bound without SO_REUSEADDR). No thread.
 */
final class RefusingPort implements AutoCloseable {

    private final Socket holder;

    private RefusingPort(Socket holder) {
        this.holder = holder;
    }

    /** Reserves {@code address:port} (0: any free port); a {@link java.net.BindException} when it is in use. */
    static RefusingPort reserve(InetAddress address, int port) throws IOException {
        Socket s = new Socket();
        try {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(address, port));
            return new RefusingPort(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    int port() {
        return holder.getLocalPort();
    }

    InetAddress address() {
        return holder.getLocalAddress();
    }

    @Override
    public void close() throws IOException {
        holder.close();
    }
}
