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
 *
 * <p>The claim agrees with the verdict: an example whose caption or text reads as a failure (refused, timed out,
 * 거부, 실패, ...) is never offered for a run that ended ok, nor one that reads as a success for a run that failed.
 */
public final class LooksLike {

    static final double THRESHOLD = 0.25;

    /** A documented example: where it is (for the link), what it is called, its text. */
    public record Example(int line, String caption, String text) {}

    public record Match(Example example, double score) {}

    private LooksLike() {}

    public static Optional<Match> best(List<String> output, List<Example> examples) {
        return best(output, examples, null);
    }

    /** The best example for an output that ended with {@code verdict} (ok, warn, fail, ...; null: any). */
    public static Optional<Match> best(List<String> output, List<Example> examples, String verdict) {
        Set<String> live = tokens(String.join("\n", output));
        Match best = null;
        for (Example e : examples) {
            if (!agrees(sense(e), verdict)) {
                continue;
            }
            double s = similarity(live, tokens(e.text()));
            if (s >= THRESHOLD && (best == null || s > best.score())) {
                best = new Match(e, s);
            }
        }
        return Optional.ofNullable(best);
    }

    /** What an example shows, as its caption and text read. */
    enum Sense {
        SUCCESS,
        FAILURE,
        UNKNOWN
    }

    private static final List<String> FAILURE_WORDS = List.of(
            "refused",
            "timed out",
            "timeout",
            "unreachable",
            "no route",
            "nxdomain",
            "can't find",
            "could not resolve",
            "couldn't",
            "failed",
            "failure",
            "expired",
            "100% packet loss",
            "reset by peer",
            "거부",
            "실패",
            "시간 초과",
            "타임아웃",
            "만료",
            "불가",
            "안 됨",
            "오류");

    private static final List<String> SUCCESS_WORDS = List.of(
            "succeeded", "connected to", "escape character", " open", "200 ok", " 0% packet loss", "성공", "정상", "연결됨");

    static Sense sense(Example e) {
        String text = (e.caption() + "\n" + e.text()).toLowerCase(Locale.ROOT);
        boolean failure = FAILURE_WORDS.stream().anyMatch(text::contains);
        boolean success = SUCCESS_WORDS.stream().anyMatch(text::contains);
        return failure == success ? Sense.UNKNOWN : failure ? Sense.FAILURE : Sense.SUCCESS;
    }

    private static boolean agrees(Sense sense, String verdict) {
        if (verdict == null || sense == Sense.UNKNOWN) {
            return true;
        }
        return switch (verdict) {
            case "ok" -> sense != Sense.FAILURE;
            case "fail", "error" -> sense != Sense.SUCCESS;
            default -> true;
        };
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
