package dev.probebook.probe.http;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Certificates for TLS tests, made fresh per test class: a test CA (written with an expired self-signed
 * certificate to a PEM file for {@code probebook.http.ca-file}) and server certificates that are valid,
 * expired, for the wrong host, self-signed, or expired and self-signed but trusted through the CA file.
 */
final class TestPki {

    /** Start of the current year (UTC): gives the {@code Jan  1 00:00:00 YYYY GMT} start date. */
    final Instant validFrom =
            LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    final Instant validUntil = validFrom.plus(Duration.ofDays(3650));
    final Instant expiredOn = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

    final HeldCertificate ca = new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("Probebook Test CA")
            .validityInterval(validFrom.toEpochMilli(), validUntil.toEpochMilli())
            .build();

    final HeldCertificate valid = new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName("127.0.0.1")
            .validityInterval(validFrom.toEpochMilli(), validUntil.toEpochMilli())
            .signedBy(ca)
            .build();

    final HeldCertificate expired = new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .validityInterval(expiredOn.minus(Duration.ofDays(90)).toEpochMilli(), expiredOn.toEpochMilli())
            .signedBy(ca)
            .build();

    final HeldCertificate wrongHost = new HeldCertificate.Builder()
            .commonName("other.example")
            .addSubjectAlternativeName("other.example")
            .addSubjectAlternativeName("www.other.example")
            .validityInterval(validFrom.toEpochMilli(), validUntil.toEpochMilli())
            .signedBy(ca)
            .build();

    final HeldCertificate selfSigned = new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .validityInterval(validFrom.toEpochMilli(), validUntil.toEpochMilli())
            .build();

    /** Expired, self-signed, and itself in the CA file: the JDK accepts it, curl does not. */
    final HeldCertificate expiredTrustedSelfSigned = new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .validityInterval(expiredOn.minus(Duration.ofDays(90)).toEpochMilli(), expiredOn.toEpochMilli())
            .build();

    final Path caFile;

    TestPki() throws IOException {
        caFile = Files.createTempFile("probebook-ca", ".pem");
        Files.writeString(caFile, ca.certificatePem() + expiredTrustedSelfSigned.certificatePem());
        caFile.toFile().deleteOnExit();
    }

    /** An https server on 127.0.0.1 presenting {@code cert} (with the CA when it signed it). */
    MockWebServer https(HeldCertificate cert, Protocol... protocols) throws IOException {
        HandshakeCertificates.Builder b = new HandshakeCertificates.Builder();
        if (cert == valid || cert == expired || cert == wrongHost) {
            b.heldCertificate(cert, ca.certificate());
        } else {
            b.heldCertificate(cert);
        }
        MockWebServer server = new MockWebServer();
        server.useHttps(b.build().sslSocketFactory());
        if (protocols.length > 0) {
            server.setProtocols(List.of(protocols));
        }
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    static MockWebServer http() throws IOException {
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }
}
