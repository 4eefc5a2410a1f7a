package dev.probebook.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellLineTest {

    @Test
    void grepStagesBecomeFilters() throws Exception {
        ShellLine line = ShellLine.parse("sudo netstat -nap | grep -i listen | grep -v 127.0.0.1");
        assertThat(line.words()).containsExactly("netstat", "-nap");
        assertThat(line.filters()).hasSize(2);
        assertThat(line.supported()).isTrue();
        assertThat(line.filters().get(0).matches("tcp 0 0 0.0.0.0:22 0.0.0.0:* LISTEN"))
                .isTrue();
        assertThat(line.filters().get(1).matches("tcp 0 0 127.0.0.1:25 0.0.0.0:* LISTEN"))
                .isFalse();
        assertThat(line.display()).isEqualTo("netstat -nap | grep -i listen | grep -v 127.0.0.1");
    }

    @Test
    void otherPipesRedirectionsAndListsAreUnsupportedWithAReason() throws Exception {
        assertThat(ShellLine.parse("netstat -nap | wc -l").unsupported()).contains("pipe into 'wc'");
        ShellLine toFile = ShellLine.parse("curl -s http://x > out.html");
        assertThat(toFile.unsupported()).contains("redirection '> out.html' is shown, not run");
        assertThat(toFile.words()).containsExactly("curl", "-s", "http://x"); // the command itself still parses
        assertThat(ShellLine.parse("curl -s http://x < in").unsupported()).contains("redirection");
        assertThat(ShellLine.parse("ping a && ping b").unsupported()).contains("&&");
        assertThat(ShellLine.parse("ping $(hostname)").unsupported()).contains("command substitution");
        assertThat(ShellLine.parse("curl -v http://x 2>&1 | grep -i ssl").supported())
                .isTrue();
    }

    @Test
    void hostsAppendFormsKeepTheirTarget() throws Exception {
        assertThat(ShellLine.parse("echo \"10.0.0.5 app.example\" >> /etc/hosts")
                        .words())
                .containsExactly("echo", "10.0.0.5 app.example", ">>", "/etc/hosts");
        assertThat(ShellLine.parse("echo '10.0.0.5 app.example' | sudo tee -a /etc/hosts")
                        .words())
                .containsExactly("echo", "10.0.0.5 app.example", ">>", "/etc/hosts");
    }

    @Test
    void theTlsCheckIdiomKeepsItsX509StageAndDropsWhatOnlyFeedsStdin() throws Exception {
        ShellLine idiom =
                ShellLine.parse("echo | openssl s_client -servername app.example -connect app.example:443 2>/dev/null"
                        + " | openssl x509 -noout -dates | grep notAfter");
        assertThat(idiom.supported()).isTrue();
        assertThat(idiom.words())
                .containsExactly(
                        "openssl",
                        "s_client",
                        "-servername",
                        "app.example",
                        "-connect",
                        "app.example:443",
                        "|",
                        "openssl",
                        "x509",
                        "-noout",
                        "-dates");
        assertThat(idiom.filters()).hasSize(1);
        assertThat(idiom.display())
                .isEqualTo("openssl s_client -servername app.example -connect app.example:443 | openssl x509 -noout"
                        + " -dates | grep notAfter");

        ShellLine quit = ShellLine.parse("echo Q | openssl s_client -connect 10.0.0.5:443 < /dev/null");
        assertThat(quit.supported()).isTrue();
        assertThat(quit.words()).containsExactly("openssl", "s_client", "-connect", "10.0.0.5:443");

        // stdin matters to other commands: echo into nc sends the text, which Probebook does not do
        ShellLine sent = ShellLine.parse("echo hello | nc 10.0.0.5 7");
        assertThat(sent.supported()).isFalse();
        // and x509 reads a certificate only after s_client
        assertThat(ShellLine.parse("cat cert.pem | openssl x509 -noout -dates").supported())
                .isFalse();
    }

    @Test
    void execWordsAsAShellSplitThem() throws Exception {
        ShellLine piped = ShellLine.fromWords(List.of("netstat", "-tnlp", "|", "grep", "8080"));
        assertThat(piped.words()).containsExactly("netstat", "-tnlp");
        assertThat(piped.filters()).hasSize(1);
        ShellLine whole = ShellLine.fromWords(List.of("netstat -nap | grep LISTEN"));
        assertThat(whole.words()).containsExactly("netstat", "-nap");
        assertThat(whole.filterWords()).containsExactly(List.of("grep", "LISTEN"));
        ShellLine spaced = ShellLine.fromWords(List.of("echo", "a b"));
        assertThat(spaced.words()).containsExactly("echo", "a b");
    }
}
