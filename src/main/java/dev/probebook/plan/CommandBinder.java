package dev.probebook.plan;

import dev.probebook.command.Args;
import dev.probebook.command.Placeholder;
import dev.probebook.command.Placeholders;
import dev.probebook.command.ShellLine;
import dev.probebook.command.UsageException;
import dev.probebook.engine.Invocation;
import dev.probebook.registry.ProbeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a planned command plus variable values into something to run, or says why it cannot run.
 * Values are substituted inside words after splitting, so a value can never add words, pipes or
 * redirections; the bound line is then parsed strictly ({@link Args.Mode#RUN}).
 */
public final class CommandBinder {

    /** The outcome of binding: sealed, so every caller handles all three. */
    public sealed interface Bound {
        /** The command as it would run (or as written when it cannot). */
        String text();
    }

    /** Ready to run. */
    public record Ready(String text, Invocation invocation) implements Bound {}

    /** A variable has no value: the step is skipped, naming the variable and how the runbook wrote it. */
    public record Missing(String text, List<String> variables, String message) implements Bound {}

    /** Why a line cannot run. */
    public enum Problem {
        /** shell features Probebook does not run (other pipes, redirections, {@code &&}, {@code $(...)}) */
        UNSUPPORTED,
        /** a command word no probe knows */
        UNKNOWN_COMMAND,
        /** the arguments (or a variable's value) do not parse */
        USAGE
    }

    /** Not runnable, with the reason shown to the user. */
    public record NotRunnable(String text, String reason, Problem problem) implements Bound {
        public boolean usageError() {
            return problem == Problem.USAGE;
        }
    }

    private final ProbeRegistry registry;

    public CommandBinder(ProbeRegistry registry) {
        this.registry = registry;
    }

    public Bound bind(PlannedCommand command, Map<String, String> values, List<Variable> variables) {
        if (command.unsupported() != null) {
            return new NotRunnable(command.text(), command.unsupported(), Problem.UNSUPPORTED);
        }
        if (command.usageError() != null) {
            return new NotRunnable(command.text(), command.usageError(), Problem.USAGE);
        }
        List<String> missing = new ArrayList<>();
        for (String v : command.variables()) {
            String value = values.get(v);
            if (value == null || value.isBlank()) {
                missing.add(v);
            }
        }
        for (String v : command.variables()) {
            String problem = valueProblem(v, values.get(v));
            if (problem != null) {
                return new NotRunnable(command.text(), problem, Problem.USAGE);
            }
        }
        if (!missing.isEmpty()) {
            // no "how to set it" here: the CLI says --set, the notebook points at its variables bar
            return new Missing(command.text(), missing, "needs " + describe(missing, variables));
        }
        try {
            ShellLine line = ShellLine.parse(command.text());
            List<String> words = Placeholders.bind(line.words(), command.placeholders(), values);
            List<List<String>> stages = new ArrayList<>();
            for (List<String> stage : line.filterWords()) {
                List<Placeholder> found = new ArrayList<>();
                for (int w = 1; w < stage.size(); w++) {
                    found.addAll(Placeholders.scan(w, stage.get(w)));
                }
                stages.add(Placeholders.bind(stage, found, values));
            }
            ShellLine bound = line.withWords(words, stages);
            return prepare(bound);
        } catch (UsageException e) {
            return new NotRunnable(command.text(), e.getMessage(), Problem.USAGE);
        }
    }

    /** Parses an already concrete line (CLI exec, free terminal) strictly. */
    public Bound prepare(ShellLine line) {
        String text = line.display();
        if (!line.supported()) {
            return new NotRunnable(
                    line.text(), line.unsupported(), Problem.UNSUPPORTED); // as given: display() drops the pipe
        }
        try {
            var recognised = registry.recognise(line.words(), Args.Mode.RUN);
            if (recognised.isEmpty()) {
                return new NotRunnable(text, registry.unknownWord(line.commandWord()), Problem.UNKNOWN_COMMAND);
            }
            return new Ready(text, new Invocation(text, recognised.get().command(), line.filters()));
        } catch (UsageException e) {
            return new NotRunnable(text, e.getMessage(), Problem.USAGE);
        }
    }

    /**
     * A step's command as the reader edited it in the notebook: the placeholders it still has are the page's
     * variables, bound as the step's own command would be ({@code curl -v http://{{host}}:{{port}}/} keeps
     * running against the host and port set in the bar); a line with no placeholder runs as typed.
     */
    public Bound bindEdited(String text, Map<String, String> values, List<Variable> variables) {
        PlannedCommand command =
                new Planner(registry).recognise(0, text, 0, true).orElse(null);
        if (command == null || command.variables().isEmpty() || command.reason() != null) {
            try {
                return prepareTyped(text, ShellLine.parse(text));
            } catch (UsageException e) {
                return new NotRunnable(text, e.getMessage(), Problem.USAGE);
            }
        }
        return bind(command, values, variables);
    }

    /** Also detects placeholders left in a concrete line (free terminal: {@code telnet IP또는도메인 포트}). */
    public Bound prepareTyped(String text, ShellLine line) {
        Set<String> vars = new LinkedHashSet<>();
        for (int w = registry.knowsWord(line.commandWord()) ? 1 : 0;
                w < line.words().size();
                w++) {
            Placeholders.scan(w, line.words().get(w)).forEach(p -> vars.add(p.variable()));
        }
        try {
            registry.recognise(line.words(), Args.Mode.TEMPLATE)
                    .ifPresent(r -> r.informalPlaceholders().forEach(p -> vars.add(p.variable())));
        } catch (UsageException e) {
            // the strict parse below reports it
        }
        if (!vars.isEmpty()) {
            return new Missing(
                    text,
                    List.copyOf(vars),
                    "needs " + String.join(", ", vars) + ": replace the placeholder(s) with real values");
        }
        return prepare(line);
    }

    private static final Set<String> SINGLE_WORD = Set.of("host", "ip", "domain", "port", "iface");

    /**
     * Why a variable value cannot be used, or null. Values land inside words, so they cannot add words;
     * but a value starting with '-' would be read as an option, and control characters have no place in
     * a host, port or header.
     */
    public static String valueProblem(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith("-")) {
            return "variable " + name + " = '" + v + "' starts with '-' and would be read as an option";
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return "variable " + name + " contains a control character";
            }
            if (SINGLE_WORD.contains(name) && Character.isWhitespace(c)) {
                return "variable " + name + " = '" + v + "' must be a single word";
            }
        }
        if (name.equals("port") && !validPort(v)) {
            return "variable port = '" + v + "' is not a port: a number from 1 to 65535 (or a range or service name)";
        }
        return null;
    }

    /** A port number, a range of them ({@code 80-443}) or a service name ({@code https}). */
    private static boolean validPort(String v) {
        if (v.matches("[A-Za-z][A-Za-z0-9-]*")) {
            return true;
        }
        String[] ends = v.split("-", -1);
        if (ends.length > 2) {
            return false;
        }
        for (String end : ends) {
            if (end.isEmpty() || end.length() > 5 || !end.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            int port = Integer.parseInt(end);
            if (port < 1 || port > 65535) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<String> missing, List<Variable> variables) {
        List<String> parts = new ArrayList<>();
        for (String m : missing) {
            String written = variables.stream()
                    .filter(v -> v.name().equals(m))
                    .findFirst()
                    .map(v -> " (" + String.join(", ", v.placeholders()) + ")")
                    .orElse("");
            parts.add("variable " + m + written);
        }
        return String.join(" and ", parts);
    }
}
