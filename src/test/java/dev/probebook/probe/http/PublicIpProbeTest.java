package dev.probebook.probe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.testing.LoopbackServers;
import dev.probebook.testing.ProbeHarness;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class PublicIpProbeTest {

    private static MockWebServer echo(String answer) throws Exception {
        MockWebServer server = new MockWebServer();
        server.enqueue(new MockResponse.Builder().body(answer).build());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    private static ProbeHarness pointedAt(String url) {
        return new ProbeHarness(Map.of("probebook.public-ip.url", url, "probebook.public-ip.timeout", "2s"));
    }

    @Test
    void answerNotOnAnyInterfaceMeansNat() throws Exception {
        try (MockWebServer server = echo("203.0.113.7\n")) {
            RunResult r = pointedAt(server.url("/").toString()).run("curl ifconfig.me");
            assertThat(r.probe()).isEqualTo("public-ip");
            assertThat(r.output()).containsExactly("203.0.113.7");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary()).contains("203.0.113.7").contains("NAT").contains("not on any interface here");
            PublicIpDetails d = (PublicIpDetails) r.details();
            assertThat(d.publicIp()).isEqualTo("203.0.113.7");
            assertThat(d.localInterface()).isNull();
            assertThat(server.takeRequest().getHeaders().get("User-Agent")).startsWith("curl/");
        }
    }

    @Test
    void answerHeldByAnInterfaceMeansNoNat() throws Exception {
        try (MockWebServer server = echo("127.0.0.1")) {
            RunResult r = pointedAt("127.0.0.1:" + server.getPort()).run("curl -s https://icanhazip.com");
            assertThat(r.output()).containsExactly("127.0.0.1");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.summary()).contains("no NAT");
            assertThat(((PublicIpDetails) r.details()).localInterface()).isNotNull();
        }
    }

    @Test
    void noAnswerIsAWarningNotAFailure() throws Exception {
        int port = LoopbackServers.closedPort();
        RunResult r = pointedAt("http://127.0.0.1:" + port + "/").run("curl ifconfig.me");
        assertThat(r.output())
                .singleElement()
                .asString()
                .matches("curl: \\(7\\) Failed to connect to 127\\.0\\.0\\.1 port " + port
                        + " after \\d+ ms: Couldn't connect to server");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary()).contains("(Connection refused)");
        assertThat(r.summary()).contains("no internet egress").contains("normal for a server in a private subnet");

        RunResult silent = pointedAt("http://127.0.0.1:" + port + "/").run("curl -s ifconfig.me");
        assertThat(silent.output()).isEmpty();
        assertThat(silent.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void droppedConnectionTimesOutAsAWarning() throws Exception {
        try (var drop = new LoopbackServers.Drop()) {
            ProbeHarness h = new ProbeHarness(Map.of(
                    "probebook.public-ip.url",
                    "http://127.0.0.1:" + drop.port() + "/",
                    "probebook.public-ip.timeout",
                    "800ms"));
            RunResult r = h.run("curl -4 -m 5 api.ipify.org");
            assertThat(r.output()).singleElement().asString().startsWith("curl: (28) Connection timed out after");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.elapsedMs()).isLessThan(3000);
        }
    }

    @Test
    void anAnswerThatIsNotAnIpIsAWarning() throws Exception {
        try (MockWebServer server = echo("<html>Please log in</html>\n")) {
            RunResult r = pointedAt(server.url("/").toString()).run("curl ipinfo.io/ip");
            assertThat(r.output()).containsExactly("<html>Please log in</html>");
            assertThat(r.verdict()).isEqualTo(Verdict.WARN);
            assertThat(r.summary()).contains("not with an IP address");
        }
    }

    @Test
    void policyAppliesToTheConfiguredService() throws Exception {
        RunResult r =
                pointedAt("http://169.254.169.254/latest/meta-data/public-ipv4").run("curl ifconfig.me");
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.summary()).contains("deny 169.254.0.0/16");
    }

    @Test
    void claimsOnlyPlainCurlToAnEchoService() throws Exception {
        ProbeRegistry registry = ProbeRegistry.standard();
        assertThat(probeFor(registry, "curl", "ifconfig.me")).isEqualTo("public-ip");
        assertThat(probeFor(registry, "curl", "-sS", "-4", "-m", "3", "https://api.ipify.org/"))
                .isEqualTo("public-ip");
        assertThat(probeFor(registry, "curl", "--silent", "ipecho.net/plain")).isEqualTo("public-ip");
        assertThat(probeFor(registry, "curl", "checkip.amazonaws.com")).isEqualTo("public-ip");
        assertThat(probeFor(registry, "curl", "-v", "ifconfig.me")).isEqualTo("http");
        assertThat(probeFor(registry, "curl", "-o", "/dev/null", "ifconfig.me")).isEqualTo("http");
        assertThatThrownBy(() -> probeFor(registry, "curl", "ifconfig.me", "example.com"))
                .hasMessageContaining("one URL per command"); // not claimed by public-ip: http reports the usage error
        assertThat(probeFor(registry, "curl", "ipinfo.io")).isEqualTo("http");
        assertThat(probeFor(registry, "curl", "https://example.com/")).isEqualTo("http");
    }

    private static String probeFor(ProbeRegistry registry, String... words) throws Exception {
        return registry.recognise(List.of(words), Args.Mode.RUN)
                .orElseThrow()
                .command()
                .probeName();
    }
}
