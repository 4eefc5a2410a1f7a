package dev.probebook.probe.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.command.UsageException;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.testing.ProbeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;

/** The add forms (bare hosts line, echo >>, tee -a): previewed against the file, never written. */
class HostsChangeTest {

    @TempDir
    Path dir;

    Path hosts;
    ProbeHarness harness;
    byte[] before;
    FileTime modified;

    @BeforeEach
    void writeHostsFile() throws Exception {
        hosts = dir.resolve("hosts");
        Files.write(hosts, List.of("127.0.0.1 localhost", "::1 localhost", "10.0.0.9 app.example.co.kr app"));
        before = Files.readAllBytes(hosts);
        modified = Files.getLastModifiedTime(hosts);
        harness = new ProbeHarness(Map.of("probebook.hosts-file", hosts.toString()));
    }

    @AfterEach
    void fileIsNeverWritten() throws Exception {
        assertThat(Files.readAllBytes(hosts)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(hosts)).isEqualTo(modified);
        assertThat(Files.list(dir)).containsExactly(hosts);
    }

    @Test
    void aNewMappingIsPreviewedAndSkipped() throws Exception {
        RunResult r = harness.run("10.10.100.5 new.example.co.kr");
        assertThat(r.probe()).isEqualTo("hosts");
        assertThat(r.output())
                .containsExactly(
                        "--- " + hosts, "+++ " + hosts + " (preview, not written)", "+ 10.10.100.5 new.example.co.kr");
        assertThat(r.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(r.summary())
                .isEqualTo("would add '10.10.100.5 new.example.co.kr' to " + hosts
                        + " (not written: hosts-file writes are a separate, guarded action)");
        HostsDetails d = (HostsDetails) r.details();
        assertThat(d.proposedLine()).isEqualTo("10.10.100.5 new.example.co.kr");
        assertThat(d.conflicts()).isEmpty();
        assertThat(d.entries()).hasSize(3);
        assertThat(new ObjectMapper().writeValueAsString(d))
                .contains("\"proposedLine\":\"10.10.100.5 new.example.co.kr\"")
                .contains("\"entries\":[{\"line\":1,\"address\":\"127.0.0.1\",\"names\":[\"localhost\"]}");
    }

    @Test
    void aScopedAddressIsRefusedByTheDryRunAsApplyWouldRefuseIt() throws Exception {
        for (String line :
                new String[] {"fe80::1%eth0 app.example.co.kr", "echo \"fe80::1%eth0 app.example.co.kr\" >> /etc/hosts"
                }) {
            assertThatThrownBy(() -> harness.run(line))
                    .as(line)
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("has a zone (%eth0)");
        }
    }

    @Test
    void anExistingMappingIsAlreadyThere() throws Exception {
        RunResult r = harness.run("10.0.0.9 APP.example.co.kr");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).startsWith("already in " + hosts).contains("(line 3)");
        assertThat(r.output()).last().isEqualTo("  10.0.0.9 app.example.co.kr app");
        assertThat(((HostsDetails) r.details()).proposedMode()).isEmpty(); // nothing to apply, no Apply button
    }

    @Test
    void aNameWithAnotherAddressWouldChangeAndTheEditKeepsOtherAliases() throws Exception {
        RunResult r = harness.run("10.10.100.5 app.example.co.kr");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary())
                .startsWith("would change app.example.co.kr from 10.0.0.9 to 10.10.100.5 (line 3)")
                .endsWith("not written: hosts-file writes are a separate, guarded action");
        assertThat(r.output())
                .endsWith("- 10.0.0.9 app.example.co.kr app", "+ 10.0.0.9 app", "+ 10.10.100.5 app.example.co.kr");
        assertThat(((HostsDetails) r.details()).conflicts())
                .containsExactly(new HostsDetails.Conflict("app.example.co.kr", "10.0.0.9", 3, "10.10.100.5"));
    }

    @Test
    void anEditTakesTheNameOffEveryLineThatGivesItAnotherAddress() throws Exception {
        Files.write(hosts, List.of("10.0.0.9 app.example.co.kr app", "10.0.0.10 app.example.co.kr"));
        before = Files.readAllBytes(hosts);
        modified = Files.getLastModifiedTime(hosts);
        RunResult r = harness.run("10.10.100.5 app.example.co.kr");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.output())
                .endsWith(
                        "- 10.0.0.9 app.example.co.kr app",
                        "+ 10.0.0.9 app",
                        "- 10.0.0.10 app.example.co.kr",
                        "+ 10.10.100.5 app.example.co.kr");
    }

    @Test
    void echoAppendOfAConflictSaysTheOldLineStaysFirst() throws Exception {
        RunResult r = harness.run("echo \"10.10.100.5 app.example.co.kr\" >> /etc/hosts");
        assertThat(r.probe()).isEqualTo("hosts");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.summary())
                .contains("would change app.example.co.kr from 10.0.0.9 to 10.10.100.5")
                .contains("appending keeps line 3 first")
                .contains("edit line 3 instead");
        assertThat(r.output()).endsWith("  10.0.0.9 app.example.co.kr app", "+ 10.10.100.5 app.example.co.kr");
    }

    @Test
    void teeAppendOfANewMappingIsSkipped() throws Exception {
        RunResult r = harness.run("echo \"10.10.100.7 db.example.co.kr db\" | sudo tee -a /etc/hosts");
        assertThat(r.probe()).isEqualTo("hosts");
        assertThat(r.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(r.output()).last().isEqualTo("+ 10.10.100.7 db.example.co.kr db");
        assertThat(r.summary()).startsWith("would add '10.10.100.7 db.example.co.kr db' to ");
    }

    @Test
    void ipv6AndIpv4MappingsOfOneNameDoNotConflict() throws Exception {
        RunResult r = harness.run("echo ::1 app >> /etc/hosts");
        assertThat(r.verdict()).isEqualTo(Verdict.SKIPPED);
    }

    @Test
    void badLinesAreUsageErrors() {
        ProbeRegistry registry = ProbeRegistry.standard();
        assertThatThrownBy(() -> registry.recognise(
                        ShellLine.parse("echo \"app.example.co.kr 10.0.0.1\" >> /etc/hosts")
                                .words(),
                        Args.Mode.RUN))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'app.example.co.kr' is not an IP address");
        assertThatThrownBy(() -> registry.recognise(
                        ShellLine.parse("echo \"10.0.0.1 bad_name!\" >> /etc/hosts")
                                .words(),
                        Args.Mode.RUN))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("bad_name!");
        assertThatThrownBy(() -> registry.recognise(
                        ShellLine.parse("echo \"10.0.0.1 10.0.0.2\" >> /etc/hosts")
                                .words(),
                        Args.Mode.RUN))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("not a host name");
        assertThatThrownBy(() -> registry.recognise(
                        ShellLine.parse("echo \"10.0.0.1\" >> /etc/hosts").words(), Args.Mode.RUN))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("not a hosts line");
        // a bound template whose address is still a placeholder
        assertThatThrownBy(() -> registry.recognise(List.of("10.10.100.IP", "app.example.co.kr"), Args.Mode.RUN))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'10.10.100.IP' is not an IP address");
    }
}
