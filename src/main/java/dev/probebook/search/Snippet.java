package dev.probebook.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A few lines of a section around what matched, as plain text in parts, the matched ones marked. It carries no
 * markup: whoever shows it escapes the text and styles the matches itself.
 *
 * @param parts in reading order; adjacent parts differ in {@code match}, and none is empty
 */
public record Snippet(List<Part> parts) {

    /** A piece of a snippet; {@code match} when it is (part of) a matched word. */
    public record Part(String text, boolean match) {}

    public static final Snippet EMPTY = new Snippet(List.of());

    public Snippet {
        parts = List.copyOf(parts);
    }

    /** The snippet as plain text. */
    public String text() {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.text()));
        return text.toString();
    }

    /** The matched pieces, in order. */
    public List<String> matches() {
        return parts.stream().filter(Part::match).map(Part::text).toList();
    }

    public boolean hasMatch() {
        return parts.stream().anyMatch(Part::match);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * A snippet from raw pieces: white space (line breaks of code included) folded to single spaces, trimmed at both
     * ends, empty pieces dropped and neighbours of the same kind joined.
     */
    static Snippet of(List<Part> raw) {
        List<Part> parts = new ArrayList<>();
        for (Part part : raw) {
            String text = part.text().replaceAll("\\s+", " ");
            if (parts.isEmpty()) {
                text = text.stripLeading();
            }
            if (text.isEmpty()) {
                continue;
            }
            Part last = parts.isEmpty() ? null : parts.getLast();
            if (last != null && last.match() == part.match()) {
                parts.set(parts.size() - 1, new Part(collapse(last.text() + text), part.match()));
            } else {
                parts.add(new Part(text, part.match()));
            }
        }
        if (!parts.isEmpty()) {
            Part last = parts.getLast();
            String text = last.text().stripTrailing();
            if (text.isEmpty()) {
                parts.removeLast();
            } else {
                parts.set(parts.size() - 1, new Part(text, last.match()));
            }
        }
        return new Snippet(parts);
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
