package dev.probebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.lab.PracticeLab;
import dev.probebook.lab.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code probebook lab} through the CLI entry point (in process): the lab starts in {@code DATA_DIR/lab}, says what
 * it holds, and the example command line it prints runs the shipped runbook against it as printed.
 */
class CliLabTest {

    @TempDir
    Path dir;

    private static CliTest.Outcome cli(LabCommand.Hold hold, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.main(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                hold);
        return new CliTest.Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void labRunsUntilHeldThenStopsAndItsExampleCommandRunsTheRunbookAgainstIt() throws Exception {
        AtomicReference<PracticeLab> running = new AtomicReference<>();
        List<CliTest.Outcome> during = new ArrayList<>();
        CliTest.Outcome lab = cli(
                held -> {
                    running.set(held);
                    String example = LabCommand.exampleCommand(held, Scenario.HOSTS_OVERRIDE);
                    List<String> words = new ArrayList<>(Arrays.asList(example.split(" ")));
                    assertThat(words.subList(0, 3))
                            .containsExactly("./probebook", "run", "runbooks/network-connectivity.en.md");
                    words.removeFirst(); // ./probebook: the launcher
                    JsonNode plan =
                            CliTest.cli("steps", LabCommand.RUNBOOK, "--json").json();
                    String getentLine = null;
                    for (JsonNode block : plan.get("blocks")) {
                        if (block.toString().contains("getent hosts")) {
                            getentLine = block.get("line").asString();
                        }
                    }
                    assertThat(getentLine).isNotNull();
                    words.addAll(List.of("--step", getentLine, "--json"));
                    during.add(cli(h -> {}, words.toArray(String[]::new)));
                },
                "lab",
                "--probebook.data-dir=" + dir.resolve("data"));

        assertThat(lab.status()).as(lab.err()).isEqualTo(0);
        assertThat(lab.out())
                .contains("Scenarios")
                .contains("hosts-override")
                .contains("https://app.lab.test:")
                .contains("--set host=shop.lab.test")
                .contains("./probebook run runbooks/network-connectivity.en.md --set host=shop.lab.test")
                .contains("--probebook.dns.servers=127.0.0.1:")
                .contains("--probebook.policy.allow=127.0.0.0/8,::1")
                .contains("tcpdump -i lo")
                .contains("stopping the practice lab");
        assertThat(dir.resolve("data/lab/hosts")).exists();
        assertThat(dir.resolve("data/lab/lab-ca.pem")).exists();
        assertThat(running.get().running()).isFalse();

        CliTest.Outcome getent = during.getFirst();
        assertThat(getent.status()).as(getent.err()).isEqualTo(0);
        assertThat(getent.json().get("steps").get(0).get("output").asString())
                .contains("127.0.0.3")
                .contains("shop.lab.test");
    }

    @Test
    void labPortsAreFreeAgainAfterItStops() throws Exception {
        AtomicReference<Integer> openPort = new AtomicReference<>();
        CliTest.Outcome lab =
                cli(held -> openPort.set(held.target(Scenario.OPEN).port()), "lab", "--probebook.data-dir=" + dir);
        assertThat(lab.status()).isEqualTo(0);
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), openPort.get()));
        }
    }

    @Test
    void usageErrorsSayWhatLabTakes() throws Exception {
        LabCommand.Hold never = held -> {
            throw new AssertionError("the lab must not start");
        };
        CliTest.Outcome extra = cli(never, "lab", "runbook.md");
        assertThat(extra.status()).isEqualTo(2);
        assertThat(extra.err()).contains("lab takes only --probebook.KEY=VALUE settings");
        assertThat(cli(never, "lab", "--json").status()).isEqualTo(2);
        assertThat(cli(never, "lab", "--set", "host=x").status()).isEqualTo(2);
        assertThat(cli(never, "lab", "--probebook.dataa-dir=x").err()).contains("did you mean probebook.data-dir");

        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        CliTest.Outcome cannot = cli(never, "lab", "--probebook.data-dir=" + notADirectory);
        assertThat(cannot.status()).isEqualTo(2);
        assertThat(cannot.err()).contains("the practice lab could not start");
        assertThat(CliTest.cli("help").out()).contains("probebook lab");
    }
}
