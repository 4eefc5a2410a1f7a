package dev.probebook.runbook;

import com.vladsch.flexmark.parser.core.HtmlBlockParser;

/** flexmark's HTML block parser, its factory made once (see {@link SharedBlockFactory}). */
final class SharedHtmlBlocks extends SharedBlockFactory {

    SharedHtmlBlocks() {
        super(new HtmlBlockParser.Factory());
    }
}
