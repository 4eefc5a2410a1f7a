package dev.probebook.notebook;

import dev.probebook.practice.LabControl;
import dev.probebook.step.Admission;
import dev.probebook.step.RunPlace;
import dev.probebook.step.StepCommand;
import dev.probebook.step.StepListener;
import dev.probebook.step.StepRequest;
import dev.probebook.step.StepRun;
import dev.probebook.step.StepRunner;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How guided pages and drills start their steps: as on the runbook page, or in the practice lab. A lab run asks the
 * lab for its runner at the moment it starts, so a lab stopped in the middle refuses the next run with "lab not
 * running" (and the learner's progress stays as it was) rather than sending the probe anywhere else.
 */
final class PracticeRuns {

    private PracticeRuns() {}

    static StepStarter starter(
            StepRunner steps,
            LabControl lab,
            boolean inLab,
            Admission admission,
            String user,
            String userName,
            RunPlace place) {
        if (!inLab) {
            return StepStarter.of(steps, admission, user, userName, place);
        }
        RunPlace labPlace = place.inPracticeLab(); // the history tells practice from the real thing
        return new StepStarter() {
            @Override
            public RunPlace place() {
                return labPlace;
            }

            @Override
            public StepRun start(
                    List<StepCommand> commands, Map<String, String> variables, String session, StepListener listener) {
                StepRequest request = new StepRequest(user, userName, labPlace, session, commands, variables);
                // one look at the lab: its runner and the check that it still runs belong to the same lab, so a lab
                // started or stopped meanwhile can never let a lab name reach the app's own resolver
                Optional<LabControl.Running> running = lab.current();
                if (running.isEmpty()) {
                    return steps.start(request, LabControl.refusing(), listener);
                }
                return running.get().steps().start(request, LabControl.admission(running.get(), admission), listener);
            }
        };
    }
}
