package dev.probebook.probe.http;

import dev.probebook.net.AddressText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.net.ssl.SSLSocket;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Times the phases of one request as curl's {@code time_*} values and prints curl's {@code -v} lines
 * about connecting ({@code *   Trying ...}, {@code * Connected to ...}, the TLS block). One per request
 * (redirect hop); called on the run thread.
 */
final class PhaseListener extends EventListener {

    private final CurlTerminal term;
    private final boolean verbose;
    private final boolean insecure;
    private final Transfer t;
    private final TlsObservation tls;
    private final long connectTimeoutMs;
    /** The trust anchors named in the handshake lines (curl's CAfile line); null with -k. */
    private final String caFile;
    /** A TLS connection was just made: its lines follow when the connection is acquired. */
    private boolean tlsToShow;

    private boolean http2ToShow;

    PhaseListener(
            CurlTerminal term,
            boolean verbose,
            boolean insecure,
            Transfer transfer,
            TlsObservation tls,
            long connectTimeoutMs,
            String caFile) {
        this.connectTimeoutMs = connectTimeoutMs;
        this.caFile = caFile;
        this.term = term;
        this.verbose = verbose;
        this.insecure = insecure;
        this.t = transfer;
        this.tls = tls;
    }

    private void v(String line) {
        if (verbose) {
            term.line(line);
        }
    }

    @Override
    public void callStart(Call call) {
        t.leaveOutSince(0); // okhttp taking the call: the client's time, not the network's
        t.callStarted = t.now();
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
        t.namelookup = t.now();
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        if (t.namelookup < 0) {
            // an IP literal: there was no lookup. curl reports next to nothing here; the time okhttp spends
            // before it connects (class loading on a first run, route selection) is not name resolution
            t.namelookup = t.callStarted >= 0 ? t.callStarted : t.now();
        }
        t.leaveOutSince(t.namelookup); // route planning before the connect: the client's time
        t.connectMark = t.now(); // and the socket's set-up until its connect call (TimedSockets)
        t.connectStarted = true;
        t.tcpConnected = false;
        t.tlsStarted = false;
        t.remoteIp = AddressText.of(address.getAddress());
        t.remotePort = address.getPort();
        v("*   Trying " + hostPort(address) + "...");
    }

    @Override
    public void secureConnectStart(Call call) {
        tcpConnected(call);
        t.tlsStarted = true;
        tls.reset();
        v("* ALPN: curl offers h2,http/1.1");
        if (verbose) {
            TlsLines.clientHello(term, insecure ? null : caFile);
        }
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        t.appconnect = t.now();
        tls.handshake(handshake);
        if (verbose) {
            TlsLines.handshake(term, handshake);
        }
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
        if (!t.tlsStarted) {
            tcpConnected(call);
        } else if (verbose) {
            tlsToShow = true; // with the protocol ALPN agreed on, which the connection knows (connectionAcquired)
        }
        t.connects++;
        if (protocol == Protocol.HTTP_2) {
            if (tlsToShow) {
                http2ToShow = true; // after the TLS block, as curl prints it
            } else {
                v("* using HTTP/2");
            }
        }
    }

    /**
     * curl's lines for a connect that failed: the kernel's reason ({@code Connection refused}); for its own
     * {@code --connect-timeout}, {@code ipv4 connect timeout after 2000ms, move on!}. A connect cut short by
     * {@code -m} (the call's timeout cancels it) or a stop prints nothing here: curl's error line says it.
     */
    @Override
    public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException ioe) {
        if (t.tlsStarted || call.isCanceled()) {
            return;
        }
        if (timedOut(ioe)) {
            v("* " + (address.getAddress() instanceof Inet6Address ? "ipv6" : "ipv4") + " connect timeout after "
                    + connectTimeoutMs + "ms, move on!");
            return;
        }
        v("* connect to " + AddressText.of(address.getAddress()) + " port " + address.getPort() + " failed: "
                + reason(ioe));
    }

    static boolean timedOut(IOException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        if (!t.connectStarted) {
            v("* Re-using existing connection with host " + call.request().url().host());
            InetSocketAddress remote = connection.route().socketAddress();
            t.remoteIp = AddressText.of(remote.getAddress());
            t.remotePort = remote.getPort();
            t.namelookup = t.connect = t.now();
            if (connection.handshake() != null) {
                t.appconnect = t.connect;
            }
        }
        t.connectionId = t.idOf(connection);
        Socket socket = connection.socket();
        if (tlsToShow) {
            tlsToShow = false;
            // "" when the server agreed on no protocol (curl: "did not agree on a protocol. Uses default.")
            String alpn = socket instanceof SSLSocket ssl ? ssl.getApplicationProtocol() : null;
            TlsLines.established(term, tls, alpn, insecure);
            if (http2ToShow) {
                http2ToShow = false;
                v("* using HTTP/2");
            }
        }
        t.localIp = AddressText.of(socket.getLocalAddress());
        t.localPort = socket.getLocalPort();
    }

    @Override
    public void requestHeadersStart(Call call) {
        if (t.connect >= 0) { // opening the exchange on the new connection: the client's time
            t.leaveOutSince(t.appconnect >= 0 ? t.appconnect : t.connect);
        }
        t.requestStarted();
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        v("* upload completely sent off: " + byteCount + " bytes");
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        t.starttransfer = t.answerHeadersRead();
    }

    private void tcpConnected(Call call) {
        if (t.tcpConnected) {
            return;
        }
        t.tcpConnected = true;
        if (t.connectedAt >= 0) { // the kernel's measure, and what okhttp did after it was the client's time
            t.connect = t.connectedAt;
            t.leaveOutSince(t.connect);
            t.connectedAt = -1;
        } else {
            t.connect = t.now();
        }
        v("* Connected to " + call.request().url().host() + " (" + t.remoteIp + ") port " + t.remotePort);
    }

    static String hostPort(InetSocketAddress address) {
        String ip = AddressText.of(address.getAddress());
        return (address.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + address.getPort();
    }

    /** The system's words for a failed connect, as curl prints them. */
    static String reason(IOException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return "Connection timed out";
            }
            if (c instanceof NoRouteToHostException) {
                return "No route to host";
            }
            String m = String.valueOf(c.getMessage());
            if (c instanceof ConnectException && m.contains("refused")) {
                return "Connection refused";
            }
            if (m.contains("Network is unreachable")) {
                return "Network is unreachable";
            }
        }
        String m = String.valueOf(e.getMessage()).replaceFirst(" \\(.*\\)$", "");
        return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}
