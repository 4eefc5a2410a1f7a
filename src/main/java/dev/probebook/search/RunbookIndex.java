package dev.probebook.search;

import dev.probebook.runbook.Runbook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Full-text search over runbooks, held in memory (Lucene, {@link ByteBuffersDirectory}): one document per section,
 * so a hit can open its runbook at the section that matched. Korean and English are analysed alike (see
 * {@link RunbookAnalyzer}).
 *
 * <p>Results are runbooks, not sections: each runbook is ranked by its best section, runbooks that hold every word
 * of the query (in any of their sections) come before those that hold only some, and each hit carries its best
 * section's anchor and a snippet. See {@link SectionQuery} for how fields weigh.
 *
 * <p>Threading: every method may be called from any thread at any time. Changes go through one {@link IndexWriter}
 * and are visible to every search that starts after the change returns; a search runs on a point-in-time view, so it
 * sees a replaced runbook either wholly old or wholly new, never both or neither. Searches do not block each other
 * or changes; a change waits only for the refresh of the view.
 */
public final class RunbookIndex implements AutoCloseable {

    /** The most hits one search returns. */
    public static final int MAX_LIMIT = 1_000;

    private final RunbookAnalyzer queryAnalyzer = RunbookAnalyzer.forQueries();
    private final RunbookAnalyzer indexAnalyzer = RunbookAnalyzer.forIndexing();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public RunbookIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the in-memory search index", e);
        }
    }

    /** Adds a runbook under {@code name}, or replaces the one of that name (all its sections at once). */
    public void put(String name, Runbook runbook) {
        change(() -> writer.updateDocuments(nameTerm(name), SectionDocuments.of(name, runbook)));
    }

    /** Adds or replaces many runbooks with one refresh at the end (a first load). */
    public void putAll(Map<String, Runbook> runbooks) {
        change(() -> {
            for (Map.Entry<String, Runbook> entry : runbooks.entrySet()) {
                writer.updateDocuments(nameTerm(entry.getKey()), SectionDocuments.of(entry.getKey(), entry.getValue()));
            }
        });
    }

    /** Removes a runbook; nothing happens when there is none of that name. */
    public void remove(String name) {
        change(() -> writer.deleteDocuments(nameTerm(name)));
    }

    /** The best {@code limit} runbooks for {@code query}, best first; none for a query without words. */
    public List<SearchHit> search(String query, int limit) {
        return search(query, SearchFilter.NONE, limit);
    }

    /**
     * The best {@code limit} runbooks for {@code query} among those {@code filter} lets through, best first. Any text
     * is a valid query: quotes group words into a phrase, everything else that is not a word is ignored.
     */
    public List<SearchHit> search(String query, SearchFilter filter, int limit) {
        return search(query, filter, limit, (rank, name) -> true);
    }

    /**
     * As {@link #search(String, SearchFilter, int)}, with a snippet only for the hits {@code snippetFor} wants (by
     * rank, from 0, and name); the others carry {@link Snippet#EMPTY}. Ranking is cheap and snippets are not (a highlighter pass per hit): a
     * page that shows 20 of 200 hits asks for those 20.
     */
    public List<SearchHit> search(String query, SearchFilter filter, int limit, SnippetsFor snippetFor) {
        SearchFilter only = filter == null ? SearchFilter.NONE : filter;
        List<QueryWord> words = QueryWord.parse(query, queryAnalyzer);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        Query scoring = SectionQuery.anyOf(words);
        return read(searcher -> {
            Map<String, BestSections.Best> best = searcher.search(only.restrict(scoring), new BestSections());
            Map<String, Integer> wordsHeld = wordsHeld(searcher, words, only, best.keySet());
            List<BestSections.Best> ranked = best.values().stream()
                    .sorted(Comparator.comparing((BestSections.Best b) -> wordsHeld.getOrDefault(b.name(), 1))
                            .reversed()
                            .thenComparing(BestSections.Best::score, Comparator.reverseOrder())
                            .thenComparing(BestSections.Best::name))
                    .limit(Math.min(limit, MAX_LIMIT))
                    .toList();
            return hits(searcher, scoring, ranked, snippetFor);
        });
    }

    /** The names of the runbooks tagged {@code tag} (ignoring case), sorted. */
    public List<String> withTag(String tag) {
        return names(SearchFilter.tagged(tag));
    }

    /** The names of the runbooks whose front matter names {@code owner} (ignoring case), sorted. */
    public List<String> ownedBy(String owner) {
        return names(SearchFilter.ownedBy(owner));
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For a query of several words, how many of them each runbook holds in any of its sections (one pass per word).
     * A single word needs no count: every candidate holds it.
     */
    private static Map<String, Integer> wordsHeld(
            IndexSearcher searcher, List<QueryWord> words, SearchFilter filter, Set<String> candidates)
            throws IOException {
        Map<String, Integer> held = new HashMap<>();
        if (words.size() < 2) {
            return held;
        }
        for (QueryWord word : words) {
            for (String name : searcher.search(filter.restrict(SectionQuery.of(word)), new MatchingRunbooks())) {
                if (candidates.contains(name)) {
                    held.merge(name, 1, Integer::sum);
                }
            }
        }
        return held;
    }

    private List<SearchHit> hits(
            IndexSearcher searcher, Query scoring, List<BestSections.Best> ranked, SnippetsFor snippetFor)
            throws IOException {
        int[] docs = ranked.stream().mapToInt(BestSections.Best::doc).toArray();
        int[] wanted = IntStream.range(0, ranked.size())
                .filter(i -> snippetFor.wanted(i, ranked.get(i).name()))
                .map(i -> ranked.get(i).doc())
                .toArray();
        Snippet[] snippets =
                wanted.length == 0 ? new Snippet[0] : SectionSnippets.of(searcher, indexAnalyzer, scoring, wanted);
        Map<Integer, Snippet> snippetOf = new HashMap<>();
        for (int i = 0; i < wanted.length; i++) {
            snippetOf.put(wanted[i], snippets[i]);
        }
        StoredFields stored = searcher.storedFields();
        Set<String> shown = Set.of(
                SectionDocuments.NAME, SectionDocuments.TITLE, SectionDocuments.ANCHOR, SectionDocuments.HEADING);
        List<SearchHit> hits = new ArrayList<>(ranked.size());
        for (int i = 0; i < docs.length; i++) {
            Document doc = stored.document(docs[i], shown);
            hits.add(new SearchHit(
                    doc.get(SectionDocuments.NAME),
                    doc.get(SectionDocuments.TITLE),
                    doc.get(SectionDocuments.ANCHOR),
                    doc.get(SectionDocuments.HEADING),
                    snippetOf.getOrDefault(docs[i], Snippet.EMPTY),
                    ranked.get(i).score()));
        }
        return hits;
    }

    private List<String> names(SearchFilter filter) {
        if (filter.equals(SearchFilter.NONE)) {
            return List.of();
        }
        return read(
                searcher -> searcher.search(filter.restrict(new MatchAllDocsQuery()), new MatchingRunbooks()).stream()
                        .sorted()
                        .toList());
    }

    private static Term nameTerm(String name) {
        return new Term(SectionDocuments.NAME, name);
    }

    /** Applies a change, then refreshes the view so that searches from now on see it. */
    private void change(IndexChange change) {
        try {
            change.apply();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the in-memory search index", e);
        }
    }

    private <T> T read(IndexRead<T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the in-memory search index", e);
        }
    }

    @FunctionalInterface
    private interface IndexChange {
        void apply() throws IOException;
    }

    @FunctionalInterface
    private interface IndexRead<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
