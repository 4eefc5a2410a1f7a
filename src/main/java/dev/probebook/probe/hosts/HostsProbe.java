package dev.probebook.probe.hosts;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.net.HostsLine;
import dev.probebook.probe.FreeFormProbe;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hosts file: {@code cat /etc/hosts} (and {@code less}, {@code more}, {@code head}, {@code tail}),
 * {@code vi|vim|nano /etc/hosts} as a read-only view, {@code getent hosts NAME} (hosts file, then DNS),
 * and the two ways runbooks add a mapping: a bare line {@code 10.10.100.5 app.example.co.kr} (to type in
 * the editor) and {@code echo "..." >> /etc/hosts} / {@code echo "..." | tee -a /etc/hosts}.
 *
 * <p>Every form reads the CONFIGURED hosts file ({@code probebook.hosts-file}); the path written in the
 * command must be {@code /etc/hosts}, so a runbook can never point the probe at another file. Nothing is
 * ever written: the add forms preview what would change and say that writing is a separate, guarded action.
 */
public final class HostsProbe implements Probe<HostsCommand>, FreeFormProbe {

    /** The only path the commands may name; it stands for the configured hosts file. */
    public static final String WRITTEN_PATH = "/etc/hosts";

    private static final Set<String> VIEWERS = Set.of("cat", "less", "more", "head", "tail");
    private static final Set<String> EDITORS = Set.of("vi", "vim", "nano");
    private static final Set<String> GETENT_DATABASES = Set.of("hosts", "ahosts", "ahostsv4", "ahostsv6");

    @Override
    public String name() {
        return "hosts";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("cat", "less", "more", "head", "tail", "vi", "vim", "nano", "getent", "echo");
    }

    @Override
    public boolean claims(String commandWord, List<String> words) {
        return handles(commandWord, words);
    }

    /**
     * Whether this probe takes the form: the viewers and editors only on {@code /etc/hosts} alone,
     * {@code getent} only for the host databases, {@code echo} only when appending to {@code /etc/hosts}.
     * Public so that the catch-all {@code none} probe can leave these forms alone whatever the order.
     */
    public static boolean handles(String commandWord, List<String> words) {
        if (VIEWERS.contains(commandWord) || EDITORS.contains(commandWord)) {
            return namesOnlyHostsFile(words);
        }
        if (commandWord.equals("getent")) {
            return !words.isEmpty() && GETENT_DATABASES.contains(words.get(0));
        }
        if (commandWord.equals("echo")) {
            int n = words.size();
            return n >= 3 && words.get(n - 2).equals(">>") && words.get(n - 1).equals(WRITTEN_PATH);
        }
        return false;
    }

    /** The last word is /etc/hosts and every other word is an option or an option's number. */
    private static boolean namesOnlyHostsFile(List<String> words) {
        if (words.isEmpty() || !words.get(words.size() - 1).equals(WRITTEN_PATH)) {
            return false;
        }
        return words.subList(0, words.size() - 1).stream()
                .allMatch(w -> w.startsWith("-") || w.startsWith("+") || w.matches("\\d+"));
    }

    @Override
    public boolean claimsLine(List<String> words) {
        return HostsLine.looksLikeHostsLine(words);
    }

    @Override
    public HostsCommand parse(String word, Args args) throws UsageException {
        return switch (word) {
            case "cat", "less", "more", "head", "tail" -> parseShow(word, args);
            case "vi", "vim", "nano" -> parseEdit(word, args);
            case "getent" -> parseGetent(args);
            case "echo" -> parseEcho(args);
            default -> parseLine(word, args);
        };
    }

