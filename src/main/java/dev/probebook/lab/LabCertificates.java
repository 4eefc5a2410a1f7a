package dev.probebook.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The lab's certificate authority and the two server certificates it signs: a valid one for every name the open
 * service answers to (reached directly, through the VIP, or by the overridden name) and one whose validity ended
 * two days ago. Made fresh, with new keys, each time the lab starts; only the CA certificate is written out (the
 * private keys never leave memory), so {@code probebook.http.ca-file} trusts this lab and nothing else.
 */
final class LabCertificates {

    /** The names and address the valid certificate covers. */
    static final List<String> OPEN_NAMES = List.of(
            Scenario.OPEN.host(), Scenario.VIP.host(), Scenario.HOSTS_OVERRIDE.host(), "localhost", "127.0.0.1");

    private final HeldCertificate ca;
    private final HeldCertificate open;
    private final HeldCertificate expired;

    private LabCertificates(Instant now) {
        Instant from = now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        ca = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("Probebook Practice Lab CA")
                .organizationalUnit("practice lab (loopback only)")
                .validityInterval(
                        from.toEpochMilli(), from.plus(Duration.ofDays(3650)).toEpochMilli())
                .build();
        HeldCertificate.Builder valid = new HeldCertificate.Builder()
                .commonName(Scenario.OPEN.host())
                .validityInterval(
                        from.toEpochMilli(), from.plus(Duration.ofDays(365)).toEpochMilli())
                .signedBy(ca);
        OPEN_NAMES.forEach(valid::addSubjectAlternativeName);
        open = valid.build();
        Instant expiredOn = now.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        expired = new HeldCertificate.Builder()
                .commonName(Scenario.EXPIRED.host())
                .addSubjectAlternativeName(Scenario.EXPIRED.host())
                .addSubjectAlternativeName("127.0.0.1")
                .validityInterval(expiredOn.minus(Duration.ofDays(90)).toEpochMilli(), expiredOn.toEpochMilli())
                .signedBy(ca)
                .build();
    }

    static LabCertificates issue(Instant now) {
        return new LabCertificates(now);
    }

    /** TLS for the open service: its certificate and the CA's, as a server sends its chain. */
    SSLContext openContext() {
        return serverContext(open);
    }

    /** TLS for the expired service. */
    SSLContext expiredContext() {
        return serverContext(expired);
    }

    private SSLContext serverContext(HeldCertificate served) {
        return new HandshakeCertificates.Builder()
                .heldCertificate(served, ca.certificate())
                .build()
                .sslContext();
    }

    /** Writes the CA certificate (PEM) to {@code file}, replacing it whole (a temporary file renamed over it). */
    void writeCaPem(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, ca.certificatePem(), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
