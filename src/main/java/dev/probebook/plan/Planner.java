package dev.probebook.plan;

import dev.probebook.command.Args;
import dev.probebook.command.Placeholder;
import dev.probebook.command.Placeholders;
import dev.probebook.command.ShellLine;
import dev.probebook.command.UsageException;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.CodeBlock;
import dev.probebook.runbook.Runbook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Classifies a runbook's code blocks into steps and examples and maps placeholders to variables.
 *
 * <p>A line is a command when a probe knows its command word and its arguments parse for that tool
 * (so {@code curl: (60) ...}, {@code tcpdump: verbose output suppressed} and {@code Trying 10.0.0.1...} are
 * output). Lines that are just {@code 또는}/{@code or} separate alternatives; parenthesised lines and
 * {@code #} comments are notes (also one that begins with a tool name and reads as a sentence); prompts
 * ({@link #PROMPT}, {@link #SOFT_PROMPT}, a root {@code # }) and {@code sudo} are stripped; in a console block the lines after a prompted command are its
 * example output. A prompted line is a command even when it does not parse (it then fails with the
 * usage error rather than silently becoming an example).
 */
public final class Planner {

    private static final Pattern ALTERNATIVE = Pattern.compile("(?i)(또는|or|혹은|alternatively)[:.]?");
    /**
     * Shell prompts in front of a command: {@code $ }, {@code [root@host ~]# }, {@code user@host:~$ }, zsh's
     * {@code user@host dir % } and PowerShell's {@code PS C:\> }. The line after one is a command even when it does
     * not parse (it then fails with the usage error).
     */
    private static final Pattern PROMPT = Pattern.compile("^(?:\\$"
            + "|\\[[^\\]\\n]{1,80}][#$]"
            + "|[\\w.-]{1,32}@[\\w.-]{1,64}(?:[: ][^$#%\\s]*)?\\s?[$#%]"
            + "|PS [^>]{0,80}>)\\s+(.*)$");

    /**
     * Prompts that other text also looks like ({@code mysql> select}, a {@code %} in prose): zsh's {@code % },
     * oh-my-zsh's {@code ➜  dir [git:(main) ✗] }, a short machine name such as {@code mac> } or {@code lin> }, and
     * cmd's {@code C:\> }. The line after one is a command only when it is a known command that parses.
     */
    private static final Pattern SOFT_PROMPT = Pattern.compile("^(?:%"
            + "|➜\\s+\\S+(?:\\s+git:\\([^)\\s]*\\))?(?:\\s+✗)?"
            + "|[a-z][\\w-]{0,15}>"
            + "|[A-Za-z]:\\\\[^>\\s]{0,80}>)\\s+(.*)$");

    /**
     * Words that make a {@code # ...} line prose, not a root prompt: {@code # curl the endpoint first} is a comment,
     * {@code # curl -v https://host/} a command.
     */
    private static final Set<String> PROSE_WORDS = Set.of(
            "the", "a", "an", "to", "of", "for", "and", "or", "with", "if", "is", "are", "on", "from", "this", "that",
            "then", "first", "we", "it", "your", "our", "you", "check", "checks", "see", "should", "will", "can", "not",
            "into", "via", "when", "which", "what", "how", "why", "use", "using", "e.g.", "i.e.", "all", "any");

    private static final Pattern OPTION_WORD = Pattern.compile("-{1,2}[A-Za-z][A-Za-z0-9-]*");
    private static final Pattern IPV4_WORD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?");
    private static final Pattern DOTTED_WORD = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+\\.?(:\\d+)?");
    private static final Pattern URL_WORD = Pattern.compile("(https?://).+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[a-z가-힣][.:!?,]");
    private static final Pattern ROOT_PROMPT = Pattern.compile("^#\\s+(.*)$");

    /** Info strings that say "this is not a shell session": such blocks are always examples. */
    private static final Set<String> NON_SHELL = Set.of(
            "text",
            "txt",
            "output",
            "plaintext",
            "plain",
            "log",
            "json",
            "yaml",
            "yml",
            "xml",
            "html",
            "css",
            "js",
            "javascript",
            "ts",
            "java",
            "python",
            "py",
            "go",
            "c",
            "cpp",
            "sql",
            "diff",
            "ini",
            "toml",
            "properties",
            "conf",
            "nginx",
            "apache",
            "http",
            "csv",
            "markdown",
            "md",
            "dockerfile",
            "groovy",
            "kotlin",
            "rust",
            "ruby",
            "php",
            "mermaid");

    private final ProbeRegistry registry;

    public Planner(ProbeRegistry registry) {
        this.registry = registry;
    }

    /** More code blocks than this are planned in parallel. */
    static final int PARALLEL_FROM = 500;

    public RunbookPlan plan(Runbook runbook) {
        List<PlannedBlock> blocks = new ArrayList<>();
        Map<Integer, Integer> lastStepInSection = new LinkedHashMap<>();
        List<CodeBlock> codes = runbook.codeBlocks();
        Map<String, String> files = Heredocs.files(codes);
        // each block's commands depend on the block and the runbook's files only: thousands of blocks are read in
        // parallel (the common pool and this thread), a runbook of realistic size on this thread
        Stream<CodeBlock> each = codes.size() > PARALLEL_FROM ? codes.parallelStream() : codes.stream();
        List<List<PlannedCommand>> planned = each.map(
                        code -> NON_SHELL.contains(code.language()) ? List.<PlannedCommand>of() : commands(code, files))
                .toList();
        Set<Integer> sectionsWithSteps = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!planned.get(i).isEmpty()) {
                sectionsWithSteps.add(codes.get(i).sectionLine());
            }
        }
        int lastStep = 0;
        for (int i = 0; i < codes.size(); i++) {
            CodeBlock code = codes.get(i);
            List<PlannedCommand> commands = planned.get(i);
            BlockKind kind = commands.isEmpty() ? BlockKind.EXAMPLE : BlockKind.STEP;
            int illustrates = 0;
            if (kind == BlockKind.STEP) {
                lastStepInSection.put(code.sectionLine(), code.line());
                lastStep = code.line();
            } else if (sectionsWithSteps.contains(code.sectionLine())) {
                illustrates = lastStepInSection.getOrDefault(code.sectionLine(), 0);
            } else {
                // a section of output only ("### Result" under the step's heading): it shows the step it follows
                illustrates = lastStep;
            }
            blocks.add(new PlannedBlock(code, kind, commands, illustrates));
        }
        return new RunbookPlan(runbook, variables(blocks), blocks);
    }

    /** Parses the lines of one block into commands (empty: the block is an example). */
    List<PlannedCommand> commands(CodeBlock code) {
        return commands(code, Map.of());
    }

    /**
     * Parses the lines of one block into commands; {@code files} are the files the runbook writes with here-documents,
     * which a command may name ({@code curl -w @curl-format.txt}).
     */
    List<PlannedCommand> commands(CodeBlock code, Map<String, String> files) {
        List<PlannedCommand> out = new ArrayList<>();
        String heredocEnd = null; // inside a here-document's body until this line: file content, not commands
        int alternative = 0;
        boolean consoleOutput = false;
        List<String> pendingOutput = new ArrayList<>();
        List<String> lines = code.lines();
        for (int i = 0; i < lines.size(); i++) {
            int sourceLine = code.contentLine() + i;
            String t = lines.get(i).strip();
            // a command continued over several lines with "\" is one line (numbered by its first)
            while (t.endsWith("\\") && i + 1 < lines.size()) {
                t = t.substring(0, t.length() - 1).strip() + " "
                        + lines.get(++i).strip();
            }
            if (heredocEnd != null) {
                if (t.equals(heredocEnd)) {
                    heredocEnd = null;
                }
                continue;
            }
            heredocEnd = Heredocs.terminator(t);
            if (t.isEmpty()) {
                continue;
            }
            if (ALTERNATIVE.matcher(t).matches()) {
                if (!out.isEmpty()) {
                    alternative = out.get(out.size() - 1).alternative() + 1;
                }
                consoleOutput = false;
                continue;
            }
            if (t.startsWith("(") && t.endsWith(")")) {
                continue;
            }
            String candidate = t;
            boolean prompted = false;
            Matcher prompt = PROMPT.matcher(t);
            Matcher soft = SOFT_PROMPT.matcher(t);
            Matcher root = ROOT_PROMPT.matcher(t);
            Optional<PlannedCommand> softCommand = soft.matches()
                    ? recognise(sourceLine, soft.group(1).strip(), alternative, false, files)
                    : Optional.empty();
            if (prompt.matches()) {
                candidate = prompt.group(1).strip();
                prompted = true;
            } else if (softCommand.isPresent()) {
                flushOutput(out, pendingOutput);
                out.add(softCommand.get());
                consoleOutput = true;
                continue;
            } else if (root.matches()) {
                String rest = root.group(1).strip();
                Optional<PlannedCommand> asCommand =
                        readsAsProse(rest) ? Optional.empty() : recognise(sourceLine, rest, alternative, false, files);
                if (asCommand.isPresent()) {
                    flushOutput(out, pendingOutput);
                    out.add(asCommand.get());
                    consoleOutput = true;
                }
                continue; // a root prompt with a command, or a comment
            } else if (t.startsWith("#")) {
                continue;
            } else if (consoleOutput) {
                pendingOutput.add(code.lines().get(i));
                continue;
            }
            if (candidate.isEmpty()) {
                continue;
            }
            List<String> parts = CommandLists.split(candidate);
            if (parts.size() > 1) {
                // "a && b", "a; b": each command on its own, in order, when every part is one Probebook knows
                List<PlannedCommand> each = new ArrayList<>();
                for (String part : parts) {
                    recognise(sourceLine, part, alternative, prompted, files).ifPresent(each::add);
                }
                if (each.size() == parts.size() && each.stream().allMatch(PlannedCommand::runnable)) {
                    flushOutput(out, pendingOutput);
                    out.addAll(each);
                    consoleOutput = prompted;
                    continue;
                }
            }
            Optional<PlannedCommand> command = recognise(sourceLine, candidate, alternative, prompted, files);
            if (command.isPresent()) {
                flushOutput(out, pendingOutput);
                out.add(command.get());
                consoleOutput = prompted;
            }
        }
        flushOutput(out, pendingOutput);
        return out;
    }

    /**
     * The words after the command word read as a command's arguments rather than as output or prose: within the
     * first three, an option ({@code -c}), an address, a dotted name, {@code localhost}, or a placeholder.
     */
    static boolean readsAsArguments(List<String> words) {
        for (int i = 1; i < Math.min(words.size(), 4); i++) {
            String w = words.get(i);
            if (OPTION_WORD.matcher(w).matches()
                    || IPV4_WORD.matcher(w).matches()
                    || DOTTED_WORD.matcher(w).matches()
                    || URL_WORD.matcher(w).matches()
                    || w.equals("localhost")
                    || !Placeholders.scan(i, w).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A {@code # ...} line whose words after the first read as a sentence (a comment that names a tool). */
    static boolean readsAsProse(String text) {
        String[] words = SPACES.split(text);
        for (int i = 1; i < words.length; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            if (PROSE_WORDS.contains(w)
                    || (i == words.length - 1
                            && w.length() > 1
                            && SENTENCE_END.matcher(w).matches())) {
                return true;
            }
        }
        return false;
    }

    private static void flushOutput(List<PlannedCommand> out, List<String> pending) {
        if (pending.isEmpty() || out.isEmpty()) {
            pending.clear();
            return;
        }
        PlannedCommand last = out.remove(out.size() - 1);
        List<String> lines = new ArrayList<>(last.exampleOutput());
        lines.addAll(pending);
        out.add(new PlannedCommand(
                last.line(),
                last.text(),
                last.probe(),
                last.alternative(),
                last.placeholders(),
                last.filterPlaceholders(),
                last.unsupported(),
                last.usageError(),
                lines));
        pending.clear();
    }

    /**
     * Recognises one command line. Without a prompt the line must be a known command whose arguments
     * parse; with a prompt any line is a command, and a failure to parse is kept as its usage error.
     */
    Optional<PlannedCommand> recognise(int sourceLine, String written, int alternative, boolean prompted) {
        return recognise(sourceLine, written, alternative, prompted, Map.of());
    }

    private Optional<PlannedCommand> recognise(
            int sourceLine, String written, int alternative, boolean prompted, Map<String, String> files) {
        // {agent ip}, [PORT]: one {{name}} word each; a format file the runbook wrote: inline
        String text = Placeholders.normaliseForms(Heredocs.inlineWriteOut(written, files));
        ShellLine line;
        try {
            line = ShellLine.parse(text);
        } catch (UsageException e) {
            return prompted
                    ? Optional.of(errorCommand(sourceLine, text, "none", alternative, e.getMessage()))
                    : Optional.empty();
        }
        String word = line.commandWord();
        List<Placeholder> placeholders = new ArrayList<>();
        // the first word is a placeholder too when it is no command word (a hosts line: "10.10.100.IP name")
        for (int w = registry.knowsWord(word) ? 1 : 0; w < line.words().size(); w++) {
            placeholders.addAll(Placeholders.scan(w, line.words().get(w)));
        }
        List<Placeholder> filterPlaceholders = new ArrayList<>();
        for (List<String> stage : line.filterWords()) {
            for (int w = 1; w < stage.size(); w++) {
                filterPlaceholders.addAll(Placeholders.scan(w, stage.get(w)));
            }
        }
        try {
            Optional<ProbeRegistry.Recognised> r = registry.recognise(line.words(), Args.Mode.TEMPLATE);
            if (r.isEmpty()) {
                // a misspelt command word followed by what reads as arguments is a step that says so, never an
                // example nobody notices (tcpnig 10.0.0.5 80)
                boolean typo = !prompted
                        && registry.nearestWord(word).isPresent() // never a word it knows
                        && readsAsArguments(line.words());
                return prompted || typo
                        ? Optional.of(errorCommand(sourceLine, text, "none", alternative, registry.unknownWord(word)))
                        : Optional.empty();
            }
            placeholders.addAll(r.get().informalPlaceholders());
            return Optional.of(new PlannedCommand(
                    sourceLine,
                    text,
                    r.get().command().probeName(),
                    alternative,
                    placeholders,
                    filterPlaceholders,
                    Optional.ofNullable(Heredocs.notRunReason(text)).orElse(line.unsupported()),
                    null,
                    List.of()));
        } catch (UsageException e) {
            // a known command with arguments Probebook cannot take (netstat -rn, a shell list) is a step that says
            // why, never an example nobody notices; output lines rarely start with a command word and an option
            if (!prompted && !(registry.knowsWord(word) && readsAsArguments(line.words()))) {
                return Optional.empty();
            }
            String probe = registry.claimant(line.words()).orElse("none");
            String reason = line.unsupported() != null ? line.unsupported() : e.getMessage();
            return Optional.of(errorCommand(sourceLine, text, probe, alternative, reason));
        }
    }

    private static PlannedCommand errorCommand(
            int sourceLine, String text, String probe, int alternative, String error) {
        return new PlannedCommand(sourceLine, text, probe, alternative, List.of(), List.of(), null, error, List.of());
    }

    private static List<Variable> variables(List<PlannedBlock> blocks) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        for (PlannedBlock b : blocks) {
            for (PlannedCommand c : b.commands()) {
                List<Placeholder> all = new ArrayList<>(c.placeholders());
                all.sort(Comparator.comparingInt(Placeholder::word).thenComparingInt(Placeholder::start));
                all.addAll(c.filterPlaceholders());
                for (Placeholder p : all) {
                    found.computeIfAbsent(p.variable(), k -> new LinkedHashSet<>())
                            .add(p.text());
                }
            }
        }
        List<Variable> out = new ArrayList<>();
        found.forEach((name, texts) -> out.add(new Variable(name, List.copyOf(texts))));
        return out;
    }
}
