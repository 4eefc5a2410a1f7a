package dev.probebook.guide;

import dev.probebook.plan.PlannedBlock;
import dev.probebook.runbook.Part;
import java.util.List;
import java.util.Map;

/**
 * One step of guided mode: a section of the runbook (its heading, the prose and steps to show), the expectation of
 * each runnable block, and the hints held back until asked for.
 *
 * @param number       1-based
 * @param shown        the parts to show: prose and code blocks, without the examples (they are hints)
 * @param runs         the runnable blocks among them, in order
 * @param expectations each runnable block's expectation, by its source line
 */
public record GuidedStep(
        int number,
        String heading,
        String anchor,
        List<Part> shown,
        List<PlannedBlock> runs,
        Map<Integer, Expectation> expectations,
        List<Hint> hints) {

    public GuidedStep {
        shown = List.copyOf(shown);
        runs = List.copyOf(runs);
        expectations = Map.copyOf(expectations);
        hints = List.copyOf(hints);
    }

    /** Nothing to run: the learner marks it done after reading. */
    public boolean manual() {
        return runs.isEmpty();
    }

    public Expectation expectation(PlannedBlock block) {
        return expectations.getOrDefault(block.line(), Expectation.DEFAULT);
    }
}
