package dev.probebook.probe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.UsageException;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code openssl s_client} against real TLS servers on 127.0.0.1 (MockWebServer with the test PKI's valid, expired,
 * self-signed and wrong-host certificates), a port where nothing listens, a plain-text service and a listener that
 * never answers. Lines are compared with what OpenSSL 3.0's s_client printed against {@code openssl s_server} on
 * loopback.
 */
class OpensslProbeTest {

    private static TestPki pki;
    private static ProbeHarness harness;

    @BeforeAll
    static void setUp() throws Exception {
        pki = new TestPki();
        harness = harness(Map.of());
    }

    private static ProbeHarness harness(Map<String, String> extra) throws Exception {
        Path hosts = Files.createTempFile("hosts", "");
        Files.writeString(hosts, "127.0.0.1 localhost app.lab.test\n");
        hosts.toFile().deleteOnExit();
        Map<String, String> p = new java.util.HashMap<>(Map.of(
                "probebook.hosts-file",
                hosts.toString(),
                "probebook.dns.servers",
                "127.0.0.1:" + LoopbackServers.closedPort(),
                "probebook.dns.timeout",
                "300ms",
                "probebook.http.ca-file",
                pki.caFile.toString()));
        p.putAll(extra);
        return new ProbeHarness(p);
    }

    private static MockWebServer server(HeldCertificate cert) throws Exception {
        return pki.https(cert, Protocol.HTTP_1_1);
    }

