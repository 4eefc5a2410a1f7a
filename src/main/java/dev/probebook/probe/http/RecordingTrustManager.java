package dev.probebook.probe.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Verifies server certificates like curl does, and records what it saw on the way.
 *
 * <p>The presented chain is recorded before verification so that the certificate can be shown even
 * when it is rejected. Verification is the JDK's (default trust store plus the configured CA file),
 * with one addition: the JDK does not check the dates of a certificate that is itself a trust anchor, so
 * an expired self-signed certificate that was added to the trust store would pass; OpenSSL rejects it,
 * so the dates of every presented certificate are checked here. With {@code -k} ({@code insecure}) the
 * verdict is recorded but the certificate is accepted.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final boolean insecure;
    private final TlsObservation observed;

    RecordingTrustManager(X509ExtendedTrustManager delegate, boolean insecure, TlsObservation observed) {
        this.delegate = delegate;
        this.insecure = insecure;
        this.observed = observed;
    }

    private interface Check {
        void run() throws CertificateException;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null) {
            observed.protocol(ssl.getHandshakeSession().getProtocol()); // the version being agreed on
        }
        verify(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (engine.getHandshakeSession() != null) {
            observed.protocol(engine.getHandshakeSession().getProtocol());
        }
        verify(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, () -> delegate.checkServerTrusted(chain, authType));
    }

    private void verify(X509Certificate[] chain, Check check) throws CertificateException {
        observed.chain(chain);
        CertificateProblem problem;
        try {
            check.run();
            problem = dateProblem(chain);
        } catch (CertificateException e) {
            problem = classify(chain, e);
        }
        observed.problem(problem);
        if (problem != null && !insecure) {
            throw new CertificateException("SSL certificate problem: " + problem.text());
        }
    }

    private static CertificateProblem dateProblem(X509Certificate[] chain) {
        for (X509Certificate c : chain) {
            try {
                c.checkValidity();
            } catch (CertificateExpiredException e) {
                return CertificateProblem.EXPIRED;
            } catch (CertificateNotYetValidException e) {
                return CertificateProblem.NOT_YET_VALID;
            }
        }
        return null;
    }

    /** Maps the JDK's rejection onto OpenSSL's reasons, in the order OpenSSL finds them. */
    static CertificateProblem classify(X509Certificate[] chain, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return CertificateProblem.EXPIRED;
            }
            if (t instanceof CertificateNotYetValidException) {
                return CertificateProblem.NOT_YET_VALID;
            }
            if (t instanceof CertPathValidatorException v) {
                if (v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                    return CertificateProblem.EXPIRED;
                }
                if (v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                    return CertificateProblem.NOT_YET_VALID;
                }
            }
        }
        if (chain.length > 0 && selfSigned(chain[0])) {
            return CertificateProblem.SELF_SIGNED;
        }
        if (chain.length > 1 && selfSigned(chain[chain.length - 1])) {
            return CertificateProblem.SELF_SIGNED_IN_CHAIN;
        }
        return CertificateProblem.UNKNOWN_ISSUER;
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
