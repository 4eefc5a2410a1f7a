package dev.probebook.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.engine.ProbeRunner;
import dev.probebook.step.RunPlace;
import dev.probebook.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The run history on both databases it runs on: the embedded H2 file and a real PostgreSQL server on loopback. */
class RunStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static PostgresServer postgres;
    private static Path h2Dir;
    private static final List<RunStores.Opened> opened = new ArrayList<>();

    @BeforeAll
    static void startDatabases() throws Exception {
        postgres = PostgresServer.start();
        h2Dir = Files.createTempDirectory("probebook-h2");
    }

    @AfterAll
    static void stopDatabases() throws Exception {
        opened.forEach(RunStores.Opened::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A fresh, empty store on each database. */
    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private static RunStore fresh(String database) throws Exception {
        return freshOpened(database).store();
    }

    private static RunStores.Opened freshOpened(String database) throws Exception {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        RunStores.Opened o = database.equals("h2")
                ? RunStores.open(null, null, null, h2Dir.resolve(name))
                : RunStores.open(postgres.newDatabase(name), postgres.user(), "", h2Dir);
        opened.add(o);
        return o;
    }

    static RunRecord run(String runbook, Integer line, String session, String user, String verdict, Instant at) {
        return run(runbook, line, session, user, verdict, at, null);
    }

    /** A run recorded {@code via} another channel (the CLI, the practice lab). */
    static RunRecord run(
            String runbook, Integer line, String session, String user, String verdict, Instant at, String via) {
        return new RunRecord(
                UUID.randomUUID().toString(),
                session,
                at,
                at.plusMillis(40),
                user,
                user.toUpperCase(),
                via,
                runbook,
                "sha-1",
                line,
                line == null ? null : "Step at " + line,
                "nc -zv {{host}} 443",
                "nc -zv 10.0.0.5 443",
                "tcp",
                Map.of("host", "10.0.0.5"),
                verdict,
                "port 443 on 10.0.0.5 is " + (verdict.equals("ok") ? "open" : "refused"),
                "Connection to 10.0.0.5 443 port [tcp/https] succeeded!\n연결됨",
                false,
                "TcpDetails",
                "{\"host\":\"10.0.0.5\"}",
                Map.of("port 443 on 10.0.0.5", verdict.equals("ok") ? "open" : "refused"),
                "10.0.0.5:443",
                40,
                List.of("RUN"),
                false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunIsKeptWholeAndListedBriefly(String database) throws Exception {
        RunStore store = fresh(database);
        RunRecord r = run("net", 12, null, "otto", "ok", T0);
        store.record(r);
        RunRecord back = store.run(r.id()).orElseThrow();
        assertThat(back).isEqualTo(r);
        RunRecord brief = store.runs(RunQuery.latest(10)).get(0);
        assertThat(brief.output()).isNull();
        assertThat(brief.details()).isNull();
        assertThat(brief.facts()).isEqualTo(r.facts());
        assertThat(store.run("nope")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void runsAreFilteredByRunbookPersonVerdictTargetAndTime(String database) throws Exception {
        RunStore store = fresh(database);
        store.record(run("net", 12, null, "otto", "ok", T0));
        store.record(run("net", 12, null, "ada", "fail", T0.plusSeconds(10)));
        store.record(run("dns", 3, null, "otto", "ok", T0.plusSeconds(20)));
        store.record(run(null, null, null, "otto", "error", T0.plusSeconds(30)));
        assertThat(store.runs(RunQuery.latest(10)))
                .extracting(RunRecord::runbook)
                .containsExactly(null, "dns", "net", "net");
        assertThat(store.runs(RunQuery.latest(10).runbook("net").user("ada")))
                .extracting(RunRecord::verdict)
                .containsExactly("fail");
        assertThat(store.runs(RunQuery.latest(10).verdict("ok"))).hasSize(2);
        assertThat(store.runs(RunQuery.latest(10).target(":443"))).hasSize(4);
        assertThat(store.runs(RunQuery.latest(10).target("10.9"))).isEmpty();
        assertThat(store.runs(RunQuery.latest(10).since(T0.plusSeconds(15)))).hasSize(2);
        assertThat(store.runs(RunQuery.latest(2))).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachStepKeepsItsLastRunsAndItsLastGoodOne(String database) throws Exception {
        RunStore store = fresh(database);
        for (int i = 0; i < 6; i++) {
            store.record(run("net", 12, null, "otto", i % 2 == 0 ? "ok" : "fail", T0.plusSeconds(i)));
        }
        store.record(run("net", 30, null, "otto", "fail", T0));
        Map<Integer, List<RunRecord>> recent = store.recentByStep(
                "net", List.of(new StepKey(12, "Step at 12"), new StepKey(30, "Step at 30"), new StepKey(44, null)), 3);
        assertThat(recent.keySet()).containsExactly(12, 30);
        assertThat(recent.get(12))
                .hasSize(3)
                .extracting(RunRecord::startedAt)
                .containsExactly(T0.plusSeconds(5), T0.plusSeconds(4), T0.plusSeconds(3));
        assertThat(store.lastGood("net", new StepKey(12, "Step at 12"), null)
                        .orElseThrow()
                        .startedAt())
                .isEqualTo(T0.plusSeconds(4));
        String newestGood = store.lastGood("net", new StepKey(12, "Step at 12"), null)
                .orElseThrow()
                .id();
        assertThat(store.lastGood("net", new StepKey(12, "Step at 12"), newestGood)
                        .orElseThrow()
                        .startedAt())
                .as("the good run before the one being compared")
                .isEqualTo(T0.plusSeconds(2));
        assertThat(store.lastGood("net", new StepKey(12, "Another section"), null))
                .as("a line that now holds another section's step")
                .isEmpty();
        assertThat(store.lastGood("net", new StepKey(30, "Step at 30"), null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void freshnessComesFromTheLastWhollyGoodRunAll(String database) throws Exception {
        RunStore store = fresh(database);
        Instant now = T0.plus(Duration.ofDays(30));
        // an old good session, then a newer one with a failure: verified by the old one
        store.record(run("net", 12, "s1", "otto", "ok", T0));
        store.record(run("net", 30, "s1", "otto", "warn", T0.plusSeconds(5)));
        store.record(run("net", 12, "s2", "ada", "ok", T0.plus(Duration.ofDays(2))));
        store.record(run("net", 30, "s2", "ada", "fail", T0.plus(Duration.ofDays(2))));
        // step 30 has failed for everyone since then
        store.record(run("net", 30, null, "bea", "fail", now.minus(Duration.ofDays(1))));
        // a runbook that only ran single steps: run, never verified
        store.record(run("dns", 3, null, "otto", "ok", T0));
        Map<String, Freshness> f = store.freshness(List.of("net", "dns", "new"), now);
        assertThat(f.get("net").verifiedAt()).isEqualTo(T0.plusSeconds(5).plusMillis(40));
        assertThat(f.get("net").verifiedBy()).isEqualTo("OTTO");
        assertThat(f.get("net").verifiedTargets()).isEqualTo("10.0.0.5:443");
        assertThat(f.get("net").failingSteps()).containsExactly(30);
        assertThat(f.get("net").stale(now, Duration.ofDays(90))).isFalse();
        assertThat(f.get("net").stale(now, Duration.ofDays(7))).isTrue();
        assertThat(f.get("dns").verifiedAt()).isNull();
        assertThat(f.get("dns").neverRan()).isFalse();
        assertThat(f.get("new").neverRan()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunAllWithAStepStoppedHalfwayVerifiesNothing(String database) throws Exception {
        RunStore store = fresh(database);
        store.record(run("web", 12, "s1", "otto", "ok", T0));
        store.record(stopped(run("web", 30, "s1", "otto", "skipped", T0.plusSeconds(1))));
        // a step skipped for a missing value did not run: its session still counts
        store.record(run("dns", 12, "s2", "otto", "ok", T0));
        store.record(run("dns", 30, "s2", "otto", "skipped", T0.plusSeconds(1)));
        Map<String, Freshness> f = store.freshness(List.of("web", "dns"), T0.plus(Duration.ofDays(1)));
        assertThat(f.get("web").verifiedAt()).isNull();
        assertThat(f.get("dns").verifiedAt()).isNotNull();
    }

    private static RunRecord stopped(RunRecord r) {
        return new RunRecord(
                r.id(),
                r.session(),
                r.startedAt(),
                r.finishedAt(),
                r.user(),
                r.userName(),
                r.via(),
                r.runbook(),
                r.version(),
                r.stepLine(),
                r.stepHeading(),
                r.commandWritten(),
                r.commandRun(),
                r.probe(),
                r.variables(),
                r.verdict(),
                ProbeRunner.STOPPED,
                r.output(),
                r.truncated(),
                r.detailsType(),
                r.details(),
                r.facts(),
                r.targets(),
                r.elapsedMs(),
                r.permissions(),
                r.refused());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pruningKeepsTheNewestWithinAgeAndCount(String database) throws Exception {
        RunStores.Opened opened = freshOpened(database);
        RunStore store = opened.store();
        for (int i = 0; i < 10; i++) {
            store.record(run("net", 12, null, "otto", "ok", T0.plus(Duration.ofDays(i))));
        }
        assertThat(store.prune(T0.plus(Duration.ofDays(3)), 1000)).isEqualTo(3);
        assertThat(store.prune(Instant.EPOCH, 4)).isEqualTo(3);
        assertThat(store.runs(RunQuery.latest(100)))
                .extracting(RunRecord::startedAt)
                .containsExactly(
                        T0.plus(Duration.ofDays(9)),
                        T0.plus(Duration.ofDays(8)),
                        T0.plus(Duration.ofDays(7)),
                        T0.plus(Duration.ofDays(6)));
        try (Connection c = opened.pool().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM run_outputs")) {
            rs.next();
            assertThat(rs.getInt(1)).as("a pruned run's output goes with it").isEqualTo(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReportIsKeptWholeWhateverHappensToTheRuns(String database) throws Exception {
        RunStore store = fresh(database);
        RunRecord r = run("net", 12, "s1", "otto", "ok", T0);
        store.record(r);
        Report report = new Report(
                "rep-1",
                T0.plusSeconds(60),
                "otto",
                "OTTO",
                "net",
                "sha-1",
                "Net checks",
                "# Net\n\n```\nnc -zv {{host}} 443\n```\n",
                Map.of("host", "10.0.0.5"),
                List.of(r));
        store.saveReport(report);
        store.prune(T0.plus(Duration.ofDays(3650)), 0);
        assertThat(store.runs(RunQuery.latest(10))).isEmpty();
        assertThat(store.report("rep-1")).contains(report);
        assertThat(store.reports("net", 10)).extracting(Report.Summary::title).containsExactly("Net checks");
        assertThat(store.deleteReport("rep-1")).isTrue();
        assertThat(store.report("rep-1")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void runsInThePracticeLabAreNoEvidenceAboutTheRealTargets(String database) throws Exception {
        RunStore store = fresh(database);
        RunRecord real = run("net", 12, "s1", "otto", "fail", T0);
        store.record(real);
        for (int day = 0; day < 10; day++) {
            store.record(run(
                    "net",
                    12,
                    "lab" + day,
                    "ida",
                    day % 2 == 0 ? "ok" : "fail",
                    T0.plus(Duration.ofDays(day)),
                    RunPlace.PRACTICE_LAB));
        }
        assertThat(store.lastGood("net", new StepKey(12, "Step at 12"), null))
                .as("a good run in the lab is not the step's last good run")
                .isEmpty();
        Freshness f =
                store.freshness(List.of("net"), T0.plus(Duration.ofDays(10))).get("net");
        assertThat(f.lastRun()).isEqualTo(real.finishedAt());
        assertThat(f.verifiedAt()).as("lab sessions verify nothing").isNull();
        assertThat(store.runs(RunQuery.latest(50)))
                .as("but the learner's runs are kept")
                .hasSize(11);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void progressIsKeptPerPersonAndSurvivesReopening(String database) throws Exception {
        RunStores.Opened o = freshOpened(database);
        RunStore store = o.store();
        Progress p = Progress.started("otto", "Otto", Progress.Kind.GUIDE, "net.en", 4, T0)
                .marked(1, Progress.PASSED, T0.plusSeconds(10))
                .hint(T0.plusSeconds(11))
                .at(2, T0.plusSeconds(12));
        store.saveProgress(p);
        store.saveProgress(Progress.started("ida", "Ida", Progress.Kind.DRILL, "drill-refused", 1, T0)
                .attempt("dropped", T0.plusSeconds(5)));
        Progress later = p.marked(2, Progress.SKIPPED, T0.plusSeconds(20))
                .marked(3, Progress.READ, T0.plusSeconds(21))
                .marked(4, Progress.PASSED, T0.plusSeconds(22))
                .complete(T0.plusSeconds(22));
        store.saveProgress(later);

        assertThat(store.progress("otto", Progress.Kind.GUIDE, "net.en")).contains(later);
        assertThat(store.progress("otto", Progress.Kind.DRILL, "net.en")).isEmpty();
        assertThat(later.stepsDone()).isEqualTo(4);
        assertThat(later.stepsSkipped()).isEqualTo(1);
        assertThat(later.completed()).isTrue();
        assertThat(store.allProgress(10))
                .extracting(Progress::userKey)
                .as("most recently updated first")
                .containsExactly("otto", "ida");
        assertThat(store.allProgress(10).get(1).lastAnswer()).isEqualTo("dropped");
        assertThat(store.allProgress(10).get(1).attempts()).isEqualTo(1);
    }

    @Test
    void theEmbeddedFileIsPrivate() throws Exception {
        Path dir = h2Dir.resolve("private");
        try (RunStores.Opened o = RunStores.open(null, null, null, dir)) {
            o.store().record(run("net", 1, null, "otto", "ok", T0));
        }
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("history.mv.db")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aDatabaseThatIsDownFailsEachCallWithTheReasonAndRecovers() throws Exception {
        try (PostgresServer own = PostgresServer.start();
                RunStores.Opened o = RunStores.open(own.newDatabase("down"), own.user(), "", h2Dir)) {
            RunStore store = o.store();
            store.record(run("net", 1, null, "otto", "ok", T0));
            own.kill();
            assertThatThrownBy(() -> store.record(run("net", 1, null, "otto", "ok", T0)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("PostgreSQL at");
        }
    }
}
