package dev.probebook.probe;

import java.util.Objects;

/**
 * What a probe concludes: a verdict, a one-line summary that says what the result means and what to
 * do next, and optional structured details. Terminal output is streamed separately through
 * {@link ProbeContext#out(String)}.
 */
public record ProbeResult(Verdict verdict, String summary, ProbeDetails details) {
    public ProbeResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
    }

    public static ProbeResult of(Verdict verdict, String summary) {
        return new ProbeResult(verdict, summary, null);
    }

    public static ProbeResult ok(String summary, ProbeDetails details) {
        return new ProbeResult(Verdict.OK, summary, details);
    }

    public static ProbeResult warn(String summary, ProbeDetails details) {
        return new ProbeResult(Verdict.WARN, summary, details);
    }

    public static ProbeResult fail(String summary, ProbeDetails details) {
        return new ProbeResult(Verdict.FAIL, summary, details);
    }

    public static ProbeResult error(String summary) {
        return new ProbeResult(Verdict.ERROR, summary, null);
    }
}
