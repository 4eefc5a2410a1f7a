package dev.probebook.probe.http;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * How an {@code openssl s_client} handshake ended: the chain the server presented (leaf first, empty when none
 * arrived), OpenSSL's verdict on it, and the version and cipher agreed, or why there was no agreement.
 *
 * @param problem  what verification found wrong with the chain, or null when it verified
 * @param protocol {@code TLSv1.3}, or null when the handshake did not finish
 * @param cipher   the IANA name of the suite agreed, or null
 * @param detail   the failure as Java reported it, or null
 */
record TlsOutcome(
        InetAddress address,
        List<X509Certificate> chain,
        CertificateProblem problem,
        String protocol,
        String cipher,
        byte[] sessionId,
        long startSeconds,
        Trouble trouble,
        String detail,
        long millis) {

    TlsOutcome {
        chain = List.copyOf(chain);
    }

    /** Why the handshake did not finish; {@link #NONE} when it did. */
    enum Trouble {
        NONE,
        /** The certificate failed verification and {@code -verify_return_error} ended the handshake there. */
        REJECTED,
        /** The peer answered with something that is not a TLS record: a plain-text service. */
        NOT_TLS,
        /** The server sent a fatal alert (no common version or cipher, unknown name, ...). */
        ALERT,
        /** The server closed the connection during the handshake. */
        CLOSED,
        /** No answer to the client hello before the timeout. */
        TIMEOUT,
        OTHER
    }

    boolean finished() {
        return trouble == Trouble.NONE;
    }

    /** OpenSSL's verify return code for this chain (0 when it verified). */
    int verifyCode() {
        if (problem == null) {
            return 0;
        }
        return firstCertificateOnly() ? 21 : problem.code();
    }

    String verifyText() {
        if (problem == null) {
            return "ok";
        }
        return firstCertificateOnly() ? "unable to verify the first certificate" : problem.text();
    }

    /** The server sent only its own certificate, and its issuer is unknown here: OpenSSL's error 21. */
    boolean firstCertificateOnly() {
        return problem == CertificateProblem.UNKNOWN_ISSUER && chain.size() == 1;
    }
}
