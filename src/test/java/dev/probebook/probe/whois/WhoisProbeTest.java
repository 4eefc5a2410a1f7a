package dev.probebook.probe.whois;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.UsageException;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * whois against three whois servers of the test's own on 127.0.0.1-3 (one port number for all, as port 43 is for
 * the real ones): an IANA-like server that refers, a registry, and a registrar; the names of the servers come from
 * a hosts file, so nothing is looked up and nothing leaves the machine. The queries are only text sent to them.
 */
class WhoisProbeTest {

    private final List<WhoisServer> servers = new ArrayList<>();
    private final Map<String, Function<String, byte[]>> answers = new ConcurrentHashMap<>();
    private int port;
    private ProbeHarness harness;

    /** A whois server on {@code address:port}: reads one line, answers with the bytes its function gives, closes. */
    private final class WhoisServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<String> queries = new ArrayList<>();

        WhoisServer(String address, int port) throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            Thread t = new Thread(() -> serve(address), "whois-" + address);
            t.setDaemon(true);
            t.start();
        }

        private void serve(String address) {
            while (!socket.isClosed()) {
                try (Socket c = socket.accept()) {
                    InputStream in = c.getInputStream();
                    StringBuilder q = new StringBuilder();
                    int b;
                    while ((b = in.read()) >= 0 && b != '\n') {
                        q.append((char) b);
                    }
                    String query = q.toString().strip();
                    synchronized (queries) {
                        queries.add(query);
                    }
                    OutputStream out = c.getOutputStream();
                    out.write(answers.getOrDefault(address, x -> new byte[0]).apply(query));
                    out.flush();
                } catch (IOException e) {
                    // closed
                }
            }
        }

        List<String> queries() {
            synchronized (queries) {
                return List.copyOf(queries);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        for (int attempt = 0; servers.isEmpty() && attempt < 20; attempt++) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                port = probe.getLocalPort();
            }
            try {
                for (String a : List.of("127.0.0.1", "127.0.0.2", "127.0.0.3")) {
                    servers.add(new WhoisServer(a, port));
                }
            } catch (BindException taken) {
                for (WhoisServer s : servers) {
                    s.close();
                }
                servers.clear();
            }
        }
        assertThat(servers).hasSize(3);
        Path hosts = Files.createTempFile("hosts", "");
        Files.writeString(
                hosts, "127.0.0.1 whois.iana.test\n127.0.0.2 whois.registry.test\n127.0.0.3 whois.registrar.test\n");
        hosts.toFile().deleteOnExit();
        harness = new ProbeHarness(Map.of(
                "probebook.hosts-file",
                hosts.toString(),
                "probebook.dns.servers",
                "127.0.0.1:" + LoopbackServers.closedPort(),
                "probebook.dns.timeout",
                "300ms",
                "probebook.whois.server",
                "whois.iana.test",
                "probebook.whois.port",
                String.valueOf(port),
                "probebook.whois.timeout",
                "2s"));
        answers.put(
                "127.0.0.1",
                q -> text("% IANA WHOIS server\n\nrefer:        whois.registry.test\n\ndomain:" + "       TEST\n"));
    }

    @AfterEach
    void stop() throws IOException {
        for (WhoisServer s : servers) {
            s.close();
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String inDays(long days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    private void registryReferringTo(String registrarServer, String expiry) {
        answers.put(
                "127.0.0.2",
                q -> text("   Domain Name: " + q.toUpperCase() + "\n"
                        + "   Registrar WHOIS Server: " + registrarServer + "\n"
                        + "   Registry Expiry Date: " + expiry + "T04:00:00Z\n"
                        + "   Name Server: NS1.EXAMPLE.TEST\n   Name Server: NS2.EXAMPLE.TEST\n"));
    }

    @Test
    void aDomainIsAskedOfIanaThenTheRegistryThenTheRegistrar() throws Exception {
        String expiry = inDays(200);
        registryReferringTo("whois.registrar.test", expiry);
        answers.put(
                "127.0.0.3",
                q -> text("Domain Name: " + q + "\nRegistrar: Example Registrar, Inc.\n"
                        + "Registrar Registration Expiration Date: " + expiry + "T04:00:00Z\n"));

        RunResult r = harness.run("whois example.test");

        assertThat(servers.get(0).queries()).containsExactly("example.test");
        assertThat(servers.get(1).queries()).containsExactly("example.test");
        assertThat(servers.get(2).queries()).containsExactly("example.test");
        assertThat(r.output()).noneMatch(l -> l.startsWith("refer:")); // IANA's answer is not shown
        assertThat(r.output())
                .containsExactly(
                        "   Domain Name: EXAMPLE.TEST",
                        "   Registrar WHOIS Server: whois.registrar.test",
                        "   Registry Expiry Date: " + expiry + "T04:00:00Z",
                        "   Name Server: NS1.EXAMPLE.TEST",
                        "   Name Server: NS2.EXAMPLE.TEST",
                        "Domain Name: example.test",
                        "Registrar: Example Registrar, Inc.",
                        "Registrar Registration Expiration Date: " + expiry + "T04:00:00Z");
        assertThat(r.verdict()).as(ProbeHarness.text(r)).isEqualTo(Verdict.OK);
        assertThat(r.summary())
                .isEqualTo("example.test is registered with Example Registrar, Inc. until " + expiry
                        + " (200 day(s) left); name servers: ns1.example.test, ns2.example.test");
        WhoisDetails d = (WhoisDetails) r.details();
        assertThat(d.servers()).containsExactly("whois.iana.test", "whois.registry.test", "whois.registrar.test");
        assertThat(d.daysLeft()).isEqualTo(200);
    }

    @Test
    void aRegistrationEndingSoonWarnsAndAnEndedOneFails() throws Exception {
        registryReferringTo("whois.registry.test", inDays(12)); // points at itself: no registrar hop
        RunResult soon = harness.run("whois example.test");
        assertThat(soon.verdict()).isEqualTo(Verdict.WARN);
        assertThat(soon.summary())
                .endsWith("(12 day(s) left); name servers: ns1.example.test, ns2.example.test. It expires in 12 day(s):"
                        + " renew the registration before it stops resolving");

        registryReferringTo("whois.registry.test", inDays(-3));
        RunResult ended = harness.run("whois example.test");
        assertThat(ended.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ended.summary())
                .isEqualTo("example.test expired on " + inDays(-3) + " (3 day(s) ago): the registrar may stop"
                        + " resolving it or release it. Renew it now");
    }

    @Test
    void aNameNobodyRegisteredFails() throws Exception {
        answers.put(
                "127.0.0.2",
                q -> text("No match for \"" + q.toUpperCase() + "\".\n>>> Last update of whois"
                        + " database: 2026-12-07T00:00:00Z <<<\n"));

        RunResult r = harness.run("whois nope-nope.test");

        assertThat(r.output()).first().isEqualTo("No match for \"NOPE-NOPE.TEST\".");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .isEqualTo("nope-nope.test is not registered: whois.registry.test has no record of it. Check the"
                        + " spelling; a name nobody registered resolves nowhere");
    }

    @Test
    void aNamedServerIsAskedAloneAndAnArinReferralIsFollowedAsWhoisPrintsIt() throws Exception {
        answers.put(
                "127.0.0.2",
                q -> text("NetRange:       8.8.4.0 - 8.8.4.255\nReferralServer: whois://127.0.0.3:" + port + "\n"));
        answers.put(
                "127.0.0.3",
                q -> text(
                        "inetnum: 8.8.4.0 - 8.8.4.255\nnetname: EXAMPLE-NET\ndescr: Example Org\n" + "country: KR\n"));

        RunResult r = harness.run("whois -h whois.registry.test 8.8.4.4");

        assertThat(servers.get(0).queries()).isEmpty(); // -h: IANA is not asked
        assertThat(r.output())
                .containsExactly(
                        "NetRange:       8.8.4.0 - 8.8.4.255",
                        "ReferralServer: whois://127.0.0.3:" + port,
                        "",
                        "",
                        "Found a referral to 127.0.0.3:" + port + ".",
                        "",
                        "inetnum: 8.8.4.0 - 8.8.4.255",
                        "netname: EXAMPLE-NET",
                        "descr: Example Org",
                        "country: KR");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary())
                .isEqualTo("8.8.4.4 is in EXAMPLE-NET (8.8.4.0 - 8.8.4.255), held by Example Org," + " country KR");
    }

    @Test
    void theKoreanRegistrysAnswerInEucKrIsReadAndItsFieldsFound() throws Exception {
        answers.put("127.0.0.1", q -> text("refer:        whois.registry.test\n"));
        answers.put(
                "127.0.0.2",
                q -> ("도메인이름                  : 예시.kr\n"
                                + "등록대행자                  : (주)예시등록\n"
                                + "사용 종료일                 : " + inDays(100).replace("-", ". ") + ".\n"
                                + "1차 네임서버 정보\n"
                                + "   호스트이름               : ns1.example.kr\n")
                        .getBytes(Charset.forName("EUC-KR")));

        RunResult r = harness.run("whois 예시.kr");

        assertThat(r.output()).contains("등록대행자                  : (주)예시등록");
        assertThat(r.verdict()).as(ProbeHarness.text(r)).isEqualTo(Verdict.OK);
        assertThat(r.summary())
                .startsWith("예시.kr is registered with (주)예시등록 until " + inDays(100) + " (100 day(s) left)");
    }

    @Test
    void verboseSaysWhichServerIsAskedWithWhat() throws Exception {
        answers.put("127.0.0.2", q -> text("Domain Name: EXAMPLE.TEST\n"));
        RunResult r = harness.run("whois --verbose -h whois.registry.test -p " + port + " example.test");
        assertThat(r.output())
                .containsExactly(
                        "Using server whois.registry.test.",
                        "Query string: \"example.test\"",
                        "",
                        "Domain Name: EXAMPLE.TEST");
    }

    @Test
    void aServerThatCannotBeReachedSaysNothingAboutTheName() throws Exception {
        int closed = LoopbackServers.closedPort();
        RunResult r = harness.run("whois -h 127.0.0.1 -p " + closed + " example.test");

        assertThat(r.output()).containsExactly("connect: Connection refused");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .isEqualTo("cannot ask 127.0.0.1 port " + closed + " (the connection was refused): whois needs"
                        + " outbound TCP " + closed + ", often closed in server networks. This says nothing about"
                        + " example.test; ask from a machine with internet access, or use the registry's web page");
    }

    @Test
    void aRateLimitedServerWarns() throws Exception {
        answers.put("127.0.0.2", q -> text("%ERROR:201: access denied\n% Query rate limit exceeded\n"));
        RunResult r = harness.run("whois example.test");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary()).startsWith("whois.registry.test refused the query: too many queries");
    }

    @Test
    void unknownOptionsAndMissingQueriesAreUsageErrors() {
        assertThatThrownBy(() -> harness.run("whois -r example.test"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("whois: unsupported option -r (supported: -h SERVER, -p PORT, --verbose, -H)");
        assertThatThrownBy(() -> harness.run("whois")).hasMessageContaining("give a domain name or an IP address");
    }
}
