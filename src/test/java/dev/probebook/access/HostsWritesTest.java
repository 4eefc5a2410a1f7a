package dev.probebook.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditFile;
import dev.probebook.audit.AuditQuery;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.net.HostsEdit;
import dev.probebook.net.HostsFileEditor;
import dev.probebook.net.HostsWriteResult;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.settings.Settings;
import dev.probebook.settings.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosts-file write behind the notebook's "Apply" button: admin only, previewed, audited before it writes. */
class HostsWritesTest {

    @TempDir
    Path dir;

    private Path hosts;
    private ProbeRunner runner;
    private HostsWrites writes;
    private AuditFile audit;

    @BeforeEach
    void setUp() throws Exception {
        hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n10.0.0.1 app.example.test\n");
        Settings settings = SettingsLoader.load(Map.of(
                "probebook.hosts-file",
                hosts.toString(),
                "probebook.data-dir",
                dir.resolve("data").toString()));
        runner = new ProbeRunner(settings, TargetPolicy.allowAll());
        audit = new AuditFile(settings.dataDir().resolve("audit.jsonl"));
        AccessRules rules = new AccessRules(settings.roles());
        writes = new HostsWrites(settings, rules, audit, new HostsFileEditor(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    @Test
    void anAdminWritesThePreviewedChangeWithABackupAndTwoAuditRecords() throws Exception {
        Actor ada = Actor.of("ada", Role.ADMIN);
        HostsEdit edit = writes.preview(ada, "10.0.0.2", List.of("app.example.test"), HostsFileEditor.Mode.ADD_OR_MOVE);
        assertThat(edit.changes())
                .extracting(HostsEdit.Change::display)
                .contains("- 10.0.0.1 app.example.test", "+ 10.0.0.2 app.example.test");
        HostsWriteResult r = writes.apply(ada, edit);
        assertThat(Files.readString(hosts))
                .contains("10.0.0.2 app.example.test")
                .doesNotContain("10.0.0.1");
        assertThat(r.backup()).startsWith(dir.resolve("data/hosts-backups"));
        assertThat(Files.readString(r.backup())).contains("10.0.0.1 app.example.test");
        List<AuditEvent> events = audit.query(AuditQuery.all().action(AuditAction.HOSTS_WRITE));
        assertThat(events).extracting(AuditEvent::verdict).containsExactly("ok", "pending");
        assertThat(events.get(0).detail())
                .contains("+ 10.0.0.2 app.example.test")
                .contains("backup: ");
    }

    @Test
    void anOperatorMayNeitherPreviewNorWrite() throws Exception {
        Actor ada = Actor.of("ada", Role.ADMIN);
        HostsEdit edit = writes.preview(ada, "10.0.0.2", List.of("app.example.test"), HostsFileEditor.Mode.ADD_OR_MOVE);
        Actor otto = Actor.of("otto", Role.OPERATOR);
        assertThatThrownBy(() -> writes.preview(otto, "10.0.0.2", List.of("x.test"), HostsFileEditor.Mode.APPEND))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("needs role admin");
        assertThatThrownBy(() -> writes.apply(otto, edit)).isInstanceOf(AccessDeniedException.class);
        assertThat(Files.readString(hosts)).contains("10.0.0.1 app.example.test");
    }

    @Test
    void noAuditNoWrite() throws Exception {
        Actor ada = Actor.of("ada", Role.ADMIN);
        HostsEdit edit = writes.preview(ada, "10.0.0.2", List.of("app.example.test"), HostsFileEditor.Mode.ADD_OR_MOVE);
        Files.createDirectories(audit.file()); // a folder where the log should be: appends fail
        assertThatThrownBy(() -> writes.apply(ada, edit)).isInstanceOf(AuditException.class);
        assertThat(Files.readString(hosts)).isEqualTo("127.0.0.1 localhost\n10.0.0.1 app.example.test\n");
    }
}
