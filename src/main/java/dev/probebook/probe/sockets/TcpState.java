package dev.probebook.probe.sockets;

/**
 * The kernel's socket state codes as they appear in the {@code st} column of {@code /proc/net/tcp}
 * (hex: {@code 01} ESTABLISHED ... {@code 0A} LISTEN), with the names netstat and ss print for them.
 * UDP and raw sockets use the same codes: {@code 07} (CLOSE) means unconnected, {@code 01} connected.
 */
public enum TcpState {
    ESTABLISHED(0x01, "ESTABLISHED", "ESTAB"),
    SYN_SENT(0x02, "SYN_SENT", "SYN-SENT"),
    SYN_RECV(0x03, "SYN_RECV", "SYN-RECV"),
    FIN_WAIT1(0x04, "FIN_WAIT1", "FIN-WAIT-1"),
    FIN_WAIT2(0x05, "FIN_WAIT2", "FIN-WAIT-2"),
    TIME_WAIT(0x06, "TIME_WAIT", "TIME-WAIT"),
    CLOSE(0x07, "CLOSE", "UNCONN"),
    CLOSE_WAIT(0x08, "CLOSE_WAIT", "CLOSE-WAIT"),
    LAST_ACK(0x09, "LAST_ACK", "LAST-ACK"),
    LISTEN(0x0A, "LISTEN", "LISTEN"),
    CLOSING(0x0B, "CLOSING", "CLOSING");

    private final int code;
    private final String netstatName;
    private final String ssName;

    TcpState(int code, String netstatName, String ssName) {
        this.code = code;
        this.netstatName = netstatName;
        this.ssName = ssName;
    }

    public int code() {
        return code;
    }

    /** The name in netstat's State column ({@code LISTEN}, {@code TIME_WAIT}). */
    public String netstatName() {
        return netstatName;
    }

    /** The name in ss's State column ({@code LISTEN}, {@code ESTAB}, {@code UNCONN}). */
    public String ssName() {
        return ssName;
    }

    /** Bit of this state in an ss-style state mask ({@code 1 << code}). */
    public int bit() {
        return 1 << code;
    }

    /** The state netstat names so ({@code LISTEN}, {@code ESTABLISHED}), or null. */
    public static TcpState byNetstatName(String name) {
        for (TcpState s : values()) {
            if (s.netstatName.equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** The state for a code, or null for codes the kernel does not report in /proc (e.g. 0C NEW_SYN_RECV). */
    public static TcpState of(int code) {
        for (TcpState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }

    /** Every state, as an ss mask. */
    public static final int ALL = 0xFFE;

    /**
     * ss's default for connection-oriented tables: every state except LISTEN, CLOSE (unconnected),
     * TIME-WAIT and SYN-RECV.
     */
    public static final int CONNECTED = ALL & ~(LISTEN.bit() | CLOSE.bit() | TIME_WAIT.bit() | SYN_RECV.bit());
}
