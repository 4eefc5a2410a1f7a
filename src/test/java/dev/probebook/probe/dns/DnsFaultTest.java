package dev.probebook.probe.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.DnsResponder;
import dev.probebook.testing.ProbeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DNS server on 127.0.0.1 that answered a moment ago goes quiet: between two runs, or between the A and
 * the AAAA question of one nslookup. Every command names the server and its port; the configured servers
 * (a closed port) are never the ones that matter.
 */
@Timeout(20)
class DnsFaultTest {

    @TempDir
    Path tmp;

    private DnsResponder dns;
    private ProbeHarness harness;

    @BeforeEach
    void start() throws Exception {
        dns = DnsResponder.start().a("app.example.com", "10.1.2.3").aaaa("app.example.com", "2001:db8::3");
        Path hosts = tmp.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        harness = new ProbeHarness(Map.of(
                "probebook.hosts-file",
                hosts.toString(),
                "probebook.dns.servers",
                dns.server(),
                "probebook.dns.timeout",
                "5s"));
    }

    @AfterEach
    void stop() throws Exception {
        dns.close();
    }

    private String didNotAnswer() {
        return "DNS server 127.0.0.1#" + dns.port()
                + " did not answer: check the server address you gave, the network path to it (UDP " + dns.port()
                + " through firewalls and security groups) and that the server is up";
    }

    @Test
    void nslookupTimesOutWithinItsTimeoutOnceTheServerGoesQuiet() throws Exception {
        String cmd = "nslookup -timeout=1 -port=" + dns.port() + " app.example.com 127.0.0.1";
        assertThat(harness.run(cmd).verdict()).isEqualTo(Verdict.OK);
        dns.mute();
        int asked = dns.queries();

        RunResult r = harness.run(cmd);
        String error = ";; communications error to 127.0.0.1#" + dns.port() + ": timed out";
        // BIND 9.18: one line per unanswered try, then the last line
        assertThat(r.output()).containsExactly(error, error, ";; no servers could be reached", "");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).isEqualTo(didNotAnswer());
        assertThat(((DnsDetails) r.details()).error()).isEqualTo("timed out");
        // really asked again (nothing cached from the first run), twice as nslookup does (1 retry), 1 s each
        assertThat(dns.queries() - asked).isEqualTo(2);
        assertThat(r.elapsedMs()).isBetween(1900L, 3000L);
    }

    @Test
    void digWithOneTryTimesOutAfterItsTime() throws Exception {
        String cmd = "dig @127.0.0.1 -p " + dns.port() + " +time=1 +tries=1 app.example.com";
        assertThat(harness.run(cmd).verdict()).isEqualTo(Verdict.OK);
        dns.mute();

        RunResult r = harness.run(cmd);
        assertThat(r.output()).startsWith(";; communications error to 127.0.0.1#" + dns.port() + ": timed out", "");
        assertThat(r.output()).endsWith(";; global options: +cmd", ";; no servers could be reached");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).isEqualTo(didNotAnswer());
        assertThat(r.elapsedMs()).isBetween(950L, 2000L);
    }

    @Test
    void serverDyingBetweenTheAAndTheAaaaQuestionKeepsTheAddressAndWarns() throws Exception {
        dns.muteAfter(1);
        RunResult r = harness.run("nslookup -timeout=1 -port=" + dns.port() + " app.example.com 127.0.0.1");
        assertThat(dns.questions())
                .containsExactly("app.example.com. A", "app.example.com. AAAA", "app.example.com. AAAA");
        assertThat(r.output())
                .containsExactly(
                        "Server:\t\t127.0.0.1",
                        "Address:\t127.0.0.1#" + dns.port(),
                        "",
                        "Non-authoritative answer:",
                        "Name:\tapp.example.com",
                        "Address: 10.1.2.3",
                        ";; communications error to 127.0.0.1#" + dns.port() + ": timed out",
                        ";; communications error to 127.0.0.1#" + dns.port() + ": timed out",
                        ";; no servers could be reached",
                        "");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary())
                .isEqualTo("app.example.com resolves to 10.1.2.3, but the AAAA query then got no reply. "
                        + didNotAnswer() + ". Programs that ask for both wait for this timeout before they connect");
        assertThat(((DnsDetails) r.details()).answers())
                .extracting(DnsDetails.Answer::data)
                .containsExactly("10.1.2.3");
        assertThat(r.elapsedMs()).isBetween(1900L, 3000L);
    }
}
