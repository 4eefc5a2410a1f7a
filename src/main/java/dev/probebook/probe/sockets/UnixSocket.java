package dev.probebook.probe.sockets;

/**
 * One line of {@code /proc/net/unix}. {@code state} is the socket layer state (1 unconnected, 2 connecting,
 * 3 connected, 4 disconnecting), {@code flags} holds {@link #ACCEPTING} for a listener, {@code type} is
 * 1 stream, 2 datagram, 5 seqpacket; {@code path} is empty for unnamed sockets and starts with {@code @} for
 * abstract ones.
 */
public record UnixSocket(long refCount, int protocol, int flags, int type, int state, long inode, String path)
        implements SocketEntry {

    /** {@code __SO_ACCEPTCON}: the socket called listen(). */
    public static final int ACCEPTING = 1 << 16;

    static final int WAIT_DATA = 1 << 17;
    static final int NO_SPACE = 1 << 18;

    public static final int UNCONNECTED = 1;
    public static final int CONNECTING = 2;
    public static final int CONNECTED = 3;
    public static final int DISCONNECTING = 4;

    public static final int STREAM = 1;
    public static final int DGRAM = 2;
    public static final int SEQPACKET = 5;

    public boolean listening() {
        return state == UNCONNECTED && (flags & ACCEPTING) != 0;
    }
}
