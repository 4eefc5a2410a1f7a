package dev.probebook.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.Bits;

/**
 * The snippet of each hit's best section, from Lucene's {@link UnifiedHighlighter} (offsets come from the postings, so
 * nothing is analysed again). The prose is preferred when it holds a match, then the commands; when neither does (the
 * title or heading matched), the start of the prose, or of the commands. A heading with no text of its own (only
 * sub-sections under it) shows the text that follows it on the page: the next section with text, of the same runbook.
 */
final class SectionSnippets {

    /** Roughly how long one passage is, in characters, centred on its match. */
    static final int PASSAGE_CHARS = 120;

    /** Passages per snippet: two matches far apart in a long section both show. */
    static final int PASSAGES = 2;

    /** Text beyond this far into a section is not highlighted (a section this long is rare). */
    static final int MAX_HIGHLIGHTED_CHARS = 100_000;

    /** How far past a heading without text to look for text: headings nest six deep at most. */
    static final int MAX_EMPTY_HEADINGS = 6;

    private static final String[] FIELDS = {SectionDocuments.PROSE, SectionDocuments.COMMANDS};

    private static final Set<String> TEXT_FIELDS =
            Set.of(SectionDocuments.NAME, SectionDocuments.PROSE, SectionDocuments.COMMANDS);

    private SectionSnippets() {}

    /** One snippet per section document, in the order of {@code sections}; {@code query} is the scoring query. */
    static Snippet[] of(IndexSearcher searcher, Analyzer analyzer, Query query, int[] sections) throws IOException {
        int[] docs = new int[sections.length];
        for (int i = 0; i < sections.length; i++) {
            docs[i] = withText(searcher, sections[i]);
        }
        Highlighter highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new SnippetFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f))
                .withMaxLength(MAX_HIGHLIGHTED_CHARS)
                .withMaxNoHighlightPassages(1));
        Map<String, Object[]> byField = highlighter.snippets(query, docs);
        Snippet[] snippets = new Snippet[docs.length];
        for (int i = 0; i < docs.length; i++) {
            Snippet prose = snippet(byField.get(SectionDocuments.PROSE)[i]);
            Snippet commands = snippet(byField.get(SectionDocuments.COMMANDS)[i]);
            snippets[i] =
                    prose.hasMatch() ? prose : commands.hasMatch() ? commands : !prose.isEmpty() ? prose : commands;
        }
        return snippets;
    }

    /**
     * {@code doc}, or when it has no text, the first of the sections that follow it with some. A runbook's sections
     * are one block of consecutive document ids in page order (Lucene keeps documents added together together).
     */
    private static int withText(IndexSearcher searcher, int doc) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Bits live = MultiBits.getLiveDocs(reader);
        StoredFields stored = searcher.storedFields();
        String name = stored.document(doc, Set.of(SectionDocuments.NAME)).get(SectionDocuments.NAME);
        for (int next = doc; next < reader.maxDoc() && next <= doc + MAX_EMPTY_HEADINGS; next++) {
            if (live != null && !live.get(next)) {
                return doc;
            }
            Document section = stored.document(next, TEXT_FIELDS);
            if (!name.equals(section.get(SectionDocuments.NAME))) {
                return doc;
            }
            if (!isBlank(section.get(SectionDocuments.PROSE)) || !isBlank(section.get(SectionDocuments.COMMANDS))) {
                return next;
            }
        }
        return doc;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static Snippet snippet(Object formatted) {
        return formatted instanceof Snippet s ? s : Snippet.EMPTY;
    }

    /** Opens the highlighter's structured results (its public methods return strings). */
    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> snippets(Query query, int[] docs) throws IOException {
            int[] passages = new int[FIELDS.length];
            Arrays.fill(passages, PASSAGES);
            return highlightFieldsAsObjects(FIELDS, query, docs, passages);
        }
    }
}
