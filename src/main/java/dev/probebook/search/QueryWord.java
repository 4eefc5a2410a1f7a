package dev.probebook.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * One word of what the user typed, as index terms in a row: {@code tcpdump} is one term, {@code 방화벽} two bigrams
 * that must follow each other, {@code /etc/hosts} the terms etc and hosts in a row, and a quoted {@code "tcp syn"}
 * likewise. User text is never given to a query parser: operators, quotes and wildcards are just characters that
 * the analyzer drops, so no input can make a search fail.
 */
record QueryWord(List<String> terms) {

    /** Longer input is cut here: nobody types more, and a query's cost grows with its length. */
    static final int MAX_CHARS = 1_000;

    static final int MAX_WORDS = 16;

    static final int MAX_TERMS_PER_WORD = 32;

    /** A quoted phrase (a quote left open runs to the end), or a run without white space. */
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"?|(\\S+)");

    QueryWord {
        terms = List.copyOf(terms);
    }

    /** The distinct words of {@code text}, at most {@link #MAX_WORDS}; none for blank or term-less text. */
    static List<QueryWord> parse(String text, Analyzer analyzer) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String bounded = text.length() <= MAX_CHARS ? text : text.substring(0, cutAt(text, MAX_CHARS));
        Set<QueryWord> words = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(bounded);
        while (matcher.find() && words.size() < MAX_WORDS) {
            String word = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            List<String> terms = terms(word, analyzer);
            if (!terms.isEmpty()) {
                words.add(new QueryWord(terms));
            }
        }
        return List.copyOf(words);
    }

    private static List<String> terms(String word, Analyzer analyzer) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(SectionDocuments.PROSE, word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS_PER_WORD) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does not do I/O
        }
        return terms;
    }

    /** {@code max}, or one less when that would split a surrogate pair. */
    private static int cutAt(String text, int max) {
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }
}
