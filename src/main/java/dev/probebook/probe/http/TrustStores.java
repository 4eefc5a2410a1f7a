package dev.probebook.probe.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust store curl would use here: the JDK's default CA certificates plus the certificates of
 * {@code probebook.http.ca-file} (a PEM file that may hold several), the equivalent of adding a CA to
 * the system bundle.
 */
public final class TrustStores {

    private TrustStores() {}

    /** The JDK defaults, plus {@code caFile} when not null. */
    public static X509ExtendedTrustManager trustManager(Path caFile) throws IOException, GeneralSecurityException {
        return trustManager(caFile == null ? List.of() : List.of(caFile));
    }

    /** The JDK defaults, plus the certificates of every file in {@code caFiles}. */
    static X509ExtendedTrustManager trustManager(List<Path> caFiles) throws IOException, GeneralSecurityException {
        X509ExtendedTrustManager jdk = fromKeyStore(null);
        if (caFiles.isEmpty()) {
            return jdk;
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        for (X509Certificate c : jdk.getAcceptedIssuers()) {
            store.setCertificateEntry("jdk-" + n++, c);
        }
        for (Path caFile : caFiles) {
            Collection<? extends Certificate> extra;
            try (InputStream in = Files.newInputStream(caFile)) {
                extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
            } catch (java.security.cert.CertificateException e) {
                throw new IOException(caFile + " holds no PEM certificate");
            }
            if (extra.isEmpty()) {
                throw new IOException(caFile + " holds no PEM certificate");
            }
            for (Certificate c : extra) {
                store.setCertificateEntry("probebook-ca-" + n++, c);
            }
        }
        return fromKeyStore(store);
    }

    private static X509ExtendedTrustManager fromKeyStore(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager in the JDK");
    }
}
