package dev.probebook.runbook;

import com.vladsch.flexmark.util.dependency.Dependent;
import java.util.Set;
import java.util.function.Function;

/**
 * One of flexmark's core factories, what it makes made once for a {@link MarkdownParser} instead of once per document.
 * flexmark asks the heading, HTML block and GFM table factories for a new block parser factory or paragraph
 * pre-processor on every parse, and they compile their regular expressions each time (about a fifth of parsing a
 * runbook of a few kilobytes, and most of rendering one run of prose); what they make keeps nothing of a document.
 * The first parse, in the parser's constructor, makes it (and the HTML block factory's patterns, made on the first HTML
 * block it meets), so every thread sees it complete through the parser's final fields. flexmark orders its parts by
 * class and their dependencies: each use is a class of its own, with the core's dependencies.
 *
 * @param <A> what flexmark gives the factory (the options, or the parser state)
 * @param <R> what the factory makes
 * @param <F> the core factory
 */
abstract class SharedFactory<A, R, F extends Function<A, R> & Dependent> implements Function<A, R>, Dependent {

    final F core;
    private R made;

    SharedFactory(F core) {
        this.core = core;
    }

    /** What this parser makes of what the core made: that itself unless a subclass wraps it. */
    R wrap(R coreMade) {
        return coreMade;
    }

    @Override
    public final R apply(A input) {
        if (made == null) {
            made = wrap(core.apply(input));
        }
        return made;
    }

    @Override
    public final Set<Class<?>> getAfterDependents() {
        return core.getAfterDependents();
    }

    @Override
    public final Set<Class<?>> getBeforeDependents() {
        return core.getBeforeDependents();
    }

    @Override
    public final boolean affectsGlobalScope() {
        return core.affectsGlobalScope();
    }
}
