package dev.probebook.net;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact text of a hosts file, line by line with each line's own ending, so that an edit rewrites
 * only the lines it changes and every other byte stays as it was: CRLF files stay CRLF, a last line
 * without a newline keeps having none (unless a line now follows it), a file that is not UTF-8 is
 * decoded as Latin-1 (any bytes round-trip).
 *
 * @param newline the ending for new lines: {@code \r\n} when the file's first line uses it, else {@code \n}
 */
record HostsText(List<Line> lines, Charset charset, String newline) {

    /** One line: its text without the ending, and the ending ({@code \n}, {@code \r\n}, or empty for a last line without one). */
    record Line(String text, String end) {}

    HostsText {
        lines = List.copyOf(lines);
    }

    static HostsText decode(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            charset = StandardCharsets.ISO_8859_1;
            text = new String(bytes, charset);
        }
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(new Line(text.substring(start), ""));
                break;
            }
            boolean crlf = nl > start && text.charAt(nl - 1) == '\r';
            lines.add(new Line(text.substring(start, crlf ? nl - 1 : nl), crlf ? "\r\n" : "\n"));
            start = nl + 1;
        }
        String newline = !lines.isEmpty() && lines.get(0).end().equals("\r\n") ? "\r\n" : "\n";
        return new HostsText(lines, charset, newline);
    }

    List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.text()).append(l.end());
        }
        return sb.toString();
    }
}
