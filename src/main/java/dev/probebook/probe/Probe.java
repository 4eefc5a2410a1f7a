package dev.probebook.probe;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.settings.SettingsSection;
import java.util.List;
import java.util.Set;

/**
 * One network check (tcp, http, dns, ...), the Java equivalent of one or more shell tools.
 *
 * <p>A probe is stateless and shared between threads: everything per run comes through the
 * {@link ProbeContext}. It parses the arguments of the command words it understands into its own
 * command record {@code C}, and runs such a record, streaming output and returning a verdict.
 *
 * @param <C> the probe's parsed command (a record)
 */
public interface Probe<C> {

    /** Stable probe name used in the catalogue, JSON and the UI ({@code tcp}, {@code http}, ...). */
    String name();

    /** The command words this probe understands ({@code telnet}, {@code nc}, ...). */
    Set<String> commandWords();

    /**
     * Whether this probe takes this form of the command when several probes share a word (e.g. both
     * {@code public-ip} and {@code http} understand {@code curl}). {@code words} excludes the command word.
     */
    default boolean claims(String commandWord, List<String> words) {
        return true;
    }

    /**
     * Parses the arguments after {@code commandWord}. Throws {@link UsageException} with a message a user
     * can act on for unknown flags, bad values or missing operands.
     */
    C parse(String commandWord, Args args) throws UsageException;

    /**
     * The settings sections this probe reads ({@code probebook.tcp.*}, ...), so that the loader reads them at start
     * and refuses misspelt keys. Declared next to the probe; the probe reads them with
     * {@code ctx.settings().section(...)}.
     */
    default List<SettingsSection<?>> settings() {
        return List.of();
    }

    /**
     * What running this command needs: the permission it counts as and any exclusive resource (a capture
     * interface). Most commands are an ordinary {@link CommandNeeds#RUN}.
     */
    default CommandNeeds needs(C command) {
        return CommandNeeds.RUN;
    }

    /**
     * Runs the command. Streams output through {@code ctx}, honours cancellation and the deadline, and
     * returns a verdict; network failures are verdicts, not exceptions. A stop should still return what
     * was found so far where the real tool would (ping statistics, captured packets).
     */
    ProbeResult run(C command, ProbeContext ctx) throws InterruptedException;
}
