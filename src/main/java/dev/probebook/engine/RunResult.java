package dev.probebook.engine;

import dev.probebook.probe.ProbeDetails;
import dev.probebook.probe.Verdict;
import java.util.List;

/**
 * The outcome of running one command: what ran, its verdict and summary, the terminal output as the
 * user saw it (after {@code grep}, bounded), and the probe's structured details.
 */
public record RunResult(
        String command,
        String probe,
        Verdict verdict,
        String summary,
        List<String> output,
        boolean truncated,
        long elapsedMs,
        ProbeDetails details) {

    public RunResult {
        output = List.copyOf(output);
    }

    /** A result for a command that did not run (unbound variable, unsupported pipe, usage error). */
    public static RunResult notRun(String command, String probe, Verdict verdict, String summary, List<String> output) {
        return new RunResult(command, probe, verdict, summary, output, false, 0, null);
    }
}
