package dev.probebook.notebook;

import dev.probebook.step.Admission;
import dev.probebook.step.RunPlace;
import dev.probebook.step.StepCommand;
import dev.probebook.step.StepListener;
import dev.probebook.step.StepRequest;
import dev.probebook.step.StepRun;
import dev.probebook.step.StepRunner;
import java.util.List;
import java.util.Map;

/**
 * How a widget starts a step run: as the page's signed-in user, from the widget's place, through the gate and the
 * one step runner. Built by the view (which knows the user and the place); widgets know nothing of either.
 */
interface StepStarter {

    /** Where this widget's runs come from (a runbook step, or the free terminal). */
    RunPlace place();

    /** Starts a run, as part of the Run all {@code session} (null for a single run); returns at once. */
    StepRun start(List<StepCommand> commands, Map<String, String> variables, String session, StepListener listener);

    /** Runs as {@code user} ({@code userName} to people) from {@code place}, admitted by {@code admission}. */
    static StepStarter of(StepRunner steps, Admission admission, String user, String userName, RunPlace place) {
        return new StepStarter() {
            @Override
            public RunPlace place() {
                return place;
            }

            @Override
            public StepRun start(
                    List<StepCommand> commands, Map<String, String> variables, String session, StepListener listener) {
                return steps.start(
                        new StepRequest(user, userName, place, session, commands, variables), admission, listener);
            }
        };
    }
}
