package dev.probebook.cli;

import dev.probebook.engine.RunResult;
import dev.probebook.plan.BlockKind;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.plan.Variable;
import dev.probebook.step.StepCommand;
import dev.probebook.step.StepListener;
import dev.probebook.step.StepOutcome;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Terminal rendering for people: the step list, and live output of runs with their verdicts. */
final class HumanOutput {

    private HumanOutput() {}

    static void plan(PrintStream out, RunbookPlan plan) {
        out.println(plan.title());
        if (!plan.variables().isEmpty()) {
            out.println("variables:");
            for (Variable v : plan.variables()) {
                out.println("  " + v.name() + "  (" + String.join(", ", v.placeholders()) + ")");
            }
        }
        out.println();
        for (PlannedBlock b : plan.blocks()) {
            String section = b.code().section() == null ? "" : b.code().section();
            if (b.kind() == BlockKind.STEP) {
                out.printf("%5d  step     %s%n", b.line(), section);
                for (PlannedCommand c : b.commands()) {
                    String reason = c.reason() == null ? "" : "   (" + c.reason() + ")";
                    out.printf(
                            "         %s %-10s %s%s%n", c.isAlternative() ? "or" : "  ", c.probe(), c.text(), reason);
                }
            } else {
                String caption =
                        b.code().caption() == null ? "" : "\"" + b.code().caption() + "\"";
                String of = b.illustrates() > 0 ? "  (output of step " + b.illustrates() + ")" : "";
                out.printf("%5d  example  %s %s%s%n", b.line(), section, caption, of);
            }
        }
        long steps = plan.steps().size();
        out.println();
        long notRun = plan.notRunLines();
        out.println(steps + " steps, " + (plan.blocks().size() - steps) + " examples"
                + (notRun == 0 ? "" : ", " + notRun + " command line(s) shown, not run (run them in a shell)"));
    }

    static StepListener streaming(PrintStream out, PlannedBlock step) {
        String section = step.code().section() == null ? "" : " " + step.code().section();
        out.println("== line " + step.line() + section);
        return listener(out, true);
    }

    static StepListener streamingExec(PrintStream out) {
        return listener(out, false);
    }

    /** {@code setHint}: a runbook step whose variable is unset says how to set it on this command line. */
    private static StepListener listener(PrintStream out, boolean setHint) {
        return new StepListener() {
            private StepCommand current;

            @Override
            public void commandStarted(StepCommand command, int index, int count) {
                current = command;
                out.println("$ " + command.text() + "    [" + command.probe() + "]");
                out.flush();
            }

            @Override
            public void line(String line) {
                out.println(TerminalText.safe(line));
                out.flush();
            }

            @Override
            public void commandFinished(RunResult result, int index, int count) {
                out.println("[" + result.verdict().label() + "] " + TerminalText.safe(result.summary()) + " ("
                        + result.elapsedMs() + " ms)");
                if (setHint && current != null && current.bound() instanceof CommandBinder.Missing m) {
                    out.println("  set "
                            + String.join(
                                    " ",
                                    m.variables().stream()
                                            .map(v -> "--set " + v + "=...")
                                            .toList()));
                }
                out.println();
                out.flush();
            }
        };
    }

    static void tally(PrintStream out, List<StepOutcome> results) {
        Map<String, Integer> counts = Cli.counts(results);
        StringBuilder sb = new StringBuilder(results.size() + " steps:");
        counts.forEach((k, v) -> sb.append(' ').append(v).append(' ').append(k).append(','));
        sb.setLength(sb.length() - 1);
        out.println(sb);
    }
}
