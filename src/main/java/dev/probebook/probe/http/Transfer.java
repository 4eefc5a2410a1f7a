package dev.probebook.probe.http;

import dev.probebook.net.TcpConnector;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.Protocol;

/**
 * Everything observed during one curl run, filled in by the event listener, the exchange printer and
 * the run itself, and read for {@code -w}, the verdict and the details. Phase times are nanoseconds
 * from {@link #startNanos} and belong to the last request (the last redirect hop); -1 means the phase
 * did not happen. Confined to the run thread (okhttp runs a synchronous call on the calling thread), but for the
 * request's marks on the wire, which the thread reading an HTTP/2 socket also sets (volatile, see there).
 */
final class Transfer {

    private long startNanos = System.nanoTime();
    long endNanos = -1;

    // --- the current hop -----------------------------------------------------------------------
    HttpUrl url;
    String method;
    long namelookup = -1;
    long callStarted = -1;
    long connect = -1;
    long appconnect = -1;
    long starttransfer = -1;
    boolean connectStarted;
    boolean tcpConnected;
    boolean tlsStarted;
    String remoteIp;
    int remotePort;
    String localIp;
    int localPort;
    int connectionId = -1;

    /** The last HTTP answer's status line and headers; {@code status} 0 means none. */
    int status;

    String statusText;
    Protocol protocol;
    List<HttpDetails.Header> headers = List.of();
    String contentType;
    long contentLength = -1;
    boolean closesConnection;

    // --- the whole run ---------------------------------------------------------------------------
    long headerBytes;
    long bodyBytes;
    int connects;
    final List<HttpDetails.Redirect> redirects = new ArrayList<>();
    private final Map<Connection, Integer> connectionIds = new IdentityHashMap<>();

    /** Starts a new request: phase data of the previous hop is dropped, run totals are kept. */
    void newHop(HttpUrl hopUrl, String hopMethod) {
        url = hopUrl;
        method = hopMethod;
        namelookup = -1;
        callStarted = -1;
        connect = -1;
        connectedAt = -1;
        appconnect = -1;
        starttransfer = -1;
        requestMark = -1;
        requestOpen = false;
        requestSocket = null;
        connectStarted = false;
        tcpConnected = false;
        tlsStarted = false;
        status = 0;
        statusText = null;
        protocol = null;
        headers = List.of();
        contentType = null;
        contentLength = -1;
        closesConnection = false;
        bodyBytes = 0;
    }

    /**
     * Starts the clock where curl starts it: when the transfer begins, after the client is set up (trust
     * stores, TLS context: a few hundred milliseconds on a first run that curl does not count either).
     */
    void begin() {
        startNanos = System.nanoTime();
        clientNanos = 0;
    }

    /**
     * Time the client spent on its own between two network phases (okhttp setting up the call, planning a route,
     * opening an exchange): hundreds of microseconds to milliseconds in a fresh JVM, next to nothing in curl. Left
     * out of the phase times, which are the network's (name lookup, TCP connect, TLS, the server's answer).
     */
    private long clientNanos;

    /** Where the transfer is on the phase clock: elapsed time less the client's own time between phases. */
    long now() {
        return System.nanoTime() - startNanos - clientNanos;
    }

    /** Wall-clock time since the transfer began, the client's own time included (for -m and timeout messages). */
    long wall() {
        return System.nanoTime() - startNanos;
    }

    /** Where the current connect began on the phase clock (okhttp's connectStart), or -1. */
    long connectMark = -1;

    /** Where the current connect's system call began on the phase clock, or -1. */
    private long syscallMark = -1;

    /** The socket is about to connect: the time since okhttp's connectStart was the client's (socket set-up). */
    void connectSyscall() {
        if (connectMark >= 0) {
            leaveOutSince(connectMark);
            connectMark = -1;
        }
        syscallMark = now();
    }

    /**
     * Where the current connection's TCP connect ended on the phase clock: its system call's start plus the handshake
     * as the kernel measured it; -1 until then. What okhttp does before it reports the connection (okio's buffers, in
     * a fresh JVM milliseconds) is the client's time.
     */
    long connectedAt = -1;

    /**
     * The socket connected to {@code remote}; returns its inode from the same kernel look-up (0: not known), for
     * {@link dev.probebook.net.ReceiveStamps}.
     */
    long connected(Socket socket, InetSocketAddress remote) {
        if (syscallMark < 0) {
            return 0;
        }
        TcpConnector.Measured m = TcpConnector.measured(socket, remote, now() - syscallMark);
        connectedAt = syscallMark + m.networkNanos();
        syscallMark = -1;
        return m.inode();
    }

