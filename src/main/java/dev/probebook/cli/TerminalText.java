package dev.probebook.cli;

import java.util.regex.Pattern;

/**
 * Text from the network made safe for the operator's terminal. A peer's banner, an HTTP body or a DNS record can
 * carry escape sequences that move the cursor, rewrite the title, hide lines or (on some terminals) send input back;
 * the real tools pass them through, Probebook does not. Escape sequences are dropped whole; any other control
 * character but the tab shows as U+FFFD.
 */
final class TerminalText {

    /** CSI ({@code ESC [ ... final}), OSC ({@code ESC ] ... BEL or ESC \}), and two-character escapes. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]" // CSI
                    + "|\u009B[0-?]*[ -/]*[@-~]" // 8-bit CSI
                    + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?" // OSC
                    + "|\u009D[^\u0007\u001B]*(?:\u0007|\u001B\\\\)?" // 8-bit OSC
                    + "|\u001B[PX^_][^\u001B]*(?:\u001B\\\\)?" // DCS, SOS, PM, APC strings
                    + "|\u001B[ -/]*[0-~]?"); // any other escape

    private TerminalText() {}

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        String s = ESCAPES.matcher(text).replaceAll("");
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c <= 0x9F);
            if (control) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