    private static HostsCommand parseShow(String tool, Args args) throws UsageException {
        int head = 0;
        int tail = 0;
        boolean numbered = false;
        boolean lines = tool.equals("head") || tool.equals("tail");
        int count = 10;
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals(WRITTEN_PATH)) {
                continue;
            }
            if (tool.equals("cat") && w.equals("-n")) {
                numbered = true;
            } else if (lines && w.equals("-n")) {
                count = Args.intValue("-n", args.valueOf("-n"), 0, 1_000_000);
            } else if (lines && w.matches("-n?\\d+")) {
                count = Args.intValue("-n", w.substring(w.startsWith("-n") ? 2 : 1), 0, 1_000_000);
            } else if (lines && w.startsWith("--lines=")) {
                count = Args.intValue("--lines", w.substring("--lines=".length()), 0, 1_000_000);
            } else {
                String supported = switch (tool) {
                    case "cat" -> "cat [-n] /etc/hosts";
                    case "head", "tail" -> tool + " [-n LINES] /etc/hosts";
                    default -> tool + " /etc/hosts";
                };
                throw new UsageException(tool + ": unsupported argument '" + w + "' (usage: " + supported + ")");
            }
        }
        if (tool.equals("head")) {
            head = count;
        } else if (tool.equals("tail")) {
            tail = count;
        }
        return new HostsCommand.Show(tool, head, tail, numbered);
    }

    /** Editor options ({@code -R}, {@code +10}) are accepted and ignored: no editor is opened. */
    private static HostsCommand parseEdit(String editor, Args args) throws UsageException {
        List<String> rest = args.rest();
        if (!rest.isEmpty() && rest.get(rest.size() - 1).equals(WRITTEN_PATH)) {
            return new HostsCommand.Edit(editor);
        }
        throw new UsageException(editor + ": only /etc/hosts can be viewed (usage: " + editor + " /etc/hosts)");
    }

    private static HostsCommand parseGetent(Args args) throws UsageException {
        String database = args.next();
        List<String> keys = new ArrayList<>();
        while (args.hasNext()) {
            String raw = args.next();
            if (raw.startsWith("-")) {
                throw new UsageException("getent: unsupported option '" + raw
                        + "' (usage: getent hosts|ahosts|ahostsv4|ahostsv6 [NAME...])");
            }
            String key = args.host(raw);
            keys.add(args.template() ? raw : key);
        }
        return new HostsCommand.Getent(database, keys);
    }

    /**
     * {@code echo [-e] "IP NAME..." >> /etc/hosts} (ShellLine turns {@code | tee -a /etc/hosts} into the
     * same words). The text may be one quoted word or several words; a {@code #} starts a comment.
     */
    private static HostsCommand parseEcho(Args args) throws UsageException {
        boolean escapes = false;
        boolean comment = false;
        List<String> fields = new ArrayList<>();
        String address = null;
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals(">>")) {
                args.next(); // /etc/hosts, checked by handles()
                if (args.hasNext()) {
                    throw new UsageException("echo: unexpected '" + args.next() + "' after >> /etc/hosts");
                }
                break;
            }
            if (address == null && fields.isEmpty() && w.matches("-[neE]+")) {
                escapes = w.contains("e");
                continue;
            }
            String text = escapes ? w.replace("\\t", "\t") : w;
            if (escapes && text.contains("\\n")) {
                throw new UsageException("echo: add one hosts line per step (the text contains \\n)");
            }
            for (String field : text.strip().split("\\s+")) {
                if (comment || field.isEmpty()) {
                    continue;
                }
                if (field.startsWith("#")) {
                    comment = true;
                    continue;
                }
                if (address == null) {
                    address = HostsLine.address(field, args, args.template());
                } else {
                    fields.add(HostsLine.name(field, args));
                }
            }
        }
        if (address == null || fields.isEmpty()) {
            throw new UsageException(
                    "echo: the text is not a hosts line (usage: echo \"" + HostsLine.EXAMPLE + "\" >> /etc/hosts)");
        }
        return new HostsCommand.Add(address, fields, HostsCommand.Add.Form.APPEND);
    }

    /** A bare hosts line: the first word (the "command word") is the address. */
    private static HostsCommand parseLine(String first, Args args) throws UsageException {
        String address = HostsLine.address(first, null, args.template());
        List<String> names = new ArrayList<>();
        while (args.hasNext()) {
            String w = args.next();
            if (w.startsWith("#")) {
                break;
            }
            names.add(HostsLine.name(w, args));
        }
        if (names.isEmpty()) {
            throw new UsageException(
                    "a hosts line needs at least one host name after the address, e.g. " + HostsLine.EXAMPLE);
        }
        return new HostsCommand.Add(address, names, HostsCommand.Add.Form.LINE);
    }

    @Override
    public ProbeResult run(HostsCommand command, ProbeContext ctx) throws InterruptedException {
        return switch (command) {
            case HostsCommand.Show show -> HostsView.show(show, ctx);
            case HostsCommand.Edit edit -> HostsView.edit(edit, ctx);
            case HostsCommand.Getent getent -> GetentLookup.run(getent, ctx);
            case HostsCommand.Add add -> HostsChange.preview(add, ctx);
        };
    }
}
