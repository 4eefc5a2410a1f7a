package dev.probebook.probe.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.Placeholder;
import dev.probebook.command.UsageException;
import dev.probebook.registry.ProbeRegistry;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Parsing of nslookup, dig and host lines, strict (RUN) and for runbook templates. */
class DnsParseTest {

    private final DnsProbe probe = new DnsProbe();

    private DnsCommand parse(String line) throws UsageException {
        List<String> words = Arrays.asList(line.split(" "));
        return probe.parse(words.get(0), Args.run(words.subList(1, words.size())));
    }

    private ProbeRegistry.Recognised template(String line) throws UsageException {
        return ProbeRegistry.standard()
                .recognise(Arrays.asList(line.split(" ")), Args.Mode.TEMPLATE)
                .orElseThrow();
    }

    @Test
    void runbookTemplatesParseWithoutError() throws Exception {
        ProbeRegistry.Recognised domain = template("nslookup 도메인명");
        assertThat(domain.command().probeName()).isEqualTo("dns");
        assertThat(((DnsCommand) domain.command().command()).reverse()).isFalse();

        ProbeRegistry.Recognised ip = template("nslookup ip");
        assertThat(ip.informalPlaceholders())
                .extracting(Placeholder::text, Placeholder::variable)
                .containsExactly(Tuple.tuple("ip", "ip"));
        assertThat(((DnsCommand) ip.command().command()).reverse()).isTrue();

        assertThat(template("dig @서버IP 도메인명 +short").command().probeName()).isEqualTo("dns");
        assertThat(template("host -t MX {{domain}}").command().probeName()).isEqualTo("dns");
        assertThat(template("nslookup -port=포트 도메인 IP또는도메인").command().probeName())
                .isEqualTo("dns");
    }

    @Test
    void nslookupOptionsAndOperands() throws Exception {
        DnsCommand c = parse("nslookup -type=mx -port=5353 -timeout=2 -retry=0 example.com 127.0.0.1");
        assertThat(c.tool()).isEqualTo(DnsCommand.Tool.NSLOOKUP);
        assertThat(c.types()).containsExactly(Type.MX);
        assertThat(c.defaultTypes()).isFalse();
        assertThat(c.port()).isEqualTo(5353);
        assertThat(c.tryTimeout()).hasSeconds(2);
        assertThat(c.tries()).isEqualTo(1);
        assertThat(c.server()).isEqualTo("127.0.0.1");
        assertThat(parse("nslookup example.com").types()).containsExactly(Type.A, Type.AAAA);
        assertThat(parse("nslookup -query=AAAA example.com").types()).containsExactly(Type.AAAA);
        assertThat(parse("nslookup example.com -q=ns").types()).containsExactly(Type.NS);
        DnsCommand rev = parse("nslookup 10.0.0.1");
        assertThat(rev.reverse()).isTrue();
        assertThat(rev.types()).containsExactly(Type.PTR);
    }

    @Test
    void digOptionsAndOperands() throws Exception {
        DnsCommand c = parse("dig @10.0.0.2 -p 5353 MX example.com +noall +answer +time=1 +tries=2");
        assertThat(c.server()).isEqualTo("10.0.0.2");
        assertThat(c.port()).isEqualTo(5353);
        assertThat(c.types()).containsExactly(Type.MX);
        assertThat(c.name()).isEqualTo("example.com");
        assertThat(c.display().answer()).isTrue();
        assertThat(c.display().question()).isFalse();
        assertThat(c.display().cmd()).isFalse();
        assertThat(c.tries()).isEqualTo(2);
        DnsCommand x = parse("dig -x 192.0.2.7 +short");
        assertThat(x.reverse()).isTrue();
        assertThat(x.types()).containsExactly(Type.PTR);
        assertThat(x.display().shortForm()).isTrue();
        assertThat(parse("dig example.com ANY").tcp())
                .as("dig asks ANY over TCP")
                .isTrue();
        assertThat(parse("dig example.com ANY +notcp").tcp()).isFalse();
        assertThat(parse("dig -t txt example.com IN").types()).containsExactly(Type.TXT);
    }

