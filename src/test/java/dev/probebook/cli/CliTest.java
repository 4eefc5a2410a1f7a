package dev.probebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.history.RunQuery;
import dev.probebook.history.RunRecord;
import dev.probebook.history.RunStores;
import dev.probebook.testing.LoopbackServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** End to end through the CLI entry point (in process): runbook in, stdout shape and exit status out. */
class CliTest {

    @TempDir
    Path dir;

    record Outcome(int status, String out, String err) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }
    }

    static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.main(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path runbook(String text) throws Exception {
        Path file = dir.resolve("check.md");
        Files.writeString(file, text);
        return file;
    }

    private static final String RUNBOOK = """
            ---
            title: Port check
            ---
            ## Open port
            ```
            telnet IP또는도메인 포트
            ```
            <mark>Connected</mark>
            ```
            Trying 10.0.0.1...
            Connected to 10.0.0.1.
            ```
            ## Closed port
            ```
            nc -zv -w 1 127.0.0.1 {{closed_port}}
            ```
            """;

    @Test
    void stepsJsonHasTheContractShape() throws Exception {
        Outcome o = cli("steps", runbook(RUNBOOK).toString(), "--json");
        assertThat(o.status()).isZero();
        JsonNode json = o.json();
        assertThat(json.get("title").asString()).isEqualTo("Port check");
        assertThat(json.get("variables")).hasSize(3);
        assertThat(json.get("variables").get(0).get("name").asString()).isEqualTo("host");
        assertThat(json.get("variables").get(0).get("placeholders").get(0).asString())
                .isEqualTo("IP또는도메인");
        JsonNode blocks = json.get("blocks");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).get("line").asInt()).isEqualTo(5);
        assertThat(blocks.get(0).get("kind").asString()).isEqualTo("step");
        assertThat(blocks.get(0).get("section").asString()).isEqualTo("Open port");
        JsonNode command = blocks.get(0).get("commands").get(0);
        assertThat(command.get("text").asString()).isEqualTo("telnet IP또는도메인 포트");
        assertThat(command.get("probe").asString()).isEqualTo("tcp");
        assertThat(command.get("alternative").asBoolean()).isFalse();
        assertThat(blocks.get(1).get("kind").asString()).isEqualTo("example");
        assertThat(blocks.get(1).get("caption").asString()).isEqualTo("Connected");
        assertThat(blocks.get(1).get("commands")).isEmpty();
    }

    @Test
    void runJsonReportsEachStepAndExitsOneWhenAStepFails() throws Exception {
        try (var server = new LoopbackServers.Open(null)) {
            int closed = LoopbackServers.closedPort();
            Outcome o = cli(
                    "run",
                    runbook(RUNBOOK).toString(),
                    "--set",
                    "host=127.0.0.1",
                    "--set",
                    "port=" + server.port(),
                    "--set",
                    "closed_port=" + closed,
                    "--json",
                    "--probebook.tcp.banner-wait=100ms");
            assertThat(o.status()).as(o.err()).isEqualTo(1);
            JsonNode steps = o.json().get("steps");
            assertThat(steps).hasSize(2);
            JsonNode first = steps.get(0);
            assertThat(first.get("line").asInt()).isEqualTo(5);
            assertThat(first.get("command").asString()).isEqualTo("telnet 127.0.0.1 " + server.port());
            assertThat(first.get("probe").asString()).isEqualTo("tcp");
            assertThat(first.get("verdict").asString()).isEqualTo("ok");
            assertThat(first.get("output").asString()).contains("Connected to 127.0.0.1.");
            assertThat(first.get("elapsedMs").asLong()).isNotNegative();
            assertThat(steps.get(1).get("verdict").asString()).isEqualTo("fail");
            assertThat(steps.get(1).get("output").asString()).contains("Connection refused");
        }
    }

    @Test
    void runOnlySelectedStepsAndSkipUnboundOnes() throws Exception {
        Outcome o = cli("run", runbook(RUNBOOK).toString(), "--step", "5", "--json");
        assertThat(o.status()).isZero();
        JsonNode step = o.json().get("steps").get(0);
        assertThat(o.json().get("steps")).hasSize(1);
        assertThat(step.get("verdict").asString()).isEqualTo("skipped");
        assertThat(step.get("summary").asString())
                .contains("variable host (IP또는도메인)")
                .contains("variable port (포트)");
    }

    @Test
    void humanRunStreamsOutputAndTallies() throws Exception {
        try (var server = new LoopbackServers.Open(null)) {
            Outcome o = cli(
                    "run",
                    runbook(RUNBOOK).toString(),
                    "--step",
                    "6",
                    "--set",
                    "host=127.0.0.1",
                    "--set",
                    "port=" + server.port(),
                    "--probebook.tcp.banner-wait=100ms");
            assertThat(o.status()).isZero();
            assertThat(o.out())
                    .contains(
                            "== line 5 Open port",
                            "$ telnet 127.0.0.1 " + server.port(),
                            "Escape character is '^]'.",
                            "[ok] connected to 127.0.0.1",
                            "1 steps: 1 ok, 0 warn, 0 skipped, 0 fail, 0 error");
        }
    }

    @Test
    void execTakesShellWordsOrOneLine() throws Exception {
        int closed = LoopbackServers.closedPort();
        Outcome words = cli("exec", "--json", "--", "nc", "-zv", "127.0.0.1", String.valueOf(closed));
        assertThat(words.status()).isEqualTo(1);
        assertThat(words.json().get("steps").get(0).get("verdict").asString()).isEqualTo("fail");
        assertThat(words.json().get("steps").get(0).get("command").asString()).isEqualTo("nc -zv 127.0.0.1 " + closed);
        Outcome line = cli("exec", "--", "nc -zv 127.0.0.1 " + closed);
        assertThat(line.status()).isEqualTo(1);
        assertThat(line.out())
                .contains("nc: connect to 127.0.0.1 port " + closed + " (tcp) failed: Connection refused");
        Outcome placeholder = cli("exec", "--json", "--", "telnet", "IP또는도메인", "80");
        assertThat(placeholder.status()).isZero();
        assertThat(placeholder.json().get("steps").get(0).get("verdict").asString())
                .isEqualTo("skipped");
    }

    @Test
    void stepsRunOnceInDocumentOrderAndBadValuesAreRefused() throws Exception {
        Outcome o = cli(
                "run",
                runbook(RUNBOOK).toString(),
                "--step",
                "16",
                "--step",
                "6",
                "--step",
                "5",
                "--json",
                "--set",
                "host=-4",
                "--set",
                "port=1",
                "--set",
                "closed_port=1");
        JsonNode steps = o.json().get("steps");
        assertThat(steps).extracting(s -> s.get("line").asInt()).containsExactly(5, 14);
        assertThat(steps.get(0).get("verdict").asString()).isEqualTo("error");
        assertThat(steps.get(0).get("summary").asString())
                .contains("variable host")
                .contains("option");
    }

    @Test
    void recordKeepsTheRunsInTheHistoryOfTheDataDirectory() throws Exception {
        Path data = dir.resolve("data");
        try (var open = new LoopbackServers.Open(null)) {
            Path file = runbook(RUNBOOK);
            Outcome run = cli(
                    "run",
                    file.toString(),
                    "--set",
                    "host=127.0.0.1",
                    "--set",
                    "port=" + open.port(),
                    "--set",
                    "closed_port=" + LoopbackServers.closedPort(),
                    "--record",
                    "--probebook.data-dir=" + data);
            assertThat(run.err()).doesNotContain("not recorded");
            assertThat(cli(
                                    "exec",
                                    "--record",
                                    "--probebook.data-dir=" + data,
                                    "--",
                                    "nc",
                                    "-zv",
                                    "127.0.0.1",
                                    String.valueOf(open.port()))
                            .status())
                    .isZero();
        }
        try (var history = RunStores.open(null, null, null, data)) {
            var runs = history.store().runs(RunQuery.latest(10));
            assertThat(runs).extracting(RunRecord::runbook).containsExactly(null, "check", "check");
            assertThat(runs.get(2).session()).isEqualTo(runs.get(1).session()).isNotNull();
            assertThat(runs.get(1).version()).hasSize(64);
            assertThat(runs.get(0).via()).isEqualTo("via the CLI");
        }
    }

    @Test
    void misspeltCommandsAreUsageErrorsNotTheWebApp() {
        assertThat(Cli.isCliInvocation(new String[] {"stpes", "x.md"})).isTrue();
        assertThat(Cli.isCliInvocation(new String[] {"--server.port=9090"})).isFalse();
        assertThat(Cli.isCliInvocation(new String[] {})).isFalse();
        assertThat(cli("stpes", "x.md").status()).isEqualTo(2);
    }

    @Test
    void settingsWrittenBeforeTheCommandBelongToIt() throws Exception {
        assertThat(Cli.isCliInvocation(new String[] {"--probebook.probe-timeout=5s", "exec", "--", "tcping", "x"}))
                .isTrue();
        assertThat(Cli.isCliInvocation(new String[] {"--probebook.data-dir=d", "--server.port=9090"}))
                .as("the web app's own arguments")
                .isFalse();
        assertThat(Cli.commandFirst(new String[] {"--probebook.a=1", "--probebook.b=2", "exec", "--", "nc"}))
                .containsExactly("exec", "--probebook.a=1", "--probebook.b=2", "--", "nc");
        try (java.net.ServerSocket open = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Outcome r = cli(
                    "--probebook.probe-timeout=5s", "exec", "--", "nc", "-zv", "127.0.0.1", "" + open.getLocalPort());
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("succeeded");
        }
    }

    @Test
    void usageAndFileErrorsExitTwo() throws Exception {
        assertThat(cli("run").status()).isEqualTo(2);
        assertThat(cli("steps", dir.resolve("missing.md").toString()).err()).contains("no such file");
        assertThat(cli("steps", dir.resolve("missing.md").toString()).status()).isEqualTo(2);
        assertThat(cli("run", runbook(RUNBOOK).toString(), "--step", "999").status())
                .isEqualTo(2);
        assertThat(cli("run", runbook(RUNBOOK).toString(), "--bogus").err()).contains("unknown option --bogus");
        assertThat(cli("exec", "--", "frobnicate", "x").status()).isEqualTo(2);
        Outcome pipe = cli("exec", "--", "netstat -tnlp | sort");
        assertThat(pipe.status()).isEqualTo(2);
        assertThat(pipe.err()).contains("pipe into 'sort'").contains("netstat -tnlp | sort");
        assertThat(cli("exec", "--", "telnet", "127.0.0.1", "99999").status()).isEqualTo(2);
        assertThat(cli("exec", "--", "telnet", "127.0.0.1", "99999").err()).contains("out of range");
        Path binary = dir.resolve("bin.md");
        Files.write(binary, new byte[] {1, 0, 2});
        assertThat(cli("steps", binary.toString()).err()).contains("not a text file");
        assertThat(cli("run", runbook(RUNBOOK).toString(), "--probebook.probe-timeout=soon")
                        .status())
                .isEqualTo(2);
    }
}
