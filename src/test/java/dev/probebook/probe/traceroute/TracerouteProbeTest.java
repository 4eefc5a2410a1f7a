package dev.probebook.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.LastErrorException;
import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.command.UsageException;
import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.net.IcmpErrors;
import dev.probebook.net.IpFamily;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.ParsedCommand;
import dev.probebook.probe.Verdict;
import dev.probebook.settings.Settings;
import dev.probebook.settings.SettingsLoader;
import dev.probebook.testing.ProbeHarness;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * traceroute without sending anything: its options, the line of each hop, the annotation of unreachable answers,
 * the missing privilege, and the tool's banner in a runbook's output block. The traces themselves are in
 * {@link TracerouteNamespaceTest} (routers of the test's own) and below on loopback when ICMP may be sent.
 */
class TracerouteProbeTest {

    private static TracerouteCommand parse(String line) throws UsageException {
        List<String> words = ShellLine.parse(line).words();
        return new TracerouteProbe().parse(words.get(0), Args.run(words.subList(1, words.size())));
    }

    @Test
    void optionsAreTraceroutesAndTheProbeKindsItCannotSendAreUsageErrors() throws Exception {
        TracerouteCommand c = parse("traceroute -n -I -m 12 -q 2 -w 1.5 -f 2 10.0.0.5 100");
        assertThat(c.host()).isEqualTo("10.0.0.5");
        assertThat(c.maxTtl()).isEqualTo(12);
        assertThat(c.queries()).isEqualTo(2);
        assertThat(c.maxWait().toMillis()).isEqualTo(1500);
        assertThat(c.firstTtl()).isEqualTo(2);
        assertThat(c.packetLen()).isEqualTo(100);
        assertThat(c.icmpAsked()).isTrue();
        assertThat(parse("traceroute6 ::1").ipVersion()).isEqualTo(IpFamily.V6);

        assertThatThrownBy(() -> parse("traceroute -T -p 443 10.0.0.5"))
                .hasMessageContaining("not built in: Probebook traces with ICMP echo, as traceroute -I does")
                .hasMessageContaining("tcping HOST PORT");
        assertThatThrownBy(() -> parse("traceroute -x 10.0.0.5")).hasMessageContaining("unsupported option -x");
        assertThatThrownBy(() -> parse("traceroute -n")).hasMessageContaining("give the host to trace");
        assertThatThrownBy(() -> parse("traceroute -f 9 -m 3 10.0.0.5")).hasMessageContaining("beyond the last");
    }

    @Test
    void aHopLineIsTraceroutesWithAddressesOnlyWhenTheyChange() throws Exception {
        InetAddress a = InetAddress.getByName("10.0.0.1");
        InetAddress b = InetAddress.getByName("10.0.0.2");
        assertThat(TracerouteView.line(new Hop(
                        1,
                        List.of(
                                new Hop.Answer(a, 0.512, Hop.Kind.ROUTER, null),
                                new Hop.Answer(a, 0.43, Hop.Kind.ROUTER, null),
                                new Hop.Answer(b, 0.401, Hop.Kind.ROUTER, null)))))
                .isEqualTo(" 1  10.0.0.1  0.512 ms  0.430 ms 10.0.0.2  0.401 ms");
        assertThat(TracerouteView.line(new Hop(12, List.of(Hop.Answer.none(), Hop.Answer.none(), Hop.Answer.none()))))
                .isEqualTo("12  * * *");
        assertThat(TracerouteView.line(
                        new Hop(3, List.of(new Hop.Answer(b, 1.5, Hop.Kind.UNREACHABLE, "!X"), Hop.Answer.none()))))
                .isEqualTo(" 3  10.0.0.2  1.500 ms !X *");
    }

    @Test
    void unreachableAnswersGetTraceroutesMarks() {
        assertThat(TracerouteProbe.annotation(IcmpErrors.icmp4(3, 1, 0))).isEqualTo("!H");
        assertThat(TracerouteProbe.annotation(IcmpErrors.icmp4(3, 0, 0))).isEqualTo("!N");
        assertThat(TracerouteProbe.annotation(IcmpErrors.icmp4(3, 13, 0))).isEqualTo("!X");
        assertThat(TracerouteProbe.annotation(IcmpErrors.icmp4(3, 10, 0))).isEqualTo("!X");
        assertThat(TracerouteProbe.annotation(IcmpErrors.icmp4(3, 2, 0))).isEqualTo("!P");
        assertThat(TracerouteProbe.annotation(IcmpErrors.icmp4(3, 4, 1400))).isEqualTo("!F");
    }

    @Test
    void withoutPrivilegeTheErrorSaysHowToGrantIt() throws Exception {
        TracerouteProbe unprivileged = new TracerouteProbe((domain, type, protocol) -> {
            throw new LastErrorException(1); // EPERM for both kinds
        });
        Settings settings = SettingsLoader.load(Map.of());
        List<String> words = ShellLine.parse("traceroute 127.0.0.1").words();
        TracerouteCommand cmd = unprivileged.parse(words.get(0), Args.run(words.subList(1, words.size())));
        RunResult r;
        try (ProbeRunner runner = new ProbeRunner(settings, TargetPolicy.from(settings.policy()))) {
            r = runner.run(
                    new Invocation(
                            "traceroute 127.0.0.1", new ParsedCommand<>(unprivileged, words.get(0), cmd), List.of()),
                    RunListener.NONE);
        }
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.output()).containsExactly("socket: Operation not permitted");
        assertThat(r.summary())
                .contains("run as root")
                .contains("sudo setcap cap_net_raw+ep")
                .contains("net.ipv4.ping_group_range");
    }

    @Test
    void tracepathAndMtrAreShownAsNotRunNamingTraceroute() throws Exception {
        RunResult mtr = new ProbeHarness().run("mtr -r -c 10 10.0.0.5");
        assertThat(mtr.summary())
                .isEqualTo("not run: mtr is not built in — run it in a shell (Probebook runs 'traceroute HOST' for the"
                        + " same question)");
        assertThat(new ProbeHarness().run("tracepath -n 10.0.0.5").summary())
                .contains("Probebook runs 'traceroute HOST'");
    }

    @Test
    void theToolsBannerInAnOutputBlockIsNotACommand() {
        assertThat(new TracerouteProbe().claims("traceroute", List.of("to", "10.0.0.1", "(10.0.0.1),", "30")))
                .isFalse();
        assertThat(new TracerouteProbe().claims("traceroute", List.of("-n", "10.0.0.1")))
                .isTrue();
    }

    @Test
    void loopbackIsReachedInOneHopWhereIcmpMayBeSent() throws Exception {
        RunResult r = new ProbeHarness().run("traceroute -n -w 1 127.0.0.1");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                r.verdict() != Verdict.ERROR, "no ICMP socket for this process: " + r.summary());
        assertThat(r.output().getFirst())
                .isEqualTo("traceroute to 127.0.0.1 (127.0.0.1), 30 hops max, 60 byte packets");
        assertThat(r.output().get(1))
                .matches(" 1  127\\.0\\.0\\.1  \\d+\\.\\d{3} ms  \\d+\\.\\d{3} ms  \\d+\\.\\d{3} ms");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary())
                .startsWith("127.0.0.1 reached in 1 hop(s), ")
                .endsWith(". Probes were ICMP echo, as traceroute -I sends");
    }
}
