package dev.probebook.runbook;

import java.util.List;
import java.util.Locale;

/**
 * A fenced or indented code block. {@code line} is the opening fence (or first line of an indented
 * block), {@code contentLine} the source line of {@code lines.get(0)}. {@code section} is the text of the
 * nearest heading above it ({@code sectionLine} its line, 0 when none), {@code caption} the text of a
 * preceding {@code <mark>} element or short paragraph, inherited by a block that directly follows another.
 */
public record CodeBlock(
        int line,
        int endLine,
        int contentLine,
        String info,
        List<String> lines,
        String section,
        int sectionLine,
        String caption,
        boolean nested)
        implements Part {

    public CodeBlock {
        lines = List.copyOf(lines);
    }

    /** The first word of the info string, lower case ({@code bash}, {@code console}, {@code text}), or "". */
    public String language() {
        String i = info == null ? "" : info.strip();
        int sp = i.indexOf(' ');
        String first = sp < 0 ? i : i.substring(0, sp);
        return first.replaceAll("[{}.]", "").toLowerCase(Locale.ROOT);
    }

    public String text() {
        return String.join("\n", lines);
    }
}
