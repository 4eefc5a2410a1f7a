package dev.probebook.probe.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.testing.DnsResponder;
import dev.probebook.testing.ProbeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TXTRecord;

/** nslookup, dig and host against a real UDP/TCP DNS responder on 127.0.0.1. */
class DnsProbeTest {

    @TempDir
    Path tmp;

    private DnsResponder dns;
    private Path hosts;

    @BeforeEach
    void startResponder() throws Exception {
        dns = DnsResponder.start()
                .a("example.com", "93.184.216.34")
                .aaaa("example.com", "2606:2800:220:1:248:1893:25c8:1946")
                .cname("www.example.com", "example.com")
                .ptr("127.0.0.1", "localhost")
                .empty("empty.example.com")
                .rcode("broken.example.com", Rcode.SERVFAIL)
                .cname("dangling.example.com", "nothere.example.com")
                .a("big.example.com", "10.9.9.9")
                .a("local.example.com", "127.0.0.1")
                .a("zone.example.com", "10.7.7.7")
                .aaaa("zone.example.com", "fd00::7")
                .authoritativeA("zone.example.com")
                .truncateOverUdp("big.example.com")
                .add(new MXRecord(
                        DnsResponder.name("example.com"), DClass.IN, 300, 10, DnsResponder.name("mail.example.com")))
                .add(new TXTRecord(DnsResponder.name("example.com"), DClass.IN, 300, "v=spf1 -all"));
        hosts = tmp.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
    }

    @AfterEach
    void stopResponder() throws Exception {
        dns.close();
    }

    private ProbeHarness harness(String... extra) {
        Map<String, String> props = new HashMap<>();
        props.put("probebook.dns.servers", dns.server());
        props.put("probebook.dns.timeout", "2s");
        props.put("probebook.hosts-file", hosts.toString());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return new ProbeHarness(props);
    }

    private RunResult run(String line) throws Exception {
        return harness().run(line);
    }

    // --- nslookup ---------------------------------------------------------------------------------

