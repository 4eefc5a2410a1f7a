package dev.probebook.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okio.Buffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** curl against real loopback HTTP and HTTPS servers: what it prints and what it concludes when things work. */
class HttpProbeTest {

    private static TestPki pki;
    private static ProbeHarness harness;

    @BeforeAll
    static void setUp() throws Exception {
        pki = new TestPki();
        Path hosts = Files.createTempFile("hosts", "");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
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
                "10s"));
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Server", "nginx/1.27.2")
                .addHeader("Content-Type", "text/plain")
                .body(body)
                .build();
    }

    @Test
    void verboseHttpsPrintsCurlsConnectionTlsAndExchangeLines() throws Exception {
        try (MockWebServer server = pki.https(pki.valid, Protocol.HTTP_1_1)) {
            server.enqueue(ok("hello\n"));
            int port = server.getPort();
            RunResult r = harness.run("curl -v https://localhost:" + port + "/");

            assertThat(r.output())
                    .containsSubsequence(
                            "*   Trying 127.0.0.1:" + port + "...",
                            "* Connected to localhost (127.0.0.1) port " + port,
                            "* ALPN: curl offers h2,http/1.1");
            assertThat(r.output()).anyMatch(l -> l.matches("\\* SSL connection using TLSv1\\.[23] / TLS_\\w+"));
            assertThat(r.output())
                    .containsSubsequence(
                            "* ALPN: server accepted http/1.1",
                            "* Server certificate:",
                            "*  subject: CN=localhost",
                            "*  start date: " + CertificateInfo.curlDate(pki.validFrom),
                            "*  expire date: " + CertificateInfo.curlDate(pki.validUntil),
                            "*  subjectAltName: host \"localhost\" matched cert's \"localhost\"",
                            "*  issuer: CN=Probebook Test CA",
                            "*  SSL certificate verify ok.",
                            "> GET / HTTP/1.1",
                            "> Host: localhost:" + port,
                            "> User-Agent: curl/8.5.0 (probebook)",
                            "> Accept: */*",
                            "> ",
                            "< HTTP/1.1 200 OK",
                            "< Server: nginx/1.27.2",
                            "< Content-Type: text/plain",
                            "< Content-Length: 6",
                            "< ",
                            "hello",
                            "* Connection #0 to host localhost left intact");
            assertThat(CertificateInfo.curlDate(pki.validFrom)).matches("Jan  1 00:00:00 \\d{4} GMT");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary()).contains("answered HTTP 200 OK").contains("reachable");

            HttpDetails d = (HttpDetails) r.details();
            assertThat(d.status()).isEqualTo(200);
            assertThat(d.httpVersion()).isEqualTo("HTTP/1.1");
            assertThat(d.remoteIp()).isEqualTo("127.0.0.1");
            assertThat(d.remotePort()).isEqualTo(port);
            assertThat(d.size()).isEqualTo(6);
            assertThat(d.certificate().verified()).isTrue();
            assertThat(d.certificate().subjectAltNames()).containsExactly("localhost", "127.0.0.1");
            assertThat(d.certificate().daysLeft()).isGreaterThan(300);
            HttpDetails.Timings t = d.timings();
            assertThat(t.namelookup()).isLessThanOrEqualTo(t.connect());
            assertThat(t.connect()).isLessThanOrEqualTo(t.appconnect());
            assertThat(t.appconnect()).isLessThanOrEqualTo(t.starttransfer());
            assertThat(t.starttransfer()).isLessThanOrEqualTo(t.total());
            assertThat(t.appconnect()).isPositive();

            RecordedRequest req = server.takeRequest();
            assertThat(req.getHeaders().get("User-Agent")).isEqualTo("curl/8.5.0 (probebook)");
            assertThat(req.getHeaders().get("Accept-Encoding")).isNull();
            assertThat(req.getHeaders().get("Accept")).isEqualTo("*/*");
        }
    }

    @Test
    void http2IsNegotiatedLikeCurl() throws Exception {
        try (MockWebServer server = pki.https(pki.valid)) {
            server.enqueue(ok("h2 body\n"));
            RunResult r = harness.run("curl -v https://127.0.0.1:" + server.getPort() + "/x?y=1");
            assertThat(r.output())
                    .containsSubsequence(
                            "* ALPN: server accepted h2",
                            "*  subjectAltName: host \"127.0.0.1\" matched cert's IP address!",
                            "*  SSL certificate verify ok.",
                            "* using HTTP/2",
                            "> GET /x?y=1 HTTP/2",
                            "< HTTP/2 200 ",
                            "h2 body");
            assertThat(r.output())
                    .containsSubsequence(
                            "* ALPN: curl offers h2,http/1.1",
                            "* TLSv1.3 (OUT), TLS handshake, Client hello (1):",
                            "*  CApath: none",
                            "* TLSv1.3 (IN), TLS handshake, Server hello (2):",
                            "* TLSv1.3 (IN), TLS handshake, Certificate (11):",
                            "* TLSv1.3 (OUT), TLS handshake, Finished (20):",
                            "* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384");
            assertThat(((HttpDetails) r.details()).httpVersion()).isEqualTo("HTTP/2");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void headPrintsTheResponseHeadersOnly() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(new MockResponse.Builder()
                    .code(404)
                    .addHeader("Server", "nginx")
                    .build());
            RunResult r = harness.run("curl -I 127.0.0.1:" + server.getPort());
            assertThat(r.output())
                    .containsExactly("HTTP/1.1 404 Client Error", "Content-Length: 0", "Server: nginx", "");
            assertThat(server.takeRequest().getMethod()).isEqualTo("HEAD");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary()).contains("HTTP 404").contains("reachable").contains("the app refuses this request");
        }
    }

    @Test
    void writeOutPrintsCurlsVariables() throws Exception {
        try (MockWebServer server = pki.https(pki.valid, Protocol.HTTP_1_1)) {
            server.enqueue(ok("0123456789"));
            int port = server.getPort();
            String format = "code=%{http_code} dns=%{time_namelookup} tcp=%{time_connect} tls=%{time_appconnect}"
                    + " first=%{time_starttransfer} total=%{time_total} ip=%{remote_ip} port=%{remote_port}"
                    + " size=%{size_download} hsize=%{size_header} url=%{url_effective} redirects=%{num_redirects}"
                    + " type=%{content_type} 100%%\\tend\\n%{http_version}";
            RunResult r = harness.run("curl -s -o /dev/null -w '" + format + "' https://localhost:" + port + "/");
            assertThat(r.output()).hasSize(2);
            Matcher m = Pattern.compile(
                            "code=200 dns=(\\d\\.\\d{6}) tcp=(\\d\\.\\d{6}) tls=(\\d\\.\\d{6}) first=(\\d\\.\\d{6})"
                                    + " total=(\\d\\.\\d{6}) ip=127\\.0\\.0\\.1 port=" + port + " size=10 hsize=(\\d+)"
                                    + " url=https://localhost:" + port + "/ redirects=0 type=text/plain 100%\tend")
                    .matcher(r.output().get(0));
            assertThat(m.matches()).as(r.output().get(0)).isTrue();
            double dns = Double.parseDouble(m.group(1));
            double tcp = Double.parseDouble(m.group(2));
            double tls = Double.parseDouble(m.group(3));
            double first = Double.parseDouble(m.group(4));
            double total = Double.parseDouble(m.group(5));
            assertThat(dns).isLessThanOrEqualTo(tcp);
            assertThat(tcp).isLessThanOrEqualTo(tls);
            assertThat(tls).isLessThanOrEqualTo(first).isPositive();
            assertThat(first).isLessThanOrEqualTo(total);
            assertThat(Integer.parseInt(m.group(6))).isGreaterThan(60);
            assertThat(r.output().get(1)).isEqualTo("1.1");
        }
    }

    @Test
    void theServersWaitBeforeAnsweringIsInTimeStarttransferOverHttp1AndHttp2() throws Exception {
        // the request's write and the answer's reads are timed on the socket: over HTTP/2 okhttp reads on a thread
        // of its own, so this also checks the marks cross threads
        for (Protocol protocol : List.of(Protocol.HTTP_1_1, Protocol.HTTP_2)) {
            try (MockWebServer server =
                    protocol == Protocol.HTTP_2 ? pki.https(pki.valid) : pki.https(pki.valid, Protocol.HTTP_1_1)) {
                server.enqueue(new MockResponse.Builder()
                        .code(200)
                        .body("late\n")
                        .headersDelay(300, java.util.concurrent.TimeUnit.MILLISECONDS)
                        .build());
                RunResult r = harness.run("curl -s -o /dev/null -w '%{time_appconnect} %{time_starttransfer}"
                        + " %{time_total} %{http_version}' https://localhost:" + server.getPort() + "/");
                String[] f = r.output().get(0).split(" ");
                double tls = Double.parseDouble(f[0]);
                double first = Double.parseDouble(f[1]);
                double total = Double.parseDouble(f[2]);
                assertThat(f[3]).isEqualTo(protocol == Protocol.HTTP_2 ? "2" : "1.1");
                assertThat(first - tls).as(protocol + ": " + r.output()).isGreaterThanOrEqualTo(0.29);
                assertThat(first).isLessThan(3);
                assertThat(total).isGreaterThanOrEqualTo(first).isLessThan(first + 1);
            }
        }
    }

    @Test
    void seedRunbooksHttpCodeLinePrints200n() throws Exception {
        try (MockWebServer server = pki.https(pki.valid)) {
            server.enqueue(ok("body that is discarded\n"));
            // The shell removes the backslash of the unquoted \n: curl gets %{http_code}n.
            RunResult r =
                    harness.run("curl -o /dev/null -s -w \"%{http_code}\"\\n https://localhost:" + server.getPort());
            assertThat(r.output()).containsExactly("200n");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void writeOutWarnsAboutUnknownVariablesAndFollowsTheBody() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(ok("hello"));
            RunResult r = harness.run("curl -s -w '%{nope}[%{http_code}]' http://127.0.0.1:" + server.getPort() + "/");
            // One terminal: the body has no final newline, so curl's warning (stderr) and then -w continue its line.
            assertThat(r.output()).containsExactly("hellocurl: unknown --write-out variable: 'nope'", "[200]");
        }
    }

    @Test
    void serverErrorIsAWarningReachableButTheAppFails() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(new MockResponse.Builder().code(503).body("down\n").build());
            RunResult r = harness.run("curl http://127.0.0.1:" + server.getPort() + "/health");
            assertThat(r.output()).containsExactly("down");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .contains("reachable")
                    .contains("application fails")
                    .contains("503");
        }
    }

    @Test
    void locationFollowsRedirectsAndCountsThem() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            int port = server.getPort();
            server.enqueue(new MockResponse.Builder()
                    .code(302)
                    .addHeader("Location", "/next")
                    .build());
            server.enqueue(ok("done\n"));
            RunResult r = harness.run(
                    "curl -sSL -w '%{num_redirects} %{url_effective} %{http_code} %{num_connects}' http://127.0.0.1:"
                            + port + "/start");
            // the second request reuses the first connection, as curl does
            assertThat(r.output()).containsExactly("done", "1 http://127.0.0.1:" + port + "/next 200 1");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            HttpDetails d = (HttpDetails) r.details();
            assertThat(d.redirects())
                    .containsExactly(new HttpDetails.Redirect(
                            302, "http://127.0.0.1:" + port + "/start", "http://127.0.0.1:" + port + "/next"));
            assertThat(server.takeRequest().getTarget()).isEqualTo("/start");
            assertThat(server.takeRequest().getTarget()).isEqualTo("/next");

            server.enqueue(new MockResponse.Builder()
                    .status("HTTP/1.1 301 Moved Permanently")
                    .addHeader("Location", "https://example.invalid/")
                    .build());
            RunResult notFollowed = harness.run("curl -v http://127.0.0.1:" + port + "/old");
            assertThat(notFollowed.output()).contains("< HTTP/1.1 301 Moved Permanently");
            assertThat(notFollowed.verdict()).isEqualTo(Verdict.OK);
            assertThat(notFollowed.summary())
                    .contains("redirects to https://example.invalid/")
                    .contains("add -L");
        }
    }

    @Test
    void outputFileIsCountedButNeverWritten() throws Exception {
        Path dir = Files.createTempDirectory("curl-o");
        Path target = dir.resolve("page.html");
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(ok("<html>12345</html>\n"));
            RunResult r = harness.run(
                    "curl -o " + target + " -w '%{size_download}' http://127.0.0.1:" + server.getPort() + "/");
            assertThat(Files.exists(target)).isFalse();
            assertThat(r.output())
                    .containsExactly(
                            "* Probebook: not saved to '" + target
                                    + "': the body (19 bytes) was counted, not written (probes never write files on this server)",
                            "19");
            assertThat(((HttpDetails) r.details()).notSavedTo()).isEqualTo(target.toString());
            assertThat(r.summary()).contains("was not saved");
        } finally {
            Files.deleteIfExists(target);
            Files.delete(dir);
        }
    }

    @Test
    void resolvePinsANameToAnAddress() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(ok("pinned\n"));
            int port = server.getPort();
            RunResult r =
                    harness.run("curl -v --resolve probe.test:" + port + ":127.0.0.1 http://probe.test:" + port + "/");
            assertThat(r.output())
                    .containsSubsequence(
                            "* Added probe.test:" + port + ":127.0.0.1 to DNS cache",
                            "* Hostname probe.test was found in DNS cache",
                            "*   Trying 127.0.0.1:" + port + "...",
                            "* Connected to probe.test (127.0.0.1) port " + port,
                            "> Host: probe.test:" + port,
                            "pinned");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(server.takeRequest().getHeaders().get("Host")).isEqualTo("probe.test:" + port);
        }
    }

    @Test
    void headersMethodAndDataAreSentLikeCurl() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(ok("created\n"));
            RunResult r = harness.run("curl -v -XPUT -H 'X-Trace: abc' -H 'Accept:' -d 'a=1' -d b=2 http://127.0.0.1:"
                    + server.getPort() + "/items");
            assertThat(r.output())
                    .containsSubsequence(
                            "> PUT /items HTTP/1.1",
                            "> Host: 127.0.0.1:" + server.getPort(),
                            "> User-Agent: curl/8.5.0 (probebook)",
                            "> X-Trace: abc",
                            "> Content-Length: 7",
                            "> Content-Type: application/x-www-form-urlencoded",
                            "> ",
                            "* upload completely sent off: 7 bytes");
            assertThat(r.output()).noneMatch(l -> l.startsWith("> Accept:"));
            RecordedRequest req = server.takeRequest();
            assertThat(req.getMethod()).isEqualTo("PUT");
            assertThat(req.getBody().utf8()).isEqualTo("a=1&b=2");
            assertThat(req.getHeaders().get("Accept")).isNull();
        }
    }

    @Test
    void binaryBodyIsWithheldWithCurlsWarning() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(new MockResponse.Builder()
                    .body(new Buffer().write(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 1}))
                    .build());
            server.enqueue(new MockResponse.Builder()
                    .body(new Buffer().write(new byte[] {0x41, 0, 0x42}))
                    .build());
            int port = server.getPort();
            RunResult r = harness.run("curl http://127.0.0.1:" + port + "/file.zip");
            assertThat(r.output())
                    .containsExactly(
                            "Warning: Binary output can mess up your terminal. Use \"--output -\" to tell",
                            "Warning: curl to output it to your terminal anyway, or consider \"--output",
                            "Warning: <FILE>\" to save to a file.");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary()).contains("binary");

            RunResult forced = harness.run("curl -so - http://127.0.0.1:" + port + "/bin");
            assertThat(forced.output()).hasSize(1).first().asString().startsWith("A");
        }
    }

    @Test
    void bodyOutputIsBoundedButFullyCounted() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            StringBuilder big = new StringBuilder();
            for (int i = 0; i < 20_000; i++) {
                big.append("line ").append(i).append('\n');
            }
            server.enqueue(ok(big.toString()));
            ProbeHarness small = new ProbeHarness(Map.of("probebook.output.max-lines", "100"));
            RunResult r = small.run("curl -w '%{size_download}' http://127.0.0.1:" + server.getPort() + "/");
            assertThat(r.truncated()).isTrue();
            assertThat(r.output()).startsWith("line 0", "line 1");
            assertThat(((HttpDetails) r.details()).size()).isEqualTo(big.length());
        }
    }

    @Test
    void urlsWithoutSchemeAreHttp() throws Exception {
        try (MockWebServer server = TestPki.http()) {
            server.enqueue(ok("plain\n"));
            RunResult r = harness.run("curl -s localhost:" + server.getPort() + "/p");
            assertThat(r.output()).containsExactly("plain");
            assertThat(((HttpDetails) r.details()).effectiveUrl())
                    .isEqualTo("http://localhost:" + server.getPort() + "/p");
        }
    }

    @Test
    void insecureAcceptsAnUntrustedCertificateButWarns() throws Exception {
        try (MockWebServer server = pki.https(pki.selfSigned, Protocol.HTTP_1_1)) {
            server.enqueue(ok("inside\n"));
            RunResult r = harness.run("curl -vk https://localhost:" + server.getPort() + "/");
            assertThat(r.output())
                    .containsSubsequence(
                            "* Server certificate:",
                            "*  subject: CN=localhost",
                            "*  issuer: CN=localhost",
                            "*  SSL certificate verify result: self-signed certificate (18), continuing anyway.",
                            "< HTTP/1.1 200 OK",
                            "inside");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary())
                    .contains("answered HTTP 200")
                    .contains("self-signed certificate")
                    .contains("without -k");
            assertThat(((HttpDetails) r.details()).certificate().verified()).isFalse();
        }
    }

    @Test
    void insecureSkipsTheHostNameCheck() throws Exception {
        try (MockWebServer server = pki.https(pki.wrongHost, Protocol.HTTP_1_1)) {
            server.enqueue(ok("ok\n"));
            RunResult r = harness.run("curl -k https://localhost:" + server.getPort() + "/");
            assertThat(r.output()).containsExactly("ok");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary()).contains("no alternative certificate subject name matches");
        }
    }

    @Test
    void inputsWithPlaceholdersParseInTemplateMode() throws Exception {
        HttpProbe probe = new HttpProbe();
        CurlCommand c = probe.parse("curl", new Args(List.of("-v", "https://IP또는도메인:포트"), Args.Mode.TEMPLATE));
        assertThat(c.verbose()).isTrue();
        assertThat(c.url().https()).isTrue();
        var args = new Args(List.of("-I", "https://ip:port"), Args.Mode.TEMPLATE);
        probe.parse("curl", args);
        assertThat(args.informalPlaceholders()).extracting(p -> p.variable()).containsExactly("ip", "port");
    }

    @Test
    void seedRunbookCurlLinesAreRecognised() throws Exception {
        var registry = ProbeRegistry.standard();
        Map<String, String> expected = Map.of(
                "curl ifconfig.me", "public-ip",
                "curl -v https://IP또는도메인:포트", "http",
                "curl -I https://IP또는도메인:포트", "http",
                "curl -o /dev/null -s -w \"%{http_code}\"\\n https://IP또는도메인:포트", "http");
        for (var e : expected.entrySet()) {
            var line = ShellLine.parse(e.getKey());
            var recognised =
                    registry.recognise(line.words(), Args.Mode.TEMPLATE).orElseThrow();
            assertThat(recognised.command().probeName()).as(e.getKey()).isEqualTo(e.getValue());
        }
        var line = ShellLine.parse("curl -o /dev/null -s -w \"%{http_code}\"\\n https://IP또는도메인:포트");
        CurlCommand c = (CurlCommand) registry.recognise(line.words(), Args.Mode.TEMPLATE)
                .orElseThrow()
                .command()
                .command();
        assertThat(c.writeOut()).isEqualTo("%{http_code}n");
        assertThat(c.output()).isInstanceOf(CurlCommand.BodyOutput.Discard.class);
    }
}
