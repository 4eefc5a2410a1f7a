package dev.probebook.runbook;

import java.util.List;

/**
 * A parsed runbook: front matter, parts in document order, the heading tree, and every code block
 * (including nested ones) with source lines. Knows nothing of commands or probes.
 */
public record Runbook(
        String title,
        FrontMatter frontMatter,
        List<Part> parts,
        List<Section> sections,
        List<CodeBlock> codeBlocks,
        List<String> warnings) {

    public Runbook {
        parts = List.copyOf(parts);
        sections = List.copyOf(sections);
        codeBlocks = List.copyOf(codeBlocks);
        warnings = List.copyOf(warnings);
    }
}
