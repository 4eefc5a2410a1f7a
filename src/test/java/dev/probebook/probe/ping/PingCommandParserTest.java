package dev.probebook.probe.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.net.IpFamily;
import dev.probebook.registry.ProbeRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PingCommandParserTest {

    private final PingProbe probe = new PingProbe();

    private PingCommand run(String... words) throws UsageException {
        return probe.parse("ping", Args.run(List.of(words)));
    }

    private PingCommand template(String line) throws UsageException {
        List<String> words = List.of(line.split(" "));
        return (PingCommand) ProbeRegistry.standard()
                .recognise(words, Args.Mode.TEMPLATE)
                .orElseThrow()
                .command()
                .command();
    }

    @Test
    void defaultsAreFourEchoesOfFiftySixBytesOneSecondApart() throws Exception {
        PingCommand c = run("127.0.0.1");
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.count()).isEqualTo(4);
        assertThat(c.countGiven()).isFalse();
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.replyTimeout()).isNull();
        assertThat(c.deadline()).isNull();
        assertThat(c.size()).isEqualTo(56);
        assertThat(c.ipVersion()).isEqualTo(IpFamily.ANY);
        assertThat(c.tcpPort()).isNull();
        assertThat(c.pattern()).isEmpty();
    }

    @Test
    void optionsGetoptStyleBeforeOrAfterTheHost() throws Exception {
        PingCommand c = run("-c3", "-qn", "-i", "0.2", "example.com", "-W", "1.5", "-w", "10", "-s", "100", "-4");
        assertThat(c.count()).isEqualTo(3);
        assertThat(c.countGiven()).isTrue();
        assertThat(c.quiet()).isTrue();
        assertThat(c.interval()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.replyTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.deadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.size()).isEqualTo(100);
        assertThat(c.ipVersion()).isEqualTo(IpFamily.V4);
        assertThat(c.host()).isEqualTo("example.com");
        assertThat(probe.parse("ping6", Args.run(List.of("::1"))).ipVersion()).isEqualTo(IpFamily.V6);
    }

    @Test
    void dashPWithAPortMeansTcpWithHexItIsAPattern() throws Exception {
        assertThat(run("10.0.0.1", "-p", "443").tcpPort()).isEqualTo(443);
        assertThat(run("10.0.0.1", "-p", "https").tcpPort()).isEqualTo(443);
        PingCommand hex = run("-p", "ff00", "10.0.0.1");
        assertThat(hex.tcpPort()).isNull();
        assertThat(hex.pattern()).isEqualTo("ff00");
        assertThat(hex.patternBytes()).containsExactly((byte) 0xff, (byte) 0x00);
        assertThat(hex.patternLine()).isEqualTo("PATTERN: 0xff00");
        assertThat(run("-p", "fff", "h").patternBytes()).containsExactly((byte) 0xff, (byte) 0x0f);
        assertThat(run("-p", "0", "h").tcpPort()).isNull();
    }

    @Test
    void runbookTemplatesParse() throws Exception {
        PingCommand plain = template("ping IP또는도메인");
        assertThat(plain.tcpPort()).isNull();
        assertThat(plain.count()).isEqualTo(4);
        PingCommand withPort = template("ping IP또는도메인 -p 포트번호");
        assertThat(withPort.tcpPort()).isNotNull();
        var informal = ProbeRegistry.standard()
                .recognise(List.of("ping", "ip", "-p", "port"), Args.Mode.TEMPLATE)
                .orElseThrow();
        assertThat(informal.informalPlaceholders())
                .extracting(p -> p.variable())
                .containsExactly("ip", "port");
        assertThat(((PingCommand) informal.command().command()).tcpPort()).isNotNull();
    }

    @Test
    void badInputNamesTheWordAndWhatWorks() {
        assertThatThrownBy(() -> run("-x", "h"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option -x");
        assertThatThrownBy(() -> run("-c", "0", "h"))
                .hasMessageContaining("-c")
                .hasMessageContaining("out of range (1-1000)");
        assertThatThrownBy(() -> run("-c", "1001", "h")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> run("-c", "many", "h")).hasMessageContaining("-c needs a whole number");
        assertThatThrownBy(() -> run("-W", "0", "h")).hasMessageContaining("-W");
        assertThatThrownBy(() -> run("-W", "61", "h")).hasMessageContaining("-W");
        assertThatThrownBy(() -> run("-i", "0.001", "h")).hasMessageContaining("-i");
        assertThatThrownBy(() -> run("-s", "65508", "h")).hasMessageContaining("-s");
        assertThatThrownBy(() -> run("-c")).hasMessageContaining("option -c needs a value");
        assertThatThrownBy(() -> run("-c", "3")).hasMessageContaining("missing host");
        assertThatThrownBy(() -> run("a.example", "b.example")).hasMessageContaining("too many operands");
        assertThatThrownBy(() -> run("-4", "-6", "h")).hasMessageContaining("only one -4 or -6");
        assertThatThrownBy(() -> probe.parse("ping6", Args.run(List.of("-4", "h"))))
                .hasMessageContaining("ping6");
        assertThatThrownBy(() -> run("h", "-p", "99999")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> run("h", "-p", "zz-top"))
                .hasMessageContaining("hex fill pattern")
                .hasMessageContaining("tcping");
        assertThatThrownBy(() -> run("http://example.com/"))
                .hasMessageContaining("give only the host name, e.g. 'example.com'");
        assertThatThrownBy(() -> run("example.com:443")).hasMessageContaining("not a valid host");
    }
}
