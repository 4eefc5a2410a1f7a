package dev.probebook.probe.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A failed transfer as curl reports it: exit code, message ({@code curl: (7) Failed to connect to ...})
 * and the kind of failure the verdict is built on.
 */
public record CurlFailure(int code, String message, Kind kind, String cause) {

    /** {@code cause}: the system's reason behind curl's general wording (Connection refused), or null. */
    public CurlFailure(int code, String message, Kind kind) {
        this(code, message, kind, null);
    }

    public enum Kind {
        RESOLVE,
        REFUSED,
        CONNECT_FAILED,
        CONNECT_TIMEOUT,
        TIMEOUT,
        CERTIFICATE,
        HOST_NAME,
        HANDSHAKE,
        EMPTY_REPLY,
        RESET,
        RECEIVE,
        PARTIAL,
        NOT_HTTP,
        TOO_MANY_REDIRECTS,
        HTTP_ERROR,
        WRITE
    }

    /**
     * What was known when the exception came: the URL's host and port, time since the start, whether
     * the TCP connection stood, whether an HTTP answer had begun, the body bytes so far (and the
     * announced length, -1 if none), and what the TLS layer saw (may be null for plain http).
     */
    public record Facts(
            String host,
            int port,
            long elapsedMs,
            boolean tcpConnected,
            boolean answered,
            long bytesReceived,
            long contentLength,
            TlsObservation tls) {

        /** Facts about a request that failed before any answer, without TLS observations. */
        public static Facts beforeAnswer(String host, int port, long elapsedMs, boolean tcpConnected) {
            return new Facts(host, port, elapsedMs, tcpConnected, false, 0, -1, null);
        }
    }

    /** The curl error line: {@code curl: (7) Failed to connect to ...}. */
    public String line() {
        return "curl: (" + code + ") " + message;
    }

    public static CurlFailure classify(IOException e, Facts f) {
        if (has(e, UnknownHostException.class)) {
            return new CurlFailure(6, "Could not resolve host: " + f.host(), Kind.RESOLVE);
        }
        if (has(e, InterruptedIOException.class)) {
            if (!f.tcpConnected() && PhaseListener.timedOut(e)) { // --connect-timeout
                return new CurlFailure(
                        28,
                        "Failed to connect to " + f.host() + " port " + f.port() + " after " + f.elapsedMs()
                                + " ms: Timeout was reached",
                        Kind.CONNECT_TIMEOUT,
                        "Connection timed out");
            }
            if (!f.tcpConnected()) { // -m while connecting
                return new CurlFailure(
                        28, "Connection timed out after " + f.elapsedMs() + " milliseconds", Kind.CONNECT_TIMEOUT);
            }
            String received = f.contentLength() >= 0
                    ? f.bytesReceived() + " out of " + f.contentLength() + " bytes received"
                    : f.bytesReceived() + " bytes received";
            return new CurlFailure(
                    28, "Operation timed out after " + f.elapsedMs() + " milliseconds with " + received, Kind.TIMEOUT);
        }
        if (!f.tcpConnected()) {
            String reason = PhaseListener.reason(e);
            Kind kind = reason.equals("Connection refused") ? Kind.REFUSED : Kind.CONNECT_FAILED;
            return new CurlFailure(
                    7,
                    "Failed to connect to " + f.host() + " port " + f.port() + " after " + f.elapsedMs()
                            + " ms: Couldn't connect to server",
                    kind,
                    reason);
        }
        TlsObservation tls = f.tls();
        if (tls != null
                && has(e, SSLPeerUnverifiedException.class)
                && tls.hostCheck() != null
                && !tls.hostCheck().matched()) {
            return new CurlFailure(60, tls.hostCheck().error(), Kind.HOST_NAME);
        }
        SSLException ssl = find(e, SSLException.class);
        if (ssl != null && tls != null && tls.problem() != null && !f.answered()) {
            return new CurlFailure(
                    60, "SSL certificate problem: " + tls.problem().text(), Kind.CERTIFICATE);
        }
        if (ssl != null && !f.answered()) {
            return new CurlFailure(35, "TLS connect error: " + tlsReason(ssl), Kind.HANDSHAKE);
        }
        if (!f.answered() && endOfStream(e)) {
            return new CurlFailure(52, "Empty reply from server", Kind.EMPTY_REPLY);
        }
        if (!f.answered()
                && e instanceof ProtocolException
                && String.valueOf(e.getMessage()).contains("status line")) {
            return new CurlFailure(1, "Received HTTP/0.9 when not allowed", Kind.NOT_HTTP);
        }
        if (f.answered() && endOfStream(e)) {
            // The peer closed the connection before the body was complete (a crash or restart mid-answer). curl
            // reports this as (18) with what is missing; it used to fall through to the generic (56) here.
            return new CurlFailure(
                    18,
                    f.contentLength() >= 0 && f.contentLength() > f.bytesReceived()
                            ? "transfer closed with " + (f.contentLength() - f.bytesReceived())
                                    + " bytes remaining to read"
                            : "transfer closed with outstanding read data remaining",
                    Kind.PARTIAL);
        }
        SocketException socket = find(e, SocketException.class);
        if (socket != null && String.valueOf(socket.getMessage()).contains("reset")) {
            return new CurlFailure(56, "Recv failure: Connection reset by peer", Kind.RESET);
        }
        return new CurlFailure(56, "Failure when receiving data from the peer", Kind.RECEIVE);
    }

    /** okhttp's words for a connection that ended early: EOF while reading, or a body shorter than announced. */
    private static boolean endOfStream(IOException e) {
        return has(e, EOFException.class) || String.valueOf(e.getMessage()).contains("unexpected end of stream");
    }

    /** OpenSSL's words for the common handshake failures. */
    private static String tlsReason(SSLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Unsupported or unrecognized SSL message")) {
            return "error:0A00010B:SSL routines::wrong version number";
        }
        if (m.contains("handshake_failure")) {
            return "error:0A000410:SSL routines::sslv3 alert handshake failure";
        }
        if (m.contains("protocol_version") || m.contains("No appropriate protocol")) {
            return "error:0A00042E:SSL routines::tlsv1 alert protocol version";
        }
        if (m.contains("terminated the handshake") || e.getCause() instanceof EOFException) {
            return "unexpected eof while reading";
        }
        return m;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable s : t.getSuppressed()) {
                if (type.isInstance(s)) {
                    return type.cast(s);
                }
            }
        }
        return null;
    }
}
