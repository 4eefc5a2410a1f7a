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
    void foldsNumbersAndAddresses() {
        assertThat(LooksLike.tokens("to 10.0.0.5:443 in 0.01 seconds"))
                .containsExactlyInAnyOrder("to", "#", "in", "seconds");
    }
}
