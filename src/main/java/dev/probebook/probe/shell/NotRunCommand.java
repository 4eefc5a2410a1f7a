package dev.probebook.probe.shell;

import java.util.List;

/** A shell command Probebook does not run, kept as written. */
public record NotRunCommand(String commandWord, List<String> args) {
    public NotRunCommand {
        args = List.copyOf(args);
    }
}
