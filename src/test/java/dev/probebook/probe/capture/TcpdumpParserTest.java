package dev.probebook.probe.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.command.UsageException;
import dev.probebook.registry.ProbeRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing only: pure Java, needs neither root nor libpcap. */
class TcpdumpParserTest {

    private static ProbeRegistry.Recognised recognise(String line, Args.Mode mode) throws UsageException {
        return ProbeRegistry.standard()
                .recognise(ShellLine.parse(line).words(), mode)
                .orElseThrow();
    }

    private static CaptureCommand parse(String line, Args.Mode mode) throws UsageException {
        ProbeRegistry.Recognised r = recognise(line, mode);
        assertThat(r.command().probeName()).isEqualTo("capture");
        return (CaptureCommand) r.command().command();
    }

    private static CaptureCommand run(String line) throws UsageException {
        return parse(line, Args.Mode.RUN);
    }

    private static List<String> roles(CaptureCommand c, CaptureFilter.Role role) {
        return c.filter().tokens().stream()
                .filter(t -> t.role() == role)
                .map(CaptureFilter.Token::text)
                .toList();
    }

    @Test
    void seedRunbookLinesParseAsTemplates() throws Exception {
        CaptureCommand first = parse("tcpdump host 대상서버공인IP -c 100", Args.Mode.TEMPLATE);
        assertThat(first.count()).isEqualTo(100);
        assertThat(first.iface()).isNull();
        assertThat(first.filter().text()).isEqualTo("host 대상서버공인IP");
        assertThat(roles(first, CaptureFilter.Role.HOST)).containsExactly("대상서버공인IP");

        CaptureCommand second = parse("tcpdump -i eho0 host 대상서버공인IP -nn", Args.Mode.TEMPLATE);
        assertThat(second.iface()).isEqualTo("eho0");
        assertThat(second.numeric()).isTrue();
        assertThat(second.count()).isZero();
        assertThat(second.filter().text()).isEqualTo("host 대상서버공인IP");
    }

    @Test
    void informalPlaceholdersInHostAndPortPositionsAreRecorded() throws Exception {
        ProbeRegistry.Recognised r = recognise("tcpdump -nn host ip and port port", Args.Mode.TEMPLATE);
        assertThat(r.informalPlaceholders())
                .extracting(p -> p.word() + ":" + p.variable())
                .containsExactly("3:ip", "6:port");
    }

    @Test
    void boundLineValidatesStrictly() throws Exception {
        CaptureCommand c = run("tcpdump -nnvvi lo -c100 -s0 tcp port 443 and host 10.0.0.5 -l -q -tttt -S -p");
        assertThat(c.iface()).isEqualTo("lo");
        assertThat(c.count()).isEqualTo(100);
        assertThat(c.snaplen()).isEqualTo(262144);
        assertThat(c.verbose()).isEqualTo(2);
        assertThat(c.numeric()).isTrue();
        assertThat(c.quiet()).isTrue();
        assertThat(c.absoluteSeq()).isTrue();
        assertThat(c.promiscuous()).isFalse();
        assertThat(c.timestamps()).isEqualTo(TimestampStyle.DATE_TIME);
        assertThat(c.filter().text()).isEqualTo("tcp port 443 and host 10.0.0.5");
        assertThat(roles(c, CaptureFilter.Role.HOST)).containsExactly("10.0.0.5");
        assertThat(roles(c, CaptureFilter.Role.PORT)).containsExactly("443");
    }

    @Test
    void filterOperandsAreFoundInQuotedAndQualifiedForms() throws Exception {
        CaptureCommand quoted = run("tcpdump -i lo 'host 10.0.0.5 and (port 80 or 443)'");
        assertThat(roles(quoted, CaptureFilter.Role.HOST)).containsExactly("10.0.0.5");
        assertThat(roles(quoted, CaptureFilter.Role.PORT)).containsExactly("80", "443");

        CaptureCommand dir = run("tcpdump src 10.0.0.1 and dst port https or src host app.example.com");
        assertThat(roles(dir, CaptureFilter.Role.HOST)).containsExactly("10.0.0.1", "app.example.com");
        assertThat(roles(dir, CaptureFilter.Role.PORT)).containsExactly("https");
        assertThat(dir.filter().hostNames()).containsExactly("app.example.com");

        for (String noHost : List.of(
                "tcpdump src or dst port 53",
                "tcpdump net 10.0.0.0/8",
                "tcpdump 'tcp[13] & 2 != 0'",
                "tcpdump ether host aa:bb:cc:dd:ee:ff",
                "tcpdump vlan 100 and tcp",
                "tcpdump portrange 8000-8080",
                "tcpdump not arp and len > 100")) {
            assertThat(roles(run(noHost), CaptureFilter.Role.HOST)).as(noHost).isEmpty();
        }
        assertThat(roles(run("tcpdump host a.example or b.example"), CaptureFilter.Role.HOST))
                .containsExactly("a.example", "b.example");
    }

