package dev.probebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditLog;
import dev.probebook.audit.AuditQuery;
import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.settings.Settings;
import dev.probebook.testing.LoopbackServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate against the real engine and a real audit file: roles, limits, audit records, fail-closed. */
class ProbeGateTest {

    @TempDir
    Path dir;

    private ProbeRunner runner;
    private AuditLog audit;
    private ProbeGate gate;

    @BeforeEach
    void setUp() throws Exception {
        Settings settings = Settings.defaults();
        runner = new ProbeRunner(settings, TargetPolicy.from(settings.policy()));
        audit = new AuditLog(dir.resolve("audit.jsonl"));
        gate = new ProbeGate(
                runner,
                new AccessRules(settings.roles()),
                new UserLimiter(settings.limits(), Clock.systemUTC()),
                audit,
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    private static Invocation invocation(String line) throws Exception {
        ShellLine parsed = ShellLine.parse(line);
        var recognised = ProbeRegistry.standard()
                .recognise(parsed.words(), Args.Mode.RUN)
                .orElseThrow();
        return new Invocation(line, recognised.command(), parsed.filters());
    }

    @Test
    void anOperatorRunIsAuditedWithTheResolvedTarget() throws Exception {
        try (LoopbackServers.Open open = new LoopbackServers.Open(null)) {
            String line = "nc -zv 127.0.0.1 " + open.port();
            ProbeGate.Admission a = gate.admit(
                    Actor.of("otto", Role.OPERATOR), new RunPlace("net", 12), invocation(line), RunListener.NONE);
            assertThat(a).isInstanceOf(ProbeGate.Admitted.class);
            RunResult r = a.handle().await();
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            List<AuditEvent> events = audit.query(AuditQuery.all());
            assertThat(events).extracting(AuditEvent::action).containsExactly(AuditAction.RUN, AuditAction.RUN_START);
            assertThat(events.get(1).command()).isEqualTo(line);
            AuditEvent e = events.get(0);
            assertThat(e.action()).isEqualTo(AuditAction.RUN);
            assertThat(e.user()).isEqualTo("otto");
            assertThat(e.runbook()).isEqualTo("net");
            assertThat(e.step()).isEqualTo(12);
            assertThat(e.command()).isEqualTo(line);
            assertThat(e.target()).isEqualTo("127.0.0.1:" + open.port());
            assertThat(e.verdict()).isEqualTo("ok");
            assertThat(e.durationMs()).isNotNull();
        }
    }

    @Test
    void aViewerIsRefusedOnTheServerAndTheRefusalIsAudited() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        ProbeGate.Admission a = gate.admit(
                Actor.of("vera", Role.VIEWER),
                RunPlace.terminal(),
                invocation("nc -zv 127.0.0.1 9"),
                new RunListener() {
                    @Override
                    public void line(String line) {
                        lines.add(line);
                    }
                });
        assertThat(a).isInstanceOf(ProbeGate.Refused.class);
        RunResult r = a.handle().await();
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.summary()).isEqualTo("vera may not run probes: needs role operator (probebook.roles.run)");
        assertThat(lines).containsExactly("probebook: " + r.summary());
        assertThat(audit.query(AuditQuery.all().action(AuditAction.RUN_DENIED)))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("needs role operator"));
    }

    @Test
    void captureNeedsAdmin() throws Exception {
        RunResult r = gate.start(
                        Actor.of("otto", Role.OPERATOR),
                        RunPlace.terminal(),
                        invocation("tcpdump -i lo -c 1"),
                        RunListener.NONE)
                .await();
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.summary()).contains("may not capture packets");
    }

    @Test
    void whenTheAuditLogCannotBeWrittenRunsAreRefusedBeforeTheyStart() throws Exception {
        try (LoopbackServers.Open open = new LoopbackServers.Open(null)) {
            Files.createDirectory(dir.resolve("audit.jsonl")); // a folder where the file should be: every append fails
            Actor otto = Actor.of("otto", Role.OPERATOR);
            List<String> lines = new CopyOnWriteArrayList<>();
            RunResult refused = gate.start(
                            otto,
                            RunPlace.terminal(),
                            invocation("nc -zv 127.0.0.1 " + open.port()),
                            new RunListener() {
                                @Override
                                public void line(String line) {
                                    lines.add(line);
                                }
                            })
                    .await();
            assertThat(refused.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(refused.summary()).contains("audit log").contains("audit.jsonl");
            assertThat(lines).noneMatch(l -> l.contains("succeeded")); // refused before it started: nothing was sent

            Files.delete(dir.resolve("audit.jsonl"));
            gate.record(AuditEvent.of(java.time.Instant.now(), "admin", AuditAction.SIGN_IN)); // writable again
            RunResult third = gate.start(
                            otto, RunPlace.terminal(), invocation("nc -zv 127.0.0.1 " + open.port()), RunListener.NONE)
                    .await();
            assertThat(third.verdict()).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void thePermitIsGivenBackWhenARunEnds() throws Exception {
        Settings settings = dev.probebook.settings.SettingsLoader.load(
                java.util.Map.of("probebook.limits.per-user-concurrent", "1"));
        ProbeGate one = new ProbeGate(
                runner,
                new AccessRules(settings.roles()),
                new UserLimiter(settings.limits(), Clock.systemUTC()),
                audit,
                Clock.systemUTC());
        Actor otto = Actor.of("otto", Role.OPERATOR);
        var ping = one.start(
                otto,
                RunPlace.terminal(),
                invocation("tcping -t -i 0.2 127.0.0.1 " + LoopbackServers.closedPort()),
                RunListener.NONE);
        RunResult refused = one.start(otto, RunPlace.terminal(), invocation("nc -zv 127.0.0.1 9"), RunListener.NONE)
                .await();
        assertThat(refused.summary()).contains("already has 1 probes running");
        ping.cancel();
        ping.await();
        ProbeGate.Admission again =
                one.admit(otto, RunPlace.terminal(), invocation("nc -zv -w 1 127.0.0.1 9"), RunListener.NONE);
        assertThat(again).isInstanceOf(ProbeGate.Admitted.class);
        again.handle().await(); // its audit record is written before the temp folder goes
    }
}
