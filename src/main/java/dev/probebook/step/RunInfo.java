package dev.probebook.step;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One step run as observers see it: an id, when it started, and the request it came from. */
public record RunInfo(String id, Instant started, StepRequest request) {

    public String user() {
        return request.user();
    }

    public RunPlace place() {
        return request.place();
    }

    public List<StepCommand> commands() {
        return request.commands();
    }

    public Map<String, String> variables() {
        return request.variables();
    }
}
