package dev.probebook.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void koreanInformalFormsMapToCanonicalVariables() {
        assertThat(Placeholders.scan(1, "https://IP또는도메인:포트"))
                .extracting(Placeholder::text, Placeholder::variable)
                .containsExactly(Tuple.tuple("IP또는도메인", "host"), Tuple.tuple("포트", "port"));
        assertThat(Placeholders.scan(1, "포트번호"))
                .extracting(Placeholder::variable)
                .containsExactly("port");
        assertThat(Placeholders.scan(1, "대상서버공인IP"))
                .extracting(Placeholder::variable)
                .containsExactly("host");
        assertThat(Placeholders.scan(1, "도메인명"))
                .extracting(Placeholder::variable)
                .containsExactly("domain");
    }

    @Test
    void aKoreanNameWithADomainSuffixIsOnePlaceholder() {
        assertThat(Placeholders.scan(1, "도메인.co.kr"))
                .singleElement()
                .extracting(Placeholder::text, Placeholder::variable)
                .containsExactly("도메인.co.kr", "domain");
    }

    @Test
    void maskedOctetsAreTheIpVariable() {
        assertThat(Placeholders.scan(0, "10.10.100.IP"))
                .singleElement()
                .extracting(Placeholder::text, Placeholder::variable)
                .containsExactly("10.10.100.IP", "ip");
        assertThat(Placeholders.scan(0, "10.10.100.5")).isEmpty();
    }

    @Test
    void explicitForms() {
        assertThat(Placeholders.scan(1, "{{ Host }}"))
                .extracting(Placeholder::variable)
                .containsExactly("host");
        assertThat(Placeholders.scan(1, "<port>"))
                .extracting(Placeholder::variable)
                .containsExactly("port");
        assertThat(Placeholders.scan(1, "${API_HOST}:$PORT"))
                .extracting(Placeholder::variable)
                .containsExactly("api_host", "port");
        assertThat(Placeholders.scan(1, "<hostname>"))
                .extracting(Placeholder::variable)
                .containsExactly("host");
        assertThat(Placeholders.scan(1, "example.com")).isEmpty();
    }

    @Test
    void bindingReplacesInsideWordsAndNeverSplits() {
        List<String> words = List.of("curl", "https://IP또는도메인:포트/x");
        List<Placeholder> found = Placeholders.scan(1, words.get(1));
        assertThat(Placeholders.bind(words, found, Map.of("host", "a.example", "port", "8443")))
                .containsExactly("curl", "https://a.example:8443/x");
        assertThat(Placeholders.bind(
                        List.of("ping", "{{host}}"), Placeholders.scan(1, "{{host}}"), Map.of("host", "x; rm -rf /")))
                .containsExactly("ping", "x; rm -rf /");
        assertThat(Placeholders.bind(words, found, Map.of("host", "a"))).isNull();
    }

    @Test
    void informalWordsAreRecordedOnlyInHostAndPortSlots() throws Exception {
        Args args = new Args(List.of("ip", "port"), Args.Mode.TEMPLATE);
        args.host(args.next());
        args.port(args.next());
        assertThat(args.informalPlaceholders())
                .extracting(Placeholder::word, Placeholder::variable)
                .containsExactly(Tuple.tuple(1, "ip"), Tuple.tuple(2, "port"));
        Args url = new Args(List.of("https://ip:port/x"), Args.Mode.TEMPLATE);
        url.url(url.next());
        assertThat(url.informalPlaceholders()).extracting(Placeholder::text).containsExactly("ip", "port");
    }
}