    @Test
    void nslookupAsksAandAaaaAndPrintsLikeNslookup() throws Exception {
        RunResult r = run("nslookup example.com");
        assertThat(r.output())
                .containsExactly(
                        "Server:\t\t127.0.0.1",
                        "Address:\t127.0.0.1#" + dns.port(),
                        "",
                        "Non-authoritative answer:",
                        "Name:\texample.com",
                        "Address: 93.184.216.34",
                        "Name:\texample.com",
                        "Address: 2606:2800:220:1:248:1893:25c8:1946",
                        "");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).contains("93.184.216.34").contains("2606:2800:220:1:248:1893:25c8:1946");
        assertThat(dns.questions()).containsExactly("example.com. A", "example.com. AAAA");
        DnsDetails d = (DnsDetails) r.details();
        assertThat(d.server()).isEqualTo("127.0.0.1#" + dns.port());
        assertThat(d.question()).isEqualTo("example.com");
        assertThat(d.type()).isEqualTo("A+AAAA");
        assertThat(d.rcode()).isEqualTo("NOERROR");
        assertThat(d.answers())
                .extracting(DnsDetails.Answer::type, DnsDetails.Answer::ttl, DnsDetails.Answer::data)
                .containsExactly(
                        Tuple.tuple("A", 300L, "93.184.216.34"),
                        Tuple.tuple("AAAA", 300L, "2606:2800:220:1:248:1893:25c8:1946"));
        assertThat(d.hostsOverride()).isNull();
        assertThat(d.error()).isNull();
    }

    @Test
    void nslookupPrintsTheCanonicalNameOnce() throws Exception {
        RunResult r = run("nslookup www.example.com");
        assertThat(r.output())
                .containsSubsequence(
                        "Non-authoritative answer:",
                        "www.example.com\tcanonical name = example.com.",
                        "Name:\texample.com",
                        "Address: 93.184.216.34");
        assertThat(r.output()).filteredOn(l -> l.contains("canonical name")).hasSize(1);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).contains("www.example.com (alias for example.com) resolves to 93.184.216.34");
    }

    @Test
    void anAuthoritativeAnswerIsNotFollowedByANonAuthoritativeHeading() throws Exception {
        RunResult r = run("nslookup zone.example.com");
        assertThat(r.output()).doesNotContain("Non-authoritative answer:");
        assertThat(r.output()).contains("Address: 10.7.7.7", "Address: fd00::7");
    }

    @Test
    void onlyAPublicAddressGetsTheWafAdvice() throws Exception {
        assertThat(run("nslookup example.com").summary()).contains("WAF or load balancer");
        RunResult loopback = run("nslookup local.example.com");
        assertThat(loopback.summary())
                .contains("a loopback address, this machine itself")
                .doesNotContain("WAF");
        RunResult internal = run("dig +short big.example.com");
        assertThat(internal.summary()).contains("a private address").doesNotContain("WAF");
    }

    @Test
    void nslookupOfAnIpIsAReverseLookupWithoutServerHeader() throws Exception {
        RunResult r = run("nslookup 127.0.0.1");
        assertThat(r.output())
                .containsExactly(
                        "1.0.0.127.in-addr.arpa\tname = localhost.",
                        "",
                        "Authoritative answers can be found from:",
                        "");
        assertThat(dns.questions()).containsExactly("1.0.0.127.in-addr.arpa. PTR");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).contains("127.0.0.1 points back to localhost.");
    }

    @Test
    void reverseLookupWithoutPtrIsOnlyAWarning() throws Exception {
        RunResult r = run("nslookup 10.1.2.3");
        assertThat(r.output()).containsExactly("** server can't find 3.2.1.10.in-addr.arpa: NXDOMAIN", "");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary()).contains("no PTR record");
    }

    @Test
    void nxdomainFailsWithSpellingAdvice() throws Exception {
        RunResult r = run("nslookup nope.example.com");
        assertThat(r.output())
                .containsExactly(
                        "Server:\t\t127.0.0.1",
                        "Address:\t127.0.0.1#" + dns.port(),
                        "",
                        "** server can't find nope.example.com: NXDOMAIN",
                        "");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .startsWith("the name does not exist in DNS: check the spelling, or the record was never created");
        assertThat(((DnsDetails) r.details()).rcode()).isEqualTo("NXDOMAIN");
        // NXDOMAIN for A means NXDOMAIN for AAAA: nslookup does not ask again.
        assertThat(dns.questions()).containsExactly("nope.example.com. A");
    }

    @Test
    void danglingAliasNamesTheMissingTarget() throws Exception {
        RunResult r = run("nslookup dangling.example.com");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("alias (CNAME) for nothere.example.com, which does not exist");
    }

    @Test
    void noAnswerForTheTypeIsAWarning() throws Exception {
        RunResult r = run("nslookup empty.example.com");
        assertThat(r.output())
                .containsSubsequence("Non-authoritative answer:", "*** Can't find empty.example.com: No answer", "");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary()).contains("has no A/AAAA record");

        RunResult mx = run("nslookup -type=MX empty.example.com");
        assertThat(mx.output())
                .containsSubsequence(
                        "*** Can't find empty.example.com: No answer",
                        "",
                        "Authoritative answers can be found from:",
                        "test",
                        "\torigin = ns.test");
        assertThat(mx.verdict()).isEqualTo(Verdict.WARN);
        assertThat(mx.summary()).contains("has no MX record");
    }

    @Test
    void nslookupOtherTypes() throws Exception {
        RunResult mx = run("nslookup -type=mx example.com");
        assertThat(mx.output())
                .contains(
                        "example.com\tmail exchanger = 10 mail.example.com.",
                        "Authoritative answers can be found from:");
        assertThat(mx.verdict()).isEqualTo(Verdict.OK);
        assertThat(mx.summary()).contains("1 MX record").contains("10 mail.example.com.");
        RunResult txt = run("nslookup -q=TXT example.com");
        assertThat(txt.output()).contains("example.com\ttext = \"v=spf1 -all\"");
    }

    @Test
    void servfailFails() throws Exception {
        RunResult r = run("nslookup broken.example.com");
        assertThat(r.output())
                .startsWith(";; Got SERVFAIL reply from 127.0.0.1")
                .contains("** server can't find broken.example.com: SERVFAIL");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("SERVFAIL").contains("another resolver");
    }

    @Test
    void silentServerTimesOutWithinTheConfiguredTimeout() throws Exception {
        try (DnsResponder silent = DnsResponder.silent()) {
            ProbeHarness h = harness("probebook.dns.servers", silent.server(), "probebook.dns.timeout", "600ms");
            RunResult r = h.run("nslookup example.com");
            String error = ";; communications error to 127.0.0.1#" + silent.port() + ": timed out";
            assertThat(r.output()).containsExactly(error, error, ";; no servers could be reached", "");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary())
                    .contains("DNS server 127.0.0.1#" + silent.port() + " did not answer")
                    .contains("probebook.dns.servers")
                    .contains("UDP");
            assertThat(r.elapsedMs()).isBetween(500L, 3000L);
            assertThat(silent.queries())
                    .as("re-sent within the timeout, like the tools' retries")
                    .isEqualTo(2);
            DnsDetails d = (DnsDetails) r.details();
            assertThat(d.rcode()).isNull();
            assertThat(d.error()).isEqualTo("timed out");

            RunResult dig = h.run("dig example.com");
            assertThat(dig.output()).startsWith(error, error, error); // dig tries 3 times
            assertThat(dig.output()).endsWith(";; global options: +cmd", ";; no servers could be reached");
            assertThat(dig.verdict()).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void closedPortIsReportedAsConnectionRefused() throws Exception {
        int closed;
        try (DnsResponder gone = DnsResponder.start()) {
            closed = gone.port();
        }
        RunResult r = harness("probebook.dns.servers", "127.0.0.1:" + closed).run("host example.com");
        assertThat(r.output())
                .containsExactly(
                        ";; communications error to 127.0.0.1#" + closed + ": connection refused",
                        ";; no servers could be reached");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("port unreachable");
    }

    @Test
    void stopUnblocksAWaitingQuery() throws Exception {
        try (DnsResponder silent = DnsResponder.silent()) {
            ProbeHarness h = harness("probebook.dns.servers", silent.server(), "probebook.dns.timeout", "30s");
            var recognised = ProbeRegistry.standard()
                    .recognise(ShellLine.parse("dig example.com").words(), Args.Mode.RUN)
                    .orElseThrow();
            try (ProbeRunner runner =
                    new ProbeRunner(h.settings(), TargetPolicy.from(h.settings().policy()))) {
                var handle = runner.start(
                        new Invocation("dig example.com", recognised.command(), List.of()), new RunListener() {});
                Thread.sleep(300);
                long start = System.nanoTime();
                handle.cancel();
                RunResult r = handle.await();
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
                assertThat(r.verdict()).isEqualTo(Verdict.SKIPPED);
            }
        }
    }

    // --- dig --------------------------------------------------------------------------------------

    @Test
    void digPrintsHeaderSectionsAndStatistics() throws Exception {
        RunResult r = run("dig www.example.com");
        List<String> out = r.output();
        assertThat(out.get(0)).isEmpty();
        assertThat(out.get(1)).isEqualTo("; <<>> DiG " + DigOutput.VERSION + " <<>> www.example.com");
        assertThat(out).containsSubsequence(";; global options: +cmd", ";; Got answer:");
        assertThat(out).anyMatch(l -> l.matches(";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \\d+"));
        assertThat(out)
                .containsSubsequence(
                        ";; flags: qr rd ra; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 1",
                        "",
                        ";; OPT PSEUDOSECTION:",
                        "; EDNS: version: 0, flags:; udp: 1232",
                        ";; QUESTION SECTION:",
                        ";www.example.com.\t\tIN\tA",
                        "",
                        ";; ANSWER SECTION:",
                        "www.example.com.\t300\tIN\tCNAME\texample.com.",
                        "example.com.\t\t300\tIN\tA\t93.184.216.34",
                        "");
        assertThat(out).anyMatch(l -> l.matches(";; Query time: \\d+ msec"));
        assertThat(out).contains(";; SERVER: 127.0.0.1#" + dns.port() + "(127.0.0.1) (UDP)");
        assertThat(out).anyMatch(l -> l.matches(";; WHEN: \\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ \\d{4}"));
        assertThat(out).anyMatch(l -> l.matches(";; MSG SIZE  rcvd: \\d+"));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void digNxdomainShowsTheAuthoritySection() throws Exception {
        RunResult r = run("dig nope.example.com MX");
        assertThat(r.output()).anyMatch(l -> l.matches(";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: \\d+"));
        assertThat(r.output())
                .containsSubsequence(
                        ";; AUTHORITY SECTION:",
                        "test.\t\t\t300\tIN\tSOA\tns.test. hostmaster.test. 2024010101 7200 3600 1209600 300");
        assertThat(dns.questions()).containsExactly("nope.example.com. MX");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void digShortPrintsRecordDataOnly() throws Exception {
        RunResult r = run("dig +short www.example.com");
        assertThat(r.output()).containsExactly("example.com.", "93.184.216.34");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);

        RunResult aaaa = run("dig example.com AAAA +short");
        assertThat(aaaa.output()).containsExactly("2606:2800:220:1:248:1893:25c8:1946");

        RunResult none = run("dig +short nope.example.com");
        assertThat(none.output()).isEmpty();
        assertThat(none.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void digNoallAnswerAndReverse() throws Exception {
        RunResult r = run("dig -x 127.0.0.1 +noall +answer");
        assertThat(r.output()).containsExactly("1.0.0.127.in-addr.arpa.\t300\tIN\tPTR\tlocalhost.");
        RunResult q = run("dig +nocmd +noall +answer +question -t mx example.com");
        assertThat(q.output())
                .containsExactly(";example.com.\t\t\tIN\tMX", "example.com.\t\t300\tIN\tMX\t10 mail.example.com.");
    }

    @Test
    void digIpWithoutDashXHintsAtReverse() throws Exception {
        RunResult r = run("dig 127.0.0.1");
        assertThat(dns.questions()).containsExactly("127.0.0.1. A");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("dig -x 127.0.0.1");
    }

    @Test
    void truncatedUdpAnswerIsRetriedOverTcp() throws Exception {
        RunResult r = run("dig big.example.com");
        assertThat(r.output().get(0)).isEqualTo(";; Truncated, retrying in TCP mode.");
        assertThat(r.output())
                .contains(
                        "big.example.com.\t300\tIN\tA\t10.9.9.9",
                        ";; SERVER: 127.0.0.1#" + dns.port() + "(127.0.0.1) (TCP)");
        assertThat(dns.tcpQueries()).isEqualTo(1);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);

        RunResult tcp = run("dig +tcp +short example.com");
        assertThat(tcp.output()).containsExactly("93.184.216.34");
        assertThat(dns.tcpQueries()).isEqualTo(2);
    }

    // --- host -------------------------------------------------------------------------------------

    @Test
    void hostPrintsAddressesAliasesAndMail() throws Exception {
        RunResult r = run("host www.example.com");
        assertThat(r.output())
                .containsExactly(
                        "www.example.com is an alias for example.com.",
                        "example.com has address 93.184.216.34",
                        "example.com has IPv6 address 2606:2800:220:1:248:1893:25c8:1946",
                        "example.com mail is handled by 10 mail.example.com.");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);

        RunResult nx = run("host nope.example.com");
        assertThat(nx.output()).containsExactly("Host nope.example.com not found: 3(NXDOMAIN)");
        assertThat(nx.verdict()).isEqualTo(Verdict.FAIL);

        RunResult ptr = run("host 127.0.0.1");
        assertThat(ptr.output()).containsExactly("1.0.0.127.in-addr.arpa domain name pointer localhost.");

        RunResult none = run("host -t MX empty.example.com");
        assertThat(none.output()).containsExactly("empty.example.com has no MX record");
        assertThat(none.verdict()).isEqualTo(Verdict.WARN);
    }

    // --- server selection -------------------------------------------------------------------------

    @Test
    void explicitServerAndPortWinOverConfiguredServers() throws Exception {
        try (DnsResponder configured = DnsResponder.silent()) {
            ProbeHarness h = harness("probebook.dns.servers", configured.server(), "probebook.dns.timeout", "500ms");
            RunResult r = h.run("nslookup -port=" + dns.port() + " example.com 127.0.0.1");
            assertThat(r.output()).startsWith("Server:\t\t127.0.0.1", "Address:\t127.0.0.1#" + dns.port());
            assertThat(r.verdict()).isEqualTo(Verdict.OK);

            RunResult dig = h.run("dig @127.0.0.1 -p " + dns.port() + " example.com +short");
            assertThat(dig.output()).containsExactly("93.184.216.34");

            RunResult host = h.run("host -p " + dns.port() + " example.com 127.0.0.1");
            assertThat(host.output())
                    .startsWith(
                            "Using domain server:",
                            "Name: 127.0.0.1",
                            "Address: 127.0.0.1#" + dns.port(),
                            "Aliases: ",
                            "");

            assertThat(configured.queries()).isZero();
            assertThat(dns.queries()).isEqualTo(2 + 1 + 3);
        }
    }

    @Test
    void serverGivenByNameIsResolvedFirst() throws Exception {
        RunResult r = run("nslookup -port=" + dns.port() + " example.com localhost");
        assertThat(r.output()).startsWith("Server:\t\tlocalhost", "Address:\t127.0.0.1#" + dns.port());
        assertThat(r.verdict()).isEqualTo(Verdict.OK);

        RunResult unknown = run("nslookup example.com no-such-server.invalid");
        assertThat(unknown.output())
                .containsExactly("nslookup: couldn't get address for 'no-such-server.invalid': not found");
        assertThat(unknown.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(unknown.summary()).contains("cannot resolve the DNS server name no-such-server.invalid");
    }

    @Test
    void explicitServerIsCheckedAgainstTheTargetPolicy() throws Exception {
        RunResult r = run("dig @169.254.169.254 example.com");
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.summary()).contains("169.254.0.0/16");
        assertThat(r.output()).singleElement().asString().startsWith("dig: ");
    }

    // --- hosts file -------------------------------------------------------------------------------

    @Test
    void hostsEntryThatDiffersFromDnsIsAWarning() throws Exception {
        Files.writeString(hosts, "127.0.0.1 localhost\n10.0.0.99 example.com www\n");
        RunResult r = run("nslookup example.com");
        assertThat(r.output())
                .endsWith(
                        "",
                        ";; note: " + hosts
                                + " maps example.com to 10.0.0.99: programs on this host use that, not DNS");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary())
                .contains("DNS says example.com resolves to 93.184.216.34")
                .contains("10.0.0.99")
                .contains("works here, fails there");
        DnsDetails d = (DnsDetails) r.details();
        assertThat(d.hostsOverride().addresses()).containsExactly("10.0.0.99");
        assertThat(d.hostsOverride().differs()).isTrue();

        RunResult shortForm = run("dig +short example.com");
        assertThat(shortForm.output()).containsExactly("93.184.216.34");
        assertThat(shortForm.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void hostsEntryThatAgreesWithDnsIsOnlyANote() throws Exception {
        Files.writeString(hosts, "93.184.216.34 example.com\n");
        RunResult r = run("host -t A example.com");
        assertThat(r.output())
                .containsExactly(
                        "example.com has address 93.184.216.34",
                        ";; note: " + hosts
                                + " maps example.com to 93.184.216.34: programs on this host use that, not DNS");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(((DnsDetails) r.details()).hostsOverride().differs()).isFalse();
    }

    @Test
    void nameOnlyInHostsFileWorksHereOnly() throws Exception {
        Files.writeString(hosts, "10.0.0.7 intranet.example.com\n");
        RunResult r = run("nslookup intranet.example.com");
        assertThat(r.output()).contains("** server can't find intranet.example.com: NXDOMAIN");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary())
                .contains("does not exist in DNS")
                .contains("10.0.0.7")
                .contains("this host only");
    }
}
