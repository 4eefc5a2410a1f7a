package dev.probebook.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command list written on one line, {@code a && b} or {@code a; b}, into its commands, outside quotes. Run
 * in order, they do what an operator meant when checking: each is a diagnostic, so running the second after the
 * first failed does no harm and shows more. {@code ||} (run only on failure) is not split.
 */
final class CommandLists {

    private CommandLists() {}

    static List<String> split(String line) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    current.append(c);
                    c = line.charAt(++i);
                }
                current.append(c);
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                current.append(c);
            } else if (c == '\\' && i + 1 < line.length()) {
                current.append(c).append(line.charAt(++i));
            } else if (c == ';') {
                add(parts, current);
            } else if (c == '&' && i + 1 < line.length() && line.charAt(i + 1) == '&') {
                add(parts, current);
                i++;
            } else {
                current.append(c);
            }
        }
        add(parts, current);
        return parts;
    }

    private static void add(List<String> parts, StringBuilder current) {
        String part = current.toString().strip();
        if (!part.isEmpty()) {
            parts.add(part);
        }
        current.setLength(0);
    }
}
