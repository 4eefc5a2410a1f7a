package dev.probebook.cli;

import dev.probebook.command.Placeholders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line of the CLI: {@code steps FILE [--json]}, {@code run FILE [--set name=value]...
 * [--step LINE]... [--json]}, {@code exec [--json] -- WORD...}, {@code lab}, plus {@code --probebook.x=y} settings
 * anywhere before {@code --}.
 */
record CliArguments(
        String command,
        String file,
        boolean json,
        boolean record,
        Map<String, String> values,
        List<Integer> steps,
        List<String> execWords,
        Map<String, String> properties) {

    static final String USAGE = """
            usage: probebook steps FILE [--json]
                   probebook run FILE [--set name=value]... [--step LINE]... [--json] [--record]
                   probebook exec [--json] [--record] -- COMMAND WORD...
                   probebook lab   (the practice lab: real faults on loopback until Ctrl+C; see README)
                   probebook hash-password   (a {bcrypt} hash for probebook.users.NAME.password-hash)
                   probebook            (no arguments: start the web notebook)
            settings: --probebook.KEY=VALUE (e.g. --probebook.hosts-file=/tmp/hosts,
                      --probebook.dns.servers=127.0.0.1:5353, --probebook.probe-timeout=30s); see README
            --record: keep the runs in the run history (DATA_DIR, or spring.datasource.url as a -D property)
            exit status: 0 no step failed, 1 a step failed or erred, 2 usage, file or parse error""";

    /** Thrown for bad CLI usage; the CLI prints the message and the usage and exits with 2. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    static CliArguments parse(String[] args) throws UsageError {
        if (args.length == 0) {
            throw new UsageError("missing command");
        }
        String command = args[0];
        String file = null;
        boolean json = false;
        boolean record = false;
        Map<String, String> values = new LinkedHashMap<>();
        List<Integer> steps = new ArrayList<>();
        List<String> execWords = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        boolean afterDashDash = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (afterDashDash) {
                execWords.add(a);
                continue;
            }
            if (a.equals("--")) {
                if (!command.equals("exec")) {
                    throw new UsageError("'--' is only used with exec");
                }
                afterDashDash = true;
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--record")) {
                record = true;
            } else if (a.startsWith("--probebook.")) {
                int eq = a.indexOf('=');
                if (eq < 0) {
                    throw new UsageError(a + " needs a value: " + a + "=VALUE");
                }
                properties.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (a.equals("--set") || a.startsWith("--set=")) {
                String pair = a.equals("--set") ? next(args, ++i, "--set") : a.substring(6);
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new UsageError("--set takes name=value, got '" + pair + "'");
                }
                String name = pair.substring(0, eq).strip();
                if (!name.matches("[A-Za-z\\p{IsHangul}][A-Za-z0-9\\p{IsHangul}_.-]*")) {
                    throw new UsageError("--set: '" + name + "' is not a variable name");
                }
                values.put(Placeholders.canonical(name), pair.substring(eq + 1));
            } else if (a.equals("--step") || a.startsWith("--step=")) {
                String n = a.equals("--step") ? next(args, ++i, "--step") : a.substring(7);
                try {
                    steps.add(Integer.parseInt(n.strip()));
                } catch (NumberFormatException e) {
                    throw new UsageError("--step takes a source line number, got '" + n + "'");
                }
            } else if (a.startsWith("-") && !command.equals("exec")) {
                throw new UsageError("unknown option " + a);
            } else if (command.equals("exec")) {
                if (a.startsWith("-")) {
                    throw new UsageError("unknown option " + a + " (put the command after --)");
                }
                afterDashDash = true;
                execWords.add(a);
            } else if (file == null) {
                file = a;
            } else {
                throw new UsageError("unexpected argument '" + a + "'");
            }
        }
        switch (command) {
            case "steps", "run" -> {
                if (file == null) {
                    throw new UsageError(command + " needs a runbook FILE");
                }
            }
            case "exec" -> {
                if (execWords.isEmpty()) {
                    throw new UsageError("exec needs a command after --");
                }
            }
            case "lab" -> {
                if (file != null || json || record || !values.isEmpty() || !steps.isEmpty()) {
                    throw new UsageError("lab takes only --probebook.KEY=VALUE settings (e.g. --probebook.data-dir=DIR;"
                            + " the lab lives in DATA_DIR/lab)");
                }
            }
            default -> throw new UsageError("unknown command '" + command + "'");
        }
        if (command.equals("steps") && (!values.isEmpty() || !steps.isEmpty() || record)) {
            throw new UsageError("steps takes no --set, --step or --record (those are for run)");
        }
        return new CliArguments(command, file, json, record, values, steps, execWords, properties);
    }

    private static String next(String[] args, int i, String option) throws UsageError {
        if (i >= args.length) {
            throw new UsageError(option + " needs a value");
        }
        return args[i];
    }
}
