package dev.probebook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How runbook text becomes search terms, for Korean and English alike: Unicode word breaking
 * ({@link StandardTokenizer}), full- and half-width forms folded ({@link CJKWidthFilter}), lower case (locale-free),
 * Hangul split from Latin letters and digits in the same word ({@link HangulBoundaryFilter}: {@code tcpdump로}), and
 * Hangul words cut into overlapping two-syllable terms ({@link CJKBigramFilter}); when indexing, names joined by dots or
 * underscores also give their parts ({@link NamePartsFilter}: {@code trace.pcap}).
 *
 * <p>Why bigrams: Korean attaches particles and endings to words ({@code 포트를}, {@code 방화벽에서}), and a
 * morphological analyser (Nori) that would strip them is not available here. Bigrams make a word match inside any
 * longer form: {@code 방화벽에서} is indexed as 방화, 화벽, 벽에, 에서, and the query {@code 방화벽} becomes the phrase
 * "방화 화벽", which matches it. The cost is some false matches across word parts, which ranking absorbs, and a larger
 * index. Indexing also keeps single syllables (stacked on the bigrams) so a one-syllable query still finds text; a
 * query is analysed without them so that a longer word matches as a whole phrase, not syllable by syllable.
 *
 * <p>No stemming and no stop words: runbook terms are command names, flags, host names and protocol words
 * ({@code hosts}, {@code -n}, {@code SYN}), which must match as written, apart from case.
 */
final class RunbookAnalyzer extends Analyzer {

    private static final int CJK_SCRIPTS =
            CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;

    private final boolean forIndexing;

    private RunbookAnalyzer(boolean forIndexing) {
        this.forIndexing = forIndexing;
    }

    /** For documents: bigrams and single syllables, names and their parts. */
    static RunbookAnalyzer forIndexing() {
        return new RunbookAnalyzer(true);
    }

    /** For queries: bigrams only (a one-syllable word stays one term), names whole. */
    static RunbookAnalyzer forQueries() {
        return new RunbookAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer words = new StandardTokenizer();
        TokenStream terms = new CJKWidthFilter(words);
        terms = new LowerCaseFilter(terms);
        terms = new HangulBoundaryFilter(terms);
        if (forIndexing) {
            terms = new NamePartsFilter(terms);
        }
        terms = new CJKBigramFilter(terms, CJK_SCRIPTS, forIndexing);
        return new TokenStreamComponents(words, terms);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}
