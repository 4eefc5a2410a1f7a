package dev.probebook.probe.http;

import dev.probebook.command.Args;
import dev.probebook.command.Placeholders;
import dev.probebook.command.UrlSyntax;
import dev.probebook.command.UsageException;
import dev.probebook.net.IpFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Parses curl's command line: short flags alone or clustered ({@code -sSL}; a flag that takes a value
 * takes the rest of its cluster or, when it ends the cluster, the next word: {@code -so /dev/null},
 * {@code -XPOST}), long flags with the value as the next word (curl has no {@code --opt=value}), and one URL.
 */
final class CurlParser {

    /** Long option name to the short letter it is an alias of. */
    private static final Map<String, Character> LONG = Map.ofEntries(
            Map.entry("--verbose", 'v'),
            Map.entry("--head", 'I'),
            Map.entry("--include", 'i'),
            Map.entry("--silent", 's'),
            Map.entry("--show-error", 'S'),
            Map.entry("--insecure", 'k'),
            Map.entry("--location", 'L'),
            Map.entry("--ipv4", '4'),
            Map.entry("--ipv6", '6'),
            Map.entry("--fail", 'f'),
            Map.entry("--remote-name", 'O'),
            Map.entry("--output", 'o'),
            Map.entry("--write-out", 'w'),
            Map.entry("--header", 'H'),
            Map.entry("--request", 'X'),
            Map.entry("--data", 'd'),
            Map.entry("--max-time", 'm'),
            Map.entry("--user-agent", 'A'));

    /** Options without a short form. */
    private static final List<String> LONG_ONLY =
            List.of("--data-raw", "--connect-timeout", "--resolve", "--max-redirs");

    private static final String VALUED = "owHXdmA";
    private static final String FLAGS = "vIisSkL46fO";

    static final String SUPPORTED = "-v -I -i -s -S -k -L -f -O -4 -6 -o FILE -w FORMAT -H HEADER -X METHOD -d DATA "
            + "-m SECONDS -A AGENT --connect-timeout SECONDS --resolve HOST:PORT:ADDR --max-redirs N --data-raw DATA";

    private final Args args;

    private String urlWord;
    private UrlSyntax.Url url;
    private String method;
    private final List<CurlCommand.CustomHeader> headers = new ArrayList<>();
    private final List<String> data = new ArrayList<>();
    private String userAgent;
    private boolean verbose;
    private boolean head;
    private boolean include;
    private boolean silent;
    private boolean showError;
    private boolean insecure;
    private boolean location;
    private boolean fail;
    private boolean remoteName;
    private int maxRedirects = 50;
    private CurlCommand.BodyOutput output = new CurlCommand.BodyOutput.Terminal(false);
    private String writeOut;
    private Duration connectTimeout;
    private Duration maxTime;
    private final List<ResolveOverride> resolve = new ArrayList<>();
    private IpFamily ipVersion = IpFamily.ANY;

    private CurlParser(Args args) {
        this.args = args;
    }

    static CurlCommand parse(Args args) throws UsageException {
        return new CurlParser(args).parse();
    }

    private CurlCommand parse() throws UsageException {
        while (args.hasNext()) {
            String w = args.next();
            if (w.startsWith("--")) {
                longOption(w);
            } else if (w.startsWith("-") && w.length() > 1) {
                cluster(w);
            } else {
                operand(w);
            }
        }
        if (url == null) {
            throw new UsageException("curl: no URL specified (usage: curl [options] URL)");
        }
        if (remoteName && output instanceof CurlCommand.BodyOutput.Terminal) {
            String path = url.pathAndQuery().replaceFirst("[?].*$", "");
            String name = path.substring(path.lastIndexOf('/') + 1);
            output = new CurlCommand.BodyOutput.NotSaved(name.isEmpty() ? "index.html" : name);
        }
        String m = method != null ? method : head ? "HEAD" : !data.isEmpty() ? "POST" : "GET";
        if (!data.isEmpty() && (m.equals("GET") || m.equals("HEAD"))) {
            throw new UsageException(
                    "curl: " + m + " with a request body (-d) cannot be sent; drop -X " + m + " or -d");
        }
        return new CurlCommand(
                url,
                method,
                headers,
                data.isEmpty() ? null : String.join("&", data),
                userAgent,
                verbose,
                head,
                include,
                silent,
                showError,
                insecure,
                location,
                maxRedirects,
                fail,
                output,
                writeOut,
                connectTimeout,
                maxTime,
                resolve,
                ipVersion);
    }

    private void longOption(String w) throws UsageException {
        Character alias = LONG.get(w);
        if (alias != null) {
            if (VALUED.indexOf(alias) >= 0) {
                value(alias, w, args.valueOf(w));
            } else {
                flag(alias);
            }
            return;
        }
        switch (w) {
            case "--data-raw" -> data.add(args.valueOf(w));
            case "--connect-timeout" -> connectTimeout = seconds(w, args.valueOf(w));
            case "--max-redirs" -> maxRedirects = Args.intValue(w, args.valueOf(w), -1, 1000);
            case "--resolve" -> {
                String v = args.valueOf(w);
                if (!(args.template() && Placeholders.containsAny(v))) {
                    resolve.add(ResolveOverride.parse(v));
                }
            }
            default -> {
                String hint = w.contains("=")
                        ? " (curl takes the value as the next word: " + w.substring(0, w.indexOf('=')) + " "
                                + w.substring(w.indexOf('=') + 1) + ")"
                        : "";
                throw new UsageException("curl: unknown option " + w + hint + " (supported: " + SUPPORTED + ")");
            }
        }
    }

