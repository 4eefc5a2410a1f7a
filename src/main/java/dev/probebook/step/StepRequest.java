package dev.probebook.step;

import java.util.List;
import java.util.Map;

/**
 * What to run: who asks, from where, the step's commands in order, and the variable values they were bound to.
 *
 * @param user      the name runs are recorded under (the signed-in user, or the operating-system user of the CLI)
 * @param variables the values the commands were bound to (for the records; binding already happened)
 */
public record StepRequest(String user, RunPlace place, List<StepCommand> commands, Map<String, String> variables) {

    public StepRequest {
        commands = List.copyOf(commands);
        variables = Map.copyOf(variables);
    }

    /** True when at least one command can run (otherwise nothing is admitted, started or audited). */
    public boolean runsAnything() {
        return commands.stream().anyMatch(StepCommand::ready);
    }
}
