package dev.probebook.runbook;

import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import java.util.Set;

/**
 * A paragraph pre-processor made once for a {@link MarkdownParser} instead of once per document: the GFM table
 * pre-processor compiles its separator pattern each time it is made, and keeps nothing of a document (its options and
 * that pattern; the parser state comes with each paragraph). Made by the parse in the parser's constructor.
 */
final class SharedParagraphPreProcessor implements ParagraphPreProcessorFactory {

    private final ParagraphPreProcessorFactory core;
    private ParagraphPreProcessor made;

    SharedParagraphPreProcessor(ParagraphPreProcessorFactory core) {
        this.core = core;
    }

    @Override
    public ParagraphPreProcessor apply(ParserState state) {
        if (made == null) {
            made = core.apply(state);
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
}
