package dev.probebook.probe.http;

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
 * did not happen. Confined to the run thread (okhttp runs a synchronous call on the calling thread).
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
        appconnect = -1;
        starttransfer = -1;
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
    }

    long now() {
        return System.nanoTime() - startNanos;
    }

    /** curl numbers connections from #0 in the order they were made. */
    int idOf(Connection connection) {
        return connectionIds.computeIfAbsent(connection, c -> connectionIds.size());
    }

    long elapsedMillis() {
        return (endNanos >= 0 ? endNanos : now()) / 1_000_000;
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
