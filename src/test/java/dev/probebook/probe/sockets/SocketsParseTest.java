package dev.probebook.probe.sockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.registry.ProbeRegistry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketsParseTest {

    private final SocketsProbe probe = new SocketsProbe();

    private SocketsCommand parse(String line) throws UsageException {
        List<String> words = Arrays.asList(line.split(" "));
        return probe.parse(words.get(0), Args.run(words.subList(1, words.size())));
    }

    @Test
    void netstatClustersAndLongForms() throws Exception {
        NetstatCommand nap = (NetstatCommand) parse("netstat -nap");
        assertThat(nap.scope()).isEqualTo(NetstatCommand.Scope.ALL);
        assertThat(nap.processes()).isTrue();
        assertThat(nap.tcp() && nap.udp() && nap.raw() && nap.unix() && nap.inet4() && nap.inet6())
                .isTrue();

        NetstatCommand tulpn = (NetstatCommand) parse("netstat -tulpn");
        assertThat(tulpn.scope()).isEqualTo(NetstatCommand.Scope.LISTENING);
        assertThat(tulpn.tcp() && tulpn.udp()).isTrue();
        assertThat(tulpn.raw() || tulpn.unix()).isFalse();

        assertThat(parse("netstat --tcp --listening --numeric --programs")).isEqualTo(parse("netstat -tlnp"));
        NetstatCommand v4 = (NetstatCommand) parse("netstat -an4");
        assertThat(v4.inet4() && v4.tcp() && v4.udp()).isTrue();
        assertThat(v4.inet6() || v4.unix()).isFalse();
        NetstatCommand x = (NetstatCommand) parse("netstat -x");
        assertThat(x.unix()).isTrue();
        assertThat(x.internet()).isFalse();
        assertThat(((NetstatCommand) parse("netstat -A inet6 -t")).inet4()).isFalse();
    }

    @Test
    void ssFiltersNormaliseLikeSs() throws Exception {
        SsCommand tlnp = (SsCommand) parse("ss -tlnp");
        assertThat(tlnp.netidColumn()).isFalse();
        assertThat(tlnp.stateColumn()).isTrue();
        assertThat(tlnp.shows(TcpState.LISTEN.code())).isTrue();
        assertThat(tlnp.shows(TcpState.ESTABLISHED.code())).isFalse();

        SsCommand t = (SsCommand) parse("ss -t");
        assertThat(t.shows(TcpState.ESTABLISHED.code())).isTrue();
        assertThat(t.shows(TcpState.LISTEN.code()) || t.shows(TcpState.TIME_WAIT.code()))
                .isFalse();

        SsCommand u = (SsCommand) parse("ss -u");
        assertThat(u.stateColumn()).isFalse(); // only ESTAB: ss drops the State column
        SsCommand tulpn = (SsCommand) parse("ss -tulpn");
        assertThat(tulpn.netidColumn()).isTrue();
        SsCommand antp = (SsCommand) parse("ss -antp");
        assertThat(antp.states()).isEqualTo(TcpState.ALL);
        SsCommand state = (SsCommand) parse("ss -t state time-wait");
        assertThat(state.states()).isEqualTo(TcpState.TIME_WAIT.bit());
        assertThat(state.stateColumn()).isFalse();
        assertThat(((SsCommand) parse("ss -tln sport = :8080")).sport()).isEqualTo(8080);
        assertThat(((SsCommand) parse("ss -tn dport == :https")).dport()).isEqualTo(443);
        SsCommand x = (SsCommand) parse("ss -x");
        assertThat(x.unix() && x.netidColumn()).isTrue();
        assertThat(x.tcp()).isFalse();
        SsCommand six = (SsCommand) parse("ss -6tl");
        assertThat(six.inet6() && !six.inet4()).isTrue();
    }

    @Test
    void badFlagsNameTheWord() {
        assertThatThrownBy(() -> parse("netstat -tz"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option -z")
                .hasMessageContaining("-a -l -n -p");
        assertThatThrownBy(() -> parse("netstat -rn")) // the routes probe claims it before this one is asked
                .hasMessageContaining("netstat -r shows the routing table")
                .hasMessageContaining("netstat -rn");
        assertThatThrownBy(() -> parse("netstat -nap 8080"))
                .hasMessageContaining("unexpected operand '8080'")
                .hasMessageContaining("grep 8080");
        assertThatThrownBy(() -> parse("netstat --bogus")).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> parse("netstat -A ipx")).hasMessageContaining("address family 'ipx'");
        assertThatThrownBy(() -> parse("ss -tK")).hasMessageContaining("unknown option -K");
        assertThatThrownBy(() -> parse("ss -tr")).hasMessageContaining("DNS");
        assertThatThrownBy(() -> parse("ss -t state nonsense")).hasMessageContaining("wrong state name: nonsense");
        assertThatThrownBy(() -> parse("ss -t src 10.0.0.1")).hasMessageContaining("address conditions");
        assertThatThrownBy(() -> parse("ss -t sport = :99999")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("ss -t sport = :80 or dport = :80")).hasMessageContaining("'or'");
    }

    @Test
    void runbookLinesClassifyInTemplateMode() throws Exception {
        ProbeRegistry registry = ProbeRegistry.standard();
        for (String line : List.of("netstat -nap", "netstat -nap | grep LISTEN", "ss -tlnp", "netstat -tulpn")) {
            List<String> words = Arrays.asList(line.split(" \\| ")[0].split(" "));
            var recognised = registry.recognise(words, Args.Mode.TEMPLATE);
            assertThat(recognised).as(line).isPresent();
            assertThat(recognised.get().command().probeName()).isEqualTo("sockets");
        }
        var placeholder = registry.recognise(List.of("ss", "-tln", "sport", "=", ":포트번호"), Args.Mode.TEMPLATE);
        assertThat(placeholder).isPresent();
        var informal = registry.recognise(List.of("ss", "-tln", "sport", "=", ":port"), Args.Mode.TEMPLATE);
        assertThat(informal.get().informalPlaceholders())
                .extracting(p -> p.variable())
                .containsExactly("port");
    }
}
