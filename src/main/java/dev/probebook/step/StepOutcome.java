package dev.probebook.step;

import dev.probebook.engine.RunResult;
import dev.probebook.probe.ProbeDetails;
import dev.probebook.probe.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * How a step run ended, for every front end: the worst verdict of its commands with the summary that goes with
 * it, the total time, every command's result, the addresses contacted, and, when it never started, why.
 *
 * <p>The one aggregation rule: the verdict is the worst of the commands' verdicts; the summary is that of the
 * first command that reached it; no command at all is {@code skipped}, "nothing to run".
 *
 * @param place   where the run was started
 * @param targets the resolved addresses contacted (or refused), in order, at most {@link #MAX_TARGETS}
 * @param moreTargets how many more were contacted than {@code targets} holds
 * @param refusal why the run never started, or null when it ran
 * @param notes   what the person who ran it should know about the run itself (it was not recorded, say)
 */
public record StepOutcome(
        RunPlace place,
        Verdict verdict,
        String summary,
        long elapsedMs,
        List<RunResult> runs,
        List<Target> targets,
        int moreTargets,
        RunRefusal refusal,
        List<String> notes) {

    /** Addresses kept per run: a scan or a redirect loop must not grow a record without bound. */
    public static final int MAX_TARGETS = 8;

    public StepOutcome {
        runs = List.copyOf(runs);
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
    }

    /** The same outcome with notes added. */
    public StepOutcome withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new StepOutcome(place, verdict, summary, elapsedMs, runs, targets, moreTargets, refusal, all);
    }

    /** The outcome of the commands that ran (or were reported as not runnable), by the one rule. */
    public static StepOutcome of(RunPlace place, List<RunResult> runs, List<Target> targets, int moreTargets) {
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
                place,
                runs.isEmpty() ? Verdict.SKIPPED : worst,
                summary == null ? "nothing to run" : summary,
                elapsed,
                runs,
                targets,
                moreTargets,
                null,
                List.of());
    }

    /** A run refused before it started: verdict {@code error}, the reason as summary and as its only output line. */
    public static StepOutcome refused(RunPlace place, StepCommand first, RunRefusal refusal) {
        RunResult r = RunResult.notRun(
                first.text(),
                first.probe(),
                Verdict.ERROR,
                refusal.reason(),
                List.of("probebook: " + refusal.reason()));
        return new StepOutcome(place, Verdict.ERROR, refusal.reason(), 0, List.of(r), List.of(), 0, refusal, List.of());
    }

    /** The commands as they ran, one per line. */
    public String command() {
        return String.join("\n", runs.stream().map(RunResult::command).toList());
    }

    /** The probes that ran, comma-separated, each once. */
    public String probe() {
        return String.join(",", runs.stream().map(RunResult::probe).distinct().toList());
    }

    /** The structured details when one command ran, else null. */
    public ProbeDetails details() {
        return runs.size() == 1 ? runs.get(0).details() : null;
    }

    /** Every output line; with several commands, each one's lines follow a {@code $ command} line. */
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

    /** The targets as text, comma-separated, with "+N more"; null when none was contacted. */
    public String targetText() {
        if (targets.isEmpty()) {
            return null;
        }
        return String.join(", ", targets.stream().map(Target::text).toList())
                + (moreTargets > 0 ? " (+" + moreTargets + " more)" : "");
    }
}
