package dev.probebook.search;

/**
 * Which hits of a search get a snippet: a snippet costs a highlighter pass, ranking does not, so a page that shows
 * 20 of 200 hits asks for those 20.
 */
@FunctionalInterface
public interface SnippetsFor {

    /** @param rank the hit's place in the ranking, from 0 */
    boolean wanted(int rank, String name);

    /** The first {@code count} hits of the ranking. */
    static SnippetsFor first(int count) {
        return (rank, name) -> rank < count;
    }
}
