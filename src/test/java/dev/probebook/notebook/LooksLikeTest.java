package dev.probebook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LooksLikeTest {

    private final List<LooksLike.Example> examples = List.of(
            new LooksLike.Example(
                    10,
                    "connected",
                    "Ncat: Connected to 10.0.0.5:443.\nNcat: 0 bytes sent, 0 bytes received in 0.01 seconds."),
            new LooksLike.Example(20, "refused", "nc: connect to 10.0.0.5 port 443 (tcp) failed: Connection refused"));

    @Test
    void matchesTheExampleWithTheSameWordsDespiteOtherAddressesAndPorts() {
        var m = LooksLike.best(
                List.of("nc: connect to 127.0.0.1 port 40123 (tcp) failed: Connection refused"), examples);
        assertThat(m).isPresent();
        assertThat(m.get().example().line()).isEqualTo(20);
    }

    @Test
    void claimsNothingForUnrelatedOutput() {
        assertThat(LooksLike.best(List.of("PING 127.0.0.1 56(84) bytes of data."), examples))
                .isEmpty();
        assertThat(LooksLike.best(List.of(), examples)).isEmpty();
    }

    @Test
    void agreesWithTheVerdictInEitherLanguage() {
        List<LooksLike.Example> telnet = List.of(
                new LooksLike.Example(
                        30,
                        "telnet 거부",
                        "Trying 10.0.0.5...\ntelnet: Unable to connect to remote host: Connection refused"),
                new LooksLike.Example(
                        40, "telnet 성공", "Trying 10.0.0.5...\nConnected to 10.0.0.5.\nEscape character is '^]'."));
        List<String> connected = List.of("Trying 127.0.0.1...", "Connected to 127.0.0.1.");
        assertThat(LooksLike.best(connected, telnet, "ok")
                        .orElseThrow()
                        .example()
                        .line())
                .isEqualTo(40);
        assertThat(LooksLike.best(connected, telnet.subList(0, 1), "ok"))
                .as("a run that ended ok never looks like the refused example")
                .isEmpty();
        List<String> refused =
                List.of("Trying 127.0.0.1...", "telnet: Unable to connect to remote host: Connection refused");
        assertThat(LooksLike.best(refused, telnet, "fail")
                        .orElseThrow()
                        .example()
                        .line())
                .isEqualTo(30);
        assertThat(LooksLike.best(refused, telnet.subList(1, 2), "fail")).isEmpty();
        assertThat(LooksLike.sense(new LooksLike.Example(1, "출력", "PING 10.0.0.5 56(84) bytes of data.")))
                .isEqualTo(LooksLike.Sense.UNKNOWN);
    }

    @Test
    void foldsNumbersAndAddresses() {
        assertThat(LooksLike.tokens("to 10.0.0.5:443 in 0.01 seconds"))
                .containsExactlyInAnyOrder("to", "#", "in", "seconds");
    }
}
