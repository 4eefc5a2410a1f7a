package dev.probebook.testing;

import dev.probebook.plan.BlockKind;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.plan.Variable;

/** A compact, stable text dump of a plan for golden files: one line per block and per command. */
public final class PlanDump {

    private PlanDump() {}

    public static String dump(RunbookPlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("title: ").append(plan.title()).append('\n');
        sb.append("variables:");
        for (Variable v : plan.variables()) {
            sb.append(' ')
                    .append(v.name())
                    .append('(')
                    .append(String.join(", ", v.placeholders()))
                    .append(')');
        }
        sb.append('\n');
        sb.append(plan.steps().size())
                .append(" steps, ")
                .append(plan.examples().size())
                .append(" examples\n");
        for (PlannedBlock b : plan.blocks()) {
            sb.append('L').append(b.line()).append(' ').append(b.kind().label());
            sb.append(" [")
                    .append(b.code().section() == null ? "" : b.code().section())
                    .append(']');
            if (b.code().caption() != null) {
                sb.append(" caption=\"").append(b.code().caption()).append('"');
            }
            if (b.kind() == BlockKind.EXAMPLE && b.illustrates() > 0) {
                sb.append(" of=L").append(b.illustrates());
            }
            sb.append('\n');
            for (PlannedCommand c : b.commands()) {
                sb.append("  ")
                        .append(c.isAlternative() ? "| " : "  ")
                        .append(c.probe())
                        .append(": ")
                        .append(c.text());
                if (!c.variables().isEmpty()) {
                    sb.append("  {").append(String.join(",", c.variables())).append('}');
                }
                if (c.reason() != null) {
                    sb.append("  !").append(c.reason());
                }
                if (!c.exampleOutput().isEmpty()) {
                    sb.append("  +").append(c.exampleOutput().size()).append(" output lines");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
