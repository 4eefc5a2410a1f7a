package dev.probebook.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into a {@link Snippet}: matched spans become marked parts, passages are joined by
 * an ellipsis, and an ellipsis stands where the text was cut at either end. Overlapping matches (a phrase and a term
 * inside it) are marked once.
 */
final class SnippetFormatter extends PassageFormatter {

    static final String ELLIPSIS = "…";

    @Override
    public Snippet format(Passage[] passages, String content) {
        List<Snippet.Part> parts = new ArrayList<>();
        int previousEnd = 0;
        for (Passage passage : passages) {
            if (passage.getStartOffset() > previousEnd
                    && !content.substring(previousEnd, passage.getStartOffset()).isBlank()) {
                parts.add(plain(ELLIPSIS + " "));
            }
            int at = passage.getStartOffset();
            int[] starts = passage.getMatchStarts();
            int[] ends = passage.getMatchEnds();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = Math.max(starts[i], at);
                int end = Math.min(ends[i], passage.getEndOffset());
                if (end <= start) {
                    continue; // inside a span already marked
                }
                if (start > at) {
                    parts.add(plain(content.substring(at, start)));
                }
                parts.add(new Snippet.Part(content.substring(start, end), true));
                at = end;
            }
            if (at < passage.getEndOffset()) {
                parts.add(plain(content.substring(at, passage.getEndOffset())));
            }
            previousEnd = passage.getEndOffset();
        }
        if (!parts.isEmpty() && !content.substring(previousEnd).isBlank()) {
            parts.add(plain(" " + ELLIPSIS));
        }
        return Snippet.of(parts);
    }

    private static Snippet.Part plain(String text) {
        return new Snippet.Part(text, false);
    }
}
