package dev.probebook.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One command line as a shell would see it, reduced to what Probebook can run: the words of the first
 * command ({@code sudo} removed), the {@code grep} stages it is piped into, and, when the line uses shell
 * features we do not run (other pipes, redirections, {@code &&}, command substitution), the reason.
 *
 * <p>Two forms write the hosts file and are kept as words for the hosts probe:
 * {@code echo "IP NAME" >> /etc/hosts} and {@code echo "IP NAME" | tee -a /etc/hosts}.
 */
public record ShellLine(
        String text, List<String> words, List<List<String>> filterWords, List<GrepFilter> filters, String unsupported) {

    private static final Set<String> HARMLESS_REDIRECTS = Set.of("2>&1", "2>/dev/null");
    /** Commands whose {@code > FILE} stays a word: {@code echo "ip name" >> /etc/hosts} (the hosts probe's form). */
    private static final Set<String> WRITES_TO_FILES = Set.of("echo", "printf");

    public ShellLine {
        words = List.copyOf(words);
        filterWords = filterWords.stream().map(List::copyOf).toList();
        filters = List.copyOf(filters);
    }

    /**
     * The same line with new words (after placeholders were bound): the grep stages are compiled again
     * from their new words. Values never add words, pipes or redirections: they replace text inside words.
     */
    public ShellLine withWords(List<String> newWords, List<List<String>> newFilterWords) throws UsageException {
        List<GrepFilter> compiled = new ArrayList<>();
        for (List<String> stage : newFilterWords) {
            compiled.add(GrepFilter.parse(stage.get(0), stage.subList(1, stage.size())));
        }
        return new ShellLine(text, newWords, newFilterWords, compiled, unsupported);
    }

    /** The line as it will run: words quoted where needed, grep stages after {@code |}. */
    public String display() {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.equals(">>") || w.equals(">") || w.equals("|") ? w : ShellWords.quote(w));
        }
        for (List<String> stage : filterWords) {
            sb.append(" | ").append(ShellWords.join(stage));
        }
        return sb.toString();
    }

    public boolean supported() {
        return unsupported == null;
    }

    public String commandWord() {
        return words.isEmpty() ? "" : words.get(0);
    }

    /** Parses a whole command line. */
    public static ShellLine parse(String text) throws UsageException {
        ShellWords.Split split = ShellWords.split(text);
        return fromTokens(text.strip(), split.tokens(), split.commandSubstitution());
    }

    /**
     * Builds a line from words a shell already split (CLI {@code exec -- WORD...}): a lone {@code |} is a
     * pipe; a single word with spaces is parsed as a whole command line.
     */
    public static ShellLine fromWords(List<String> words) throws UsageException {
        if (words.size() == 1 && words.get(0).strip().contains(" ")) {
            return parse(words.get(0));
        }
        List<Token> tokens = new ArrayList<>();
        for (String w : words) {
            tokens.add(
                    switch (w) {
                        case "|", "||", "&&", ";", ">", ">>", "<", "2>&1", "&" -> new Token.Operator(w);
                        default -> new Token.Word(w);
                    });
        }
        return fromTokens(ShellWords.join(words).replace("'|'", "|"), tokens, false);
    }

    private static ShellLine fromTokens(String text, List<Token> tokens, boolean substitution) throws UsageException {
        List<List<Token>> stages = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        String unsupported = substitution ? "command substitution ($(...) or backticks) is not run" : null;
        for (Token t : tokens) {
            if (t instanceof Token.Operator op && op.isPipe()) {
                stages.add(current);
                current = new ArrayList<>();
            } else if (t instanceof Token.Operator op && !op.isRedirection()) {
                if (unsupported == null) {
                    unsupported = "'" + op.symbol() + "' (command lists) is not run: put each command on its own line";
                }
                current.add(t);
            } else {
                current.add(t);
            }
        }
        stages.add(current);
        if (stages.size() > 1 && feedsStdinOnly(stages.get(0)) && isTlsClient(stageWords(stages.get(1)))) {
            stages.remove(0); // echo | openssl s_client ...: the echo only makes s_client end after the handshake
        }

        List<String> words = new ArrayList<>();
        List<Token> first = stages.get(0);
        for (int i = 0; i < first.size(); i++) {
            Token t = first.get(i);
            if (t instanceof Token.Word w) {
                words.add(w.text());
            } else if (t instanceof Token.Operator op) {
                String target = i + 1 < first.size() && first.get(i + 1) instanceof Token.Word w ? w.text() : null;
                if (HARMLESS_REDIRECTS.contains(op.symbol())
                        || ((op.symbol().equals("2>") || op.symbol().equals("<")) && "/dev/null".equals(target))) {
                    if (op.symbol().equals("2>") || op.symbol().equals("<")) {
                        i++;
                    }
                    continue;
                }
                if ((op.symbol().equals(">>") || op.symbol().equals(">")) && target != null) {
                    words.add(op.symbol());
                    words.add(target);
                    i++;
                    continue; // the hosts probe decides whether it takes this form
                }
                if (unsupported == null && op.isRedirection()) {
                    unsupported = "redirection '" + op.symbol() + "' is not run";
                }
            }
        }
        words = stripWrappers(stripSudo(words));
        if (words.isEmpty()) {
            throw new UsageException("empty command");
        }
        if (!WRITES_TO_FILES.contains(words.get(0))) {
            // only the hosts-file writers take "> FILE" as part of the command; anywhere else the redirection is
            // left out of the words (so the command still parses) and the line is shown, not run
            for (int i = 0; i + 1 < words.size(); i++) {
                String w = words.get(i);
                if (w.equals(">") || w.equals(">>")) {
                    if (unsupported == null) {
                        unsupported = "redirection '" + w + " " + words.get(i + 1)
                                + "' is shown, not run: Probebook prints the output here instead";
                    }
                    words.remove(i + 1);
                    words.remove(i);
                    i--;
                }
            }
        }

        List<GrepFilter> filters = new ArrayList<>();
        List<List<String>> filterWords = new ArrayList<>();
        for (int s = 1; s < stages.size(); s++) {
            List<String> stageWords = stripSudo(stageWords(stages.get(s)));
            if (stageWords.isEmpty()) {
                throw new UsageException("empty pipeline stage in: " + text);
            }
            String cmd = stageWords.get(0);
            if (cmd.equals("grep") || cmd.equals("egrep") || cmd.equals("fgrep")) {
                filters.add(GrepFilter.parse(cmd, stageWords.subList(1, stageWords.size())));
                filterWords.add(stageWords);
            } else if (cmd.equals("openssl")
                    && stageWords.size() > 1
                    && stageWords.get(1).equals("x509")
                    && isTlsClient(words)
                    && filters.isEmpty()
                    && !words.contains("|")) {
                words.add("|"); // the s_client probe prints what x509 would make of the certificate it received
                words.addAll(stageWords);
            } else if (cmd.equals("tee")
                    && s == stages.size() - 1
                    && words.get(0).equals("echo")
                    && stageWords.size() == 3
                    && stageWords.get(1).equals("-a")) {
                words.add(">>");
                words.add(stageWords.get(2));
            } else if (unsupported == null) {
                unsupported = "pipe into '" + cmd + "' is not run (only '| grep' filters are supported)";
            }
        }
        return new ShellLine(text, words, filterWords, filters, unsupported);
    }

    /**
     * A first stage that only feeds the next command's stdin and ends: {@code echo}, {@code echo Q},
     * {@code echo -n}, {@code true}, {@code printf ''}. What it writes never matters to a probe that sends nothing.
     */
    private static boolean feedsStdinOnly(List<Token> stage) {
        List<String> words = stageWords(stage);
        if (words.isEmpty() || words.size() > 3) {
            return false;
        }
        return switch (words.get(0)) {
            case "echo", "printf", "true", ":" -> words.stream().noneMatch(w -> w.startsWith(">") || w.equals("<"));
            default -> false;
        };
    }

    /** {@code openssl s_client ...}: the one command a stdin feeder may be dropped before. */
    private static boolean isTlsClient(List<String> words) {
        List<String> w = stripSudo(words);
        return w.size() > 1 && w.get(0).equals("openssl") && w.get(1).equals("s_client");
    }

    private static List<String> stageWords(List<Token> stage) {
        List<String> words = new ArrayList<>();
        for (Token t : stage) {
            if (t instanceof Token.Word w) {
                words.add(w.text());
            } else if (t instanceof Token.Operator op) {
                words.add(op.symbol());
            }
        }
        return words;
    }

    /** Removes a leading {@code sudo} with its simple options ({@code -E}, {@code -n}, {@code -u USER}). */
    /**
     * Commands that only wrap another one: {@code timeout 5 nc -zv h 80} (every probe has its own time limit),
     * {@code watch -n 1 ss -tlnp} (runs once: Run again repeats it), {@code time}, {@code nohup}, {@code sudo -E}
     * inside them. The wrapped command is what runs; {@code watch 'ss -tlnp'} has it in one word.
     */
    static List<String> stripWrappers(List<String> words) {
        List<String> w = words;
        for (int round = 0; round < 3 && !w.isEmpty(); round++) {
            String first = w.get(0);
            int i = 1;
            switch (first) {
                case "timeout" -> {
                    while (i < w.size() && w.get(i).startsWith("-")) {
                        String opt = w.get(i);
                        i += (opt.equals("-s")
                                        || opt.equals("-k")
                                        || opt.equals("--signal")
                                        || opt.equals("--kill-after"))
                                ? 2
                                : 1;
                    }
                    if (i < w.size() && w.get(i).matches("\\d+(\\.\\d+)?[smhd]?")) {
                        i++;
                    } else {
                        return w;
                    }
                }
                case "watch" -> {
                    while (i < w.size() && w.get(i).startsWith("-")) {
                        String opt = w.get(i);
                        i += (opt.equals("-n") || opt.equals("--interval") || opt.equals("-q")) ? 2 : 1;
                    }
                }
                case "time", "nohup" -> {}
                default -> {
                    return w;
                }
            }
            if (i >= w.size()) {
                return w;
            }
            List<String> rest = new ArrayList<>(w.subList(i, w.size()));
            if (rest.size() == 1 && rest.get(0).contains(" ")) {
                rest = new ArrayList<>(List.of(rest.get(0).strip().split("\\s+")));
            }
            w = stripSudo(rest);
        }
        return w;
    }

    public static List<String> stripSudo(List<String> words) {
        int i = 0;
        if (!words.isEmpty() && words.get(0).equals("sudo")) {
            i = 1;
            while (i < words.size() && words.get(i).startsWith("-")) {
                String opt = words.get(i);
                i += (opt.equals("-u") || opt.equals("-g")) ? 2 : 1;
            }
        }
        return new ArrayList<>(words.subList(Math.min(i, words.size()), words.size()));
    }
}
