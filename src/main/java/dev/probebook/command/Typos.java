package dev.probebook.command;

import java.util.Optional;

/**
 * The known word a mistyped one was probably meant to be ({@code eho0 -> eth0},
 * {@code tcp.connect-timout -> tcp.connect-timeout}), by edit distance: insertions, deletions and
 * substitutions of one character each.
 */
public final class Typos {

    private Typos() {}

    /** The first of {@code known} nearest to {@code typed}, if it is at most {@code maxDistance} edits away. */
    public static Optional<String> closest(String typed, Iterable<String> known, int maxDistance) {
        String best = null;
        int bestDistance = maxDistance + 1;
        for (String k : known) {
            int d = distance(typed, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, two rows at a time. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
