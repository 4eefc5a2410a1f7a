package dev.probebook.settings;

import dev.probebook.command.HostPort;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.Typos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link Settings} from flat {@code probebook.*} properties (prefix optional). Durations take
 * {@code 500ms}, {@code 5s}, {@code 2m}, ISO-8601 ({@code PT5S}) or a plain number of milliseconds, as
 * Spring Boot does; sizes take {@code 512KB}, {@code 2MB} or bytes. Lists are comma-separated.
 */
public final class SettingsLoader {

    /** Link-local and cloud metadata addresses are denied unless configured otherwise. */
    public static final String DEFAULT_DENY = "169.254.0.0/16,fe80::/10,fd00:ec2::254/128";

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private SettingsLoader() {}

    /** Keys under {@code probebook.} that only the web app reads (sign-in, the runbooks folder). */
    public static final List<String> APP_KEY_PREFIXES = List.of("runbooks-dir", "users.", "oidc.");

    /**
     * The {@code probebook.*} keys in {@code properties} that nothing reads: a misspelt key would otherwise
     * be ignored without a word. Each comes with the closest known key when one is near.
     */
    public static List<String> unknownKeys(Map<String, String> properties) {
        Reader r = new Reader(Map.of());
        loadWith(r);
        List<String> out = new ArrayList<>();
        for (String full : new java.util.TreeSet<>(properties.keySet())) {
            if (!full.startsWith("probebook.")) {
                continue;
            }
            String key = full.substring("probebook.".length());
            if (r.asked().contains(key) || APP_KEY_PREFIXES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            out.add(full
                    + Typos.closest(key, r.asked(), 3)
                            .map(near -> " (did you mean probebook." + near + "?)")
                            .orElse(""));
        }
        return out;
    }

    public static Settings load(Map<String, String> properties) {
        return loadWith(new Reader(properties));
    }

    private static Settings loadWith(Reader r) {
        for (String server : r.list("dns.servers", "")) {
            checkDnsServer(server);
        }
        return new Settings(
                Path.of(r.string("hosts-file", "/etc/hosts")),
                Path.of(r.string("data-dir", "data")),
                r.duration("probe-timeout", "60s"),
                r.integer("max-concurrent-probes", 32),
                r.integer("output.max-lines", 5000),
                r.size("output.max-bytes", "1MB"),
                r.size("runbook.max-bytes", "2MB"),
                new Settings.Dns(r.list("dns.servers", ""), r.duration("dns.timeout", "5s")),
                new Settings.Tcp(
                        r.duration("tcp.connect-timeout", "10s"),
                        r.duration("tcp.tcping-timeout", "2s"),
                        r.duration("tcp.banner-wait", "1s")),
                new Settings.Http(
                        r.duration("http.max-time", "30s"),
                        r.string("http.ca-file", "").isBlank() ? null : Path.of(r.string("http.ca-file", "")),
                        r.string("http.user-agent", "curl/8.5.0 (probebook)")),
                new Settings.PublicIp(r.string("public-ip.url", ""), r.duration("public-ip.timeout", "5s")),
                new Settings.Ping(r.duration("ping.reply-timeout", "2s")),
                new Settings.Capture(
                        r.string("capture.interface", ""),
                        r.duration("capture.max-duration", "30s"),
                        r.integer("capture.max-packets", 1000),
                        r.size("capture.max-bytes", "64MB")),
                new Settings.PolicySettings(r.list("policy.allow", ""), r.list("policy.deny", DEFAULT_DENY)),
                new Settings.Limits(
                        r.integer("limits.per-user-concurrent", 4),
                        r.integer("limits.per-user-runs-per-minute", 60),
                        r.integer("limits.run-all-max-steps", 50)),
                new Settings.Roles(
                        r.role("roles.run", "operator"),
                        r.role("roles.capture", "admin"),
                        r.role("roles.hosts-write", "admin"),
                        r.role("roles.edit", "editor"),
                        r.role("roles.audit", "admin")));
    }

    /** Reads keys with or without the {@code probebook.} prefix; the prefixed form wins. */
    private record Reader(Map<String, String> props, java.util.Set<String> asked) {
        Reader(Map<String, String> props) {
            this(props, new java.util.TreeSet<>());
        }

        String raw(String key) {
            asked.add(key);
            String v = props.get("probebook." + key);
            return v != null ? v : props.get(key);
        }

        String string(String key, String def) {
            String v = raw(key);
            return v == null ? def : v.trim();
        }

        int integer(String key, int def) {
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

        String role(String key, String def) {
            String v = string(key, def).toLowerCase(Locale.ROOT);
            if (!Settings.Roles.NAMES.contains(v)) {
                throw new IllegalArgumentException("probebook." + key + ": '" + v + "' is not a role (one of "
                        + String.join(", ", Settings.Roles.NAMES) + ")");
            }
            return v;
        }

        List<String> list(String key, String def) {
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

        Duration duration(String key, String def) {
            String v = string(key, def);
            try {
                return parseDuration(v);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "probebook." + key + ": '" + v + "' is not a duration (e.g. 500ms, 5s, 2m)");
            }
        }

        long size(String key, String def) {
            String v = string(key, def);
            Matcher m = SIZE.matcher(v);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "probebook." + key + ": '" + v + "' is not a size (e.g. 512KB, 2MB)");
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
    }

    /** A DNS server must be an address literal, optionally with a port: names would need DNS themselves. */
    static void checkDnsServer(String server) {
        HostPort hostPort;
        try {
            hostPort = HostPort.split(server);
        } catch (IllegalArgumentException e) {
            throw notADnsServer(server);
        }
        String port = hostPort.port();
        boolean portOk = port == null
                || (port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535);
        if (!HostSyntax.isIpLiteral(hostPort.host()) || !portOk) {
            throw notADnsServer(server);
        }
    }

    private static IllegalArgumentException notADnsServer(String server) {
        return new IllegalArgumentException("probebook.dns.servers: '" + server
                + "' is not an address with an optional port (e.g. 10.0.0.2, 127.0.0.1:5353, [::1]:53)");
    }

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

    /** Collects {@code --probebook.x=y} arguments and {@code probebook.*} system properties. */
    public static Map<String, String> fromArgsAndSystem(List<String> args) {
        java.util.Map<String, String> props = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("probebook.")) {
                props.put(k.toString(), v.toString());
            }
        });
        for (String a : args) {
            if (a.startsWith("--probebook.") && a.contains("=")) {
                int eq = a.indexOf('=');
                props.put(a.substring(2, eq), a.substring(eq + 1));
            }
        }
        return props;
    }

    static List<String> split(String s) {
        return Arrays.stream(s.split(","))
                .map(String::trim)
                .filter(x -> !x.isEmpty())
                .toList();
    }
}