    @Test
    void hostNamesAreReplacedByTheirAddressesForLibpcap() throws Exception {
        CaptureCommand c = run("tcpdump host app.example and port 80");
        assertThat(c.filter().expression(Map.of("app.example", List.of("10.0.0.1", "10.0.0.2"))))
                .isEqualTo("host (10.0.0.1 or 10.0.0.2) and port 80");
        assertThat(c.filter().expression(Map.of("app.example", List.of("10.0.0.1"))))
                .isEqualTo("host 10.0.0.1 and port 80");
    }

    @Test
    void writeFileAndListInterfaces() throws Exception {
        assertThat(run("tcpdump -i lo -w /tmp/out.pcap port 22").writeFile()).isEqualTo("/tmp/out.pcap");
        assertThat(run("tcpdump -wout.pcap").writeFile()).isEqualTo("out.pcap");
        assertThat(run("tcpdump -D").listInterfaces()).isTrue();
        assertThat(run("tcpdump").filter().isEmpty()).isTrue();
    }

    @Test
    void payloadDumpsAreTcpdumps() throws Exception {
        assertThat(run("tcpdump -X port 80").dump()).isEqualTo(PayloadDump.HEX_ASCII);
        assertThat(run("tcpdump -nnA -c 5 port 80").dump()).isEqualTo(PayloadDump.ASCII);
        assertThat(run("tcpdump -x port 80").dump()).isEqualTo(PayloadDump.HEX);
        assertThat(run("tcpdump -XX port 80").dump()).isEqualTo(PayloadDump.HEX_ASCII);
        assertThat(run("tcpdump port 80").dump()).isEqualTo(PayloadDump.NONE);
    }

    @Test
    void badFlagsAndValuesAreClearErrors() {
        assertThatThrownBy(() -> run("tcpdump -Q in"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option -Q")
                .hasMessageContaining("-i IFACE");
        assertThatThrownBy(() -> run("tcpdump -e port 80"))
                .hasMessageContaining("link-level headers (-e) are not printed");
        assertThatThrownBy(() -> run("tcpdump -r -")).hasMessageContaining("standard input (-r -) is not supported");
        assertThatThrownBy(() -> run("tcpdump -r a.pcap -w b.pcap")).hasMessageContaining("-r with -w");
        assertThatThrownBy(() -> run("tcpdump --interface=eth0"))
                .hasMessageContaining("unknown option --interface=eth0");
        assertThatThrownBy(() -> run("tcpdump -c abc")).hasMessageContaining("-c needs a whole number, got 'abc'");
        assertThatThrownBy(() -> run("tcpdump -c 0")).hasMessageContaining("-c: 0 is out of range");
        assertThatThrownBy(() -> run("tcpdump -s 999999")).hasMessageContaining("-s: 999999 is out of range");
        assertThatThrownBy(() -> run("tcpdump -i")).hasMessageContaining("option -i needs a value");
        assertThatThrownBy(() -> run("tcpdump -w - port 80")).hasMessageContaining("-w -");
        assertThatThrownBy(() -> run("tcpdump -i 'eth 0'")).hasMessageContaining("is not an interface name");
        assertThatThrownBy(() -> run("tcpdump port 99999")).hasMessageContaining("port 99999 is out of range");
        assertThatThrownBy(() -> run("tcpdump host https://example.com")).hasMessageContaining("is a URL");
    }

    @Test
    void tokensSplitOnParenthesesAndBang() {
        assertThat(FilterScanner.split("(host a or !b)")).containsExactly("(", "host", "a", "or", "!", "b", ")");
        assertThat(FilterScanner.split("tcp[13]!=0")).containsExactly("tcp[13]!=0");
    }
}
