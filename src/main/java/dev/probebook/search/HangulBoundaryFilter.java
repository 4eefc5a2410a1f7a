package dev.probebook.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits a token where Hangul meets Latin letters or digits: {@code tcpdump로} becomes {@code tcpdump} and {@code 로},
 * {@code SYN이} becomes {@code syn} and {@code 이}. Unicode word breaking (UAX #29, {@link StandardTokenizer}) keeps
 * such a run as one alphanumeric token, so without this a Korean sentence that attaches a particle to a command name
 * would not be found by the command name. Each Hangul piece is typed {@code <HANGUL>} so that the CJK bigram filter
 * after this one splits it into bigrams; the other pieces lose punctuation at their ends ({@code 설정.conf} gives
 * 설정 and conf), and are dropped when that is all they had.
 */
final class HangulBoundaryFilter extends TokenFilter {

    private static final String HANGUL = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];
    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

    // the token being split: its text, where each run ends, and what is left to emit
    private char[] pending = new char[64];
    private int[] runEnds = new int[8];
    private int runCount;
    private int nextRun;
    private int tokenStart;
    private int tokenEnd;
    private boolean exactOffsets;
    private String tokenType;
    private int tokenPositionIncrement;
    private boolean emittedAny;

    HangulBoundaryFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (nextRun < runCount) {
            if (emitRun(nextRun++)) {
                return true;
            }
        }
        runCount = 0;
        nextRun = 0;
        if (!input.incrementToken()) {
            return false;
        }
        if (!mixesHangul(term.buffer(), term.length())) {
            return true;
        }
        split();
        // a mixed token has a Hangul run, and Hangul runs are always emitted
        while (!emitRun(nextRun++)) {}
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        runCount = 0;
        nextRun = 0;
    }

    private void split() {
        int length = term.length();
        if (pending.length < length) {
            pending = new char[length];
        }
        System.arraycopy(term.buffer(), 0, pending, 0, length);
        tokenStart = offset.startOffset();
        tokenEnd = offset.endOffset();
        // a width filter before this one may have folded two characters into one: offsets then stay whole
        exactOffsets = tokenEnd - tokenStart == length;
        tokenType = type.type();
        tokenPositionIncrement = position.getPositionIncrement();
        emittedAny = false;
        runCount = 0;
        int i = 0;
        while (i < length) {
            boolean hangul = isHangul(Character.codePointAt(pending, i, length));
            int j = i;
            while (j < length && isHangul(Character.codePointAt(pending, j, length)) == hangul) {
                j += Character.charCount(Character.codePointAt(pending, j, length));
            }
            if (runCount == runEnds.length) {
                runEnds = Arrays.copyOf(runEnds, runCount * 2);
            }
            runEnds[runCount++] = j;
            i = j;
        }
    }

    /**
     * Puts run {@code index} into the attributes, without punctuation at its ends ({@code 설정.conf} gives 설정 and
     * conf); false for a run with no letter or digit.
     */
    private boolean emitRun(int index) {
        int start = index == 0 ? 0 : runEnds[index - 1];
        int end = runEnds[index];
        boolean hangul = isHangul(Character.codePointAt(pending, start, end));
        if (!hangul) {
            while (start < end && !Character.isLetterOrDigit(Character.codePointAt(pending, start, end))) {
                start += Character.charCount(Character.codePointAt(pending, start, end));
            }
            while (end > start && !Character.isLetterOrDigit(Character.codePointBefore(pending, end, start))) {
                end -= Character.charCount(Character.codePointBefore(pending, end, start));
            }
            if (start == end) {
                return false;
            }
        }
        term.copyBuffer(pending, start, end - start);
        type.setType(hangul ? HANGUL : HANGUL.equals(tokenType) ? ALPHANUM : tokenType);
        position.setPositionIncrement(emittedAny ? 1 : tokenPositionIncrement);
        emittedAny = true;
        if (exactOffsets) {
            offset.setOffset(tokenStart + start, tokenStart + end);
        } else {
            offset.setOffset(tokenStart, tokenEnd);
        }
        return true;
    }

    private static boolean mixesHangul(char[] text, int length) {
        boolean hangul = false;
        boolean other = false;
        for (int i = 0; i < length; ) {
            int cp = Character.codePointAt(text, i, length);
            if (isHangul(cp)) {
                hangul = true;
            } else {
                other = true;
            }
            if (hangul && other) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean isHangul(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HANGUL;
    }
}
