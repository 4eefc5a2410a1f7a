package dev.probebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditFile;
import dev.probebook.audit.AuditQuery;
import dev.probebook.audit.AuditedRuns;
import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.plan.CommandBinder;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.settings.Settings;
import dev.probebook.settings.SettingsLoader;
import dev.probebook.step.Admission;
import dev.probebook.step.RunPlace;
import dev.probebook.step.RunRefusal;
import dev.probebook.step.StepCommands;
import dev.probebook.step.StepListener;
import dev.probebook.step.StepOutcome;
import dev.probebook.step.StepRequest;
import dev.probebook.step.StepRun;
import dev.probebook.step.StepRunner;
import dev.probebook.testing.LoopbackServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate with the real step runner, the real engine and a real audit file: roles from what commands declare,
 * limits, audit records of every run and refusal, fail-closed.
 */
class ProbeGateTest {

    @TempDir
    Path dir;

    private final CommandBinder binder = new CommandBinder(ProbeRegistry.standard());
    private ProbeRunner runner;
    private AuditFile audit;
    private StepRunner steps;
    private ProbeGate gate;

    @BeforeEach
    void setUp() throws Exception {
        Settings settings = Settings.defaults();
        runner = new ProbeRunner(settings, TargetPolicy.from(settings.policy()));
        audit = new AuditFile(dir.resolve("audit.jsonl"));
        steps = new StepRunner(runner, List.of(new AuditedRuns(audit, Clock.systemUTC())), Clock.systemUTC());
        gate = gate(settings);
    }

    private static ProbeGate gate(Settings settings) {
        return new ProbeGate(new AccessRules(settings.roles()), new UserLimiter(settings.limits(), Clock.systemUTC()));
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    private StepRun start(ProbeGate through, Actor actor, RunPlace place, String line, StepListener listener) {
        StepRequest request = new StepRequest(actor.name(), place, List.of(StepCommands.typed(binder, line)), Map.of());
        return steps.start(request, through.admission(actor), listener);
    }

    private StepOutcome run(Actor actor, RunPlace place, String line) throws InterruptedException {
        return start(gate, actor, place, line, StepListener.NONE).await();
    }

    @Test
    void anOperatorRunIsAuditedWithTheResolvedTarget() throws Exception {
        try (LoopbackServers.Open open = new LoopbackServers.Open(null)) {
            String line = "nc -zv 127.0.0.1 " + open.port();
            StepOutcome r = run(Actor.of("otto", Role.OPERATOR), new RunPlace("net", 12), line);
            assertThat(r.refusal()).isNull();
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
        StepOutcome r = start(
                        gate,
                        Actor.of("vera", Role.VIEWER),
                        RunPlace.terminal(),
                        "nc -zv 127.0.0.1 9",
                        new StepListener() {
                            @Override
                            public void line(String line) {
                                lines.add(line);
                            }
                        })
                .await();
        assertThat(r.refusal()).isNotNull();
        assertThat(r.refusal().kind()).isEqualTo(RunRefusal.Kind.ROLE);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.summary()).isEqualTo("vera may not run probes: needs role operator (probebook.roles.run)");
        assertThat(lines).containsExactly("probebook: " + r.summary());
        assertThat(audit.query(AuditQuery.all().action(AuditAction.RUN_DENIED)))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("needs role operator"));
        assertThat(audit.query(AuditQuery.all().action(AuditAction.RUN_START))).isEmpty();
    }

    @Test
    void captureNeedsAdmin() throws Exception {
        StepOutcome r = run(Actor.of("otto", Role.OPERATOR), RunPlace.terminal(), "tcpdump -i lo -c 1");
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.summary()).contains("may not capture packets");
    }

    @Test
    void whenTheAuditLogCannotBeWrittenRunsAreRefusedBeforeTheyStart() throws Exception {
        try (LoopbackServers.Open open = new LoopbackServers.Open(null)) {
            Files.createDirectory(dir.resolve("audit.jsonl")); // a folder where the file should be: every append fails
            Actor otto = Actor.of("otto", Role.OPERATOR);
            List<String> lines = new CopyOnWriteArrayList<>();
            StepOutcome refused = start(
                            gate, otto, RunPlace.terminal(), "nc -zv 127.0.0.1 " + open.port(), new StepListener() {
                                @Override
                                public void line(String line) {
                                    lines.add(line);
                                }
                            })
                    .await();
            assertThat(refused.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(refused.refusal().kind()).isEqualTo(RunRefusal.Kind.UNAVAILABLE);
            assertThat(refused.summary()).contains("audit log").contains("audit.jsonl");
            assertThat(lines).noneMatch(l -> l.contains("succeeded")); // refused before it started: nothing was sent

            Files.delete(dir.resolve("audit.jsonl")); // writable again: the very next run goes through
            StepOutcome next = run(otto, RunPlace.terminal(), "nc -zv 127.0.0.1 " + open.port());
            assertThat(next.verdict()).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void thePermitIsGivenBackWhenARunEnds() throws Exception {
        ProbeGate one = gate(SettingsLoader.load(Map.of("probebook.limits.per-user-concurrent", "1")));
        Actor otto = Actor.of("otto", Role.OPERATOR);
        StepRun ping = start(
                one,
                otto,
                RunPlace.terminal(),
                "tcping -t -i 0.2 127.0.0.1 " + LoopbackServers.closedPort(),
                StepListener.NONE);
        StepOutcome refused = start(one, otto, RunPlace.terminal(), "nc -zv 127.0.0.1 9", StepListener.NONE)
                .await();
        assertThat(refused.summary()).contains("already has 1 probes running");
        assertThat(refused.refusal().kind()).isEqualTo(RunRefusal.Kind.LIMIT);
        ping.cancel();
        ping.await();
        StepOutcome again = start(one, otto, RunPlace.terminal(), "nc -zv -w 1 127.0.0.1 9", StepListener.NONE)
                .await(); // its audit record is written before the temp folder goes
        assertThat(again.refusal()).isNull();
    }

    @Test
    void oneCapturePerInterfaceFromWhatTheCommandDeclares() throws Exception {
        Actor ada = Actor.of("ada", Role.ADMIN);
        Admission.Permit first = gate.admission(ada).admit(List.of(invocation("tcpdump -i lo -c 1")));
        try {
            assertThat(start(gate, ada, RunPlace.terminal(), "tcpdump -i lo -c 1", StepListener.NONE)
                            .await()
                            .summary())
                    .isEqualTo("limit: a capture on lo is already running; one at a time");
        } finally {
            first.close();
        }
    }

    private Invocation invocation(String line) {
        return ((CommandBinder.Ready) StepCommands.typed(binder, line).bound()).invocation();
    }
}
