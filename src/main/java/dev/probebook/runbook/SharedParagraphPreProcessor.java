package dev.probebook.runbook;

import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;

/**
 * A paragraph pre-processor made once (see {@link SharedFactory}): the GFM table pre-processor compiles its separator
 * pattern each time it is made, and keeps nothing of a document (its options and that pattern; the parser state comes
 * with each paragraph).
 */
final class SharedParagraphPreProcessor
        extends SharedFactory<ParserState, ParagraphPreProcessor, ParagraphPreProcessorFactory>
        implements ParagraphPreProcessorFactory {

    SharedParagraphPreProcessor(ParagraphPreProcessorFactory core) {
        super(core);
    }
}
