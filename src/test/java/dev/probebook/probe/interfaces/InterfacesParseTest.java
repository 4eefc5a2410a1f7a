package dev.probebook.probe.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.registry.ProbeRegistry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfacesParseTest {

    private final InterfacesProbe probe = new InterfacesProbe();

    private InterfacesCommand parse(String line) throws UsageException {
        List<String> words = Arrays.asList(line.split(" "));
        return probe.parse(words.get(0), Args.run(words.subList(1, words.size())));
    }

    @Test
    void forms() throws Exception {
        assertThat(parse("ifconfig")).isEqualTo(new IfconfigCommand(false, null));
        assertThat(parse("ifconfig -a")).isEqualTo(new IfconfigCommand(true, null));
        assertThat(parse("ifconfig eth0")).isEqualTo(new IfconfigCommand(false, "eth0"));
        assertThat(parse("ip a")).isEqualTo(new IpCommand(IpCommand.Object.ADDRESS, 0, false, null, false));
        assertThat(parse("ip address show dev eth0"))
                .isEqualTo(new IpCommand(IpCommand.Object.ADDRESS, 0, false, "eth0", false));
        assertThat(parse("ip -br -c addr")).isEqualTo(new IpCommand(IpCommand.Object.ADDRESS, 0, true, null, false));
        assertThat(parse("ip -4 addr show eth0 up"))
                .isEqualTo(new IpCommand(IpCommand.Object.ADDRESS, 4, false, "eth0", true));
        assertThat(parse("ip -6 a")).isEqualTo(new IpCommand(IpCommand.Object.ADDRESS, 6, false, null, false));
        assertThat(parse("ip -f inet6 l")).isEqualTo(new IpCommand(IpCommand.Object.LINK, 6, false, null, false));
    }

    @Test
    void badFormsAreRefusedClearly() {
        assertThatThrownBy(() -> parse("ifconfig eth0 10.0.0.9 netmask 255.255.255.0"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'10.0.0.9'")
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> parse("ifconfig -s")).hasMessageContaining("unsupported option -s");
        assertThatThrownBy(() -> parse("ip addr add 10.0.0.9/24 dev eth0"))
                .hasMessageContaining("'add' changes the system");
        assertThatThrownBy(() -> parse("ip -s link")).hasMessageContaining("unsupported option -s");
        assertThatThrownBy(() -> parse("ip")).hasMessageContaining("missing object");
        assertThatThrownBy(() -> parse("ifconfig 'eth0;reboot'")).hasMessageContaining("is not an interface name");
    }

    @Test
    void ipRouteIsLeftToOtherProbes() throws Exception {
        assertThat(probe.claims("ip", List.of("route"))).isFalse();
        assertThat(probe.claims("ip", List.of("-4", "r"))).isFalse();
        assertThat(probe.claims("ip", List.of("-br", "a"))).isTrue();
        assertThat(probe.claims("ip", List.of("-f", "inet", "addr"))).isTrue();
        assertThat(ProbeRegistry.standard().recognise(List.of("ip", "route"), Args.Mode.RUN))
                .hasValueSatisfying(r -> assertThat(r.command().probe().name()).isEqualTo("routes"));
    }

    @Test
    void runbookLinesClassifyInTemplateMode() throws Exception {
        ProbeRegistry registry = ProbeRegistry.standard();
        for (String line :
                List.of("ifconfig", "ip addr", "ifconfig 인터페이스명", "ip addr show dev {{iface}}", "ip a show iface")) {
            var recognised = registry.recognise(Arrays.asList(line.split(" ")), Args.Mode.TEMPLATE);
            assertThat(recognised).as(line).isPresent();
            assertThat(recognised.get().command().probeName()).isEqualTo("interfaces");
        }
        var informal = registry.recognise(List.of("ifconfig", "iface"), Args.Mode.TEMPLATE);
        assertThat(informal.get().informalPlaceholders())
                .extracting(p -> p.variable())
                .containsExactly("iface");
    }
}
