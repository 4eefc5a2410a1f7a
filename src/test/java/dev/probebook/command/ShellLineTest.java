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
