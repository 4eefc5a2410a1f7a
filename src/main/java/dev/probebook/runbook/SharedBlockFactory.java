package dev.probebook.runbook;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;

/**
 * One of flexmark's core block parsers, its per-document factory made once for a {@link MarkdownParser}. flexmark
 * asks for a new one on every parse, and the heading and HTML block factories compile their regular expressions each
 * time (about a fifth of parsing a runbook of a few kilobytes, and most of rendering one run of prose). Those
 * factories keep nothing of a document. The first parse, in the parser's constructor, makes it (and the HTML block
 * factory's patterns, made on the first HTML block it meets), so every thread sees it complete through the parser's
 * final fields. flexmark orders block parsers by class: each use is a subclass of its own, with the core's
 * dependencies.
 */
abstract class SharedBlockFactory implements CustomBlockParserFactory {

    private final CustomBlockParserFactory core;
    private BlockParserFactory made;

    SharedBlockFactory(CustomBlockParserFactory core) {
        this.core = core;
    }

    /** What this parser makes of the core's block parser factory: the factory itself unless a subclass wraps it. */
    BlockParserFactory wrap(BlockParserFactory coreFactory) {
        return coreFactory;
    }

    @Override
    public final BlockParserFactory apply(DataHolder options) {
        if (made == null) {
            made = wrap(core.apply(options));
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
