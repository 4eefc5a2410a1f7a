package dev.probebook.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.ShellLine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Words several probes understand go to the probe that takes the form, by catalogue order. */
class SharedWordsTest {

    private final ProbeRegistry registry = ProbeRegistry.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "cat /etc/hosts, hosts",
        "vi /etc/hosts, hosts",
        "echo '10.0.0.5 app' >> /etc/hosts, hosts",
        "cat /etc/passwd, none",
        "yum install -y tcping, install",
        "yum install -y nginx, none",
        "curl ifconfig.me, public-ip",
        "curl -v https://10.0.0.5/, http",
    })
    void theProbeThatTakesTheForm(String line, String probe) throws Exception {
        List<String> words = ShellLine.parse(line).words();
        assertThat(registry.claimant(words)).contains(probe);
    }
}
