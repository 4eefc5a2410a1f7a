package dev.probebook.probe.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.DnsResponder;
import dev.probebook.testing.ProbeHarness;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;

/**
 * dig +trace through a delegation on loopback: a resolver on 127.0.0.1 that names the root server, the root on
 * 127.0.0.2, the {@code test.} zone on 127.0.0.3 {@code corp.test.} on 127.0.0.4 and a broken
 * {@code up.test.} on 127.0.0.5, all on one port, which
 * {@code -p} gives for every server as in dig. 127.0.0.9 serves nothing (a lame delegation).
 */
class DigTraceTest {

    @TempDir
    Path tmp;

    private DnsResponder resolver;
    private final List<ZoneServer> zones = new ArrayList<>();
    private ZoneServer corp;
    private ProbeHarness harness;

    @BeforeEach
    void startServers() throws Exception {
        for (int attempt = 0; ; attempt++) {
            resolver = DnsResponder.start()
                    .add(new NSRecord(org.xbill.DNS.Name.root, DClass.IN, 518400, DnsResponder.name("a.root.test")))
                    .a("a.root.test", "127.0.0.2");
            try {
                zones.add(new ZoneServer("127.0.0.2", resolver.port(), ".")
                        .ns(".", "a.root.test")
                        .ns("test", "ns1.test")
                        .a("ns1.test", "127.0.0.3"));
                zones.add(new ZoneServer("127.0.0.3", resolver.port(), "test.")
                        .ns("test", "ns1.test")
                        .ns("corp.test", "ns.corp.test")
                        .a("ns.corp.test", "127.0.0.4")
                        .ns("lame.test", "ns.lame.test")
                        .a("ns.lame.test", "127.0.0.9")
                        .ns("up.test", "ns.up.test")
                        .a("ns.up.test", "127.0.0.5"));
                corp = new ZoneServer("127.0.0.4", resolver.port(), "corp.test.")
                        .ns("corp.test", "ns.corp.test")
                        .a("www.corp.test", "10.1.2.3");
                zones.add(corp);
                // a server that refers every question back up to test.: a broken delegation
                zones.add(new ZoneServer("127.0.0.5", resolver.port(), "up.test.").ns("test", "ns1.test"));
                break;
            } catch (BindException e) { // that port is taken on another loopback address: take another
                closeAll();
                if (attempt == 5) {
                    throw e;
                }
            }
        }
        Path hosts = tmp.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        harness = new ProbeHarness(Map.of(
                "probebook.dns.servers", resolver.server(),
                "probebook.dns.timeout", "1s",
                "probebook.hosts-file", hosts.toString()));
    }

    @AfterEach
    void closeAll() throws IOException {
        zones.forEach(ZoneServer::close);
        zones.clear();
        if (resolver != null) {
            resolver.close();
        }
    }

    private RunResult trace(String name) throws Exception {
        return harness.run("dig -p " + resolver.port() + " @127.0.0.1 +trace " + name);
    }

