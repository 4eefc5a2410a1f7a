package dev.probebook.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Args;
import dev.probebook.probe.FreeFormProbe;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import dev.probebook.probe.tcp.TcpProbe;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry asks free-form probes only for first words no probe knows. */
class ProbeRegistryFreeFormTest {

    /** Claims any line whose first word starts with a digit; parses to the words it saw. */
    private static final class DigitLines implements Probe<List<String>>, FreeFormProbe {
        @Override
        public String name() {
            return "digits";
        }

        @Override
        public Set<String> commandWords() {
            return Set.of();
        }

        @Override
        public boolean claimsLine(List<String> words) {
            return Character.isDigit(words.get(0).charAt(0));
        }

        @Override
        public List<String> parse(String commandWord, Args args) {
            return Stream.concat(Stream.of(commandWord), args.rest().stream()).toList();
        }

        @Override
        public ProbeResult run(List<String> command, ProbeContext ctx) {
            return ProbeResult.of(Verdict.OK, "ran");
        }
    }

    private final ProbeRegistry registry = new ProbeRegistry(List.of(new TcpProbe(), new DigitLines()));

    @Test
    void unknownFirstWordGoesToTheFreeFormProbe() throws Exception {
        var r = registry.recognise(List.of("10.0.0.1", "app"), Args.Mode.RUN).orElseThrow();
        assertThat(r.command().probeName()).isEqualTo("digits");
        assertThat(r.command().command()).isEqualTo(List.of("10.0.0.1", "app"));
        assertThat(r.command().commandWord()).isEqualTo("10.0.0.1");
    }

    @Test
    void knownWordsAndUnclaimedLinesAreNotFreeForm() throws Exception {
        assertThat(registry.recognise(List.of("telnet", "10.0.0.1", "80"), Args.Mode.RUN)
                        .orElseThrow()
                        .command()
                        .probeName())
                .isEqualTo("tcp");
        assertThat(registry.recognise(List.of("hello", "world"), Args.Mode.RUN)).isEmpty();
    }
}
