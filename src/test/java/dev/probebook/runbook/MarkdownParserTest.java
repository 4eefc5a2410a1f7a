package dev.probebook.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownParserTest {

    private final MarkdownParser parser = new MarkdownParser();

    @Test
    void frontMatterSectionsAndCodeBlocksWithSourceLines() throws Exception {
        String md = """
                ---
                title: "Checks"
                tags:
                  - []
                  - network
                toc_sticky: true
                date: 2024-01-15
                ---

                # Top

                ## First
                ```bash
                ping {{host}}
                ```

                ### Deeper
                    indented block
                    second line
                """;
        Runbook r = parser.parse(md, "file");
        assertThat(r.title()).isEqualTo("Checks");
        assertThat(r.frontMatter().tags()).containsExactly("network");
        assertThat(r.frontMatter().flag("toc_sticky")).isTrue();
        assertThat(r.frontMatter().date()).isEqualTo("2024-01-15");
        assertThat(r.sections()).singleElement().satisfies(top -> {
            assertThat(top.heading().text()).isEqualTo("Top");
            assertThat(top.children())
                    .singleElement()
                    .satisfies(first -> assertThat(first.children())
                            .extracting(s -> s.heading().text())
                            .containsExactly("Deeper"));
        });
        assertThat(r.codeBlocks()).hasSize(2);
        CodeBlock fenced = r.codeBlocks().get(0);
        assertThat(fenced.line()).isEqualTo(13);
        assertThat(fenced.contentLine()).isEqualTo(14);
        assertThat(fenced.lines()).containsExactly("ping {{host}}");
        assertThat(fenced.language()).isEqualTo("bash");
        assertThat(fenced.section()).isEqualTo("First");
        CodeBlock indented = r.codeBlocks().get(1);
        assertThat(indented.line()).isEqualTo(18);
        assertThat(indented.lines()).containsExactly("indented block", "second line");
        assertThat(indented.section()).isEqualTo("Deeper");
    }

    @Test
    void captionsComeFromMarkOrAShortParagraphAndCarryToTheNextBlock() throws Exception {
        String md = """
                ## S
                <mark>-v failure messages</mark>
                ```
                curl: (7) one
                ```
                ```
                curl: (7) two
                ```
                Expected output:
                ```
                out
                ```
                This paragraph is far too long to be a caption because it explains things at length and goes on and on.
                ```
                x
                ```
                """;
        List<CodeBlock> blocks = parser.parse(md, "f").codeBlocks();
        assertThat(blocks)
                .extracting(CodeBlock::caption)
                .containsExactly("-v failure messages", "-v failure messages", "Expected output", null);
    }

    @Test
    void proseIsSanitised() throws Exception {
        String md = """
                # T
                Hello <mark>marked</mark> <kbd>Ctrl</kbd><br>
                <script>alert(1)</script>
                <img src="x" onerror="alert(2)"> [click](javascript:alert(3)) [ok](https://example.com) [in](#t)
                <svg onload="alert(4)"></svg><iframe src="https://evil"></iframe>
                """;
        String html = parser.parse(md, "f").parts().stream()
                .filter(p -> p instanceof Prose)
                .map(p -> ((Prose) p).html())
                .reduce("", String::concat);
        assertThat(html)
                .contains(
                        "<mark>marked</mark>",
                        "<kbd>Ctrl</kbd>",
                        "<br>",
                        "href=\"https://example.com\"",
                        "href=\"#t\"");
        assertThat(html.toLowerCase()).doesNotContain("<script", "onerror", "javascript:", "<svg", "onload", "<iframe");
    }

    @Test
    void nestedCodeBlocksAreFoundAndMarkedInTheProse() throws Exception {
        String md = """
                # T
                1. First check:

                   ```
                   ss -tlnp
                   ```
                2. Done
                """;
        Runbook r = parser.parse(md, "f");
        assertThat(r.codeBlocks()).singleElement().satisfies(b -> {
            assertThat(b.nested()).isTrue();
            assertThat(b.lines()).containsExactly("ss -tlnp");
            assertThat(b.line()).isEqualTo(4);
        });
        assertThat(r.parts())
                .anySatisfy(p -> assertThat(p)
                        .isInstanceOfSatisfying(
                                Prose.class, prose -> assertThat(prose.html()).contains("data-block-line=\"4\"")));
    }

    @Test
    void titleFallsBackToFirstHeadingThenName() throws Exception {
        assertThat(parser.parse("# Heading\ntext", "name").title()).isEqualTo("Heading");
        assertThat(parser.parse("text only", "name").title()).isEqualTo("name");
    }

    @Test
    void badFrontMatterIsAWarningNotAFailure() throws Exception {
        Runbook r = parser.parse("---\ntitle: [unclosed\n---\n# H\n", "f");
        assertThat(r.warnings()).singleElement().asString().contains("not valid YAML");
        assertThat(r.title()).isEqualTo("H");
    }

    @Test
    void hostileInputGetsClearErrors() {
        assertThatThrownBy(() -> parser.parse(">".repeat(5000) + " deep", "f"))
                .isInstanceOf(RunbookException.class)
                .hasMessageContaining("nests");
        assertThatThrownBy(() -> RunbookSource.decode(new byte[] {'a', 0, 'b'}, "bin"))
                .isInstanceOf(RunbookException.class)
                .hasMessageContaining("not a text file");
    }

    @Test
    void manyUnclosedMarksParseQuickly() throws Exception {
        long start = System.nanoTime();
        Runbook r = parser.parse("<mark>a ".repeat(150_000) + "\n```\nping x\n```\n", "f");
        assertThat(r.codeBlocks()).hasSize(1);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10.0);
    }

    @Test
    void privateUseCharactersAreTextLikeAnyOther() throws Exception {
        Runbook r = parser.parse("# A\nbefore \uE000\uE001\uE000 after\n## B\n```\nping x\n```\n", "f");
        assertThat(r.parts())
                .extracting(p -> p.getClass().getSimpleName())
                .containsExactly("Heading", "Prose", "Heading", "CodeBlock");
        assertThat(((Prose) r.parts().get(1)).html()).isEqualTo("<p>before \uE000\uE001\uE000 after</p>");
    }

    @Test
    void proseKeepsItsMarkdownAndRendersWithTheDocumentsLinkDefinitionsAndLineNumbers() throws Exception {
        Runbook r = parser.parse("""
                # Links

                See [the guide][guide] first.

                <!-- a note to editors -->

                ```
                ping 127.0.0.1
                ```

                ---

                - then, with [the guide][guide] open:

                  ```
                  nc -zv 127.0.0.1 22
                  ```

                [guide]: https://example.invalid/guide "Guide"
                """, "links");
        List<Prose> prose = r.parts().stream()
                .filter(p -> p instanceof Prose)
                .map(Prose.class::cast)
                .toList();
        assertThat(prose).extracting(Prose::line).containsExactly(3, 11);
        assertThat(prose.get(0).markdown()).isEqualTo("See [the guide][guide] first.\n");
        assertThat(prose.get(0).html())
                .isEqualTo("<p>See <a href=\"https://example.invalid/guide\" title=\"Guide\">the guide</a> first.</p>");
        // a thematic break first does not read as front matter; the nested block keeps its document line
        assertThat(prose.get(1).html())
                .startsWith("<hr>")
                .contains("<a href=\"https://example.invalid/guide\" title=\"Guide\">the guide</a>")
                .contains("data-block-line=\"15\"")
                .doesNotContain("[guide]:");
        assertThat(r.codeBlocks()).extracting(CodeBlock::line).containsExactly(7, 15);
    }

    @Test
    void aThematicBreakBetweenStepsIsProseNotFrontMatter() throws Exception {
        Runbook r = parser.parse("# a\n\n```\nping 127.0.0.1\n```\n\n---\n\n## b\n", "f");
        assertThat(((Prose) r.parts().get(2)).html()).isEqualTo("<hr>");
    }

    @Test
    void aCommentAloneIsNoProse() throws Exception {
        Runbook r = parser.parse("# A\n\n<!-- draft -->\n\n```\nping 127.0.0.1\n```\n", "f");
        assertThat(r.parts()).extracting(p -> p.getClass().getSimpleName()).containsExactly("Heading", "CodeBlock");
    }

    @Test
    void referenceLinksUseTheirDefinitions() throws Exception {
        Runbook r = parser.parse(
                "# Links\n\nSee [the guide][guide].\n\n[guide]: https://example.invalid/g \"Guide\"\n", "f");
        assertThat(((Prose) r.parts().get(1)).html())
                .isEqualTo("<p>See <a href=\"https://example.invalid/g\" title=\"Guide\">the guide</a>.</p>");
        assertThat(r.parts()).hasSize(2);
    }

    @Test
    void invalidUtf8IsReplacedWithAWarning() throws Exception {
        byte[] bytes = "# ok \u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0xC3;
        RunbookSource.Text text = RunbookSource.decode(broken, "f");
        assertThat(text.warnings()).singleElement().asString().contains("not valid UTF-8");
        assertThat(text.text()).endsWith("\uFFFD");
    }

    @Test
    void oversizedFilesAreRefusedBeforeReading() throws Exception {
        var file = Files.createTempFile("big", ".md");
        Files.writeString(file, "x".repeat(2000));
        assertThatThrownBy(() -> RunbookSource.read(file, 1000)).hasMessageContaining("limited to 1000 bytes");
        assertThatThrownBy(() -> RunbookSource.read(file.resolveSibling("missing-" + System.nanoTime() + ".md"), 1000))
                .hasMessageContaining("no such file");
    }

    @Test
    void aRunbookCannotForgeTheMarkerOfANestedStep() throws Exception {
        Runbook rb = new MarkdownParser().parse("""
                # Forged

                <div data-block-line="9"></div>

                - first

                  ```
                  nc -zv 10.0.0.5 443
                  ```
                """, "forged");
        String html = rb.parts().stream()
                .filter(p -> p instanceof Prose)
                .map(p -> ((Prose) p).html())
                .reduce("", String::concat);
        assertThat(html).doesNotContain("data-block-line=\"9\"").doesNotContain("data-block-nonce");
        assertThat(html).contains("data-block-line=\"7\"");
    }
}
