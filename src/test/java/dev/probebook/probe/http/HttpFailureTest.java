package dev.probebook.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** curl's failures against real loopback peers: each prints curl's error and a verdict that says where it breaks. */
class HttpFailureTest {

    private static TestPki pki;
    private static ProbeHarness harness;

    @BeforeAll
    static void setUp() throws Exception {
        pki = new TestPki();
        Path hosts = Files.createTempFile("hosts", "");
        Files.writeString(hosts, "127.0.0.1 localhost\n169.254.169.254 metadata.test\n");
        hosts.toFile().deleteOnExit();
        harness = new ProbeHarness(Map.of(
                "probebook.hosts-file",
                hosts.toString(),
                "probebook.dns.servers",
                "127.0.0.1:" + LoopbackServers.closedPort(),
                "probebook.dns.timeout",
                "300ms",
                "probebook.http.ca-file",
                pki.caFile.toString(),
                "probebook.http.max-time",
                "5s"));
    }

    @Test
    void refusedPortIsCurlError7AndAFirewallOrListenerProblem() throws Exception {
        int port = LoopbackServers.closedPort();
        RunResult r = harness.run("curl -v http://localhost:" + port + "/");
        assertThat(r.output())
                .startsWith(
                        "*   Trying 127.0.0.1:" + port + "...",
                        "* connect to 127.0.0.1 port " + port + " failed: Connection refused");
        assertThat(r.output())
                .last()
                .asString()
                .matches("curl: \\(7\\) Failed to connect to localhost port " + port
                        + " after \\d+ ms: Couldn't connect to server"); // curl 7.87 and later
        assertThat(r.output()).contains("* Closing connection");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .contains("refused")
                .contains("nothing listens on " + port)
                .contains("Allow port " + port + " (the :" + port + " in the URL)")
                .contains("/etc/hosts");
        assertThat(((HttpDetails) r.details()).exitCode()).isEqualTo(7);

        assertThat(harness.run("curl -s http://127.0.0.1:" + port + "/").output())
                .isEmpty();
        assertThat(harness.run("curl -sS http://127.0.0.1:" + port + "/").output())
                .singleElement()
                .asString()
                .startsWith("curl: (7) ");
        RunResult code = harness.run("curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:" + port + "/");
        assertThat(code.output()).containsExactly("000");
    }

    @Test
    void droppedSynTimesOutWithCurlError28() throws Exception {
        try (var drop = new LoopbackServers.Drop()) {
            RunResult r = harness.run("curl -v --connect-timeout 1 http://127.0.0.1:" + drop.port() + "/");
            assertThat(r.output())
                    .contains("* ipv4 connect timeout after 1000ms, move on!")
                    .last()
                    .asString()
                    .matches("curl: \\(28\\) Failed to connect to 127\\.0\\.0\\.1 port " + drop.port()
                            + " after \\d+ ms: Timeout was reached");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .startsWith("timed out connecting to 127.0.0.1 port " + drop.port())
                    .contains("SYN was dropped")
                    .contains("firewall")
                    .contains("VIP");
            assertThat(r.elapsedMs()).isBetween(900L, 4000L);
        }
    }

    @Test
    void aConnectCutShortByMaxTimeSaysSoLikeCurl() throws Exception {
        try (var drop = new LoopbackServers.Drop()) {
            RunResult r = harness.run("curl -v -m 1 http://127.0.0.1:" + drop.port() + "/");
            assertThat(r.output())
                    .containsExactly(
                            "*   Trying 127.0.0.1:" + drop.port() + "...",
                            r.output().get(1),
                            "* Closing connection",
                            r.output().get(3));
            assertThat(r.output().get(1)).matches("\\* Connection timed out after \\d+ milliseconds");
            assertThat(r.output().get(3)).matches("curl: \\(28\\) Connection timed out after \\d+ milliseconds");
            assertThat(r.summary()).startsWith("timed out connecting to 127.0.0.1 port " + drop.port());
            HttpDetails d = (HttpDetails) r.details();
            assertThat(d.timings().connect()).isZero(); // the bar shows an unfinished connect, not a transfer
        }
    }

    @Test
    void unknownHostIsCurlError6() throws Exception {
        RunResult r = harness.run("curl -v http://no-such-host.invalid/");
        assertThat(r.output())
                .containsExactly(
                        "* Could not resolve host: no-such-host.invalid",
                        "* Closing connection",
                        "curl: (6) Could not resolve host: no-such-host.invalid");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("cannot resolve no-such-host.invalid").contains("/etc/hosts");
    }

