package dev.probebook.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    private static List<String> words(String line) throws UsageException {
        return ShellWords.split(line).words();
    }

    @Test
    void backslashOutsideQuotesIsRemovedSoTheSeedFormatReallyEndsInN() throws Exception {
        assertThat(words("curl -o /dev/null -s -w \"%{http_code}\"\\n https://h:443"))
                .containsExactly("curl", "-o", "/dev/null", "-s", "-w", "%{http_code}n", "https://h:443");
    }

    @Test
    void quotesAndEscapes() throws Exception {
        assertThat(words("echo 'a b' \"c \\\"d\\\" $x\" e\\ f")).containsExactly("echo", "a b", "c \"d\" $x", "e f");
        assertThat(words("grep -E '8080|443'")).containsExactly("grep", "-E", "8080|443");
        assertThat(words("a \"\" b")).containsExactly("a", "", "b");
    }

    @Test
    void operatorsAndComments() throws Exception {
        var split = ShellWords.split("netstat -nap | grep LISTEN 2>&1 >> out # trailing comment");
        assertThat(split.tokens())
                .containsExactly(
                        new Token.Word("netstat"),
                        new Token.Word("-nap"),
                        new Token.Operator("|"),
                        new Token.Word("grep"),
                        new Token.Word("LISTEN"),
                        new Token.Operator("2>&1"),
                        new Token.Operator(">>"),
                        new Token.Word("out"));
        assertThat(words("ping host#1")).containsExactly("ping", "host#1");
    }

    @Test
    void substitutionIsNoticed() throws Exception {
        assertThat(ShellWords.split("ping $(hostname)").commandSubstitution()).isTrue();
        assertThat(ShellWords.split("ping `hostname`").commandSubstitution()).isTrue();
        assertThat(ShellWords.split("ping $HOST").commandSubstitution()).isFalse();
    }

    @Test
    void unterminatedQuotesAreClearErrors() {
        assertThatThrownBy(() -> ShellWords.split("echo 'oops"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unterminated single quote");
        assertThatThrownBy(() -> ShellWords.split("echo \"oops")).hasMessageContaining("unterminated double quote");
    }

    @Test
    void joinRoundTrips() throws Exception {
        List<String> original = List.of("curl", "-w", "%{http_code}\n", "a b", "it's", "");
        assertThat(words(ShellWords.join(original))).isEqualTo(original);
    }
}
