package dev.probebook.probe.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.RunResult;
import dev.probebook.net.HostsFile;
import dev.probebook.probe.Verdict;
import dev.probebook.testing.ProbeHarness;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cat / vi / getent against a temp hosts file configured through {@code probebook.hosts-file}. */
class HostsProbeTest {

    private static final List<String> HOSTS = List.of(
            "127.0.0.1   localhost localhost.localdomain",
            "::1         localhost ip6-localhost",
            "# pinned for the migration",
            "10.10.100.5 app.example.co.kr app");

    @TempDir
    Path dir;

    Path hosts;
    ProbeHarness harness;

    @BeforeEach
    void writeHostsFile() throws Exception {
        hosts = dir.resolve("hosts");
        Files.write(hosts, HOSTS);
        harness = harnessFor(hosts);
    }

    private static ProbeHarness harnessFor(Path file) throws Exception {
        return new ProbeHarness(Map.of(
                "probebook.hosts-file",
                file.toString(),
                "probebook.dns.servers",
                "127.0.0.1:" + closedUdpPort(),
                "probebook.dns.timeout",
                "300ms"));
    }

    /** A UDP port nothing listens on (queries get ICMP port unreachable or time out), loopback only. */
    static int closedUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void catPrintsTheFileAsIsAndNamesThePinnedHosts() throws Exception {
        RunResult r = harness.run("cat /etc/hosts");
        assertThat(r.probe()).isEqualTo("hosts");
        assertThat(r.output()).containsExactlyElementsOf(HOSTS);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary())
                .isEqualTo("3 entries; this host pins app.example.co.kr (app) -> 10.10.100.5:"
                        + " requests to those names go there, whatever DNS says");
        HostsDetails d = (HostsDetails) r.details();
        assertThat(d.path()).isEqualTo(hosts.toString());
        assertThat(d.entries()).extracting(HostsFile.Entry::address).containsExactly("127.0.0.1", "::1", "10.10.100.5");
        assertThat(d.invalid()).isEmpty();
    }

    @Test
    void catOfOnlyLocalhostEntriesSaysDnsDecidesTheRest() throws Exception {
        Files.write(hosts, HOSTS.subList(0, 2));
        RunResult r = harness.run("cat /etc/hosts");
        assertThat(r.summary())
                .isEqualTo("2 entries; all for this machine itself (localhost): every other name is resolved by DNS");
    }

    @Test
    void catWarnsAboutLinesTheResolverIgnores() throws Exception {
        Files.write(hosts, List.of("127.0.0.1 localhost", "10.0.0.300 broken.example.com", "10.0.0.7", "10.0.0.8 db"));
        RunResult r = harness.run("cat /etc/hosts");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary())
                .startsWith("2 entries; ignored by the resolver: line 2 '10.0.0.300 broken.example.com'"
                        + " (10.0.0.300 is not an IP address), line 3 '10.0.0.7' (no host name after the address)")
                .endsWith("this host pins db -> 10.0.0.8: requests to that name go there, whatever DNS says");
        assertThat(((HostsDetails) r.details()).invalid())
                .containsExactly("2: 10.0.0.300 broken.example.com", "3: 10.0.0.7");
    }

    @Test
    void catWarnsWhenANameHasTwoAddresses() throws Exception {
        Files.write(hosts, List.of("10.0.0.9 app.example.co.kr", "10.10.100.5 app.example.co.kr"));
        RunResult r = harness.run("cat /etc/hosts");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary())
                .contains("app.example.co.kr has 2 addresses: 10.0.0.9 (line 1), 10.10.100.5 (line 2)")
                .contains("try 10.0.0.9 first");
    }

    @Test
    void catOfAMissingFileFailsLikeCat() throws Exception {
        RunResult r = harnessFor(dir.resolve("absent")).run("cat /etc/hosts");
        assertThat(r.output()).containsExactly("cat: /etc/hosts: No such file or directory");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("does not exist");
    }

    @Test
    void catNumbersGrepsAndHeadLimits() throws Exception {
        assertThat(harness.run("cat -n /etc/hosts").output())
                .startsWith("     1\t127.0.0.1   localhost localhost.localdomain");
        assertThat(harness.run("cat /etc/hosts | grep app").output())
                .containsExactly("10.10.100.5 app.example.co.kr app");
        assertThat(harness.run("head -n 2 /etc/hosts").output()).containsExactlyElementsOf(HOSTS.subList(0, 2));
        assertThat(harness.run("tail -1 /etc/hosts").output()).containsExactly(HOSTS.get(3));
    }

    @Test
    void viIsAReadOnlyViewAndNeverAnEditor() throws Exception {
        byte[] before = Files.readAllBytes(hosts);
        RunResult r = harness.run("sudo vi /etc/hosts");
        assertThat(r.probe()).isEqualTo("hosts");
        assertThat(r.output())
                .startsWith(HOSTS.toArray(String[]::new))
                .endsWith("\"/etc/hosts\" [readonly] 4L, " + before.length + "B");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary())
                .startsWith("read-only view of " + hosts + ": 3 entries; editing is a separate, guarded action");
        assertThat(Files.readAllBytes(hosts)).isEqualTo(before);
    }

    @Test
    void getentFindsANameInTheHostsFileAndPrintsLikeGlibc() throws Exception {
        RunResult r = harness.run("getent hosts app");
        assertThat(r.output()).containsExactly("10.10.100.5     app.example.co.kr app");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).startsWith("app -> 10.10.100.5 from " + hosts + " (line 4)");
        assertThat(((HostsDetails) r.details()).answers())
                .singleElement()
                .satisfies(a -> assertThat(a.source()).isEqualTo("hosts-file"));
    }

    @Test
    void getentHostsPrefersIpv6AndAhostsListsBothFamilies() throws Exception {
        assertThat(harness.run("getent hosts localhost").output())
                .containsExactly("::1             localhost ip6-localhost");
        assertThat(harness.run("getent ahosts localhost").output())
                .containsExactly(
                        "::1             STREAM localhost",
                        "::1             DGRAM  ",
                        "::1             RAW    ",
                        "127.0.0.1       STREAM ",
                        "127.0.0.1       DGRAM  ",
                        "127.0.0.1       RAW    ");
        assertThat(harness.run("getent ahostsv6 app").output())
                .first()
                .isEqualTo("::ffff:10.10.100.5 STREAM app.example.co.kr");
    }

    @Test
    void getentReverseLookupUsesTheHostsFile() throws Exception {
        RunResult r = harness.run("getent hosts 10.10.100.5");
        assertThat(r.output()).containsExactly("10.10.100.5     app.example.co.kr app");
        assertThat(r.summary()).startsWith("10.10.100.5 is app.example.co.kr in ");
    }

    @Test
    void getentOfAnUnknownNamePrintsNothingAndFails() throws Exception {
        RunResult r = harness.run("getent hosts nosuch.example.invalid");
        assertThat(r.output()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).startsWith("nosuch.example.invalid is in neither the hosts file nor DNS");
        assertThat(r.elapsedMs()).isLessThan(5000);
    }
}