    // --- the request on the wire (TimedSockets): raw System.nanoTime() values, written by the thread that does the
    // socket I/O (the run thread for HTTP/1, okhttp's reader thread too for HTTP/2), hence volatile. Only the socket
    // that carried the request counts: a redirect's earlier connection may still read on its own thread -------------
    private volatile boolean requestOpen;
    private long requestMark = -1;
    private volatile Object requestSocket;
    private volatile long firstWriteRaw = -1;
    private volatile long lastAnswerRaw = -1;

    /** okhttp starts writing a request: its socket writes and the reads after them are timed from here. */
    void requestStarted() {
        requestMark = now();
        requestSocket = null;
        firstWriteRaw = -1;
        lastAnswerRaw = -1;
        requestOpen = true;
    }

    /**
     * {@code socket} wrote (any thread): the request's bytes are with the kernel, which sends them on from here. Timed
     * after the write rather than before it: the JVM's own way to the system call takes up to a millisecond in a
     * fresh process, while on loopback the server may start on the request during the call's last microseconds.
     */
    synchronized void written(Object socket) {
        if (requestOpen && firstWriteRaw < 0) {
            requestSocket = socket;
            firstWriteRaw = System.nanoTime();
        }
    }

    /** Whether a read from {@code socket} now is part of waiting for the answer (then its bytes' arrival counts). */
    boolean awaitingAnswer(Object socket) {
        return requestOpen && firstWriteRaw >= 0 && requestSocket == socket;
    }

    /**
     * A read from {@code socket} returned bytes (any thread) that arrived by {@code arrivalRaw}: the kernel's time
     * when they were already waiting, else -1 (the read waited for them, so they came now). Bytes that arrived before
     * the request's write returned (a TLS session ticket, or a fast answer on loopback) are taken as arriving now,
     * which may be late but never early; the marks only move forward.
     */
    void read(Object socket, long arrivalRaw) {
        if (awaitingAnswer(socket)) {
            long at = arrivalRaw >= firstWriteRaw ? arrivalRaw : System.nanoTime();
            if (at > lastAnswerRaw) {
                lastAnswerRaw = at;
            }
        }
    }

    /**
     * The answer's headers are read: where that happened on the phase clock (curl's {@code time_starttransfer}). The
     * network's part runs from the request's first write to the socket to the arrival of the bytes of the last read
     * before now (the kernel's time when they were already waiting, so okhttp's own pace does not count); before the
     * write okhttp (and TLS, and the JVM's way to the system call) was at work on the request, after the read on the
     * headers: a millisecond and more in a fresh JVM, microseconds in curl. Both are left out. Not the first read's
     * bytes: after the request, those may be a TLS session ticket or HTTP/2 settings that came before the answer.
     * Without the marks (no socket seen), now.
     */
    long answerHeadersRead() {
        requestOpen = false;
        long write = firstWriteRaw;
        long last = lastAnswerRaw;
        if (requestMark < 0 || write < 0 || last < write) {
            return now();
        }
        long at = Math.min(now(), requestMark + (last - write));
        leaveOutSince(at);
        return at;
    }

    /** Leaves the time since {@code mark} (a {@link #now()} value) out of the phase clock: it was the client's. */
    void leaveOutSince(long mark) {
        long gap = now() - Math.max(0, mark);
        if (gap > 0) {
            clientNanos += gap;
        }
    }

    /** curl numbers connections from #0 in the order they were made. */
    int idOf(Connection connection) {
        return connectionIds.computeIfAbsent(connection, c -> connectionIds.size());
    }

    /** How long the transfer took on the wall clock (timeout messages: "no answer within ... ms"). */
    long elapsedMillis() {
        return wall() / 1_000_000;
    }

    /** {@code HTTP/1.1}, {@code HTTP/2}; null before an answer. */
    String httpVersion() {
        if (protocol == null) {
            return null;
        }
        return switch (protocol) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_2, H2_PRIOR_KNOWLEDGE -> "HTTP/2";
            case HTTP_3 -> "HTTP/3";
            default -> "HTTP/1.1";
        };
    }

    /** The status line as curl prints it: {@code HTTP/1.1 200 OK}, {@code HTTP/2 200 }. */
    String statusLine() {
        String version = httpVersion();
        if (version.equals("HTTP/2") || version.equals("HTTP/3")) {
            return version + " " + status + " ";
        }
        return version + " " + status + " " + (statusText == null ? "" : statusText);
    }

    HttpDetails.Timings timings() {
        return new HttpDetails.Timings(
                ms(namelookup), ms(connect), ms(appconnect), ms(starttransfer), ms(endNanos >= 0 ? endNanos : now()));
    }

    private static double ms(long nanos) {
        return nanos < 0 ? 0 : Math.round(nanos / 1000.0) / 1000.0;
    }
}
