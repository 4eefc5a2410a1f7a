package dev.probebook.probe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.net.IpFamily;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurlParserTest {

    private static CurlCommand parse(String... words) throws UsageException {
        return new HttpProbe().parse("curl", Args.run(List.of(words)));
    }

    @Test
    void clustersAndLongFormsMeanTheSame() throws Exception {
        CurlCommand a = parse("-sSLkv4", "-so", "/dev/null", "-m5", "--connect-timeout", "2.5", "https://h.example/");
        assertThat(a.silent()).isTrue();
        assertThat(a.showError()).isTrue();
        assertThat(a.followRedirects()).isTrue();
        assertThat(a.insecure()).isTrue();
        assertThat(a.verbose()).isTrue();
        assertThat(a.ipVersion()).isEqualTo(IpFamily.V4);
        assertThat(a.output()).isInstanceOf(CurlCommand.BodyOutput.Discard.class);
        assertThat(a.maxTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(a.connectTimeout()).isEqualTo(Duration.ofMillis(2500));

        CurlCommand b = parse(
                "--silent",
                "--show-error",
                "--location",
                "--insecure",
                "--verbose",
                "--ipv6",
                "--output",
                "-",
                "--max-time",
                "5",
                "--head",
                "--write-out",
                "%{http_code}",
                "--header",
                "X-A: 1",
                "--request",
                "GET",
                "https://h.example/");
        assertThat(b.head()).isTrue();
        assertThat(b.ipVersion()).isEqualTo(IpFamily.V6);
        assertThat(b.output()).isEqualTo(new CurlCommand.BodyOutput.Terminal(true));
        assertThat(b.writeOut()).isEqualTo("%{http_code}");
        assertThat(b.headers()).containsExactly(new CurlCommand.CustomHeader("X-A", "1"));
        assertThat(b.method()).isEqualTo("GET");
        assertThat(parse("-XPOST", "--data-raw", "@literal", "h").data()).isEqualTo("@literal");
        assertThat(parse("-o", "out.html", "h").output()).isEqualTo(new CurlCommand.BodyOutput.NotSaved("out.html"));
        assertThat(parse("-O", "http://h/dir/file.tgz").output())
                .isEqualTo(new CurlCommand.BodyOutput.NotSaved("file.tgz"));
        assertThat(parse("--resolve", "h.example:443:10.0.0.5", "https://h.example")
                        .resolve())
                .singleElement()
                .satisfies(o -> assertThat(o.matches("h.example", 443)).isTrue());
    }

    @Test
    void urlWithoutSchemeIsHttp() throws Exception {
        CurlCommand c = parse("example.com:8080/x");
        assertThat(c.url().text()).isEqualTo("http://example.com:8080/x");
        assertThat(c.effectiveMethod()).isEqualTo("GET");
        assertThat(parse("-d", "x=1", "h").effectiveMethod()).isEqualTo("POST");
        assertThat(parse("-I", "h").effectiveMethod()).isEqualTo("HEAD");
    }

    @Test
    void badInputNamesTheOffendingWord() {
        assertThatThrownBy(() -> parse("--bogus", "h"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> parse("-sZ", "h")).hasMessageContaining("unknown option -Z");
        assertThatThrownBy(() -> parse("--max-time=5", "h")).hasMessageContaining("--max-time 5");
        assertThatThrownBy(() -> parse("-v")).hasMessageContaining("no URL");
        assertThatThrownBy(() -> parse("-m", "abc", "h"))
                .hasMessageContaining("-m")
                .hasMessageContaining("abc");
        assertThatThrownBy(() -> parse("-H", "nocolon", "h")).hasMessageContaining("nocolon");
        assertThatThrownBy(() -> parse("h1", "h2")).hasMessageContaining("one URL");
        assertThatThrownBy(() -> parse("h", "-X")).hasMessageContaining("-X needs a value");
        assertThatThrownBy(() -> parse("ftp://h/")).hasMessageContaining("unsupported protocol");
        assertThatThrownBy(() -> parse("http://h:99999/")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("-d", "@/etc/passwd", "h")).hasMessageContaining("--data-raw");
        assertThatThrownBy(() -> parse("-w", "@fmt.txt", "h")).hasMessageContaining("file");
        assertThatThrownBy(() -> parse("--resolve", "h.example:443", "h")).hasMessageContaining("HOST:PORT:ADDRESS");
        assertThatThrownBy(() -> parse("-X", "GET", "-d", "a", "h")).hasMessageContaining("request body");
    }
}
