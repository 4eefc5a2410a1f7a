package dev.probebook.probe.shell;

import dev.probebook.probe.ProbeDetails;
import java.util.List;

/** The shell command that was not run. */
public record NotRunDetails(String command, List<String> args) implements ProbeDetails {
    public NotRunDetails {
        args = List.copyOf(args);
    }
}
