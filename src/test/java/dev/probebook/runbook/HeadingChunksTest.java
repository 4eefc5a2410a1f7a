package dev.probebook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadingChunksTest {

    /** Each trap puts a line that looks like a heading, after a blank line, where it is not one. */
    private static final String TRAPS = """

            ```bash
            # a comment in a fenced block, not a heading

            # another
            ping -c 1 127.0.0.1
            ```

            <!--
            An editor's note.

            # not a heading either
            -->

            <pre>

            # still inside pre
            </pre>

            ~~~~
            ```

            # a tilde fence is closed only by tildes
            ~~~~

            - a list item with its step

              ```
              nc -zv 127.0.0.1 22
              ```

            # a real heading ends the list

            """;

    @Test
    void aRunbookInPiecesParsesToTheSameRunbookAsWhole() throws Exception {
        String seed = Files.readString(Path.of("runbooks/network-connectivity.en.md"));
        StringBuilder text = new StringBuilder("---\ntitle: Many\n---\n\n");
        for (int i = 0; i < 12; i++) {
            text.append(seed).append(TRAPS);
        }
        String source = text.toString();
        MarkdownParser pieces = new MarkdownParser(Duration.ofSeconds(30), 1000, 5000);
        assertThat(HeadingChunks.split(source, 1000, 5000, 0)).hasSizeGreaterThan(10);

        Runbook cut = pieces.parse(source, "many");
        Runbook whole = new MarkdownParser().parse(source, "many");

        assertThat(cut.title()).isEqualTo("Many");
        assertThat(cut.parts()).isEqualTo(whole.parts());
        assertThat(cut.codeBlocks()).isEqualTo(whole.codeBlocks());
        assertThat(cut.sections()).isEqualTo(whole.sections());
        assertThat(cut.frontMatter()).isEqualTo(whole.frontMatter());
        List<String> cutHtml = prose(cut);
        assertThat(cutHtml.equals(prose(whole))).as("the prose renders alike").isTrue();
        assertThat(cutHtml.stream().filter(h -> h.contains("data-block-line"))).hasSize(12);
    }

    @Test
    void aCutTheLineScanGotWrongIsFoundAndTheRunbookParsedWhole() throws Exception {
        // a fence line inside an HTML block is HTML, so the second one opens a fence that "## Next" is inside; and a
        // fence left open in a list item ends with the item, so a later fence line opens one again
        String traps = """

                <details><summary>log</summary>
                ```
                log line

                # not cut here
                ```
                </details>

                ## Next (inside a fence for flexmark)

                ```

                1. step

                   ```
                   ping 127.0.0.1
                a lazy line ends the item and its fence

                ```

                # inside the second fence

                ```

                """;
        String seed = Files.readString(Path.of("runbooks/network-connectivity.en.md"));
        String source = (seed + traps).repeat(4);
        assertThat(HeadingChunks.split(source, 0, 1, 0))
                .as("the line scan cuts where flexmark is inside a fence")
                .anyMatch(c -> source.startsWith("## Next (inside a fence", c.start()));
        Runbook cut = new MarkdownParser(Duration.ofSeconds(30), 0, 1).parse(source, "traps");
        Runbook whole = new MarkdownParser().parse(source, "traps");
        assertThat(cut.parts()).isEqualTo(whole.parts());
        assertThat(cut.codeBlocks()).isEqualTo(whole.codeBlocks());
        assertThat(cut.sections()).isEqualTo(whole.sections());
    }

    @Test
    void piecesStartAtTopLevelHeadingsAfterABlankLineOnly() {
        String source = "# one\n\ntext\n" + TRAPS + "## two\ntext\n\n# three\n";
        List<HeadingChunks.Chunk> chunks = HeadingChunks.split(source, 0, 1, 0);
        assertThat(chunks)
                .extracting(c -> source.substring(c.start(), source.indexOf('\n', c.start())))
                .containsExactly("# one", "# a real heading ends the list", "## two", "# three");
        assertThat(chunks.get(1).linesBefore())
                .isEqualTo((int) source.substring(0, chunks.get(1).start())
                        .chars()
                        .filter(c -> c == '\n')
                        .count());
    }

    @Test
    void aRunbookWithLinkDefinitionsOrOfRealisticSizeStaysWhole() {
        String withDefinitions = "# a\n\nsee [x][y]\n\n# b\n\n[y]: https://example.invalid/\n";
        assertThat(HeadingChunks.split(withDefinitions, 0, 1, 0)).hasSize(1);
        String inAQuote = "# a\n\nsee [x][y]\n\n# b\n\n> [y]: https://example.invalid/\n";
        assertThat(HeadingChunks.split(inAQuote, 0, 1, 0)).hasSize(1);
        assertThat(HeadingChunks.split("# a\n\n# b\n", 100, 1, 0)).hasSize(1);
    }

    private static List<String> prose(Runbook runbook) {
        return runbook.parts().stream()
                .filter(p -> p instanceof Prose)
                .map(p -> ((Prose) p).html())
                .toList();
    }
}
