package dev.probebook.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * For indexing: besides a name joined by dots, underscores or colons, its parts, at the same position. Unicode word
 * breaking keeps {@code trace.pcap}, {@code resolv.conf}, {@code example.com} and {@code tcp_syn_retries} whole, so
 * without this {@code pcap}, {@code resolv} or {@code retries} would not find them. The whole name stays indexed,
 * so a query typed with the dots still matches it as one term; queries are not split. Numbers ({@code 10.0.0.1})
 * are left alone: their parts would match every address.
 */
final class NamePartsFilter extends TokenFilter {

    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    // the name being split and where its next part starts (length when done)
    private char[] name = new char[64];
    private int nameLength;
    private int next;
    private int nameStart;
    private boolean exactOffsets;

    NamePartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (next < nameLength) {
            int start = next;
            while (start < nameLength && isJoiner(name[start])) {
                start++;
            }
            int end = start;
            while (end < nameLength && !isJoiner(name[end])) {
                end++;
            }
            next = end;
            if (end > start) {
                term.copyBuffer(name, start, end - start);
                position.setPositionIncrement(0);
                if (exactOffsets) {
                    offset.setOffset(nameStart + start, nameStart + end);
                }
                return true;
            }
        }
        nameLength = 0;
        next = 0;
        if (!input.incrementToken()) {
            return false;
        }
        if (ALPHANUM.equals(type.type()) && hasJoiner()) {
            int length = term.length();
            if (name.length < length) {
                name = new char[length];
            }
            System.arraycopy(term.buffer(), 0, name, 0, length);
            nameLength = length;
            nameStart = offset.startOffset();
            exactOffsets = offset.endOffset() - nameStart == length;
        }
        return true; // the whole name first; its parts on the next calls
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        nameLength = 0;
        next = 0;
    }

    private boolean hasJoiner() {
        char[] text = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            if (isJoiner(text[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == '_' || c == ':';
    }
}
