package dev.probebook.probe.http;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Checks the server certificate's names against the host, records the result for curl's lines, and
 * rejects a mismatch unless {@code -k} turned host verification off (as curl's {@code -k} does).
 */
final class CurlHostnameVerifier implements HostnameVerifier {

    private final boolean insecure;
    private final TlsObservation observed;

    CurlHostnameVerifier(boolean insecure, TlsObservation observed) {
        this.insecure = insecure;
        this.observed = observed;
    }

    @Override
    public boolean verify(String host, SSLSession session) {
        try {
            Certificate[] peer = session.getPeerCertificates();
            if (peer.length == 0 || !(peer[0] instanceof X509Certificate leaf)) {
                return insecure;
            }
            HostCheck check = HostCheck.of(CertificateInfo.of(leaf), host);
            observed.hostCheck(check);
            return insecure || check.matched();
        } catch (SSLPeerUnverifiedException e) {
            return insecure;
        }
    }
}
