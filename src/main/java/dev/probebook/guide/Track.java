package dev.probebook.guide;

import dev.probebook.runbook.FrontMatter;
import dev.probebook.runbook.Runbook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A track: an ordered list of guided runbooks and drills for a new operator, written as a small Markdown file in the
 * runbooks folder with {@code kind: track} and {@code items:} (library names) in its front matter; its body says who
 * it is for.
 *
 * <pre>
 * ---
 * kind: track
 * title: "First week: network checks"
 * items:
 *   - network-connectivity.en
 *   - drill-refused.en
 * ---
 * </pre>
 */
public record Track(String name, String title, List<String> items) {

    public Track {
        items = List.copyOf(items);
    }

    public static boolean isTrack(FrontMatter front) {
        return "track".equalsIgnoreCase(front.string("kind"));
    }

    public static Track of(String name, Runbook file) {
        List<String> items = new ArrayList<>();
        Object written = file.frontMatter().values().get("items");
        if (written instanceof Collection<?> c) {
            c.stream()
                    .filter(o -> o != null && !o.toString().isBlank())
                    .forEach(o -> items.add(o.toString().strip()));
        }
        String title = file.title() == null || file.title().isBlank() ? name : file.title();
        return new Track(name, title, items);
    }
}