    @Test
    void followsTheDelegationFromTheRootAndPrintsEachStepAsDigDoes() throws Exception {
        RunResult r = trace("www.corp.test");
        int p = resolver.port();
        List<String> out = r.output();
        assertThat(out.get(0)).isEmpty();
        assertThat(out.get(1))
                .isEqualTo("; <<>> DiG " + DigOutput.VERSION + " <<>> -p " + p + " @127.0.0.1 +trace www.corp.test");
        assertThat(out)
                .contains(
                        "; (1 server found)",
                        ";; global options: +cmd",
                        ".\t\t\t518400\tIN\tNS\ta.root.test.",
                        "test.\t\t\t172800\tIN\tNS\tns1.test.",
                        "corp.test.\t\t172800\tIN\tNS\tns.corp.test.",
                        "www.corp.test.\t\t3600\tIN\tA\t10.1.2.3");
        assertThat(out)
                .anyMatch(l -> l.matches(
                        ";; Received \\d+ bytes from 127\\.0\\.0\\.1#" + p + "\\(127\\.0\\.0\\.1\\) in \\d+ ms"));
        assertThat(out)
                .anyMatch(l -> l.matches(
                        ";; Received \\d+ bytes from 127\\.0\\.0\\.2#" + p + "\\(a\\.root\\.test\\) in \\d+ ms"));
        assertThat(out)
                .anyMatch(l ->
                        l.matches(";; Received \\d+ bytes from 127\\.0\\.0\\.3#" + p + "\\(ns1\\.test\\) in \\d+ ms"));
        assertThat(out)
                .anyMatch(l -> l.matches(
                        ";; Received \\d+ bytes from 127\\.0\\.0\\.4#" + p + "\\(ns\\.corp\\.test\\) in \\d+ ms"));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary())
                .isEqualTo("www.corp.test A answered by ns.corp.test (127.0.0.4#" + p
                        + "), a server of corp.test., after" + " the delegation . -> test. -> corp.test.: A 10.1.2.3");
        TraceDetails d = (TraceDetails) r.details();
        assertThat(d.steps()).extracting(TraceDetails.Step::zone).containsExactly(".", ".", "test.", "corp.test.");
        assertThat(d.facts())
                .containsEntry("delegation", ". -> test. -> corp.test.")
                .containsEntry("answer A", "10.1.2.3");
        // the root server's name had no glue: the resolver was asked for its address; the hops asked without recursion
        assertThat(resolver.questions()).containsExactly(". NS", "a.root.test. A", "a.root.test. AAAA");
    }

    @Test
    void shortFormNamesEachRecordsServer() throws Exception {
        RunResult r = harness.run("dig -p " + resolver.port() + " @127.0.0.1 +trace +short www.corp.test");
        assertThat(r.output())
                .anyMatch(l -> l.matches("NS a\\.root\\.test\\. from server 127\\.0\\.0\\.1 in \\d+ ms\\."));
        assertThat(r.output()).anyMatch(l -> l.matches("A 10\\.1\\.2\\.3 from server 127\\.0\\.0\\.4 in \\d+ ms\\."));
        assertThat(r.output()).noneMatch(l -> l.startsWith(";;"));
    }

    @Test
    void aNameTheZoneDoesNotHaveIsNxdomainFromItsServer() throws Exception {
        RunResult r = trace("nope.corp.test");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .isEqualTo("nope.corp.test does not exist: ns.corp.test, a server of corp.test., answers NXDOMAIN."
                        + " Check the name's spelling, or add the record in corp.test.");
        assertThat(r.output()).anyMatch(l -> l.startsWith("corp.test.") && l.contains("\tSOA\t"));
    }

    @Test
    void aNameWithoutTheAskedTypeIsAWarning() throws Exception {
        RunResult r = harness.run("dig -p " + resolver.port() + " @127.0.0.1 +trace www.corp.test MX");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary()).startsWith("www.corp.test exists but has no MX record: ns.corp.test");
    }

    @Test
    void aZoneWhoseServersDoNotAnswerBreaksTheDelegationThere() throws Exception {
        RunResult r = trace("www.lame.test");
        assertThat(r.output())
                .contains(";; communications error to 127.0.0.9#" + resolver.port() + ": connection refused")
                .contains(";; no servers could be reached");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .startsWith("the delegation breaks at lame.test.: none of its name servers answered (ns.lame.test)")
                .contains("lame delegation");
    }

    @Test
    void aReferralBackUpTheTreeIsABadReferral() throws Exception {
        RunResult r = trace("www.up.test");
        assertThat(r.output()).contains(";; BAD REFERRAL");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary())
                .startsWith("the delegation breaks at up.test.: ns.up.test refers the question to test., which is not"
                        + " below up.test.");
    }

    @Test
    void aServerThePolicyDeniesStopsTheTraceWithoutAQueryToIt() throws Exception {
        Path hosts = tmp.resolve("hosts");
        RunResult r = new ProbeHarness(Map.of(
                        "probebook.dns.servers",
                        resolver.server(),
                        "probebook.dns.timeout",
                        "1s",
                        "probebook.hosts-file",
                        hosts.toString(),
                        "probebook.policy.deny",
                        "127.0.0.3/32"))
                .run("dig -p " + resolver.port() + " @127.0.0.1 +trace www.corp.test");
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.summary())
                .startsWith("the trace stops at test.: the target policy does not let Probebook ask its name servers (")
                .contains("127.0.0.3");
        assertThat(r.output()).anyMatch(l -> l.startsWith(";; ns1.test (127.0.0.3): "));
        assertThat(r.output()).noneMatch(l -> l.contains("from 127.0.0.3#"));
    }

    @Test
    void aSilentResolverMeansTheTraceCannotStart() throws Exception {
        try (DnsResponder silent = DnsResponder.silent()) {
            RunResult r = new ProbeHarness(
                            Map.of("probebook.dns.servers", silent.server(), "probebook.dns.timeout", "1s"))
                    .run("dig +trace www.corp.test");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.summary()).startsWith("the trace could not start: no resolver answered");
            assertThat(r.output()).contains(";; no servers could be reached");
        }
    }
}
