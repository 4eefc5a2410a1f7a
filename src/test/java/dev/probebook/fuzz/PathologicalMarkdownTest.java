package dev.probebook.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.RunbookException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Markdown built to make a parser work hard: parsing must stay linear in the input size. Each input is parsed at
 * 64 KB and at four times that; a linear parser takes about four times as long, a quadratic one sixteen (the
 * inputs here took 11 s for 160 KB of {@code [a](}, 28 s for 80,000 table rows, 24 s for 200,000 quoted lines before
 * they were made linear). The bound allows ten times, plus 1.5 s of slack for a busy machine (a shared CI core, a collector pause),
 * and an absolute ceiling that a quadratic parse of these sizes passes by seconds.
 * Whatever the input, the parse ends with a runbook or a {@link RunbookException}, never hangs.
 */
@Tag("slow")
class PathologicalMarkdownTest {

    private static final int SMALL = 64 * 1024;
    private static final long CEILING_MS = 4_000;

    private static final MarkdownParser PARSER = new MarkdownParser(Duration.ofMinutes(5));

    static Stream<Arguments> inputs() {
        return Stream.of(
                // unclosed links, images and references
                unit("unclosed inline links", "", "[a](", ""),
                unit("unclosed links closed once at the end", "", "[a](", ")"),
                unit("unclosed images", "", "![a](", ""),
                unit("unclosed link titles", "", "[a](b \"", ""),
                unit("unclosed angle destinations", "", "[x](<", ""),
                unit("unclosed reference definitions", "", "[a]: <", ""),
                unit("reference links", "", "[a][", ""),
                // nested and unmatched brackets
                unit("opening brackets", "", "[", ""),
                unit("nested brackets", "", "[[]", ""),
                unit("closing brackets", "", "]", ""),
                unit("parentheses", "", "(", ""),
                // unclosed emphasis, code spans, html
                unit("unclosed emphasis", "", "*a", ""),
                unit("unclosed underscores", "", "_a ", ""),
                unit("mixed delimiters", "", "a*b_", ""),
                unit("unclosed strikethrough", "", "~~a", ""),
                unit("unclosed code spans", "", "`a", ""),
                unit("unclosed html tags", "", "<a ", ""),
                unit("unclosed autolinks", "", "<http://a", ""),
                unit("unclosed marks", "", "<mark>", ""),
                unit("entities", "", "&amp;", ""),
                // deep lists and quotes, long containers
                unit("one long quote", "", "> a\n", ""),
                unit("one long list item", "- a\n", "  b\n", ""),
                unit("many list items", "", "- a\n", ""),
                unit("code in a quote", "> ```\n", "> a\n", "> ```\n"),
                unit("code in a list", "- ```\n", "  a\n", "  ```\n"),
                unit("a long table", "| a | b |\n|---|---|\n", "| a | b |\n", ""),
                // long lines and many tiny blocks
                unit("one long line", "", "abcdefgh", "\n"),
                unit("one long paragraph", "", "a\n", ""),
                unit("many paragraphs", "", "a\n\n", ""),
                unit("many headings", "", "# a\n", ""),
                unit("many setext headings", "", "a\n-\n", ""),
                unit("many code blocks", "", "```\na\n```\n", ""),
                unit("many thematic breaks", "", "***\n", ""));
    }

    private static Arguments unit(String name, String head, String unit, String tail) {
        return Arguments.of(name, head, unit, tail);
    }

    @BeforeAll
    static void warmUp() throws Exception {
        for (int i = 0; i < 3; i++) {
            PARSER.parse("# h\n\n[a](b) *c* `d`\n\n> e\n\n- f\n\n| a |\n|---|\n| b |\n".repeat(500), "warm");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void parsingStaysLinear(String name, String head, String unit, String tail) {
        String smallText = head + unit.repeat(SMALL / unit.length()) + tail;
        String largeText = head + unit.repeat(4 * SMALL / unit.length()) + tail;
        long small = best(smallText);
        long large = best(largeText);
        // a busy machine (the rest of the suite, a collector) can slow all three parses of one size: measure both
        // sizes again before judging; a parse that really grows faster than linearly fails every time
        for (int again = 0; again < 2 && large >= 10 * small + 1_500; again++) {
            small = Math.min(small, best(smallText));
            large = Math.min(large, best(largeText));
        }
        assertThat(large)
                .as("%s: %d ms for 64 KB, %d ms for 256 KB", name, small, large)
                .isLessThan(10 * small + 1_500)
                .isLessThan(CEILING_MS);
    }

    /** The fastest of three parses, in ms (a collector pause or a busy core in one does not count). */
    private static long best(String text) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            try {
                PARSER.parse(text, "pathological");
            } catch (RunbookException e) {
                // a clear refusal is a fine end: only the time matters here
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
        }
        return best;
    }

    @Test
    void aParseThatOutrunsItsBudgetIsRefusedWithTheReason() {
        MarkdownParser hurried = new MarkdownParser(Duration.ZERO);
        assertThatThrownBy(() -> hurried.parse("# a\n\ntext\n", "slow-one"))
                .isInstanceOf(RunbookException.class)
                .hasMessageContaining("slow-one took longer than")
                .hasMessageContaining("probebook.runbook.parse-budget");
    }
}
