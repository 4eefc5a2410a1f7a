package dev.probebook.runbook;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;

/**
 * flexmark's HTML block parser, its factory made once for a {@link MarkdownParser} instead of once per document.
 * flexmark asks for a new one on every parse, and the factory compiles its regular expressions each time (with the
 * heading factory, which {@link LinearHeadings} keeps the same way, about a fifth of parsing a runbook of a few
 * kilobytes, and most of rendering one run of prose). The factory keeps nothing of a document: it makes its patterns
 * on the first HTML block it meets, which the parser's constructor parses, so every thread sees them complete
 * through the parser's final fields.
 */
final class SharedHtmlBlocks implements CustomBlockParserFactory {

    private final HtmlBlockParser.Factory core = new HtmlBlockParser.Factory();
    private BlockParserFactory made; // by the first parse, in MarkdownParser's constructor

    @Override
    public BlockParserFactory apply(DataHolder options) {
        if (made == null) {
            made = core.apply(options);
        }
        return made;
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
