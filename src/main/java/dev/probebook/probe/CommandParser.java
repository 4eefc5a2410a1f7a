package dev.probebook.probe;

import dev.probebook.command.UsageException;
import java.util.List;

/**
 * Parses a concrete command line (command word first) into the probe command that runs it. The registry is the
 * one implementation; the engine holds it so that a probe can hand a form of its tool over to another tool's probe
 * ({@link ProbeContext#runCommand}) without importing that probe's package.
 */
@FunctionalInterface
public interface CommandParser {

    /** Throws {@link UsageException} when no probe takes the line or its arguments do not parse. */
    ParsedCommand<?> parse(List<String> words) throws UsageException;
}
