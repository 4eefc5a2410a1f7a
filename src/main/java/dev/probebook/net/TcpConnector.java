package dev.probebook.net;

import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.ProbeContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * One TCP connect attempt, shared by tcping, telnet, nc and ping's port check. The caller gives the tool's
 * timeout; it is clamped here to the run's deadline, so that a timeout can tell when the run's limit ended
 * it. The socket is registered with the context so that a stop closes it and unblocks the connect.
 */
public final class TcpConnector {

    private TcpConnector() {}

    /** Connects and closes at once. */
    public static ConnectOutcome probe(ProbeContext ctx, String host, InetAddress address, int port, Duration timeout)
            throws InterruptedException, PolicyDeniedException {
        try (Socket socket = new Socket()) {
            return connect(ctx, host, socket, address, port, timeout);
        } catch (IOException e) {
            return new ConnectOutcome.Failed(address, 0, e.getMessage());
        }
    }

    /**
     * Connects {@code socket}; on {@link ConnectOutcome.Open} the socket stays open for the caller to read.
     * Checks the target policy on the resolved address first.
     */
    public static ConnectOutcome connect(
            ProbeContext ctx, String host, Socket socket, InetAddress address, int port, Duration timeout)
            throws InterruptedException, PolicyDeniedException {
        ctx.checkTarget(host, address, port);
        ctx.closeOnCancel(socket);
        long start = System.nanoTime();
        Duration wait = ctx.clamp(timeout);
        boolean runLimit = wait.compareTo(timeout) < 0;
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, wait.toMillis()));
        try {
            InetSocketAddress remote = new InetSocketAddress(address, port);
            socket.connect(remote, millis);
            return new ConnectOutcome.Open(address, networkNanos(socket, remote, System.nanoTime() - start));
        } catch (SocketTimeoutException e) {
            return new ConnectOutcome.TimedOut(address, System.nanoTime() - start, runLimit);
        } catch (ConnectException e) {
            long nanos = System.nanoTime() - start;
            if (ctx.cancelled()) {
                return stopped(ctx, address, nanos);
            }
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("refused")) {
                return new ConnectOutcome.Refused(address, nanos);
            }
            if (msg.contains("timed out")) {
                return new ConnectOutcome.TimedOut(address, nanos, runLimit);
            }
            return new ConnectOutcome.Failed(address, nanos, capitalise(msg));
        } catch (NoRouteToHostException e) {
            return new ConnectOutcome.Failed(address, System.nanoTime() - start, "No route to host");
        } catch (IOException e) {
            if (ctx.cancelled()) {
                return stopped(ctx, address, System.nanoTime() - start);
            }
            return new ConnectOutcome.Failed(
                    address, System.nanoTime() - start, capitalise(String.valueOf(e.getMessage())));
        }
    }

    /**
     * The connect was ended by a cancel. A stop is a stop; but when the run's deadline ended it, it is the same
     * event as the connect timeout (clamped to that deadline) it raced with, and must read the same: a timeout
     * with the tool's lines and the SYN-dropped verdict, not a bare "timed out" error that lost them.
     */
    private static ConnectOutcome stopped(ProbeContext ctx, InetAddress address, long nanos)
            throws InterruptedException {
        if (ctx.remaining().isZero()) {
            return new ConnectOutcome.TimedOut(address, nanos, true);
        }
        throw new InterruptedException("stopped");
    }

    /** Below the first SYN retransmission (one second): the handshake's round trip is all of the connect. */
    private static final long NO_RETRANSMISSION_NANOS = 1_000_000_000L;

    /**
     * How long the connect took on the network: the kernel's own measure of the handshake (the SYN to the SYN-ACK)
     * when it has one, else {@code wallNanos}, this thread's reading, which adds the JVM's socket set-up and wake-up
     * (about a tenth of a millisecond warm, up to a millisecond in a fresh process: on loopback more than the
     * network). A connect that took a second or more had its SYN sent again and the round trip is not all of it.
     */
    public static long networkNanos(Socket socket, InetSocketAddress remote, long wallNanos) {
        return wallNanos >= NO_RETRANSMISSION_NANOS
                ? wallNanos // the kernel's round trip would not be taken: not asked
                : measured(socket, remote, wallNanos).networkNanos();
    }

    /** A connect as {@link #networkNanos} measures it, and the socket's inode (0: not known). */
    public record Measured(long networkNanos, long inode) {}

    /** {@link #networkNanos}, with the socket's inode from the same look-up. */
    public static Measured measured(Socket socket, InetSocketAddress remote, long wallNanos) {
        if (!(socket.getLocalSocketAddress() instanceof InetSocketAddress local)) {
            return new Measured(wallNanos, 0);
        }
        try {
            Optional<SocketDiagnostics.Connection> kernel = SocketDiagnostics.connection(local, remote, 200);
            long rtt = kernel.map(c -> c.handshakeRttMicros() * 1000).orElse(0L);
            long network = rtt > 0 && rtt <= wallNanos && wallNanos < NO_RETRANSMISSION_NANOS ? rtt : wallNanos;
            return new Measured(
                    network, kernel.map(SocketDiagnostics.Connection::inode).orElse(0L));
        } catch (SocketDiagnostics.Unavailable e) {
            return new Measured(wallNanos, 0);
        }
    }

    private static String capitalise(String s) {
        String m = s.replaceFirst(" \\(.*\\)$", "");
        return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}
