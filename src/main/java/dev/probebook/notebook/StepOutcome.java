package dev.probebook.notebook;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import java.util.ArrayList;
import java.util.List;

/** The end of a widget run: the worst verdict of its commands, the summary that goes with it, every run. */
public record StepOutcome(Verdict verdict, String summary, long elapsedMs, List<RunResult> runs) {

    public StepOutcome {
        runs = List.copyOf(runs);
    }

    static StepOutcome of(List<RunResult> runs) {
        Verdict worst = Verdict.OK;
        String summary = null;
        long elapsed = 0;
        for (RunResult r : runs) {
            if (summary == null || r.verdict().ordinal() > worst.ordinal()) {
                summary = r.summary();
            }
            worst = Verdict.worst(worst, r.verdict());
            elapsed += r.elapsedMs();
        }
        return new StepOutcome(
                runs.isEmpty() ? Verdict.SKIPPED : worst, summary == null ? "nothing to run" : summary, elapsed, runs);
    }

    /** Every output line, each command's lines after a {@code $ command} line when there were several. */
    public List<String> output() {
        if (runs.size() == 1) {
            return runs.get(0).output();
        }
        List<String> out = new ArrayList<>();
        for (RunResult r : runs) {
            out.add("$ " + r.command());
            out.addAll(r.output());
        }
        return out;
    }
}
