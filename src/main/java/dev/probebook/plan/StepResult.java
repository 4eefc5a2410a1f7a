package dev.probebook.plan;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import java.util.List;

/**
 * The outcome of one step: the commands that ran (or why they did not), combined. A step with several
 * commands in its chosen alternative runs them in order; its verdict is the worst of theirs.
 */
public record StepResult(
        int line,
        String section,
        String command,
        String probe,
        Verdict verdict,
        String summary,
        List<String> output,
        long elapsedMs,
        List<RunResult> runs) {
    public StepResult {
        output = List.copyOf(output);
        runs = List.copyOf(runs);
    }
}
