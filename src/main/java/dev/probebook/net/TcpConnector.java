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
            socket.connect(new InetSocketAddress(address, port), millis);
            return new ConnectOutcome.Open(address, System.nanoTime() - start);
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

    private static String capitalise(String s) {
        String m = s.replaceFirst(" \\(.*\\)$", "");
        return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}
