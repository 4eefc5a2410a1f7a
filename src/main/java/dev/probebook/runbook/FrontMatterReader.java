package dev.probebook.runbook;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Finds a runbook's YAML front matter and reads it. Found as flexmark's front matter extension finds it (the first
 * non-blank line is {@code ---}, optionally followed by a blank and text; it runs to a line of {@code ---} or
 * {@code ...}, or to the end), before flexmark sees the text, which then parses only the body.
 *
 * <p>Read with SnakeYAML's safe loader, except for the front matter runbooks nearly always have: {@code key: value}
 * lines and {@code - item} lists of plain or simply quoted text, integers and dates. Those read to exactly what
 * SnakeYAML gives (tested side by side), without its per-document set-up, which was 40 % of parsing a runbook of a few
 * kilobytes. Anything else (nesting, comments, anchors, flow collections, escapes, other scalars) goes to SnakeYAML.
 */
final class FrontMatterReader {

    /** The front matter block as written (its {@code ---} lines included) and where the body starts. */
    record Found(String block, int bodyStart) {}

    private static final Pattern BEGIN = Pattern.compile("-{3}(\\s.*)?");
    private static final Pattern END = Pattern.compile("(-{3}|\\.{3})(\\s.*)?");
    private static final Pattern OPENING = Pattern.compile("^---[ \\t]*\\n");
    private static final Pattern CLOSING = Pattern.compile("\\n(---|\\.\\.\\.)[ \\t]*\\n?$");
    private static final Pattern KEY = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?");
    private static final Pattern ITEM = Pattern.compile(" *- +(.*)");
    private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** What SnakeYAML's resolver reads as a boolean. */
    private static final Set<String> TRUE = Set.of("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");

    private static final Set<String> FALSE = Set.of("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");

    /** Plain words YAML 1.1 reads as booleans or null, in any case: never plain text here. */
    private static final Set<String> YAML_WORDS =
            Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

