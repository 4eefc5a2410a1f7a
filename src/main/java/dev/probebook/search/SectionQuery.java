package dev.probebook.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Lucene queries over section documents, built from {@link QueryWord}s (never parsed from user text).
 *
 * <p>A word matches a section in any searched field; where it matches in several, the best field counts most
 * ({@link DisjunctionMaxQuery}). A title or heading match weighs most, tags next, commands above prose: a runbook
 * about {@code tcpdump} outranks one that mentions it in passing. Words are alternatives, but each word a section holds
 * adds {@link #PER_WORD_HELD}, so a section holding more of them comes first whatever fields they are in (a section
 * with {@code SYN} and {@code 응답} in its prose beats a heading that says only 응답); {@link RunbookIndex} ranks
 * runbooks holding every word first, even when the words are in different sections.
 */
final class SectionQuery {

    /** Field boosts: the title and headings over commands, commands over prose. */
    static final Map<String, Float> BOOSTS = Map.of(
            SectionDocuments.TITLE, 4f,
            SectionDocuments.HEADING, 3f,
            SectionDocuments.TAGS, 2f,
            SectionDocuments.COMMANDS, 1.5f,
            SectionDocuments.PROSE, 1f);

    /** Added to a section's score for each word of a query of several that it holds: more than any one word scores. */
    static final float PER_WORD_HELD = 1_000f;

    /** How much a word's matches in other fields add to its best field. */
    private static final float OTHER_FIELDS = 0.1f;

    private SectionQuery() {}

    /** Sections matching any of the words, scored by how many and how well. */
    static Query anyOf(List<QueryWord> words) {
        if (words.size() == 1) {
            return of(words.getFirst());
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (QueryWord word : words) {
            Query held = of(word);
            any.add(held, BooleanClause.Occur.SHOULD);
            any.add(new BoostQuery(new ConstantScoreQuery(held), PER_WORD_HELD), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** Sections where the word occurs in any searched field. */
    static Query of(QueryWord word) {
        List<Query> perField = new ArrayList<>();
        BOOSTS.forEach((field, boost) -> perField.add(new BoostQuery(inField(field, word), boost)));
        return new DisjunctionMaxQuery(perField, OTHER_FIELDS);
    }

    private static Query inField(String field, QueryWord word) {
        List<String> terms = word.terms();
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.getFirst()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            phrase.add(new Term(field, terms.get(i)), i);
        }
        return phrase.build();
    }
}
