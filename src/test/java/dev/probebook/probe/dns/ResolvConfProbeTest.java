package dev.probebook.probe.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Args;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cat /etc/resolv.conf: the file as cat prints it, and the resolver settings in effect. Fixture files only. */
class ResolvConfProbeTest {

    @TempDir
    Path dir;

    private ProbeResult cat(String text, RecordingContext ctx) throws Exception {
        Path file = dir.resolve("resolv.conf");
        Files.writeString(file, text);
        ResolvConfProbe probe = new ResolvConfProbe(file);
        assertThat(probe.claims("cat", List.of("/etc/resolv.conf"))).isTrue();
        return probe.run(probe.parse("cat", Args.run(List.of("/etc/resolv.conf"))), ctx);
    }

    @Test
    void printsTheFileAndSaysWhatTheResolverUses() throws Exception {
        RecordingContext ctx = new RecordingContext();
        ProbeResult r = cat("""
                # written by the cloud's DHCP client
                search svc.cluster.local corp.example
                nameserver 10.0.0.2
                nameserver 10.0.0.3
                options ndots:5 timeout:2
                """, ctx);
        assertThat(ctx.lines())
                .containsExactly(
                        "# written by the cloud's DHCP client",
                        "search svc.cluster.local corp.example",
                        "nameserver 10.0.0.2",
                        "nameserver 10.0.0.3",
                        "options ndots:5 timeout:2");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary())
                .isEqualTo("name servers 10.0.0.2, 10.0.0.3; search svc.cluster.local corp.example; options ndots:5"
                        + " timeout:2");
        assertThat(r.details().facts()).containsEntry("nameservers", "10.0.0.2 10.0.0.3");
    }

    @Test
    void theStubTheFourthServerAndNoServerAtAll() throws Exception {
        ProbeResult stub = cat("nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n", new RecordingContext());
        assertThat(stub.summary())
                .contains("127.0.0.53 is systemd-resolved's local stub")
                .contains("resolvectl status");

        ProbeResult four = cat(
                "nameserver 10.0.0.1\nnameserver 10.0.0.2\nnameserver 10.0.0.3\nnameserver 10.0.0.4\n",
                new RecordingContext());
        assertThat(four.verdict()).isEqualTo(Verdict.WARN);
        assertThat(four.summary()).contains("Only the first 3 are ever asked: 10.0.0.4 never are");

        ProbeResult none = cat("search corp.example\n", new RecordingContext());
        assertThat(none.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(none.summary()).startsWith("no nameserver line");

        ProbeResult lastSearchWins =
                cat("domain old.example\nsearch new.example\nnameserver 10.0.0.1\n", new RecordingContext());
        assertThat(lastSearchWins.summary()).contains("search new.example").doesNotContain("old.example");
    }

    @Test
    void probebooksOwnServersAreNamedWhenTheyAreSet() {
        ProbeResult r = ResolvConfProbe.judge(ResolvConf.parse("nameserver 10.0.0.2\n"), List.of("127.0.0.1:5353"));
        assertThat(r.summary())
                .isEqualTo("name servers 10.0.0.2; Probebook's own DNS steps ask 127.0.0.1:5353 instead"
                        + " (probebook.dns.servers)");
    }

    @Test
    void aMissingFileIsSaidAsCatSaysIt() throws Exception {
        RecordingContext ctx = new RecordingContext();
        ResolvConfProbe probe = new ResolvConfProbe(dir.resolve("absent"));
        ProbeResult r = probe.run(new ResolvConfCommand("cat"), ctx);
        assertThat(ctx.lines()).containsExactly("cat: /etc/resolv.conf: No such file or directory");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void onlyResolvConfIsClaimedAndHostsStaysWithTheHostsProbe() throws Exception {
        ProbeRegistry registry = ProbeRegistry.standard();
        assertThat(registry.recognise(List.of("cat", "/etc/resolv.conf"), Args.Mode.RUN))
                .hasValueSatisfying(r -> assertThat(r.command().probe().name()).isEqualTo("resolver"));
        assertThat(registry.recognise(List.of("cat", "/etc/hosts"), Args.Mode.RUN))
                .hasValueSatisfying(r -> assertThat(r.command().probe().name()).isEqualTo("hosts"));
        assertThat(new ResolvConfProbe().claims("cat", List.of("/etc/resolv.conf.bak")))
                .isFalse();
    }
}
