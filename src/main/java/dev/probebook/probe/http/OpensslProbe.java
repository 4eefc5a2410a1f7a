package dev.probebook.probe.http;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.net.ConnectOutcome;
import dev.probebook.net.NameResolver;
import dev.probebook.net.TcpConnector;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.settings.SettingsSection;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * {@code openssl s_client -connect HOST:PORT}: a TLS handshake and nothing after it (as with {@code </dev/null}),
 * printed as OpenSSL 3 prints it (the verify callback's lines, the chain, the version and cipher, the verify return
 * code), optionally piped into {@code openssl x509} for the dates, names and fingerprint. The verdict says whether
 * the certificate would be accepted and what to do when not: renew it, trust its CA, send the full chain.
 *
 * <p>Verification is the JDK's with the trust anchors curl uses here (the JDK's CA certificates and
 * {@code probebook.http.ca-file}) plus {@code -CAfile}; like s_client it reports a bad certificate and goes on,
 * unless {@code -verify_return_error}. Host names are not checked by s_client, so a name mismatch is a warning in the
 * verdict, not a line of output. Connect and handshake each wait at most {@link #WAIT} (within the run's deadline).
 */
public final class OpensslProbe implements Probe<OpensslCommand> {

    /** s_client has no timeout of its own (the kernel's connect timeout is minutes); this one is. */
    static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "openssl";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("openssl");
    }

    /** Only {@code s_client}: other openssl commands work on files and keys, and stay not run. */
    @Override
    public boolean claims(String commandWord, List<String> words) {
        return OpensslParser.isSClient(words);
    }

    @Override
    public OpensslCommand parse(String commandWord, Args args) throws UsageException {
        return OpensslParser.parse(args);
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(HttpSettings.SECTION);
    }

    @Override
    public ProbeResult run(OpensslCommand cmd, ProbeContext ctx) throws InterruptedException {
        OpensslView view = new OpensslView(cmd, ctx);
        List<InetAddress> addresses;
        try {
            addresses = NameResolver.of(ctx).resolve(cmd.host()).addresses();
        } catch (UnknownHostException e) {
            view.lookupFailed();
            return OpensslVerdict.unresolved(cmd);
        }
        SSLContext context;
        RecordingTrustManager trust;
        TlsObservation seen = new TlsObservation();
        try {
            trust = new RecordingTrustManager(
                    TrustStores.trustManager(trustFiles(cmd, ctx)), !cmd.verifyReturnError(), seen);
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
        } catch (IOException | GeneralSecurityException e) {
            ctx.out("openssl s_client: cannot use the trusted CA certificates: " + e.getMessage());
            return ProbeResult.error(
                    "cannot use the trusted CA certificates (probebook.http.ca-file, -CAfile): " + e.getMessage());
        }
        ConnectOutcome last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                last = TcpConnector.connect(ctx, hostName(cmd), socket, address, cmd.port(), WAIT);
            } catch (PolicyDeniedException e) {
                closeQuietly(socket);
                return ProbeResult.error(e.getMessage());
            }
            if (last instanceof ConnectOutcome.Open) {
                view.connected();
                TlsOutcome tls = handshake(cmd, ctx, context, seen, socket, address);
                view.handshake(tls);
                return OpensslVerdict.of(cmd, tls);
            }
            closeQuietly(socket);
        }
        view.connectFailed(last);
        return OpensslVerdict.notConnected(cmd, last);
    }

    private static String hostName(OpensslCommand cmd) {
        return dev.probebook.command.HostSyntax.isIpLiteral(cmd.host()) ? null : cmd.host();
    }

    private TlsOutcome handshake(
            OpensslCommand cmd,
            ProbeContext ctx,
            SSLContext context,
            TlsObservation seen,
            Socket raw,
            InetAddress address)
            throws InterruptedException {
        long start = System.nanoTime();
        SSLSocket ssl = null;
        try {
            ssl = (SSLSocket) context.getSocketFactory()
                    .createSocket(raw, cmd.serverName() != null ? cmd.serverName() : cmd.host(), cmd.port(), true);
            ctx.closeOnCancel(ssl);
            SSLParameters params = ssl.getSSLParameters();
            params.setServerNames(cmd.serverName() == null ? List.of() : List.of(new SNIHostName(cmd.serverName())));
            params.setEndpointIdentificationAlgorithm(null); // s_client checks no host name
            params.setProtocols(
                    cmd.protocol() != null ? new String[] {cmd.protocol()} : new String[] {"TLSv1.3", "TLSv1.2"});
            ssl.setSSLParameters(params);
            ssl.setSoTimeout((int) Math.max(1, ctx.clamp(WAIT).toMillis()));
            ssl.startHandshake();
            SSLSession session = ssl.getSession();
            return new TlsOutcome(
                    address,
                    chainOf(session, seen),
                    seen.problem(),
                    session.getProtocol(),
                    session.getCipherSuite(),
                    session.getId(),
                    session.getCreationTime() / 1000,
                    TlsOutcome.Trouble.NONE,
                    null,
                    millisSince(start));
        } catch (IllegalArgumentException badName) { // SNIHostName refuses the name
            return failed(address, seen, TlsOutcome.Trouble.OTHER, "bad server name: " + badName.getMessage(), start);
        } catch (SocketTimeoutException e) {
            return failed(address, seen, TlsOutcome.Trouble.TIMEOUT, "no answer to the client hello", start);
        } catch (SSLHandshakeException e) {
            if (ctx.cancelled()) {
                return stoppedOrTimedOut(ctx, address, seen, start);
            }
            return failed(address, seen, troubleOf(e, seen), message(e), start);
        } catch (SSLException e) {
            if (ctx.cancelled()) {
                return stoppedOrTimedOut(ctx, address, seen, start);
            }
            String m = message(e);
            boolean notTls = m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext");
            return failed(address, seen, notTls ? TlsOutcome.Trouble.NOT_TLS : TlsOutcome.Trouble.OTHER, m, start);
        } catch (EOFException e) {
            return failed(address, seen, TlsOutcome.Trouble.CLOSED, "the server closed the connection", start);
        } catch (IOException e) {
            if (ctx.cancelled()) {
                return stoppedOrTimedOut(ctx, address, seen, start);
            }
            return failed(address, seen, TlsOutcome.Trouble.OTHER, message(e), start);
        } finally {
            closeQuietly(ssl != null ? ssl : raw);
        }
    }

    /**
     * The handshake was ended by a cancel. When the run's deadline ended it, it is the same event as the handshake
     * timeout (clamped to that deadline) it raced with, and reads the same; a stop by the user is a stop.
     */
    private static TlsOutcome stoppedOrTimedOut(ProbeContext ctx, InetAddress address, TlsObservation seen, long start)
            throws InterruptedException {
        if (ctx.remaining().isZero()) {
            return failed(address, seen, TlsOutcome.Trouble.TIMEOUT, "no answer to the client hello", start);
        }
        throw new InterruptedException("stopped");
    }

    private static List<Path> trustFiles(OpensslCommand cmd, ProbeContext ctx) {
        List<Path> files = new ArrayList<>();
        Path configured = ctx.settings().section(HttpSettings.SECTION).caFile();
        if (configured != null) {
            files.add(configured);
        }
        if (cmd.caFile() != null) {
            files.add(cmd.caFile());
        }
        return files;
    }

    private static List<X509Certificate> chainOf(SSLSession session, TlsObservation seen) {
        List<X509Certificate> chain = seen.chain();
        if (!chain.isEmpty()) {
            return chain;
        }
        try {
            List<X509Certificate> certs = new ArrayList<>();
            for (java.security.cert.Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    certs.add(x);
                }
            }
            return certs;
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    private static TlsOutcome.Trouble troubleOf(SSLHandshakeException e, TlsObservation seen) {
        String m = message(e);
        if (seen.problem() != null && !seen.chain().isEmpty() && m.contains("SSL certificate problem")) {
            return TlsOutcome.Trouble.REJECTED;
        }
        if (m.contains("Received fatal alert")) {
            return TlsOutcome.Trouble.ALERT;
        }
        if (m.contains("Remote host terminated") || m.contains("closed")) {
            return TlsOutcome.Trouble.CLOSED;
        }
        if (m.contains("Unsupported or unrecognized SSL message")) {
            return TlsOutcome.Trouble.NOT_TLS;
        }
        return TlsOutcome.Trouble.OTHER;
    }

    /** The innermost message that says something (a certificate problem is wrapped twice). */
    private static String message(Throwable e) {
        String best = String.valueOf(e.getMessage());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("SSL certificate problem")) {
                best = t.getMessage();
            }
        }
        return best;
    }

    private static TlsOutcome failed(
            InetAddress address, TlsObservation seen, TlsOutcome.Trouble trouble, String detail, long start) {
        return new TlsOutcome(
                address, seen.chain(), seen.problem(), null, null, null, 0, trouble, detail, millisSince(start));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
