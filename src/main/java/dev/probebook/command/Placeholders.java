package dev.probebook.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises placeholders in command words and maps them to a small set of canonical variables so that
 * one value fills every step: {@code host}, {@code port}, {@code ip}, {@code domain}, {@code iface}, plus
 * the names of explicit forms.
 *
 * <p>Unambiguous forms are found anywhere in a word: {@code {{name}}}, {@code <name>}, {@code ${NAME}},
 * {@code $NAME}, Korean ops notation ({@code IP또는도메인}, {@code 포트번호}, ...) and masked addresses
 * ({@code 10.10.100.IP}). Informal English words ({@code ip}, {@code port}, {@code host}) are only
 * placeholders where a host or port must stand; {@link Args} decides that while a probe parses.
 */
public final class Placeholders {

    /** Korean informal placeholders, longest first so that {@code 포트번호} wins over {@code 포트}. */
    private static final Map<String, String> KOREAN = Map.ofEntries(
            Map.entry("IP또는도메인", "host"),
            Map.entry("ip또는도메인", "host"),
            Map.entry("IP또는호스트", "host"),
            Map.entry("도메인또는IP", "host"),
            Map.entry("대상서버공인IP", "host"),
            Map.entry("대상서버IP", "host"),
            Map.entry("대상서버", "host"),
            Map.entry("대상IP", "host"),
            Map.entry("서버주소", "host"),
            Map.entry("서버IP", "ip"),
            Map.entry("호스트명", "host"),
            Map.entry("호스트", "host"),
            Map.entry("서버내부IP", "ip"),
            Map.entry("내부IP", "ip"),
            Map.entry("공인IP", "ip"),
            Map.entry("IP주소", "ip"),
            Map.entry("아이피", "ip"),
            Map.entry("서버도메인", "domain"),
            Map.entry("메인도메인", "domain"),
            Map.entry("도메인명", "domain"),
            Map.entry("도메인", "domain"),
            Map.entry("포트번호", "port"),
            Map.entry("포트", "port"),
            Map.entry("인터페이스명", "iface"),
            Map.entry("인터페이스", "iface"));

    private static final List<String> KOREAN_BY_LENGTH = KOREAN.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    /** Aliases of explicit names onto the canonical variables. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("hostname", "host"),
            Map.entry("server", "host"),
            Map.entry("target", "host"),
            Map.entry("address", "ip"),
            Map.entry("addr", "ip"),
            Map.entry("ip_address", "ip"),
            Map.entry("domain_name", "domain"),
            Map.entry("domainname", "domain"),
            Map.entry("port_number", "port"),
            Map.entry("interface", "iface"),
            Map.entry("nic", "iface"),
            Map.entry("dev", "iface"));

    private static final Pattern EXPLICIT = Pattern.compile(
            "\\{\\{\\s*([A-Za-z\\p{IsHangul}][A-Za-z0-9\\p{IsHangul}_.-]*)\\s*}}" // {{name}}, {{게이트웨이IP}}
                    + "|<([A-Za-z][A-Za-z0-9_-]*)>" // <name>
                    + "|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}" // ${NAME}
                    + "|\\$([A-Za-z_][A-Za-z0-9_]*)"); // $NAME

    /** A dotted address whose last octets are masked with {@code IP}: {@code 10.10.100.IP}. */
    private static final Pattern MASKED_IP =
            Pattern.compile("(?<![\\w.])(\\d{1,3}\\.){1,3}(IP|ip|xxx|XXX|x|X)(?![\\w])");

    /** A domain suffix that continues a Korean placeholder: {@code 도메인.co.kr}. */
    private static final Pattern DOMAIN_SUFFIX = Pattern.compile("(\\.[A-Za-z0-9-]+)+");

    private static final Set<String> INFORMAL_HOST = Set.of("ip", "IP", "host", "HOST", "hostname", "domain", "DOMAIN");
    private static final Set<String> INFORMAL_PORT = Set.of("port", "PORT");
    private static final Set<String> INFORMAL_IFACE = Set.of("iface", "interface", "IFACE");

