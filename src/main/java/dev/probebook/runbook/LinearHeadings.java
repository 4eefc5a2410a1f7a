package dev.probebook.runbook;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's heading parser, asked only about lines that can start a heading. Its {@code tryStart} builds the whole
 * paragraph so far (for a setext underline) before it looks at the line, on every line of every paragraph: a
 * paragraph, table or quote of n lines cost O(n²) (80,000 table rows took 28 s). Lines that are neither an ATX
 * opening ({@code #}) nor a setext underline ({@code ===}, {@code ---}) cannot be headings, so they skip it.
 */
final class LinearHeadings extends SharedBlockFactory {

    LinearHeadings() {
        super(new HeadingParser.Factory()); // made once, as the HTML blocks' (see SharedFactory)
    }

    @Override
    BlockParserFactory wrap(BlockParserFactory headings) {
        return (state, matched) -> {
            ParseBudget.check(); // asked about every line: the place to notice a spent budget
            return mayStartHeading(state) ? headings.tryStart(state, matched) : BlockStart.none();
        };
    }

    /** {@code #...} or a line of only {@code =} or only {@code -} (and trailing blanks) after the indent. */
    static boolean mayStartHeading(ParserState state) {
        BasedSequence line = state.getLine();
        int i = state.getNextNonSpaceIndex();
        if (i >= line.length()) {
            return false;
        }
        char c = line.charAt(i);
        if (c == '#') {
            return true;
        }
        if (c != '=' && c != '-') {
            return false;
        }
        int j = i;
        while (j < line.length() && line.charAt(j) == c) {
            j++;
        }
        while (j < line.length() && (line.charAt(j) == ' ' || line.charAt(j) == '\t')) {
            j++;
        }
        return j >= line.length() || line.charAt(j) == '\n' || line.charAt(j) == '\r';
    }
}
