package dev.probebook.engine;

import dev.probebook.command.GrepFilter;
import dev.probebook.probe.ParsedCommand;
import java.util.List;

/** A command ready to run: its display text, the parsed probe command and its {@code grep} stages. */
public record Invocation(String text, ParsedCommand<?> command, List<GrepFilter> filters) {
    public Invocation {
        filters = List.copyOf(filters);
    }
}
