package dev.probebook.runbook;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * flexmark's inline parser with link destinations and titles looked for within a bounded window. flexmark scans
 * a destination to its end before it checks for the closing {@code )}; on input such as {@code [a](} repeated, every
 * {@code ](} scans the rest of the paragraph and parsing turns quadratic (160 KB took 11 s). A destination or
 * title that runs past {@link #MAX_LINK_PART} characters is not a link here (few real ones are that long), which keeps
 * each attempt bounded and the whole parse linear; and an inline link whose closing {@code )} is nowhere near is
 * given up at once, without a scan. Every paragraph and link attempt also checks the {@link ParseBudget}.
 *
 * <p>One instance parses one document on one thread, as flexmark's own does.
 */
final class BoundedInlineParser extends InlineParserImpl {

    /** Longest link destination or title looked for, in characters. */
    static final int MAX_LINK_PART = 2048;

    /** An inline link ends within its destination, title and the blanks around them. */
    private static final int MAX_INLINE_LINK = 2 * MAX_LINK_PART + 64;

    /** Where the next {@code )} is: valid for any index in [{@code closeFrom}, {@code closeAt}] of {@code scanned}. */
    private BasedSequence scanned;

    private int closeFrom = -1;
    private int closeAt = -1;

    BoundedInlineParser(
            DataHolder options,
            BitSet specialCharacters,
            BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors,
            LinkRefProcessorData linkRefProcessorsData,
            List<InlineParserExtensionFactory> inlineParserExtensionFactories) {
        super(
                options,
                specialCharacters,
                delimiterCharacters,
                delimiterProcessors,
                linkRefProcessorsData,
                inlineParserExtensionFactories);
    }

    /**
     * Set on the parsing thread for the structural parse of a whole runbook, which needs the inline content of
     * headings only: every other block's inlines (about half of flexmark's work) wait until {@link #parseSkipped}
     * asks for them, and the prose renders later from its own Markdown (see {@link Prose#html()}).
     */
    static final ThreadLocal<Skipped> SKIPPED = new ThreadLocal<>();

    /** The inline parser of the document whose blocks' inline content was skipped. */
    static final class Skipped {
        private BoundedInlineParser parser;
    }

    @Override
    public void parse(BasedSequence content, Node block) {
        ParseBudget.check();
        Skipped skipped = SKIPPED.get();
        if (skipped != null && !(block instanceof Heading)) {
            skipped.parser = this;
            return;
        }
        super.parse(content, block);
    }

    /** Parses the inline content of a paragraph the structural parse skipped; nothing if it has some already. */
    static void parseSkipped(Paragraph paragraph) {
        Skipped skipped = SKIPPED.get();
        if (skipped != null && skipped.parser != null && !paragraph.hasChildren()) {
            skipped.parser.parseInlines(paragraph);
        }
    }

    private void parseInlines(Paragraph paragraph) {
        super.parse(paragraph.getContentChars(), paragraph);
    }

    @Override
    public BasedSequence parseLinkDestination() {
        ParseBudget.check();
        if (inInlineLink() && nextClose(index) - index > MAX_INLINE_LINK) {
            return null; // no ")" within reach: it cannot be an inline link
        }
        return withinWindow(super::parseLinkDestination);
    }

    /** After {@code ](} (and blanks), not after {@code ]:} of a reference definition, which ends without ")". */
    private boolean inInlineLink() {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(input.charAt(i))) {
            i--;
        }
        return i >= 0 && input.charAt(i) == '(';
    }

    /** The index of the next {@code )} at or after {@code from} (the length when none), amortised over a scan. */
    private int nextClose(int from) {
        if (scanned != input || from < closeFrom || from > closeAt) {
            int at = input.indexOf(')', from);
            scanned = input;
            closeFrom = from;
            closeAt = at < 0 ? input.length() : at;
        }
        return closeAt;
    }

    @Override
    public BasedSequence parseLinkTitle() {
        return withinWindow(super::parseLinkTitle);
    }

    /** Runs {@code parse} on the input cut at the window's end; a match that reaches that end is no match. */
    private BasedSequence withinWindow(Supplier<BasedSequence> parse) {
        BasedSequence whole = input;
        int start = index;
        int end = start + MAX_LINK_PART;
        if (end >= whole.length()) {
            return parse.get();
        }
        input = whole.subSequence(0, end);
        try {
            BasedSequence found = parse.get();
            if (found != null && index >= end) {
                index = start;
                return null;
            }
            return found;
        } finally {
            input = whole;
        }
    }
}
