package dev.probebook.probe.http;

import java.security.cert.X509Certificate;
import java.time.Instant;
import okhttp3.Handshake;

/**
 * What the TLS layer saw on the current connection: the chain the server presented (recorded before
 * verification, so it can be shown when verification fails), the trust verdict, the host name check and
 * the completed handshake. Reset when a new TLS handshake starts.
 *
 * <p>Threading: written by the trust manager and host name verifier during the handshake and read by
 * the event listener and the run; okhttp runs a synchronous call's handshake on the calling thread, so
 * all of that is one thread. Fields are volatile as a guard for platforms that hand off the handshake.
 */
final class TlsObservation {

    private volatile X509Certificate[] chain;
    private volatile CertificateProblem problem;
    private volatile HostCheck hostCheck;
    private volatile Handshake handshake;
    private volatile String protocol;

    void reset() {
        chain = null;
        problem = null;
        hostCheck = null;
        handshake = null;
        protocol = null;
    }

    void chain(X509Certificate[] presented) {
        this.chain = presented.clone();
    }

    /** The chain the server presented, leaf first; empty before one was presented. */
    java.util.List<X509Certificate> chain() {
        X509Certificate[] c = chain;
        return c == null ? java.util.List.of() : java.util.List.of(c);
    }

    /** The TLS version of the handshake in progress when the certificate was checked ({@code TLSv1.3}). */
    void protocol(String version) {
        this.protocol = version;
    }

    String protocol() {
        return protocol;
    }

    void problem(CertificateProblem p) {
        this.problem = p;
    }

    void hostCheck(HostCheck check) {
        this.hostCheck = check;
    }

    void handshake(Handshake h) {
        this.handshake = h;
    }

    /** The server (leaf) certificate, or null before one was presented. */
    CertificateInfo leaf() {
        X509Certificate[] c = chain;
        return c == null || c.length == 0 ? null : CertificateInfo.of(c[0]);
    }

    CertificateProblem problem() {
        return problem;
    }

    HostCheck hostCheck() {
        return hostCheck;
    }

    Handshake handshake() {
        return handshake;
    }

    /** Details for the record, or null when no certificate was seen. */
    HttpDetails.Certificate details(Instant now) {
        CertificateInfo info = leaf();
        if (info == null) {
            return null;
        }
        HostCheck host = hostCheck;
        String trouble = problem != null ? problem.text() : host != null && !host.matched() ? host.error() : null;
        boolean verified = problem == null && host != null && host.matched();
        return HttpDetails.Certificate.of(info, now, verified, trouble);
    }
}
