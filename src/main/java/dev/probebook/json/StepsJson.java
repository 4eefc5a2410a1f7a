package dev.probebook.json;

import dev.probebook.step.StepOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON shape of step runs that other tools rely on: the CLI's {@code run --json} and {@code exec --json}, and
 * the HTTP API's answer. Key order and names are fixed here, built from ordered maps rather than from the model
 * records, so that the model can evolve without breaking scripts.
 */
public final class StepsJson {

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private StepsJson() {}

    /**
     * {@code {"steps": [{"line", "command", "probe", "verdict", "summary", "output", "elapsedMs", "details",
     * "notes"}]}}; {@code details} only when the probe gave any, {@code notes} only when there are some (the run was
     * not recorded, say).
     */
    public static Map<String, Object> steps(List<StepOutcome> outcomes) {
        List<Object> steps = new ArrayList<>();
        for (StepOutcome r : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", r.place().step() == null ? 0 : r.place().step());
            m.put("command", r.command());
            m.put("probe", r.probe());
            m.put("verdict", r.verdict().label());
            m.put("summary", r.summary());
            m.put("output", String.join("\n", r.output()));
            m.put("elapsedMs", r.elapsedMs());
            if (r.details() != null) {
                m.put("details", r.details());
            }
            if (!r.notes().isEmpty()) {
                m.put("notes", r.notes());
            }
            steps.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("steps", steps);
        return root;
    }

    /** Indented JSON text of a value built from maps, lists, strings, numbers and records. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