    /** Sample values used to check a line's structure before its variables are bound. */
    private static final Map<String, String> SAMPLES =
            Map.of("host", "host.invalid", "ip", "192.0.2.1", "domain", "domain.invalid", "port", "80", "iface", "lo");

    private Placeholders() {}

    private static final Pattern SPACED_DOUBLE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_. -]*?)\\s*}}");
    private static final Pattern SINGLE_BRACES =
            Pattern.compile("(?<![%${])\\{\\s*([A-Za-z][A-Za-z0-9_. -]*?)\\s*}(?!})");
    /** {@code <게이트웨이IP>}: Korean in angle brackets, which a shell would read as a redirection. */
    private static final Pattern KOREAN_ANGLE = Pattern.compile("<([^<>\\s]*\\p{IsHangul}[^<>\\s]*)>");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.-]+");
    private static final Pattern BRACKETS = Pattern.compile("(?<![\\w\\[])\\[([A-Za-z][A-Za-z0-9_ -]*)](?![\\w\\]])");

    /**
     * Rewrites the placeholder forms of other templating habits into {@code {{name}}} before a line is split into
     * words (where their spaces would split them): {@code {agent ip}} and {@code { name }} (single braces),
     * {@code {{ extra.agent.port }}} (spaces inside), {@code [PORT]} and {@code [gateway]} (square brackets). Never
     * {@code %{http_code}} (curl's write-out), {@code ${NAME}} or an IPv6 literal in brackets.
     */
    public static String normaliseForms(String line) {
        if (line.indexOf('{') < 0 && line.indexOf('<') < 0 && line.indexOf('[') < 0) {
            return line; // no form to rewrite: the common line, and a runbook has thousands
        }
        String out = line;
        if (line.indexOf('<') >= 0) {
            Matcher angle = KOREAN_ANGLE.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (angle.find()) {
                String inner = angle.group(1);
                // a word the Korean forms already know (<서버IP>) stays that word; another noun becomes its own variable
                String replacement = KOREAN.containsKey(inner) ? inner : "{{" + inner + "}}";
                angle.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            out = angle.appendTail(sb).toString();
        }
        if (out.contains("{{")) {
            out = replace(SPACED_DOUBLE, out);
        }
        if (out.indexOf('{') >= 0) {
            out = replace(SINGLE_BRACES, out);
        }
        return out.indexOf('[') >= 0 ? replace(BRACKETS, out) : out;
    }

    private static String replace(Pattern p, String line) {
        Matcher m = p.matcher(line);
        if (!m.find()) {
            return line;
        }
        StringBuilder sb = new StringBuilder();
        do {
            String name = SEPARATORS.matcher(m.group(1).strip()).replaceAll("_");
            m.appendReplacement(sb, Matcher.quoteReplacement("{{" + name + "}}"));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** Canonical variable name for an explicit placeholder name ({@code HOST} and {@code hostname} give {@code host}). */
    public static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('-', '_');
        return ALIASES.getOrDefault(lower, lower);
    }

    /** The unambiguous placeholders in one word, in order of position. */
    public static List<Placeholder> scan(int wordIndex, String word) {
        List<Placeholder> found = new ArrayList<>();
        // each form needs a character most words lack: the regular expressions only run where one could match
        boolean explicit = word.indexOf('{') >= 0 || word.indexOf('<') >= 0 || word.indexOf('$') >= 0;
        Matcher m = EXPLICIT.matcher(explicit ? word : "");
        while (m.find()) {
            String name = m.group(1) != null
                    ? m.group(1)
                    : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            found.add(new Placeholder(wordIndex, m.start(), m.end(), m.group(), canonical(name)));
        }
        Matcher masked = MASKED_IP.matcher(maskedOctet(word) ? word : "");
        while (masked.find()) {
            addIfFree(found, new Placeholder(wordIndex, masked.start(), masked.end(), masked.group(), "ip"));
        }
        for (String korean : hasHangul(word) ? KOREAN_BY_LENGTH : List.<String>of()) {
            int from = 0;
            int at;
            while ((at = word.indexOf(korean, from)) >= 0) {
                int end = at + korean.length();
                String variable = KOREAN.get(korean);
                if (variable.equals("domain") || variable.equals("host")) {
                    Matcher suffix = DOMAIN_SUFFIX.matcher(word).region(end, word.length());
                    if (suffix.lookingAt() && !word.startsWith("...", end)) {
                        end = suffix.end();
                    }
                }
                addIfFree(found, new Placeholder(wordIndex, at, end, word.substring(at, end), variable));
                from = end;
            }
        }
        found.sort(Comparator.comparingInt(Placeholder::start));
        return found;
    }

    /** A dot followed by one of the letters {@link #MASKED_IP} masks an octet with ({@code .IP}, {@code .x}). */
    private static boolean maskedOctet(String word) {
        for (int dot = word.indexOf('.'); dot >= 0 && dot + 1 < word.length(); dot = word.indexOf('.', dot + 1)) {
            char next = word.charAt(dot + 1);
            if (next == 'I' || next == 'i' || next == 'x' || next == 'X') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasHangul(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i); // below U+1100 (Hangul Jamo) no script look-up is needed
            if (c >= '\u1100' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL) {
                return true;
            }
        }
        return false;
    }

    private static void addIfFree(List<Placeholder> found, Placeholder candidate) {
        for (Placeholder p : found) {
            if (candidate.start() < p.end() && p.start() < candidate.end()) {
                return;
            }
        }
        found.add(candidate);
    }

    /** The canonical variable an informal host word stands for, or null ({@code ip} gives {@code ip}). */
    public static String informalHost(String word) {
        if (!INFORMAL_HOST.contains(word)) {
            return null;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.equals("hostname") ? "host" : lower;
    }

    public static boolean informalPort(String word) {
        return INFORMAL_PORT.contains(word);
    }

    public static boolean informalIface(String word) {
        return INFORMAL_IFACE.contains(word);
    }

    /** A value that is valid where the variable stands, used only to check structure. */
    public static String sample(String variable) {
        String known = SAMPLES.get(variable);
        if (known != null) {
            return known;
        }
        if (variable.contains("port")) {
            return "80";
        }
        if (variable.endsWith("ip") || variable.contains("addr")) {
            return "192.0.2.1";
        }
        return "placeholder.invalid";
    }

    /** Replaces every unambiguous placeholder in {@code text} by its sample value. */
    public static String fillSamples(String text) {
        List<Placeholder> found = scan(0, text);
        StringBuilder sb = new StringBuilder(text);
        for (int i = found.size() - 1; i >= 0; i--) {
            Placeholder p = found.get(i);
            sb.replace(p.start(), p.end(), sample(p.variable()));
        }
        return sb.toString();
    }

    /** True when the text contains any unambiguous placeholder. */
    public static boolean containsAny(String text) {
        return !scan(0, text).isEmpty();
    }

    /** Variables used by the placeholders, in order of first appearance. */
    public static Set<String> variables(List<Placeholder> placeholders) {
        Set<String> names = new LinkedHashSet<>();
        for (Placeholder p : placeholders) {
            names.add(p.variable());
        }
        return names;
    }

    /**
     * Substitutes bound values into the words. Works on words after splitting, so a value can never
     * add words, pipes or redirections. Returns null when a variable has no value.
     */
    public static List<String> bind(List<String> words, List<Placeholder> placeholders, Map<String, String> values) {
        List<String> out = new ArrayList<>(words);
        List<Placeholder> sorted = new ArrayList<>(placeholders);
        sorted.sort(Comparator.comparingInt(Placeholder::word)
                .thenComparing(Placeholder::start, Comparator.reverseOrder()));
        for (Placeholder p : sorted) {
            String value = values.get(p.variable());
            if (value == null || value.isBlank()) {
                return null;
            }
            String w = out.get(p.word());
            out.set(p.word(), w.substring(0, p.start()) + value.strip() + w.substring(p.end()));
        }
        return out;
    }
}
