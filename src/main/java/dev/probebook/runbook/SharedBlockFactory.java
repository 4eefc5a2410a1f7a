package dev.probebook.runbook;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;

/** One of flexmark's core block parsers, its per-document factory made once (see {@link SharedFactory}). */
abstract class SharedBlockFactory extends SharedFactory<DataHolder, BlockParserFactory, CustomBlockParserFactory>
        implements CustomBlockParserFactory {

    SharedBlockFactory(CustomBlockParserFactory core) {
        super(core);
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return core.getLeadInHandler(options);
    }
}