    /**
     * SnakeYAML's safe loader, one per thread (a Yaml is not thread-safe; making one costs more than reading most front
     * matter), bounded against alias bombs, deep nesting and huge blocks.
     */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(256 * 1024);
        options.setNestingDepthLimit(20);
        return new Yaml(new SafeConstructor(options));
    });

    private FrontMatterReader() {}

    /** The front matter at the start of {@code source}, or null when it has none. */
    static Found find(String source) {
        int start = 0;
        while (start < source.length()) { // blank lines before it are allowed, as flexmark allows them
            int nl = source.indexOf('\n', start);
            int end = nl < 0 ? source.length() : nl;
            if (!source.substring(start, end).isBlank()) {
                break;
            }
            start = end + 1;
        }
        if (start >= source.length()) {
            return null;
        }
        int firstEnd = lineEnd(source, start);
        if (!BEGIN.matcher(source.substring(start, firstEnd)).matches()) {
            return null;
        }
        int line = Math.min(source.length(), firstEnd + 1);
        while (line < source.length()) {
            int end = lineEnd(source, line);
            if (END.matcher(source.substring(line, end)).matches()) {
                int bodyStart = Math.min(source.length(), end + 1);
                return new Found(source.substring(start, bodyStart), bodyStart);
            }
            line = end + 1;
        }
        return new Found(source.substring(start), source.length()); // never closed: all of it, as flexmark does
    }

    private static int lineEnd(String source, int from) {
        int nl = source.indexOf('\n', from);
        return nl < 0 ? source.length() : nl;
    }

    /** A problem with the front matter is a warning, and the runbook has none. */
    static FrontMatter read(String block, List<String> warnings) {
        String yamlText = withoutMarkers(block);
        Map<String, Object> simple = simple(yamlText);
        return simple != null ? new FrontMatter(simple) : snakeYaml(yamlText, warnings);
    }

    /** The values of simple front matter, as SnakeYAML reads them; null when it is not that simple. */
    static Map<String, Object> simple(String yamlText) {
        if (yamlText.length() > MAX_SIMPLE || !plainCharacters(yamlText)) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        String key = null;
        List<Object> items = null;
        int itemIndent = -1; // a list's items all start at one column: another one is a different structure
        for (String line : yamlText.split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            var keyLine = KEY.matcher(line);
            var itemLine = ITEM.matcher(line);
            if (keyLine.matches() && !YAML_WORDS.contains(keyLine.group(1).toLowerCase(Locale.ROOT))) {
                key = keyLine.group(1);
                items = null;
                itemIndent = -1;
                String raw = keyLine.group(2) == null ? "" : keyLine.group(2).strip();
                // a later duplicate wins, in the first one's place, as in SnakeYAML
                if (raw.isEmpty()) {
                    values.put(key, null);
                } else {
                    String value = scalar(raw);
                    if (value == null) {
                        return null;
                    }
                    values.put(key, value);
                    key = null;
                }
            } else if (key != null && itemLine.matches()) {
                int indent = line.indexOf('-');
                Object item = itemIndent < 0 || indent == itemIndent
                        ? item(itemLine.group(1).strip())
                        : null;
                if (item == null) {
                    return null;
                }
                itemIndent = indent;
                if (items == null) {
                    items = new ArrayList<>();
                    values.put(key, items);
                }
                items.add(item);
            } else {
                return null;
            }
        }
        values.values().removeIf(Objects::isNull);
        return values;
    }

    /**
     * A list item as SnakeYAML gives it inside a list: text, or a map of one key to text ({@code - refused: "..."});
     * null for anything else (SnakeYAML keeps a list's numbers, dates and booleans as such).
     */
    private static Object item(String raw) {
        var keyed = KEY.matcher(raw);
        if (keyed.matches()
                && keyed.group(2) != null
                && !YAML_WORDS.contains(keyed.group(1).toLowerCase(Locale.ROOT))) {
            String valueRaw = keyed.group(2).strip();
            String value = valueRaw.isEmpty() ? null : scalar(valueRaw);
            if (value == null || !isText(valueRaw, value)) {
                return null;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(keyed.group(1), value);
            return entry;
        }
        String value = scalar(raw);
        return value != null && isText(raw, value) ? value : null;
    }

    /** Whether SnakeYAML reads {@code raw} as the text {@code value} itself (quoted, or plain words). */
    private static boolean isText(String raw, String value) {
        char first = raw.charAt(0);
        return first == '"'
                || first == '\''
                || (value.equals(raw)
                        && !INTEGER.matcher(raw).matches()
                        && !DATE.matcher(raw).matches());
    }

    /** Longer front matter is SnakeYAML's to read or to refuse (its limit is 256 K code points). */
    private static final int MAX_SIMPLE = 64 * 1024;

    /**
     * No control character but the line feed, and no blank or break but the ASCII space: YAML reads others (tabs,
     * U+0085, U+2028, U+3000 ...) in ways of its own, and Java's strip() would not keep them as YAML does.
     */
    private static boolean plainCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20
                    ? c != '\n'
                    : c >= 0x7f
                            && (c < 0xa0
                                    || Character.isWhitespace(c)
                                    || Character.isSpaceChar(c)
                                    || Character.getType(c) == Character.FORMAT)) {
                return false;
            }
        }
        return true;
    }

    /** A scalar read as SnakeYAML reads it, as text; null for any it might read otherwise. */
    private static String scalar(String raw) {
        char first = raw.charAt(0);
        if (first == '"' || first == '\'') {
            String inner = raw.length() >= 2 && raw.charAt(raw.length() - 1) == first
                    ? raw.substring(1, raw.length() - 1)
                    : null;
            return inner == null || inner.indexOf(first) >= 0 || inner.indexOf('\\') >= 0 ? null : inner;
        }
        if (INTEGER.matcher(raw).matches()) {
            return raw;
        }
        if (TRUE.contains(raw) || FALSE.contains(raw)) {
            return TRUE.contains(raw) ? "true" : "false"; // SnakeYAML's Boolean, as text
        }
        if (DATE.matcher(raw).matches()) {
            try {
                LocalDate date = LocalDate.parse(raw);
                return date.getYear() > 1582 ? date.toString() : null; // SnakeYAML's calendar is Julian before
            } catch (DateTimeException e) {
                return null;
            }
        }
        if (!Character.isLetter(first) || YAML_WORDS.contains(raw.toLowerCase(Locale.ROOT))) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ("#:{}[],&*!|>'\"%@`\\\t".indexOf(c) >= 0) {
                return null;
            }
        }
        return raw;
    }

    /** What SnakeYAML alone reads from a block: the fast path's reference. */
    static FrontMatter readWithSnakeYaml(String block, List<String> warnings) {
        return snakeYaml(withoutMarkers(block), warnings);
    }

    private static String withoutMarkers(String block) {
        String rest = OPENING.matcher(block).replaceFirst("");
        return CLOSING.matcher(rest).replaceFirst("\n");
    }

    private static FrontMatter snakeYaml(String yamlText, List<String> warnings) {
        try {
            Object loaded = YAML.get().load(yamlText);
            if (loaded instanceof Map<?, ?> map) {
                Map<String, Object> values = new LinkedHashMap<>();
                map.forEach((k, v) -> values.put(String.valueOf(k), yamlValue(v)));
                values.values().removeIf(Objects::isNull);
                return new FrontMatter(values);
            }
            if (loaded != null) {
                warnings.add(MarkdownParser.FRONT_MATTER_PROBLEM + "is not a YAML mapping; ignored");
            }
        } catch (RuntimeException e) {
            warnings.add(MarkdownParser.FRONT_MATTER_PROBLEM + "is not valid YAML; ignored ("
                    + firstLine(e.getMessage()) + ")");
        }
        return FrontMatter.EMPTY;
    }

    /** Scalars as strings (YAML dates as ISO dates, as written), collections kept. */
    private static Object yamlValue(Object v) {
        if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
            return v;
        }
        if (v instanceof Date d) {
            Instant instant = d.toInstant();
            return instant.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? instant.atZone(ZoneOffset.UTC).toLocalDate().toString()
                    : instant.toString();
        }
        return v.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