    @Test
    void aTrustedChainPrintsTheVerifyLinesTheChainAndReturnCodeZero() throws Exception {
        try (MockWebServer server = server(pki.valid)) {
            int port = server.getPort();
            RunResult r = harness.run("openssl s_client -connect localhost:" + port + " -servername localhost");

            assertThat(r.probe()).isEqualTo("openssl");
            assertThat(r.output())
                    .containsSubsequence(
                            "CONNECTED(00000003)",
                            "depth=1 CN = Probebook Test CA",
                            "verify return:1",
                            "depth=0 CN = localhost",
                            "verify return:1",
                            "---",
                            "Certificate chain",
                            " 0 s:CN = localhost",
                            "   i:CN = Probebook Test CA",
                            " 1 s:CN = Probebook Test CA",
                            "   i:CN = Probebook Test CA",
                            "---",
                            "Server certificate",
                            "-----BEGIN CERTIFICATE-----",
                            "-----END CERTIFICATE-----",
                            "subject=CN = localhost",
                            "issuer=CN = Probebook Test CA",
                            "---",
                            "No client certificate CA names sent",
                            "---",
                            "Verification: OK",
                            "---",
                            "Compression: NONE",
                            "Expansion: NONE",
                            "No ALPN negotiated",
                            "Verify return code: 0 (ok)",
                            "---",
                            "DONE");
            assertThat(r.output())
                    .contains("   v:NotBefore: " + CertificateInfo.curlDate(pki.validFrom) + "; NotAfter: "
                            + CertificateInfo.curlDate(pki.validUntil));
            assertThat(r.output())
                    .anyMatch(
                            l -> l.matches("   a:PKEY: id-ecPublicKey, 256 \\(bit\\); sigalg: " + "ecdsa-with-SHA256"));
            assertThat(r.output()).anyMatch(l -> l.matches("New, TLSv1\\.3, Cipher is TLS_AES_\\d+_GCM_SHA\\d+"));
            assertThat(r.output()).contains("Server public key is 256 bit", "Secure Renegotiation IS NOT supported");
            assertThat(r.output()).filteredOn(l -> l.startsWith("depth=")).hasSize(2);

            assertThat(r.verdict()).as(ProbeHarness.text(r)).isEqualTo(Verdict.OK);
            assertThat(r.summary())
                    .startsWith("TLS to localhost port " + port + " works (TLSv1.3, TLS_AES_")
                    .contains("the certificate (CN=localhost, issued by CN=Probebook Test CA) is trusted and valid"
                            + " until ");
            OpensslDetails d = (OpensslDetails) r.details();
            assertThat(d.verifyCode()).isZero();
            assertThat(d.serverName()).isEqualTo("localhost");
            assertThat(d.chain()).hasSize(2);
            assertThat(d.address()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void anExpiredCertificateIsVerifyErrorTenWithItsEndDateAndFails() throws Exception {
        try (MockWebServer server = server(pki.expired)) {
            int port = server.getPort();
            RunResult r = harness.run("openssl s_client -connect 127.0.0.1:" + port);

            String notAfter = "notAfter=" + CertificateInfo.curlDate(pki.expiredOn);
            assertThat(r.output())
                    .containsSubsequence(
                            "CONNECTED(00000003)",
                            "depth=1 CN = Probebook Test CA",
                            "verify return:1",
                            "depth=0 CN = localhost",
                            "verify error:num=10:certificate has expired",
                            notAfter,
                            "verify return:1",
                            "depth=0 CN = localhost",
                            notAfter,
                            "verify return:1",
                            "Verification error: certificate has expired",
                            "Verify return code: 10 (certificate has expired)",
                            "DONE");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .startsWith("the server certificate of 127.0.0.1 expired on " + pki.expiredOn + " (3 day(s) ago)")
                    .endsWith(": renew the server certificate");
            assertThat(((OpensslDetails) r.details()).verifyCode()).isEqualTo(10);
        }
    }

    @Test
    void aSelfSignedCertificateIsVerifyErrorEighteenAndNotTrusted() throws Exception {
        try (MockWebServer server = server(pki.selfSigned)) {
            RunResult r = harness.run("openssl s_client -connect localhost:" + server.getPort());

            assertThat(r.output())
                    .containsSubsequence(
                            "depth=0 CN = localhost",
                            "verify error:num=18:self-signed certificate",
                            "verify return:1",
                            "depth=0 CN = localhost",
                            "verify return:1",
                            "Certificate chain",
                            " 0 s:CN = localhost",
                            "   i:CN = localhost",
                            "Verification error: self-signed certificate",
                            "Verify return code: 18 (self-signed certificate)");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .startsWith("the server certificate of localhost is not trusted here: self-signed certificate"
                            + " (CN=localhost, issued by CN=localhost). Trust its CA");
        }
    }

    @Test
    void verifyReturnErrorStopsTheHandshakeAtTheBadCertificateAsOpensslDoes() throws Exception {
        try (MockWebServer server = server(pki.selfSigned)) {
            RunResult r = harness.run("openssl s_client -verify_return_error -connect localhost:" + server.getPort());

            assertThat(r.output())
                    .containsSubsequence(
                            "CONNECTED(00000003)",
                            "depth=0 CN = localhost",
                            "verify error:num=18:self-signed certificate");
            assertThat(r.output())
                    .anyMatch(l -> l.matches("[0-9A-F]{16}:error:0A000086:SSL routines:"
                            + "tls_post_process_server_certificate:certificate verify failed:.*"));
            assertThat(r.output())
                    .containsSubsequence(
                            "Certificate chain", "no peer certificate available", "New, (NONE), Cipher is (NONE)");
            assertThat(r.output()).doesNotContain("verify return:1", "DONE", "Server certificate");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("not trusted here: self-signed certificate");
        }
    }

    @Test
    void aCertificateForAnotherNameWorksForSClientButTheVerdictWarns() throws Exception {
        try (MockWebServer server = server(pki.wrongHost)) {
            int port = server.getPort();
            RunResult r = harness.run("openssl s_client -connect 127.0.0.1:" + port + " -servername app.lab.test");

            assertThat(r.output()).contains("Verify return code: 0 (ok)");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .contains(". the certificate of 127.0.0.1 port " + port + " does not name app.lab.test (it names:"
                            + " other.example, www.other.example): use a name the certificate covers, or reissue the"
                            + " certificate with app.lab.test");
        }
    }

    @Test
    void tlsOneTwoPrintsOpensslsCipherNameAndTheSessionBlock() throws Exception {
        try (MockWebServer server = server(pki.valid)) {
            RunResult r = harness.run("openssl s_client -tls1_2 -connect localhost:" + server.getPort());

            assertThat(r.output()).anyMatch(l -> l.matches("New, TLSv1\\.2, Cipher is ECDHE-ECDSA-[A-Z0-9-]+"));
            assertThat(r.output())
                    .containsSubsequence(
                            "No ALPN negotiated",
                            "SSL-Session:",
                            "    Protocol  : TLSv1.2",
                            "    Verify return code:" + " 0 (ok)",
                            "---",
                            "DONE");
            assertThat(r.output()).doesNotContain("Early data was not sent");
            assertThat(((OpensslDetails) r.details()).protocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void showcertsPrintsEveryCertificateOfTheChainAndNotTheServerCertificateAgain() throws Exception {
        try (MockWebServer server = server(pki.valid)) {
            RunResult r = harness.run("openssl s_client -showcerts -connect localhost:" + server.getPort());

            assertThat(r.output())
                    .filteredOn("-----BEGIN CERTIFICATE-----"::equals)
                    .hasSize(2);
            assertThat(r.output()).containsSubsequence("Server certificate", "subject=CN = localhost");
            int header = r.output().indexOf("Server certificate");
            assertThat(r.output().get(header + 1)).isEqualTo("subject=CN = localhost");
        }
    }

    @Test
    void pipedIntoX509ItPrintsOnlyWhatX509Prints() throws Exception {
        try (MockWebServer server = server(pki.valid)) {
            RunResult r = harness.run("echo | openssl s_client -servername localhost -connect localhost:"
                    + server.getPort() + " 2>/dev/null | openssl x509 -noout -dates -subject -checkend 86400");

            assertThat(r.probe()).isEqualTo("openssl");
            assertThat(r.output())
                    .containsExactly(
                            "notBefore=" + CertificateInfo.curlDate(pki.validFrom),
                            "notAfter=" + CertificateInfo.curlDate(pki.validUntil),
                            "subject=CN = localhost",
                            "Certificate will not expire");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void x509ReadsNothingWhenTheHandshakeFailedAndPrintsItsOwnError() throws Exception {
        int closed = LoopbackServers.closedPort();
        RunResult r = harness.run(
                "openssl s_client -connect 127.0.0.1:" + closed + " < /dev/null | openssl x509 -noout -enddate");

        assertThat(r.output()).containsExactly("Could not read certificate from <stdin>", "Unable to load certificate");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).startsWith("connection refused by 127.0.0.1 port " + closed);
    }

    @Test
    void refusedPrintsOpensslsConnectErrorAndTheRunbookMeaning() throws Exception {
        int closed = LoopbackServers.closedPort();
        RunResult r = harness.run("openssl s_client -connect 127.0.0.1:" + closed);

        assertThat(r.output()).hasSize(3);
        assertThat(r.output().get(0))
                .matches("[0-9A-F]{16}:error:8000006F:system library:BIO_connect:Connection refused:"
                        + "\\.\\./crypto/bio/bio_sock2\\.c:117:calling connect\\(\\)");
        assertThat(r.output().get(2)).isEqualTo("connect:errno=111");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .isEqualTo("connection refused by 127.0.0.1 port " + closed + ": nothing listens on that port, or a"
                        + " firewall rejects it. Check the service (ss -tlnp) and allow the port in the firewall");
    }

    @Test
    void aPlainTextServiceIsWrongVersionNumberAndNotTls() throws Exception {
        try (LoopbackServers.Open plain = new LoopbackServers.Open("HTTP/1.1 400 Bad Request\r\n\r\n")) {
            RunResult r = harness.run("openssl s_client -connect 127.0.0.1:" + plain.port());

            assertThat(r.output()).first().isEqualTo("CONNECTED(00000003)");
            assertThat(r.output())
                    .anyMatch(l -> l.endsWith(":error:0A00010B:SSL routines:ssl3_get_record:wrong version number:"
                            + "../ssl/record/ssl3_record.c:354:"));
            assertThat(r.output()).contains("no peer certificate available", "New, (NONE), Cipher is (NONE)");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .isEqualTo("127.0.0.1 port " + plain.port() + " answers, but not with TLS: a plain-text service"
                            + " listens there (http?), or it is the wrong port");
        }
    }

    @Test
    void aServiceThatNeverAnswersTheClientHelloTimesOutWithinTheRunsLimit() throws Exception {
        ProbeHarness quick = harness(Map.of("probebook.probe-timeout", "1s"));
        try (LoopbackServers.Open silent = new LoopbackServers.Open(null)) {
            RunResult r = quick.run("openssl s_client -connect 127.0.0.1:" + silent.port());

            assertThat(r.verdict()).as(ProbeHarness.text(r)).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .startsWith("connected to 127.0.0.1 port " + silent.port() + ", but no TLS answer within")
                    .endsWith("the network path is open; the service hangs or waits for the client to speak first");
            assertThat(r.elapsedMs()).isLessThan(5_000);
        }
    }

    @Test
    void unknownOptionsAreUsageErrorsAndOtherOpensslCommandsAreNotRun() throws Exception {
        assertThatThrownBy(() -> harness.run("openssl s_client -connect 127.0.0.1:443 -starttls smtp"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("openssl s_client: unsupported option -starttls")
                .hasMessageContaining("-connect HOST:PORT");
        assertThatThrownBy(() -> harness.run("openssl s_client -showcerts"))
                .hasMessageContaining("give the server: -connect HOST:PORT");
        assertThatThrownBy(() -> harness.run("openssl s_client -connect 127.0.0.1:443 | openssl x509 -text"))
                .hasMessageContaining("openssl x509: unsupported option -text");

        RunResult x509 = harness.run("openssl x509 -in cert.pem -noout -dates");
        assertThat(x509.probe()).isNotEqualTo("openssl");
        assertThat(x509.summary()).contains("not built in");
    }

    @Test
    void cipherNamesAreOpensslsForTlsOneTwo() {
        assertThat(OpensslText.cipher("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"))
                .isEqualTo("ECDHE-RSA-AES256-GCM-SHA384");
        assertThat(OpensslText.cipher("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
                .isEqualTo("ECDHE-ECDSA-AES128-GCM-SHA256");
        assertThat(OpensslText.cipher("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"))
                .isEqualTo("ECDHE-RSA-CHACHA20-POLY1305");
        assertThat(OpensslText.cipher("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")).isEqualTo("ECDHE-RSA-AES128-SHA256");
        assertThat(OpensslText.cipher("TLS_RSA_WITH_AES_256_CBC_SHA")).isEqualTo("AES256-SHA");
        assertThat(OpensslText.cipher("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")).isEqualTo("DHE-RSA-AES128-GCM-SHA256");
        assertThat(OpensslText.cipher("TLS_AES_256_GCM_SHA384")).isEqualTo("TLS_AES_256_GCM_SHA384");
    }
}
