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
        return (TracerouteCommand) parsePath(line);
    }

    private static PathCommand parsePath(String line) throws UsageException {
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
        PathCommand cmd = unprivileged.parse(words.get(0), Args.run(words.subList(1, words.size())));
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
    void tracepathIsShownAsNotRunNamingTraceroute() throws Exception {
        assertThat(new ProbeHarness().run("tracepath -n 10.0.0.5").summary())
                .isEqualTo("not run: tracepath is not built in — run it in a shell (Probebook runs 'traceroute HOST'"
                        + " for the same question)");
    }

    @Test
    void mtrOptionsAreMtrsAndWhatItCannotDoIsAUsageError() throws Exception {
        MtrCommand m = (MtrCommand) parsePath("mtr -rwn -c 5 -i 0.5 -m 12 10.0.0.5");
        assertThat(m.host()).isEqualTo("10.0.0.5");
        assertThat(m.cycles()).isEqualTo(5);
        assertThat(m.interval().toMillis()).isEqualTo(500);
        assertThat(m.maxTtl()).isEqualTo(12);
        assertThat(m.wide()).isTrue();
        MtrCommand defaults = (MtrCommand) parsePath("mtr --report --report-cycles=3 10.0.0.5");
        assertThat(defaults.cycles()).isEqualTo(3);
        assertThat(defaults.interval().toSeconds()).isEqualTo(1);
        assertThat(defaults.wide()).isFalse();
        assertThat(((MtrCommand) parsePath("mtr -c10 -6 ::1")).ipVersion()).isEqualTo(IpFamily.V6);
        assertThatThrownBy(() -> parsePath("mtr -T -P 443 10.0.0.5")).hasMessageContaining("tcping HOST PORT");
        assertThatThrownBy(() -> parsePath("mtr --json 10.0.0.5")).hasMessageContaining("prints mtr's report");
        assertThatThrownBy(() -> parsePath("mtr -r")).hasMessageContaining("give the host to trace");
        assertThatThrownBy(() -> parsePath("mtr -c 0 10.0.0.5")).hasMessageContaining("-c");
    }

    @Test
    void mtrsReportPutsEachColumnWhereMtrDoes() throws Exception {
        // mtr 0.95's own lines, through a router to a host that ignores echo (network namespaces on this machine)
        MtrHop router = new MtrHop(1);
        InetAddress r = InetAddress.getByName("10.232.0.2");
        for (double ms : new double[] {0.1, 0.12, 0.08}) {
            router.answered(router.sent(), new Hop.Answer(r, ms, Hop.Kind.ROUTER, null));
        }
        MtrHop silent = new MtrHop(2);
        for (int i = 0; i < 3; i++) {
            silent.sent();
        }
        MtrCommand narrow = new MtrCommand("10.232.1.2", IpFamily.ANY, 3, java.time.Duration.ofSeconds(1), 30, false);
        assertThat(MtrReport.lines(narrow, "vm", List.of(router, silent)))
                .containsExactly(
                        "HOST: vm                          Loss%   Snt   Last   Avg  Best  Wrst StDev",
                        "  1.|-- 10.232.0.2                 0.0%     3    0.1   0.1   0.1   0.1   0.0",
                        "  2.|-- ???                       100.0     3    0.0   0.0   0.0   0.0   0.0");
        MtrCommand wide = new MtrCommand("10.232.1.2", IpFamily.ANY, 3, java.time.Duration.ofSeconds(1), 30, true);
        assertThat(MtrReport.lines(wide, "vm", List.of(router, silent)))
                .containsExactly(
                        "HOST: vm         Loss%   Snt   Last   Avg  Best  Wrst StDev",
                        "  1.|-- 10.232.0.2  0.0%     3    0.1   0.1   0.1   0.1   0.0",
                        "  2.|-- ???        100.0     3    0.0   0.0   0.0   0.0   0.0");
        assertThat(MtrReport.start(java.time.ZonedDateTime.parse("2026-12-07T03:35:41Z")))
                .isEqualTo("Start: 2026-12-07T03:35:41+0000");
    }

    private static MtrHop hop(int ttl, String address, Hop.Kind kind, Double... millis) throws Exception {
        MtrHop h = new MtrHop(ttl);
        for (Double ms : millis) {
            int probe = h.sent();
            if (ms != null) {
                h.answered(probe, new Hop.Answer(InetAddress.getByName(address), ms, kind, null));
            }
        }
        return h;
    }

    @Test
    void mtrsLossCountsOnlyWhereItCarriesOnToTheHost() throws Exception {
        MtrCommand cmd = new MtrCommand("db.internal", IpFamily.ANY, 4, java.time.Duration.ofSeconds(1), 30, false);
        var rateLimited = MtrVerdict.of(
                cmd,
                "10.0.9.9",
                List.of(
                        hop(1, "10.0.0.1", Hop.Kind.ROUTER, 0.4, 0.5, 0.4, 0.6),
                        hop(2, "10.0.1.1", Hop.Kind.ROUTER, 1.0, null, null, 1.2),
                        hop(3, "10.0.9.9", Hop.Kind.REACHED, 2.0, 2.2, 2.1, 2.3)));
        assertThat(rateLimited.verdict()).isEqualTo(Verdict.OK);
        assertThat(rateLimited.summary())
                .isEqualTo("db.internal (10.0.9.9) reached in 3 hop(s) with no loss over 4 round(s), average 2.2 ms,"
                        + " worst 2.3 ms; the loss at hop(s) [2] does not carry on to the host: those routers answer"
                        + " few probes themselves (ICMP rate limits), which is not packet loss");
        var lossy = MtrVerdict.of(
                cmd,
                "10.0.9.9",
                List.of(
                        hop(1, "10.0.0.1", Hop.Kind.ROUTER, 0.4, 0.5, 0.4, 0.6),
                        hop(2, "10.0.1.1", Hop.Kind.ROUTER, 1.0, null, 1.1, 1.2),
                        hop(3, "10.0.9.9", Hop.Kind.REACHED, 2.0, null, 2.1, 2.3)));
        assertThat(lossy.verdict()).isEqualTo(Verdict.WARN);
        assertThat(lossy.summary())
                .isEqualTo("db.internal (10.0.9.9) reached in 3 hop(s), but 25.0% of the probes to it were lost"
                        + " (average 2.1 ms, worst 2.3 ms): packets are dropped on the way, starting at hop 2"
                        + " (10.0.1.1), where the loss begins and carries on to the host. Look at that link or device,"
                        + " or run mtr again to see whether it lasts");
    }

    @Test
    void loopbackIsReachedByMtrWhereIcmpMayBeSent() throws Exception {
        RunResult r = new ProbeHarness().run("mtr -r -n -c 3 -i 0.2 127.0.0.1");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                r.verdict() != Verdict.ERROR, "no ICMP socket for this process: " + r.summary());
        assertThat(r.output().get(0)).matches("Start: \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{4}");
        assertThat(r.output().get(1)).startsWith("HOST: ").endsWith(" Loss%   Snt   Last   Avg  Best  Wrst StDev");
        assertThat(r.output().get(2)).matches("  1\\.\\|-- 127\\.0\\.0\\.1 {16}  0\\.0%     3 .*");
        assertThat(r.output()).hasSize(3);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).startsWith("127.0.0.1 reached in 1 hop(s) with no loss over 3 round(s), average ");
        TracerouteDetails d = (TracerouteDetails) r.details();
        assertThat(d.hops())
                .singleElement()
                .satisfies(h -> assertThat(h.millis()).hasSize(3).doesNotContainNull());
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
