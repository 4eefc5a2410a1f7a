package dev.probebook.runbook;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;

/**
 * flexmark's heading parser, asked only about lines that can start a heading. Its {@code tryStart} builds the whole
 * paragraph so far (for a setext underline) before it looks at the line, on every line of every paragraph: a
 * paragraph, table or quote of n lines cost O(n²) (80,000 table rows took 28 s). Lines that are neither an ATX
 * opening ({@code #}) nor a setext underline ({@code ===}, {@code ---}) cannot be headings, so they skip it.
 */
final class LinearHeadings implements CustomBlockParserFactory {

    private final HeadingParser.Factory core = new HeadingParser.Factory();

    /**
     * Made by the first parse (in {@link MarkdownParser}'s constructor) and kept: flexmark asks for a factory per
     * document, and the heading factory compiles its patterns each time; it keeps nothing of a document.
     */
    private BlockParserFactory made;

    @Override
    public BlockParserFactory apply(DataHolder options) {
        if (made == null) {
            BlockParserFactory headings = core.apply(options);
            made = (state, matched) -> {
                ParseBudget.check(); // asked about every line: the place to notice a spent budget
                return mayStartHeading(state) ? headings.tryStart(state, matched) : BlockStart.none();
            };
        }
        return made;
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

    @Override
    public Set<Class<?>> getAfterDependents() {
        return core.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return core.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return core.affectsGlobalScope();
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return core.getLeadInHandler(options);
    }
}