    @Test
    void hostOptionsAndOperands() throws Exception {
        DnsCommand c = parse("host -t aaaa -p 5353 -W 1 example.com 127.0.0.1");
        assertThat(c.types()).containsExactly(Type.AAAA);
        assertThat(c.port()).isEqualTo(5353);
        assertThat(c.server()).isEqualTo("127.0.0.1");
        assertThat(parse("host example.com").types()).containsExactly(Type.A, Type.AAAA, Type.MX);
    }

    @Test
    void digTraceIsAQuestionThatFollowsTheDelegation() throws Exception {
        DnsCommand trace = parse("dig +trace example.com");
        assertThat(trace.trace()).isTrue();
        assertThat(trace.types()).containsExactly(Type.A);
        assertThat(parse("dig example.com").trace()).isFalse();
        assertThat(parse("dig +trace +short -p 5353 @127.0.0.1 example.com MX")
                        .display()
                        .shortForm())
                .isTrue();
    }

    @Test
    void unknownFlagsAreRefusedByName() {
        assertThatThrownBy(() -> parse("nslookup -foo example.com"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option -foo")
                .hasMessageContaining("-type=");
        assertThatThrownBy(() -> parse("nslookup -debug example.com")).hasMessageContaining("-debug is not supported");
        assertThatThrownBy(() -> parse("dig +dnssec example.com")).hasMessageContaining("unsupported option +dnssec");
        assertThatThrownBy(() -> parse("dig -y key example.com")).hasMessageContaining("unknown option -y");
        assertThatThrownBy(() -> parse("host -z example.com")).hasMessageContaining("unknown option -z");
    }

    @Test
    void badTypesAreRefused() {
        assertThatThrownBy(() -> parse("nslookup -type=XYZ example.com"))
                .hasMessageContaining("unknown query type 'XYZ'");
        assertThatThrownBy(() -> parse("dig -t BOGUS example.com")).hasMessageContaining("unknown query type 'BOGUS'");
        assertThatThrownBy(() -> parse("dig example.com AXFR")).hasMessageContaining("AXFR is not supported");
        assertThatThrownBy(() -> parse("host -t 7x example.com")).hasMessageContaining("unknown query type");
    }

    @Test
    void aUrlInsteadOfANameSaysWhatToDrop() {
        assertThatThrownBy(() -> parse("nslookup https://example.com/x"))
                .hasMessageContaining("'https://example.com/x' is a URL")
                .hasMessageContaining("drop the scheme and path")
                .hasMessageContaining("nslookup example.com");
        assertThatThrownBy(() -> parse("dig http://example.com:8080/a?b")).hasMessageContaining("dig example.com");
        assertThatThrownBy(() -> parse("host example.com/path"))
                .hasMessageContaining("drop the path, e.g. host example.com");
        assertThatThrownBy(() -> parse("nslookup example.com:443")).hasMessageContaining("drop ':443'");
    }

    @Test
    void badPortsAndMissingOperands() {
        assertThatThrownBy(() -> parse("nslookup -port=99999 example.com"))
                .hasMessageContaining("out of range (1-65535)");
        assertThatThrownBy(() -> parse("dig -p 0 example.com")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("host -p x1 example.com")).hasMessageContaining("'x1' is not a port");
        assertThatThrownBy(() -> parse("nslookup -port= example.com")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("nslookup")).hasMessageContaining("missing name");
        assertThatThrownBy(() -> parse("dig +short")).hasMessageContaining("missing name");
        assertThatThrownBy(() -> parse("nslookup a.com b.com c.com")).hasMessageContaining("too many operands");
        assertThatThrownBy(() -> parse("dig -x example.com")).hasMessageContaining("-x needs an IP address");
        assertThatThrownBy(() -> parse("nslookup bad..name")).hasMessageContaining("not a valid host name");
    }
}
