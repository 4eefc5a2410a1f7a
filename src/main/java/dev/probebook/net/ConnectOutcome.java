package dev.probebook.net;

import java.net.InetAddress;

/** The closed set of things a TCP connect can end in, with the time it took. */
public sealed interface ConnectOutcome {

    InetAddress address();

    long nanos();

    default double millis() {
        return nanos() / 1e6;
    }

    /** Handshake completed: something listens and the path is open. */
    record Open(InetAddress address, long nanos) implements ConnectOutcome {}

    /** RST in answer to the SYN: no listener, or a firewall REJECT rule. */
    record Refused(InetAddress address, long nanos) implements ConnectOutcome {}

    /**
     * No answer to the SYN before the timeout: dropped on the way, or the host is down. {@code runLimit}: the
     * run's time limit ({@code probebook.probe-timeout}) ended the wait before the tool's own timeout.
     */
    record TimedOut(InetAddress address, long nanos, boolean runLimit) implements ConnectOutcome {
        public TimedOut(InetAddress address, long nanos) {
            this(address, nanos, false);
        }
    }

    /** Any other failure (no route, network unreachable, policy refusal), with the system's message. */
    record Failed(InetAddress address, long nanos, String message) implements ConnectOutcome {}
}
