package dev.probebook.plan;

import java.util.List;

/** A canonical variable ({@code host}, {@code port}, ...) and the placeholders that stand for it, as written. */
public record Variable(String name, List<String> placeholders) {
    public Variable {
        placeholders = List.copyOf(placeholders);
    }
}
