package dev.probebook.search;

import dev.probebook.runbook.CodeBlock;
import dev.probebook.runbook.Heading;
import dev.probebook.runbook.HtmlSanitizer;
import dev.probebook.runbook.Part;
import dev.probebook.runbook.Prose;
import dev.probebook.runbook.Runbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The searchable text of one section of a runbook: what lies between its heading and the next heading of any level
 * (sub-sections are sections of their own, so a hit lands on the smallest part of the page that holds it).
 *
 * @param anchor   the heading's anchor id, as the page sets it; "" for the text above the first heading
 * @param heading  the heading's text; "" for the text above the first heading
 * @param prose    the section's prose as plain text
 * @param commands the section's code blocks, including those nested in lists and quotes, one per line group
 */
record SectionText(String anchor, String heading, String prose, String commands) {

    /** The sections of a runbook in page order; the text above the first heading only when it has any. */
    static List<SectionText> allOf(Runbook runbook) {
        Map<Integer, StringBuilder> commandsBySectionLine = new HashMap<>();
        for (CodeBlock block : runbook.codeBlocks()) {
            append(
                    commandsBySectionLine.computeIfAbsent(block.sectionLine(), line -> new StringBuilder()),
                    block.text());
        }
        List<SectionText> sections = new ArrayList<>();
        Heading current = null;
        StringBuilder prose = new StringBuilder();
        boolean anyHeading = false;
        for (Part part : runbook.parts()) {
            switch (part) {
                case Heading heading -> {
                    add(sections, current, prose, commandsBySectionLine);
                    current = heading;
                    prose = new StringBuilder();
                    anyHeading = true;
                }
                case Prose text -> append(prose, HtmlSanitizer.text(text.html()));
                case CodeBlock block -> {} // taken from codeBlocks(), which also has the nested ones
            }
        }
        add(sections, current, prose, commandsBySectionLine);
        if (!anyHeading && sections.isEmpty()) {
            sections.add(new SectionText("", "", "", "")); // still findable by title, tags and owner
        }
        return sections;
    }

    private static void add(
            List<SectionText> sections, Heading heading, StringBuilder prose, Map<Integer, StringBuilder> commands) {
        StringBuilder code = commands.get(heading == null ? 0 : heading.line());
        String commandText = code == null ? "" : code.toString();
        if (heading == null) {
            if (!prose.isEmpty() || !commandText.isEmpty()) {
                sections.add(new SectionText("", "", prose.toString(), commandText));
            }
        } else {
            sections.add(new SectionText(heading.anchor(), heading.text(), prose.toString(), commandText));
        }
    }

    private static void append(StringBuilder text, String more) {
        if (more.isBlank()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(more.strip());
    }
}
