package dev.probebook.cli;

import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.plan.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code steps --json} shape of a runbook plan (a contract other tools rely on): key order and names are fixed
 * here, built from ordered maps rather than from the model records so that the model can evolve. Step runs have
 * theirs in {@link dev.probebook.json.StepsJson}.
 */
final class PlanJson {

    private PlanJson() {}

    static Map<String, Object> plan(RunbookPlan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", plan.title());
        List<Object> variables = new ArrayList<>();
        for (Variable v : plan.variables()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("placeholders", v.placeholders());
            variables.add(m);
        }
        root.put("variables", variables);
        List<Object> blocks = new ArrayList<>();
        for (PlannedBlock b : plan.blocks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", b.line());
            m.put("kind", b.kind().label());
            m.put("section", b.code().section());
            m.put("caption", b.code().caption());
            List<Object> commands = new ArrayList<>();
            for (PlannedCommand c : b.commands()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("text", c.text());
                cm.put("probe", c.probe());
                cm.put("alternative", c.isAlternative());
                cm.put("line", c.line());
                cm.put("variables", List.copyOf(c.variables()));
                if (c.reason() != null) {
                    cm.put("reason", c.reason());
                }
                cm.put("runs", c.runnable());
                commands.add(cm);
            }
            m.put("commands", commands);
            if (b.illustrates() > 0) {
                m.put("illustrates", b.illustrates());
            }
            blocks.add(m);
        }
        root.put("blocks", blocks);
        root.put("notRunLines", plan.notRunLines());
        return root;
    }
}
