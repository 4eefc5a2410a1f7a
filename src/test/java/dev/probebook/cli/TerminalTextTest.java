package dev.probebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void escapeSequencesFromPeersNeverReachTheTerminal() {
        assertThat(TerminalText.safe("SSH-2.0-\u001B[2J\u001B[1;1Hfake prompt")).isEqualTo("SSH-2.0-fake prompt");
        assertThat(TerminalText.safe("\u001B]0;pwned title\u0007banner")).isEqualTo("banner");
        assertThat(TerminalText.safe("\u001B]8;;http://evil\u001B\\link\u001B]8;;\u001B\\"))
                .isEqualTo("link");
        assertThat(TerminalText.safe("\u009B31mred")).isEqualTo("red");
        assertThat(TerminalText.safe("a\u001BPq payload\u001B\\b")).isEqualTo("ab");
        assertThat(TerminalText.safe("bell\u0007 back\bspace\rcr")).isEqualTo("bell\uFFFD back\uFFFDspace\uFFFDcr");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "* Connected to 127.0.0.1 (127.0.0.1) port 443\t연결됨 ✓";
        assertThat(TerminalText.safe(text)).isSameAs(text);
    }
}