    private void cluster(String w) throws UsageException {
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            if (FLAGS.indexOf(c) >= 0) {
                flag(c);
            } else if (VALUED.indexOf(c) >= 0) {
                String rest = w.substring(i + 1);
                value(c, "-" + c, rest.isEmpty() ? args.valueOf("-" + c) : rest);
                return;
            } else {
                throw new UsageException("curl: unknown option -" + c + (w.length() > 2 ? " in " + w : "")
                        + " (supported: " + SUPPORTED + ")");
            }
        }
    }

    private void flag(char c) {
        switch (c) {
            case 'v' -> verbose = true;
            case 'I' -> head = true;
            case 'i' -> include = true;
            case 's' -> silent = true;
            case 'S' -> showError = true;
            case 'k' -> insecure = true;
            case 'L' -> location = true;
            case '4' -> ipVersion = IpFamily.V4;
            case '6' -> ipVersion = IpFamily.V6;
            case 'f' -> fail = true;
            case 'O' -> remoteName = true;
            default -> throw new IllegalStateException("flag " + c);
        }
    }

    private void value(char c, String option, String v) throws UsageException {
        switch (c) {
            case 'o' ->
                output = switch (v) {
                    case "/dev/null", "NUL" -> new CurlCommand.BodyOutput.Discard();
                    case "-" -> new CurlCommand.BodyOutput.Terminal(true);
                    default -> new CurlCommand.BodyOutput.NotSaved(v);
                };
            case 'w' -> {
                if (v.startsWith("@")) {
                    throw new UsageException("curl: " + option + " " + v
                            + ": reading the format from a file is not supported; write the format inline, or write"
                            + " the file earlier in the runbook (cat > " + v.substring(1) + " <<'EOF' ... EOF), which"
                            + " Probebook then reads from the runbook");
                }
                writeOut = v;
            }
            case 'H' -> headers.add(header(option, v));
            case 'X' -> {
                if (!v.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                    throw new UsageException(
                            "curl: " + option + " '" + v + "' is not a method name (e.g. GET, POST, PUT)");
                }
                method = v;
            }
            case 'd' -> {
                if (v.startsWith("@")) {
                    throw new UsageException("curl: " + option + " " + v
                            + ": reading data from a file is not supported; use --data-raw to send the text as is");
                }
                data.add(v);
            }
            case 'm' -> maxTime = seconds(option, v);
            case 'A' -> {
                noControlCharacters("-A", v);
                userAgent = v;
            }
            default -> throw new IllegalStateException("option " + c);
        }
    }

    private static CurlCommand.CustomHeader header(String option, String v) throws UsageException {
        noControlCharacters(option, v);
        if (v.startsWith("@")) {
            throw new UsageException("curl: " + option + " " + v + ": reading headers from a file is not supported");
        }
        int colon = v.indexOf(':');
        int semi = v.indexOf(';');
        if (colon > 0 && (semi < 0 || colon < semi)) {
            String name = v.substring(0, colon).strip();
            String value = v.substring(colon + 1).strip();
            checkName(option, v, name);
            return new CurlCommand.CustomHeader(name, value.isEmpty() ? null : value);
        }
        if (semi > 0 && v.substring(semi + 1).isBlank()) {
            String name = v.substring(0, semi).strip();
            checkName(option, v, name);
            return new CurlCommand.CustomHeader(name, "");
        }
        throw new UsageException("curl: " + option + " '" + v + "' is not a header (use 'Name: value')");
    }

    /** CR/LF in a header would let a value (from a variable) add headers of its own: refuse them. */
    static void noControlCharacters(String option, String v) throws UsageException {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new UsageException("curl: " + option + " value contains a control character (0x"
                        + Integer.toHexString(c) + "); headers are one line");
            }
        }
    }

    private static void checkName(String option, String raw, String name) throws UsageException {
        if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new UsageException("curl: " + option + " '" + raw + "': '" + name + "' is not a header name");
        }
    }

    private void operand(String w) throws UsageException {
        if (urlWord != null) {
            throw new UsageException("curl: one URL per command, got '" + urlWord + "' and '" + w + "'");
        }
        urlWord = w;
        String checked = args.url(w);
        UrlSyntax.Url parsed = UrlSyntax.parse(checked);
        if (HttpUrl.parse(parsed.text()) == null) {
            throw new UsageException("curl: '" + w + "' is not a valid URL");
        }
        url = parsed;
    }

    private static Duration seconds(String option, String raw) throws UsageException {
        double s = Args.seconds(option, raw, 0.001, 86_400);
        return Duration.ofNanos((long) (s * 1e9));
    }
}
