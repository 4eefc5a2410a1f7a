package dev.probebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The training run of the CLI's AOT cache: every line it runs is one the CLI takes (a usage error would train
 * nothing but the error path), and the practice lab it runs them against answers them.
 */
class StartUpTrainingTest {

    @Test
    void everyTrainingLineParsesAndTheLabAnswersTheNetworkOnes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Integer> codes = StartUpTraining.train(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(codes).hasSizeGreaterThan(15);
        assertThat(codes).allSatisfy((line, code) -> assertThat(code).as(line).isNotEqualTo(Cli.USAGE));
        assertThat(codes).containsEntry("steps runbooks/network-connectivity.ko.md", Cli.OK);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("answered HTTP 200 OK", "TLS to app.lab.test port", "resolves to 127.0.0.1");
    }
}
