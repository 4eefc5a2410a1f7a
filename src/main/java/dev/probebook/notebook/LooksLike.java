package dev.probebook.notebook;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Says which documented example a live output resembles: token-set overlap (Jaccard) of the words in the
 * output and in each example, with numbers and addresses folded to one token so that a different IP, port
 * or timing still matches. Below {@link #THRESHOLD} nothing is claimed.
 */
public final class LooksLike {

    static final double THRESHOLD = 0.25;

    /** A documented example: where it is (for the link), what it is called, its text. */
    public record Example(int line, String caption, String text) {}

    public record Match(Example example, double score) {}

    private LooksLike() {}

    public static Optional<Match> best(List<String> output, List<Example> examples) {
        Set<String> live = tokens(String.join("\n", output));
        Match best = null;
        for (Example e : examples) {
            double s = similarity(live, tokens(e.text()));
            if (s >= THRESHOLD && (best == null || s > best.score())) {
                best = new Match(e, s);
            }
        }
        return Optional.ofNullable(best);
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) inter.size() / union.size();
    }

    static Set<String> tokens(String text) {
        Set<String> out = new HashSet<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}.:]+")) {
            String t = raw.replaceAll("^[.:]+|[.:]+$", "");
            if (t.isEmpty()) {
                continue;
            }
            out.add(t.matches("[0-9a-f.:]*[0-9][0-9a-f.:]*") ? "#" : t);
        }
        return out;
    }
}
