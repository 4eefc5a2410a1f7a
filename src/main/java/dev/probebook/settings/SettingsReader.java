package dev.probebook.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values from flat {@code probebook.*} properties, keys with or without the prefix (the prefixed form
 * wins), and remembers which keys were asked for, so that the keys nobody reads can be named. Durations take
 * {@code 500ms}, {@code 5s}, {@code 2m}, ISO-8601 ({@code PT5S}) or a plain number of milliseconds, as Spring Boot
 * does; sizes take {@code 512KB}, {@code 2MB} or bytes; lists are comma-separated. A bad value throws
 * {@link IllegalArgumentException} naming the key.
 */
public final class SettingsReader {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> props;
    private final Set<String> asked = new TreeSet<>();

    public SettingsReader(Map<String, String> props) {
        this.props = props;
    }

    /** The keys read so far, without the prefix. */
    public Set<String> asked() {
        return asked;
    }

    String raw(String key) {
        asked.add(key);
        String v = props.get("probebook." + key);
        return v != null ? v : props.get(key);
    }

    public String string(String key, String def) {
        String v = raw(key);
        return v == null ? def : v.trim();
    }

    /** A path, or null when the key is unset or blank and {@code def} is null. */
    public Path path(String key, String def) {
        String v = string(key, def == null ? "" : def);
        return v.isBlank() ? null : Path.of(v);
    }

    public boolean bool(String key, boolean def) {
        String v = raw(key);
        if (v == null) {
            return def;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("probebook." + key + ": '" + v + "' is not true or false");
        };
    }

    /** A whole number of at least 1, up to {@code Long.MAX_VALUE}. */
    public long count(String key, long def) {
        String v = raw(key);
        if (v == null) {
            return def;
        }
        try {
            long n = Long.parseLong(v.strip().replace("_", ""));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("probebook." + key + ": '" + v + "' is not a positive whole number");
        }
    }

    public int integer(String key, int def) {
        String v = raw(key);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("probebook." + key + ": '" + v + "' is not a positive whole number");
        }
    }

    public String role(String key, String def) {
        String v = string(key, def).toLowerCase(Locale.ROOT);
        if (!Settings.Roles.NAMES.contains(v)) {
            throw new IllegalArgumentException("probebook." + key + ": '" + v + "' is not a role (one of "
                    + String.join(", ", Settings.Roles.NAMES) + ")");
        }
        return v;
    }

    public List<String> list(String key, String def) {
        String v = raw(key);
        String text = v == null ? def : v;
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return List.copyOf(out);
    }

    public Duration duration(String key, String def) {
        String v = string(key, def);
        try {
            return parseDuration(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "probebook." + key + ": '" + v + "' is not a duration (e.g. 500ms, 5s, 2m)");
        }
    }

    public long size(String key, String def) {
        String v = string(key, def);
        Matcher m = SIZE.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("probebook." + key + ": '" + v + "' is not a size (e.g. 512KB, 2MB)");
        }
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("probebook." + key + ": '" + v + "' is too large");
        }
    }

    /** A duration as Spring Boot writes them; see the class comment. */
    public static Duration parseDuration(String text) {
        String v = text.trim();
        if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
            return Duration.parse(v);
        }
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double nanos = switch (unit) {
            case "ns" -> n;
            case "us" -> n * 1e3;
            case "ms" -> n * 1e6;
            case "s" -> n * 1e9;
            case "m" -> n * 60e9;
            case "h" -> n * 3600e9;
            default -> n * 86400e9;
        };
        return Duration.ofNanos((long) nanos);
    }
}
