package dev.probebook.runbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML front matter ({@code title}, {@code tags}, {@code date}, {@code toc}, {@code toc_sticky}, ...).
 * Values are what SnakeYAML's safe loader produced; accessors return strings for display.
 */
public record FrontMatter(Map<String, Object> values) {

    public static final FrontMatter EMPTY = new FrontMatter(Map.of());

    public FrontMatter {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        String s = v instanceof Collection<?> c ? String.join(", ", strings(c)) : String.valueOf(v);
        return s.isBlank() ? null : s.strip();
    }

    public String title() {
        return string("title");
    }

    public String date() {
        return string("date");
    }

    public boolean flag(String key) {
        Object v = values.get(key);
        return v instanceof Boolean b ? b : v != null && v.toString().equalsIgnoreCase("true");
    }

    /** Tags (and categories when there are no tags), flattened, empty values dropped. */
    public List<String> tags() {
        List<String> out = new ArrayList<>();
        for (String key : List.of("tags", "categories")) {
            Object v = values.get(key);
            if (v instanceof Collection<?> c) {
                out.addAll(strings(c));
            } else if (v != null && !v.toString().isBlank()) {
                for (String part : v.toString().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out.stream().distinct().toList();
    }

    private static List<String> strings(Collection<?> c) {
        List<String> out = new ArrayList<>();
        for (Object o : c) {
            if (o instanceof Collection<?> inner) {
                out.addAll(strings(inner));
            } else if (o != null && !o.toString().isBlank()) {
                out.add(o.toString().strip());
            }
        }
        return out;
    }
}
