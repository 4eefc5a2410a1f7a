package dev.probebook.cli;

import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.plan.StepResult;
import dev.probebook.plan.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI's JSON shapes (a contract other tools rely on): key order and names are fixed here, built
 * from ordered maps rather than from the model records so that the model can evolve.
 */
public final class Json {

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

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
                commands.add(cm);
            }
            m.put("commands", commands);
            if (b.illustrates() > 0) {
                m.put("illustrates", b.illustrates());
            }
            blocks.add(m);
        }
        root.put("blocks", blocks);
        return root;
    }

    /** The {@code run --json} / {@code exec --json} shape, also what the HTTP API answers. */
    public static Map<String, Object> steps(List<StepResult> results) {
        List<Object> steps = new ArrayList<>();
        for (StepResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", r.line());
            m.put("command", r.command());
            m.put("probe", r.probe());
            m.put("verdict", r.verdict().label());
            m.put("summary", r.summary());
            m.put("output", String.join("\n", r.output()));
            m.put("elapsedMs", r.elapsedMs());
            if (r.runs().size() == 1 && r.runs().get(0).details() != null) {
                m.put("details", r.runs().get(0).details());
            }
            steps.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("steps", steps);
        return root;
    }
}
