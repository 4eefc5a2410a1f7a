package dev.probebook.step;

import java.util.List;
import java.util.Map;

/**
 * What to run: who asks, from where, the step's commands in order, and the variable values they were bound to.
 *
 * @param user      the key runs are recorded and limited under (the signed-in user, or the operating-system user of
 *                  the CLI)
 * @param userName  what people read for that user (the same as {@code user} except for OpenID Connect)
 * @param session   groups the step runs of one Run all (a report is made from a session), or null for a single run
 * @param variables the values the commands were bound to (for the records; binding already happened)
 */
public record StepRequest(
        String user,
        String userName,
        RunPlace place,
        String session,
        List<StepCommand> commands,
        Map<String, String> variables) {

    public StepRequest {
        if (userName == null || userName.isBlank()) {
            userName = user;
        }
        commands = List.copyOf(commands);
        variables = Map.copyOf(variables);
    }

    /** A single run by a user whose name is their key. */
    public StepRequest(String user, RunPlace place, List<StepCommand> commands, Map<String, String> variables) {
        this(user, user, place, null, commands, variables);
    }

    /** True when at least one command can run (otherwise nothing is admitted, started or audited). */
    public boolean runsAnything() {
        return commands.stream().anyMatch(StepCommand::ready);
    }
}