    @Test
    void expiredCertificateIsCurlError60WithItsDetailsShown() throws Exception {
        try (MockWebServer server = pki.https(pki.expired)) {
            RunResult r = harness.run("curl -v https://localhost:" + server.getPort() + "/");
            assertThat(r.output())
                    .containsSubsequence(
                            "* TLSv1.3 (OUT), TLS handshake, Client hello (1):",
                            "* TLSv1.3 (IN), TLS handshake, Server hello (2):",
                            "* TLSv1.3 (IN), TLS handshake, Certificate (11):",
                            "* TLSv1.3 (OUT), TLS alert, certificate expired (557):",
                            "* Server certificate:",
                            "*  subject: CN=localhost",
                            "*  expire date: " + CertificateInfo.curlDate(pki.expiredOn),
                            "*  issuer: CN=Probebook Test CA",
                            "* SSL certificate problem: certificate has expired",
                            "* Closing connection",
                            "curl: (60) SSL certificate problem: certificate has expired",
                            "More details here: https://curl.se/docs/sslcerts.html");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("expired on " + pki.expiredOn).contains("renew the server certificate");
            HttpDetails.Certificate c = ((HttpDetails) r.details()).certificate();
            assertThat(c.daysLeft()).isNegative();
            assertThat(c.verified()).isFalse();
            assertThat(c.problem()).isEqualTo("certificate has expired");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void expiredSelfSignedCertificateIsRejectedEvenWhenTrusted() throws Exception {
        // The JDK does not check a trust anchor's dates; curl (OpenSSL) does, and so do we.
        try (MockWebServer server = pki.https(pki.expiredTrustedSelfSigned)) {
            RunResult r = harness.run("curl https://localhost:" + server.getPort() + "/");
            assertThat(r.output()).first().isEqualTo("curl: (60) SSL certificate problem: certificate has expired");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("renew the server certificate");
        }
    }

    @Test
    void selfSignedCertificateIsCurlError60() throws Exception {
        try (MockWebServer server = pki.https(pki.selfSigned)) {
            RunResult r = harness.run("curl -v https://localhost:" + server.getPort() + "/");
            assertThat(r.output())
                    .containsSubsequence(
                            "*  subject: CN=localhost",
                            "*  issuer: CN=localhost",
                            "curl: (60) SSL certificate problem: self-signed certificate");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .contains("not trusted")
                    .contains("self-signed")
                    .contains("-k");
        }
    }

    @Test
    void certificateFromAnUnknownIssuerIsCurlError60() throws Exception {
        ProbeHarness withoutCa = new ProbeHarness(Map.of("probebook.http.max-time", "5s"));
        try (MockWebServer server = pki.https(pki.valid)) {
            RunResult r = withoutCa.run("curl https://127.0.0.1:" + server.getPort() + "/");
            assertThat(r.output())
                    .first()
                    .asString()
                    .isIn(
                            "curl: (60) SSL certificate problem: unable to get local issuer certificate",
                            "curl: (60) SSL certificate problem: self-signed certificate in certificate chain");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("Trust its CA");
        }
    }

    @Test
    void certificateForAnotherHostIsCurlError60NamingItsNames() throws Exception {
        try (MockWebServer server = pki.https(pki.wrongHost)) {
            RunResult r = harness.run("curl -v https://localhost:" + server.getPort() + "/");
            assertThat(r.output())
                    .containsSubsequence(
                            "*  subject: CN=other.example",
                            "*  subjectAltName does not match localhost",
                            "curl: (60) SSL: no alternative certificate subject name matches target host name 'localhost'");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("does not name localhost").contains("other.example, www.other.example");
        }
    }

    @Test
    void tlsToAPlainHttpPortIsCurlError35() throws Exception {
        try (RawServer server = new RawServer(RawServer.Mode.ANSWER_AT_ONCE)) {
            RunResult r = harness.run("curl https://127.0.0.1:" + server.port() + "/");
            assertThat(r.output())
                    .containsExactly("curl: (35) TLS connect error: error:0A00010B:SSL routines::wrong version number");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("TLS handshake");
        }
    }

    @Test
    void connectionClosedWithoutAnswerIsCurlError52() throws Exception {
        try (RawServer server = new RawServer(RawServer.Mode.CLOSE)) {
            RunResult r = harness.run("curl http://127.0.0.1:" + server.port() + "/");
            assertThat(r.output()).containsExactly("curl: (52) Empty reply from server");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("without an HTTP answer");
        }
    }

    @Test
    void connectionResetIsCurlError56() throws Exception {
        try (RawServer server = new RawServer(RawServer.Mode.RESET)) {
            RunResult r = harness.run("curl http://127.0.0.1:" + server.port() + "/");
            assertThat(r.output()).containsExactly("curl: (56) Recv failure: Connection reset by peer");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("reset");
        }
    }

    @Test
    void redirectToTheMetadataAddressIsRefusedByPolicy() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(new MockResponse.Builder()
                    .code(302)
                    .addHeader("Location", "http://169.254.169.254/latest/meta-data/")
                    .build());
            RunResult r = harness.run("curl -v -L http://127.0.0.1:" + server.getPort() + "/");
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.summary()).contains("169.254.169.254").contains("deny 169.254.0.0/16");
            assertThat(r.output())
                    .contains("* Issue another request to this URL: 'http://169.254.169.254/latest/meta-data/'");
            assertThat(r.output()).noneMatch(l -> l.contains("Trying 169.254"));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void redirectsToDecimalAndShortIpv4FormsOfADeniedAddressAreRefused() throws Exception {
        ProbeHarness denying = new ProbeHarness(Map.of(
                "probebook.policy.deny",
                "127.0.0.2/32",
                "probebook.http.max-time",
                "5s",
                "probebook.dns.servers",
                "127.0.0.1:" + LoopbackServers.closedPort()));
        for (String location : new String[] {"http://2130706434:9/", "http://127.2:9/", "http://127.0.2:9/"}) {
            try (MockWebServer server = TestPki.http()) {
                server.enqueue(new MockResponse.Builder()
                        .code(302)
                        .addHeader("Location", location)
                        .build());
                RunResult r = denying.run("curl -sL http://127.0.0.1:" + server.getPort() + "/");
                assertThat(r.verdict()).as(location).isEqualTo(Verdict.ERROR);
                assertThat(r.summary()).as(location).contains("127.0.0.2").contains("deny 127.0.0.2/32");
            }
        }
    }

    @Test
    void redirectToANameResolvingToADeniedAddressIsRefusedToo() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(new MockResponse.Builder()
                    .code(301)
                    .addHeader("Location", "http://metadata.test/")
                    .build());
            RunResult r = harness.run("curl -sL http://127.0.0.1:" + server.getPort() + "/");
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.summary()).contains("deny 169.254.0.0/16");
            assertThat(r.output()).noneMatch(l -> l.startsWith("curl: (6)"));
        }
    }

    @Test
    void endlessRedirectsStopAtMaxRedirsWithCurlError47() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            for (int i = 0; i < 4; i++) {
                server.enqueue(new MockResponse.Builder()
                        .code(302)
                        .addHeader("Location", "/loop")
                        .build());
            }
            RunResult r = harness.run("curl -L --max-redirs 3 http://127.0.0.1:" + server.getPort() + "/loop");
            assertThat(r.output()).containsExactly("curl: (47) Maximum (3) redirects followed");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("redirect loop");
        }
    }

    @Test
    void maxTimeBoundsASlowAnswer() throws Exception {
        try (MockWebServer server = pki.https(pki.valid, Protocol.HTTP_1_1)) {
            server.enqueue(new MockResponse.Builder()
                    .headersDelay(3, TimeUnit.SECONDS)
                    .body("late")
                    .build());
            RunResult r = harness.run("curl -m 0.5 https://localhost:" + server.getPort() + "/");
            assertThat(r.output())
                    .singleElement()
                    .asString()
                    .matches("curl: \\(28\\) Operation timed out after \\d+ milliseconds with 0 bytes received");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).contains("no HTTP answer").contains("app hangs");
        }
    }

    /**
     * Accepts one connection. CLOSE and RESET read the request, then close it (RESET with SO_LINGER 0, so
     * the peer gets an RST); ANSWER_AT_ONCE sends a plain HTTP answer before reading anything, as a plain
     * HTTP server does to a TLS client hello it cannot parse.
     */
    private static final class RawServer implements AutoCloseable {
        enum Mode {
            CLOSE,
            RESET,
            ANSWER_AT_ONCE
        }

        private final ServerSocket server = new ServerSocket(0, 5, LoopbackServers.loopback());
        private final Thread thread;

        RawServer(Mode mode) throws IOException {
            thread = new Thread(
                    () -> {
                        try (Socket s = server.accept()) {
                            if (mode == Mode.ANSWER_AT_ONCE) {
                                s.getOutputStream()
                                        .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
                                s.getOutputStream().flush();
                                Thread.sleep(500);
                                return;
                            }
                            InputStream in = s.getInputStream();
                            int matched = 0;
                            byte[] end = "\r\n\r\n".getBytes();
                            int b;
                            while (matched < 4 && (b = in.read()) >= 0) {
                                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                            }
                            if (mode == Mode.RESET) {
                                s.setSoLinger(true, 0);
                            }
                        } catch (IOException | InterruptedException ignored) {
                            // the test sees the result on the client side
                        }
                    },
                    "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
